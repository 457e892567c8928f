"""Active learning by uncertainty sampling from the representative labels, against as many
randomly chosen labels."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.experiments import active_learning_rounds


def main(smk) -> None:
    write_result(active_learning_rounds(Split.load(smk.input.split), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
