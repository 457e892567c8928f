"""Segment an image into a number of colours with K-Means."""

from unsupervised.io import save_array, write_json
from unsupervised.segmentation import load_rgb, rmse, segment
from unsupervised.step import run_step


def main(smk) -> None:
    image = load_rgb(smk.input.image)
    n_colors = int(smk.wildcards.n_colors)
    segmented, inertia = segment(image, n_colors, n_init=smk.params.n_init,
                                 random_state=smk.params.random_state)
    save_array(smk.output.image, segmented)
    write_json(smk.output.stats, {"n_colors": n_colors, "inertia": inertia,
                                  "rmse": rmse(image, segmented)})


run_step(snakemake, main)  # noqa: F821
