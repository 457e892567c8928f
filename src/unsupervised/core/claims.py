"""The chapter's conclusions as checks over seeds: which hold, how often, and by how much.

A claim quotes a conclusion of the chapter, names the metrics it rests on, and gives an
effect (a number, e.g. a difference of accuracies) as a function of the metrics of one seed,
and a check: a bound on that effect (the expression written once), or, where the claim needs
more than one number to hold, a boolean function of the metrics. Evaluated over the metrics
of several seeds, it gets a verdict. The seeds are those of the seed replicas of the
experiments its metrics come from.
"""

from __future__ import annotations

import operator
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
class Bound:
    """A claim's check as a bound on its effect: the claim holds where every comparison of the
    effect with its value does."""

    comparisons: tuple[tuple[Callable[[float, float], bool], float], ...]

    def __call__(self, effect: float) -> bool:
        return all(compare(effect, value) for compare, value in self.comparisons)


def below(value: float) -> Bound:
    return Bound(((operator.lt, value),))


def at_most(value: float) -> Bound:
    return Bound(((operator.le, value),))


def above(value: float) -> Bound:
    return Bound(((operator.gt, value),))


def at_least(value: float) -> Bound:
    return Bound(((operator.ge, value),))


def equal_to(value: float) -> Bound:
    return Bound(((operator.eq, value),))


def between(low: float, high: float) -> Bound:
    """From `low` to `high`, both included."""
    return Bound(((operator.ge, low), (operator.le, high)))


@dataclass(frozen=True)
class Claim:
    name: str
    statement: str  # the chapter's words
    source: str  # where in ../shared/reference
    metrics: tuple[str, ...]  # the metric names check and effect read
    check: Bound | Callable[[Metrics], bool]  # a bound on the effect, or on several metrics
    expectation: str  # the check in words, e.g. "Elkan / Lloyd < 1"
    effect: Callable[[Metrics], float]
    effect_name: str  # what the effect measures, e.g. "accuracy gained"

    @property
    def experiments(self) -> tuple[str, ...]:
        """The experiments whose metrics the claim reads (the prefixes of their names)."""
        return tuple(dict.fromkeys(name.split(".", 1)[0] for name in self.metrics))


@dataclass(frozen=True)
class SeedMetrics:
    """An experiment's metrics per seed: its regular run (the chapter's seed) and replicas."""

    chapter_seed: int
    metrics: Mapping[int, Metrics]


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
    def rank(self) -> int:
        """The verdict as a number that only rises as a claim holds more: 0, 1 or 2."""
        return (DOES_NOT_HOLD, CHAPTER_SEED_ONLY, HOLDS).index(self.verdict)

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


def check_seeded_experiments(
    seeds: Mapping[str, Sequence[int]], replicated: Sequence[str], setting: str
) -> None:
    """The experiments `setting` lists seeds for are exactly those with seed replicas."""
    missing = [name for name in replicated if name not in seeds]
    if missing:
        raise ClaimError(
            f"{setting}: no seed list for {', '.join(missing)}; every "
            "experiment with seed replicas needs one"
        )
    unknown = sorted(set(seeds) - set(replicated))
    if unknown:
        raise ClaimError(
            f"{setting}.{unknown[0]}: no experiment of that name has seed "
            f"replicas (those that do: {', '.join(sorted(replicated))})"
        )


def check_replica_seeds(seeds: Sequence[int], chapter_seed: int, setting: str) -> None:
    """The seeds an experiment reruns with, besides the chapter's: some, each once, and not
    the chapter's own (its regular run has it)."""
    if not seeds:
        raise ClaimError(f"{setting}: no seed to rerun the experiment with; list at least one")
    repeated = sorted({seed for seed in seeds if list(seeds).count(seed) > 1})
    if repeated:
        raise ClaimError(f"{setting}: seeds {repeated} are listed twice; list each seed once")
    if chapter_seed in seeds:
        raise ClaimError(
            f"{setting}: {chapter_seed} is the chapter's own seed, which the "
            "regular run already uses; remove it from the list"
        )


def evaluate(claim: Claim, metrics_by_seed: Mapping[int, Metrics], chapter_seed: int) -> Verdict:
    """The claim's check and effect in every seed, and its verdict."""
    check_seeds(list(metrics_by_seed), chapter_seed, f"claim {claim.name!r}")
    holds, effects = {}, {}
    for seed, metrics in metrics_by_seed.items():
        missing = [name for name in claim.metrics if name not in metrics]
        if missing:
            raise ClaimError(
                f"claim {claim.name!r}: seed {seed} has no metric {missing}; "
                "fix the claim's metric names or run the experiment"
            )
        effect = float(claim.effect(metrics))
        result = claim.check(effect) if isinstance(claim.check, Bound) else claim.check(metrics)
        if not isinstance(result, bool):
            raise ClaimError(
                f"claim {claim.name!r}: its check gave {result!r}, not True or "
                "False; write it as a comparison"
            )
        holds[seed], effects[seed] = result, effect
    return Verdict(claim, holds, effects, chapter_seed)


def check_replicated(claims: Sequence[Claim], replicated: Mapping[str, int]) -> None:
    """Every claim reads experiments that have seed replicas (`replicated` maps each to its
    chapter's seed), and the same chapter's seed for all, so that a seed means one thing."""
    for claim in claims:
        missing = [name for name in claim.experiments if name not in replicated]
        if missing:
            raise ClaimError(
                f"claim {claim.name!r} reads {missing}, which have no seed "
                "replicas; add them to the claims' experiments or fix the "
                "claim's metric names"
            )
        seeds = {replicated[name] for name in claim.experiments}
        if len(seeds) > 1:
            raise ClaimError(
                f"claim {claim.name!r} reads {list(claim.experiments)}, whose "
                f"chapter's seeds differ ({sorted(seeds)}); a seed must set the "
                "same thing in every experiment of a claim"
            )


def evaluate_over(claim: Claim, replicas: Mapping[str, SeedMetrics]) -> Verdict:
    """The claim over the seeds every experiment it reads was run with."""
    check_replicated([claim], {name: run.chapter_seed for name, run in replicas.items()})
    runs = [replicas[name] for name in claim.experiments]
    seeds = sorted(set.intersection(*(set(run.metrics) for run in runs)))
    merged = {
        seed: {name: value for run in runs for name, value in run.metrics[seed].items()}
        for seed in seeds
    }
    return evaluate(claim, merged, runs[0].chapter_seed)
