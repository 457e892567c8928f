"""Process the Olivetti MAT file as scikit-learn does and check the array's fingerprint."""

from unsupervised.core.io import save_array
from unsupervised.core.step import run_step
from unsupervised.data.datasets import verified_olivetti


def main(smk) -> None:
    X, y = verified_olivetti(smk.input.mat, smk.params.array_sha256)
    save_array(smk.output.X, X)
    save_array(smk.output.y, y)


run_step(snakemake, main)  # noqa: F821
