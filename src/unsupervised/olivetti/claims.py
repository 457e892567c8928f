"""The section's conclusions, as claims to check over splits of the faces: the exercises'
(exercise 10's clusters, exercise 11's comparison of features, and the altered faces that
exercises 12 and 13 spot), and what the sweep's agreement with the person ids and the
detection measured on every face find beyond them."""

from __future__ import annotations

from unsupervised.core.claims import Claim, Metrics, above, at_least, below, between

EN = "chapter9-notebook-with-outputs-en.txt"
CLUSTERING = "olivetti_clustering"
ACCURACY = "olivetti_accuracy"
ANOMALIES = "olivetti_anomalies"
EXERCISE_ALTERATIONS = ("rotated", "flipped", "darkened")


def lowest_auc(metrics: Metrics, detector: str) -> float:
    """The detector's lowest ROC AUC, over all faces, among the exercise's transformations."""
    return min(metrics[f"{ANOMALIES}.{detector}_{name}_auc"] for name in EXERCISE_ALTERATIONS)


def detects_the_alterations(
    name: str, statement: str, section: str, detector: str, described: str
) -> Claim:
    """Exercise 12's or 13's claim that its detector spots the exercise's altered faces,
    checked on every training and validation face, alteration by alteration."""
    return Claim(
        name=name,
        statement=statement,
        source=f"{EN}, {section}",
        metrics=tuple(
            f"{ANOMALIES}.{detector}_{alteration}_auc" for alteration in EXERCISE_ALTERATIONS
        ),
        check=at_least(0.99),
        expectation=f"ROC AUC >= 0.99 of {described} for rotated, flipped and darkened faces "
        "(all training and validation faces)",
        effect=lambda m: lowest_auc(m, detector),
        effect_name=f"{described}'s lowest ROC AUC over the three alterations",
    )


CLAIMS = (
    Claim(
        name="the_best_k_is_well_above_the_40_people",
        statement="It looks like the best number of clusters is quite high, at 120. You might "
        "have expected it to be 40, since there are 40 different people on the "
        "pictures.",
        source=f"{EN}, 4.2 10. Cluster the Olivetti Faces Dataset",
        metrics=(f"{CLUSTERING}.silhouette_k",),
        check=at_least(60),
        expectation="silhouette's best k >= 60 (1.5 x the 40 people)",
        effect=lambda m: m[f"{CLUSTERING}.silhouette_k"],
        effect_name="k of the best silhouette",
    ),
    Claim(
        name="about_two_clusters_in_three_are_useful",
        statement="About 2 out of 3 clusters are useful: that is, they contain at least 2 "
        "pictures, all of the same person.",
        source=f"{EN}, 4.2 10. Cluster the Olivetti Faces Dataset",
        metrics=(f"{CLUSTERING}.useful_cluster_share",),
        check=between(0.55, 0.8),
        expectation="share of clusters of two faces or more, all of one person, at the "
        "silhouette's best k: 0.55 to 0.8",
        effect=lambda m: m[f"{CLUSTERING}.useful_cluster_share"],
        effect_name="share of useful clusters at the silhouette's best k",
    ),
    Claim(
        name="the_silhouette_does_not_pick_who_is_who",
        statement="(beyond the exercises) the k of the best silhouette does not sort the faces "
        "by person best: another k agrees better with the person ids",
        source="this workflow, beyond the chapter: the Olivetti faces",
        metrics=(f"{CLUSTERING}.best_ari", f"{CLUSTERING}.best_k_ari"),
        check=at_least(0.05),
        expectation="ARI against the person ids at the silhouette's best k <= the best ARI "
        "over k - 0.05",
        effect=lambda m: m[f"{CLUSTERING}.best_ari"] - m[f"{CLUSTERING}.best_k_ari"],
        effect_name="best ARI over k minus the ARI at the silhouette's best k",
    ),
    Claim(
        name="cluster_distances_are_less_informative_than_pca_features",
        statement="Looks like the distances to the cluster centroids are not as informative "
        "as the original images.",
        source=f"{EN}, 4.3 11. Using Clustering as Preprocessing for Classification",
        metrics=(f"{ACCURACY}.pca_accuracy", f"{ACCURACY}.distances_accuracy"),
        check=above(0),
        expectation="forest accuracy on the distances < on the PCA features (mean over the "
        "seeds of K-Means and the forest)",
        effect=lambda m: m[f"{ACCURACY}.pca_accuracy"] - m[f"{ACCURACY}.distances_accuracy"],
        effect_name="validation accuracy, PCA features minus distances",
    ),
    Claim(
        name="appending_the_distances_helps_them_but_not_the_pca_features",
        statement="That's a bit better, but still worse than without the cluster features.",
        source=f"{EN}, 4.3 11. Using Clustering as Preprocessing for Classification",
        metrics=(
            f"{ACCURACY}.pca_accuracy",
            f"{ACCURACY}.distances_accuracy",
            f"{ACCURACY}.combined_accuracy",
        ),
        check=lambda m: (
            m[f"{ACCURACY}.distances_accuracy"]
            < m[f"{ACCURACY}.combined_accuracy"]
            < m[f"{ACCURACY}.pca_accuracy"]
        ),
        expectation="accuracy on the distances < on both < on the PCA features alone "
        "(means over the seeds of K-Means and the forest)",
        effect=lambda m: m[f"{ACCURACY}.pca_accuracy"] - m[f"{ACCURACY}.combined_accuracy"],
        effect_name="validation accuracy, PCA features alone minus both",
    ),
    detects_the_alterations(
        "the_mixture_finds_altered_faces_unlikely",
        "The bad faces are all considered highly unlikely by the Gaussian Mixture model.",
        "4.4 12. A Gaussian Mixture Model for the Olivetti Faces Dataset",
        "mixture",
        "the mixture's density",
    ),
    detects_the_alterations(
        "altered_faces_are_rebuilt_much_worse",
        "take some of the modified images you built in the previous exercise, and look at "
        "their reconstruction error: notice how much larger the reconstruction error is",
        "4.5 13. Using Dimensionality Reduction Techniques for Anomaly Detection",
        "reconstruction",
        "the reconstruction error",
    ),
    Claim(
        name="unseen_darkened_faces_are_rebuilt_better_than_unseen_normal_ones",
        statement="(beyond the exercises) a darkened face the PCA never saw is rebuilt with a "
        "smaller error than a normal face it never saw: the reconstruction error "
        "does not tell darkening",
        source="this workflow, beyond the chapter: the Olivetti faces",
        metrics=(f"{ANOMALIES}.reconstruction_darkened_validation_auc",),
        check=below(0.5),
        expectation="ROC AUC < 0.5 of the reconstruction error for darkened validation faces",
        effect=lambda m: m[f"{ANOMALIES}.reconstruction_darkened_validation_auc"],
        effect_name="the reconstruction error's ROC AUC, darkened validation faces",
    ),
    Claim(
        name="noise_escapes_the_mixture_but_not_the_reconstruction_error",
        statement="(beyond the exercises) on faces neither model saw, pixel noise barely moves "
        "the mixture's density, which reads the PCA features only, while the "
        "reconstruction error, which keeps what the PCA drops, catches it",
        source="this workflow, beyond the chapter: the Olivetti faces",
        metrics=(
            f"{ANOMALIES}.mixture_noisy_validation_auc",
            f"{ANOMALIES}.reconstruction_noisy_validation_auc",
        ),
        check=lambda m: (
            m[f"{ANOMALIES}.mixture_noisy_validation_auc"] < 0.8
            and m[f"{ANOMALIES}.reconstruction_noisy_validation_auc"] >= 0.99
        ),
        expectation="ROC AUC on noisy validation faces < 0.8 for the mixture, >= 0.99 for "
        "the reconstruction error",
        effect=lambda m: (
            m[f"{ANOMALIES}.reconstruction_noisy_validation_auc"]
            - m[f"{ANOMALIES}.mixture_noisy_validation_auc"]
        ),
        effect_name="ROC AUC on noisy validation faces, reconstruction error minus mixture",
    ),
)
