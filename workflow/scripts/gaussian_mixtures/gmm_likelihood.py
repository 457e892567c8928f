"""The chapter's figure of a model, a PDF and the likelihood function."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_likelihood


def main(smk) -> None:
    write_result(gmm_likelihood(**settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
