"""The section's experiments, one function per rule: each fits, draws and names its metrics,
and returns a Result for the workflow to write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy.cluster import hierarchy
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans, SpectralClustering
from sklearn.datasets import make_blobs, make_moons
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.mixture import GaussianMixture

from unsupervised.clustering_algorithms.benchmark import (
    AGREE,
    published_table,
    score_table,
    summary_table,
)
from unsupervised.clustering_algorithms.claims import GROUP_WORDS
from unsupervised.clustering_algorithms.contest import contest_set, contest_table
from unsupervised.clustering_algorithms.dbscan import (
    core_classifier,
    fit_dbscan,
    knee,
    n_clusters,
    point_kinds,
    predict_or_noise,
)
from unsupervised.clustering_algorithms.suite_claims import (
    claim_statistics,
    property_table,
    statistics_by_seed,
)
from unsupervised.core.lazy import lazy_import
from unsupervised.core.results import Result, value_tag
from unsupervised.core.settings import SettingError
from unsupervised.data.clustbench import SuiteDataset
from unsupervised.data.datasets import NOISE_LABEL

plots = lazy_import("unsupervised.clustering_algorithms.plots")

Size = Sequence[float]


def dbscan(
    X: np.ndarray,
    y: np.ndarray,
    *,
    eps: Sequence[float],
    min_samples: int,
    classifier: Mapping[str, Any],
    resolution: int,
    figure_size: Size,
    classifier_figure_size: Size,
) -> Result:
    """DBSCAN at each eps: its cores, borders, noise and clusters; then, at the classifier's
    eps, a k-NN classifier trained on the cores predicts the chapter's new instances, and
    calls noise those farther than max_distance from every core."""
    models = {value: fit_dbscan(X, value, min_samples) for value in eps}
    metrics: dict[str, float] = {}
    for value, model in models.items():
        kinds = point_kinds(model.labels_, model.core_sample_indices_)
        metrics |= {
            f"eps_{value_tag(value)}_{name}": number
            for name, number in {
                "core_instances": int(kinds.core.sum()),
                "border_instances": int(kinds.border.sum()),
                "anomalies": int(kinds.noise.sum()),
                "clusters": n_clusters(model.labels_),
                "label_min": int(model.labels_.min()),
                "label_max": int(model.labels_.max()),
                "ari": adjusted_rand_score(y, model.labels_),
            }.items()
        }
    if classifier["eps"] not in models:
        raise SettingError(
            "classifier.eps", classifier["eps"], f"must be one of the eps fitted ({list(models)})"
        )
    model = models[classifier["eps"]]
    try:
        knn = core_classifier(model, classifier["n_neighbors"])
    except SettingError as error:
        raise error.renamed(f"classifier.{error.setting}") from None
    new = np.asarray(classifier["new_points"], dtype=float)
    predicted, proba = knn.predict(new), knn.predict_proba(new)
    or_noise = predict_or_noise(model, knn, new, classifier["max_distance"])
    for i in range(len(new)):
        metrics |= {
            f"new_point_{i}_cluster": int(predicted[i]),
            f"new_point_{i}_probability": float(proba[i].max()),
            f"new_point_{i}_cluster_or_noise": int(or_noise[i]),
        }
    return Result(
        metrics,
        figures={
            "figure": lambda: plots.plot_dbscans(models, X, figure_size),
            "classification": lambda: plots.plot_core_classifier(
                knn, X, new, resolution, classifier_figure_size
            ),
        },
    )


def dbscan_eps(
    X: np.ndarray,
    y: np.ndarray,
    *,
    min_samples: Sequence[int],
    eps_sweep: Mapping[str, float],
    chapter_eps: float,
    figure_size: Size,
) -> Result:
    """For each min_samples: eps at the knee of the k-distance curve and DBSCAN there, beside
    DBSCAN's agreement with the generating labels over a sweep of eps."""
    eps_grid = np.linspace(eps_sweep["start"], eps_sweep["stop"], eps_sweep["num"]).round(6)
    knees, sweeps, metrics = {}, {}, {}
    for count in min_samples:
        found = knees[count] = knee(X, count)
        labels = fit_dbscan(X, found.eps, count).labels_
        sweeps[count] = np.array(
            [adjusted_rand_score(y, fit_dbscan(X, value, count).labels_) for value in eps_grid]
        )
        near_best = eps_grid[sweeps[count] >= sweeps[count].max() - 0.01]
        metrics |= {
            f"min_samples_{count}_{name}": number
            for name, number in {
                "knee_eps": found.eps,
                "knee_non_core_share": found.rank / len(X),
                "knee_clusters": n_clusters(labels),
                "knee_noise": float(np.mean(labels == NOISE_LABEL)),
                "knee_ari": adjusted_rand_score(y, labels),
                "best_ari": float(sweeps[count].max()),
                "best_eps_low": float(near_best.min()),
                "best_eps_high": float(near_best.max()),
            }.items()
        }
    return Result(
        metrics,
        figures={
            "figure": lambda: plots.plot_eps_choice(
                knees, eps_grid, sweeps, chapter_eps, figure_size
            )
        },
    )


def spectral_clustering(
    X: np.ndarray,
    y: np.ndarray,
    *,
    gammas: Sequence[float],
    n_clusters: int,
    random_state: int,
    affinity_percentile: float,
    figure_size: Size,
) -> Result:
    """Spectral clustering with an RBF affinity of each gamma: a percentile of the affinity
    matrix, and the clusters' agreement with the moons."""
    models = {
        gamma: SpectralClustering(
            n_clusters=n_clusters, gamma=gamma, random_state=random_state
        ).fit(X)
        for gamma in gammas
    }
    metrics = {}
    for gamma, model in models.items():
        metrics |= {
            f"gamma_{value_tag(gamma)}_affinity_percentile": float(
                np.percentile(model.affinity_matrix_, affinity_percentile)
            ),
            f"gamma_{value_tag(gamma)}_ari": adjusted_rand_score(y, model.labels_),
        }
    return Result(metrics, figures={"figure": lambda: plots.plot_spectral(models, X, figure_size)})


def agglomerative_clustering(*, points: Sequence[float], linkage: str, figure_size: Size) -> Result:
    """Agglomerative clustering of a few 1-D points: which clusters merge, in which order."""
    X = np.asarray(points, dtype=float).reshape(-1, 1)
    model = AgglomerativeClustering(linkage=linkage, compute_distances=True).fit(X)
    metrics = {}
    for step, (first, second) in enumerate(model.children_):
        metrics |= {
            f"merge_{step}_first": int(first),
            f"merge_{step}_second": int(second),
            f"merge_{step}_distance": float(model.distances_[step]),
        }
    return Result(
        metrics,
        figures={
            "figure": lambda: plots.plot_dendrogram(
                hierarchy.linkage(X, linkage),
                [f"{point:g}" for point in points],
                linkage,
                "the chapter's four points",
                figure_size,
            )
        },
    )


def clustering_course_notes(
    *,
    kmeans: Mapping[str, Any],
    agglomerative: Mapping[str, Any],
    dbscan: Mapping[str, Any],
    gaussian_mixture: Mapping[str, Any],
    figure_size: Size,
    dendrogram_figure_size: Size,
) -> Result:
    """The course notes' four clusterings of small synthetic sets, each scored by its
    silhouette (as the notes do) and against the generating labels."""
    sets = {
        "kmeans": make_blobs(**kmeans["data"]),
        "agglomerative": make_blobs(**agglomerative["data"]),
        "dbscan": make_moons(**dbscan["data"]),
        "gaussian_mixture": make_blobs(**gaussian_mixture["data"]),
    }
    clusterers = {
        "kmeans": KMeans(
            n_clusters=kmeans["n_clusters"],
            init=kmeans["init"],
            max_iter=kmeans["max_iter"],
            random_state=kmeans["random_state"],
        ),
        "agglomerative": AgglomerativeClustering(
            n_clusters=agglomerative["n_clusters"], linkage=agglomerative["linkage"]
        ),
        "dbscan": DBSCAN(eps=dbscan["eps"], min_samples=dbscan["min_samples"]),
        "gaussian_mixture": GaussianMixture(
            n_components=gaussian_mixture["n_components"],
            random_state=gaussian_mixture["random_state"],
        ),
    }
    labels = {name: clusterer.fit_predict(sets[name][0]) for name, clusterer in clusterers.items()}
    metrics = {}
    for name, found in labels.items():
        X, y = sets[name]
        metrics |= {
            f"{name}_silhouette": float(silhouette_score(X, found)),
            f"{name}_clusters": n_clusters(found),
            f"{name}_ari": adjusted_rand_score(y, found),
        }
    X_tree = sets["agglomerative"][0]
    return Result(
        metrics,
        figures={
            "figure": lambda: plots.plot_course_notes(sets, labels, metrics, figure_size),
            "dendrogram": lambda: plots.plot_dendrogram(
                hierarchy.linkage(X_tree, agglomerative["linkage"]),
                [str(label) for label in labels["agglomerative"]],
                agglomerative["linkage"],
                f"make_blobs({len(X_tree)}), leaves labelled by their cluster of "
                f"{agglomerative['n_clusters']}",
                dendrogram_figure_size,
            ),
        },
    )


def clustering_contest(
    results: Sequence[Mapping[str, Any]],
    *,
    seeds: Mapping[str, int],
    specs: Mapping[str, Mapping[str, Any]],
    max_instances: int,
    panel_size: Size,
) -> Result:
    """Every (set, algorithm) on the draw of each set's seed in `seeds`: the table, its
    scores as metrics, each algorithm's mean adjusted Rand index over the sets, and the grid
    of clusterings (drawn for the sets' own random states, `specs`)."""
    table = pd.DataFrame(contest_table(results, seeds))
    metrics: dict[str, float] = {}
    for row in table.itertuples():
        for score in (
            "ari",
            "nmi",
            "silhouette",
            "clusters",
            "noise_share",
            "fit_seconds",
            "peak_mb",
        ):
            value = getattr(row, score)
            if value is not None and not pd.isna(value):
                metrics[f"{row.dataset}_{row.algorithm}_{score}"] = value
    for algorithm, rows in table.groupby("algorithm", sort=False):
        metrics[f"{algorithm}_mean_ari"] = float(rows["ari"].mean())
    sets = {name: contest_set(name, spec, max_instances) for name, spec in specs.items()}
    return Result(
        metrics,
        tables={"table": table},
        figures={"figure": lambda: plots.plot_contest(sets, results, table, panel_size)},
    )


def clustering_scaling(
    runs: Sequence[Mapping[str, Any]], *, memory_limit_mb: float, figure_size: Size
) -> Result:
    """Fit time, peak memory and agreement with the digits of every algorithm at every size
    it was fitted at; the largest such size, and how fast its time grows (the slope of log
    time against log size); the sizes skipped, with their reasons, in the table."""
    table = pd.DataFrame(runs).sort_values(["algorithm", "size"], kind="stable")
    metrics: dict[str, float] = {}
    for algorithm, rows in table.groupby("algorithm", sort=False):
        fitted = rows[rows["status"] == "fitted"]
        for row in fitted.itertuples():
            metrics |= {
                f"{algorithm}_{row.size}_fit_seconds": row.fit_seconds,
                f"{algorithm}_{row.size}_peak_rss_mb": row.peak_rss_mb,
                f"{algorithm}_{row.size}_ari": row.ari,
            }
        metrics[f"{algorithm}_n_skipped"] = int((rows["status"] == "skipped").sum())
        if len(fitted):
            largest = fitted.iloc[-1]
            metrics[f"{algorithm}_largest_size"] = int(largest["size"])
            metrics[f"{algorithm}_largest_ari"] = float(largest["ari"])
        if len(fitted) >= 2:
            metrics[f"{algorithm}_time_exponent"] = float(
                np.polyfit(np.log(fitted["size"]), np.log(fitted["fit_seconds"]), 1)[0]
            )
    return Result(
        metrics,
        tables={"table": table.reset_index(drop=True)},
        figures={"figure": lambda: plots.plot_scaling(table, memory_limit_mb, figure_size)},
    )


def clustering_benchmark(
    runs: Sequence[Mapping[str, Any]],
    datasets: Sequence[SuiteDataset],
    *,
    seeds: Sequence[int],
    preprocess_seed: int,
    published: Mapping[str, str],
    figure_size: Size,
) -> Result:
    """Every algorithm on every dataset of the benchmark suite: the table of scores, the
    summary per battery and overall (mean and median scores, mean rank, wins and losses
    against K-Means with the sign test), our partitions beside the published ones of the same
    methods, the two figures, and for the chapter's claims, each dataset's reference
    properties, the statistics the claims read per seed (those of the first seed are metrics
    too) and a figure of them over the seeds' mean scores."""
    scores = score_table(runs)
    summary = summary_table(scores)
    beside = published_table(runs, datasets, published)
    properties = property_table(datasets, preprocess_seed)
    metrics: dict[str, float] = {"datasets": len(datasets)}
    metrics |= {f"n_{group}": int(properties[group].sum()) for group in GROUP_WORDS}
    for row in summary.itertuples():
        prefix = row.algorithm if row.battery == "all" else f"{row.battery}_{row.algorithm}"
        metrics |= {f"{prefix}_mean_nca": row.mean_nca, f"{prefix}_mean_ari": row.mean_ari}
        if row.battery == "all":
            metrics |= {
                f"{prefix}_median_nca": row.median_nca,
                f"{prefix}_mean_rank": row.mean_rank,
                f"{prefix}_n_skipped": row.skipped,
            }
            if "wins" in summary and not pd.isna(row.wins):
                metrics |= {
                    f"{prefix}_n_beats_kmeans": row.wins,
                    f"{prefix}_n_loses_to_kmeans": row.losses,
                    f"{prefix}_sign_test_p": row.sign_test_p,
                }
    for algorithm, rows in beside.groupby("algorithm", sort=False):
        differ = rows["agreement_ari"] < AGREE
        metrics |= {
            f"{algorithm}_published_mean_nca": rows["published_nca"].mean(),
            f"{algorithm}_minus_published_mean_nca": (rows["nca"] - rows["published_nca"]).mean(),
            f"{algorithm}_agreement_median_ari": rows["agreement_ari"].median(),
            f"{algorithm}_agreement_min_ari": rows["agreement_ari"].min(),
            f"{algorithm}_n_differ_from_published": int(differ.sum()),
            f"{algorithm}_n_differ_from_ours_too": int(
                (differ & (rows["ours_agreement_ari"] < AGREE)).sum()
            ),
        }
    for algorithm, rows in scores.groupby("algorithm", sort=False):
        metrics[f"{algorithm}_fit_seconds"] = float((rows["fit_seconds"] * rows["seeds"]).sum())
    by_seed = statistics_by_seed(runs, properties, seeds)
    # the first seed's, as the regular run of a replicated experiment holds the chapter's
    metrics |= by_seed.drop(columns="seed").iloc[0].to_dict()
    tables = {
        "table": scores,
        "summary": summary,
        "published": beside,
        "properties": properties,
        "claim_statistics": by_seed,
    }
    return Result(
        metrics,
        tables=tables,
        figures={
            "scores": lambda: plots.plot_benchmark_scores(scores, figure_size),
            "distribution": lambda: plots.plot_score_distribution(
                scores, "kmeans", (figure_size[0], figure_size[1] / 3)
            ),
            "claims": lambda: plots.plot_suite_claims(
                scores,
                properties,
                claim_statistics(scores, properties),
                (figure_size[0] / 4, figure_size[0] / 4),
            ),
        },
    )
