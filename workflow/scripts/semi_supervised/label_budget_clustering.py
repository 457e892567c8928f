"""The clustering of one label budget and seed, which the clustering strategies label from."""

from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.budget_clustering import budget_clustering


def main(smk) -> None:
    split = Split.load(smk.input.split)
    clustering = budget_clustering(
        split.X_train,
        split.y_train,
        int(smk.wildcards.budget),
        int(smk.wildcards.seed),
        **settings(smk),
    )
    clustering.save(smk.output.clustering)


run_step(snakemake, main)  # noqa: F821
