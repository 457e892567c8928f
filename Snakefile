# Experiments of the "Unsupervised Learning Techniques" chapter as a Snakemake workflow.
# Run everything: snakemake      (every core, from profiles/default; see README.md)

import os
import sys

from snakemake.utils import min_version, update_config

min_version("9.0")

# The scientific code lives in src/unsupervised; the Snakefile and every job import it from
# this checkout, whether or not it is installed in the environment running them.
SRC = os.path.join(workflow.basedir, "src")
sys.path.insert(0, SRC)
os.environ.update(PYTHONPATH=os.pathsep.join(filter(None, [SRC, os.environ.get("PYTHONPATH")])))

from unsupervised.core.config_checks import (
    check_config,
    check_relations,
    typed_overrides,
    validate_config,
)


configfile: "config/config.yaml"


update_config(config, typed_overrides(workflow.config_settings.overwrite_config))

validate_config(config, "workflow/schemas/config.schema.yaml")
check_config(config)
check_relations(config)


report: "workflow/report/workflow.rst"


wildcard_constraints:
    dataset=r"[a-z0-9_]+",
    filename=r"[A-Za-z0-9_.-]+",
    seed=r"\d+",


include: "workflow/rules/common.smk"
include: "workflow/rules/datasets.smk"
# The chapter's sections, in its order (the order of the report and of results/summary.md).
include: "workflow/rules/introduction.smk"
include: "workflow/rules/kmeans.smk"
include: "workflow/rules/preprocessing.smk"
include: "workflow/rules/semi_supervised.smk"
include: "workflow/rules/clustering_algorithms.smk"
include: "workflow/rules/gaussian_mixtures.smk"
include: "workflow/rules/olivetti.smk"
include: "workflow/rules/claims.smk"
include: "workflow/rules/reporting.smk"


# Every dataset, figure and table, the summary, and the record of the run (run_record's
# inputs are everything else).
rule all:
    default_target: True
    input:
        rules.run_record.input.outputs,
        rules.run_record.output,
