"""One (k, covariance type) of the model-selection grid: its BIC, AIC and log-likelihood."""

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.data.datasets import load_dataset
from unsupervised.gaussian_mixtures.experiments import grid_fit


def main(smk) -> None:
    X, _ = load_dataset(smk.input.X, smk.input.y)
    write_json(smk.output.fit, grid_fit(X, k=int(smk.wildcards.k),
                                        covariance_type=smk.wildcards.covariance_type,
                                        **settings(smk)))


run_step(snakemake, main)  # noqa: F821
