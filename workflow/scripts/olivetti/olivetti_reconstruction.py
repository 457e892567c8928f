"""Exercise 13: PCA's reconstruction error of normal and altered faces."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_reconstruction
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    write_result(olivetti_reconstruction(Faces.load(smk.input.faces), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
