"""One chunk of the sweep over k: K-Means on the training faces, scored for exercises 10
and 11."""

from unsupervised.core.io import write_json
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.clustering import clustering_chunk
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    write_json(smk.output.runs, clustering_chunk(Faces.load(smk.input.faces), **settings(smk)))


run_step(snakemake, main)  # noqa: F821
