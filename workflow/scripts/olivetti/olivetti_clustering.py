"""Exercise 10: the best k, the sweep's curves and the faces of the largest clusters."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_clustering
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    runs = [read_json(path) for path in smk.input.runs]
    write_result(olivetti_clustering(Faces.load(smk.input.faces), runs, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
