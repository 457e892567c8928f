"""Comparing runs, on tiny recorded runs: parameters, metrics within and beyond tolerance,
timings, claims' verdicts, figures by their pixels, and a folder that is no recorded run."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import yaml  # noqa: E402

from unsupervised.core.io import write_json  # noqa: E402
from unsupervised.reporting.baseline import load_rules  # noqa: E402
from unsupervised.reporting.compare import compare_runs, flatten, main  # noqa: E402
from unsupervised.reporting.run_record import (  # noqa: E402
    RunError,
    git_state,
    load_run,
    pinned_packages,
)

CONFIG = {
    "results_dir": "results",
    "dbscan": {"eps": [0.05, 0.2], "min_samples": 5},
    "iris_gmm": {"random_state": 42},
}
METRICS = {
    "dbscan.ari": 0.5,
    "dbscan.n_clusters": 7,
    "iris_gmm.accuracy": 0.96,
    "kmeans_speed.lloyd_seconds": 1.0,
    "claims.the_elbow_is_at_4_verdict": 2,
}


def draw(path: Path, height: float, **savefig: object) -> None:
    figure, axes = plt.subplots(figsize=(2, 2))
    axes.bar([0], [height])
    axes.set_ylim(0, 2)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=40, **savefig)
    plt.close(figure)


def make_run(
    folder: Path,
    config: dict | None = None,
    metrics: dict | None = None,
    bar: float = 1.0,
    **savefig: object,
) -> Path:
    """A recorded run: its configuration, provenance, metrics and one figure."""
    (folder / "run").mkdir(parents=True)
    (folder / "run" / "config.yaml").write_text(
        yaml.safe_dump({**CONFIG, "results_dir": folder.name, **(config or {})})
    )
    write_json(folder / "metrics.json", {**METRICS, **(metrics or {})})
    draw(folder / "dbscan" / "dbscan.png", bar, **savefig)
    (folder / "run" / "provenance.yaml").write_text(
        yaml.safe_dump(
            {
                "workflow": {"revision": "abc", "dirty": False, "changed": []},
                "recorded_at": "2026-12-07T10:00:00+00:00",
                "python": "3.11.2",
                "packages": {"numpy": "2.4.6"},
            }
        )
    )
    return folder


def compared(*folders: Path, everything: bool = False):
    return compare_runs([load_run(folder) for folder in folders], load_rules(), everything)


def test_flatten_joins_keys_and_keeps_lists() -> None:
    assert flatten({"a": {"b": {"c": 1}, "d": [1, 2]}, "e": {}}) == {
        "a.b.c": 1,
        "a.d": [1, 2],
        "e": {},
    }


def test_identical_runs_differ_in_nothing(tmp_path: Path) -> None:
    comparison = compared(make_run(tmp_path / "a"), make_run(tmp_path / "b"))
    assert comparison.parameters == comparison.results == comparison.timings == []
    assert comparison.claims == comparison.figures == comparison.only_in_some == []
    assert comparison.packages == []


def test_a_package_is_one_whatever_the_spelling_of_its_name(tmp_path: Path) -> None:
    first, second = make_run(tmp_path / "a"), make_run(tmp_path / "b")
    record = second / "run" / "provenance.yaml"
    provenance = yaml.safe_load(record.read_text())
    record.write_text(yaml.safe_dump({**provenance, "packages": {"NumPy": "2.4.6"}}))
    assert compared(first, second).packages == []
    record.write_text(yaml.safe_dump({**provenance, "packages": {"NumPy": "2.4.7"}}))
    assert [(row.name, row.values) for row in compared(first, second).packages] == [
        ("numpy", {"a": "2.4.6", "b": "2.4.7"})
    ]


def test_one_changed_parameter_and_what_it_moves(tmp_path: Path) -> None:
    first = make_run(tmp_path / "a")
    second = make_run(
        tmp_path / "b",
        {"dbscan": {"eps": [0.05, 0.3], "min_samples": 5}},
        {
            "dbscan.ari": 0.9,
            "dbscan.n_clusters": 2,
            "iris_gmm.accuracy": 0.96 + 1e-12,  # round-off: within tolerance
            "kmeans_speed.lloyd_seconds": 3.0,
        },  # within the 10x guard
        bar=1.5,
    )
    comparison = compared(first, second)
    assert [(row.name, row.values) for row in comparison.parameters] == [
        ("dbscan.eps", {"a": [0.05, 0.2], "b": [0.05, 0.3]})
    ]
    assert [row.name for row in comparison.results] == ["dbscan.ari", "dbscan.n_clusters"]
    assert comparison.timings == [] and comparison.claims == []
    assert [row.name for row in comparison.figures] == ["dbscan/dbscan.png"]
    everything = compared(first, second, everything=True)
    assert "results_dir" in [row.name for row in everything.parameters]
    assert len(everything.results) + len(everything.timings) + len(everything.claims) == 5


def test_a_metric_of_one_run_only_is_no_change_of_value(tmp_path: Path) -> None:
    first = make_run(tmp_path / "a")
    second = make_run(tmp_path / "b", metrics={"dbscan.extra": 1.0})
    comparison = compared(first, second)
    assert comparison.results == []
    assert [(row.name, row.values) for row in comparison.only_in_some] == [
        ("metric dbscan.extra", {"b": "yes"})
    ]


def test_timings_beyond_their_guard_and_verdicts_show_apart(tmp_path: Path) -> None:
    first = make_run(tmp_path / "a")
    second = make_run(
        tmp_path / "b",
        metrics={"kmeans_speed.lloyd_seconds": 20.0, "claims.the_elbow_is_at_4_verdict": 0},
    )
    comparison = compared(first, second)
    assert [row.name for row in comparison.timings] == ["kmeans_speed.lloyd_seconds"]
    assert comparison.results == []
    assert [(row.name, list(row.values.values())) for row in comparison.claims] == [
        ("the_elbow_is_at_4", ["holds", "does not hold"])
    ]


def test_a_figure_nothing_but_timings_changed_is_set_apart(tmp_path: Path) -> None:
    """A figure of an experiment that times something, none of whose results or parameters
    changed, may show nothing but another run's timings."""
    first = make_run(tmp_path / "a")
    draw(first / "kmeans_speed" / "speed.png", 1.0)
    second = make_run(
        tmp_path / "b", metrics={"kmeans_speed.lloyd_seconds": 1.1, "dbscan.ari": 0.9}, bar=1.5
    )
    draw(second / "kmeans_speed" / "speed.png", 1.1)
    comparison = compared(first, second)
    assert [row.name for row in comparison.figures] == [
        "dbscan/dbscan.png",
        "kmeans_speed/speed.png",
    ]
    assert comparison.timings_only == {"kmeans_speed/speed.png"}


def test_a_figure_differs_by_its_pixels_not_its_bytes(tmp_path: Path) -> None:
    first = make_run(tmp_path / "a")
    second = make_run(tmp_path / "b", metadata={"Software": "another writer"})
    assert (first / "dbscan" / "dbscan.png").read_bytes() != (
        second / "dbscan" / "dbscan.png"
    ).read_bytes()
    assert compared(first, second).figures == []


def test_the_command_writes_tables_markdown_json_and_the_figure_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = make_run(tmp_path / "a")
    second = make_run(
        tmp_path / "b",
        {"dbscan": {"eps": [0.05, 0.3], "min_samples": 5}},
        {"dbscan.ari": 0.9},
        bar=1.5,
    )
    page = tmp_path / "page.html"
    assert main([str(first), str(second), "--html", str(page)]) == 0
    text = capsys.readouterr().out
    assert "Parameters that differ" in text and "dbscan.eps" in text
    assert "Metrics beyond their tolerance: dbscan" in text and "0.4" in text
    html = page.read_text()
    # the two versions, and the pixels that differ
    assert html.count("data:image/png;base64,") == 3 and "dbscan.eps" in html
    assert "This experiment's parameters that differ" in html
    assert main([str(first), str(second), "--markdown", "--html", str(page)]) == 0
    assert "| dbscan.eps | [0.05, 0.2] | [0.05, 0.3] |" in capsys.readouterr().out
    assert main([str(first), str(second), "--json", "--html", str(page)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in data["metrics"]] == ["dbscan.ari"]
    assert data["figures"] == {
        "changed": ["dbscan/dbscan.png"],
        "timings_only": [],
        "page": str(page),
    }


def test_a_folder_without_its_record_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = make_run(tmp_path / "a")
    unrecorded = tmp_path / "old"
    unrecorded.mkdir()
    write_json(unrecorded / "metrics.json", METRICS)
    with pytest.raises(RunError, match=r"old/run/config.yaml, .*old/run/provenance.yaml missing"):
        load_run(unrecorded)
    assert main([str(run), str(unrecorded)]) == 2
    error = capsys.readouterr().err
    assert "old is not a finished run" in error and "snakemake --config results_dir=" in error
    assert main([str(run), str(tmp_path / "nowhere")]) == 2
    assert "nowhere: no such folder" in capsys.readouterr().err


def test_requirements_pins_and_git_state(tmp_path: Path) -> None:
    assert pinned_packages(
        "numpy==2.4.6 \\\n    --hash=sha256:00\nscikit-learn==1.9.1\n# pandas==1\n"
    ) == ["numpy", "scikit-learn"]
    assert git_state(tmp_path) == {"revision": None, "dirty": None, "changed": []}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "Snakefile").write_text("a\n")
    git("add", "Snakefile")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
    (tmp_path / "untracked.txt").write_text("no matter\n")
    clean = git_state(tmp_path)
    assert len(clean["revision"]) == 40 and clean["dirty"] is False
    (tmp_path / "Snakefile").write_text("b\n")
    assert git_state(tmp_path)["changed"] == ["Snakefile"]
