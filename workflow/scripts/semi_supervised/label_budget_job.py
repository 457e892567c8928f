"""Test accuracy of one labelling strategy with one label budget, for every seed."""

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.experiments import label_budget_runs


def main(smk) -> None:
    runs = label_budget_runs(Split.load(smk.input.split), strategy=smk.wildcards.strategy,
                             budget=int(smk.wildcards.budget), **settings(smk))
    write_json(smk.output.scores, runs)


run_step(snakemake, main)  # noqa: F821
