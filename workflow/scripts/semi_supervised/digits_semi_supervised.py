"""The digits with few labels: given at random, to representatives, propagated."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.experiments import digits_semi_supervised


def main(smk) -> None:
    write_result(digits_semi_supervised(Split.load(smk.input.split), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
