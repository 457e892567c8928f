"""Cross-validated accuracy of the K-Means + logistic regression pipeline for a chunk of k."""

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.preprocessing.experiments import digits_k_search_chunk


def main(smk) -> None:
    scores = digits_k_search_chunk(Split.load(smk.input.split), **settings(smk))
    write_json(smk.output.scores, {str(k): folds for k, folds in scores.items()})


run_step(snakemake, main)  # noqa: F821
