"""The MNIST grid gathered: best (k, covariance type) by BIC, BIC/AIC against k, and the
purity in digits of the chosen mixture's components."""

import numpy as np

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_selection_mnist


def main(smk) -> None:
    fits = [fit for path in smk.input.fits for fit in read_json(path)]
    write_result(
        gmm_selection_mnist(fits, np.load(smk.input.X), np.load(smk.input.y), **settings(smk)), smk
    )


run_step(snakemake, main)  # noqa: F821
