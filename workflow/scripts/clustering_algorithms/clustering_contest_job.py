"""One clustering algorithm on one synthetic set, drawn with each seed: scores and time."""

from unsupervised.clustering_algorithms.contest import contest_runs
from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_json(smk.output.runs, contest_runs(smk.wildcards.algorithm, smk.wildcards.dataset,
                                             **settings(smk)))


run_step(snakemake, main)  # noqa: F821
