"""Run a workflow step: log to the rule's log file, cap BLAS threads, keep plotting headless."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from collections.abc import Callable
from typing import Any

os.environ.setdefault("MPLBACKEND", "Agg")

from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402


def blas_kernels() -> str:
    """The kernels each loaded OpenBLAS picked for this CPU (OPENBLAS_CORETYPE overrides it):
    results may differ in their last bits from one kernel to another."""
    return ", ".join(sorted({pool["architecture"] for pool in threadpool_info()
                             if pool.get("internal_api") == "openblas"})) or "none"


def run_step(smk: Any, main: Callable[[Any], None]) -> None:
    """Call ``main(smk)`` with logging, warnings and any traceback sent to ``smk.log[0]``.

    `smk` is the ``snakemake`` object Snakemake gives a script. numpy/BLAS use at most
    the rule's ``threads``.
    """
    log_path = smk.log[0]
    handler = logging.FileHandler(log_path, mode="w")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler, logging.StreamHandler(sys.stderr)]
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    warnings.simplefilter("default")
    log = logging.getLogger(f"step.{smk.rule}")
    log.info("rule %s, %d thread(s), params %s", smk.rule, smk.threads, dict(smk.params.items()))
    log.info("BLAS kernels %s", blas_kernels())
    try:
        with threadpool_limits(limits=smk.threads):
            main(smk)
    except Exception:
        log.exception("rule %s failed", smk.rule)
        raise
    log.info("rule %s done", smk.rule)
