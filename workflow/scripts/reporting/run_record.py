"""Write results/run/: the run's effective configuration and what it ran with."""

from datetime import UTC, datetime
from pathlib import Path

import yaml

from unsupervised.core.io import write_text
from unsupervised.core.step import run_step
from unsupervised.reporting.run_record import provenance


def main(smk) -> None:
    requirements = Path(smk.input.requirements)  # the workflow's, at the top of its checkout
    record = provenance(requirements.parent, requirements.read_text(), datetime.now(UTC))
    write_text(smk.output.config, yaml.safe_dump(smk.params.config, sort_keys=False))
    write_text(smk.output.provenance, yaml.safe_dump(record, sort_keys=False))


run_step(snakemake, main)  # noqa: F821
