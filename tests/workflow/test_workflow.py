"""The workflow itself: lint, dry runs, config errors, the CI pipeline on the real data,
its regression check, incremental reruns and the report."""

from __future__ import annotations

import copy
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pytest
import yaml
from conftest import REPO, copy_checkout, mirror_config, run_snakemake, snakemake_command
from snakemake.cli import parse_config
from snakemake.utils import update_config

from unsupervised.core.cluster_classes import relabel
from unsupervised.core.config_checks import (
    ConfigError,
    check_config,
    typed_overrides,
    validate_config,
)
from unsupervised.core.io import read_json
from unsupervised.core.ranges import int_range, k_chunks
from unsupervised.data.datasets import load_dataset
from unsupervised.introduction.iris import classify_with_gmm
from unsupervised.kmeans.algorithm import fit_kmeans
from unsupervised.reporting.baseline import compare, load_rules
from unsupervised.reporting.compare import compare_runs
from unsupervised.reporting.resources import (
    JOB,
    UNMEASURED,
    declared_resources,
    fits_its_request,
    logged_jobs,
    read_benchmark,
)
from unsupervised.reporting.run_record import load_run

pytestmark = pytest.mark.workflow
CI = ["--configfile", "config/ci.yaml"]
CI_RESULTS = REPO / "results-ci"
CI_BASELINE = REPO / "tests" / "baseline" / "ci.json"
# The section the kill-and-resume test runs (its target rule).
KILLED_SECTION = "kmeans"
# A stand-in for the oldest x86-64 CPU: the OpenBLAS kernel it would pick, and numpy's SIMD
# loops above its level switched off.
OLDEST_CPU = {
    "OPENBLAS_CORETYPE": "Prescott",
    "NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR",
}


def jobs_planned(dry_run_output: str) -> dict[str, int]:
    """Rule name -> job count from the 'Job stats' table of a dry run."""
    table = dry_run_output.split("Job stats:", 1)
    if len(table) == 1:
        return {}
    counts = {}
    for line in table[1].splitlines()[3:]:
        parts = line.split()
        if len(parts) != 2 or parts[0] == "total":
            break
        counts[parts[0]] = int(parts[1])
    return counts


def test_lint_finds_nothing() -> None:
    result = run_snakemake("--lint")
    assert result.returncode == 0, result.stderr
    assert "Lints for" not in result.stdout + result.stderr


@pytest.fixture(scope="module")
def ci_plan() -> str:
    """The dry run of every job of the CI configuration, as Snakemake prints it."""
    result = run_snakemake("-n", "--forceall", *CI)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_dry_run_plans_every_dataset_and_the_experiment(ci_plan: str) -> None:
    jobs = jobs_planned(ci_plan)
    assert jobs["download"] == 6 and jobs["prepare_mnist"] == 1 and jobs["prepare_olivetti"] == 1
    assert jobs["make_dataset"] == 8 and jobs["iris_gmm"] == 1 and jobs["summary"] == 1
    # every job but the target logs and benchmarks under its rule's name, which the Snakefile
    # gives it with its wildcards: no two jobs share a file
    planned = [
        (rule, re.findall(r"^\s+(?:log|benchmark): (\S+)$", fields, re.MULTILINE))
        for _, rule, fields in JOB.findall(ci_plan)
        if rule != "all"
    ]
    assert len(planned) == sum(jobs.values()) - jobs["all"]
    for rule, files in planned:
        assert [
            f"/{kind}/{rule}" in path
            for kind, path in zip(("logs", "benchmarks"), files, strict=True)
        ] == [True, True], (rule, files)
    assert len({path for _, files in planned for path in files}) == 2 * len(planned)


# Top-level config keys that are no step's own: what every rule or several experiments share.
SHARED_CONFIG = {
    "data_dir": "where every dataset goes",
    "results_dir": "where every result goes",
    "data_mirror": "where every download may come from",
    "datasets": "the files of every downloaded dataset",
    "synthetic": "the generated sets, read by make_dataset and by the claims' redraws",
    "figures": "the resolution of every figure",
    "classifier": "the logistic regression of every experiment that classifies",
    "olivetti_altered": "the altered faces that exercises 12 and 13 and olivetti_anomalies score",
}
# A folder named <experiment>_<dataset> holds one experiment run on one dataset.
PER_DATASET = re.compile(r"^(\w+?)_(blobs|mnist|digits)$")


def test_each_step_has_one_name(ci_plan: str) -> None:
    """A step's rule, script, experiment function (if it has one), results folder and config
    key share one name; a helper step (a chunk, a job of a contest) is named
    <experiment>_<what it does>."""
    scripts = {path.stem: path for path in (REPO / "workflow" / "scripts").glob("*/*.py")}
    # `use rule <base> as <rule>`: a seed replica, or the same step on other data
    derived = {
        rule: base
        for base, rule in re.findall(
            r"^use rule (\w+) as (\w+)",
            "".join(path.read_text() for path in (REPO / "workflow" / "rules").glob("*.smk")),
            re.MULTILINE,
        )
    }
    wrong = []
    for _, rule, fields in JOB.findall(ci_plan):
        if "benchmark:" not in fields:
            continue  # a target: runs nothing
        name, base = rule.removesuffix("_replica"), rule
        while base in derived:
            base = derived[base]
        if base not in scripts:
            wrong.append(f"{rule}: no script workflow/scripts/<section>/{base}.py")
        else:
            called = re.findall(r"write_result\((\w+)\(", scripts[base].read_text())
            if called not in ([], [base]):
                wrong.append(f"{rule}: its script runs {called}, not {base}()")
        outputs = re.search(r"^\s+output: (.+)$", fields, re.MULTILINE).group(1).split(", ")
        for output in outputs:
            parts = Path(output).parts
            if parts[0] != CI_RESULTS.name or len(parts) < 3:
                continue  # a dataset, or one of the run's own pages (summary.md, claims.md)
            folder = parts[3] if parts[1] == "seeds" else parts[1]
            experiment = PER_DATASET.sub(r"\1", folder)
            if not any(
                name == owner or name.startswith(f"{owner}_") for owner in (folder, experiment)
            ):
                wrong.append(f"{rule}: writes {output}, outside a folder of its name")
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    rules = {rule for _, rule, _ in JOB.findall(ci_plan)}
    wrong += [
        f"config key {key}: no rule of that name"
        for key in config
        if key not in rules and key not in SHARED_CONFIG
    ]
    assert not wrong, "\n".join(wrong)


# Config errors the Snakefile's first checks catch (schema, ranges, mirror): checked in-process
# on the merged config, as the Snakefile merges and checks it, in test_invalid_config_is_named.
# Two of them, and every check a rule file makes, also run end to end through Snakemake.
CHECKED_BY_THE_SNAKEFILE = [
    ("bogus=1", "unknown config key 'bogus'"),
    ("iris_gmm={n_components: three}", "config key 'iris_gmm.n_components'"),
    ("iris_gmm={n_componets: 3}", "unknown config key 'iris_gmm.n_componets'"),
    ("figures={dpi: 0}", "config key 'figures.dpi'"),
    ("data_mirror=/no/such/folder", "config key 'data_mirror'"),
    ("choose_k={blobs: {k_range: {start: 5, stop: 5}}}", "'choose_k.blobs.k_range': empty"),
    ("choose_k={blobs: {k_range: {start: 9, stop: 3}}}", "'choose_k.blobs.k_range': invert"),
    ("kmeans_segmentation={n_colors: [8, 0]}", "'kmeans_segmentation.n_colors.1'"),
    ("label_budget={percentile: 0}", "config key 'label_budget.percentile'"),
    ("digits_semi_supervised={percentile: 120}", "'digits_semi_supervised.percentile'"),
    ("dbscan={eps: [0.05, 0]}", "config key 'dbscan.eps.1'"),
    ("dbscan={min_samples: 0}", "config key 'dbscan.min_samples'"),
    ("dbscan_eps={min_samples: [5, 1]}", "config key 'dbscan_eps.min_samples.1'"),
    (
        "agglomerative_clustering={linkage: centroid}",
        "config key 'agglomerative_clustering.linkage'",
    ),
    (
        "clustering_contest={algorithms: [kmeans, kmedoids]}",
        "config key 'clustering_contest.algorithms.1'",
    ),
    (
        "clustering_contest={datasets: [moons, swiss_roll]}",
        "config key 'clustering_contest.datasets.1'",
    ),
    (
        "clustering_contest={settings: {dbscan: {min_samples: 1}}}",
        "config key 'clustering_contest.settings.dbscan.min_samples'",
    ),
    ("clustering_scaling={sizes: [1000, 80000]}", "config key 'clustering_scaling.sizes.1'"),
    ("gmm_fit={n_components: 0}", "config key 'gmm_fit.n_components'"),
    ("gmm_fit={anomaly_percentile: 100}", "config key 'gmm_fit.anomaly_percentile'"),
    (
        "gmm_selection={covariance_types: [full, round]}",
        "config key 'gmm_selection.covariance_types.1'",
    ),
    ("gmm_selection={k_range: {start: 4, stop: 4}}", "'gmm_selection.k_range': empty"),
    (
        "anomaly_detectors={detectors: [isolation_forest, kmeans]}",
        "config key 'anomaly_detectors.detectors.1'",
    ),
    (
        "anomaly_detectors={problems: {mnist: {anomaly_share: 0.5}}}",
        "config key 'anomaly_detectors.problems.mnist.anomaly_share'",
    ),
    ("anomaly_detectors={percentile: 0}", "config key 'anomaly_detectors.percentile'"),
    ("olivetti_faces={pca_variance: 0}", "config key 'olivetti_faces.pca_variance'"),
    ("olivetti_faces={pca_variance: 1.5}", "config key 'olivetti_faces.pca_variance'"),
    ("olivetti_faces={test_size: 500}", "config key 'olivetti_faces.test_size'"),
    (
        "olivetti_clustering={k_range: {start: 50, stop: 50}}",
        "'olivetti_clustering.k_range': empty",
    ),
    ("olivetti_altered={darken_factor: 1.0}", "config key 'olivetti_altered.darken_factor'"),
    ("olivetti_altered={counts: {rotated: 4, blurred: 2}}", "config key 'olivetti_altered.counts'"),
    ("olivetti_altered={noise_sigma: 0}", "config key 'olivetti_altered.noise_sigma'"),
    (
        "clustering_benchmark={algorithms: [kmeans, spectre]}",
        "config key 'clustering_benchmark.algorithms.1'",
    ),
    (
        "claims={seeds: {iris_gmm: []}}",
        "config key 'claims.seeds.iris_gmm': [] should be non-empty",
    ),
    (
        "claims={seeds: {kmeans_init: [3, 3]}}",
        "'claims.seeds.kmeans_init': [3, 3] has non-unique elements",
    ),
]
CHECKED_BY_RULE_FILES = [
    ("digits_semi_supervised={n_clusters: 40}", "'digits_semi_supervised.n_clusters': 40, below"),
    (
        "dbscan={classifier: {eps: 0.3}}",
        "'dbscan.classifier.eps': 0.3 is not one of dbscan.eps [0.05, 0.2]",
    ),
    (
        "olivetti_accuracy={model_seeds: [1, 42]}",
        "olivetti_accuracy.model_seeds: 42 is the chapter's own seed",
    ),
    (
        "olivetti_accuracy_spread={split_seeds: [1, 42]}",
        "olivetti_accuracy_spread.split_seeds: 42 is the chapter's own seed",
    ),
    ("claims={seeds: {iris_gmm: [1, 42]}}", "claims.seeds.iris_gmm: 42 is the chapter's own seed"),
    (
        "claims={seeds: {kmeans_fit: [1]}}",
        "claims.seeds.kmeans_fit: no experiment of that name has seed replicas",
    ),
    (
        "datasets={clustbench: {batteries: {fcps: [hepta, no_such_set]}}}",
        "'datasets.clustbench.batteries.fcps': unknown dataset fcps/no_such_set",
    ),
]


@pytest.mark.parametrize(("override", "named"), CHECKED_BY_THE_SNAKEFILE)
def test_invalid_config_is_named(default_config: dict, override: str, named: str) -> None:
    """The config as the Snakefile sees it (config.yaml, then `--config` parsed by Snakemake
    and typed) fails its checks with a message naming the key."""
    config = copy.deepcopy(default_config)
    update_config(config, typed_overrides(parse_config([override])))
    with pytest.raises(ConfigError) as error:
        validate_config(config, REPO / "workflow" / "schemas" / "config.schema.yaml")
        check_config(config)
    assert named in str(error.value)


def test_a_benchmark_algorithm_without_settings_is_named(default_config: dict) -> None:
    """Genie's settings are the benchmark's own (the others' are the contest's): a config file
    without them stops the run."""
    config = copy.deepcopy(default_config)
    del config["clustering_benchmark"]["settings"]["genie"]
    with pytest.raises(
        ConfigError, match="'clustering_benchmark.settings': 'genie' is a required property"
    ):
        validate_config(config, REPO / "workflow" / "schemas" / "config.schema.yaml")


@pytest.mark.parametrize(
    ("override", "named"),
    [CHECKED_BY_THE_SNAKEFILE[0], CHECKED_BY_THE_SNAKEFILE[6], *CHECKED_BY_RULE_FILES],
)
def test_invalid_config_stops_before_any_job(tmp_path: Path, override: str, named: str) -> None:
    results = tmp_path / "results"
    result = run_snakemake("--cores", "1", config=[f"results_dir={results}", override])
    assert result.returncode != 0
    assert named in result.stderr
    assert not results.exists(), "no job may run on an invalid config"


def test_too_many_clusters_fails_naming_the_parameter(tmp_path: Path) -> None:
    results = tmp_path / "results"
    target = results / "choose_k_blobs" / "k" / "2001_2001.npz"
    sweep = (
        "choose_k={blobs: {k_range: {start: 2001, stop: 2002}, diagram_k: [], bad_k: [], "
        "report_k: []}}"
    )
    result = run_snakemake("--cores", "1", str(target), config=[f"results_dir={results}", sweep])
    assert result.returncode != 0
    assert "choose_k.blobs.k_range=2001: more clusters than the 2000 samples" in result.stderr
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_more_components_than_instances_fails_naming_the_key(tmp_path: Path) -> None:
    results = tmp_path / "results"
    target = results / "gmm_fit" / "metrics.json"
    too_many = "gmm_fit={n_components: 2000}"
    result = run_snakemake("--cores", "1", str(target), config=[f"results_dir={results}", too_many])
    assert result.returncode != 0
    assert "gmm_fit.n_components=2000: a mixture needs between 1 and the 1250" in result.stderr
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_min_samples_above_the_instances_fails_naming_the_key(tmp_path: Path) -> None:
    results = tmp_path / "results"
    target = results / "dbscan_eps" / "metrics.json"
    result = run_snakemake(
        "--cores",
        "1",
        str(target),
        config=[f"results_dir={results}", "dbscan_eps={min_samples: [1001]}"],
    )
    assert result.returncode != 0
    assert "dbscan_eps.min_samples=1001: must be from 2 to the 1000 instances" in result.stderr
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_a_split_leaving_too_few_training_faces_fails_naming_the_key(tmp_path: Path) -> None:
    results = tmp_path / "results"
    target = results / "olivetti_faces" / "faces.npz"
    result = run_snakemake(
        "--cores",
        "1",
        str(target),
        config=[f"results_dir={results}", "olivetti_faces={test_size: 200, valid_size: 180}"],
    )
    assert result.returncode != 0
    assert (
        "olivetti_faces.test_size=200: with valid_size=180, leaves fewer training faces "
        "than the 40 people of the 400 faces" in result.stderr
    )
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_detector_with_more_components_than_instances_fails_naming_the_key(tmp_path: Path) -> None:
    results = tmp_path / "results"
    target = results / "anomaly_detectors" / "runs" / "ellipsoids" / "gaussian_mixture.json"
    too_many = "anomaly_detectors={problems: {ellipsoids: {mixture_components: 5000}}}"
    result = run_snakemake("--cores", "1", str(target), config=[f"results_dir={results}", too_many])
    assert result.returncode != 0
    assert (
        "anomaly_detectors.problems.ellipsoids.mixture_components=5000: a mixture needs "
        "between 1 and the 1276 instances" in result.stderr
    )
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


@pytest.mark.parametrize(
    ("strategy", "budget", "message"),
    [
        ("random", 5000, "label_budget.budgets=5000: more labels than the 1347 training instances"),
        ("random", 5, "label_budget.budgets=5: fewer labels than the 10 classes"),
        # fails in the shared clustering job, before any strategy job
        ("representative", 5000, "label_budget.budgets=5000: more labels than the 1347 training"),
    ],
)
def test_impossible_label_budget_fails_naming_the_parameter(
    tmp_path: Path, strategy: str, budget: int, message: str
) -> None:
    results = tmp_path / "results"
    target = results / "label_budget_digits" / "runs" / f"{strategy}_{budget}.json"
    budgets = f"label_budget={{budgets: [{budget}]}}"
    result = run_snakemake("--cores", "1", str(target), config=[f"results_dir={results}", budgets])
    assert result.returncode != 0
    assert message in result.stderr
    # no clustering or score of the budget; the k-NN graph, which every budget reads, may
    # be built before the failing job
    assert not [
        path
        for part in ("clusterings", "runs")
        for path in (results / "label_budget_digits" / part).rglob("*")
        if path.is_file()
    ]


def test_a_rule_not_yet_measured_is_planned_with_a_default_and_a_warning(tmp_path: Path) -> None:
    """A new rule, before any run has measured it into workflow/resources.yaml, declares
    what UNMEASURED needs, and the plan says so, naming the rule and the command to run."""
    copy = copy_checkout(tmp_path / "checkout")
    measured = copy / "workflow" / "resources.yaml"
    entries = measured.read_text().splitlines()
    measured.write_text("\n".join(line for line in entries if not line.startswith("dbscan:")))
    plan = run_snakemake(
        "-n", "--forceall", "dbscan", *CI, cwd=copy, config=[f"data_dir={REPO / 'data'}"]
    )
    assert plan.returncode == 0, plan.stderr[-3000:]
    said = plan.stdout + plan.stderr
    assert "workflow/resources.yaml does not measure dbscan yet" in said
    assert "unsupervised.reporting.resources LOG --update" in said
    [job] = [job for job in logged_jobs(plan.stdout) if job.rule == "dbscan"]
    assert job.resources["mem_mb"] == str(declared_resources(*UNMEASURED)["mem_mb"])
    assert job.resources["runtime"] == str(declared_resources(*UNMEASURED)["runtime"])


def test_missing_image_is_named_before_any_job(tmp_path: Path) -> None:
    results, image = tmp_path / "results", tmp_path / "no-such-image.png"
    image_config = f"kmeans_segmentation={{image: {image}}}"
    result = run_snakemake(
        "--cores", "1", "kmeans_segmentation", config=[f"results_dir={results}", image_config]
    )
    assert result.returncode != 0 and str(image) in result.stderr
    assert not results.exists()


def test_unreadable_image_fails_naming_the_file(tmp_path: Path) -> None:
    results, image = tmp_path / "results", tmp_path / "broken.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    image_config = f"kmeans_segmentation={{image: {image}}}"
    result = run_snakemake(
        "--cores", "1", "kmeans_segmentation", config=[f"results_dir={results}", image_config]
    )
    assert result.returncode != 0
    assert f"image {image} cannot be read" in result.stderr
    assert not list((results / "kmeans_segmentation").rglob("*.npy"))


@pytest.fixture(scope="module")
def ci_run() -> subprocess.CompletedProcess:
    """The CI configuration run end to end on the real datasets (once for this module)."""
    result = run_snakemake("--cores", "2", *CI)
    assert result.returncode == 0, result.stderr[-5000:]
    return result


def test_ci_pipeline_writes_metrics_figures_logs_and_benchmarks(ci_run) -> None:
    metrics = read_json(CI_RESULTS / "metrics.json")
    assert {"iris_gmm.accuracy", "iris_gmm.n_correct"} <= metrics.keys()
    assert metrics["iris_gmm.accuracy"] == metrics["iris_gmm.n_correct"] / 150
    for figure in (CI_RESULTS / "iris_gmm").glob("*.png"):
        assert figure.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(list((CI_RESULTS / "iris_gmm").glob("*.png"))) == 2
    assert (CI_RESULTS / "logs" / "iris_gmm.log").read_text().strip().endswith("done")
    assert (CI_RESULTS / "benchmarks" / "iris_gmm.tsv").read_text().startswith("s\t")
    summary = (CI_RESULTS / "summary.md").read_text()
    assert "`iris_gmm.accuracy`" in summary and "Out[9]" in summary


def test_chapter_and_beyond_split_the_experiments() -> None:
    """`chapter` asks for the chapter's experiments only, `beyond` for the rest, and
    together they are everything `all` runs but the summary and the unused datasets."""

    def planned(target: str) -> dict[str, int]:
        result = run_snakemake("-n", "--forceall", target, *CI)
        assert result.returncode == 0, result.stderr
        return jobs_planned(result.stdout)

    chapter, beyond, everything = planned("chapter"), planned("beyond"), planned("all")
    assert "label_budget" not in chapter and "digits_active_learning" not in chapter
    assert chapter["kmeans_fit"] == 1 and chapter["choose_k"] == 1  # blobs only
    assert beyond["label_budget"] == 2 and "kmeans_fit" not in beyond
    assert beyond["choose_k"] == 1 and "iris_gmm" not in beyond
    claims = planned("claims")
    assert claims["iris_gmm"] == 1 and claims["iris_gmm_replica"] >= 1
    assert "kmeans_fit" not in claims and "label_budget_job" not in claims
    reports = {"gather_metrics", "summary", "run_record", "all", "chapter", "beyond", "total"}
    replicas = {name for name in claims if name.endswith("_replica")} | {"claims"}
    # the seed replicas of the split faces feed both the claims and a beyond experiment
    assert beyond["olivetti_accuracy_replica"] == claims["olivetti_accuracy_replica"] >= 1
    assert set(everything) - {*chapter, *beyond, *reports} == replicas - set(beyond)
    assert chapter["olivetti_faces_split"] == chapter["olivetti_classifier"] == 1
    assert {*chapter, *beyond} - set(everything) == {"chapter", "beyond"}


def test_report_is_clean_and_follows_the_chapter(ci_run, tmp_path: Path) -> None:
    """The HTML report builds, holds no reStructuredText error, and its sections (listed
    alphabetically by the report) come in the chapter's order."""
    report = tmp_path / "report.html"
    result = run_snakemake("--report", str(report), *CI)
    assert result.returncode == 0, result.stderr[-5000:]
    html = report.read_text()
    assert "System Message" not in html and "Duplicate explicit target" not in html
    headings = re.findall(r"^## (.*)$", (CI_RESULTS / "summary.md").read_text(), re.MULTILINE)
    sections = list(dict.fromkeys(heading.split(" / ")[0] for heading in headings))
    assert sections[:2] == ["01 Classification vs clustering", "02 K-Means"]
    assert sections == sorted(sections)
    assert all(section in html for section in sections)


def test_one_changed_parameter_reruns_only_its_jobs(ci_run) -> None:
    unchanged = run_snakemake("-n", *CI)
    assert "Nothing to be done" in unchanged.stdout + unchanged.stderr
    changed = run_snakemake("-n", *CI, config=["iris_gmm={random_state: 5}"])
    assert set(jobs_planned(changed.stdout)) == {
        "iris_gmm",
        "claims",
        "gather_metrics",
        "summary",
        "run_record",
        "all",
    }


def test_widening_the_mixture_grid_runs_only_the_chunks_it_adds(ci_run) -> None:
    ci = yaml.safe_load((REPO / "config" / "ci.yaml").read_text())
    grid = ci["gmm_selection"]
    wider = "gmm_selection={k_range: {start: 1, stop: 26}}"
    planned = jobs_planned(run_snakemake("-n", *CI, config=[wider]).stdout)
    before = k_chunks(int_range(grid["k_range"]), grid["chunk_size"])
    after = k_chunks(range(1, 26), grid["chunk_size"])
    assert set(before) & set(after), "a full chunk of the CI grid must stay"
    new_chunks = len(set(after) - set(before))  # each with every covariance type
    assert planned["gmm_selection_fit"] == new_chunks
    assert planned["gmm_selection_fit_replica"] == new_chunks * len(
        ci["claims"]["seeds"]["gmm_selection"]
    )
    assert {"gmm_selection", "gmm_selection_replica"} <= set(planned)
    assert "gmm_fit" not in planned and "choose_k_fit" not in planned


def test_one_more_seed_runs_only_its_replicas(ci_run) -> None:
    """A seed added to an experiment's replicas plans that experiment with it (and the
    synthetic set it draws), then the claims; nothing else reruns."""
    seeds = yaml.safe_load((REPO / "config" / "ci.yaml").read_text())["claims"]["seeds"]
    more = f"claims={{seeds: {{kmeans_init: {[*seeds['kmeans_init'], 99]}}}}}"
    planned = jobs_planned(run_snakemake("-n", *CI, config=[more]).stdout)
    assert planned == {
        "make_dataset_replica": 1,
        "kmeans_init_replica": 1,
        "claims": 1,
        "gather_metrics": 1,
        "summary": 1,
        "run_record": 1,
        "all": 1,
    }


def test_claims_are_checked_over_every_seed(ci_run) -> None:
    """results/claims.md has a row per claim, over the chapter's seed and the replicas', and
    each verdict is a metric of the regression check."""
    page = (CI_RESULTS / "claims.md").read_text()
    metrics = read_json(CI_RESULTS / "metrics.json")
    verdicts = {name for name in metrics if name.startswith("claims.")}
    assert len(verdicts) >= 12
    seeds = yaml.safe_load((REPO / "config" / "ci.yaml").read_text())["claims"]["seeds"]
    # the elbow rests on one experiment: its replicas' seeds and the chapter's
    n_seeds = len(seeds["choose_k_blobs"]) + 1
    assert re.search(rf"^\| the_elbow_is_at_4: .*\| \d+ of {n_seeds} \|", page, re.MULTILINE)
    for name in verdicts:
        claim = name.removeprefix("claims.").removesuffix("_verdict")
        assert f"| {claim}: " in page
        if metrics[name] < 2:
            assert f"**{claim}**" in page.split("## What we found instead")[1]
    replica = read_json(
        CI_RESULTS / "seeds" / str(seeds["iris_gmm"][0]) / "iris_gmm" / "metrics.json"
    )
    assert replica.keys() == {key for key in metrics if key.startswith("iris_gmm.")}
    assert not list((CI_RESULTS / "seeds").glob("*/*/*.png")), "replicas draw no figure"


def test_a_run_records_what_it_ran_with(ci_run, default_config: dict) -> None:
    """results-ci/run/ holds the effective configuration (config.yaml, ci.yaml and --config
    merged as the Snakefile merges them), the workflow's revision and what ran it."""
    config = copy.deepcopy(default_config)
    update_config(config, yaml.safe_load((REPO / "config" / "ci.yaml").read_text()))
    update_config(config, typed_overrides(parse_config(mirror_config())))
    assert yaml.safe_load((CI_RESULTS / "run" / "config.yaml").read_text()) == config
    record = yaml.safe_load((CI_RESULTS / "run" / "provenance.yaml").read_text())
    if (REPO / ".git").exists():
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert record["workflow"]["revision"] == head
    assert record["packages"]["scikit-learn"] == version("scikit-learn")
    assert record["python"] == platform.python_version()


def compare_command(*runs: Path, page: Path) -> str:
    """The output of `python -m unsupervised.reporting.compare RUN ...`, as `make compare`
    runs it; fails the test unless it exits with 0."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "unsupervised.reporting.compare",
            *map(str, runs),
            "--html",
            str(page),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_compare_names_a_changed_parameter_and_what_it_moves(ci_run, tmp_path: Path) -> None:
    """The README's loop on a copy of the CI run, DBSCAN's min_samples changed in it: the
    comparison names that parameter only, metrics of DBSCAN only, and the figures the change
    redraws. The copy reruns what the change reruns in results-ci (Snakemake keeps no record
    of a copy's params, so they are forced); before the change it shows nothing."""
    change = "dbscan={min_samples: 4}"
    rerun = set(jobs_planned(run_snakemake("-n", *CI, config=[change]).stdout)) - {"all"}
    assert {"dbscan", "run_record"} <= rerun and "dbscan_eps" not in rerun
    copy = tmp_path / "results-eps"
    shutil.copytree(CI_RESULTS, copy)
    page = tmp_path / "compare.html"
    assert "0 parameter(s) differ; of" in compare_command(CI_RESULTS, copy, page=page)
    assert "0 beyond their tolerance" in compare_command(CI_RESULTS, copy, page=page)
    assert "0 figure(s) whose pixels differ." in page.read_text()
    result = run_snakemake(
        "--cores", "2", "--forcerun", *sorted(rerun), *CI, config=[f"results_dir={copy}", change]
    )
    assert result.returncode == 0, result.stderr[-5000:]
    comparison = compare_runs([load_run(CI_RESULTS), load_run(copy)], load_rules())
    assert [row.name for row in comparison.parameters] == ["dbscan.min_samples"]
    assert comparison.results and {row.experiment for row in comparison.results} == {"dbscan"}
    redrawn = {row.name.split("/")[0] for row in comparison.figures}
    assert "dbscan" in redrawn and redrawn <= {"dbscan", "claims"}
    assert not comparison.only_in_some and not comparison.packages
    text = compare_command(CI_RESULTS, copy, page=page)
    assert re.search(r"^dbscan\.min_samples +\| 5 +\| 4$", text, re.MULTILINE)
    html = page.read_text()
    assert all(f"<h2>{row.name}</h2>" in html for row in comparison.figures)
    # each figure's two versions and the pixels that differ
    assert html.count("data:image/png;base64,") == 3 * len(comparison.figures)


def median_seconds(commands: list[tuple[list[str], Path]], runs: int = 5) -> list[float]:
    """The median time of each (command, folder), the commands taking turns, so that other
    work on a shared machine weighs on each alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command_times, (command, cwd) in zip(times, commands, strict=True):
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, capture_output=True, check=True)
            command_times.append(time.perf_counter() - start)
    return [sorted(command_times)[runs // 2] for command_times in times]


def test_a_no_op_dry_run_starts_fast(ci_run, tmp_path: Path) -> None:
    """Nothing to do costs at most twice what it costs a one-rule workflow with a param:
    our own start-up (config checks, code fingerprints, the DAG) stays small. The param makes
    Snakemake import pandas to compare params, as it does for ours. Parsing the rules and
    checking the DAG grow with the workflow: with the Gaussian-mixture section (about 100
    rules, 160 CI jobs) the ratio measured 1.45 to 1.54 on a 2-core machine; with the Olivetti
    section (292 CI jobs), 1.50 to 1.79 on a quiet one. Importing scikit-learn at start-up
    (1.3 s, against 1.2 to 1.8 s for the one-rule workflow) would still fail it."""
    (tmp_path / "Snakefile").write_text(
        'rule all:\n    input: "a"\n\n'
        'rule a:\n    output: "a"\n    params: x=1\n    shell: "touch {output}"\n'
    )
    snakemake = [sys.executable, "-m", "snakemake"]
    subprocess.run(
        [*snakemake, "--cores", "1", "-q"], cwd=tmp_path, check=True, capture_output=True
    )
    one_rule, ours = median_seconds(
        [([*snakemake, "-n", "--cores", "1"], tmp_path), (snakemake_command("-n", *CI), REPO)]
    )
    assert ours <= 2 * one_rule, f"{ours:.2f} s against {one_rule:.2f} s for one rule"


def check_against_baseline(metrics: Path) -> str:
    """The regression check's table for `metrics`; fails the test if any metric is out."""
    result = subprocess.run(
        [sys.executable, "-m", "unsupervised.reporting.baseline", str(metrics), str(CI_BASELINE)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_ci_metrics_match_the_baseline(ci_run) -> None:
    table = check_against_baseline(CI_RESULTS / "metrics.json")
    assert re.search(r"^iris_gmm\.accuracy\s+\|.*\| ok$", table, re.MULTILINE)


def test_no_job_passes_the_memory_and_time_it_declares(ci_run) -> None:
    """Every job of the CI run against the mem_mb and runtime its rule declares (what Slurm
    enforces, and what `--resources mem_mb=N` schedules by), from its benchmark file. Its
    peak, with the Snakemake a cluster's job step adds, must stay within FULLEST of mem_mb:
    the bound the Slurm test checks with sacct on the rules whose request is computed."""
    plan = run_snakemake("-n", "--forceall", *CI)
    assert plan.returncode == 0, plan.stderr
    logged, planned = logged_jobs(plan.stdout), jobs_planned(plan.stdout)
    # every job but the target `all` has a benchmark, and each was read from the plan
    assert len(logged) == sum(planned.values()) - planned["all"] > 0
    jobs = [job for job in logged if not job.local]
    over = []
    for job in jobs:
        seconds, peak_mb = read_benchmark(REPO / job.benchmark)
        if not fits_its_request(peak_mb, int(job.resources["mem_mb"])) or seconds > 60 * int(
            job.resources["runtime"]
        ):
            over.append(
                f"{job.benchmark}: {peak_mb:.0f} MB, {seconds:.0f} s against {job.resources}"
            )
    assert not over, "\n".join(over)


def blas_kernels(run: Path) -> str:
    """The OpenBLAS kernels a run's jobs used, as their logs record them."""
    log = (run / "logs" / "label_budget" / "mnist.log").read_text()
    return re.search(r"BLAS kernels (.*)$", log, re.MULTILINE).group(1)


def test_baseline_holds_on_the_oldest_cpu_with_one_thread_per_job(ci_run, tmp_path: Path) -> None:
    """The CI configuration rerun with the BLAS kernels and numpy loops of the oldest x86-64
    CPU, and one thread per job, stays within the same baseline. What a job computes depends
    on its threads (BLAS and OpenMP use the job's), not on how many other jobs run beside it,
    each its own process: so `--max-threads 1` runs two jobs at once, as `--cores 1` gives
    every job one thread, in half its time. One rerun stands for the CPUs between this one
    and the oldest: a second one, with Sandybridge's kernels and two threads, measured the
    same six largest moves against the tolerances (up to 0.79 of it), all HDBSCAN's."""
    this_cpu = blas_kernels(CI_RESULTS)
    results = tmp_path / "results"
    result = run_snakemake(
        "--cores", "2", "--max-threads", "1", *CI, config=[f"results_dir={results}"], env=OLDEST_CPU
    )
    assert result.returncode == 0, result.stderr[-5000:]
    assert blas_kernels(results) != this_cpu, "the run did not change BLAS kernels"
    # a timing job asks for every core: it got one
    assert ", 1 thread(s)," in (results / "logs" / "kmeans_speed.log").read_text()
    check_against_baseline(results / "metrics.json")


def test_a_hard_killed_run_resumes_with_the_readme_command(ci_run, tmp_path: Path) -> None:
    """SIGKILL mid-run leaves a lock and half-made outputs; `make run`'s two steps (lift a
    stale lock, then plain `snakemake`, whose profile reruns incomplete jobs) finish it, to
    the metrics of an uninterrupted run. One section stands for the whole workflow: the lock,
    the incomplete markers and the atomic outputs are Snakemake's and ours for every rule."""
    copy = copy_checkout(tmp_path / "checkout")
    config = [f"data_dir={REPO / 'data'}"]
    section = [KILLED_SECTION, *CI]
    run = subprocess.Popen(
        snakemake_command(*section, config=config),
        cwd=copy,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    incomplete = copy / ".snakemake" / "incomplete"
    deadline = time.monotonic() + 300
    while not (
        incomplete.is_dir()
        and any(incomplete.iterdir())
        and len(list((copy / "results-ci").glob("*/metrics.json"))) >= 3
    ):
        assert run.poll() is None and time.monotonic() < deadline, "the run ended too soon"
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert list((copy / ".snakemake" / "locks").iterdir()), "a hard kill leaves the lock"
    # One shell command, as `make run`'s recipe runs it.
    resume = (
        f"{shlex.join([sys.executable, '-m', 'unsupervised.core.stale_lock'])} && "
        f"{shlex.join(snakemake_command(*section, config=config))}"
    )
    resumed = subprocess.run(
        ["sh", "-c", resume],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "PYTHONPATH": str(copy / "src")},
    )
    assert resumed.returncode == 0, resumed.stderr[-5000:]
    metrics = sorted((copy / "results-ci").glob("*/metrics.json"))
    assert len(metrics) >= 5, metrics
    for path in metrics:
        expected = read_json(CI_RESULTS / path.relative_to(copy / "results-ci"))
        rows = compare(expected, read_json(path), load_rules())
        assert [row.name for row in rows if not row.passed] == [], path


def test_the_check_catches_real_regressions(ci_run) -> None:
    """Results computed with deliberate bugs, on the real data, fail against the baseline."""
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    rules, baseline = load_rules(), read_json(CI_BASELINE)
    iris_X, iris_y = load_dataset(REPO / "data/iris/X.npy", REPO / "data/iris/y.npy")
    gmm = classify_with_gmm(iris_X, iris_y, 3, config["iris_gmm"]["random_state"])
    cluster_of = {cls: cluster for cluster, cls in gmm.mapping.items()}
    clusters = np.array([cluster_of[cls] for cls in gmm.predicted])
    identity_mapping = relabel(clusters, {cluster: cluster for cluster in range(3)})
    blobs_X, _ = load_dataset(REPO / "data/blobs/X.npy", REPO / "data/blobs/y.npy")
    fit = config["kmeans_fit"]
    k_off_by_one = fit_kmeans(
        blobs_X, fit["k"] - 1, n_init=fit["n_init"], random_state=fit["random_state"]
    )
    broken = {
        "iris_gmm.n_correct": int(np.sum(identity_mapping == iris_y)),  # clusters not matched
        "kmeans_fit.inertia": float(k_off_by_one.inertia_),
    }
    assert gmm.mapping != {cluster: cluster for cluster in range(3)}, "the bug changes nothing"
    rows = compare({name: baseline[name] for name in broken}, broken, rules)
    assert [row.status for row in rows] == ["FAIL", "FAIL"], rows
