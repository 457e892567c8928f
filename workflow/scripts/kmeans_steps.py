"""The K-Means algorithm step by step from one random initialisation."""

from unsupervised.datasets import load_dataset
from unsupervised.io import write_metrics
from unsupervised.kmeans import lloyd_iterations
from unsupervised.kmeans_basics import plot_steps, step_inertias
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X, _ = load_dataset(smk.input.X, smk.input.y)
    steps = lloyd_iterations(X, p.k, p.iterations, p.random_state)
    save_figure(plot_steps(X, steps, p.resolution, p.figure_size), smk.output.figure, p.dpi)
    write_metrics(smk.output.metrics, {
        f"kmeans_steps.inertia_iteration_{i}": value
        for i, value in enumerate(step_inertias(X, steps), start=1)
    })


run_step(snakemake, main)  # noqa: F821
