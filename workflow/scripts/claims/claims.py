"""The chapter's claims over the seeds of their experiments: table, results/claims.md, metrics."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.reporting.claims import claims, load_replicas


def main(smk) -> None:
    specs = smk.params.replicas
    runs = load_replicas({name: smk.input[name] for name in specs}, specs)
    varies = {name: spec["varies"] for name, spec in specs.items()}
    panel = {name: value for name, value in settings(smk).items() if name != "replicas"}
    write_result(claims(runs, varies, **panel), smk)


run_step(snakemake, main)  # noqa: F821
