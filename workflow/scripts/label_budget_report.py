"""Label-budget curves of one dataset: the figure, the table and the metrics."""

import pandas as pd

from unsupervised.io import atomic_path, read_json, write_metrics
from unsupervised.plotting import save_figure
from unsupervised.semi_supervised import make_classifier, mean_and_spread
from unsupervised.semi_supervised_plots import plot_label_budget
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    dataset = smk.wildcards.dataset
    s = Split.load(smk.input.split)
    reference = make_classifier(p.one_vs_rest, p.max_iter, p.random_state).fit(
        s.X_train, s.y_train).score(s.X_test, s.y_test)
    rows = []
    for path in smk.input.scores:
        result = read_json(path)
        mean, std = mean_and_spread(result["accuracies"])
        rows.append({"strategy": result["strategy"], "budget": result["budget"], "mean": mean,
                     "std": std})
    table = pd.DataFrame(rows)
    with atomic_path(smk.output.table) as tmp:
        table.to_csv(tmp, sep="\t", index=False, float_format="%.6g")
    save_figure(plot_label_budget(table, reference, dataset, p.figure_size), smk.output.figure,
                p.dpi)
    prefix = f"label_budget_{dataset}"
    metrics = {f"{prefix}.supervised_accuracy": reference}
    for row in table.itertuples(index=False):
        metrics[f"{prefix}.{row.strategy}_{row.budget}_accuracy"] = row.mean
    write_metrics(smk.output.metrics, metrics)


run_step(snakemake, main)  # noqa: F821
