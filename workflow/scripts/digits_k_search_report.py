"""Best number of clusters by cross-validation, its test accuracy, and the figure."""

import numpy as np
from sklearn.model_selection import cross_val_score

from unsupervised.io import read_json, write_metrics
from unsupervised.plotting import save_figure
from unsupervised.preprocessing import cv_folds, kmeans_pipeline
from unsupervised.semi_supervised import make_classifier
from unsupervised.semi_supervised_plots import plot_cv_accuracy
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    split = Split.load(smk.input.split)
    scores = {int(k): folds for path in smk.input.chunks for k, folds in read_json(path).items()}
    best_k = max(scores, key=lambda k: (np.mean(scores[k]), -k))
    baseline_cv = cross_val_score(make_classifier(True, **p.classifier), split.X_train,
                                  split.y_train, cv=cv_folds(p.cv_folds, p.cv_random_state)).mean()
    final = kmeans_pipeline(best_k, p.n_init, p.random_state,
                            make_classifier(True, **p.classifier))
    test_accuracy = final.fit(split.X_train, split.y_train).score(split.X_test, split.y_test)
    save_figure(plot_cv_accuracy(scores, best_k, baseline_cv, p.figure_size), smk.output.figure,
                p.dpi)
    write_metrics(smk.output.metrics, {
        "digits_k_search.best_k": best_k,
        "digits_k_search.best_cv_accuracy": float(np.mean(scores[best_k])),
        "digits_k_search.best_k_test_accuracy": test_accuracy,
        "digits_k_search.logreg_cv_accuracy": baseline_cv,
        "digits_k_search.n_k": len(scores),
    })


run_step(snakemake, main)  # noqa: F821
