"""Logistic regression on the digits, alone and after K-Means distances as features."""

from unsupervised.io import write_metrics
from unsupervised.preprocessing import kmeans_pipeline
from unsupervised.semi_supervised import make_classifier
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    split = Split.load(smk.input.split)
    baseline = make_classifier(True, **p.classifier).fit(split.X_train, split.y_train)
    pipeline = kmeans_pipeline(p.k, p.n_init, p.random_state, make_classifier(True, **p.classifier))
    pipeline.fit(split.X_train, split.y_train)
    baseline_accuracy = baseline.score(split.X_test, split.y_test)
    pipeline_accuracy = pipeline.score(split.X_test, split.y_test)
    write_metrics(smk.output.metrics, {
        "digits_preprocessing.logreg_accuracy": baseline_accuracy,
        "digits_preprocessing.kmeans_logreg_accuracy": pipeline_accuracy,
        "digits_preprocessing.error_rate_reduction":
            1 - (1 - pipeline_accuracy) / (1 - baseline_accuracy),
    })


run_step(snakemake, main)  # noqa: F821
