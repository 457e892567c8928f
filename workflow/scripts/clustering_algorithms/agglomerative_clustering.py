"""Agglomerative clustering of a few 1-D points, and its dendrogram."""

from unsupervised.clustering_algorithms.experiments import agglomerative_clustering
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_result(agglomerative_clustering(**settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
