"""One clustering algorithm on each number of MNIST images, or the reason a size is skipped."""

from unsupervised.clustering_algorithms.scaling import scaling_runs
from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    output_of = dict(zip(smk.params.sizes, smk.output.runs, strict=True))
    for run in scaling_runs(smk.wildcards.algorithm, X, y, **settings(smk)):
        write_json(output_of[run["size"]], run)


run_step(snakemake, main)  # noqa: F821
