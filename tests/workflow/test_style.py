"""The code passes the project's lint and format rules (pyproject.toml: [tool.ruff],
[tool.snakefmt]), and the rules state only what differs; `snakemake --lint` runs with the
workflow's tests."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "workflow/scripts"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_snakefmt_changes_nothing() -> None:
    snakefmt = Path(sys.executable).with_name("snakefmt")
    result = subprocess.run(
        [snakefmt, "--check", "--diff", "Snakefile", "workflow/rules"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"run `snakefmt Snakefile workflow/rules`:\n{result.stdout}"


# A rule's text, from its header to the next line that is not indented (snakefmt's layout).
RULE = re.compile(r"^rule (\w+):\n((?:(?:    .*)?\n)*)", re.MULTILINE)


def test_rules_state_only_what_differs() -> None:
    """The Snakefile gives every rule its log, benchmark, environment, resources, script and
    code: a rule is short, and names itself at most twice, in its header and its results
    folder (or in the run's page it writes at the top of results/, summary.md, claims.md)."""
    rules = {name: body for path in (REPO / "workflow" / "rules").glob("*.smk")
             for name, body in RULE.findall(path.read_text())}
    lines = [1 + sum(1 for line in body.splitlines() if line.strip())
             for body in rules.values()]
    assert len(rules) > 50 and statistics.median(lines) <= 15
    repeated = {}
    for name, body in rules.items():
        body = body.replace(f'{{RESULTS}}/{name}.', "{RESULTS}/<page>.")
        mentions = 1 + len(re.findall(rf"(?<!\w){name}(?!\w)", body))
        if mentions > 2:
            repeated[name] = mentions
    assert not repeated, f"rules naming themselves more than twice: {repeated}"
