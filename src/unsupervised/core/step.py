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

from unsupervised.core.settings import SettingError  # noqa: E402


def blas_kernels() -> str:
    """The kernels each loaded OpenBLAS picked for this CPU (OPENBLAS_CORETYPE overrides it):
    results may differ in their last bits from one kernel to another."""
    return (
        ", ".join(
            sorted(
                {
                    pool["architecture"]
                    for pool in threadpool_info()
                    if pool.get("internal_api") == "openblas"
                }
            )
        )
        or "none"
    )


# Params for the workflow, the step runner and the result writer; every other param is the
# experiment's. `code` is the fingerprint of the code the rule runs (see code_deps), so that
# editing it reruns the rule; `metrics_only` marks a seed replica, which writes no figure or
# table.
RUNNER_PARAMS = ("code", "dpi", "setting_keys", "metrics_only")


def settings(smk: Any) -> dict[str, Any]:
    """The rule's params meant for the experiment function (all but RUNNER_PARAMS)."""
    return {name: value for name, value in smk.params.items() if name not in RUNNER_PARAMS}


def setting_key(smk: Any, setting: str) -> str:
    """The config key that sets `setting` of the rule: the rule's ``params.setting_keys`` entry,
    else the key of that name (a.b: key b inside key a) in the config block of the rule's step:
    the block named after the rule, or after the experiment a helper step <experiment>_<what>
    serves."""
    keys = smk.params.get("setting_keys") or {}
    if setting in keys:
        return keys[setting]
    config = getattr(smk, "config", {})
    owners = [key for key in config if smk.rule == key or smk.rule.startswith(f"{key}_")]
    for block in sorted(owners, key=len, reverse=True):
        values = config[block]
        for part in setting.split("."):
            values = values.get(part, KeyError) if isinstance(values, dict) else KeyError
        if values is not KeyError:
            return f"{block}.{setting}"
    return setting


def run_step(smk: Any, main: Callable[[Any], None]) -> None:
    """Call ``main(smk)`` with logging, warnings and any traceback sent to ``smk.log[0]``.

    `smk` is the ``snakemake`` object Snakemake gives a script. numpy/BLAS use at most
    the rule's ``threads``. A SettingError is renamed after the config key of the setting
    (see setting_key).
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
    except SettingError as error:
        named = error.renamed(setting_key(smk, error.setting))
        log.error("rule %s failed: %s", smk.rule, named)
        raise named from None
    except Exception:
        log.exception("rule %s failed", smk.rule)
        raise
    log.info("rule %s done", smk.rule)
