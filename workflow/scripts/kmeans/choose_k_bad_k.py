"""Two clusterings of a 2-D set with badly chosen k, side by side."""

import numpy as np

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.choosing_k import load_kfits
from unsupervised.kmeans.experiments import choose_k_bad_k


def main(smk) -> None:
    fits = [fit for path in smk.input.fits for fit in load_kfits(path)]
    write_result(choose_k_bad_k(np.load(smk.input.X), fits, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
