"""One job of a sweep over k: cluster with k clusters, score the clustering, save it."""

import numpy as np

from unsupervised.choosing_k import fit_k, save_kfit, silhouette_sample
from unsupervised.io import atomic_path
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X, y = np.load(smk.input.X), np.load(smk.input.y)
    fit = fit_k(X, y, int(smk.wildcards.k), estimator=p.estimator, n_init=p.n_init,
                random_state=p.random_state, batch_size=p.batch_size,
                sample=silhouette_sample(len(X), p.silhouette_sample, p.random_state),
                parameter=f"choose_k.{smk.wildcards.dataset}.k_range")
    with atomic_path(smk.output.fit) as tmp, open(tmp, "wb") as handle:
        save_kfit(handle, fit)


run_step(snakemake, main)  # noqa: F821
