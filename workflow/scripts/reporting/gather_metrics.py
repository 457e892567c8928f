"""Merge every experiment's metrics.json into one flat results/metrics.json."""

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step
from unsupervised.reporting.gather import gather_metrics


def main(smk) -> None:
    write_json(smk.output.metrics, gather_metrics(smk.input.metrics))


run_step(snakemake, main)  # noqa: F821
