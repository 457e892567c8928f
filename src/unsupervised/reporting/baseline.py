"""Compare a run's metrics with a committed baseline, within tolerances set per metric family.

The baseline (`tests/baseline/<config>.json`) holds values only; the tolerances live in
`tests/baseline/tolerances.yaml`, one rule per family of metrics, each chosen from the spread
measured across CPUs' BLAS kernels, thread counts and seeds. Timings are no results: they
are shown apart and fail only on a gross slowdown.

Usage:
    python -m unsupervised.reporting.baseline METRICS BASELINE           # exit 1 on failure
    python -m unsupervised.reporting.baseline METRICS BASELINE --update  # refresh it on purpose
    python -m unsupervised.reporting.baseline --spread METRICS [METRICS ...]  # between runs
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from unsupervised.core.io import read_json, write_json

TOLERANCES = Path(__file__).resolve().parents[3] / "tests" / "baseline" / "tolerances.yaml"


@dataclass(frozen=True)
class Rule:
    """How far the metrics of one family may move from their baseline."""

    family: str
    match: tuple[str, ...]  # shell-style patterns on the full metric name
    abs_tol: float = 0.0
    rel_tol: float = 0.0
    timing: bool = False  # a timing: only a gross slowdown fails
    slowdown: float | None = None  # timing: fail above this multiple of the baseline
    may_only_rise: bool = False  # a fall fails, a rise passes (e.g. a claim's verdict)

    def allowed(self, baseline: float) -> float:
        """Largest accepted |current - baseline| for a result."""
        return max(self.abs_tol, self.rel_tol * abs(baseline))

    def passes(self, baseline: float, current: float) -> bool:
        if not math.isfinite(current):
            return False
        if self.timing:
            return self.slowdown is None or current <= self.slowdown * baseline
        if self.may_only_rise:
            return current >= baseline - self.allowed(baseline)
        return abs(current - baseline) <= self.allowed(baseline)

    def describe(self, baseline: float) -> str:
        if self.timing:
            return "not checked" if self.slowdown is None else f"<= {self.slowdown:g}x"
        if self.may_only_rise:
            return f">= {format_number(baseline - self.allowed(baseline))}"
        return format_number(self.allowed(baseline))


def load_rules(path: str | Path = TOLERANCES) -> list[Rule]:
    entries = yaml.safe_load(Path(path).read_text())
    return [Rule(**{**entry, "match": tuple(entry["match"])}) for entry in entries]


def rule_for(name: str, rules: Sequence[Rule]) -> Rule:
    """The first rule with a pattern matching `name`; no match is an error naming the file."""
    for rule in rules:
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in rule.match):
            return rule
    raise KeyError(
        f"no tolerance rule matches metric {name!r}: add it to a family in "
        f"{TOLERANCES.relative_to(TOLERANCES.parents[2])}"
    )


@dataclass(frozen=True)
class Comparison:
    name: str
    rule: Rule
    baseline: float | None
    current: float | None
    status: str  # "ok", "FAIL", "MISSING" (gone from the run) or "NEW" (not in the baseline)

    @property
    def delta(self) -> float | None:
        if self.baseline is None or self.current is None:
            return None
        return self.current - self.baseline

    @property
    def passed(self) -> bool:
        return self.status == "ok"


def compare(
    baseline: Mapping[str, float], current: Mapping[str, float], rules: Sequence[Rule]
) -> list[Comparison]:
    """One comparison per metric in either mapping, sorted by name."""
    rows = []
    for name in sorted(baseline.keys() | current.keys()):
        expected, value = baseline.get(name), current.get(name)
        rule = rule_for(name, rules)
        if expected is None:
            status = "NEW"
        elif value is None:
            status = "MISSING"
        else:
            status = "ok" if rule.passes(expected, value) else "FAIL"
        rows.append(Comparison(name, rule, expected, value, status))
    return rows


def format_table(rows: Sequence[Comparison]) -> str:
    """Results first, then timings (a gross-slowdown guard), each an aligned table."""
    results = [row for row in rows if not row.rule.timing]
    timings = [row for row in rows if row.rule.timing]
    parts = [_table(results, "tolerance")]
    if timings:
        parts.append(
            "Timings (not results: only a gross slowdown fails)\n" + _table(timings, "guard")
        )
    return "\n\n".join(parts)


def _table(rows: Sequence[Comparison], limit: str) -> str:
    header = ("metric", "baseline", "current", "delta", limit, "status")
    body = [
        (
            row.name,
            format_number(row.baseline),
            format_number(row.current),
            format_number(row.delta),
            "-" if row.baseline is None else row.rule.describe(row.baseline),
            row.status,
        )
        for row in rows
    ]
    return align_table([header, *body])


def spread(runs: Sequence[Mapping[str, float]], rules: Sequence[Rule]) -> str:
    """Per family, how far apart the runs are, in multiples of the family's tolerance: the
    largest (and its metric) and the median over the family's metrics. Between CPUs and
    thread counts the largest must stay at most 1; between seeds a typical change should be
    far above 1, or the check could not see it. Timings: the largest slowest/fastest ratio."""
    sizes: dict[Rule, list[tuple[float, str]]] = {}
    for name in sorted(set().union(*runs)):
        values = [run[name] for run in runs if name in run]
        rule = rule_for(name, rules)
        low, high = min(values), max(values)
        if rule.timing:
            size = high / low if low > 0 else math.inf
        else:
            allowed = rule.allowed(values[0])
            size = (high - low) / allowed if allowed else (0.0 if high == low else math.inf)
        sizes.setdefault(rule, []).append((size, name))
    header = ("family", "metrics", "largest", "at metric", "median")
    body = []
    for rule, found in sizes.items():
        largest, at = max(found)
        median = sorted(size for size, _ in found)[len(found) // 2]
        unit = "x" if rule.timing else " tol"
        body.append(
            (rule.family, str(len(found)), f"{largest:.3g}{unit}", at, f"{median:.3g}{unit}")
        )
    return align_table([header, *body])


def align_table(lines: list[tuple[str, ...]]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    text = [
        " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    text.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(text)


def format_number(value: float | None) -> str:
    return "-" if value is None else f"{value:.6g}"


def format_value(value: object) -> str:
    """A number as format_number writes it, a list or mapping as JSON, anything else as text."""
    if value is None or isinstance(value, float):
        return format_number(value)
    return json.dumps(value) if isinstance(value, (list, dict)) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("metrics", type=Path, nargs="+", help="results metrics.json of a run")
    parser.add_argument("--update", action="store_true", help="write the run's values as baseline")
    parser.add_argument(
        "--spread",
        action="store_true",
        help="compare runs with each other instead of with a baseline",
    )
    parser.add_argument("--tolerances", type=Path, default=TOLERANCES)
    args = parser.parse_args(argv)
    rules = load_rules(args.tolerances)
    if args.spread:
        print(spread([read_json(path) for path in args.metrics], rules))
        return 0
    if len(args.metrics) != 2:
        parser.error("give the run's metrics.json and the baseline")
    metrics_path, baseline_path = args.metrics
    current = read_json(metrics_path)
    if args.update:
        for name in current:
            rule_for(name, rules)
        write_json(baseline_path, current)
        print(f"wrote {len(current)} metrics to {baseline_path}")
        return 0
    rows = compare(read_json(baseline_path) if baseline_path.exists() else {}, current, rules)
    print(format_table(rows))
    failed = [row for row in rows if not row.passed]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} metrics within tolerance")
    if failed:
        print(
            f"regression check failed against {baseline_path}: "
            + ", ".join(f"{row.name} ({row.status})" for row in failed),
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
