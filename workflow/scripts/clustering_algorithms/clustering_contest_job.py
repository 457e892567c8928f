"""Every clustering algorithm on one synthetic set, drawn with each seed: scores and time."""

from unsupervised.clustering_algorithms.contest import dataset_runs
from unsupervised.core.io import write_json_each
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_json_each(
        smk.output.runs,
        list(smk.params.settings),
        dataset_runs(smk.wildcards.dataset, **settings(smk)),
    )


run_step(snakemake, main)  # noqa: F821
