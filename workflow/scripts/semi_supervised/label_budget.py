"""Label-budget curves of one dataset: the figure, the table and the metrics."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.experiments import label_budget


def main(smk) -> None:
    runs = [read_json(path) for path in smk.input.scores]
    write_result(
        label_budget(
            Split.load(smk.input.split), runs, dataset=smk.wildcards.dataset, **settings(smk)
        ),
        smk,
    )


run_step(snakemake, main)  # noqa: F821
