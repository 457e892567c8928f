"""Compare a run's metrics with a committed baseline, metric by metric, within tolerances.

Usage:
    python -m unsupervised.regression METRICS BASELINE           # print table, exit 1 on failure
    python -m unsupervised.regression METRICS BASELINE --update  # refresh BASELINE on purpose
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from unsupervised.io import read_json, write_json

# Tolerance given to a metric that enters a baseline for the first time; edit it there.
DEFAULT_TOLERANCE = {"abs_tol": 1e-9, "rel_tol": 1e-6}


@dataclass(frozen=True)
class Comparison:
    name: str
    baseline: float | None
    current: float | None
    allowed: float | None  # largest accepted |current - baseline|
    status: str  # "ok", "FAIL", "MISSING" (gone from the run) or "NEW" (not in the baseline)

    @property
    def delta(self) -> float | None:
        if self.baseline is None or self.current is None:
            return None
        return self.current - self.baseline

    @property
    def passed(self) -> bool:
        return self.status == "ok"


def compare(baseline: Mapping[str, Mapping], current: Mapping[str, float]) -> list[Comparison]:
    """One comparison per metric in either mapping, sorted by name."""
    rows = []
    for name in sorted(baseline.keys() | current.keys()):
        entry = baseline.get(name)
        value = current.get(name)
        if entry is None:
            rows.append(Comparison(name, None, value, None, "NEW"))
            continue
        allowed = max(entry["abs_tol"], entry["rel_tol"] * abs(entry["value"]))
        if value is None:
            status = "MISSING"
        elif math.isfinite(value) and abs(value - entry["value"]) <= allowed:
            status = "ok"
        else:
            status = "FAIL"
        rows.append(Comparison(name, entry["value"], value, allowed, status))
    return rows


def format_table(rows: list[Comparison]) -> str:
    header = ("metric", "baseline", "current", "delta", "tolerance", "status")
    body = [
        (row.name, _num(row.baseline), _num(row.current), _num(row.delta), _num(row.allowed),
         row.status)
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in [header, *body]
    ]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def refreshed(baseline: Mapping[str, Mapping], current: Mapping[str, float]) -> dict[str, dict]:
    """A baseline holding `current`'s values, keeping the tolerances already chosen."""
    return {
        name: {**DEFAULT_TOLERANCE, **{k: v for k, v in baseline.get(name, {}).items()
                                       if k != "value"}, "value": value}
        for name, value in sorted(current.items())
    }


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.6g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("metrics", type=Path, help="results metrics.json of the run")
    parser.add_argument("baseline", type=Path, help="committed baseline JSON")
    parser.add_argument("--update", action="store_true", help="write the run's values as baseline")
    args = parser.parse_args(argv)
    current = read_json(args.metrics)
    baseline = read_json(args.baseline) if args.baseline.exists() else {}
    if args.update:
        write_json(args.baseline, refreshed(baseline, current))
        print(f"wrote {len(current)} metrics to {args.baseline}")
        return 0
    rows = compare(baseline, current)
    print(format_table(rows))
    failed = [row for row in rows if not row.passed]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} metrics within tolerance")
    if failed:
        print(f"regression check failed against {args.baseline}: "
              + ", ".join(f"{row.name} ({row.status})" for row in failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
