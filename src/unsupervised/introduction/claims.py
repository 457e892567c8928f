"""The introduction's conclusion, as a claim to check over seeds."""

from __future__ import annotations

from unsupervised.core.claims import Claim, at_least

EN = "chapter9-notebook-with-outputs-en.txt"

CLAIMS = (
    Claim(
        name="gmm_separates_the_species",
        statement="A Gaussian mixture model can actually separate these clusters pretty well "
        "(using all 4 features)",
        source=f"{EN}, 2.1 Introduction",
        metrics=("iris_gmm.accuracy",),
        check=at_least(0.9),
        expectation="accuracy >= 0.9",
        effect=lambda m: m["iris_gmm.accuracy"],
        effect_name="share of the iris in their species' cluster",
    ),
)
