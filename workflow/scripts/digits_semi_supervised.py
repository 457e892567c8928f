"""Digits with 50 labels: random, representative, propagated (whole cluster or closest
percentile), label spreading and propagation; the representative images; a percentile sweep."""

from unsupervised.io import write_metrics
from unsupervised.plotting import save_figure
from unsupervised.semi_supervised import few_labels_study, make_classifier
from unsupervised.semi_supervised_plots import plot_curves, plot_digits
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    split = Split.load(smk.input.split)
    study = few_labels_study(
        split, n_labels=p.n_labels, n_clusters=p.n_clusters, percentile=p.percentile,
        percentiles=p.percentile_sweep, n_neighbors=p.n_neighbors, alpha=p.alpha,
        n_init=p.n_init, random_state=p.random_state,
        make_model=lambda: make_classifier(True, **p.classifier),
        prefix="digits_semi_supervised",
    )
    write_metrics(smk.output.metrics, study.metrics)
    reps = study.representatives
    save_figure(plot_digits(split.X_train[reps], split.y_train[reps],
                            (8, 0.9 * -(-len(reps) // 10))), smk.output.representatives, p.dpi)
    shares = sorted(p.percentile_sweep)
    curves = {
        "test accuracy of the classifier": (shares, [study.sweep[q][0] for q in shares]),
        "accuracy of the propagated labels": (shares, [study.sweep[q][1] for q in shares]),
    }
    fig = plot_curves(curves, "Labels propagated to the closest % of each cluster", "Accuracy",
                      p.figure_size, title=f"{p.n_labels} labels propagated within their clusters")
    save_figure(fig, smk.output.sweep, p.dpi)


run_step(snakemake, main)  # noqa: F821
