"""Fetch one dataset file, verified by sha256, from its URLs or the data mirror."""

import logging
from pathlib import Path

from unsupervised.core.step import run_step
from unsupervised.data.download import RemoteFile, fetch, fetch_settings


def main(smk) -> None:
    remote = RemoteFile(
        dataset=smk.wildcards.dataset,
        filename=smk.wildcards.filename,
        urls=tuple(smk.params.urls),
        sha256=frozenset(smk.params.sha256),
    )
    source = fetch(remote, Path(smk.output[0]), **fetch_settings(smk.config))
    logging.getLogger("download").info("%s verified, from %s", smk.output[0], source)


run_step(snakemake, main)  # noqa: F821
