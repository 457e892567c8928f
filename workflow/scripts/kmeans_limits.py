"""Limits of K-Means: the ellipsoidal blobs, a hand-initialised and a default solution."""

import numpy as np

from unsupervised.datasets import load_dataset
from unsupervised.io import write_metrics
from unsupervised.kmeans import fit_kmeans
from unsupervised.kmeans_basics import plot_clusterings
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X, _ = load_dataset(smk.input.X, smk.input.y)
    init = np.asarray(p.good_init)
    good = fit_kmeans(X, len(init), n_init=1, init=init, random_state=p.random_state)
    bad = fit_kmeans(X, len(init), n_init=p.n_init, random_state=p.random_state)
    titles = (f"Hand-picked init: inertia {good.inertia_:.1f}",
              f"k-means++, n_init={p.n_init}: inertia {bad.inertia_:.1f}")
    fig = plot_clusterings(X, (good.cluster_centers_, bad.cluster_centers_), titles, p.resolution,
                    p.figure_size)
    save_figure(fig, smk.output.figure, p.dpi)
    write_metrics(smk.output.metrics, {"kmeans_limits.good_inertia": good.inertia_,
                                       "kmeans_limits.bad_inertia": bad.inertia_})


run_step(snakemake, main)  # noqa: F821
