# What every section's rules use: paths, the registry of experiments, the report's figures
# (in_report), each rule's measured resources (measured) and code fingerprint (code_of), and
# the seed replicas.
import os
import re
from dataclasses import dataclass

import yaml
from snakemake.logging import logger

from unsupervised.core.code_deps import code_fingerprint
from unsupervised.data.clustbench import check_selection
from unsupervised.reporting.resources import UNMEASURED, declared_resources, with_headroom

DATA = config["data_dir"]
RESULTS = config["results_dir"]
DPI = config["figures"]["dpi"]


@dataclass(frozen=True)
class Experiment:
    """Where an experiment shows in the report and in results/summary.md, and whether it
    reproduces the chapter (part "chapter") or goes beyond it ("beyond")."""

    category: str  # the chapter section, numbered so the report lists them in its order
    subcategory: str
    part: str = "chapter"

    @property
    def section(self) -> str:
        return f"{self.category} / {self.subcategory}"


# Filled in by the file of each section: each experiment by name (the folder of its results
# and the prefix of its metric names).
EXPERIMENTS = {}


@dataclass(frozen=True)
class Replica:
    """How an experiment a claim rests on runs with other seeds (config claims.seeds): its
    regular run uses `chapter_seed`, and a seed replaces it in what `varies` names. Its seed
    replicas are the rule <experiment>_replica, `use rule <experiment> as ...` with the {seed}
    wildcard, metrics only, into results/seeds/<seed>/<experiment>/; an experiment that runs
    every seed itself instead writes the `table`, a row per seed, that its claims read."""

    chapter_seed: int
    varies: str
    table: str | None = None


# Filled in by the file of each section, beside each experiment's rule.
REPLICAS = {}


def synthetic_spec(dataset, seed):
    """The settings the synthetic `dataset` is drawn with, its random state set to `seed`."""
    return {**config["synthetic"][dataset], "random_state": int(seed)}


def seed_runs(experiment, seeds=None):
    """The metrics files of `experiment` over seeds: its regular run, then its replica with
    each of `seeds` (default: its claims' seeds, config claims.seeds.<experiment>)."""
    if seeds is None:
        seeds = config["claims"]["seeds"].get(experiment, [])
    return [
        f"{RESULTS}/{experiment}/metrics.json",
        *expand(f"{RESULTS}/seeds/{{seed}}/{experiment}/metrics.json", seed=seeds),
    ]


def experiment_metrics(part=None, category=None):
    """The metrics files of the experiments of one part or category (default: all)."""
    return [
        f"{RESULTS}/{name}/metrics.json"
        for name, experiment in EXPERIMENTS.items()
        if part in (None, experiment.part) and category in (None, experiment.category)
    ]


def in_report(folder, name):
    """results/`folder`/`name`, shown in the report in the section of the experiment `folder`
    (choose_k_{dataset}: the job's) and captioned by report/`folder`/<name without its
    extension>.rst (from a folder with a wildcard, without it)."""
    experiment = lambda wildcards: EXPERIMENTS[folder.format(**dict(wildcards.items()))]
    captions = re.sub(r"_?{\w+}", "", folder)
    return report(
        f"{RESULTS}/{folder}/{name}",
        caption=f"../report/{captions}/{os.path.splitext(name)[0]}.rst",
        category=lambda wildcards: experiment(wildcards).category,
        subcategory=lambda wildcards: experiment(wildcards).subcategory,
    )


def measured(rule_name):
    """The mem_mb and runtime (minutes) of `rule_name`'s jobs, from the largest peak (MB) and
    the longest time (s) they measured in a full default run (workflow/resources.yaml, written
    by `python -m unsupervised.reporting.resources`, see docs/cluster.md); a rule not measured
    yet gets what UNMEASURED needs, and a warning."""
    if rule_name not in MEASURED:
        logger.warning(
            f"workflow/resources.yaml does not measure {rule_name} yet: its jobs "
            f"declare what {UNMEASURED[0]:.0f} MB and {UNMEASURED[1]:.0f} s need "
            "until a run measures them (python -m unsupervised.reporting.resources "
            "LOG --update workflow/resources.yaml, see docs/cluster.md)"
        )
    return declared_resources(*MEASURED.get(rule_name, UNMEASURED))


with open(os.path.join(workflow.basedir, "workflow", "resources.yaml")) as handle:
    MEASURED = yaml.safe_load(handle)


def code_of(script):
    """A fingerprint of workflow/scripts/`script` and of the package modules it imports, as a
    param of the rule that runs the script, so that editing that code reruns the rule, and
    only it."""
    return code_fingerprint(os.path.join(workflow.basedir, "workflow", "scripts", script))


def dataset_arrays(name):
    return {"X": f"{DATA}/{name}/X.npy", "y": f"{DATA}/{name}/y.npy"}
