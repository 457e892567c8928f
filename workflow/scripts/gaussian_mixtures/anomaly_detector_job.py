"""One anomaly detector on one problem, for every seed: scores, time and ROC curve."""

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.gaussian_mixtures.contest import detector_runs


def main(smk) -> None:
    X, y = load_dataset(smk.input.X, smk.input.y, mmap=True)
    write_json(smk.output.runs, detector_runs(X, y, problem=smk.wildcards.problem,
                                              detector=smk.wildcards.detector,
                                              **settings(smk)))


run_step(snakemake, main)  # noqa: F821
