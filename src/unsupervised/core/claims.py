"""The chapter's conclusions as checks over seeds: which hold, how often, and by how much.

A claim quotes a conclusion of the chapter, names the metrics it rests on, and gives a
check (a boolean) and an effect (a number, e.g. a difference of accuracies) as functions of
the metrics of one seed. Evaluated over the metrics of several seeds, it gets a verdict.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

Metrics = Mapping[str, float]

HOLDS = "holds"
CHAPTER_SEED_ONLY = "holds for the chapter's seed only"
DOES_NOT_HOLD = "does not hold"


class ClaimError(ValueError):
    """A claim or the seeds it is evaluated over cannot give a verdict; the message names
    the claim and what is wrong."""


@dataclass(frozen=True)
class Claim:
    name: str
    statement: str  # the chapter's words
    source: str  # where in ../shared/reference
    metrics: tuple[str, ...]  # the metric names check and effect read
    check: Callable[[Metrics], bool]
    effect: Callable[[Metrics], float]
    effect_name: str  # what the effect measures, e.g. "accuracy gained"


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    holds: dict[int, bool]  # per seed
    effects: dict[int, float]  # per seed
    chapter_seed: int

    @property
    def n_holds(self) -> int:
        return sum(self.holds.values())

    @property
    def verdict(self) -> str:
        if not self.holds[self.chapter_seed]:
            return DOES_NOT_HOLD
        return HOLDS if all(self.holds.values()) else CHAPTER_SEED_ONLY

    @property
    def effect_median(self) -> float:
        return statistics.median(self.effects.values())

    @property
    def effect_range(self) -> tuple[float, float]:
        return min(self.effects.values()), max(self.effects.values())


def check_seeds(seeds: Sequence[int], chapter_seed: int, setting: str) -> None:
    if not seeds:
        raise ClaimError(f"{setting}: no seed to evaluate the claims over; list at least one")
    repeated = sorted({seed for seed in seeds if list(seeds).count(seed) > 1})
    if repeated:
        raise ClaimError(f"{setting}: seeds {repeated} are listed twice; list each seed once")
    if chapter_seed not in seeds:
        raise ClaimError(f"{setting}: the chapter's seed {chapter_seed} is not among {list(seeds)}")


def evaluate(claim: Claim, metrics_by_seed: Mapping[int, Metrics], chapter_seed: int
             ) -> Verdict:
    """The claim's check and effect in every seed, and its verdict."""
    check_seeds(list(metrics_by_seed), chapter_seed, f"claim {claim.name!r}")
    holds, effects = {}, {}
    for seed, metrics in metrics_by_seed.items():
        missing = [name for name in claim.metrics if name not in metrics]
        if missing:
            raise ClaimError(f"claim {claim.name!r}: seed {seed} has no metric {missing}; "
                             "fix the claim's metric names or run the experiment")
        result = claim.check(metrics)
        if not isinstance(result, bool):
            raise ClaimError(f"claim {claim.name!r}: its check gave {result!r}, not True or "
                             "False; write it as a comparison")
        holds[seed], effects[seed] = result, float(claim.effect(metrics))
    return Verdict(claim, holds, effects, chapter_seed)
