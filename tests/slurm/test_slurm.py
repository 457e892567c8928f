"""The workflow on a real Slurm: a single-node cluster with accounting on this machine
(cluster.sh) runs experiments of the CI configuration through `snakemake --profile
profiles/slurm`, as a user's cluster would. It needs root (it installs Debian's Slurm and
starts its daemons): `make test-slurm` runs it alone, and `make test` runs it when it is
root, as in CI.

The experiments are those whose jobs' memory is computed from a parameter, with everything
they read from the datasets' downloads on: 43 jobs of 17 rules. The executor submits every
rule's job alike (a script, its mem_mb, runtime and threads), so what can differ between rules
is the request: the rules that measure theirs are checked against it, the job step's own
Snakemake counted, for every job of the local CI run (test_workflow.py); here the formulas
meet the real job step, and a job over its request is killed."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, copy_checkout, snakemake_command

from unsupervised.core.io import read_json
from unsupervised.reporting.baseline import compare, format_table, load_rules
from unsupervised.reporting.resources import FULLEST, Job, logged_jobs

pytestmark = [pytest.mark.workflow, pytest.mark.slurm]
CLUSTER = Path(__file__).with_name("cluster.sh")
SLURM_PACKAGES = ["slurm-wlm", "slurmdbd", "munge", "mariadb-server"]
SLURM_DAEMONS = ["slurmctld", "slurmd", "slurmdbd", "munged", "mysqld"]
# A job that peaks above 700 MB in the CI configuration, with few jobs after it: run first
# under a limit it passes, then under one it fits.
OVER_MEMORY_RULE = "gmm_fit"
TOO_LITTLE_MB = 300
ENOUGH_MB = 1200
# This one-node cluster answers at once: check soon and often, so that a job's end is seen
# in seconds (a real cluster's accounting needs the profile's slower defaults).
QUICK_CHECKS = [
    "--slurm-init-seconds-before-status-checks",
    "1",
    "--seconds-between-status-checks",
    "5",
]
CI = ["--configfile", "config/ci.yaml"]
# Whose jobs' mem_mb a formula computes from the configuration: choose_k_fit (the silhouette's
# sample), kmeans_speed (the MNIST images timed), label_budget_clustering (the training set
# times the budget), clustering_scaling_job (the study's own limit); and OVER_MEMORY_RULE.
EXPERIMENTS = [
    "choose_k_blobs",
    "choose_k_mnist",
    "kmeans_speed",
    "label_budget_digits",
    "label_budget_mnist",
    "clustering_scaling",
    "gmm_fit",
]
COMPUTED_MEMORY = {
    "choose_k_fit",
    "kmeans_speed",
    "label_budget_clustering",
    "clustering_scaling_job",
}


def install_slurm() -> None:
    """Debian's Slurm, munge and MariaDB, unless they are there already."""
    if all(shutil.which(daemon) for daemon in SLURM_DAEMONS):
        return
    apt = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", *SLURM_PACKAGES],
    ):
        done = subprocess.run(command, env=apt, capture_output=True, text=True)
        assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stderr[-3000:]}"


def install_executor_plugin() -> None:
    """The pinned Slurm executor of requirements-slurm.txt, as the README installs it."""
    if importlib.util.find_spec("snakemake_executor_plugin_slurm"):
        return
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--require-hashes",
            "--no-deps",
            "-r",
            str(REPO / "requirements-slurm.txt"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def slurm() -> Iterator[Path]:
    """A running single-node Slurm (its folder), shut down after the module's tests whatever
    their outcome, checking that no daemon is left."""
    if os.geteuid() != 0:
        pytest.skip(
            "the Slurm test installs and starts a local Slurm, which needs root: "
            "run `make test-slurm` as root (CI runs it)"
        )
    install_slurm()
    install_executor_plugin()
    # The daemons run as the slurm and mysql users, so the folder must be open to them.
    folder = Path(tempfile.mkdtemp(prefix="slurm-cluster-"))
    folder.chmod(0o755)
    try:
        started = subprocess.run(
            ["bash", str(CLUSTER), "start", str(folder)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert started.returncode == 0, f"{started.stderr}\nlogs in {folder / 'log'}"
        yield folder
    finally:
        stopped = subprocess.run(
            ["bash", str(CLUSTER), "stop", str(folder)], capture_output=True, text=True, timeout=300
        )
        assert stopped.returncode == 0, stopped.stderr
        shutil.rmtree(folder)


@dataclass(frozen=True)
class SlurmJob:
    rule: str
    state: str
    requested_mb: int
    time_limit_min: int
    max_rss_mb: float  # over the job's steps


def megabytes(text: str) -> float:
    """sacct's memory ("1200M", "512000K", "1.5G"; empty when not measured) in MB."""
    if not text:
        return 0.0
    scale = {"K": 1 / 1024, "M": 1, "G": 1024, "T": 1024**2}
    return float(text[:-1]) * scale[text[-1]] if text[-1] in scale else float(text) / 2**20


def minutes(limit: str) -> int:
    """sacct's time limit ("[days-]hours:minutes:seconds") in whole minutes."""
    days, _, clock = limit.rpartition("-")
    hours, mins, _ = (int(part) for part in clock.split(":"))
    return (int(days or 0) * 24 + hours) * 60 + mins


def accounted_jobs(listing_file: Path) -> list[SlurmJob]:
    """Every job of the cluster's accounting, with the rule the executor named in its
    comment (`rule_<rule>_wildcards_...`) and its steps' largest resident memory. The
    listing is kept in `listing_file` for a reader."""
    listing = subprocess.run(
        [
            "sacct",
            "--allusers",
            "--parsable2",
            "--noheader",
            "--format=JobID,Comment,State,ReqMem,Timelimit,MaxRSS,Elapsed",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    listing_file.write_text(listing)
    jobs: dict[str, dict] = {}
    for line in listing.splitlines():
        job_id, comment, state, requested, limit, max_rss, _ = line.split("|")
        allocation, _, step = job_id.partition(".")
        if not step:
            rule = re.fullmatch(r"rule_(.+?)(?:_wildcards_.*)?", comment)
            jobs[allocation] = {
                "rule": rule.group(1) if rule else comment,
                "state": state,
                "requested_mb": int(megabytes(requested)),
                "time_limit_min": minutes(limit),
                "max_rss_mb": 0.0,
            }
        else:
            record = jobs[allocation]
            record["max_rss_mb"] = max(record["max_rss_mb"], megabytes(max_rss))
    return [SlurmJob(**record) for record in jobs.values()]


def submitted(jobs: list[Job]) -> Counter:
    """(rule, mem_mb, runtime) of the jobs Snakemake sent to the cluster."""
    return Counter(
        (job.rule, int(job.resources["mem_mb"]), int(job.resources["runtime"]))
        for job in jobs
        if not job.local
    )


@dataclass(frozen=True)
class SlurmRuns:
    workflow: Path
    over_memory: subprocess.CompletedProcess  # OVER_MEMORY_RULE given too little memory
    rerun: subprocess.CompletedProcess  # the same command with enough
    accounted: list[SlurmJob]


@pytest.fixture(scope="module")
def slurm_runs(slurm: Path, tmp_path_factory) -> SlurmRuns:
    """EXPERIMENTS of the CI configuration through the Slurm profile in a copy of the
    workflow, first with OVER_MEMORY_RULE's memory set too low (the other jobs go on), then
    rerun with enough."""
    workflow = copy_checkout(tmp_path_factory.mktemp("slurm-run") / "workflow")

    def run(mem_mb: int) -> subprocess.CompletedProcess:
        command = snakemake_command(
            *(f"results-ci/{name}/metrics.json" for name in EXPERIMENTS),
            "--profile",
            "profiles/slurm",
            *CI,
            *QUICK_CHECKS,
            "--keep-going",
            "--set-resources",
            f"{OVER_MEMORY_RULE}:mem_mb={mem_mb}",
        )
        return subprocess.run(command, cwd=workflow, capture_output=True, text=True, timeout=3600)

    over_memory = run(TOO_LITTLE_MB)
    rerun = run(ENOUGH_MB)
    return SlurmRuns(workflow, over_memory, rerun, accounted_jobs(workflow.parent / "sacct.txt"))


def test_a_job_over_its_memory_is_killed_named_and_rerun_with_more(slurm_runs) -> None:
    failed = slurm_runs.over_memory
    assert failed.returncode != 0
    error = failed.stderr[failed.stderr.index(f"Error in rule {OVER_MEMORY_RULE}:") :][:2000]
    assert f"results-ci/logs/{OVER_MEMORY_RULE}.log" in error
    slurm_log = re.search(
        r"\S*\.snakemake/slurm_logs/rule_" + OVER_MEMORY_RULE + r"/\S*\.log", error
    )
    assert slurm_log, error
    # Slurm's words: "exceeded memory limit" when it polls, "out of memory" with cgroups
    assert re.search(
        r"exceeded (job )?memory limit|out of memory",
        (slurm_runs.workflow / slurm_log.group(0)).read_text(),
        re.IGNORECASE,
    )
    killed = [
        job
        for job in slurm_runs.accounted
        if job.rule == OVER_MEMORY_RULE and job.requested_mb == TOO_LITTLE_MB
    ]
    assert [job.state for job in killed] in (["FAILED"], ["OUT_OF_MEMORY"])
    assert slurm_runs.rerun.returncode == 0, slurm_runs.rerun.stderr[-5000:]
    assert f"rule {OVER_MEMORY_RULE}:" in slurm_runs.rerun.stderr


def test_every_job_went_through_slurm_with_the_limits_its_rule_declares(slurm_runs) -> None:
    logged = logged_jobs(slurm_runs.over_memory.stderr) + logged_jobs(slurm_runs.rerun.stderr)
    accounted = slurm_runs.accounted
    assert COMPUTED_MEMORY | {OVER_MEMORY_RULE} <= {job.rule for job in accounted}
    assert Counter(
        (job.rule, job.requested_mb, job.time_limit_min) for job in accounted
    ) == submitted(logged)
    for job in accounted:
        if job.requested_mb != TOO_LITTLE_MB:
            assert job.state == "COMPLETED", job
            # the declaration's headroom holds with the job step's own Snakemake counted
            assert 0 < job.max_rss_mb <= FULLEST * job.requested_mb, job


def test_the_metrics_equal_the_local_run_under_the_regression_check(slurm_runs) -> None:
    """The CI baseline holds the local run's metrics; each experiment's must pass as
    `make regress` checks them, none missing."""
    results = slurm_runs.workflow / "results-ci"
    current = {
        name: value
        for experiment in EXPERIMENTS
        for name, value in read_json(results / experiment / "metrics.json").items()
    }
    baseline = {
        name: value
        for name, value in read_json(REPO / "tests" / "baseline" / "ci.json").items()
        if name.split(".")[0] in EXPERIMENTS
    }
    rows = compare(baseline, current, load_rules())
    assert {row.name.split(".")[0] for row in rows} == set(EXPERIMENTS)
    assert all(row.passed for row in rows), format_table(rows)
