"""The Gaussian-mixture section's conclusions, as claims to check over seeds: the chapter's,
and one the section's initialisation experiment reaches beyond it."""

from __future__ import annotations

from unsupervised.core.claims import Claim, above, at_least, equal_to

EN = "chapter9-notebook-with-outputs-en.txt"

CLAIMS = (
    Claim(
        name="em_converges",
        statement="Did the algorithm actually converge? [...] Yes, good.",
        source=f"{EN}, 3 Gaussian Mixtures",
        metrics=("gmm_fit.converged", "gmm_fit.n_iter"),
        check=lambda m: m["gmm_fit.converged"] == 1,
        expectation="converged within 100 iterations",
        effect=lambda m: m["gmm_fit.n_iter"],
        effect_name="EM iterations of the best of 10 initialisations",
    ),
    Claim(
        name="low_density_instances_are_anomalies",
        statement="instances located in low-density regions can be considered anomalies",
        source=f"{EN}, 3.1 Anomaly Detection using Gaussian Mixtures",
        metrics=("gmm_anomalies.share_least_likely_under_true_mixture",),
        check=at_least(0.8),
        expectation=">= 80% of the flagged are the least likely under the true mixture",
        effect=lambda m: m["gmm_anomalies.share_least_likely_under_true_mixture"],
        effect_name="share of the 4% flagged that are the 4% least likely under the truth",
    ),
    Claim(
        name="bic_picks_three_full_components",
        statement="best_k: 3, best_covariance_type: 'full'",
        source=f"{EN}, 3.2 Model selection, Out[168] and Out[169]",
        metrics=("gmm_selection.best_k", "gmm_selection.best_is_full"),
        check=lambda m: m["gmm_selection.best_k"] == 3 and m["gmm_selection.best_is_full"] == 1,
        expectation="least BIC at k = 3, full",
        effect=lambda m: m["gmm_selection.best_k"],
        effect_name="k of least BIC over the grid",
    ),
    Claim(
        name="bayesian_mixture_finds_three_components",
        statement="The algorithm automatically detected that only 3 components are needed",
        source=f"{EN}, 3.3 Variational Bayesian Gaussian Mixtures",
        metrics=("gmm_bayesian.ellipsoids_components",),
        check=equal_to(3),
        expectation="3 of 10 components with weight >= 0.01",
        effect=lambda m: m["gmm_bayesian.ellipsoids_components"],
        effect_name="components with weight on the ellipsoids",
    ),
    Claim(
        name="bayesian_mixture_cuts_the_moons_into_ellipses",
        statement="instead of detecting 2 moon-shaped clusters, the algorithm detected 8 "
        "ellipsoidal clusters",
        source=f"{EN}, 3.3 Variational Bayesian Gaussian Mixtures",
        metrics=("gmm_bayesian.moons_components",),
        check=above(2),
        expectation="more than 2 components with weight on the moons",
        effect=lambda m: m["gmm_bayesian.moons_components"],
        effect_name="components with weight on the moons",
    ),
    Claim(
        name="kmeans_pp_starts_em_best",
        statement="(beyond the chapter) EM started from k-means++ reaches the best optimum at "
        "least as often as from scikit-learn's default K-Means initialisation",
        source="this workflow, beyond the chapter: how EM starts",
        metrics=("gmm_init_params.kmeans_pp_best_share", "gmm_init_params.kmeans_best_share"),
        check=at_least(0),
        expectation="k-means++ >= kmeans in share of fits at the best optimum",
        effect=lambda m: (
            m["gmm_init_params.kmeans_pp_best_share"] - m["gmm_init_params.kmeans_best_share"]
        ),
        effect_name="share at the best optimum, k-means++ minus kmeans",
    ),
)
