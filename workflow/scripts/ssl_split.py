"""Train/test split of a classification dataset as model-ready features."""

from unsupervised.datasets import load_dataset
from unsupervised.splits import ordered_split_with_pca, random_split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    if smk.wildcards.dataset == "digits":
        split = random_split(X, y, p.split_random_state)
    else:
        split = ordered_split_with_pca(X, y, p.train_rows, p.n_train, p.pca_variance)
    split.save(smk.output.split)


run_step(snakemake, main)  # noqa: F821
