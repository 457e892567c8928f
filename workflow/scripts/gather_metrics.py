"""Merge every experiment's metrics.json into one flat results/metrics.json."""

from unsupervised.io import write_json
from unsupervised.metrics import gather_metrics
from unsupervised.step import run_step


def main(smk) -> None:
    write_json(smk.output.metrics, gather_metrics(smk.input.metrics))


run_step(snakemake, main)  # noqa: F821
