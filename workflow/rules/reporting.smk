# The run as a whole: every experiment's metrics in one file, the run beside the chapter,
# and the record of what it ran with.


# The chapter's own experiments at the chapter's parameters: the book reproduced, with the two
# figures drawn by rules that write no metrics of their own.
rule chapter:
    input:
        experiment_metrics("chapter"),
        rules.iris_gmm_species.output,
        rules.choose_k_bad_k.output,


# What this workflow adds beyond the chapter.
rule beyond:
    input:
        experiment_metrics("beyond"),


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
    log:
        f"{RESULTS}/logs/gather_metrics.log",
    benchmark:
        f"{RESULTS}/benchmarks/gather_metrics.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("gather_metrics"),
    params:
        code=code_of("reporting/gather_metrics.py"),
    script:
        "../scripts/reporting/gather_metrics.py"


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
    log:
        f"{RESULTS}/logs/summary.log",
    benchmark:
        f"{RESULTS}/benchmarks/summary.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("summary"),
    params:
        sections={name: experiment.section for name, experiment in EXPERIMENTS.items()},
        code=code_of("reporting/summary.py"),
    script:
        "../scripts/reporting/summary.py"


# Written once every output of the default target is, and again when any of them is rebuilt
# or the configuration changes (a param): so it says what made the results beside it, and
# an unchanged run rewrites nothing.
rule run_record:
    input:
        outputs=[*DATASETS, *rules.chapter.input, *rules.beyond.input, *rules.summary.output],
        requirements=os.path.join(workflow.basedir, "requirements.txt"),
    output:
        config=f"{RESULTS}/run/config.yaml",
        provenance=f"{RESULTS}/run/provenance.yaml",
    log:
        f"{RESULTS}/logs/run_record.log",
    benchmark:
        f"{RESULTS}/benchmarks/run_record.tsv"
    conda:
        "../envs/pipeline.yaml"
    resources:
        **measured("run_record"),
    params:
        config=config,
        code=code_of("reporting/run_record.py"),
    script:
        "../scripts/reporting/run_record.py"
