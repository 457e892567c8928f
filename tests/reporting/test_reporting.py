"""Gathering metrics, the regression table and baseline refresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO

from unsupervised.core.io import read_json
from unsupervised.reporting.baseline import (
    Rule,
    compare,
    format_table,
    load_rules,
    main,
    rule_for,
    spread,
)
from unsupervised.reporting.chapter_comparison import ChapterValue, summary_table, to_markdown
from unsupervised.reporting.gather import gather_metrics

RULES = [
    Rule("timings", ("*_seconds",), timing=True, slowdown=10),
    Rule("ratios", ("*_over_*",), timing=True),
    Rule("counts", ("*.n_*",), abs_tol=0),
    Rule("accuracy", ("*accuracy",), abs_tol=0.0023),
    Rule("inertia", ("*inertia*",), rel_tol=0.05),
]
BASELINE = {
    "a.n_correct": 145,
    "a.inertia": 100.0,
    "a.gone_accuracy": 0.9,
    "a.fit_seconds": 0.5,
    "a.elkan_over_lloyd": 2.0,
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


def test_statuses_follow_the_family_rules() -> None:
    current = {
        "a.n_correct": 144,
        "a.inertia": 104.0,
        "a.new_accuracy": 0.5,
        "a.fit_seconds": 4.9,
        "a.elkan_over_lloyd": 50.0,
    }
    rows = {row.name: row for row in compare(BASELINE, current, RULES)}
    assert rows["a.n_correct"].status == "FAIL" and rows["a.n_correct"].delta == -1
    assert rows["a.inertia"].status == "ok" and rows["a.inertia"].rule.family == "inertia"
    assert rows["a.gone_accuracy"].status == "MISSING"
    assert rows["a.new_accuracy"].status == "NEW"
    assert rows["a.fit_seconds"].status == "ok"  # 9.8x slower: noise, not a gross slowdown
    assert rows["a.elkan_over_lloyd"].status == "ok"  # ratios of timings are never checked
    slower = compare({"a.fit_seconds": 0.5}, {"a.fit_seconds": 5.1}, RULES)
    assert slower[0].status == "FAIL"
    one_instance = compare(
        {"a.x_accuracy": 0.9244444444444444}, {"a.x_accuracy": 0.9266666666666667}, RULES
    )
    two_instances = compare(
        {"a.x_accuracy": 0.9244444444444444}, {"a.x_accuracy": 0.9288888888888889}, RULES
    )
    assert one_instance[0].passed and not two_instances[0].passed


def test_a_claim_that_held_must_still_hold() -> None:
    """Verdicts (0 does not hold, 1 chapter's seed only, 2 holds) may rise, never fall."""
    verdicts = Rule("verdicts", ("claims.*_verdict",), may_only_rise=True)
    statuses = {
        (before, after): compare(
            {"claims.x_verdict": before}, {"claims.x_verdict": after}, [verdicts]
        )[0].status
        for before in (0, 1, 2)
        for after in (0, 1, 2)
    }
    assert [pair for pair, status in statuses.items() if status == "FAIL"] == [
        (1, 0),
        (2, 0),
        (2, 1),
    ]
    assert verdicts.describe(2) == ">= 2"


def test_nan_never_passes() -> None:
    (row,) = compare({"a.inertia": 1.0}, {"a.inertia": float("nan")}, RULES)
    assert row.status == "FAIL"
    (row,) = compare({"a.fit_seconds": 1.0}, {"a.fit_seconds": float("nan")}, RULES)
    assert row.status == "FAIL"


def test_a_metric_without_a_rule_is_refused() -> None:
    with pytest.raises(KeyError, match="no tolerance rule matches metric 'a.mystery'.*tolerances"):
        compare({}, {"a.mystery": 1.0}, RULES)


def test_every_baseline_metric_has_a_rule_and_timings_are_apart() -> None:
    rules = load_rules()
    for baseline in ("ci", "default"):
        metrics = read_json(REPO / "tests" / "baseline" / f"{baseline}.json")
        families = {name: rule_for(name, rules).family for name in metrics}
        assert families["iris_gmm.n_correct"] == "choices and counts"
        assert families["kmeans_speed.mnist_lloyd_seconds"] == "timings"
        assert families["label_budget_mnist.supervised_accuracy"] == "test accuracy on MNIST"
        assert all(isinstance(value, int | float) for value in metrics.values())


def test_table_sets_timings_apart() -> None:
    table = format_table(compare(BASELINE, BASELINE, RULES))
    results, timings = table.split("\n\nTimings")
    assert [cell.strip() for cell in results.splitlines()[0].split(" | ")] == [
        "metric",
        "baseline",
        "current",
        "delta",
        "tolerance",
        "status",
    ]
    assert "a.inertia" in results and "a.fit_seconds" not in results
    assert "a.fit_seconds" in timings and "<= 10x" in timings and "not checked" in timings


def test_spread_reports_each_family_worst_case() -> None:
    runs = [
        {"a.inertia": 100.0, "b.inertia": 10.0, "a.fit_seconds": 1.0},
        {"a.inertia": 100.0, "b.inertia": 10.5, "a.fit_seconds": 2.5},
    ]
    lines = {
        line.split(" | ")[0].strip(): line.split(" | ") for line in spread(runs, RULES).splitlines()
    }
    # b.inertia moved by 0.5 where 5% of 10 is allowed: 1 tolerance; a.inertia did not move
    assert [cell.strip() for cell in lines["inertia"][1:]] == ["2", "1 tol", "b.inertia", "1 tol"]
    assert lines["timings"][2].strip() == "2.5x"


def test_cli_exit_codes_and_update(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    rules = write(
        tmp_path / "rules.yaml",
        [
            {"family": "counts", "match": ["*.n_*"], "abs_tol": 0},
            {"family": "inertia", "match": ["*inertia*"], "rel_tol": 0.05},
        ],
    )
    metrics = write(tmp_path / "metrics.json", {"a.n_correct": 145, "a.inertia": 100.0})
    baseline = write(tmp_path / "baseline.json", {"a.n_correct": 145, "a.inertia": 102.0})
    options = ["--tolerances", str(rules)]
    assert main([str(metrics), str(baseline), *options]) == 0
    write(metrics, {"a.n_correct": 146, "a.inertia": 100.0})
    assert main([str(metrics), str(baseline), *options]) == 1
    assert "a.n_correct (FAIL)" in capsys.readouterr().err
    assert main([str(metrics), str(baseline), "--update", *options]) == 0
    assert main([str(metrics), str(baseline), *options]) == 0
    assert json.loads(baseline.read_text()) == {"a.inertia": 100.0, "a.n_correct": 146}
    write(metrics, {"a.unknown": 1.0})
    with pytest.raises(KeyError, match="a.unknown"):
        main([str(metrics), str(baseline), "--update", *options])


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
