"""The segmentation grid (original, then each number of colours) and its metrics."""

import numpy as np

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.experiments import kmeans_segmentation
from unsupervised.kmeans.segmentation import load_rgb


def main(smk) -> None:
    stats = [read_json(path) for path in smk.input.stats]
    segmented = {
        entry["n_colors"]: np.load(path)
        for entry, path in zip(stats, smk.input.images, strict=True)
    }
    image = load_rgb(smk.input.image)
    write_result(kmeans_segmentation(image, segmented, stats, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
