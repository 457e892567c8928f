"""Every rule wired right, in well under a minute: each job of a tiny configuration
(`wiring.yaml` over `config/ci.yaml`) runs its script in this process, in dependency order,
with the `snakemake` object Snakemake would hand it. The result writer refuses an experiment
whose outputs differ from its rule's, so a job that completes returned exactly its rule's
outputs. Snakemake only plans the jobs; none starts a process. The numbers mean nothing."""

from __future__ import annotations

import logging
import runpy
import warnings
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import REPO, data_mirror
from snakemake.api import SnakemakeApi
from snakemake.jobs import Job
from snakemake.settings.types import (
    ConfigSettings,
    DAGSettings,
    OutputSettings,
    Quietness,
    ResourceSettings,
    StorageSettings,
)

WIRING = [REPO / "config" / "ci.yaml", REPO / "tests" / "workflow" / "wiring.yaml"]
RULE_FILES = REPO / "workflow" / "rules"  # what a rule's script: path is relative to


def planned_jobs(folder: Path) -> tuple[list[Job], set[str], dict]:
    """Every job of the wiring configuration writing under `folder`, in an order where each
    runs after the jobs it reads from; the name of every rule that runs a script; the config."""
    mirror = data_mirror()
    config = {
        "data_dir": str(folder / "data"),
        "results_dir": str(folder / "results"),
        **({"data_mirror": str(mirror)} if mirror else {}),
    }
    with SnakemakeApi(OutputSettings(quiet={Quietness.ALL})) as api:
        workflow_api = api.workflow(
            resource_settings=ResourceSettings(cores=1),
            config_settings=ConfigSettings(configfiles=WIRING, config=config),
            storage_settings=StorageSettings(),
            snakefile=REPO / "Snakefile",
            workdir=REPO,
        )
        workflow_api.dag(DAGSettings(forceall=True))
        # The public API plans only to run or print; the DAG's jobs are what a run would get.
        workflow = workflow_api._workflow
        workflow._prepare_dag(
            forceall=True, ignore_incomplete=True, lock_warn_only=True, nolock=True
        )
        workflow._build_dag()
        jobs = [job for level in workflow.dag.toposorted() for job in level]
        return jobs, {rule.name for rule in workflow.rules if rule.script}, workflow.config


def run_script(job: Job, config: dict) -> None:
    """Run `job`'s script here, as Snakemake's script wrapper would in a process of its own."""
    for path in [*job.output, *job.log]:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    smk = SimpleNamespace(
        input=job.input,
        output=job.output,
        params=job.params,
        wildcards=job.wildcards,
        log=job.log,
        threads=1,
        rule=job.rule.name,
        resources=job.resources,
        config=config,
    )
    try:
        runpy.run_path(
            str((RULE_FILES / job.rule.script).resolve()), init_globals={"snakemake": smk}
        )
    finally:  # the step's log file, which its process would have closed on exiting
        for handler in logging.getLogger().handlers:
            handler.close()


@pytest.fixture
def own_logging():
    """The steps take over the root logger and the warnings; give them back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    with warnings.catch_warnings():
        yield
    root.handlers[:], root.level = handlers, level  # run_script closed the steps' handlers
    logging.captureWarnings(False)


def test_every_rule_runs_and_writes_exactly_its_outputs(tmp_path: Path, own_logging) -> None:
    jobs, scripted_rules, config = planned_jobs(tmp_path)
    run = [job for job in jobs if job.rule.script]
    assert {job.rule.name for job in run} == scripted_rules  # every rule, once at least
    for job in run:
        missing = [path for path in job.input if not Path(path).exists()]
        assert not missing, f"{job.rule.name}: no job before it wrote {missing}"
        try:
            run_script(job, config)
        except Exception as error:
            raise AssertionError(f"{job.rule.name} {dict(job.wildcards)}: {error}") from error
        absent = [path for path in job.output if not Path(path).exists()]
        assert not absent, f"{job.rule.name} did not write {absent}"
