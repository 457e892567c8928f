"""Exercise 11's three accuracies on one split, at the silhouette's best k of exercise 10,
for each seed of K-Means and the forest."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_accuracy
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    k = read_json(smk.input.clustering)["olivetti_clustering.silhouette_k"]
    write_result(olivetti_accuracy(Faces.load(smk.input.faces), k=k, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
