"""The one shape every experiment returns, and the one writer of its files.

An experiment's outputs live in ``results/<experiment>/``; its metrics are named
``<experiment>.<metric>``. The experiment names its metrics without the prefix, and names
its tables, figures and texts after the rule outputs they are written to. A seed replica of
an experiment (a rule with param ``metrics_only``) writes its metrics and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsupervised.core.io import write_metrics, write_table, write_text
from unsupervised.core.lazy import lazy_import

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

# matplotlib is imported only by the jobs that draw a figure
core_figures = lazy_import("unsupervised.core.figures")


@dataclass(frozen=True)
class Result:
    """What an experiment hands back: metrics, tables, figures and texts (e.g. Markdown).
    Each figure is a function that draws it, called only when the figure is written: a seed
    replica, which writes its metrics alone, draws nothing."""

    metrics: Mapping[str, float | int] = field(default_factory=dict)
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    figures: Mapping[str, Callable[[], Figure]] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)

    def prefixed_metrics(self, experiment: str) -> dict[str, float | int]:
        return {f"{experiment}.{name}": value for name, value in self.metrics.items()}


def value_tag(value: float) -> str:
    """A parameter value as part of a metric name: 0.05 -> "0_05", -1 -> "m1"."""
    return f"{value:g}".replace(".", "_").replace("-", "m")


def experiment_of(metrics_path: str | Path) -> str:
    """The experiment a metrics file belongs to: the name of its folder."""
    return Path(metrics_path).parent.name


def write_result(result: Result, smk: Any) -> None:
    """Write `result` to the named outputs of a rule (`smk` is its ``snakemake`` object):
    each figure (at ``params.dpi``), table and text to the output of its name, the metrics to
    ``output.metrics``, prefixed with the experiment's name. Every named output must be
    covered, and nothing else; a seed replica (``params.metrics_only``) gets its metrics only."""
    output = smk.output
    if smk.params.get("metrics_only"):
        if list(output.keys()) != ["metrics"]:
            raise ValueError(
                f"a metrics-only rule has outputs {list(output.keys())}, not just 'metrics'"
            )
        result = Result(result.metrics)
    named = {name for name in output.keys() if name != "metrics"}
    produced = {*result.figures, *result.tables, *result.texts}
    if named != produced or (result.metrics and "metrics" not in output.keys()):
        raise ValueError(
            f"the experiment produced {sorted(produced)} (metrics: "
            f"{bool(result.metrics)}) for the rule outputs {sorted(output.keys())}"
        )
    for name, table in result.tables.items():
        write_table(output[name], table)
    for name, draw in result.figures.items():
        core_figures.save_figure(draw(), output[name], smk.params.dpi)
    for name, text in result.texts.items():
        write_text(output[name], text)
    if "metrics" in output.keys():
        write_metrics(output.metrics, result.prefixed_metrics(experiment_of(output.metrics)))
