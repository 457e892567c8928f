"""Every training and validation face altered by each transformation: the two detectors'
scores, and the ROC AUC of telling altered from normal faces."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.olivetti.experiments import olivetti_anomalies
from unsupervised.olivetti.faces import Faces


def main(smk) -> None:
    write_result(olivetti_anomalies(Faces.load(smk.input.faces), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
