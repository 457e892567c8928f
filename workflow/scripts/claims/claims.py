"""The chapter's claims over the seeds of their experiments: table, results/claims.md, metrics."""

from unsupervised.core.results import write_result
from unsupervised.core.step import run_step, settings
from unsupervised.reporting.claims import claims, load_replicas, load_seed_tables


def main(smk) -> None:
    specs, tables = smk.params.replicas, smk.params.seed_tables
    runs = {
        **load_replicas({name: smk.input[name] for name in specs}, specs),
        **load_seed_tables({name: smk.input[name] for name in tables}, tables),
    }
    varies = {name: spec["varies"] for name, spec in {**specs, **tables}.items()}
    panel = {
        name: value
        for name, value in settings(smk).items()
        if name not in ("replicas", "seed_tables")
    }
    write_result(claims(runs, varies, **panel), smk)


run_step(snakemake, main)  # noqa: F821
