"""Altered faces told apart by the mixture and by the reconstruction error."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_anomalies
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    write_result(olivetti_anomalies(Faces.load(smk.input.faces), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
