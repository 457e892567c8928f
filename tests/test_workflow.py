"""The workflow itself: lint, dry runs, config errors, the CI pipeline on the real data,
its regression check, incremental reruns and the report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, run_snakemake

from unsupervised.io import read_json

pytestmark = pytest.mark.workflow
CI = ["--configfile", "config/ci.yaml"]
CI_RESULTS = REPO / "results-ci"


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


def test_dry_run_plans_every_dataset_and_the_experiment() -> None:
    result = run_snakemake("-n", "--forceall", *CI)
    assert result.returncode == 0, result.stderr
    jobs = jobs_planned(result.stdout)
    assert jobs["download"] == 6 and jobs["prepare_mnist"] == 1 and jobs["prepare_olivetti"] == 1
    assert jobs["make_dataset"] == 5 and jobs["iris_gmm"] == 1 and jobs["summary"] == 1


@pytest.mark.parametrize(
    ("override", "named"),
    [
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
        ("digits_semi_supervised={n_clusters: 40}", "'digits_semi_supervised.n_clusters': 40"),
    ],
)
def test_invalid_config_stops_before_any_job(tmp_path: Path, override: str, named: str) -> None:
    results = tmp_path / "results"
    result = run_snakemake("--cores", "1", config=[f"results_dir={results}", override])
    assert result.returncode != 0
    assert named in result.stderr
    assert not results.exists(), "no job may run on an invalid config"


def test_too_many_clusters_fails_naming_the_parameter(tmp_path: Path) -> None:
    results = tmp_path / "results"
    target = results / "choose_k_blobs" / "k" / "2001.npz"
    sweep = "choose_k={blobs: {k_range: {start: 2001, stop: 2002}, diagram_k: [], bad_k: [], " \
            "report_k: []}}"
    result = run_snakemake("--cores", "1", str(target), config=[f"results_dir={results}", sweep])
    assert result.returncode != 0
    assert "choose_k.blobs.k_range=2001: more clusters than the 2000 samples" in result.stderr
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


@pytest.mark.parametrize(("budget", "message"), [
    (5000, "label_budget.budgets=5000: more labels than the 1347 training instances"),
    (5, "label_budget.budgets=5: fewer labels than the 10 classes"),
])
def test_impossible_label_budget_fails_naming_the_parameter(tmp_path: Path, budget: int,
                                                            message: str) -> None:
    results = tmp_path / "results"
    target = results / "label_budget_digits" / "runs" / f"random_{budget}.json"
    budgets = f"label_budget={{budgets: [{budget}]}}"
    result = run_snakemake("--cores", "1", str(target), config=[f"results_dir={results}", budgets])
    assert result.returncode != 0
    assert message in result.stderr
    assert not target.exists() and not list(target.parent.glob("*"))


def test_missing_image_is_named_before_any_job(tmp_path: Path) -> None:
    results, image = tmp_path / "results", tmp_path / "no-such-image.png"
    image_config = f"kmeans_segmentation={{image: {image}}}"
    result = run_snakemake("--cores", "1", "segmentation_report",
                           config=[f"results_dir={results}", image_config])
    assert result.returncode != 0 and str(image) in result.stderr
    assert not results.exists()


def test_unreadable_image_fails_naming_the_file(tmp_path: Path) -> None:
    results, image = tmp_path / "results", tmp_path / "broken.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    image_config = f"kmeans_segmentation={{image: {image}}}"
    result = run_snakemake("--cores", "1", "segmentation_report",
                           config=[f"results_dir={results}", image_config])
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


def test_ci_metrics_match_the_baseline(ci_run) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "unsupervised.regression", str(CI_RESULTS / "metrics.json"),
         str(REPO / "tests" / "baseline" / "ci.json")],
        capture_output=True, text=True, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^iris_gmm\.accuracy\s+\|.*\| ok$", result.stdout, re.MULTILINE)


def test_nothing_to_do_right_after_a_run(ci_run) -> None:
    started = time.perf_counter()
    result = run_snakemake("-n", *CI)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0
    assert "Nothing to be done" in result.stdout + result.stderr
    assert elapsed < 10, f"a no-op dry run took {elapsed:.1f} s"


def test_changing_a_parameter_reruns_only_its_experiment(ci_run) -> None:
    result = run_snakemake("-n", *CI, config=["iris_gmm={random_state: 1}"])
    assert jobs_planned(result.stdout) == {"iris_gmm": 1, "gather_metrics": 1, "summary": 1,
                                           "all": 1}


def test_widening_the_k_range_runs_only_the_new_k(ci_run) -> None:
    blobs_k = "choose_k={blobs: {k_range: {start: 1, stop: 11}}}"  # the CI sweep stops at 9
    result = run_snakemake("-n", *CI, config=[blobs_k])
    assert jobs_planned(result.stdout) == {"choose_k_fit": 1, "choose_k_report": 1,
                                           "gather_metrics": 1, "summary": 1, "all": 1}
    assert "results-ci/choose_k_blobs/k/10.npz" in result.stdout


def test_adding_a_label_budget_runs_only_its_jobs(ci_run) -> None:
    result = run_snakemake("-n", *CI, config=["label_budget={budgets: [20, 100, 50]}"])
    assert jobs_planned(result.stdout) == {"label_budget_job": 10, "label_budget_report": 2,
                                           "gather_metrics": 1, "summary": 1, "all": 1}
    assert "results-ci/label_budget_mnist/runs/label_spreading_50.json" in result.stdout


def test_editing_package_code_reruns_the_steps_that_import_it(ci_run, tmp_path: Path) -> None:
    # In a copy of the workflow sharing the prepared data, so the checkout stays untouched.
    copy = tmp_path / "checkout"
    copy.mkdir()
    for part in ("Snakefile", "config", "workflow", "src"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / part)
    shared_data = [f"data_dir={REPO / 'data'}"]
    assert run_snakemake("--cores", "2", *CI, config=shared_data, cwd=copy).returncode == 0
    with open(copy / "src" / "unsupervised" / "summary.py", "a") as module:
        module.write("# edited\n")
    result = run_snakemake("-n", *CI, config=shared_data, cwd=copy)
    assert jobs_planned(result.stdout) == {"summary": 1, "all": 1}


def test_report_holds_captioned_figures_and_metrics(ci_run, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = run_snakemake("--report", str(report), *CI)
    assert result.returncode == 0, result.stderr[-3000:]
    html = report.read_text()
    for expected in ("Introduction: classification vs clustering", "gmm_clusters.png",
                     "classification_vs_clustering.png", "summary.tsv", "Hungarian",
                     "K-Means: choosing the number of clusters", "silhouette_diagrams.png",
                     "image_segmentation.png", "minibatch_vs_kmeans.png", "kneedle",
                     "Clustering for semi-supervised learning", "representative_images.png",
                     "accuracy_vs_labels.png", "cv_accuracy_vs_k.png"):
        assert expected in html
