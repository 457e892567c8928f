"""A Gaussian mixture of the iris, its clusters mapped to the species."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.introduction.experiments import iris_gmm


def main(smk) -> None:
    write_result(iris_gmm(np.load(smk.input.X), np.load(smk.input.y), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
