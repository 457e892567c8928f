"""What a run ran with, recorded in its results folder and read back to compare runs.

A finished run holds `run/config.yaml`, the effective configuration (config/config.yaml with
every --configfile and --config merged over it: give it back to `--configfile` to run it
again), and `run/provenance.yaml`: the workflow's git revision and whether its tree had
uncommitted changes, when the record was written, Python's version and the installed version
of every package requirements.txt pins that the jobs' environment holds.
"""

from __future__ import annotations

import platform
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

import yaml

from unsupervised.core.io import read_json

CONFIG = Path("run") / "config.yaml"
PROVENANCE = Path("run") / "provenance.yaml"
METRICS = Path("metrics.json")
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.MULTILINE)


def canonical(name: str) -> str:
    """A package's name as PyPI normalises it (PyYAML, pyyaml and py_yaml are one package)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_packages(requirements: str) -> list[str]:
    """The names of the packages a requirements file pins (`name==version` lines)."""
    return [canonical(name) for name in _PIN.findall(requirements)]


def installed_versions(packages: Iterable[str]) -> dict[str, str]:
    """The installed version of each of `packages` this environment holds (under `--sdm
    conda`, the jobs' environment holds only what they import)."""
    versions = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def git_state(directory: str | Path) -> dict[str, object]:
    """The checkout's revision and its uncommitted changes to tracked files (None for both
    outside a git checkout, or without git)."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(directory), *args], capture_output=True, text=True, check=True
        ).stdout

    try:
        revision = git("rev-parse", "HEAD").strip()
        changed = [
            line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()
        ]
    except (OSError, subprocess.CalledProcessError):
        return {"revision": None, "dirty": None, "changed": []}
    return {"revision": revision, "dirty": bool(changed), "changed": changed}


def provenance(workflow_dir: str | Path, requirements: str, now: datetime) -> dict[str, object]:
    """The record of what ran: the workflow's revision, the time, Python and the packages."""
    return {
        "workflow": git_state(workflow_dir),
        "recorded_at": now.isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "packages": installed_versions(pinned_packages(requirements)),
    }


class RunError(Exception):
    """A folder that is not a finished, recorded run of this workflow."""


@dataclass(frozen=True)
class Run:
    """A results folder read back: its configuration, provenance and metrics."""

    folder: Path
    config: Mapping[str, object]
    provenance: Mapping[str, object]
    metrics: Mapping[str, float]

    @property
    def stale(self) -> bool:
        """Whether metrics.json was rebuilt after the record: by a partial target, or a run
        that stopped before its end, so the record may not say what made it."""
        record = (self.folder / PROVENANCE).stat().st_mtime
        return (self.folder / METRICS).stat().st_mtime > record


def load_run(folder: str | Path) -> Run:
    """Read a results folder; one that is not a finished, recorded run is a RunError naming
    what is missing and how to make it."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RunError(f"{folder}: no such folder")
    missing = [
        str(folder / name)
        for name in (CONFIG, PROVENANCE, METRICS)
        if not (folder / name).is_file()
    ]
    if missing:
        raise RunError(
            f"{folder} is not a finished run of this workflow: {', '.join(missing)} missing. "
            f"Finish it with `snakemake --config results_dir={folder}` (with the configuration "
            "it ran with); a run made before runs recorded their configuration has to run again"
        )
    return Run(
        folder=folder,
        config=yaml.safe_load((folder / CONFIG).read_text()),
        provenance=yaml.safe_load((folder / PROVENANCE).read_text()),
        metrics=read_json(folder / METRICS),
    )
