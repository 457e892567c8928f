"""The k-NN graph of a training set, which label spreading runs on for every budget and seed."""

from unsupervised.core.step import run_step
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.spreading import knn_graph, save_graph


def main(smk) -> None:
    graph = knn_graph(Split.load(smk.input.split).X_train, int(smk.wildcards.n_neighbors))
    save_graph(smk.output.graph, graph)


run_step(snakemake, main)  # noqa: F821
