"""Inertia and training time vs k, mini-batch vs full K-Means, on the blobs."""

from unsupervised.datasets import load_dataset
from unsupervised.io import atomic_path, write_metrics
from unsupervised.kmeans_speed import minibatch_vs_full, plot_minibatch_vs_full
from unsupervised.plotting import save_figure
from unsupervised.ranges import int_range
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    X, _ = load_dataset(smk.input.X, smk.input.y)
    table = minibatch_vs_full(X, int_range(p.k_range), kmeans_n_init=p.kmeans_n_init,
                              minibatch_n_init=p.minibatch_n_init, random_state=p.random_state,
                              repeats=p.repeats)
    with atomic_path(smk.output.table) as tmp:
        table.to_csv(tmp, sep="\t", index=False, float_format="%.6g")
    save_figure(plot_minibatch_vs_full(table, p.figure_size), smk.output.figure, p.dpi)
    last = table.iloc[-1]
    write_metrics(smk.output.metrics, {
        "kmeans_minibatch_vs_k.k_max": int(last["k"]),
        "kmeans_minibatch_vs_k.inertia_ratio_at_k_max":
            last["minibatch_inertia"] / last["kmeans_inertia"],
        "kmeans_minibatch_vs_k.median_speedup":
            float((table["kmeans_seconds"] / table["minibatch_seconds"]).median()),
        "kmeans_minibatch_vs_k.total_kmeans_seconds": float(table["kmeans_seconds"].sum()),
        "kmeans_minibatch_vs_k.total_minibatch_seconds": float(table["minibatch_seconds"].sum()),
    })


run_step(snakemake, main)  # noqa: F821
