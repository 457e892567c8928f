"""The Olivetti section's figures: grids of faces, and the sweeps over k."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from unsupervised.core.figures import new_figure
from unsupervised.olivetti.faces import SIDE


def show_face(
    ax: Axes,
    pixels: np.ndarray,
    title: str = "",
    colour: str = "black",
    brightness: tuple[float, float] | None = (0.0, 1.0),
) -> None:
    """A face in grey levels: black at 0 and white at 1, so that a darkened face looks dark
    (`brightness` None stretches each image's own range, for principal components)."""
    low, high = brightness or (None, None)
    ax.imshow(pixels.reshape(SIDE, SIDE), cmap="gray", vmin=low, vmax=high)
    ax.set_title(title, fontsize=10, color=colour, pad=2)
    ax.axis("off")


def plot_faces(
    faces: np.ndarray,
    titles: Sequence[str],
    n_cols: int,
    panel_size: Sequence[float],
    brightness: tuple[float, float] | None = (0.0, 1.0),
) -> Figure:
    """Faces in rows of `n_cols`, each under its title."""
    n_rows = -(-len(faces) // n_cols)
    fig, axes = new_figure(n_cols * panel_size[0], n_rows * panel_size[1], n_rows, n_cols)
    for ax in axes:
        ax.axis("off")
    for ax, face, title in zip(axes, faces, titles, strict=False):
        show_face(ax, face, title, brightness=brightness)
    return fig


def plot_clusters(
    pixels: np.ndarray,
    ids: np.ndarray,
    labels: np.ndarray,
    clusters: Sequence[int],
    faces_per_cluster: int,
    panel_size: Sequence[float],
) -> Figure:
    """One row per cluster: its faces, each titled with its person id, in red when it is not
    the cluster's most frequent person."""
    fig, axes = new_figure(
        (faces_per_cluster + 1) * panel_size[0],
        len(clusters) * panel_size[1],
        len(clusters),
        faces_per_cluster + 1,
    )
    for (label_ax, *face_axes), cluster in zip(
        axes.reshape(len(clusters), -1), clusters, strict=True
    ):
        members = np.flatnonzero(labels == cluster)
        people, counts = np.unique(ids[members], return_counts=True)
        majority = people[np.argmax(counts)]
        label_ax.axis("off")
        label_ax.text(
            0.5,
            0.5,
            f"cluster {cluster}\n{len(members)} faces\n"
            f"{len(people)} {'person' if len(people) == 1 else 'people'}",
            ha="center",
            va="center",
            fontsize=10,
            transform=label_ax.transAxes,
        )
        for ax in face_axes:
            ax.axis("off")
        for ax, member in zip(face_axes, members, strict=False):
            show_face(
                ax,
                pixels[member],
                f"person {ids[member]}",
                "black" if ids[member] == majority else "red",
            )
    return fig


def mark_k(ax: Axes, ks: pd.Series, values: pd.Series, k: int, label: str, style: str) -> None:
    ax.plot(k, values[ks == k].iloc[0], style, markersize=12, label=label)


def plot_k_sweep(
    table: pd.DataFrame, silhouette_k: int, ari_k: int, figure_size: Sequence[float]
) -> Figure:
    """Silhouette, inertia and agreement with the person ids against k, with the
    silhouette's best k marked on each, and the best agreement on the last."""
    fig, axes = new_figure(*figure_size, 1, 3)
    for ax, column, label in zip(
        axes,
        ("silhouette", "inertia", "ari"),
        ("Silhouette score", "Inertia", "ARI against the person ids"),
        strict=True,
    ):
        ax.plot(table["k"], table[column], "bo-", markersize=4)
        mark_k(
            ax, table["k"], table[column], silhouette_k, f"best silhouette: k={silhouette_k}", "rs"
        )
        ax.set_xlabel("$k$")
        ax.set_ylabel(label)
        ax.grid(True, alpha=0.3)
    mark_k(axes[2], table["k"], table["ari"], ari_k, f"best ARI: k={ari_k}", "g^")
    for ax in (axes[0], axes[2]):
        ax.legend(fontsize=10, loc="lower right")
    return fig


def plot_classifier_sweep(
    table: pd.DataFrame,
    pca_accuracy: float,
    silhouette_k: int,
    combined_accuracy: float,
    figure_size: Sequence[float],
) -> Figure:
    """Validation accuracy of the forest against the number of clusters, on the distances to
    the centroids; the PCA features alone as a line, and beside the distances of the
    silhouette's best k as a point."""
    fig, (ax,) = new_figure(*figure_size)
    ax.plot(
        table["k"],
        table["distances_accuracy"],
        "bo-",
        markersize=4,
        label="distances to the centroids",
    )
    ax.plot(
        silhouette_k,
        combined_accuracy,
        "gs",
        markersize=10,
        label=f"PCA features + distances, k={silhouette_k}: {combined_accuracy:.3f}",
    )
    ax.axhline(
        pca_accuracy, color="k", linestyle="--", label=f"PCA features alone: {pca_accuracy:.3f}"
    )
    ax.set_ylim(top=max(pca_accuracy, combined_accuracy) + 0.04)
    ax.set_xlabel("$k$ (clusters of K-Means)")
    ax.set_ylabel("Validation accuracy")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=10, loc="lower right")
    return fig


def plot_rows(
    ax: Axes,
    values: Mapping[str, Sequence[float]],
    colour: str = "tab:blue",
    offset: float = 0.0,
    label: str | None = None,
) -> None:
    """One row per group, top to bottom: its values as dots, `offset` rows lower; equal
    values stacked upwards (within 0.6 of a row), so that each can be counted."""
    groups = [np.round(np.asarray(group, dtype=float), 9) for group in values.values()]
    repeats = [
        np.array([np.sum(group[:index] == value) for index, value in enumerate(group)])
        for group in groups
    ]
    step = min(0.05, 0.6 / max(1, *(int(counts.max(initial=0)) for counts in repeats)))
    for position, (group, counts) in enumerate(zip(groups, repeats, strict=True)):
        ax.plot(
            group,
            position + offset - step * counts,
            "o",
            color=colour,
            alpha=0.5,
            markersize=4,
            label=label if position == 0 else None,
        )
    ax.set_yticks(range(len(values)), list(values))
    ax.set_ylim(len(values) - 0.5, -0.8)
    ax.grid(axis="x", alpha=0.3)


FEATURE_NAMES = {
    "pca": "PCA features",
    "distances": "distances to\nthe centroids",
    "combined": "both",
    "distances_minus_pca": "distances\nminus PCA",
    "combined_minus_pca": "both\nminus PCA",
    "combined_minus_distances": "both\nminus distances",
}


def plot_accuracy_spread(
    cells: pd.DataFrame,
    names: Sequence[str],
    differences: Sequence[str],
    exercise: pd.Series,
    figure_size: Sequence[float],
) -> Figure:
    """Left: the forest's validation accuracy on each feature set; right: the paired
    differences. Each (split, model seed) a dot, the mean with one standard deviation either
    side as an error bar, the exercises' own split and seed as a star."""
    fig, axes = new_figure(*figure_size, 1, 2)
    for ax, columns, xlabel in (
        (axes[0], names, "Validation accuracy"),
        (axes[1], differences, "Paired difference of accuracy"),
    ):
        plot_rows(
            ax, {FEATURE_NAMES[name]: cells[name] for name in columns}, label="one split and seed"
        )
        ax.errorbar(
            cells[list(columns)].mean(),
            np.arange(len(columns)) + 0.15,
            xerr=cells[list(columns)].std(),
            fmt="D",
            color="black",
            markersize=7,
            capsize=6,
            linewidth=2,
            label="mean ± 1 standard deviation",
        )
        ax.plot(
            exercise[list(columns)],
            np.arange(len(columns)) + 0.15,
            "*",
            color="tab:red",
            markersize=14,
            label="the exercises' split and seed",
        )
        ax.set_xlabel(xlabel)
    axes[1].axvline(0, color="black", linestyle=":", linewidth=1)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="outside upper center",
        ncols=3,
        fontsize=11,
        title=f"{cells['split_seed'].nunique()} splits of the faces × "
        f"{cells['model_seed'].nunique()} seeds of K-Means and the forest",
        title_fontsize=12,
    )
    return fig


def plot_anomaly_scores(
    scores: pd.DataFrame,
    table: pd.DataFrame,
    detectors: Sequence[str],
    figure_size: Sequence[float],
) -> Figure:
    """One panel per detector: the score of every face, normal and altered, training faces
    and validation faces apart; each transformation labelled with its ROC AUC."""
    titles = {
        "mixture": "Mixture: negative log density",
        "reconstruction": "PCA: mean squared reconstruction error",
    }
    versions = list(dict.fromkeys(scores["version"]))
    fig, axes = new_figure(*figure_size, 1, len(detectors))
    for ax, detector in zip(axes, detectors, strict=True):
        aucs = table[table["detector"] == detector].set_index("transformation")
        labels = [
            version
            if version not in aucs.index
            else f"{version}\nAUC {aucs.loc[version, 'roc_auc']:.3f}, "
            f"unseen {aucs.loc[version, 'roc_auc_validation']:.3f}"
            for version in versions
        ]
        for offset, (part, colour, name) in enumerate(
            (
                ("train", "tab:blue", "training faces"),
                ("valid", "tab:orange", "validation faces (unseen by the models)"),
            )
        ):
            faces = scores[scores["part"] == part]
            plot_rows(
                ax,
                {
                    label: faces.loc[faces["version"] == version, detector]
                    for label, version in zip(labels, versions, strict=True)
                },
                colour,
                offset * 0.25 - 0.125,
                name if ax is axes[0] else None,
            )
        log_scale(ax, scores[detector])
        ax.set_xlabel(titles[detector])
    fig.legend(loc="outside upper center", ncols=2, fontsize=11)
    return fig


def log_scale(ax: Axes, values: pd.Series) -> None:
    """A log x axis, symmetric around zero (with a decade per tick) when some values are
    not positive, such as negative log densities above 1."""
    if values.min() > 0:
        ax.set_xscale("log")
        return
    top = int(np.ceil(np.log10(values.abs().max())))
    bottom = int(np.ceil(np.log10(max(-values.min(), 1))))
    ax.set_xscale("symlog", linthresh=10.0**bottom)
    ticks = [-(10.0**bottom), 0.0, *(10.0**power for power in range(bottom, top + 1, 2))]
    ax.set_xticks(ticks)
    ax.set_xlim(ticks[0], 10.0**top)
