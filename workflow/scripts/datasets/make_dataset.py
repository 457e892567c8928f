"""Build a dataset that needs no download: bundled with scikit-learn or synthetic."""

from unsupervised.core.io import save_array
from unsupervised.core.step import run_step
from unsupervised.data.datasets import generated


def main(smk) -> None:
    X, y = generated(smk.wildcards.dataset, smk.params.spec)
    save_array(smk.output.X, X)
    save_array(smk.output.y, y)


run_step(snakemake, main)  # noqa: F821
