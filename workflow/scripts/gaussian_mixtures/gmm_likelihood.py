"""The likelihood function: a model, one of its densities, and the likelihood of theta."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_likelihood


def main(smk) -> None:
    write_result(gmm_likelihood(**settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
