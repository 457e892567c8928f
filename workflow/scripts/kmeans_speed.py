"""Elkan vs Lloyd K-Means: median fit times on the blobs and on MNIST, and their ratio."""

import numpy as np

from unsupervised.datasets import load_dataset
from unsupervised.io import write_metrics
from unsupervised.kmeans_speed import plot_algorithm_times, time_algorithms
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    blobs, _ = load_dataset(smk.input.blobs_X, smk.input.blobs_y)
    mnist, _ = load_dataset(smk.input.mnist_X, smk.input.mnist_y, mmap=True)
    mnist = np.asarray(mnist[: p.mnist_samples], dtype=np.float32)
    times = {
        "blobs": time_algorithms(blobs, p.blobs_k, p.blobs_n_init, p.random_state, p.repeats),
        "MNIST": time_algorithms(mnist, p.mnist_k, p.mnist_n_init, p.random_state, p.repeats),
    }
    save_figure(plot_algorithm_times(times, p.figure_size), smk.output.figure, p.dpi)
    metrics = {"kmeans_speed.repeats": p.repeats, "kmeans_speed.mnist_samples": len(mnist)}
    for dataset, by_algorithm in times.items():
        name = dataset.lower()
        for algorithm, seconds in by_algorithm.items():
            metrics[f"kmeans_speed.{name}_{algorithm}_seconds"] = seconds
        metrics[f"kmeans_speed.{name}_elkan_over_lloyd"] = by_algorithm["elkan"] / by_algorithm[
            "lloyd"]
    write_metrics(smk.output.metrics, metrics)


run_step(snakemake, main)  # noqa: F821
