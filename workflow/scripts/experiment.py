"""The script of every rule without one of its own: load the inputs its experiment function
takes, call it with the rule's params, write its result to the rule's outputs."""

from unsupervised.core.experiment_call import experiment_function, loaded_inputs
from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings


def main(smk) -> None:
    function = experiment_function(smk.params.experiment)
    write_result(function(*loaded_inputs(function, smk.input), **settings(smk)), smk)


run_step(snakemake, main)  # noqa: F821
