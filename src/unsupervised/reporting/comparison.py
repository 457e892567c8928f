"""What a comparison of runs finds: the rows that differ, shared by the command that
computes and prints it (compare) and the page of changed figures (figure_page)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from unsupervised.reporting.baseline import Rule
from unsupervised.reporting.run_record import Run


@dataclass(frozen=True)
class Row:
    """One parameter, package, metric, claim or figure: its value in each run that has it."""

    name: str
    values: Mapping[str, object]  # run label -> value; a run without it is left out


@dataclass(frozen=True)
class MetricRow:
    name: str
    values: Mapping[str, float]  # run label -> value
    rule: Rule

    @property
    def experiment(self) -> str:
        return self.name.split(".", 1)[0]


@dataclass(frozen=True)
class Comparison:
    """What differs between runs, the first one the reference."""

    runs: Sequence[Run]
    labels: list[str]  # what names each run in the tables: its folder's name, or path
    parameters: list[Row]
    packages: list[Row]
    results: list[MetricRow]
    timings: list[MetricRow]
    claims: list[Row]
    figures: list[Row]  # changed figures: run label -> the file
    timings_only: set[str]  # of those, the ones nothing but timings may have changed
    only_in_some: list[Row]  # metrics and figures some runs lack: run label -> "yes"
    n_metrics: int
    everything: bool
