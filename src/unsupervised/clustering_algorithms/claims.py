"""The section's conclusions, as claims to check over seeds: the chapter's (some tested on
the contest of algorithms and again on the benchmark suite), and those the choice of eps and
the contest reach beyond it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from unsupervised.core.claims import Claim, above, at_least, below
from unsupervised.core.config_checks import ConfigError

EN = "chapter9-notebook-with-outputs-en.txt"
SUMMARY = "chapter9-book-summary-ko.txt"
ANNOTATED = "chapter9-notebook-annotated-ko.txt"
NOTES = "ml-clustering-notes-ko.txt"
CONTEST = "clustering_contest"
BENCHMARK = "clustering_benchmark"
# A claim checked on the benchmark suite is named after its contest's counterpart, if any,
# with this suffix.
ON_THE_SUITE = "_on_the_suite"
ALPHA = 0.05  # of the suite's tests

# What the claims on the suite read, per seed of the benchmark (suite_claims computes it):
# how an algorithm's accuracy follows a property of the reference partition over every
# dataset (Spearman's rho), name -> (algorithm, property) ...
SUITE_CORRELATIONS = {
    "kmeans_size_ratio": ("kmeans", "size_ratio"),
    "kmeans_spread_ratio": ("kmeans", "spread_ratio"),
    "kmeans_off_centre": ("kmeans", "off_centre"),
    "dbscan_spread_ratio": ("dbscan", "spread_ratio"),
}
# ... and two algorithms compared by the sign test on the datasets of a group (GROUP_WORDS)
# where both ran, name -> (algorithm, baseline, group).
SUITE_COMPARISONS = {
    "gaussian_mixture_vs_kmeans_on_ellipsoidal": ("gaussian_mixture", "kmeans", "ellipsoidal"),
    "dbscan_vs_kmeans_on_shaped": ("dbscan", "kmeans", "shaped"),
    "spectral_vs_kmeans_on_shaped": ("spectral", "kmeans", "shaped"),
    "hdbscan_vs_dbscan_on_varied_spread": ("hdbscan", "dbscan", "varied_spread"),
}
PROPERTY_WORDS = {
    "size_ratio": "the largest cluster's size over the smallest's",
    "spread_ratio": "the largest cluster's radius over the smallest's",
    "off_centre": "the share of points nearer another cluster's centre than their own",
}
# The groups of datasets (suite_claims.property_table): a model "describes" a reference
# partition that puts at least DESCRIBED of the points in their own cluster, K-Means's cells
# (at the reference's centres) do not when they put OFF_CENTRE or more in another.
DESCRIBED = 0.95
OFF_CENTRE = 0.1
VARIED_SPREAD = 2.0  # largest over smallest cluster radius
GROUP_WORDS = {
    "ellipsoidal": "datasets whose clusters Gaussians describe but K-Means's cells do not",
    "shaped": "datasets whose clusters nearest neighbours describe but K-Means's cells do not",
    "varied_spread": f"datasets whose cluster radii differ {VARIED_SPREAD:g}-fold or more",
}


def check_suite_algorithms(algorithms: Sequence[str], setting: str) -> None:
    """The benchmark runs every algorithm the claims on the suite read."""
    needed = [name for pair in SUITE_COMPARISONS.values() for name in pair[:2]]
    needed += [algorithm for algorithm, _ in SUITE_CORRELATIONS.values()]
    missing = [name for name in dict.fromkeys(needed) if name not in algorithms]
    if missing:
        raise ConfigError(
            f"{setting}: the chapter's claims on the benchmark suite read "
            f"{', '.join(missing)}, which it does not run; add them"
        )


class Quote(NamedTuple):
    """A conclusion of the chapter, as a claim quotes it, and where it stands."""

    statement: str
    source: str


def falls_with(name: str, quote: Quote, correlation: str) -> Claim:
    """A claim that an algorithm does worse on the suite's datasets as a property grows."""
    algorithm, quantity = SUITE_CORRELATIONS[correlation]
    rho, p = f"{BENCHMARK}.{correlation}_rho", f"{BENCHMARK}.{correlation}_p"
    return Claim(
        name=name + ON_THE_SUITE,
        statement=quote.statement,
        source=quote.source,
        metrics=(rho, p),
        check=lambda m: m[rho] < 0 and m[p] < ALPHA,
        expectation=f"on the suite, {algorithm}'s accuracy falls as {PROPERTY_WORDS[quantity]} "
        f"grows: Spearman's rho < 0, one-sided p < {ALPHA}",
        effect=lambda m: m[rho],
        effect_name=f"Spearman's rho, {quantity} and {algorithm}'s accuracy",
    )


def beats_on(name: str, quote: Quote, comparison: str) -> Claim:
    """A claim that an algorithm beats another on a group of the suite's datasets."""
    algorithm, baseline, group = SUITE_COMPARISONS[comparison]
    wins, losses, p, difference = (
        f"{BENCHMARK}.{comparison}_{statistic}"
        for statistic in ("wins", "losses", "p", "mean_difference")
    )
    return Claim(
        name=name + ON_THE_SUITE,
        statement=quote.statement,
        source=quote.source,
        metrics=(wins, losses, p, difference),
        check=lambda m: m[wins] > m[losses] and m[p] < ALPHA,
        expectation=f"on the suite's {GROUP_WORDS[group]}, {algorithm} beats {baseline} more "
        f"often than not, sign test p < {ALPHA}",
        effect=lambda m: m[difference],
        effect_name=f"mean accuracy, {algorithm} minus {baseline}, {group} datasets",
    )


def recovers_moons_and_circles(name: str, quote: Quote, algorithm: str, shown_as: str) -> Claim:
    """A claim that `algorithm` finds the contest's moons and circles (ARI >= 0.95 on both)."""
    moons, circles = (f"{CONTEST}.{dataset}_{algorithm}_ari" for dataset in ("moons", "circles"))
    return Claim(
        name=name,
        statement=quote.statement,
        source=quote.source,
        metrics=(moons, circles),
        check=at_least(0.95),
        expectation="ARI >= 0.95 on the moons and on the circles",
        effect=lambda m: min(m[moons], m[circles]),
        effect_name=f"{shown_as}'s ARI, the lower of moons and circles",
    )


def kmeans_limits(what: str) -> Quote:
    return Quote(
        f"(translated) K-Means may not work properly when the clusters {what}", f"{ANNOTATED}, 550"
    )


# The conclusions checked both on the contest and on the suite.
VARIED_DENSITIES = kmeans_limits("differ in density")
NOT_ROUND = kmeans_limits("are not round")
ELLIPSOIDS = Quote(
    "(translated) K-Means does not work well on such datasets [ellipsoidal "
    "blobs]; on them Gaussian mixtures work well",
    f"{SUMMARY}, 250 Limits of K-Means",
)
DENSITIES_DEFEAT_DBSCAN = Quote(
    "(translated) if the density varies (small and large circles "
    "together), finding the clusters is impossible",
    f"{SUMMARY}, 259 DBSCAN의 문제점",
)
DBSCAN_SHAPES = Quote(
    "(translated) dense regions are clusters, sparse regions lie outside "
    "them; the number of clusters is not set in advance",
    f"{NOTES}, 249 DBSCAN",
)
COMPLEX_STRUCTURES = Quote(
    "(translated) it can capture complex cluster structures",
    f"{SUMMARY}, 260 Other Clustering Algorithms, 5. Spectral clustering",
)

CLAIMS = (
    Claim(
        name="small_eps_splits_the_moons",
        statement="(translated) on the left the hyperparameter is badly set and the data falls "
        "into 7 regions",
        source=f"{SUMMARY}, 257-258 DBSCAN, figure 9-14",
        metrics=("dbscan.eps_0_05_clusters",),
        check=above(2),
        expectation="more than 2 clusters at eps=0.05",
        effect=lambda m: m["dbscan.eps_0_05_clusters"],
        effect_name="clusters at eps=0.05",
    ),
    Claim(
        name="eps_0_2_finds_the_two_moons",
        statement="(translated) the larger eps, the larger the clusters (figure 9-14, right: "
        "eps=0.2 gives the two moons)",
        source=f"{SUMMARY}, 257-258 DBSCAN, figure 9-14",
        metrics=("dbscan.eps_0_2_ari", "dbscan.eps_0_2_clusters"),
        check=lambda m: m["dbscan.eps_0_2_clusters"] == 2 and m["dbscan.eps_0_2_ari"] >= 0.99,
        expectation="2 clusters at eps=0.2, adjusted Rand index >= 0.99",
        effect=lambda m: m["dbscan.eps_0_2_ari"],
        effect_name="adjusted Rand index at eps=0.2",
    ),
    Claim(
        name="local_affinity_follows_the_moons",
        statement="(the chapter's figure) spectral clustering with RBF gamma=100 separates the "
        "moons; with gamma=1 it does not",
        source=f"{EN}, 2.4.1 Spectral Clustering, In [131]",
        metrics=("spectral_clustering.gamma_100_ari", "spectral_clustering.gamma_1_ari"),
        check=lambda m: (
            m["spectral_clustering.gamma_100_ari"] >= 0.99
            and m["spectral_clustering.gamma_1_ari"] < 0.5
        ),
        expectation="adjusted Rand index >= 0.99 at gamma=100, < 0.5 at gamma=1",
        effect=lambda m: (
            m["spectral_clustering.gamma_100_ari"] - m["spectral_clustering.gamma_1_ari"]
        ),
        effect_name="adjusted Rand index, gamma=100 minus gamma=1",
    ),
    Claim(
        name="the_knee_picks_too_small_an_eps",
        statement="(beyond the chapter) the knee of the k-distance curve gives an eps below the "
        "range where DBSCAN recovers the moons",
        source="this workflow, beyond the chapter: choosing eps",
        metrics=("dbscan_eps.min_samples_5_knee_eps", "dbscan_eps.min_samples_5_best_eps_low"),
        check=above(0),
        expectation="knee eps < smallest eps within 0.01 of the best ARI (min_samples=5)",
        effect=lambda m: (
            m["dbscan_eps.min_samples_5_best_eps_low"] - m["dbscan_eps.min_samples_5_knee_eps"]
        ),
        effect_name="smallest good eps minus the knee's eps (min_samples=5)",
    ),
    falls_with(
        "kmeans_struggles_with_varied_sizes", kmeans_limits("differ in size"), "kmeans_size_ratio"
    ),
    Claim(
        name="kmeans_struggles_with_varied_densities",
        statement=VARIED_DENSITIES.statement,
        source=VARIED_DENSITIES.source,
        metrics=(
            f"{CONTEST}.varied_density_kmeans_ari",
            f"{CONTEST}.varied_density_gaussian_mixture_ari",
        ),
        check=above(0),
        expectation="ARI on blobs of very different density: K-Means < the Gaussian mixture",
        effect=lambda m: (
            m[f"{CONTEST}.varied_density_gaussian_mixture_ari"]
            - m[f"{CONTEST}.varied_density_kmeans_ari"]
        ),
        effect_name="ARI on varied density, Gaussian mixture minus K-Means",
    ),
    falls_with("kmeans_struggles_with_varied_densities", VARIED_DENSITIES, "kmeans_spread_ratio"),
    Claim(
        name="kmeans_struggles_with_clusters_that_are_not_round",
        statement=NOT_ROUND.statement,
        source=NOT_ROUND.source,
        metrics=(f"{CONTEST}.moons_kmeans_ari", f"{CONTEST}.circles_kmeans_ari"),
        check=below(0.5),
        expectation="K-Means's ARI < 0.5 on the moons and on the circles",
        effect=lambda m: max(m[f"{CONTEST}.moons_kmeans_ari"], m[f"{CONTEST}.circles_kmeans_ari"]),
        effect_name="K-Means's ARI, the higher of moons and circles",
    ),
    falls_with("kmeans_struggles_with_clusters_that_are_not_round", NOT_ROUND, "kmeans_off_centre"),
    Claim(
        name="gaussian_mixtures_fit_ellipsoids_where_kmeans_fails",
        statement=ELLIPSOIDS.statement,
        source=ELLIPSOIDS.source,
        metrics=(f"{CONTEST}.ellipsoids_gaussian_mixture_ari", f"{CONTEST}.ellipsoids_kmeans_ari"),
        check=lambda m: (
            m[f"{CONTEST}.ellipsoids_gaussian_mixture_ari"] >= 0.9
            and m[f"{CONTEST}.ellipsoids_kmeans_ari"] < 0.7
        ),
        expectation="ARI on the ellipsoids >= 0.9 for the mixture, < 0.7 for K-Means",
        effect=lambda m: (
            m[f"{CONTEST}.ellipsoids_gaussian_mixture_ari"] - m[f"{CONTEST}.ellipsoids_kmeans_ari"]
        ),
        effect_name="ARI on the ellipsoids, Gaussian mixture minus K-Means",
    ),
    beats_on(
        "gaussian_mixtures_fit_ellipsoids_where_kmeans_fails",
        ELLIPSOIDS,
        "gaussian_mixture_vs_kmeans_on_ellipsoidal",
    ),
    Claim(
        name="dbscan_fails_when_densities_vary",
        statement=DENSITIES_DEFEAT_DBSCAN.statement,
        source=DENSITIES_DEFEAT_DBSCAN.source,
        metrics=(f"{CONTEST}.varied_density_dbscan_ari",),
        check=below(0.8),
        expectation="ARI < 0.8 on blobs of very different density",
        effect=lambda m: m[f"{CONTEST}.varied_density_dbscan_ari"],
        effect_name="DBSCAN's ARI on blobs of very different density",
    ),
    falls_with("dbscan_fails_when_densities_vary", DENSITIES_DEFEAT_DBSCAN, "dbscan_spread_ratio"),
    recovers_moons_and_circles(
        "dbscan_finds_clusters_of_any_shape", DBSCAN_SHAPES, "dbscan", "DBSCAN"
    ),
    beats_on("dbscan_finds_clusters_of_any_shape", DBSCAN_SHAPES, "dbscan_vs_kmeans_on_shaped"),
    recovers_moons_and_circles(
        "spectral_clustering_captures_complex_structures",
        COMPLEX_STRUCTURES,
        "spectral",
        "spectral clustering",
    ),
    beats_on(
        "spectral_clustering_captures_complex_structures",
        COMPLEX_STRUCTURES,
        "spectral_vs_kmeans_on_shaped",
    ),
    Claim(
        name="hdbscan_copes_with_varied_density_better_than_dbscan",
        statement="(beyond the chapter) HDBSCAN, which lets the density threshold vary across "
        "the set, recovers blobs of very different density better than DBSCAN",
        source="this workflow, beyond the chapter: which algorithm on which data",
        metrics=(f"{CONTEST}.varied_density_hdbscan_ari", f"{CONTEST}.varied_density_dbscan_ari"),
        check=above(0),
        expectation="HDBSCAN's ARI > DBSCAN's on blobs of very different density",
        effect=lambda m: (
            m[f"{CONTEST}.varied_density_hdbscan_ari"] - m[f"{CONTEST}.varied_density_dbscan_ari"]
        ),
        effect_name="ARI on varied density, HDBSCAN minus DBSCAN",
    ),
    beats_on(
        "hdbscan_copes_with_varied_density_better_than_dbscan",
        Quote(
            "(beyond the chapter) HDBSCAN, which lets the density threshold vary across "
            "the set, recovers clusters of very different density better than DBSCAN",
            "this workflow, beyond the chapter: which algorithm on which data",
        ),
        "hdbscan_vs_dbscan_on_varied_spread",
    ),
)
