"""K-Means on the five blobs: centroids vs true centers, new points, hard and soft clustering."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.kmeans.experiments import fit_and_predict_blobs


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y)
    write_result(fit_and_predict_blobs(X, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
