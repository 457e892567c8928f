"""Every anomaly detector on one problem, for every seed: scores, time and ROC curve."""

from unsupervised.core.io import write_json_each
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.gaussian_mixtures.contest import problem_runs


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    write_json_each(
        smk.output.runs,
        list(smk.params.detectors),
        problem_runs(X, y, problem=smk.wildcards.problem, **settings(smk)),
    )


run_step(snakemake, main)  # noqa: F821
