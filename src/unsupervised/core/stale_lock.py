"""Lift the lock a hard-killed Snakemake run leaves behind, once no Snakemake works here.

Snakemake locks the working directory while it runs and unlocks it when it stops; a run
killed with SIGKILL, by the out-of-memory killer or by a power loss cannot unlock, and the
next run refuses to start until `snakemake --unlock`. `make run` calls this first, so the
README's command resumes an interrupted run by itself. It never unlocks while a Snakemake
process (or a job it started) still runs in the directory.

Usage: python -m unsupervised.core.stale_lock [DIRECTORY]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psutil


def is_locked(directory: Path) -> bool:
    locks = directory / ".snakemake" / "locks"
    return locks.is_dir() and any(locks.iterdir())


def snakemake_running_in(directory: Path) -> bool:
    """Whether a process runs Snakemake, or a job of it, in `directory`; this process and
    its ancestors do not count (`make run`'s shell names snakemake in its command line)."""
    target = directory.resolve()
    ourselves = {os.getpid(), *(parent.pid for parent in psutil.Process().parents())}
    for process in psutil.process_iter(["pid", "cmdline", "cwd"]):
        info = process.info
        if info["pid"] in ourselves or not info["cmdline"] or not info["cwd"]:
            continue
        if Path(info["cwd"]) == target and any("snakemake" in part for part in info["cmdline"]):
            return True
    return False


def unlock_if_stale(directory: Path) -> bool:
    """Unlock `directory` if it is locked and no Snakemake runs there; True if it did."""
    if not is_locked(directory) or snakemake_running_in(directory):
        return False
    print(f"{directory}: lifting the lock left by an interrupted Snakemake run", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "snakemake", "--unlock"],
        cwd=directory,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return True


if __name__ == "__main__":
    unlock_if_stale(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
