"""One clustering algorithm on one number of MNIST images, or the reason it is skipped."""

from unsupervised.clustering_algorithms.scaling import scaling_run
from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    write_json(smk.output.run, scaling_run(smk.wildcards.algorithm, X, y,
                                           size=int(smk.wildcards.size), **settings(smk)))


run_step(snakemake, main)  # noqa: F821
