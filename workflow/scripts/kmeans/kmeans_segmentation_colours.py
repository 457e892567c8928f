"""Segment an image into a number of colours with K-Means."""

from unsupervised.core.io import save_array, write_json
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.segmentation import load_rgb, segment_with_stats


def main(smk) -> None:
    segmented, stats = segment_with_stats(
        load_rgb(smk.input.image), int(smk.wildcards.n_colors), **settings(smk)
    )
    save_array(smk.output.image, segmented)
    write_json(smk.output.stats, stats)


run_step(snakemake, main)  # noqa: F821
