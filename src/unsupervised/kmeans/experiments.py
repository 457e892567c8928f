"""The K-Means section's experiments, one function per rule: each computes, draws and names
its metrics, and returns a Result for the workflow to write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.cluster import MiniBatchKMeans

from unsupervised.core.cluster_classes import purity
from unsupervised.core.lazy import lazy_import
from unsupervised.core.ranges import int_range
from unsupervised.core.results import Result
from unsupervised.kmeans.algorithm import assign, fit_kmeans, inertia, lloyd_iterations
from unsupervised.kmeans.choosing_k import KFit, Sweep, silhouette_sample
from unsupervised.kmeans.fit_and_predict import fit_and_predict
from unsupervised.kmeans.initialisation import init_distribution
from unsupervised.kmeans.minibatch import best_of_partial_fits, random_rows
from unsupervised.kmeans.speed import minibatch_vs_full, time_algorithms

plots = lazy_import("unsupervised.kmeans.plots")

Size = Sequence[float]


def kmeans_fit(
    X: np.ndarray,
    *,
    true_centers: Sequence[Sequence[float]],
    k: int,
    n_init: int,
    random_state: int,
    new_points: Sequence[Sequence[float]],
    resolution: int,
    figure_size: Size,
) -> Result:
    report = fit_and_predict(
        X, np.asarray(true_centers), np.asarray(new_points), k, n_init, random_state
    )
    return Result(
        metrics=report.metrics(),
        tables={"centroids": report.centroid_table(), "new_points": report.new_points_table()},
        figures={
            "data_figure": lambda: plots.plot_data(X, figure_size),
            "voronoi": lambda: plots.plot_fit(X, report, resolution, figure_size),
        },
    )


def kmeans_steps(
    X: np.ndarray, *, k: int, iterations: int, random_state: int, resolution: int, figure_size: Size
) -> Result:
    steps = lloyd_iterations(X, k, iterations, random_state)
    return Result(
        metrics={
            f"inertia_iteration_{i}": inertia(X, centers)
            for i, centers in enumerate(steps, start=1)
        },
        figures={"figure": lambda: plots.plot_steps(X, steps, resolution, figure_size)},
    )


def kmeans_init(
    X: np.ndarray,
    *,
    k: int,
    unlucky_seeds: Sequence[int],
    n_init: int,
    good_init: Sequence[Sequence[float]],
    seeds: Mapping[str, int],
    best_rel_tol: float,
    resolution: int,
    figure_size: Size,
) -> Result:
    """Unlucky random initialisations, n_init runs, a good init, and the distribution of
    single runs' inertia per initialisation method."""
    unlucky = [
        fit_kmeans(X, k, n_init=1, init="random", random_state=seed) for seed in unlucky_seeds
    ]
    several = fit_kmeans(X, k, n_init=n_init, init="random", random_state=unlucky_seeds[0])
    good = fit_kmeans(X, k, n_init=1, init=np.asarray(good_init), random_state=0)
    dist = init_distribution(
        X, k, int_range(seeds), best_rel_tol, known_best=min(several.inertia_, good.inertia_)
    )
    metrics = {f"unlucky_{i}_inertia": model.inertia_ for i, model in enumerate(unlucky, start=1)}
    metrics |= {
        "n_init_inertia": several.inertia_,
        "good_init_inertia": good.inertia_,
        "good_init_score": good.score(X),
        "best_inertia": dist.best,
    }
    for method, name in (("random", "random"), ("k-means++", "kmeanspp")):
        rate = dist.hit_rate(method)
        metrics[f"{name}_p_best"] = rate.p_best
        metrics[f"{name}_runs_for_95"] = rate.runs_for_95
        metrics[f"{name}_median_inertia"] = float(np.median(dist.inertias[method]))
    titles = [
        f"Seed {seed}: inertia {model.inertia_:.1f}"
        for seed, model in zip(unlucky_seeds, unlucky, strict=True)
    ]
    return Result(
        metrics,
        figures={
            "variability": lambda: plots.plot_clusterings(
                X, [m.cluster_centers_ for m in unlucky], titles, resolution, figure_size
            ),
            "distribution": lambda: plots.plot_init_distribution(dist, figure_size),
        },
    )


def kmeans_speed(
    blobs: np.ndarray,
    mnist: np.ndarray,
    *,
    blobs_k: int,
    blobs_n_init: int,
    mnist_k: int,
    mnist_n_init: int,
    mnist_samples: int,
    random_state: int,
    repeats: int,
    figure_size: Size,
) -> Result:
    """Median fit times of both algorithms on the blobs and the first `mnist_samples` images."""
    mnist = np.asarray(mnist[:mnist_samples], dtype=np.float32)
    times = {
        "blobs": time_algorithms(blobs, blobs_k, blobs_n_init, random_state, repeats),
        "MNIST": time_algorithms(mnist, mnist_k, mnist_n_init, random_state, repeats),
    }
    metrics: dict[str, float] = {"repeats": repeats, "mnist_samples": len(mnist)}
    for dataset, by_algorithm in times.items():
        name = dataset.lower()
        for algorithm, seconds in by_algorithm.items():
            metrics[f"{name}_{algorithm}_seconds"] = seconds
        metrics[f"{name}_elkan_over_lloyd"] = by_algorithm["elkan"] / by_algorithm["lloyd"]
    return Result(
        metrics, figures={"figure": lambda: plots.plot_algorithm_times(times, figure_size)}
    )


def kmeans_minibatch(
    blobs: np.ndarray,
    mnist: np.ndarray,
    mnist_labels: np.ndarray,
    *,
    k: int,
    n_init: int,
    kmeans_n_init: int,
    random_state: int,
    partial_fit: Mapping[str, int],
    mnist_settings: Mapping[str, int],
) -> Result:
    """Mini-batch K-Means and the chapter's partial_fit loop on the blobs, then the loop out
    of core on MNIST: `mnist` may be a memory map, read one batch at a time."""
    full = fit_kmeans(blobs, k, n_init=kmeans_n_init, random_state=random_state)
    mini = MiniBatchKMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(blobs)
    loop = best_of_partial_fits(random_rows(blobs), k, random_state=random_state, **partial_fit)
    settings = dict(mnist_settings)
    mnist_k = settings.pop("k")
    model = best_of_partial_fits(random_rows(mnist), mnist_k, random_state=random_state, **settings)
    labels, mnist_inertia = assign(mnist, model.cluster_centers_)
    return Result(
        {
            "blobs_kmeans_inertia": full.inertia_,
            "blobs_minibatch_inertia": mini.inertia_,
            "blobs_partial_fit_inertia": inertia(blobs, loop.cluster_centers_),
            "mnist_partial_fit_inertia": mnist_inertia,
            "mnist_partial_fit_purity": purity(mnist_labels, labels),
        }
    )


def kmeans_minibatch_vs_k(
    X: np.ndarray,
    *,
    k_range: Mapping[str, int],
    kmeans_n_init: int,
    minibatch_n_init: int,
    random_state: int,
    repeats: int,
    figure_size: Size,
) -> Result:
    table = minibatch_vs_full(
        X,
        int_range(k_range),
        kmeans_n_init=kmeans_n_init,
        minibatch_n_init=minibatch_n_init,
        random_state=random_state,
        repeats=repeats,
    )
    last = table.iloc[-1]
    return Result(
        metrics={
            "k_max": int(last["k"]),
            "inertia_ratio_at_k_max": last["minibatch_inertia"] / last["kmeans_inertia"],
            "median_speedup": float(
                (table["kmeans_seconds"] / table["minibatch_seconds"]).median()
            ),
            "total_kmeans_seconds": float(table["kmeans_seconds"].sum()),
            "total_minibatch_seconds": float(table["minibatch_seconds"].sum()),
        },
        tables={"table": table},
        figures={"figure": lambda: plots.plot_minibatch_vs_full(table, figure_size)},
    )


def choose_k(
    X: np.ndarray,
    fits: Sequence[KFit],
    *,
    random_state: int,
    silhouette_sample_size: int,
    diagram_k: Sequence[int],
    report_k: Sequence[int],
    pca_components: int | None,
    figure_size: Size,
    diagram_size: Size,
) -> Result:
    """The sweep's elbow and best silhouette, their figures and silhouette diagrams."""
    sweep = Sweep(sorted(fits, key=lambda fit: fit.k))
    sample = silhouette_sample(len(X), silhouette_sample_size, random_state)
    metrics = sweep.metrics(report_k) | {"silhouette_sample_size": len(sample)}
    if pca_components is not None:
        metrics["pca_components"] = pca_components
    diagrams = {k: sweep.by_k(k) for k in diagram_k}
    return Result(
        metrics,
        figures={
            "inertia": lambda: plots.plot_inertia(sweep, figure_size),
            "silhouette": lambda: plots.plot_silhouette(sweep, figure_size, silhouette_sample_size),
            "diagrams": lambda: plots.plot_silhouette_diagrams(X, diagrams, sample, diagram_size),
        },
    )


def choose_k_bad_k(
    X: np.ndarray, fits: Sequence[KFit], *, bad_k: Sequence[int], resolution: int, figure_size: Size
) -> Result:
    """The clusterings of `fits` at each of `bad_k`, side by side."""
    chosen = [Sweep(list(fits)).by_k(k) for k in bad_k]
    return Result(
        figures={
            "figure": lambda: plots.plot_clusterings(
                X,
                [fit.centers for fit in chosen],
                [f"$k={fit.k}$: inertia {fit.inertia:.1f}" for fit in chosen],
                resolution,
                figure_size,
            )
        }
    )


def kmeans_limits(
    X: np.ndarray,
    *,
    good_init: Sequence[Sequence[float]],
    n_init: int,
    random_state: int,
    resolution: int,
    figure_size: Size,
) -> Result:
    """The ellipsoidal blobs: a hand-initialised solution against the k-means++ one."""
    init = np.asarray(good_init)
    good = fit_kmeans(X, len(init), n_init=1, init=init, random_state=random_state)
    bad = fit_kmeans(X, len(init), n_init=n_init, random_state=random_state)
    titles = (
        f"Hand-picked init: inertia {good.inertia_:.1f}",
        f"k-means++, n_init={n_init}: inertia {bad.inertia_:.1f}",
    )
    return Result(
        {"good_inertia": good.inertia_, "bad_inertia": bad.inertia_},
        figures={
            "figure": lambda: plots.plot_clusterings(
                X, (good.cluster_centers_, bad.cluster_centers_), titles, resolution, figure_size
            )
        },
    )


def kmeans_segmentation(
    image: np.ndarray,
    segmented: Mapping[int, np.ndarray],
    stats: Sequence[Mapping[str, float]],
    *,
    figure_size: Size,
) -> Result:
    """The grid of segmentations (one per number of colours) and their inertia and error."""
    metrics = {}
    for entry in stats:
        metrics[f"inertia_{entry['n_colors']}_colors"] = entry["inertia"]
        metrics[f"rmse_{entry['n_colors']}_colors"] = entry["rmse"]
    return Result(
        metrics,
        figures={"figure": lambda: plots.plot_segmentations(image, segmented, tuple(figure_size))},
    )
