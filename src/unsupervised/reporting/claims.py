"""The chapter's claims checked over seeds: their verdicts, as a table, results/claims.md and
one metric per claim for the regression check."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from unsupervised.clustering_algorithms.claims import ON_THE_SUITE
from unsupervised.core.claims import (
    DOES_NOT_HOLD,
    HOLDS,
    Claim,
    SeedMetrics,
    Verdict,
    evaluate_over,
)
from unsupervised.core.figures import new_figure
from unsupervised.core.io import read_json
from unsupervised.core.results import Result
from unsupervised.reporting.all_claims import CLAIMS


def load_replicas(
    files: Mapping[str, Sequence[str]], specs: Mapping[str, Mapping[str, Any]]
) -> dict[str, SeedMetrics]:
    """Each experiment's metrics per seed. `files[name]` lists its regular run's metrics file
    then one per seed of `specs[name]["seeds"]`; `specs[name]["chapter_seed"]` is the seed of
    the regular run."""
    runs = {}
    for name, spec in specs.items():
        seeds = [spec["chapter_seed"], *spec["seeds"]]
        if len(files[name]) != len(seeds):
            raise ValueError(f"{name}: {len(files[name])} metrics files for seeds {seeds}")
        runs[name] = SeedMetrics(
            spec["chapter_seed"],
            {seed: read_json(path) for seed, path in zip(seeds, files[name], strict=True)},
        )
    return runs


def load_seed_tables(
    files: Mapping[str, str], specs: Mapping[str, Mapping[str, Any]]
) -> dict[str, SeedMetrics]:
    """The metrics per seed of each experiment that ran every seed itself: `files[name]` is
    its table of statistics, a row per seed (column "seed"), named <name>.<column>;
    `specs[name]["chapter_seed"]` is the seed that stands for the chapter's."""
    runs = {}
    for name, path in files.items():
        rows = pd.read_csv(path, sep="\t").to_dict("records")
        runs[name] = SeedMetrics(
            specs[name]["chapter_seed"],
            {
                int(row.pop("seed")): {
                    f"{name}.{column}": float(value) for column, value in row.items()
                }
                for row in rows
            },
        )
    return runs


def claims(
    runs: Mapping[str, SeedMetrics],
    varies: Mapping[str, str],
    *,
    panel_size: Sequence[float],
    checked: Sequence[Claim] = CLAIMS,
) -> Result:
    """Every claim's verdict over its experiments' seeds (`varies[experiment]` says what a seed
    sets there): the table, the Markdown page, a figure of the effects (a panel of
    `panel_size` inches per claim), and each verdict as a metric (0 does not hold, 1 holds
    for the chapter's seed only, 2 holds)."""
    verdicts = [evaluate_over(claim, runs) for claim in checked]
    return Result(
        metrics={f"{verdict.claim.name}_verdict": verdict.rank for verdict in verdicts},
        tables={"table": claims_table(verdicts, varies)},
        figures={"figure": lambda: plot_effects(verdicts, panel_size)},
        texts={"markdown": claims_markdown(verdicts, varies)},
    )


def seeds_vary(claim: Claim, varies: Mapping[str, str]) -> str:
    return "; ".join(dict.fromkeys(varies[name] for name in claim.experiments))


def claims_table(verdicts: Sequence[Verdict], varies: Mapping[str, str]) -> pd.DataFrame:
    rows = []
    for verdict in verdicts:
        claim = verdict.claim
        low, high = verdict.effect_range
        rows.append(
            {
                "claim": claim.name,
                "chapter's words": claim.statement,
                "source": claim.source,
                "expected": claim.expectation,
                "seeds holding": verdict.n_holds,
                "seeds": len(verdict.holds),
                "effect": claim.effect_name,
                "chapter's seed": verdict.effects[verdict.chapter_seed],
                "median": verdict.effect_median,
                "min": low,
                "max": high,
                "verdict": verdict.verdict,
                "a seed sets": seeds_vary(claim, varies),
            }
        )
    return pd.DataFrame(rows)


def found_instead(verdict: Verdict, varies: Mapping[str, str]) -> str:
    """What we found for a claim that does not hold for every seed."""
    claim = verdict.claim
    low, high = verdict.effect_range
    passes = f"the check passes for {verdict.n_holds} of them"
    if verdict.n_holds and not verdict.holds[verdict.chapter_seed]:
        passes += ", not for the chapter's"
    return (
        f"**{claim.name}** ({verdict.verdict}): expected {claim.expectation}. "
        f"{claim.effect_name[0].upper()}{claim.effect_name[1:]}: "
        f"{_num(verdict.effects[verdict.chapter_seed])} with the chapter's seed, "
        f"{_num(verdict.effect_median)} in the median ({_num(low)} to {_num(high)}) over "
        f"{len(verdict.holds)} seeds; {passes}. A seed sets {seeds_vary(claim, varies)}."
    )


def claims_markdown(verdicts: Sequence[Verdict], varies: Mapping[str, str]) -> str:
    lines = [
        "# The chapter's claims, checked over seeds",
        "",
        "Each claim quotes a conclusion of the chapter and checks it on the metrics of one "
        "seed. It **holds** if the check passes for every seed, **holds for the chapter's seed "
        "only** if it passes for the chapter's own seed (the run `results/summary.md` shows) "
        "but not for every other, and **does not hold** if it fails for the chapter's seed. "
        "The other seeds are those of `claims.seeds` in the configuration; each experiment "
        "reruns with them, metrics only; the benchmark suite runs its own seeds "
        "(`clustering_benchmark.seeds`, the first standing for the chapter's). The effect is "
        "the number the check reads: its value with the chapter's seed, then its median and "
        "range over all seeds.",
        "",
        "| claim | source | expected | holds in | effect: chapter's seed, median (range) "
        "| verdict |",
        "|---|---|---|---|---|---|",
    ]
    for verdict in verdicts:
        claim = verdict.claim
        low, high = verdict.effect_range
        lines.append(
            f'| {claim.name}: "{claim.statement}" | {claim.source} | {claim.expectation} '
            f"| {verdict.n_holds} of {len(verdict.holds)} | {claim.effect_name}: "
            f"{_num(verdict.effects[verdict.chapter_seed])}, {_num(verdict.effect_median)} "
            f"({_num(low)} to {_num(high)}) | {verdict.verdict} |"
        )
    lines += beside_the_suite(verdicts)
    failing = [verdict for verdict in verdicts if verdict.verdict != HOLDS]
    if failing:
        lines += ["", "## What we found instead", ""]
        lines += [
            f"- {found_instead(verdict, varies)}"
            for verdict in sorted(failing, key=lambda v: v.verdict != DOES_NOT_HOLD)
        ]
    return "\n".join(lines) + "\n"


def beside_the_suite(verdicts: Sequence[Verdict]) -> list[str]:
    """The claims checked on the benchmark suite, each beside its check on the synthetic
    contest (when the contest has a set that isolates what it speaks of)."""
    by_name = {verdict.claim.name: verdict for verdict in verdicts}
    on_suite = [verdict for verdict in verdicts if verdict.claim.name.endswith(ON_THE_SUITE)]
    if not on_suite:
        return []
    lines = [
        "",
        "## On the synthetic contest and on the benchmark suite",
        "",
        "The chapter's claims about where each algorithm works, checked on the contest's "
        "sets drawn for the purpose and on the benchmark suite's datasets described by "
        "their reference partitions (results/clustering_benchmark/properties.tsv).",
        "",
        "| claim | on the contest | on the suite | the suite's effect: median (range) |",
        "|---|---|---|---|",
    ]
    for suite in on_suite:
        contest = by_name.get(suite.claim.name.removesuffix(ON_THE_SUITE))
        low, high = suite.effect_range
        lines.append(
            f"| {suite.claim.name.removesuffix(ON_THE_SUITE)} "
            f"| {_verdict(contest) if contest else 'no set isolates it'} "
            f"| {_verdict(suite)} | {suite.claim.effect_name}: "
            f"{_num(suite.effect_median)} ({_num(low)} to {_num(high)}) |"
        )
    return lines


def _verdict(verdict: Verdict) -> str:
    return f"{verdict.verdict} ({verdict.n_holds} of {len(verdict.holds)})"


def plot_effects(
    verdicts: Sequence[Verdict], panel_size: Sequence[float], columns: int = 4
) -> Figure:
    """A panel per claim: its effect for each seed, the chapter's seed first (a star), green
    where the check passes and red where it fails."""
    rows = math.ceil(len(verdicts) / columns)
    width, height = panel_size
    fig, axes = new_figure(width * columns, height * rows, rows, columns)
    for ax, verdict in zip(axes, verdicts, strict=False):
        seeds = [
            verdict.chapter_seed,
            *sorted(seed for seed in verdict.effects if seed != verdict.chapter_seed),
        ]
        for x, seed in enumerate(seeds):
            ax.scatter(
                x,
                verdict.effects[seed],
                s=140 if x == 0 else 40,
                marker="*" if x == 0 else "o",
                color="tab:green" if verdict.holds[seed] else "tab:red",
                zorder=3,
            )
        ax.set_xticks(range(len(seeds)), [str(seed) for seed in seeds], fontsize=8)
        ax.tick_params(axis="y", labelsize=9)
        ax.ticklabel_format(axis="y", useOffset=False)
        ax.set_xlim(-0.7, len(seeds) - 0.3)
        ax.grid(axis="y", alpha=0.3)
        ax.set_title(
            f"{wrap_name(verdict.claim.name)}\n{verdict.verdict} "
            f"({verdict.n_holds} of {len(seeds)})",
            fontsize=10,
        )
        ax.set_ylabel(textwrap.fill(verdict.claim.effect_name, 32), fontsize=8)
        ax.set_xlabel(textwrap.fill(f"seed; expected: {verdict.claim.expectation}", 48), fontsize=8)
    for ax in axes[len(verdicts) :]:
        ax.set_axis_off()
    return fig


def wrap_name(name: str, width: int = 36) -> str:
    """A claim's name on lines of at most `width` characters, broken after its underscores,
    so that a long name stays within its panel and still reads as the table's."""
    lines = [""]
    for word in name.split("_"):
        if lines[-1] and len(lines[-1]) + len(word) + 1 > width:
            lines[-1] += "_"
            lines.append(word)
        else:
            lines[-1] += f"_{word}" if lines[-1] else word
    return "\n".join(lines)


def _num(value: float) -> str:
    return f"{value:.3g}"
