"""Test accuracy of one labelling strategy with one label budget, for every seed."""

from unsupervised.io import write_json
from unsupervised.semi_supervised import BudgetSettings, budget_accuracy
from unsupervised.splits import Split
from unsupervised.step import run_step


def main(smk) -> None:
    p = smk.params
    s = Split.load(smk.input.split)
    budget = int(smk.wildcards.budget)
    settings = BudgetSettings(**p.settings)
    accuracies = [budget_accuracy(smk.wildcards.strategy, s.X_train, s.y_train, s.X_test,
                                  s.y_test, budget, seed, settings) for seed in p.seeds]
    write_json(smk.output.scores, {"strategy": smk.wildcards.strategy, "budget": budget,
                                   "seeds": list(p.seeds), "accuracies": accuracies})


run_step(snakemake, main)  # noqa: F821
