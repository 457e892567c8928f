"""Lifting a hard-killed run's lock only when no Snakemake process works in the folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO

from unsupervised.core.stale_lock import is_locked, snakemake_running_in, unlock_if_stale


def lock(folder: Path) -> None:
    locks = folder / ".snakemake" / "locks"
    locks.mkdir(parents=True)
    (locks / "0.output.lock").write_text("results/x\n")


def test_a_running_snakemake_keeps_its_lock(tmp_path: Path) -> None:
    lock(tmp_path)
    stand_in = subprocess.Popen(  # a process whose command line names snakemake, run here
        [sys.executable, "-c", "import time; time.sleep(60)", "snakemake"], cwd=tmp_path
    )
    try:
        assert snakemake_running_in(tmp_path)
        assert not snakemake_running_in(tmp_path / ".snakemake")
        assert not unlock_if_stale(tmp_path)
        assert is_locked(tmp_path)
    finally:
        stand_in.kill()
        stand_in.wait()
    assert not snakemake_running_in(tmp_path)


def test_the_shell_that_runs_it_before_snakemake_does_not_count(tmp_path: Path) -> None:
    """`make run` runs `python -m unsupervised.core.stale_lock && snakemake ...` in one shell,
    whose command line names snakemake: that shell must not keep the lock."""
    lock(tmp_path)
    src = REPO / "src"
    check = (
        f'{sys.executable} -c \'import sys; sys.path.insert(0, "{src}"); '
        "from unsupervised.core.stale_lock import snakemake_running_in; "
        'sys.exit(snakemake_running_in(__import__("pathlib").Path(".")))\' '
        "&& echo then snakemake"
    )
    result = subprocess.run(["sh", "-c", check], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0 and "then snakemake" in result.stdout, result.stderr


def test_nothing_to_do_without_a_lock(tmp_path: Path) -> None:
    assert not is_locked(tmp_path)
    assert not unlock_if_stale(tmp_path)
