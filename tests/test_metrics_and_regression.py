"""Gathering metrics, the regression table and baseline refresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unsupervised.metrics import gather_metrics
from unsupervised.regression import compare, format_table, main, refreshed
from unsupervised.summary import ChapterValue, summary_table, to_markdown

BASELINE = {
    "a.exact": {"value": 145, "abs_tol": 0, "rel_tol": 0},
    "a.loose": {"value": 100.0, "abs_tol": 0.0, "rel_tol": 0.05},
    "a.gone": {"value": 1.0, "abs_tol": 0.1, "rel_tol": 0.0},
}


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data))
    return path


def test_gather_merges_and_sorts(tmp_path: Path) -> None:
    paths = [write(tmp_path / "b.json", {"b.x": 2}), write(tmp_path / "a.json", {"a.y": 1.5})]
    assert list(gather_metrics(paths).items()) == [("a.y", 1.5), ("b.x", 2)]


def test_gather_refuses_duplicates_and_bad_names(tmp_path: Path) -> None:
    one = write(tmp_path / "1.json", {"a.x": 1})
    with pytest.raises(ValueError, match="'a.x' is written by both"):
        gather_metrics([one, write(tmp_path / "2.json", {"a.x": 2})])
    with pytest.raises(ValueError, match="not '<experiment>.<metric>'"):
        gather_metrics([write(tmp_path / "3.json", {"NoDot": 1})])


def test_statuses_follow_tolerances() -> None:
    current = {"a.exact": 144, "a.loose": 104.0, "a.new": 3.0}
    rows = {row.name: row for row in compare(BASELINE, current)}
    assert rows["a.exact"].status == "FAIL" and rows["a.exact"].delta == -1
    assert rows["a.loose"].status == "ok" and rows["a.loose"].allowed == pytest.approx(5.0)
    assert rows["a.gone"].status == "MISSING"
    assert rows["a.new"].status == "NEW"
    assert compare(BASELINE, {"a.exact": 145, "a.loose": 95.0, "a.gone": 1.1})[0].passed


def test_nan_never_passes() -> None:
    (row,) = compare({"a.x": {"value": 1.0, "abs_tol": 1e9, "rel_tol": 0}}, {"a.x": float("nan")})
    assert row.status == "FAIL"


def test_table_has_one_row_per_metric() -> None:
    table = format_table(compare(BASELINE, {"a.exact": 145}))
    lines = table.splitlines()
    assert [cell.strip() for cell in lines[0].split(" | ")] == [
        "metric", "baseline", "current", "delta", "tolerance", "status"]
    assert len(lines) == 2 + 3
    assert [line.split(" | ")[-1].strip() for line in lines[2:]] == ["ok", "MISSING", "MISSING"]


def test_refresh_keeps_chosen_tolerances_and_drops_gone_metrics() -> None:
    fresh = refreshed(BASELINE, {"a.loose": 90.0, "a.new": 2.0})
    assert fresh["a.loose"] == {"value": 90.0, "abs_tol": 0.0, "rel_tol": 0.05}
    assert fresh["a.new"]["value"] == 2.0 and "abs_tol" in fresh["a.new"]
    assert "a.gone" not in fresh


def test_cli_exit_codes_and_update(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    metrics = write(tmp_path / "metrics.json", {"a.exact": 145, "a.loose": 100.0, "a.gone": 1.0})
    baseline = write(tmp_path / "baseline.json", BASELINE)
    assert main([str(metrics), str(baseline)]) == 0
    write(metrics, {"a.exact": 146, "a.loose": 100.0, "a.gone": 1.0})
    assert main([str(metrics), str(baseline)]) == 1
    assert "a.exact (FAIL)" in capsys.readouterr().err
    assert main([str(metrics), str(baseline), "--update"]) == 0
    assert main([str(metrics), str(baseline)]) == 0
    assert json.loads(baseline.read_text())["a.exact"] == {"value": 146, "abs_tol": 0,
                                                           "rel_tol": 0}


def test_summary_sets_chapter_values_beside_the_run() -> None:
    chapter = {"a.score": ChapterValue(0.9667, "notebook, Out[9]", "145/150")}
    table = summary_table({"a.score": 0.96, "a.other": 2.0}, chapter, {"a": "Intro"})
    row = table.set_index("metric").loc["a.score"]
    assert row["chapter"] == 0.9667 and row["difference"] == pytest.approx(-0.0067)
    markdown = to_markdown(table)
    assert "## Intro" in markdown
    assert "| `a.score` | 0.9667 | 0.96 | -0.0067 | notebook, Out[9] (145/150) |" in markdown
    assert "| `a.other` | - | 2 | - |" in markdown


def test_summary_follows_the_order_of_sections() -> None:
    table = summary_table({"a.x": 1.0, "b.y": 2.0, "b.a": 3.0}, {}, {"b": "First", "a": "Then"})
    assert table["metric"].tolist() == ["b.a", "b.y", "a.x"]


def test_summary_refuses_chapter_values_for_unknown_metrics() -> None:
    with pytest.raises(ValueError, match="a.typo"):
        summary_table({"a.x": 1.0}, {"a.typo": ChapterValue(1.0, "s")}, {})
