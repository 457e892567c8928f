"""One clustering algorithm on every synthetic set, each drawn with each seed: scores and time."""

from unsupervised.clustering_algorithms.contest import algorithm_runs
from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    output_of = dict(zip(smk.params.specs, smk.output.runs, strict=True))
    for dataset, runs in algorithm_runs(smk.wildcards.algorithm, **settings(smk)).items():
        write_json(output_of[dataset], runs)


run_step(snakemake, main)  # noqa: F821
