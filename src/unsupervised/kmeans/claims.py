"""The K-Means section's conclusions, as claims to check over seeds."""

from __future__ import annotations

from unsupervised.core.claims import Claim, above, at_least, at_most, below, between, equal_to

EN = "chapter9-notebook-with-outputs-en.txt"


def elkan_is_faster(dataset: str, name: str, shown_as: str) -> Claim:
    """The chapter's claim for Elkan's algorithm, on one dataset of kmeans_speed."""
    ratio = f"kmeans_speed.{dataset}_elkan_over_lloyd"
    return Claim(
        name=name,
        statement="The K-Means algorithm can be significantly accelerated by avoiding many "
        "unnecessary distance calculations (Elkan's variant)",
        source=f"{EN}, 2.2.9 Accelerated K-Means",
        metrics=(ratio,),
        check=below(1),
        expectation="Elkan / Lloyd < 1",
        effect=lambda m: m[ratio],
        effect_name=f"fit time of Elkan / Lloyd on {shown_as}",
    )


CLAIMS = (
    Claim(
        name="random_initialisations_can_end_worse",
        statement="depending on the random initialization, the algorithm may converge to a "
        "suboptimal solution",
        source=f"{EN}, 2.2.5 K-Means Variability",
        metrics=("kmeans_init.random_p_best",),
        check=at_least(0.05),
        expectation=">= 5% of single random-init runs end above the best inertia",
        effect=lambda m: 1 - m["kmeans_init.random_p_best"],
        effect_name="share of single random-init runs ending above the best inertia",
    ),
    Claim(
        name="n_init_finds_the_best_solution",
        statement="Scikit-Learn runs the original algorithm n_init times, and selects the "
        "solution that minimizes the inertia",
        source=f"{EN}, 2.2.7 Multiple Initializations",
        metrics=("kmeans_init.n_init_inertia", "kmeans_init.best_inertia"),
        check=at_most(1.001),
        expectation="inertia with n_init <= 1.001 x best",
        effect=lambda m: m["kmeans_init.n_init_inertia"] / m["kmeans_init.best_inertia"],
        effect_name="inertia with n_init random starts / best inertia",
    ),
    Claim(
        name="kmeans_plus_plus_needs_fewer_runs",
        statement="With this initialization, the K-Means algorithm is much less likely to "
        "converge to a suboptimal solution, so it is possible to reduce n_init "
        "considerably",
        source=f"{EN}, 2.2.8 K-Means++",
        metrics=("kmeans_init.kmeanspp_p_best", "kmeans_init.random_p_best"),
        check=above(0),
        expectation="k-means++ reaches the best more often than random",
        effect=lambda m: m["kmeans_init.kmeanspp_p_best"] - m["kmeans_init.random_p_best"],
        effect_name="share of single runs reaching the best, k-means++ minus random",
    ),
    elkan_is_faster("blobs", "elkan_is_faster", "the blobs"),
    elkan_is_faster("mnist", "elkan_is_faster_on_mnist", "MNIST"),
    Claim(
        name="minibatch_is_much_faster",
        statement="Mini-batch K-Means is much faster than regular K-Means",
        source=f"{EN}, 2.2.10 Mini-Batch K-Means",
        metrics=("kmeans_minibatch_vs_k.median_speedup",),
        check=above(1.5),
        expectation="K-Means / mini-batch time > 1.5",
        effect=lambda m: m["kmeans_minibatch_vs_k.median_speedup"],
        effect_name="fit time of K-Means / mini-batch, median over k",
    ),
    Claim(
        name="minibatch_is_only_slightly_worse",
        statement="its performance is often lower (higher inertia)",
        source=f"{EN}, 2.2.10 Mini-Batch K-Means",
        metrics=(
            "kmeans_minibatch.blobs_minibatch_inertia",
            "kmeans_minibatch.blobs_kmeans_inertia",
        ),
        check=between(1, 1.05),
        expectation="1 <= mini-batch / K-Means inertia <= 1.05",
        effect=lambda m: (
            m["kmeans_minibatch.blobs_minibatch_inertia"]
            / m["kmeans_minibatch.blobs_kmeans_inertia"]
        ),
        effect_name="inertia of mini-batch / K-Means on the blobs",
    ),
    Claim(
        name="the_elbow_is_at_4",
        statement="there is an elbow at k = 4",
        source=f"{EN}, 2.2.11 Finding the optimal number of clusters",
        metrics=("choose_k_blobs.elbow_k",),
        check=equal_to(4),
        expectation="elbow at k = 4",
        effect=lambda m: m["choose_k_blobs.elbow_k"],
        effect_name="k at the elbow",
    ),
    Claim(
        name="the_silhouette_prefers_4",
        statement="k = 4 is a very good choice (silhouette score against k)",
        source=f"{EN}, 2.2.11 Finding the optimal number of clusters",
        metrics=("choose_k_blobs.silhouette_k",),
        check=equal_to(4),
        expectation="best silhouette at k = 4",
        effect=lambda m: m["choose_k_blobs.silhouette_k"],
        effect_name="k of the best silhouette",
    ),
    Claim(
        name="inertia_prefers_the_wrong_clustering",
        statement="the solution on the right is just terrible, even though its inertia is "
        "lower (ellipsoidal clusters)",
        source=f"{EN}, 2.2.12 Limits of K-Means",
        metrics=("kmeans_limits.bad_inertia", "kmeans_limits.good_inertia"),
        check=below(1),
        expectation="wrong / right inertia < 1",
        effect=lambda m: m["kmeans_limits.bad_inertia"] / m["kmeans_limits.good_inertia"],
        effect_name="inertia of the wrong clustering / the right one",
    ),
)
