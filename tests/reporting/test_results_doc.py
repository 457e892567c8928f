"""The results page is the run's summary and claims, headings one level down, nothing added."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from unsupervised.reporting.results_doc import body, contents, main, results_document

SUMMARY = """# This run beside the chapter

Intro.

## 01 Iris / Iris

| metric | chapter | this run |
|---|---|---|
| `iris_gmm.accuracy` | 0.966667 | 0.966667 |

## 02 K-Means / 1 Fit

| `kmeans_fit.inertia` | 211.599 | 219.428 |

## 02 K-Means / 2 Steps

| `kmeans_steps.inertia_iteration_1` | - | 379.339 |
"""
CLAIMS = """# The chapter's claims, checked over seeds

| claim | verdict |
|---|---|
| the_elbow_is_at_4 | holds |
"""


def test_the_page_holds_every_line_of_both_pages_one_level_down() -> None:
    page = results_document(SUMMARY, CLAIMS, "results")
    for line in SUMMARY.splitlines()[1:] + CLAIMS.splitlines()[1:]:
        assert ("#" + line if line.startswith("#") else line) in page
    assert page.count("\n# ") == 0 and page.startswith("# Results\n")
    assert "`results/summary.md`" in page


def test_contents_lists_each_section_once_in_order() -> None:
    assert contents(SUMMARY) == {"01 Iris": "01-iris--iris", "02 K-Means": "02-k-means--1-fit"}


def test_a_page_without_a_title_is_refused() -> None:
    with pytest.raises(ValueError, match="'# ' title"):
        body("## no title\n")


def test_the_command_names_the_missing_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "summary.md").write_text(SUMMARY)
    output = tmp_path / "results.md"
    monkeypatch.setattr(sys, "argv", ["results_doc", str(tmp_path), str(output)])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2 and "claims.md missing" in capsys.readouterr().err
    assert not output.exists()
    (tmp_path / "claims.md").write_text(CLAIMS)
    main()
    assert output.read_text() == results_document(SUMMARY, CLAIMS, str(tmp_path))
