"""The faces' split and principal components."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_faces
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    write_result(olivetti_faces(Faces.load(smk.input.faces), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
