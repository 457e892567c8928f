"""The section's conclusions, as claims to check over seeds: the chapter's (some tested on
the contest of algorithms), and those the choice of eps and the contest reach beyond it."""

from __future__ import annotations

from unsupervised.core.claims import Claim

EN = "chapter9-notebook-with-outputs-en.txt"
SUMMARY = "chapter9-book-summary-ko.txt"
CONTEST = "clustering_contest"

CLAIMS = (
    Claim(
        name="small_eps_splits_the_moons",
        statement="(translated) on the left the hyperparameter is badly set and the data falls "
                  "into 7 regions",
        source=f"{SUMMARY}, 257-258 DBSCAN, figure 9-14",
        metrics=("dbscan.eps_0_05_clusters",),
        check=lambda m: m["dbscan.eps_0_05_clusters"] > 2,
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
        check=lambda m: (m["spectral_clustering.gamma_100_ari"] >= 0.99
                         and m["spectral_clustering.gamma_1_ari"] < 0.5),
        expectation="adjusted Rand index >= 0.99 at gamma=100, < 0.5 at gamma=1",
        effect=lambda m: (m["spectral_clustering.gamma_100_ari"]
                          - m["spectral_clustering.gamma_1_ari"]),
        effect_name="adjusted Rand index, gamma=100 minus gamma=1",
    ),
    Claim(
        name="the_knee_picks_too_small_an_eps",
        statement="(beyond the chapter) the knee of the k-distance curve gives an eps below the "
                  "range where DBSCAN recovers the moons",
        source="this workflow, beyond the chapter: choosing eps",
        metrics=("dbscan_eps.min_samples_5_knee_eps", "dbscan_eps.min_samples_5_best_eps_low"),
        check=lambda m: (m["dbscan_eps.min_samples_5_knee_eps"]
                         < m["dbscan_eps.min_samples_5_best_eps_low"]),
        expectation="knee eps < smallest eps within 0.01 of the best ARI (min_samples=5)",
        effect=lambda m: (m["dbscan_eps.min_samples_5_best_eps_low"]
                          - m["dbscan_eps.min_samples_5_knee_eps"]),
        effect_name="smallest good eps minus the knee's eps (min_samples=5)",
    ),
    Claim(
        name="gaussian_mixtures_fit_ellipsoids_where_kmeans_fails",
        statement="(translated) K-Means does not work well on such datasets [ellipsoidal "
                  "blobs]; on them Gaussian mixtures work well",
        source=f"{SUMMARY}, 250 Limits of K-Means",
        metrics=(f"{CONTEST}.ellipsoids_gaussian_mixture_ari", f"{CONTEST}.ellipsoids_kmeans_ari"),
        check=lambda m: (m[f"{CONTEST}.ellipsoids_gaussian_mixture_ari"] >= 0.9
                         and m[f"{CONTEST}.ellipsoids_kmeans_ari"] < 0.7),
        expectation="ARI on the ellipsoids >= 0.9 for the mixture, < 0.7 for K-Means",
        effect=lambda m: (m[f"{CONTEST}.ellipsoids_gaussian_mixture_ari"]
                          - m[f"{CONTEST}.ellipsoids_kmeans_ari"]),
        effect_name="ARI on the ellipsoids, Gaussian mixture minus K-Means",
    ),
    Claim(
        name="dbscan_fails_when_densities_vary",
        statement="(translated) if the density varies (small and large circles together), "
                  "finding the clusters is impossible",
        source=f"{SUMMARY}, 259 DBSCAN의 문제점",
        metrics=(f"{CONTEST}.varied_density_dbscan_ari",),
        check=lambda m: m[f"{CONTEST}.varied_density_dbscan_ari"] < 0.8,
        expectation="ARI < 0.8 on blobs of very different density",
        effect=lambda m: m[f"{CONTEST}.varied_density_dbscan_ari"],
        effect_name="DBSCAN's ARI on blobs of very different density",
    ),
    Claim(
        name="spectral_clustering_captures_complex_structures",
        statement="(translated) it can capture complex cluster structures",
        source=f"{SUMMARY}, 260 Other Clustering Algorithms, 5. Spectral clustering",
        metrics=(f"{CONTEST}.moons_spectral_ari", f"{CONTEST}.circles_spectral_ari"),
        check=lambda m: min(m[f"{CONTEST}.moons_spectral_ari"],
                            m[f"{CONTEST}.circles_spectral_ari"]) >= 0.95,
        expectation="ARI >= 0.95 on the moons and on the circles",
        effect=lambda m: min(m[f"{CONTEST}.moons_spectral_ari"],
                             m[f"{CONTEST}.circles_spectral_ari"]),
        effect_name="spectral clustering's ARI, the lower of moons and circles",
    ),
    Claim(
        name="hdbscan_copes_with_varied_density_better_than_dbscan",
        statement="(beyond the chapter) HDBSCAN, which lets the density threshold vary across "
                  "the set, recovers blobs of very different density better than DBSCAN",
        source="this workflow, beyond the chapter: which algorithm on which data",
        metrics=(f"{CONTEST}.varied_density_hdbscan_ari", f"{CONTEST}.varied_density_dbscan_ari"),
        check=lambda m: (m[f"{CONTEST}.varied_density_hdbscan_ari"]
                         > m[f"{CONTEST}.varied_density_dbscan_ari"]),
        expectation="HDBSCAN's ARI > DBSCAN's on blobs of very different density",
        effect=lambda m: (m[f"{CONTEST}.varied_density_hdbscan_ari"]
                          - m[f"{CONTEST}.varied_density_dbscan_ari"]),
        effect_name="ARI on varied density, HDBSCAN minus DBSCAN",
    ),
)
