"""One clustering algorithm on each number of MNIST images, or the reason a size is skipped."""

from unsupervised.clustering_algorithms.scaling import scaling_runs
from unsupervised.core.io import write_json_each
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    runs = scaling_runs(smk.wildcards.algorithm, X, y, **settings(smk))
    write_json_each(smk.output.runs, smk.params.sizes, {run["size"]: run for run in runs})


run_step(snakemake, main)  # noqa: F821
