"""Exercise 11's accuracies over every split and seed: the table of their spread, the
figure with error bars, and the metrics."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_accuracy_spread


def main(smk) -> None:
    runs = [read_json(path) for path in smk.input.runs]
    write_result(olivetti_accuracy_spread(runs, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
