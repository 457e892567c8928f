"""Fetch the files of one battery of the clustering benchmark suite (its datasets and their
published partitions), each verified by sha256, and bundle the datasets, checked."""

import logging
import tempfile
from pathlib import Path

from unsupervised.core.step import run_step
from unsupervised.data.clustbench import (
    battery_files,
    read_dataset,
    read_manifest,
    remote_file,
    save_battery,
)
from unsupervised.data.download import fetch, fetch_settings


def main(smk) -> None:
    battery, manifest = smk.wildcards.battery, read_manifest(smk.input.manifest)
    files = battery_files(manifest, battery, smk.params.datasets)
    with tempfile.TemporaryDirectory() as folder:
        local = {path: Path(folder, path) for paths in files.values() for path in paths}
        for path, destination in local.items():
            fetch(
                remote_file(path, manifest[path], smk.params.urls),
                destination,
                **fetch_settings(smk.config),
            )
        save_battery(smk.output.bundle, [read_dataset(battery, name, local) for name in files])
    logging.getLogger("download").info(
        "%s: %d datasets, %d files verified", battery, len(files), len(local)
    )


run_step(snakemake, main)  # noqa: F821
