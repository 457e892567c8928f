"""Active learning by uncertainty sampling from the representative labels, against as many
randomly chosen labels."""

from unsupervised.io import atomic_path, write_metrics
from unsupervised.plotting import save_figure
from unsupervised.semi_supervised import (
    active_learning,
    cluster,
    largest_clusters,
    make_classifier,
)
from unsupervised.semi_supervised_plots import plot_curves
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    s = Split.load(smk.input.split)
    clustering = cluster(s.X_train, p.n_clusters, random_state=p.cluster_random_state,
                         n_init=p.n_init)
    initial = clustering.representatives[largest_clusters(clustering, p.n_labels)]
    histories = {
        choose: active_learning(
            s.X_train, s.y_train, s.X_test, s.y_test, initial=initial,
            clusters=clustering.labels, rounds=p.rounds, batch=p.batch_size,
            make_model=lambda: make_classifier(True, **p.classifier), choose=choose,
            random_state=p.random_state)
        for choose in ("uncertainty", "random")
    }
    with atomic_path(smk.output.table) as tmp:
        lines = ["round\tlabels\tuncertainty_accuracy\trandom_accuracy"]
        for number, (ours, theirs) in enumerate(zip(histories["uncertainty"],
                                                    histories["random"], strict=True)):
            lines.append(f"{number}\t{ours[0]}\t{ours[1]:.6g}\t{theirs[1]:.6g}")
        tmp.write_text("\n".join(lines) + "\n")
    names = {"uncertainty": "least confident, distinct clusters", "random": "random"}
    fig = plot_curves({names[c]: tuple(zip(*h, strict=True)) for c, h in histories.items()},
                      "Number of labelled instances", "Test accuracy", p.figure_size,
                      title="Active learning from the representative labels")
    save_figure(fig, smk.output.figure, p.dpi)
    final = {choose: history[-1] for choose, history in histories.items()}
    write_metrics(smk.output.metrics, {
        "digits_active_learning.n_labels": final["uncertainty"][0],
        "digits_active_learning.uncertainty_accuracy": final["uncertainty"][1],
        "digits_active_learning.random_accuracy": final["random"][1],
        "digits_active_learning.start_accuracy": histories["uncertainty"][0][1],
    })


run_step(snakemake, main)  # noqa: F821
