"""The grid gathered: best (k, covariance type) by BIC, and BIC/AIC against k."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_selection


def main(smk) -> None:
    fits = [fit for path in smk.input.fits for fit in read_json(path)]
    write_result(gmm_selection(fits, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
