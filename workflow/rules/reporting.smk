# The run as a whole: every experiment's metrics in one file, and the run beside the chapter.


# On a cluster, the aggregations run on the submitting host: they read small files and take
# less time than a job's submission.
localrules:
    gather_metrics,
    summary,


rule gather_metrics:
    input:
        metrics=experiment_metrics(),
    output:
        metrics=f"{RESULTS}/metrics.json",
    script:
        STEP


rule summary:
    input:
        metrics=rules.gather_metrics.output.metrics,
        chapter_values="workflow/report/chapter_values.yaml",
    output:
        markdown=f"{RESULTS}/summary.md",
        table=report(
            f"{RESULTS}/summary.tsv",
            caption="../report/summary.rst",
            category="Metrics",
        ),
    params:
        sections={name: experiment.section for name, experiment in EXPERIMENTS.items()},
    script:
        STEP
