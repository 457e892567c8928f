"""The contest of anomaly detectors: table, figure and metrics over every (detector,
problem)."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.contest import anomaly_detectors


def main(smk) -> None:
    runs = [run for path in smk.input.runs for run in read_json(path)]
    write_result(anomaly_detectors(runs, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
