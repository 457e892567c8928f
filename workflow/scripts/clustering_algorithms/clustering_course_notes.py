"""The course notes' four clusterings of small synthetic sets."""

from unsupervised.clustering_algorithms.experiments import clustering_course_notes
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    write_result(clustering_course_notes(**settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
