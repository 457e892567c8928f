"""Gather the benchmark suite's runs: tables, summary, published partitions beside ours."""

from pathlib import Path

from unsupervised.clustering_algorithms.experiments import clustering_benchmark
from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.clustbench import load_battery


def main(smk) -> None:
    runs = [run for path in smk.input.runs for run in read_json(path)]
    datasets = [dataset for path in smk.input.bundles
                for dataset in load_battery(path, Path(path).stem)]
    write_result(clustering_benchmark(runs, datasets, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
