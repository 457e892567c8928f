"""The run's numbers beside the ones the chapter reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class ChapterValue:
    """A number the chapter reports for a metric, and where it is printed."""

    value: float
    source: str
    note: str = ""


def summary_table(
    metrics: Mapping[str, float], chapter: Mapping[str, ChapterValue], sections: Mapping[str, str]
) -> pd.DataFrame:
    """One row per metric: section, metric, chapter value, this run, difference, source.

    `sections` maps an experiment (the part of a metric name before the first dot) to the
    chapter section it reproduces; rows follow the order of `sections`, then metric names.
    """
    unknown = sorted(chapter.keys() - metrics.keys())
    if unknown:
        raise ValueError(f"chapter values given for metrics the run does not produce: {unknown}")
    order = {experiment: index for index, experiment in enumerate(sections)}
    rows = []
    for name, value in sorted(
        metrics.items(), key=lambda item: (order.get(item[0].split(".", 1)[0], len(order)), item[0])
    ):
        experiment = name.split(".", 1)[0]
        reference = chapter.get(name)
        rows.append(
            {
                "section": sections.get(experiment, experiment),
                "metric": name,
                "chapter": None if reference is None else reference.value,
                "this run": value,
                "difference": None if reference is None else value - reference.value,
                "source": "" if reference is None else reference.source,
                "note": "" if reference is None else reference.note,
            }
        )
    return pd.DataFrame(rows)


def to_markdown(table: pd.DataFrame) -> str:
    """A Markdown page with one table per chapter section."""
    lines = [
        "# This run beside the chapter",
        "",
        "Chapter values come from the chapter's notebook transcripts (older scikit-learn, ",
        "around 0.22); differences can come from library versions. '-' where the chapter ",
        "prints no number.",
        "",
    ]
    for section, rows in table.groupby("section", sort=False):
        lines += [
            f"## {section}",
            "",
            "| metric | chapter | this run | difference | source |",
            "|---|---|---|---|---|",
        ]
        for row in rows.itertuples(index=False):
            note = f" ({row.note})" if row.note else ""
            lines.append(
                f"| `{row.metric}` | {_fmt(row.chapter)} | {_fmt(row[3])} | "
                f"{_fmt(row.difference)} | {row.source}{note} |"
            )
        lines.append("")
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    if value is None or pd.isna(value):
        return "-"
    return f"{value:.6g}"
