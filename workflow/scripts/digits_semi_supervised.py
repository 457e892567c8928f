"""Digits with 50 labels: random, representative, propagated (whole cluster or closest
percentile), label spreading and propagation; the representative images; a percentile sweep."""

import numpy as np

from unsupervised.io import write_metrics
from unsupervised.plotting import save_figure
from unsupervised.semi_supervised import (
    UNLABELLED,
    cluster,
    label_spreading,
    largest_clusters,
    make_classifier,
    propagate,
)
from unsupervised.semi_supervised_plots import plot_curves, plot_digits
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    s = Split.load(smk.input.split)
    X, y = s.X_train, s.y_train

    def accuracy(X_fit, y_fit) -> float:
        model = make_classifier(True, **p.classifier).fit(X_fit, y_fit)
        return float(model.score(s.X_test, s.y_test))

    clustering = cluster(X, p.n_clusters, random_state=p.random_state, n_init=p.n_init)
    labelled = largest_clusters(clustering, p.n_labels)
    reps = clustering.representatives[labelled]
    rep_labels = np.full(p.n_clusters, UNLABELLED)
    rep_labels[labelled] = y[reps]
    metrics = {
        "digits_semi_supervised.random_accuracy": accuracy(X[: p.n_labels], y[: p.n_labels]),
        "digits_semi_supervised.representative_accuracy": accuracy(X[reps], y[reps]),
    }
    sweep = {}
    for percentile in sorted({*p.percentile_sweep, p.percentile, 100}):
        propagated = propagate(clustering, rep_labels, percentile)
        kept = propagated != UNLABELLED
        sweep[percentile] = (accuracy(X[kept], propagated[kept]),
                             float(np.mean(propagated[kept] == y[kept])))
    metrics["digits_semi_supervised.propagated_accuracy"] = sweep[100][0]
    metrics["digits_semi_supervised.propagated_percentile_accuracy"] = sweep[p.percentile][0]
    metrics["digits_semi_supervised.propagated_percentile_label_accuracy"] = sweep[
        p.percentile][1]
    for percentile in p.percentile_sweep:
        name = f"{percentile:g}".replace(".", "_")
        metrics[f"digits_semi_supervised.percentile_{name}_accuracy"] = sweep[percentile][0]
        metrics[f"digits_semi_supervised.percentile_{name}_label_accuracy"] = sweep[percentile][1]
    partial = np.full(len(X), UNLABELLED)
    partial[reps] = y[reps]
    for name, spreading in (("label_spreading", True), ("label_propagation", False)):
        model = label_spreading(X, partial, n_neighbors=p.n_neighbors, alpha=p.alpha,
                                spreading=spreading, max_iter=1000)
        metrics[f"digits_semi_supervised.{name}_accuracy"] = float(model.score(s.X_test,
                                                                                 s.y_test))
    write_metrics(smk.output.metrics, metrics)
    save_figure(plot_digits(X[reps], y[reps], (8, 0.9 * -(-len(reps) // 10))),
                smk.output.representatives, p.dpi)
    percentiles = sorted(p.percentile_sweep)
    fig = plot_curves(
        {"test accuracy of the classifier": (percentiles, [sweep[q][0] for q in percentiles]),
         "accuracy of the propagated labels": (percentiles, [sweep[q][1] for q in percentiles])},
        "Labels propagated to the closest % of each cluster", "Accuracy", p.figure_size,
        title=f"{p.n_labels} labels propagated within their clusters")
    save_figure(fig, smk.output.sweep, p.dpi)


run_step(snakemake, main)  # noqa: F821
