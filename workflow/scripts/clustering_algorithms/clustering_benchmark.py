"""Gather the benchmark suite's runs: tables, summary, published partitions beside ours."""

from unsupervised.clustering_algorithms.experiments import clustering_benchmark
from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.clustbench import load_batteries


def main(smk) -> None:
    runs = [run for path in smk.input.runs for run in read_json(path)]
    datasets = load_batteries(smk.input.bundles)
    write_result(clustering_benchmark(runs, datasets, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
