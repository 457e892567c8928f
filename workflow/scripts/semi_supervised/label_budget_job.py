"""Test accuracy of each labelling strategy with one label budget, for every seed."""

from unsupervised.core.io import write_json_each
from unsupervised.core.step import run_step, settings
from unsupervised.data.splits import Split
from unsupervised.semi_supervised.label_budget import budget_runs
from unsupervised.semi_supervised.propagation import Clustering
from unsupervised.semi_supervised.spreading import load_graph


def main(smk) -> None:
    params = settings(smk)
    # without a strategy that reads them, there are no clusterings or no graph
    paths = smk.input.get("clusterings")
    clusterings = (
        {seed: Clustering.load(path) for seed, path in zip(params["seeds"], paths, strict=True)}
        if paths
        else {}
    )
    graph = smk.input.get("graph")
    runs = budget_runs(
        Split.load(smk.input.split),
        budget=int(smk.wildcards.budget),
        **params,
        clusterings=clusterings,
        graph=load_graph(graph) if graph else None,
    )
    write_json_each(smk.output.scores, params["strategies"], runs)


run_step(snakemake, main)  # noqa: F821
