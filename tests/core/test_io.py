"""Atomic writes and metric files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from unsupervised.core.io import atomic_path, read_json, write_json_each, write_metrics


def test_failed_block_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("interrupted")
    assert list((tmp_path / "sub").iterdir()) == []


def test_existing_file_is_replaced_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("new")
            raise RuntimeError
    assert target.read_text() == "old"
    with atomic_path(target) as tmp:
        tmp.write_text("new")
    assert target.read_text() == "new"


def test_metrics_become_plain_json_numbers(tmp_path: Path) -> None:
    path = tmp_path / "metrics.json"
    write_metrics(path, {"x.count": np.int64(3), "x.score": np.float32(0.5)})
    assert json.loads(path.read_text()) == {"x.count": 3, "x.score": 0.5}


@pytest.mark.parametrize("value", ["0.9", True, None, [1]])
def test_metrics_must_be_numbers(tmp_path: Path, value: object) -> None:
    with pytest.raises(TypeError, match="x.bad"):
        write_metrics(tmp_path / "metrics.json", {"x.bad": value})
    assert not (tmp_path / "metrics.json").exists()


def test_each_record_goes_to_the_output_of_its_key(tmp_path: Path) -> None:
    paths = [tmp_path / "a.json", tmp_path / "b.json"]
    write_json_each(paths, ["a", "b"], {"b": [2], "a": {"x": 1}})
    assert read_json(paths[0]) == {"x": 1} and read_json(paths[1]) == [2]
    elsewhere = [tmp_path / "c.json", tmp_path / "d.json"]
    with pytest.raises(ValueError, match="2 outputs for the 1 keys"):
        write_json_each(elsewhere, ["a"], {"a": 1})
    assert not any(path.exists() for path in elsewhere)
