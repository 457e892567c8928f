# Aggregation: every experiment's metrics in one file, and the run beside the chapter.


rule gather_metrics:
    input:
        metrics=expand(f"{RESULTS}/{{experiment}}/metrics.json", experiment=EXPERIMENTS),
        code=package_code("gather_metrics.py"),
    output:
        metrics=f"{RESULTS}/metrics.json",
    log:
        results_log("gather_metrics"),
    benchmark:
        results_benchmark("gather_metrics")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/gather_metrics.py"


rule summary:
    input:
        metrics=rules.gather_metrics.output.metrics,
        chapter_values="workflow/report/chapter_values.yaml",
        code=package_code("summary.py"),
    output:
        markdown=f"{RESULTS}/summary.md",
        table=report(
            f"{RESULTS}/summary.tsv",
            caption="../report/summary.rst",
            category="Metrics",
        ),
    params:
        sections=EXPERIMENTS,
    log:
        results_log("summary"),
    benchmark:
        results_benchmark("summary")
    threads: 1
    conda:
        ENV
    script:
        "../scripts/summary.py"
