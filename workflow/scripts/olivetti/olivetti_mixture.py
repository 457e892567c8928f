"""Exercise 12: a Gaussian mixture that generates faces and scores altered ones."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_mixture
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    write_result(olivetti_mixture(Faces.load(smk.input.faces), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
