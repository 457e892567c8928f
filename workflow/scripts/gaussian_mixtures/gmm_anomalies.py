"""Anomalies as the instances of lowest density under the mixture, and their figure."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.gaussian_mixtures.experiments import gmm_anomalies


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y)
    write_result(gmm_anomalies(X, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
