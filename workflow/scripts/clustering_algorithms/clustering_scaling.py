"""Fit time, memory and agreement with the digits of every algorithm as MNIST grows."""

from unsupervised.clustering_algorithms.experiments import clustering_scaling
from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_result(
        clustering_scaling([read_json(path) for path in smk.input.runs], **settings(smk)), smk
    )


run_step(snakemake, main)  # noqa: F821
