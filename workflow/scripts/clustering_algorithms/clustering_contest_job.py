"""One clustering algorithm on every synthetic set, each drawn with each seed: scores and time."""

from unsupervised.clustering_algorithms.contest import algorithm_runs
from unsupervised.core.io import write_json_each
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_json_each(smk.output.runs, list(smk.params.specs),
                    algorithm_runs(smk.wildcards.algorithm, **settings(smk)))


run_step(snakemake, main)  # noqa: F821
