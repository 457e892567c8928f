"""The chapter's opening figure: iris petals by species beside the same points unlabelled."""

from unsupervised.classification_vs_clustering import (
    iris_species,
    plot_classification_vs_clustering,
)
from unsupervised.datasets import load_dataset
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y)
    fig = plot_classification_vs_clustering(X, y, iris_species(), tuple(smk.params.figure_size))
    save_figure(fig, smk.output.figure, smk.params.dpi)


run_step(snakemake, main)  # noqa: F821
