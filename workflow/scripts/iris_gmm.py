"""Gaussian mixture on the four iris features, clusters mapped to species: accuracy and figure."""

from unsupervised.classification_vs_clustering import (
    classify_with_gmm,
    iris_species,
    plot_gmm_clusters,
)
from unsupervised.datasets import load_dataset
from unsupervised.io import write_metrics
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y)
    result = classify_with_gmm(X, y, smk.params.n_components, smk.params.random_state)
    fig = plot_gmm_clusters(X, y, result, iris_species(), tuple(smk.params.figure_size))
    save_figure(fig, smk.output.figure, smk.params.dpi)
    n_correct = result.n_correct(y)
    write_metrics(smk.output.metrics, {
        "iris_gmm.n_correct": n_correct,
        "iris_gmm.accuracy": n_correct / len(y),
    })


run_step(snakemake, main)  # noqa: F821
