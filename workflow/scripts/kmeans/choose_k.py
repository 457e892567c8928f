"""Gather a sweep over k: inertia with its elbow, silhouette, silhouette diagrams, metrics."""

import numpy as np

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.kmeans.choosing_k import load_kfits
from unsupervised.kmeans.experiments import choose_k


def main(smk) -> None:
    X = np.load(smk.input.X)
    fits = [fit for path in smk.input.fits for fit in load_kfits(path)]
    pca = read_json(smk.input.pca)["n_components"] if smk.input.get("pca") else None
    write_result(choose_k(X, fits, pca_components=pca, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
