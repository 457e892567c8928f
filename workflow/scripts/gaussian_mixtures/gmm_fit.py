"""The chapter's Gaussian mixture on the ellipsoids: parameters, BIC/AIC, density figure."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.gaussian_mixtures.experiments import gmm_fit


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y)
    write_result(gmm_fit(X, y, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
