"""Cross-validated accuracy of the K-Means + logistic regression pipeline for a chunk of k."""

from unsupervised.io import write_json
from unsupervised.preprocessing import cross_validated_accuracy, kmeans_pipeline
from unsupervised.semi_supervised import make_classifier
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    split = Split.load(smk.input.split)
    scores = cross_validated_accuracy(
        split.X_train, split.y_train, p.ks, folds=p.cv_folds, cv_random_state=p.cv_random_state,
        make_pipeline=lambda k: kmeans_pipeline(k, p.n_init, p.random_state,
                                                make_classifier(True, **p.classifier)),
    )
    write_json(smk.output.scores, {str(k): folds for k, folds in scores.items()})


run_step(snakemake, main)  # noqa: F821
