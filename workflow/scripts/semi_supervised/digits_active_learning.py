"""Active learning from the representative labels against random ones."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.experiments import digits_active_learning


def main(smk) -> None:
    write_result(digits_active_learning(Split.load(smk.input.split), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
