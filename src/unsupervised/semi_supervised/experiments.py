"""The semi-supervised section's experiments, one function per rule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from unsupervised.core.classifiers import make_classifier
from unsupervised.core.lazy import lazy_import
from unsupervised.core.results import Result
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.active_learning import active_learning
from unsupervised.semi_supervised.few_labels import few_labels_study
from unsupervised.semi_supervised.label_budget import mean_and_spread
from unsupervised.semi_supervised.propagation import cluster, largest_clusters

plots = lazy_import("unsupervised.semi_supervised.plots")

Classifier = Mapping[str, int]  # make_classifier's max_iter and random_state
CHOICE_NAMES = {"uncertainty": "least confident, distinct clusters", "random": "random"}


def digits_semi_supervised(
    split: Split,
    *,
    n_labels: int,
    n_clusters: int,
    percentile: float,
    percentile_sweep: Sequence[float],
    n_neighbors: int,
    alpha: float,
    n_init: int,
    random_state: int,
    classifier: Classifier,
    figure_size: Sequence[float],
) -> Result:
    """`n_labels` labels given at random, to representatives, propagated within clusters
    (with the sweep over the share propagated), spread over a k-NN graph."""
    study = few_labels_study(
        split,
        n_labels=n_labels,
        n_clusters=n_clusters,
        percentile=percentile,
        percentiles=percentile_sweep,
        n_neighbors=n_neighbors,
        alpha=alpha,
        n_init=n_init,
        random_state=random_state,
        make_model=lambda: make_classifier(True, **classifier),
    )
    reps = study.representatives
    shares = sorted(percentile_sweep)
    curves = {
        "test accuracy of the classifier": (shares, [study.sweep[q][0] for q in shares]),
        "accuracy of the propagated labels": (shares, [study.sweep[q][1] for q in shares]),
    }
    return Result(
        study.metrics,
        figures={
            "representatives": lambda: plots.plot_digits(
                split.X_train[reps], split.y_train[reps], (8, 0.9 * -(-len(reps) // 10))
            ),
            "sweep": lambda: plots.plot_curves(
                curves,
                "Labels propagated to the closest % of each cluster",
                "Accuracy",
                figure_size,
                title=f"{n_labels} labels propagated within their clusters",
            ),
        },
    )


def digits_active_learning(
    split: Split,
    *,
    n_labels: int,
    n_clusters: int,
    n_init: int,
    cluster_random_state: int,
    rounds: int,
    batch_size: int,
    random_state: int,
    classifier: Classifier,
    figure_size: Sequence[float],
) -> Result:
    """From the representative labels, rounds of labelling the least confident instances,
    against as many randomly chosen ones."""
    clustering = cluster(
        split.X_train, n_clusters, random_state=cluster_random_state, n_init=n_init
    )
    initial = clustering.representatives[largest_clusters(clustering, n_labels)]
    histories = {
        choose: active_learning(
            split.X_train,
            split.y_train,
            split.X_test,
            split.y_test,
            initial=initial,
            clusters=clustering.labels,
            rounds=rounds,
            batch=batch_size,
            make_model=lambda: make_classifier(True, **classifier),
            choose=choose,
            random_state=random_state,
        )
        for choose in CHOICE_NAMES
    }
    table = pd.DataFrame(
        {
            "round": range(rounds + 1),
            "labels": [labels for labels, _ in histories["uncertainty"]],
            **{
                f"{choose}_accuracy": [accuracy for _, accuracy in history]
                for choose, history in histories.items()
            },
        }
    )
    return Result(
        metrics={
            "n_labels": histories["uncertainty"][-1][0],
            "uncertainty_accuracy": histories["uncertainty"][-1][1],
            "random_accuracy": histories["random"][-1][1],
            "start_accuracy": histories["uncertainty"][0][1],
        },
        tables={"table": table},
        figures={
            "figure": lambda: plots.plot_curves(
                {CHOICE_NAMES[c]: tuple(zip(*h, strict=True)) for c, h in histories.items()},
                "Number of labelled instances",
                "Test accuracy",
                figure_size,
                title="Active learning from the representative labels",
            )
        },
    )


def label_budget(
    split: Split,
    runs: Sequence[Mapping[str, Any]],
    *,
    dataset: str,
    one_vs_rest: bool,
    max_iter: int,
    random_state: int,
    figure_size: Sequence[float],
) -> Result:
    """Accuracy against the budget per strategy (mean and spread over seeds), beside the
    classifier trained on every label."""
    reference = (
        make_classifier(one_vs_rest, max_iter, random_state)
        .fit(split.X_train, split.y_train)
        .score(split.X_test, split.y_test)
    )
    rows = []
    for run in runs:
        mean, std = mean_and_spread(run["accuracies"])
        rows.append(
            {"strategy": run["strategy"], "budget": run["budget"], "mean": mean, "std": std}
        )
    table = pd.DataFrame(rows)
    metrics = {"supervised_accuracy": reference}
    for row in table.itertuples(index=False):
        metrics[f"{row.strategy}_{row.budget}_accuracy"] = row.mean
    return Result(
        metrics,
        tables={"table": table},
        figures={"figure": lambda: plots.plot_label_budget(table, reference, dataset, figure_size)},
    )
