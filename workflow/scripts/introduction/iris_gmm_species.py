"""The iris classified (labels known) beside clustered (no labels)."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.introduction.experiments import iris_gmm_species


def main(smk) -> None:
    write_result(iris_gmm_species(np.load(smk.input.X), np.load(smk.input.y), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
