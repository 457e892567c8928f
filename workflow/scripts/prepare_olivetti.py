"""Process the Olivetti MAT file as scikit-learn does and check the array's fingerprint."""

from unsupervised.datasets import DatasetFormatError, array_sha256, olivetti_from_mat
from unsupervised.io import save_array
from unsupervised.step import run_step


def main(smk) -> None:
    X, y = olivetti_from_mat(smk.input.mat)
    fingerprint = array_sha256(X)
    if fingerprint != smk.params.array_sha256:
        raise DatasetFormatError(
            f"{smk.input.mat}: processed faces hash to {fingerprint}, expected "
            f"{smk.params.array_sha256} (datasets.olivetti.array_sha256); the file is not the "
            "Olivetti faces scikit-learn uses"
        )
    save_array(smk.output.X, X)
    save_array(smk.output.y, y)


run_step(snakemake, main)  # noqa: F821
