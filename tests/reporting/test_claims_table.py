"""The claims table and page, from made-up runs of two experiments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unsupervised.clustering_algorithms.claims import ON_THE_SUITE
from unsupervised.core.claims import Claim, SeedMetrics
from unsupervised.reporting.claims import claims, load_replicas, load_seed_tables, wrap_name

FASTER = Claim(
    "b_is_faster",
    "B is much faster",
    "made up, 1.2",
    ("toy.a_over_b",),
    lambda m: m["toy.a_over_b"] > 1.5,
    "A / B > 1.5",
    lambda m: m["toy.a_over_b"],
    "time of A / B",
)
BETTER = Claim(
    "b_is_better",
    "B is better",
    "made up, 1.3",
    ("toy.a_over_b",),
    lambda m: m["toy.a_over_b"] > 1,
    "A / B > 1",
    lambda m: m["toy.a_over_b"],
    "time of A / B",
)
RUNS = {
    "toy": SeedMetrics(
        42, {42: {"toy.a_over_b": 2.0}, 0: {"toy.a_over_b": 1.2}, 1: {"toy.a_over_b": 3.0}}
    )
}
VARIES = {"toy": "the toy's random state (toy.random_state)"}


def test_verdicts_become_metrics_a_table_and_a_page() -> None:
    result = claims(RUNS, VARIES, panel_size=(3, 2), checked=[FASTER, BETTER])
    assert result.metrics == {"b_is_faster_verdict": 1, "b_is_better_verdict": 2}
    panels = [ax for ax in result.figures["figure"]().axes if ax.axison]
    assert [ax.get_title().splitlines()[0] for ax in panels] == ["b_is_faster", "b_is_better"]
    # the chapter's seed first, then the others in order, one point each
    assert [label.get_text() for label in panels[0].get_xticklabels()] == ["42", "0", "1"]
    assert len(panels[0].collections) == 3
    table = result.tables["table"].set_index("claim")
    assert table.loc[
        "b_is_faster", ["seeds holding", "seeds", "chapter's seed", "median", "min", "max"]
    ].tolist() == [2, 3, 2.0, 2.0, 1.2, 3.0]
    assert table.loc["b_is_better", "verdict"] == "holds"
    page = result.texts["markdown"]
    assert '| b_is_faster: "B is much faster" | made up, 1.2 | A / B > 1.5 | 2 of 3 |' in page
    found = page.split("## What we found instead", 1)[1]
    assert (
        "**b_is_faster** (holds for the chapter's seed only): expected A / B > 1.5. Time of "
        "A / B: 2 with the chapter's seed, 2 in the median (1.2 to 3) over 3 seeds; the "
        "check passes for 2 of them." in found
    )
    assert "toy.random_state" in found and "b_is_better" not in found
    unlucky = {"toy": SeedMetrics(42, {42: {"toy.a_over_b": 1.2}, 0: {"toy.a_over_b": 3.0}})}
    page = claims(unlucky, VARIES, panel_size=(3, 2), checked=[FASTER]).texts["markdown"]
    assert "(does not hold)" in page and "passes for 1 of them, not for the chapter's." in page


def test_replicas_are_read_in_the_order_of_their_seeds(tmp_path: Path) -> None:
    files = []
    for seed in (42, 3, 5):
        path = tmp_path / f"{seed}.json"
        path.write_text(json.dumps({"toy.seed": seed}))
        files.append(str(path))
    runs = load_replicas({"toy": files}, {"toy": {"chapter_seed": 42, "seeds": [3, 5]}})
    assert runs["toy"].chapter_seed == 42
    assert {seed: metrics["toy.seed"] for seed, metrics in runs["toy"].metrics.items()} == {
        42: 42,
        3: 3,
        5: 5,
    }
    with pytest.raises(ValueError, match=r"toy: 3 metrics files for seeds \[42, 3\]"):
        load_replicas({"toy": files}, {"toy": {"chapter_seed": 42, "seeds": [3]}})


def test_a_long_claim_name_wraps_after_its_underscores() -> None:
    name = "cluster_distances_are_less_informative_than_pca_features"
    wrapped = wrap_name(name, width=36)
    assert wrapped == "cluster_distances_are_less_\ninformative_than_pca_features"
    assert wrapped.replace("\n", "") == name and wrap_name("b_is_faster") == "b_is_faster"


def test_a_seed_table_gives_metrics_per_seed_and_suite_claims_sit_beside_the_contest_s(
    tmp_path: Path,
) -> None:
    table = tmp_path / "claim_statistics.tsv"
    table.write_text("seed\ta_over_b\n0\t2.0\n1\t1.2\n")
    runs = load_seed_tables({"suite": str(table)}, {"suite": {"chapter_seed": 0}})
    assert runs["suite"].metrics == {0: {"suite.a_over_b": 2.0}, 1: {"suite.a_over_b": 1.2}}
    on_suite = Claim(
        f"b_is_faster{ON_THE_SUITE}",
        "B is much faster",
        "made up, 1.2",
        ("suite.a_over_b",),
        lambda m: m["suite.a_over_b"] > 1.5,
        "A / B > 1.5",
        lambda m: m["suite.a_over_b"],
        "time of A / B",
    )
    varies = {**VARIES, "suite": "the suite's seeds"}
    page = claims({**RUNS, **runs}, varies, panel_size=(3, 2), checked=[FASTER, on_suite]).texts[
        "markdown"
    ]
    beside = page.split("## On the synthetic contest and on the benchmark suite", 1)[1]
    assert (
        "| b_is_faster | holds for the chapter's seed only (2 of 3) | holds for the "
        "chapter's seed only (1 of 2) | time of A / B: 1.6 (1.2 to 2) |"
    ) in beside
    assert (
        "## On the synthetic contest"
        not in claims(RUNS, VARIES, panel_size=(3, 2), checked=[FASTER]).texts["markdown"]
    )
