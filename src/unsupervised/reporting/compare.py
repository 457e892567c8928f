"""Compare runs side by side: the parameters, metrics, claims' verdicts and figures that differ.

A run is a results folder that recorded what it ran with (run/config.yaml, see run_record).
The first run is the reference: every other run's change is against it. A metric differs
when a run moves it beyond the tolerance the regression check gives its family
(tests/baseline/tolerances.yaml); a timing, when it is slower or faster than its family's
guard allows. A figure differs when its pixels do. The exit status is 0 whatever differs
(`make regress` is the check that fails).

Usage:
    python -m unsupervised.reporting.compare RUN RUN [RUN ...]   # tables for the terminal
        --all        every parameter and metric, not only those that differ
        --markdown   GitHub-flavoured Markdown, for a pull-request comment
        --json       one JSON object, for scripts
        --html FILE  where the page of changed figures side by side goes (compare.html)
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

import numpy as np

from unsupervised.core.claims import CHAPTER_SEED_ONLY, DOES_NOT_HOLD, HOLDS
from unsupervised.reporting.baseline import (
    Rule,
    align_table,
    format_number,
    format_value,
    load_rules,
    rule_for,
)
from unsupervised.reporting.comparison import Comparison, MetricRow, Row
from unsupervised.reporting.figure_page import owned_by, pixels, write_figure_page
from unsupervised.reporting.run_record import Run, RunError, canonical, load_run

# Where files come from and go, and how they are fetched: keys that change no result, shown
# with --all only (two results folders always differ in results_dir).
NO_RESULT = ("data_dir", "results_dir", "data_mirror", "download")
VERDICTS = (DOES_NOT_HOLD, CHAPTER_SEED_ONLY, HOLDS)  # a claim's verdict metric is the index
VERDICT = "claims.*_verdict"


def flatten(config: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    """Nested mappings as one mapping of full keys (a.b.c) to values; lists stay values."""
    flat: dict[str, object] = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def run_labels(runs: Sequence[Run]) -> list[str]:
    """Each run's folder name, or its path where two names are the same."""
    paths = [str(run.folder) for run in runs]
    if len({Path(path).resolve() for path in paths}) < len(paths):
        raise RunError(f"a run is given twice: {' '.join(paths)}")
    names = [run.folder.name for run in runs]
    return names if len(set(names)) == len(names) else paths


def differing(
    rows: Mapping[str, Mapping[str, object]], labels: Sequence[str], everything: bool = False
) -> list[Row]:
    """Rows whose value is not the same in every run (a run lacking it counts as differing)."""
    return [
        Row(name, values)
        for name, values in sorted(rows.items())
        if everything
        or len(values) < len(labels)
        or any(values[run] != values[labels[0]] for run in labels)
    ]


def by_run(mappings: Mapping[str, Mapping[str, object]]) -> dict[str, dict[str, object]]:
    """{run: {name: value}} turned into {name: {run: value}}."""
    rows: dict[str, dict[str, object]] = {}
    for run, mapping in mappings.items():
        for name, value in mapping.items():
            rows.setdefault(name, {})[run] = value
    return rows


def moved(rule: Rule, reference: float, value: float) -> bool:
    """Whether `value` lies beyond what `rule` allows around `reference` either way: a
    result's tolerance, a timing's guard (slower or faster)."""
    if not (math.isfinite(reference) and math.isfinite(value)):
        return not (math.isnan(reference) and math.isnan(value)) and reference != value
    if rule.timing:
        if rule.slowdown is None or min(reference, value) <= 0:
            return False
        return max(reference, value) / min(reference, value) > rule.slowdown
    return abs(value - reference) > rule.allowed(reference)


def same_image(first: Path, second: Path) -> bool:
    """Whether two PNG files show the same pixels (their metadata may differ)."""
    if first.read_bytes() == second.read_bytes():
        return True
    return np.array_equal(pixels(first), pixels(second))


def figures_of(run: Run) -> dict[str, Path]:
    """The run's figures by their path inside its folder."""
    return {
        path.relative_to(run.folder).as_posix(): path for path in sorted(run.folder.rglob("*.png"))
    }


def compare_metrics(
    metrics: Mapping[str, Mapping[str, float]],
    labels: Sequence[str],
    rule_of: Mapping[str, Rule],
    everything: bool,
) -> tuple[list[MetricRow], list[MetricRow], list[Row]]:
    """The results beyond their tolerance, the timings beyond their guard and the claims whose
    verdict changed, of the metrics every run has (all of them: `everything`); `rule_of` gives
    each metric's tolerance rule."""
    results, timings, claims = [], [], []
    for name, values in sorted(metrics.items()):
        rule, reference = rule_of[name], values[labels[0]]
        if fnmatch.fnmatchcase(name, VERDICT):
            if everything or len(set(values.values())) > 1:
                claim = name.removeprefix("claims.").removesuffix("_verdict")
                claims.append(
                    Row(claim, {run: VERDICTS[int(value)] for run, value in values.items()})
                )
        elif everything or any(moved(rule, reference, values[run]) for run in labels[1:]):
            (timings if rule.timing else results).append(MetricRow(name, values, rule))
    return results, timings, claims


def compare_runs(
    runs: Sequence[Run], rules: Sequence[Rule], everything: bool = False
) -> Comparison:
    labels = run_labels(runs)
    each = list(zip(labels, runs, strict=True))
    parameters = [
        row
        for row in differing(
            by_run({name: flatten(run.config) for name, run in each}), labels, everything
        )
        if everything or row.name.split(".")[0] not in NO_RESULT
    ]
    packages = differing(
        by_run(
            {
                name: {
                    "python": run.provenance.get("python"),
                    **{
                        canonical(package): version
                        for package, version in run.provenance["packages"].items()
                    },
                }
                for name, run in each
            }
        ),
        labels,
        everything,
    )
    metrics = by_run({name: run.metrics for name, run in each})
    shared = {name: values for name, values in metrics.items() if len(values) == len(labels)}
    only_in_some = [
        Row(f"metric {name}", dict.fromkeys(values, "yes"))
        for name, values in sorted(metrics.items())
        if name not in shared
    ]
    rule_of = {name: rule_for(name, rules) for name in shared}
    results, timings, claims = compare_metrics(shared, labels, rule_of, everything)
    figures = []
    for name, paths in by_run({name: figures_of(run) for name, run in each}).items():
        if len(paths) < len(labels):
            only_in_some.append(Row(f"figure {name}", dict.fromkeys(paths, "yes")))
        elif everything or not all(same_image(paths[labels[0]], paths[run]) for run in labels[1:]):
            figures.append(Row(name, paths))
    # A figure of an experiment that times something changes from run to run; when none of
    # its results or parameters did, the timings may be all that changed it.
    timed = {name.split(".")[0] for name, rule in rule_of.items() if rule.timing}
    changed = {row.experiment for row in results} | ({"claims"} if claims else set())
    timings_only = {
        row.name
        for row in figures
        if (folder := row.name.split("/")[0]) in timed
        and folder not in changed
        and not any(owned_by(parameter.name, folder) for parameter in parameters)
    }
    return Comparison(
        runs,
        labels,
        parameters,
        packages,
        results,
        timings,
        claims,
        figures,
        timings_only,
        only_in_some,
        len(metrics),
        everything,
    )


def change(row: MetricRow, reference: str, run: str) -> str:
    """A result's difference from the reference run, a timing's ratio to it."""
    first, value = row.values[reference], row.values[run]
    if row.rule.timing:
        return f"x{value / first:.3g}" if first else "-"
    return format_number(value - first)


def tolerance(row: MetricRow, reference: str) -> str:
    return row.rule.describe(row.values[reference])


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    note: str = ""


def tables(comparison: Comparison, html: Path) -> list[Table]:
    """The comparison as titled tables, for the terminal and Markdown alike."""
    labels = comparison.labels
    first, others = labels[0], labels[1:]
    everything = comparison.everything
    changes = ["change"] if len(others) == 1 else [f"change {run}" for run in others]

    def values(rows: Sequence[Row]) -> list[tuple[str, ...]]:
        return [(row.name, *(format_value(row.values.get(run)) for run in labels)) for row in rows]

    runs = list(zip(labels, comparison.runs, strict=True))
    stale = [name for name, run in runs if run.stale]
    out = [
        Table(
            "Runs",
            ("run", "folder", "revision", "uncommitted changes", "recorded at"),
            [
                (
                    name,
                    str(run.folder),
                    *(
                        format_value(run.provenance["workflow"][key])
                        for key in ("revision", "dirty")
                    ),
                    format_value(run.provenance["recorded_at"]),
                )
                for name, run in runs
            ],
            f"metrics.json is newer than the record in {', '.join(stale)}: a partial target "
            "rebuilt it or the run stopped early, so the record may not say what made it; finish "
            "the run with `snakemake`"
            if stale
            else "",
        )
    ]
    out.append(
        Table(
            "Parameters" if everything else "Parameters that differ",
            ("parameter", *labels),
            values(comparison.parameters),
        )
    )
    if comparison.packages:
        out.append(
            Table(
                "Versions" if everything else "Versions that differ",
                ("package", *labels),
                values(comparison.packages),
            )
        )
    for title, rows in (
        ("Metrics" if everything else "Metrics beyond their tolerance", comparison.results),
        ("Timings" if everything else "Timings beyond their guard", comparison.timings),
    ):
        experiments = sorted({row.experiment for row in rows})
        out += [
            Table(
                f"{title}: {experiment}",
                ("metric", *labels, *changes, "tolerance"),
                [
                    (
                        row.name,
                        *(format_value(row.values[run]) for run in labels),
                        *(change(row, first, run) for run in others),
                        tolerance(row, first),
                    )
                    for row in rows
                    if row.experiment == experiment
                ],
            )
            for experiment in experiments
        ] or [Table(title, ("metric",), [])]
    out.append(
        Table(
            "Claims' verdicts" if everything else "Claims whose verdict changed",
            ("claim", *labels),
            values(comparison.claims),
        )
    )
    timed = [row for row in comparison.figures if row.name in comparison.timings_only]
    out.append(
        Table(
            "Figures" if everything else "Figures whose content changed",
            ("figure",),
            [(row.name,) for row in comparison.figures if row not in timed],
            f"side by side in {html}" if comparison.figures else "",
        )
    )
    if timed and not everything:
        out.append(
            Table(
                "Figures changed where they show timings only (none of their "
                "experiment's results or parameters changed)",
                ("figure",),
                [(row.name,) for row in timed],
            )
        )
    if comparison.only_in_some:
        out.append(
            Table(
                "In some runs only (not a change of value)",
                ("output", *labels),
                values(comparison.only_in_some),
            )
        )
    return out


def summary(comparison: Comparison) -> str:
    """One line: how much differs, and how to see everything."""
    if comparison.everything:
        return f"{comparison.n_metrics} metrics in all"
    return (
        f"{len(comparison.parameters)} parameter(s) differ; of {comparison.n_metrics} "
        f"metrics, {len(comparison.results)} beyond their tolerance and "
        f"{len(comparison.timings)} timing(s) beyond their guard; "
        f"{len(comparison.claims)} claim(s) changed verdict; {len(comparison.figures)} "
        f"figure(s) changed ({len(comparison.timings_only)} where they show timings only)."
        " --all shows everything"
    )


def to_text(items: Sequence[Table]) -> str:
    parts = []
    for table in items:
        body = align_table([table.header, *table.rows]) if table.rows else "(none)"
        parts.append("\n".join(filter(None, [table.title, body, table.note])))
    return "\n\n".join(parts) + "\n"


def to_markdown(items: Sequence[Table]) -> str:
    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(value.replace("|", "\\|") for value in values) + " |"

    parts = []
    for table in items:
        lines = [f"### {table.title}", ""]
        if table.rows:
            lines += [
                cells(table.header),
                cells(["---"] * len(table.header)),
                *(cells(row) for row in table.rows),
            ]
        else:
            lines.append("(none)")
        if table.note:
            lines += ["", table.note]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def to_json(comparison: Comparison, html: Path) -> str:
    def rows(items: Sequence[Row | MetricRow]) -> list[dict[str, object]]:
        return [{"name": row.name, "values": dict(row.values)} for row in items]

    return (
        json.dumps(
            {
                "runs": [
                    {
                        "run": name,
                        "folder": str(run.folder),
                        **run.provenance["workflow"],
                        "recorded_at": run.provenance["recorded_at"],
                        "stale": run.stale,
                    }
                    for name, run in zip(comparison.labels, comparison.runs, strict=True)
                ],
                "parameters": rows(comparison.parameters),
                "packages": rows(comparison.packages),
                "metrics": [
                    {
                        **entry,
                        "family": row.rule.family,
                        "tolerance": tolerance(row, comparison.labels[0]),
                    }
                    for row, entry in zip(comparison.results, rows(comparison.results), strict=True)
                ],
                "timings": rows(comparison.timings),
                "claims": rows(comparison.claims),
                "figures": {
                    "changed": [row.name for row in comparison.figures],
                    "timings_only": sorted(comparison.timings_only),
                    "page": str(html),
                },
                "only_in_some": rows(comparison.only_in_some),
                "n_metrics": comparison.n_metrics,
            },
            indent=2,
            default=str,
        )
        + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", type=Path, nargs="+", metavar="RUN", help="a results folder")
    parser.add_argument(
        "--all",
        action="store_true",
        dest="everything",
        help="every parameter, metric and figure, not only those that differ",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--markdown", action="store_true", help="Markdown tables")
    output.add_argument("--json", action="store_true", help="one JSON object")
    parser.add_argument(
        "--html",
        type=Path,
        default=Path("compare.html"),
        help="the page of changed figures, written every time (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if len(args.runs) < 2:
        parser.error("give two runs or more: results folders")
    try:
        comparison = compare_runs(
            [load_run(run) for run in args.runs], load_rules(), args.everything
        )
    except RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    html = write_figure_page(args.html, comparison)
    if args.json:
        print(to_json(comparison, html), end="")
    else:
        items = tables(comparison, html)
        print(to_markdown(items) if args.markdown else to_text(items))
        print(summary(comparison))
    return 0


if __name__ == "__main__":
    sys.exit(main())
