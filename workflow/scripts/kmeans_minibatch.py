"""Mini-batch K-Means on the blobs, and out of core on MNIST through a memory map."""

import numpy as np
from sklearn.cluster import MiniBatchKMeans

from unsupervised.datasets import load_dataset
from unsupervised.io import write_metrics
from unsupervised.kmeans import (
    assign,
    best_of_partial_fits,
    fit_kmeans,
    inertia,
    purity,
    random_rows,
)
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    blobs, _ = load_dataset(smk.input.blobs_X, smk.input.blobs_y)
    full = fit_kmeans(blobs, p.k, n_init=p.kmeans_n_init, random_state=p.random_state)
    mini = MiniBatchKMeans(n_clusters=p.k, n_init=p.n_init, random_state=p.random_state).fit(blobs)
    loop = best_of_partial_fits(random_rows(blobs), p.k, random_state=p.random_state,
                                **p.partial_fit)
    # MNIST is never loaded whole: batches and the final inertia read the memory map.
    mnist, digits = load_dataset(smk.input.mnist_X, smk.input.mnist_y, mmap=True)
    assert isinstance(mnist, np.memmap)
    settings = dict(p.mnist)
    k = settings.pop("k")
    model = best_of_partial_fits(random_rows(mnist), k, random_state=p.random_state, **settings)
    labels, mnist_inertia = assign(mnist, model.cluster_centers_)
    write_metrics(smk.output.metrics, {
        "kmeans_minibatch.blobs_kmeans_inertia": full.inertia_,
        "kmeans_minibatch.blobs_minibatch_inertia": mini.inertia_,
        "kmeans_minibatch.blobs_partial_fit_inertia": inertia(blobs, loop.cluster_centers_),
        "kmeans_minibatch.mnist_partial_fit_inertia": mnist_inertia,
        "kmeans_minibatch.mnist_partial_fit_purity": purity(digits, labels),
    })


run_step(snakemake, main)  # noqa: F821
