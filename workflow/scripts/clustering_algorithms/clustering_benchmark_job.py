"""One algorithm on every dataset of the benchmark suite: scores, clusters found, fit time."""

from unsupervised.clustering_algorithms.benchmark import benchmark_runs
from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.data.clustbench import load_batteries


def main(smk) -> None:
    datasets = load_batteries(smk.input.bundles)
    write_json(smk.output.runs, benchmark_runs(smk.wildcards.algorithm, datasets, **settings(smk)))


run_step(snakemake, main)  # noqa: F821
