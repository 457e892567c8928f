"""Variability of K-Means: unlucky initialisations, n_init, a good init, random vs k-means++."""

import numpy as np

from unsupervised.datasets import load_dataset
from unsupervised.io import write_metrics
from unsupervised.kmeans import fit_kmeans
from unsupervised.kmeans_basics import init_distribution, plot_clusterings, plot_init_distribution
from unsupervised.plotting import save_figure
from unsupervised.ranges import int_range
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X, _ = load_dataset(smk.input.X, smk.input.y)
    unlucky = [fit_kmeans(X, p.k, n_init=1, init="random", random_state=seed)
               for seed in p.unlucky_seeds]
    several = fit_kmeans(X, p.k, n_init=p.n_init, init="random", random_state=p.unlucky_seeds[0])
    good = fit_kmeans(X, p.k, n_init=1, init=np.asarray(p.good_init), random_state=0)
    titles = tuple(f"Seed {seed}: inertia {model.inertia_:.1f}"
                   for seed, model in zip(p.unlucky_seeds, unlucky, strict=True))
    fig = plot_clusterings(X, [model.cluster_centers_ for model in unlucky], titles,
                           p.resolution, p.figure_size)
    save_figure(fig, smk.output.variability, p.dpi)
    dist = init_distribution(X, p.k, int_range(p.seeds), p.best_rel_tol,
                             known_best=min(several.inertia_, good.inertia_))
    save_figure(plot_init_distribution(dist, p.figure_size), smk.output.distribution, p.dpi)
    metrics = {
        "kmeans_init.unlucky_1_inertia": unlucky[0].inertia_,
        "kmeans_init.unlucky_2_inertia": unlucky[1].inertia_,
        "kmeans_init.n_init_inertia": several.inertia_,
        "kmeans_init.good_init_inertia": good.inertia_,
        "kmeans_init.good_init_score": good.score(X),
        "kmeans_init.best_inertia": dist.best,
    }
    for method, name in (("random", "random"), ("k-means++", "kmeanspp")):
        rate = dist.hit_rate(method)
        metrics[f"kmeans_init.{name}_p_best"] = rate.p_best
        metrics[f"kmeans_init.{name}_runs_for_95"] = rate.runs_for_95
        metrics[f"kmeans_init.{name}_median_inertia"] = float(np.median(dist.inertias[method]))
    write_metrics(smk.output.metrics, metrics)


run_step(snakemake, main)  # noqa: F821
