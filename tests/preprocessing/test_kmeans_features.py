"""Clustering as preprocessing on tiny data: the cross-validated search of k."""

from __future__ import annotations

from unsupervised.core.classifiers import make_classifier
from unsupervised.preprocessing.kmeans_features import cross_validated_accuracy, kmeans_pipeline


def test_cross_validation_uses_the_same_folds_for_every_k(blobs) -> None:
    X, y = blobs
    make = lambda k: kmeans_pipeline(k, 2, 0, make_classifier(False, 1000, 0))  # noqa: E731
    together = cross_validated_accuracy(
        X, y, [3, 6], folds=3, cv_random_state=5, make_pipeline=make
    )
    alone = cross_validated_accuracy(X, y, [6], folds=3, cv_random_state=5, make_pipeline=make)
    assert together[6] == alone[6] and len(together[3]) == 3
