"""Train/test split of a classification dataset as model-ready features."""

from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.data.splits import model_ready_split


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    model_ready_split(X, y, **settings(smk)).save(smk.output.split)


run_step(snakemake, main)  # noqa: F821
