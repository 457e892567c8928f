# What every section's rules use: paths, the package code of a script, logs and benchmarks,
# the registry of experiments and the report's figures, and the seed replicas.
import os
import re
from dataclasses import dataclass
from types import SimpleNamespace

import yaml
from snakemake.io import is_flagged
from snakemake.logging import logger

from unsupervised.core.code_deps import code_fingerprint
from unsupervised.data.clustbench import check_selection
from unsupervised.reporting.resources import UNMEASURED, declared_resources, with_headroom

DATA = config["data_dir"]
RESULTS = config["results_dir"]
DPI = config["figures"]["dpi"]
# Software of every rule for `--sdm conda` (relative to the rule files), set by the Snakefile.
ENV = "../envs/pipeline.yaml"
# The script of every rule, workflow/scripts/<step>.py, from the param `step` the Snakefile
# gives (see step_params).
STEP = "../scripts/{params.step}.py"
RULES_DIR = os.path.join(workflow.basedir, "workflow", "rules")


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


# Filled in by the file of each section. EXPERIMENTS holds each experiment by name (the folder
# of its results and the prefix of its metric names); FIGURES, the outputs besides the
# experiments' metrics that the `chapter` and `beyond` targets ask for.
EXPERIMENTS = {}
FIGURES = {"chapter": [], "beyond": []}


@dataclass(frozen=True)
class Replica:
    """How an experiment a claim rests on reruns with other seeds (config claims.seeds): its
    regular run uses `chapter_seed`, and a seed replaces it in what `varies` names."""

    chapter_seed: int
    varies: str


# Filled in by the file of each section, beside the `use rule ... as <rule>_replica` that
# reruns the experiment with the {seed} wildcard, metrics only.
REPLICAS = {}


@dataclass(frozen=True)
class SeedTable(Replica):
    """An experiment a claim rests on that runs every seed itself (a config key of its own)
    and writes what its claims read as `path`, a table with a row per seed; `chapter_seed`
    is the seed that stands for the chapter's."""

    path: str


# Filled in by the file of each section.
SEED_TABLES = {}


def replica_path(experiment, name="metrics.json"):
    """An output of `experiment` rerun with the {seed} wildcard."""
    return f"{RESULTS}/seeds/{{seed}}/{experiment}/{name}"


def replica_arrays(dataset):
    """The synthetic `dataset` drawn with the {seed} wildcard as its random state."""
    return {
        "X": f"{DATA}/seeds/{{seed}}/{dataset}/X.npy",
        "y": f"{DATA}/seeds/{{seed}}/{dataset}/y.npy",
    }


def synthetic_spec(dataset, seed):
    """The settings the synthetic `dataset` is drawn with, its random state set to `seed`."""
    return {**config["synthetic"][dataset], "random_state": int(seed)}


def replica_seeds(experiment):
    """The seeds `experiment` reruns with besides the chapter's (config claims.seeds, whose
    experiments claims.smk checks against REPLICAS once every section has filled it in)."""
    return config["claims"]["seeds"].get(experiment, [])


def seed_runs(experiment, seeds=None):
    """The metrics files of `experiment` over seeds: its regular run, then its replica with
    each of `seeds` (default: its claims' seeds)."""
    return [
        f"{RESULTS}/{experiment}/metrics.json",
        *expand(
            replica_path(experiment), seed=replica_seeds(experiment) if seeds is None else seeds
        ),
    ]


def experiment_metrics(part=None, category=None):
    """The metrics files of the experiments of one part or category (default: all)."""
    return [
        f"{RESULTS}/{name}/metrics.json"
        for name, experiment in EXPERIMENTS.items()
        if part in (None, experiment.part) and category in (None, experiment.category)
    ]


@dataclass(frozen=True)
class Figure:
    """An output shown in the report: `name` in its experiment's folder."""

    name: str


figure = Figure


def results_in(folder, **outputs):
    """`outputs` (name: file name or figure) as paths in results/`folder`/. A figure shows in
    the report, in the section of the experiment `folder` (choose_k_{dataset}: the job's),
    captioned by report/`folder`/<its name>.rst (from a folder with a wildcard, without it)."""
    experiment = lambda wildcards: EXPERIMENTS[folder.format(**dict(wildcards.items()))]
    captions = re.sub(r"_?{\w+}", "", folder)

    def path(output):
        if not isinstance(output, Figure):
            return f"{RESULTS}/{folder}/{output}"
        return report(
            f"{RESULTS}/{folder}/{output.name}",
            caption=f"../report/{captions}/{os.path.splitext(output.name)[0]}.rst",
            category=lambda wildcards: experiment(wildcards).category,
            subcategory=lambda wildcards: experiment(wildcards).subcategory,
        )

    return {name: path(output) for name, output in outputs.items()}


# Per rule, its largest peak resident memory (MB) and longest job (s) in a full default run,
# written by `python -m unsupervised.reporting.resources --yaml` (see docs/cluster.md).
with open(os.path.join(workflow.basedir, "workflow", "resources.yaml")) as handle:
    MEASURED = yaml.safe_load(handle)


def measured(rule_name):
    """The largest peak (MB) and longest time (s) of `rule_name`'s jobs; a rule not measured yet
    gets UNMEASURED, and a warning."""
    if rule_name not in MEASURED:
        logger.warning(
            f"workflow/resources.yaml does not measure {rule_name} yet: its jobs "
            f"declare what {UNMEASURED[0]:.0f} MB and {UNMEASURED[1]:.0f} s need "
            "until a run measures them (python -m unsupervised.reporting.resources "
            "LOG --update workflow/resources.yaml, see docs/cluster.md)"
        )
    return MEASURED.get(rule_name, UNMEASURED)


def measured_resources(rule):
    """A rule's mem_mb and runtime (minutes) from what its jobs measured."""
    return declared_resources(*measured(rule))


# What a rule gets from --default-resources (a profile's default-resources) before its own
# resources: and --set-resources apply.
DEFAULT_RESOURCES = workflow.resource_settings._parsed_default_resources


def declare_measured_resources(rule_object):
    """Give `rule_object` the memory and time its jobs measured (a seed replica, its experiment's)
    where neither its resources: nor --set-resources sets them."""
    overridden = workflow.resource_settings.overwrite_resources.get(rule_object.name, {})
    for name, value in measured_resources(rule_object.name.removesuffix("_replica")).items():
        unset = rule_object.resources.get(name) == DEFAULT_RESOURCES.get(name)
        if unset and name not in overridden:
            rule_object.resources[name] = value


def has_figures(rule_object):
    """Whether `rule_object` writes a figure: an image shown in the report."""
    return any(is_flagged(path, "report") and path.endswith(".png") for path in rule_object.output)


def step_params(rule_object):
    """The params naming what `rule_object` runs. Its step is <section>/<name>: its rule file's
    name, and the name of the rule it was written as (for a rule made from another by `use
    rule`, the other's, which its run function's code keeps). The step's own script is
    workflow/scripts/<section>/<name>.py; without one, the rule runs the generic script
    experiment.py, which calls the function `experiment`, unsupervised.<section>.experiments.<name>,
    on the inputs it takes."""
    section = os.path.splitext(os.path.basename(rule_object.snakefile))[0]
    step = f"{section}/{rule_object.run_func.__code__.co_name.removeprefix('__rule_')}"
    if os.path.exists(os.path.join(RULES_DIR, STEP.format(params=SimpleNamespace(step=step)))):
        return {"step": step}
    return {"step": "experiment", "experiment": step}


def code_version(rule_object):
    """A fingerprint of the code `rule_object` runs: its script and the package modules the
    script imports (the generic script: and the experiment's module). A param of every rule
    that runs a script (the Snakefile gives it), so that editing the code a rule runs reruns
    it, and only it."""
    experiment = rule_object.params.get("experiment")
    modules = [f"unsupervised.{experiment.split('/')[0]}.experiments"] if experiment else []
    return code_fingerprint(os.path.join(RULES_DIR, rule_object.script), *modules)


def chunks_holding(chunks, ks):
    """The names of `chunks` (name -> its values of k, see k_chunks) that hold any of `ks`."""
    return [name for name, members in chunks.items() if set(members) & set(ks)]


def dataset_arrays(name):
    return {"X": f"{DATA}/{name}/X.npy", "y": f"{DATA}/{name}/y.npy"}


def log_and_benchmark(rule_object):
    """Where a job of `rule_object` logs and benchmarks: logs/<rule>/<its wildcards, in the
    order its outputs name them>.log and benchmarks/<the same>.tsv, in the folder its outputs
    go to (the data's or the results')."""
    outputs = [str(path) for path in rule_object.output]
    wildcards = dict.fromkeys(re.findall(r"{(\w+)", " ".join(outputs)))
    name = os.path.join(rule_object.name, *(f"{{{wildcard}}}" for wildcard in wildcards))
    folder = DATA if outputs[0].startswith(f"{DATA}/") else RESULTS
    return f"{folder}/logs/{name}.log", f"{folder}/benchmarks/{name}.tsv"
