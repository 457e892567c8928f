"""The segmentation grid (original, then each number of colours) and its metrics."""

import numpy as np

from unsupervised.io import read_json, write_metrics
from unsupervised.plotting import save_figure
from unsupervised.segmentation import load_rgb, plot_segmentations
from unsupervised.step import run_step


def main(smk) -> None:
    image = load_rgb(smk.input.image)
    stats = [read_json(path) for path in smk.input.stats]
    segmented = {s["n_colors"]: np.load(path) for s, path in zip(stats, smk.input.images,
                                                                  strict=True)}
    save_figure(plot_segmentations(image, segmented, tuple(smk.params.figure_size)),
                smk.output.figure, smk.params.dpi)
    metrics = {}
    for s in stats:
        metrics[f"kmeans_segmentation.inertia_{s['n_colors']}_colors"] = s["inertia"]
        metrics[f"kmeans_segmentation.rmse_{s['n_colors']}_colors"] = s["rmse"]
    write_metrics(smk.output.metrics, metrics)


run_step(snakemake, main)  # noqa: F821
