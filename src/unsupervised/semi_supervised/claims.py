"""The semi-supervised section's conclusions, as claims to check over seeds."""

from __future__ import annotations

from unsupervised.core.claims import Claim, above, at_least

EN = "chapter9-notebook-with-outputs-en.txt"
STUDY = "digits_semi_supervised"

CLAIMS = (
    Claim(
        name="representatives_beat_random_labels",
        statement="We jumped from 83.3% accuracy to 92.2%, although we are still only "
        "training the model on 50 instances",
        source=f"{EN}, 2.2.15 Clustering for Semi-supervised Learning",
        metrics=(f"{STUDY}.representative_accuracy", f"{STUDY}.random_accuracy"),
        check=at_least(0.05),
        expectation="representatives - random >= 0.05",
        effect=lambda m: m[f"{STUDY}.representative_accuracy"] - m[f"{STUDY}.random_accuracy"],
        effect_name="test accuracy, representatives minus random",
    ),
    Claim(
        name="propagating_to_clusters_helps_a_little",
        statement="We got a tiny little accuracy boost",
        source=f"{EN}, 2.2.15 Clustering for Semi-supervised Learning",
        metrics=(f"{STUDY}.propagated_accuracy", f"{STUDY}.representative_accuracy"),
        check=above(0),
        expectation="whole clusters > representatives",
        effect=lambda m: m[f"{STUDY}.propagated_accuracy"] - m[f"{STUDY}.representative_accuracy"],
        effect_name="test accuracy, whole clusters minus representatives",
    ),
    Claim(
        name="closest_labels_are_almost_all_right",
        statement="the propagated labels are actually pretty good: their accuracy is very "
        "close to 99%",
        source=f"{EN}, 2.2.15 Clustering for Semi-supervised Learning",
        metrics=(f"{STUDY}.propagated_percentile_label_accuracy",),
        check=at_least(0.97),
        expectation="share right >= 0.97",
        effect=lambda m: m[f"{STUDY}.propagated_percentile_label_accuracy"],
        effect_name="share of the labels propagated to the closest 20% that are right",
    ),
)
