"""Verdicts of claims over seeds, on made-up metric tables."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

from unsupervised.core.claims import (
    CHAPTER_SEED_ONLY,
    DOES_NOT_HOLD,
    HOLDS,
    Claim,
    ClaimError,
    SeedMetrics,
    check_replica_seeds,
    check_replicated,
    check_seeded_experiments,
    check_seeds,
    evaluate,
    evaluate_over,
)
from unsupervised.reporting.all_claims import CLAIMS

BEATS = Claim(
    name="representatives_beat_random",
    statement="50 representative labels beat 50 random ones",
    source="made up",
    metrics=("toy.representative", "toy.random"),
    check=lambda m: m["toy.representative"] - m["toy.random"] >= 0.05,
    expectation="representatives - random >= 0.05",
    effect=lambda m: m["toy.representative"] - m["toy.random"],
    effect_name="accuracy gained",
)


def table(*gains: float) -> dict[int, dict[str, float]]:
    """Seeds 0, 1, ... with the given accuracy gains of representatives over random."""
    return {
        seed: {"toy.representative": 0.8 + gain, "toy.random": 0.8}
        for seed, gain in enumerate(gains)
    }


@pytest.mark.parametrize(
    ("gains", "verdict", "n_holds"),
    [
        ((0.1, 0.08, 0.12), HOLDS, 3),
        ((0.1, 0.01, 0.12), CHAPTER_SEED_ONLY, 2),
        ((0.01, 0.02, 0.1), DOES_NOT_HOLD, 1),
        ((0.0, -0.1, 0.01), DOES_NOT_HOLD, 0),
    ],
)
def test_verdicts(gains: tuple[float, ...], verdict: str, n_holds: int) -> None:
    result = evaluate(BEATS, table(*gains), chapter_seed=0)
    assert result.verdict == verdict and result.n_holds == n_holds
    assert result.rank == {DOES_NOT_HOLD: 0, CHAPTER_SEED_ONLY: 1, HOLDS: 2}[verdict]
    assert result.effect_median == pytest.approx(sorted(gains)[1])
    assert result.effect_range == pytest.approx((min(gains), max(gains)))


def test_the_chapter_seed_decides_between_the_two_partial_verdicts() -> None:
    assert evaluate(BEATS, table(0.01, 0.1, 0.1), chapter_seed=1).verdict == CHAPTER_SEED_ONLY
    assert evaluate(BEATS, table(0.01, 0.1, 0.1), chapter_seed=0).verdict == DOES_NOT_HOLD


def test_a_missing_metric_names_the_claim_and_the_metric() -> None:
    seeds = {0: {"toy.representative": 0.9}}
    with pytest.raises(ClaimError, match=r"representatives_beat_random.*\['toy.random'\]"):
        evaluate(BEATS, seeds, chapter_seed=0)


def test_a_check_that_is_not_a_boolean_is_refused() -> None:
    sloppy = Claim(
        "sloppy", "", "", ("toy.random",), lambda m: m["toy.random"], "", lambda m: 0.0, ""
    )
    with pytest.raises(ClaimError, match="'sloppy': its check gave 0.8, not True or False"):
        evaluate(sloppy, table(0.1), chapter_seed=0)


@pytest.mark.parametrize(
    ("seeds", "message"),
    [
        ([], "no seed"),
        ([1, 2, 1], r"seeds \[1\] are listed twice"),
        ([1, 2], "seed 0 is not"),
    ],
)
def test_bad_seed_lists_are_named(seeds: list[int], message: str) -> None:
    with pytest.raises(ClaimError, match=message):
        check_seeds(seeds, 0, "claims.seeds")


@pytest.mark.parametrize(
    ("seeds", "message"),
    [
        ([], "no seed"),
        ([1, 2, 1], r"seeds \[1\] are listed twice"),
        ([1, 42], "42 is the chapter's own seed"),
    ],
)
def test_bad_replica_seed_lists_are_named(seeds: list[int], message: str) -> None:
    with pytest.raises(ClaimError, match=rf"^claims\.seeds\.toy: {message}"):
        check_replica_seeds(seeds, 42, "claims.seeds.toy")


@pytest.mark.parametrize(
    ("seeds", "message"),
    [
        ({"a": [1]}, r"^claims\.seeds: no seed list for b; every experiment with seed"),
        (
            {"a": [1], "b": [2], "c": [3]},
            r"^claims\.seeds\.c: no experiment of that name has seed replicas "
            r"\(those that do: a, b\)",
        ),
    ],
)
def test_seeds_go_to_exactly_the_replicated_experiments(seeds: dict, message: str) -> None:
    check_seeded_experiments({"a": [1], "b": [2]}, ["a", "b"], "claims.seeds")
    with pytest.raises(ClaimError, match=message):
        check_seeded_experiments(seeds, ["a", "b"], "claims.seeds")


def test_a_claim_over_two_experiments_uses_the_seeds_both_ran() -> None:
    """Each experiment's metrics per seed are merged; seeds only one ran are left out."""
    gain = Claim(
        "gain",
        "",
        "",
        ("a.score", "b.score"),
        lambda m: m["b.score"] > m["a.score"],
        "b > a",
        lambda m: m["b.score"] - m["a.score"],
        "b - a",
    )
    runs = {
        "a": SeedMetrics(42, {42: {"a.score": 0.5}, 0: {"a.score": 0.5}, 1: {"a.score": 0.5}}),
        "b": SeedMetrics(42, {42: {"b.score": 0.7}, 1: {"b.score": 0.4}}),
    }
    result = evaluate_over(gain, runs)
    assert sorted(result.holds) == [1, 42] and result.verdict == CHAPTER_SEED_ONLY
    assert result.effects == pytest.approx({42: 0.2, 1: -0.1})


def test_a_claim_must_read_replicated_experiments_with_one_chapter_seed() -> None:
    with pytest.raises(
        ClaimError,
        match=r"'representatives_beat_random' reads \['toy'\], "
        "which have no seed replicas",
    ):
        check_replicated([BEATS], {"other": 0})
    two = Claim("two", "", "", ("a.x", "b.x"), lambda m: True, "", lambda m: 0.0, "")
    with pytest.raises(ClaimError, match=r"chapter's seeds differ \(\[7, 42\]\)"):
        check_replicated([two], {"a": 42, "b": 7})


def test_every_section_claim_reads_metrics_the_ci_run_writes() -> None:
    """The section claims name metrics that exist (those of the CI baseline), and each gives
    a boolean and a number on them."""
    baseline = json.loads((REPO / "tests" / "baseline" / "ci.json").read_text())
    claims = CLAIMS
    assert len(claims) >= 12 and len({claim.name for claim in claims}) == len(claims)
    for claim in claims:
        result = evaluate(claim, {0: baseline}, chapter_seed=0)
        assert result.n_holds in (0, 1) and isinstance(result.effect_median, float)
