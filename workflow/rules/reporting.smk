# The run as a whole: every experiment's metrics in one file, the run beside the chapter,
# and the record of what it ran with.


# On a cluster, the aggregations run on the submitting host: they read small files and take
# less time than a job's submission.
localrules:
    gather_metrics,
    summary,
    run_record,


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


# Written once every output of the default target is, and again when any of them is rebuilt
# or the configuration changes (a param): so it says what made the results beside it, and
# an unchanged run rewrites nothing.
rule run_record:
    input:
        outputs=[*DATASETS, *FIGURES["chapter"], *FIGURES["beyond"], *rules.summary.output],
        requirements=os.path.join(workflow.basedir, "requirements.txt"),
    output:
        config=f"{RESULTS}/run/config.yaml",
        provenance=f"{RESULTS}/run/provenance.yaml",
    params:
        config=config,
    script:
        STEP
