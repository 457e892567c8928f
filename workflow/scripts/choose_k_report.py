"""Gather a sweep over k: inertia with its elbow, silhouette, silhouette diagrams, metrics."""

import numpy as np

from unsupervised.choosing_k import (
    Sweep,
    load_kfit,
    plot_inertia,
    plot_silhouette,
    plot_silhouette_diagrams,
    silhouette_sample,
)
from unsupervised.io import read_json, write_metrics
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X = np.load(smk.input.X)
    sweep = Sweep(sorted((load_kfit(path) for path in smk.input.fits), key=lambda f: f.k))
    sample = silhouette_sample(len(X), p.silhouette_sample, p.random_state)
    save_figure(plot_inertia(sweep, p.figure_size), smk.output.inertia, p.dpi)
    save_figure(plot_silhouette(sweep, p.figure_size, p.silhouette_sample), smk.output.silhouette,
                p.dpi)
    diagrams = {k: sweep.by_k(k) for k in p.diagram_k}
    save_figure(plot_silhouette_diagrams(X, diagrams, sample, p.diagram_size),
                smk.output.diagrams, p.dpi)
    prefix = f"choose_k_{smk.wildcards.dataset}"
    metrics = sweep.metrics(prefix, p.report_k)
    metrics[f"{prefix}.silhouette_sample_size"] = len(sample)
    if smk.input.get("pca"):
        metrics[f"{prefix}.pca_components"] = read_json(smk.input.pca)["n_components"]
    write_metrics(smk.output.metrics, metrics)


run_step(snakemake, main)  # noqa: F821
