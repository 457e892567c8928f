"""Semi-supervised building blocks on tiny data: representatives, propagation, active learning,
label budgets and the chapter's few-labels study."""

from __future__ import annotations

import numpy as np
import pytest

from unsupervised.core.classifiers import make_classifier
from unsupervised.core.settings import SettingError
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.active_learning import active_learning, select_uncertain
from unsupervised.semi_supervised.few_labels import few_labels_study
from unsupervised.semi_supervised.label_budget import BudgetSettings, budget_accuracy, check_budget
from unsupervised.semi_supervised.propagation import (
    UNLABELLED,
    Clustering,
    check_percentile,
    cluster,
    label_spreading,
    largest_clusters,
    propagate,
)


def test_representatives_are_the_instances_closest_to_each_centroid(blobs) -> None:
    X, y = blobs
    clustering = cluster(X, 3, random_state=0, n_init=3)
    for cluster_id, index in enumerate(clustering.representatives):
        members = np.flatnonzero(clustering.labels == cluster_id)
        assert clustering.labels[index] == cluster_id
        assert clustering.distance[index] == clustering.distance[members].min()
    assert sorted(y[clustering.representatives]) == [0, 1, 2]


def test_propagation_to_whole_clusters_and_to_the_closest_percentile() -> None:
    clustering = Clustering(labels=np.array([0, 0, 0, 0, 1, 1]),
                            distance=np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.1]),
                            representatives=np.array([0, 5]))
    whole = propagate(clustering, np.array([7, 3]))
    assert whole.tolist() == [7, 7, 7, 7, 3, 3]
    closest = propagate(clustering, np.array([7, 3]), percentile=50)
    assert closest.tolist() == [7, 7, UNLABELLED, UNLABELLED, UNLABELLED, 3]
    unlabelled_cluster = propagate(clustering, np.array([7, UNLABELLED]))
    assert unlabelled_cluster.tolist()[4:] == [UNLABELLED, UNLABELLED]


def test_largest_clusters_get_the_labels() -> None:
    clustering = Clustering(np.array([2, 2, 2, 0, 1, 1]), np.zeros(6), np.array([3, 4, 0]))
    assert largest_clusters(clustering, 2).tolist() == [2, 1]


@pytest.mark.parametrize(("budget", "message"), [(101, "more labels than the 100"),
                                                 (5, "fewer labels than the 10 classes")])
def test_budget_checks_name_the_setting(budget: int, message: str) -> None:
    with pytest.raises(SettingError, match=f"^budgets={budget}: {message}") as raised:
        check_budget(budget, 100, 10)
    assert str(raised.value.renamed("label_budget.budgets")).startswith(
        f"label_budget.budgets={budget}: {message}")


@pytest.mark.parametrize("percentile", [0, -5, 100.5])
def test_percentile_outside_0_100_is_refused(percentile: float) -> None:
    with pytest.raises(ValueError, match=r"must lie in \(0, 100\]"):
        check_percentile(percentile)


def test_uncertain_selection_prefers_distinct_clusters() -> None:
    candidates = np.array([10, 11, 12, 13, 14])
    clusters = np.zeros(20, dtype=int)
    clusters[[10, 11]] = 1
    clusters[[12, 13, 14]] = 2
    proba = np.array([[0.5, 0.5], [0.55, 0.45], [0.6, 0.4], [0.9, 0.1], [0.99, 0.01]])
    assert select_uncertain(proba, candidates, clusters, 2).tolist() == [10, 12]
    assert select_uncertain(proba, candidates, clusters, 3).tolist() == [10, 12, 11]


def test_an_active_learning_round_adds_exactly_the_requested_new_instances(blobs) -> None:
    X, y = blobs
    clustering = cluster(X, 3, random_state=0, n_init=3)
    initial = clustering.representatives
    for choose in ("uncertainty", "random"):
        history = active_learning(
            X, y, X, y, initial=initial, clusters=clustering.labels, rounds=3, batch=4,
            make_model=lambda: make_classifier(False, 1000, 0), choose=choose, random_state=0)
        assert [n for n, _ in history] == [3, 7, 11, 15]
        assert all(0 <= accuracy <= 1 for _, accuracy in history)


def test_active_learning_never_relabels(blobs, monkeypatch) -> None:
    X, y = blobs
    seen: list[np.ndarray] = []
    original = make_classifier(False, 1000, 0).__class__.fit

    def recording_fit(self, X_fit, y_fit):
        seen.append(X_fit.copy())
        return original(self, X_fit, y_fit)

    monkeypatch.setattr(make_classifier(False, 1000, 0).__class__, "fit", recording_fit)
    clustering = cluster(X, 3, random_state=0, n_init=3)
    active_learning(X, y, X, y, initial=clustering.representatives, clusters=clustering.labels,
                    rounds=2, batch=5, make_model=lambda: make_classifier(False, 1000, 0),
                    choose="uncertainty", random_state=0)
    assert [len(np.unique(rows, axis=0)) for rows in seen] == [3, 8, 13]


def test_label_spreading_recovers_separated_blobs(blobs) -> None:
    X, y = blobs
    partial = np.full(len(X), UNLABELLED)
    partial[[0, 30, 60]] = y[[0, 30, 60]]
    assert label_spreading(X, partial, n_neighbors=10, max_iter=1000).score(X, y) == 1.0


def test_every_strategy_beats_chance_on_separated_blobs(blobs) -> None:
    X, y = blobs
    settings = BudgetSettings(percentile=50, n_init=3, minibatch=False, one_vs_rest=False,
                              max_iter=1000, n_neighbors=5, alpha=0.2)
    for strategy in ("random", "representative", "propagated", "propagated_percentile",
                     "label_spreading"):
        assert budget_accuracy(strategy, X, y, X, y, 6, seed=0, settings=settings) > 0.9


def test_few_labels_study_reports_every_strategy(blobs) -> None:
    X, y = blobs
    order = np.random.default_rng(0).permutation(len(X))
    split = Split(X[order], X, y[order], y)
    study = few_labels_study(split, n_labels=6, n_clusters=8, percentile=50,
                             percentiles=[50, 100], n_neighbors=10, alpha=0.2, n_init=3,
                             random_state=0, make_model=lambda: make_classifier(False, 1000, 0))
    assert len(study.representatives) == 6
    assert set(study.sweep) == {50, 100}
    assert study.metrics["propagated_percentile_label_accuracy"] == study.sweep[50][1]
    assert study.metrics["representative_accuracy"] > 0.9
    assert study.metrics["label_spreading_label_accuracy"] > 0.9
    assert {"label_spreading_accuracy", "label_propagation_accuracy",
            "random_accuracy", "percentile_100_accuracy"} <= study.metrics.keys()


def test_label_spreading_is_scored_by_the_same_classifier(blobs) -> None:
    """The strategy's accuracy is the downstream classifier's, trained on the spread labels,
    not the graph model's own predictions."""
    X, y = blobs
    settings = BudgetSettings(percentile=50, n_init=3, minibatch=False, one_vs_rest=True,
                              max_iter=1000, n_neighbors=5, alpha=0.2)
    X_test = X + 3.0  # shifted: the k-NN graph and the classifier disagree here
    score = budget_accuracy("label_spreading", X, y, X_test, y, 6, seed=0, settings=settings)
    reps = cluster(X, 6, random_state=0, n_init=3).representatives
    partial = np.full(len(X), UNLABELLED)
    partial[reps] = y[reps]
    spread = label_spreading(X, partial, n_neighbors=5, alpha=0.2)
    classifier = make_classifier(True, 1000, 0).fit(X, spread.transduction_)
    assert score == classifier.score(X_test, y)
    assert score != spread.score(X_test, y)
