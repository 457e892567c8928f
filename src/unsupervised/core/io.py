"""Atomic file writing: an interrupted or failed step never leaves a partial output."""

from __future__ import annotations

import json
import numbers
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it onto `path` only if the block succeeds."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.chmod(0o666 & ~_UMASK)  # mkstemp creates 0600; give outputs the usual permissions
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def save_array(path: str | os.PathLike[str], array: np.ndarray) -> None:
    """Save `array` as a .npy file (loadable with ``np.load(path, mmap_mode="r")``)."""
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        np.save(handle, array)


def write_json(path: str | os.PathLike[str], data: object) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def write_json_each(
    paths: Sequence[str | os.PathLike[str]],
    keys: Sequence[object],
    records: Mapping[object, object],
) -> None:
    """Each record to its own file: `paths` is a rule's output expanded over `keys`, in the
    same order (one job writing what several jobs used to)."""
    if len(paths) != len(keys):
        raise ValueError(f"{len(paths)} outputs for the {len(keys)} keys {list(keys)}")
    for key, path in zip(keys, paths, strict=True):
        write_json(path, records[key])


def read_json(path: str | os.PathLike[str]) -> object:
    return json.loads(Path(path).read_text())


def write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text)


def write_metrics(path: str | os.PathLike[str], metrics: Mapping[str, float | int]) -> None:
    """Write an experiment's flat mapping of metric names to plain numbers."""
    plain: dict[str, float | int] = {}
    for name, value in metrics.items():
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"metric {name!r} must be a number, got {value!r}")
        plain[name] = int(value) if isinstance(value, numbers.Integral) else float(value)
    write_json(path, plain)


def write_table(
    path: str | os.PathLike[str], table: pd.DataFrame, float_format: str | None = "%.6g"
) -> None:
    """Write a table as tab-separated values, floats to six significant digits by default."""
    with atomic_path(path) as tmp:
        table.to_csv(tmp, sep="\t", index=False, float_format=float_format)
