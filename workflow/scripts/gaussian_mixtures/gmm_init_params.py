"""EM from each initialisation over seeds."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_init_params


def main(smk) -> None:
    write_result(gmm_init_params(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
