"""Fetch one dataset file, verified by sha256, from its URLs or the data mirror."""

import logging
from pathlib import Path

from unsupervised.core.step import run_step
from unsupervised.data.download import RemoteFile, fetch


def main(smk) -> None:
    remote = RemoteFile(
        dataset=smk.wildcards.dataset,
        filename=smk.wildcards.filename,
        urls=tuple(smk.params.urls),
        sha256=frozenset(smk.params.sha256),
    )
    # Where and how the file is fetched is read from the config, not from params: it does
    # not change the verified file, so switching to or from a mirror must not rerun anything.
    mirror = smk.config["data_mirror"]
    settings = smk.config["download"]
    source = fetch(
        remote,
        Path(smk.output[0]),
        mirror=Path(mirror) if mirror else None,
        retries=settings["retries"],
        retry_delay_s=settings["retry_delay_s"],
        timeout_s=settings["timeout_s"],
    )
    logging.getLogger("download").info("%s verified, from %s", smk.output[0], source)


run_step(snakemake, main)  # noqa: F821
