"""Exercise 11: the forest on PCA features, distances to the centroids or both, and the
final choice scored on the test faces."""

from unsupervised.core.io import read_json
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_classifier
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    runs = [read_json(path) for path in smk.input.runs]
    write_result(olivetti_classifier(Faces.load(smk.input.faces), runs, **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
