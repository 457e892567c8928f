"""Two clusterings of a 2-D set with badly chosen k, side by side."""

import numpy as np

from unsupervised.choosing_k import load_kfit
from unsupervised.kmeans_basics import plot_clusterings
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X = np.load(smk.input.X)
    fits = [load_kfit(path) for path in smk.input.fits]
    fig = plot_clusterings(X, tuple(fit.centers for fit in fits),
                    tuple(f"$k={fit.k}$: inertia {fit.inertia:.1f}" for fit in fits),
                    p.resolution, p.figure_size)
    save_figure(fig, smk.output.figure, p.dpi)


run_step(snakemake, main)  # noqa: F821
