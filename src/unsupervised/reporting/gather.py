"""Gathering the experiments' metrics into one flat mapping."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from unsupervised.core.io import read_json

METRIC_NAME = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")


def gather_metrics(paths: Iterable[str | Path]) -> dict[str, float | int]:
    """Merge per-experiment ``metrics.json`` files, refusing bad or duplicated names."""
    merged: dict[str, float | int] = {}
    origin: dict[str, Path] = {}
    for path in map(Path, paths):
        metrics = read_json(path)
        if not isinstance(metrics, Mapping):
            raise ValueError(f"{path}: metrics must be a JSON object of name -> number")
        for name, value in metrics.items():
            if not METRIC_NAME.match(name):
                raise ValueError(f"{path}: metric name {name!r} is not '<experiment>.<metric>'")
            if name in merged:
                raise ValueError(f"metric {name!r} is written by both {origin[name]} and {path}")
            merged[name], origin[name] = value, path
    return dict(sorted(merged.items()))
