"""Logistic regression on the digits, alone and after K-Means distances as features."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.preprocessing.experiments import distances_as_features


def main(smk) -> None:
    write_result(distances_as_features(Split.load(smk.input.split), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
