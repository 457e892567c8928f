"""The preprocessing section's experiments, one function per rule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.model_selection import cross_val_score

from unsupervised.core.classifiers import make_classifier
from unsupervised.core.lazy import lazy_import
from unsupervised.core.results import Result
from unsupervised.data.splits import Split
from unsupervised.preprocessing.kmeans_features import (
    cross_validated_accuracy,
    kmeans_pipeline,
    stratified_folds,
)

plots = lazy_import("unsupervised.preprocessing.plots")

Classifier = Mapping[str, int]  # make_classifier's max_iter and random_state


def digits_preprocessing(
    split: Split, *, k: int, n_init: int, random_state: int, classifier: Classifier
) -> Result:
    """The chapter's logistic regression alone, then on the distances to k centroids."""
    baseline = make_classifier(True, **classifier).fit(split.X_train, split.y_train)
    pipeline = kmeans_pipeline(k, n_init, random_state, make_classifier(True, **classifier))
    pipeline.fit(split.X_train, split.y_train)
    baseline_accuracy = baseline.score(split.X_test, split.y_test)
    pipeline_accuracy = pipeline.score(split.X_test, split.y_test)
    return Result(
        {
            "logreg_accuracy": baseline_accuracy,
            "kmeans_logreg_accuracy": pipeline_accuracy,
            "error_rate_reduction": 1 - (1 - pipeline_accuracy) / (1 - baseline_accuracy),
        }
    )


def digits_k_search_chunk(
    split: Split,
    *,
    ks: Sequence[int],
    cv_folds: int,
    cv_random_state: int,
    n_init: int,
    random_state: int,
    classifier: Classifier,
) -> dict[int, list[float]]:
    """Cross-validated accuracy of the pipeline on every fold, for each k of one chunk."""
    return cross_validated_accuracy(
        split.X_train,
        split.y_train,
        ks,
        folds=cv_folds,
        cv_random_state=cv_random_state,
        make_pipeline=lambda k: kmeans_pipeline(
            k, n_init, random_state, make_classifier(True, **classifier)
        ),
    )


def digits_k_search(
    split: Split,
    scores: Mapping[int, Sequence[float]],
    *,
    cv_folds: int,
    cv_random_state: int,
    n_init: int,
    random_state: int,
    classifier: Classifier,
    figure_size: Sequence[float],
) -> Result:
    """The k with the best mean fold accuracy (the smallest on a tie), its test accuracy,
    and the classifier alone cross-validated on the same folds."""
    best_k = max(scores, key=lambda k: (np.mean(scores[k]), -k))
    folds = stratified_folds(cv_folds, cv_random_state)
    baseline_cv = cross_val_score(
        make_classifier(True, **classifier), split.X_train, split.y_train, cv=folds
    ).mean()
    final = kmeans_pipeline(best_k, n_init, random_state, make_classifier(True, **classifier))
    test_accuracy = final.fit(split.X_train, split.y_train).score(split.X_test, split.y_test)
    return Result(
        metrics={
            "best_k": best_k,
            "best_cv_accuracy": float(np.mean(scores[best_k])),
            "best_k_test_accuracy": test_accuracy,
            "logreg_cv_accuracy": baseline_cv,
            "n_k": len(scores),
        },
        figures={
            "figure": lambda: plots.plot_cv_accuracy(scores, best_k, baseline_cv, figure_size)
        },
    )
