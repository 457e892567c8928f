"""Per-rule measurements from a run's log and benchmark files."""

from __future__ import annotations

from pathlib import Path

from unsupervised.reporting.resources import (
    JOB_SNAKEMAKE_MB,
    UNMEASURED,
    Job,
    declared_resources,
    fits_its_request,
    format_table,
    logged_jobs,
    main,
    measure_rules,
    read_measurements,
    with_headroom,
)

LOG = """\
[Wed Dec  2 09:58:24 2026]
localrule label_budget_job:
    input: results/splits/mnist.npz
    output: results/label_budget_mnist/runs/random_10.json
    log: results/logs/label_budget_job/mnist/random_10.log
    jobid: 3
    benchmark: results/benchmarks/label_budget_job/mnist/random_10.tsv
    resources: tmpdir=/tmp, mem_mb=600, mem_mib=573, runtime=5
    threads: 1

[Wed Dec  2 09:58:25 2026]
rule label_budget_job:
    output: results/label_budget_mnist/runs/random_20.json
    benchmark: results/benchmarks/label_budget_job/mnist/random_20.tsv

rule all:
    input: results/metrics.json
    jobid: 0

rule gather_metrics:
    benchmark: results/benchmarks/gather_metrics.tsv
Finished jobid: 3 (Rule: label_budget_job)
"""
HEADER = "s\th:m:s\tmax_rss\tmax_vms\tmax_uss\tmax_pss\tio_in\tio_out\tmean_load\tcpu_time\n"


def write_benchmark(root: Path, path: str, seconds: float, rss: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(HEADER + f"{seconds}\t0:00:01\t{rss}\t1\t1\t1\t0\t0\t50\t1\n")


def test_each_job_is_paired_with_its_rule_benchmark_resources_and_host() -> None:
    assert logged_jobs(LOG) == [
        Job(
            "label_budget_job",
            "results/benchmarks/label_budget_job/mnist/random_10.tsv",
            {"tmpdir": "/tmp", "mem_mb": "600", "mem_mib": "573", "runtime": "5"},
            local=True,
        ),
        Job(
            "label_budget_job",
            "results/benchmarks/label_budget_job/mnist/random_20.tsv",
            {},
            local=False,
        ),
        Job("gather_metrics", "results/benchmarks/gather_metrics.tsv", {}, local=False),
    ]


def test_a_rule_gets_its_longest_job_and_largest_peak(tmp_path: Path) -> None:
    write_benchmark(
        tmp_path, "results/benchmarks/label_budget_job/mnist/random_10.tsv", 2.5, "300.5"
    )
    write_benchmark(
        tmp_path, "results/benchmarks/label_budget_job/mnist/random_20.tsv", 4.0, "120.0"
    )
    write_benchmark(tmp_path, "results/benchmarks/gather_metrics.tsv", 0.5, "NA")
    measured = measure_rules(logged_jobs(LOG), tmp_path)
    assert [(m.rule, m.jobs, m.max_seconds, m.total_seconds, m.max_rss_mb) for m in measured] == [
        ("label_budget_job", 2, 4.0, 6.5, 300.5),
        ("gather_metrics", 1, 0.5, 0.5, 0.0),
    ]
    assert "| label_budget_job | 2 | 4.0 | 6.5 | 300 |" in format_table(measured)


def test_jobs_whose_benchmark_is_missing_are_left_out(tmp_path: Path) -> None:
    write_benchmark(tmp_path, "results/benchmarks/gather_metrics.tsv", 0.5, "70")
    assert [m.rule for m in measure_rules(logged_jobs(LOG), tmp_path)] == ["gather_metrics"]


def test_a_declaration_leaves_a_quarter_free_with_the_job_steps_snakemake() -> None:
    for peak_mb in (0, 99, 350, 728.9, 2000, 12345):
        declared = with_headroom(peak_mb)
        assert declared >= 500 and declared % 100 == 0
        assert fits_its_request(peak_mb, declared)
    assert with_headroom(728.9) == 1400  # 1.5 x 878.9 = 1318 MB, rounded up
    assert with_headroom(10) == 500


def test_a_rule_declares_three_times_its_longest_job_and_at_least_five_minutes() -> None:
    assert declared_resources(728.9, 400) == {"mem_mb": 1400, "runtime": 20}
    assert declared_resources(10, 1) == {"mem_mb": 500, "runtime": 5}
    assert declared_resources(*UNMEASURED) == {"mem_mb": 1800, "runtime": 30}


def test_a_peak_too_close_to_its_request_does_not_fit() -> None:
    assert fits_its_request(600 - JOB_SNAKEMAKE_MB, 800)
    assert not fits_its_request(601 - JOB_SNAKEMAKE_MB, 800)


def test_an_update_keeps_the_largest_of_the_file_and_the_run(tmp_path: Path) -> None:
    write_benchmark(
        tmp_path, "results/benchmarks/label_budget_job/mnist/random_10.tsv", 2.5, "300.5"
    )
    write_benchmark(tmp_path, "results/benchmarks/gather_metrics.tsv", 0.2, "70")
    (tmp_path / "run.log").write_text(LOG)
    declared = tmp_path / "resources.yaml"
    declared.write_text(
        "# before\nlabel_budget_job: [250, 9]\ngather_metrics: [60, 1]\ndownload: [74, 1]\n"
    )
    main([str(tmp_path / "run.log"), "--root", str(tmp_path), "--update", str(declared)])
    assert read_measurements(declared) == {
        "label_budget_job": (301, 9),  # run's peak, file's time
        "gather_metrics": (70, 1),
        "download": (74, 1),
    }  # not in the run: kept
    assert declared.read_text().startswith("# Measured by python -m unsupervised.reporting")
