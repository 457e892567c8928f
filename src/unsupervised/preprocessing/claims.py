"""The preprocessing section's conclusions, as claims to check over seeds."""

from __future__ import annotations

from unsupervised.core.claims import Claim, above, at_least

EN = "chapter9-notebook-with-outputs-en.txt"

CLAIMS = (
    Claim(
        name="kmeans_features_cut_the_error_rate",
        statement="We reduced the error rate by over 28%!",
        source=f"{EN}, 2.2.14 Using Clustering for Preprocessing",
        metrics=("digits_preprocessing.error_rate_reduction",),
        check=at_least(0.2),
        expectation="error rate cut by >= 20%",
        effect=lambda m: m["digits_preprocessing.error_rate_reduction"],
        effect_name="share of the classifier's errors removed",
    ),
    Claim(
        name="searching_k_does_better",
        statement="we chose the number of clusters k completely arbitrarily, we can surely "
        "do better",
        source=f"{EN}, 2.2.14 Using Clustering for Preprocessing",
        metrics=(
            "digits_k_search.best_k_test_accuracy",
            "digits_preprocessing.kmeans_logreg_accuracy",
        ),
        check=above(0),
        expectation="searched k > k = 50 in test accuracy",
        effect=lambda m: (
            m["digits_k_search.best_k_test_accuracy"]
            - m["digits_preprocessing.kmeans_logreg_accuracy"]
        ),
        effect_name="test accuracy with the searched k minus k = 50",
    ),
)
