"""Anomalies as the instances of lowest density under the mixture."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.gaussian_mixtures.experiments import gmm_anomalies


def main(smk) -> None:
    write_result(gmm_anomalies(np.load(smk.input.X), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
