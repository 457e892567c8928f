"""What each rule's jobs measured in a run: the longest run time and the largest peak
resident memory over its jobs, read from the run's log (which job of which rule wrote which
benchmark file) and from the benchmark files. The rules' declared resources come from these.

Usage:
    python -m unsupervised.reporting.resources .snakemake/log/<run>.snakemake.log [--root DIR]
    ... --yaml > workflow/resources.yaml  # the measurements the rules' resources read
    ... --update workflow/resources.yaml  # the largest of these and the file's, per rule
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from unsupervised.core.lazy import lazy_import

# numpy and pandas, which core.io imports, only when a file is written: the Snakefile imports
# this module
core_io = lazy_import("unsupervised.core.io")

# What a job holds besides its script on a cluster: the Snakemake that Slurm's job step runs
# to start it (sacct's MaxRSS of a step ran 80 to 140 MB above the script's own benchmark).
JOB_SNAKEMAKE_MB = 150
# The share of its memory request a job may fill on a cluster, the job step's Snakemake counted.
FULLEST = 0.75


def with_headroom(peak_mb: float) -> int:
    """The mem_mb to declare for a job whose script peaks at `peak_mb`: 1.5 times that and the
    job step's own Snakemake, for a busier machine or other library versions, in steps of
    100 MB and at least 500 MB."""
    return max(500, math.ceil(1.5 * (peak_mb + JOB_SNAKEMAKE_MB) / 100) * 100)


# What a rule not yet in workflow/resources.yaml is taken to measure until a run's `--update`
# adds it: about the largest peak measured (choose_k_fit, 1 GB) and ten minutes.
UNMEASURED = (1000.0, 600.0)


def declared_resources(peak_mb: float, seconds: float) -> dict[str, int]:
    """The mem_mb and runtime (minutes) of a rule whose jobs measured at most `peak_mb` and
    `seconds`: the memory with headroom, 3 times the time and at least 5 minutes. Slurm kills
    a job that passes them; locally, `--resources mem_mb=N` keeps the jobs at once within N."""
    return {"mem_mb": with_headroom(peak_mb), "runtime": max(5, math.ceil(3 * seconds / 60))}


def fits_its_request(peak_mb: float, requested_mb: float) -> bool:
    """Whether a job whose script peaks at `peak_mb` stays within FULLEST of `requested_mb`
    once the job step's own Snakemake is added, as on a cluster."""
    return peak_mb + JOB_SNAKEMAKE_MB <= FULLEST * requested_mb


# A job as Snakemake's log announces it: "rule <name>:" (or "localrule"), then its
# indented fields, among them "benchmark: <path>".
JOB = re.compile(r"^(local)?rule (\w+):\n((?:[ \t]+\S[^\n]*\n)*)", re.MULTILINE)
BENCHMARK = re.compile(r"^[ \t]+benchmark: (\S+)$", re.MULTILINE)
RESOURCES = re.compile(r"^[ \t]+resources: (.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Job:
    rule: str
    benchmark: str
    resources: dict[str, str]  # as the log prints them, e.g. {"mem_mb": "2000"}
    local: bool  # run by Snakemake's own host (a localrule), never submitted to a cluster


@dataclass(frozen=True)
class RuleMeasurement:
    rule: str
    jobs: int
    max_seconds: float
    total_seconds: float
    max_rss_mb: float


def logged_jobs(log: str) -> list[Job]:
    """Every job the log announces with a benchmark: its rule, benchmark path and the
    resources it was given."""
    jobs = []
    for local, rule, fields in JOB.findall(log):
        benchmark = BENCHMARK.search(fields)
        if benchmark:
            resources = RESOURCES.search(fields)
            pairs = resources.group(1).split(", ") if resources else []
            jobs.append(
                Job(
                    rule,
                    benchmark.group(1),
                    dict(pair.split("=", 1) for pair in pairs),
                    bool(local),
                )
            )
    return jobs


def read_benchmark(path: Path) -> tuple[float, float]:
    """Run time (s) and peak resident memory (MB, 0 when not measured) of one benchmark."""
    header, values = path.read_text().splitlines()[:2]
    row = dict(zip(header.split("\t"), values.split("\t"), strict=True))
    rss = row["max_rss"]
    return float(row["s"]), 0.0 if rss == "NA" else float(rss)


def measure_rules(jobs: Iterable[Job], root: Path) -> list[RuleMeasurement]:
    """Per rule, over its jobs whose benchmark exists under `root`, largest peak first. A seed
    replica (`<rule>_replica`, the same rule with another seed) counts as its rule."""
    by_rule: dict[str, list[tuple[float, float]]] = {}
    for job in jobs:
        path = root / job.benchmark
        if path.is_file():
            rule = job.rule.removesuffix("_replica")
            by_rule.setdefault(rule, []).append(read_benchmark(path))
    measured = [
        RuleMeasurement(
            rule,
            len(runs),
            max(s for s, _ in runs),
            sum(s for s, _ in runs),
            max(rss for _, rss in runs),
        )
        for rule, runs in by_rule.items()
    ]
    return sorted(measured, key=lambda m: (-m.max_rss_mb, m.rule))


def format_table(measured: Iterable[RuleMeasurement]) -> str:
    lines = [
        "| rule | jobs | longest job (s) | all jobs (s) | largest peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {m.rule} | {m.jobs} | {m.max_seconds:.1f} | {m.total_seconds:.1f} | "
        f"{m.max_rss_mb:.0f} |"
        for m in measured
    ]
    return "\n".join(lines)


def rounded_up(measured: Iterable[RuleMeasurement]) -> dict[str, tuple[int, int]]:
    """Per rule, its largest peak resident memory (MB) and its longest job (s), rounded up."""
    return {m.rule: (math.ceil(m.max_rss_mb), math.ceil(m.max_seconds)) for m in measured}


def largest(*tables: Mapping[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Per rule of any table, the largest peak and the longest job over the tables: a rule's
    peak moves by 100 MB from one run to the next, so a declaration keeps the largest seen."""
    merged: dict[str, tuple[int, int]] = {}
    for table in tables:
        for rule, (peak_mb, seconds) in table.items():
            seen_mb, seen_seconds = merged.get(rule, (0, 0))
            merged[rule] = (max(seen_mb, peak_mb), max(seen_seconds, seconds))
    return merged


def read_measurements(path: Path) -> dict[str, tuple[int, int]]:
    """A file as measurements_yaml writes it."""
    return {
        rule: (int(peak_mb), int(seconds))
        for rule, (peak_mb, seconds) in yaml.safe_load(path.read_text()).items()
    }


def measurements_yaml(table: Mapping[str, tuple[int, int]], source: str) -> str:
    """The measurements as workflow/resources.yaml holds them: per rule, its largest peak
    resident memory (MB) and its longest job (s)."""
    lines = [
        f"# Measured by python -m unsupervised.reporting.resources on {source}.",
        "# rule: [largest peak resident memory in MB, longest job in s]",
    ]
    lines += [
        f"{rule}: [{peak_mb}, {seconds}]" for rule, (peak_mb, seconds) in sorted(table.items())
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path, help="a Snakemake run's log")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="the folder the run ran in (benchmark paths are relative to it)",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--yaml",
        action="store_true",
        help="print the measurements as workflow/resources.yaml holds them",
    )
    output.add_argument(
        "--update",
        type=Path,
        metavar="FILE",
        help="rewrite FILE (as --yaml writes it) with, per rule, the largest "
        "of its measurements and this run's",
    )
    args = parser.parse_args(argv)
    measured = measure_rules(logged_jobs(args.log.read_text()), args.root)
    if args.update:
        table = largest(read_measurements(args.update), rounded_up(measured))
        source = f"{args.log.name} and the runs before it"
        with core_io.atomic_path(args.update) as tmp:
            tmp.write_text(measurements_yaml(table, source))
    elif args.yaml:
        sys.stdout.write(measurements_yaml(rounded_up(measured), args.log.name))
    else:
        sys.stdout.write(format_table(measured) + "\n")


if __name__ == "__main__":
    main()
