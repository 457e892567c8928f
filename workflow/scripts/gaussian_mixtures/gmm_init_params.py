"""EM from each initialisation over seeds: iterations and log-likelihood reached."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import init_params_effect


def main(smk) -> None:
    write_result(init_params_effect(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
