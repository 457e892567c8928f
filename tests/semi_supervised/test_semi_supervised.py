"""Semi-supervised building blocks on tiny data: representatives, propagation, active learning,
label budgets and the chapter's few-labels study."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.semi_supervised import LabelPropagation, LabelSpreading

from unsupervised.core.classifiers import make_classifier
from unsupervised.core.settings import SettingError
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.active_learning import active_learning, select_uncertain
from unsupervised.semi_supervised.budget_clustering import budget_clustering, check_budget
from unsupervised.semi_supervised.few_labels import few_labels_study
from unsupervised.semi_supervised.label_budget import (
    STRATEGIES,
    BudgetSettings,
    budget_accuracy,
    training_labels,
)
from unsupervised.semi_supervised.propagation import (
    UNLABELLED,
    Clustering,
    check_percentile,
    cluster,
    largest_clusters,
    propagate,
)
from unsupervised.semi_supervised.spreading import (
    graph_model,
    knn_graph,
    load_graph,
    save_graph,
    spread_labels,
)

SETTINGS = BudgetSettings(percentile=50, one_vs_rest=False, max_iter=1000, alpha=0.2)


def test_representatives_are_the_instances_closest_to_each_centroid(blobs) -> None:
    X, y = blobs
    clustering = cluster(X, 3, random_state=0, n_init=3)
    for cluster_id, index in enumerate(clustering.representatives):
        members = np.flatnonzero(clustering.labels == cluster_id)
        assert clustering.labels[index] == cluster_id
        assert clustering.distance[index] == clustering.distance[members].min()
    assert sorted(y[clustering.representatives]) == [0, 1, 2]


def test_propagation_to_whole_clusters_and_to_the_closest_percentile() -> None:
    clustering = Clustering(
        labels=np.array([0, 0, 0, 0, 1, 1]),
        distance=np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.1]),
        representatives=np.array([0, 5]),
    )
    whole = propagate(clustering, np.array([7, 3]))
    assert whole.tolist() == [7, 7, 7, 7, 3, 3]
    closest = propagate(clustering, np.array([7, 3]), percentile=50)
    assert closest.tolist() == [7, 7, UNLABELLED, UNLABELLED, UNLABELLED, 3]
    unlabelled_cluster = propagate(clustering, np.array([7, UNLABELLED]))
    assert unlabelled_cluster.tolist()[4:] == [UNLABELLED, UNLABELLED]


def test_largest_clusters_get_the_labels() -> None:
    clustering = Clustering(np.array([2, 2, 2, 0, 1, 1]), np.zeros(6), np.array([3, 4, 0]))
    assert largest_clusters(clustering, 2).tolist() == [2, 1]


@pytest.mark.parametrize(
    ("budget", "message"),
    [(101, "more labels than the 100"), (5, "fewer labels than the 10 classes")],
)
def test_budget_checks_name_the_setting(budget: int, message: str) -> None:
    with pytest.raises(SettingError, match=f"^budgets={budget}: {message}") as raised:
        check_budget(budget, 100, 10)
    assert str(raised.value.renamed("label_budget.budgets")).startswith(
        f"label_budget.budgets={budget}: {message}"
    )


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
            X,
            y,
            X,
            y,
            initial=initial,
            clusters=clustering.labels,
            rounds=3,
            batch=4,
            make_model=lambda: make_classifier(False, 1000, 0),
            choose=choose,
            random_state=0,
        )
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
    active_learning(
        X,
        y,
        X,
        y,
        initial=clustering.representatives,
        clusters=clustering.labels,
        rounds=2,
        batch=5,
        make_model=lambda: make_classifier(False, 1000, 0),
        choose="uncertainty",
        random_state=0,
    )
    assert [len(np.unique(rows, axis=0)) for rows in seen] == [3, 8, 13]


def test_label_spreading_recovers_separated_blobs(blobs) -> None:
    X, y = blobs
    partial = np.full(len(X), UNLABELLED)
    partial[[0, 30, 60]] = y[[0, 30, 60]]
    # each point reaches its blob's labelled one within a few hops of 15 neighbours
    assert np.array_equal(spread_labels(X, partial, knn_graph(X, 15)), y)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("spreading", [True, False])
@pytest.mark.parametrize("max_iter", [3, 100])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_shared_graph_spreads_exactly_as_scikit_learns_knn_kernel(
    spreading: bool, max_iter: int, dtype: type
) -> None:
    """Label spreading (and propagation) over the precomputed k-NN graph gives the labels and
    label distributions of scikit-learn's model with kernel="knn", bit for bit, converged
    or stopped early."""
    X, y = load_digits(return_X_y=True)
    X = X[:400].astype(dtype)
    partial = np.full(400, UNLABELLED)
    partial[::20] = y[:400:20]
    if spreading:
        reference = LabelSpreading(kernel="knn", n_neighbors=7, alpha=0.2, max_iter=max_iter)
    else:
        reference = LabelPropagation(kernel="knn", n_neighbors=7, max_iter=max_iter)
    reference.fit(X, partial)
    ours = graph_model(knn_graph(X, 7), alpha=0.2, max_iter=max_iter, spreading=spreading).fit(
        X, partial
    )
    assert np.array_equal(ours.label_distributions_, reference.label_distributions_)
    assert np.array_equal(ours.transduction_, reference.transduction_)
    assert ours.n_iter_ == reference.n_iter_


def test_a_graph_of_another_training_set_is_refused(blobs) -> None:
    X, y = blobs
    with pytest.raises(ValueError, match="a graph of 20 instances cannot spread labels over 90"):
        spread_labels(X, y, knn_graph(X[:20], 5))


def test_clusterings_and_graphs_survive_their_files(blobs, tmp_path: Path) -> None:
    X, _ = blobs
    clustering = cluster(X, 3, random_state=0, n_init=3)
    clustering.save(tmp_path / "clustering.npz")
    loaded = Clustering.load(tmp_path / "clustering.npz")
    for field in ("labels", "distance", "representatives"):
        assert np.array_equal(getattr(loaded, field), getattr(clustering, field))
    graph = knn_graph(X, 5)
    save_graph(tmp_path / "graph.npz", graph)
    assert (load_graph(tmp_path / "graph.npz") != graph).nnz == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["clustering.npz", "graph.npz"]


@pytest.fixture
def blob_split(blobs) -> Split:
    X, y = blobs
    return Split(X, X, y, y)


def test_every_strategy_beats_chance_on_separated_blobs(blob_split) -> None:
    X, y = blob_split.X_train, blob_split.y_train
    clustering = budget_clustering(X, y, 6, 0, n_init=3, minibatch=False)
    graph = knn_graph(X, 5)
    for strategy in STRATEGIES:
        assert budget_accuracy(strategy, blob_split, 6, 0, SETTINGS, clustering, graph) > 0.9


def test_the_clustering_strategies_label_from_the_clustering_they_are_given(blobs) -> None:
    """One clustering per (budget, seed) serves every strategy: each labels from its
    representatives, and none fits a clustering of its own."""
    X, y = blobs
    ours = Clustering(
        labels=np.repeat(np.arange(6), 15),
        distance=np.tile(np.arange(15.0), 6),
        representatives=np.arange(0, 90, 15),
    )
    rows, labels = training_labels("representative", X, y, 6, 0, SETTINGS, ours)
    assert rows.tolist() == [0, 15, 30, 45, 60, 75]
    rows, labels = training_labels("propagated", X, y, 6, 0, SETTINGS, ours)
    assert rows.tolist() == list(range(90)) and labels.tolist() == np.repeat(y[::15], 15).tolist()
    rows, _ = training_labels("propagated_percentile", X, y, 6, 0, SETTINGS, ours)
    assert len(rows) == 6 * 8  # the closest half of each cluster, its median included
    rows, labels = training_labels("label_spreading", X, y, 6, 0, SETTINGS, ours, knn_graph(X, 5))
    assert rows.tolist() == list(range(90)) and set(labels) <= set(y[::15])


@pytest.mark.parametrize(
    ("strategy", "clustering", "message"),
    [
        ("representative", None, "labels from a clustering with 6 clusters"),
        ("propagated", "k=3", "labels from a clustering with 6 clusters"),
        ("label_spreading", "k=6", "spreads labels over the k-NN graph"),
    ],
)
def test_a_strategy_without_its_shared_files_is_refused(
    blobs, strategy: str, clustering: str | None, message: str
) -> None:
    X, y = blobs
    given = (
        None if clustering is None else cluster(X, int(clustering[2:]), random_state=0, n_init=1)
    )
    with pytest.raises(ValueError, match=message):
        training_labels(strategy, X, y, 6, 0, SETTINGS, given)


def test_few_labels_study_reports_every_strategy(blobs) -> None:
    X, y = blobs
    order = np.random.default_rng(0).permutation(len(X))
    split = Split(X[order], X, y[order], y)
    study = few_labels_study(
        split,
        n_labels=6,
        n_clusters=8,
        percentile=50,
        percentiles=[50, 100],
        n_neighbors=10,
        alpha=0.2,
        n_init=3,
        random_state=0,
        make_model=lambda: make_classifier(False, 1000, 0),
    )
    assert len(study.representatives) == 6
    assert set(study.sweep) == {50, 100}
    assert study.metrics["propagated_percentile_label_accuracy"] == study.sweep[50][1]
    assert study.metrics["representative_accuracy"] > 0.9
    assert study.metrics["label_spreading_label_accuracy"] > 0.9
    assert {
        "label_spreading_accuracy",
        "label_propagation_accuracy",
        "random_accuracy",
        "percentile_100_accuracy",
    } <= study.metrics.keys()


def test_label_spreading_is_scored_by_the_same_classifier(blobs) -> None:
    """The strategy's accuracy is the downstream classifier's, trained on the spread labels,
    not the graph model's own predictions."""
    X, y = blobs
    settings = BudgetSettings(percentile=50, one_vs_rest=True, max_iter=1000, alpha=0.2)
    X_test = X + 3.0  # shifted: the k-NN graph and the classifier disagree here
    clustering = cluster(X, 6, random_state=0, n_init=3)
    score = budget_accuracy(
        "label_spreading", Split(X, X_test, y, y), 6, 0, settings, clustering, knn_graph(X, 5)
    )
    partial = np.full(len(X), UNLABELLED)
    partial[clustering.representatives] = y[clustering.representatives]
    spread = LabelSpreading(kernel="knn", n_neighbors=5, alpha=0.2).fit(X, partial)
    classifier = make_classifier(True, 1000, 0).fit(X, spread.transduction_)
    assert score == classifier.score(X_test, y)
    assert score != spread.score(X_test, y)
