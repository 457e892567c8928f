"""Best number of clusters by cross-validation, its test accuracy, and the figure."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.preprocessing.experiments import digits_k_search


def main(smk) -> None:
    scores = {int(k): folds for path in smk.input.chunks for k, folds in read_json(path).items()}
    write_result(digits_k_search(Split.load(smk.input.split), scores, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
