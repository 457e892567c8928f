"""The digits' logistic regression alone, then on the distances to k centroids."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.preprocessing.experiments import digits_preprocessing


def main(smk) -> None:
    write_result(digits_preprocessing(Split.load(smk.input.split), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
