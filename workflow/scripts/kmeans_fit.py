"""K-Means on the five blobs: centroids vs true centers, new points, hard and soft clustering."""

import numpy as np

from unsupervised.datasets import load_dataset
from unsupervised.io import atomic_path, write_metrics
from unsupervised.kmeans_basics import fit_and_predict, plot_data, plot_fit
from unsupervised.plotting import save_figure
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X, _ = load_dataset(smk.input.X, smk.input.y)
    report = fit_and_predict(X, np.asarray(p.true_centers), np.asarray(p.new_points), p.k,
                             p.n_init, p.random_state)
    save_figure(plot_data(X, p.figure_size), smk.output.data_figure, p.dpi)
    save_figure(plot_fit(X, report, p.resolution, p.figure_size), smk.output.voronoi, p.dpi)
    for table, path in ((report.centroid_table(), smk.output.centroids),
                        (report.new_points_table(), smk.output.new_points)):
        with atomic_path(path) as tmp:
            table.to_csv(tmp, sep="\t", index=False, float_format="%.6g")
    write_metrics(smk.output.metrics, report.metrics("kmeans_fit"))


run_step(snakemake, main)  # noqa: F821
