# Experiments of the "Unsupervised Learning Techniques" chapter as a Snakemake workflow.
# Run everything: snakemake      (every core, from profiles/default; see README.md)

import os
import sys

from snakemake.exceptions import WorkflowError
from snakemake.utils import min_version, update_config, validate

min_version("9.0")

# The scientific code lives in src/unsupervised; the Snakefile and every job import it from
# this checkout, whether or not it is installed in the environment running them.
SRC = os.path.join(workflow.basedir, "src")
sys.path.insert(0, SRC)
os.environ.update(PYTHONPATH=os.pathsep.join(filter(None, [SRC, os.environ.get("PYTHONPATH")])))

from unsupervised.config_checks import (
    ConfigError,
    check_config,
    explain_schema_error,
    typed_overrides,
)


configfile: "config/config.yaml"


update_config(config, typed_overrides(workflow.config_settings.overwrite_config))

try:
    validate(config, "workflow/schemas/config.schema.yaml")
except WorkflowError as error:
    raise ConfigError(explain_schema_error(error)) from None
check_config(config)


report: "workflow/report/workflow.rst"


wildcard_constraints:
    dataset=r"[a-z0-9_]+",
    filename=r"[A-Za-z0-9_.-]+",


include: "workflow/rules/common.smk"
include: "workflow/rules/datasets.smk"
include: "workflow/rules/classification_vs_clustering.smk"
include: "workflow/rules/kmeans.smk"
include: "workflow/rules/semi_supervised.smk"
include: "workflow/rules/metrics.smk"


rule all:
    default_target: True
    input:
        DATASETS,
        TARGETS,
        rules.gather_metrics.output,
        rules.summary.output,
