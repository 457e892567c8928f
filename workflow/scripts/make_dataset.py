"""Build a dataset that needs no download: bundled with scikit-learn or synthetic."""

from unsupervised.datasets import BUNDLED, SYNTHETIC, bundled
from unsupervised.io import save_array
from unsupervised.step import run_step


def main(smk) -> None:
    name = smk.wildcards.dataset
    if name in BUNDLED:
        X, y = bundled(name)
    else:
        X, y = SYNTHETIC[name](**smk.params.spec)
    save_array(smk.output.X, X)
    save_array(smk.output.y, y)


run_step(snakemake, main)  # noqa: F821
