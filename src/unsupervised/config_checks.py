"""Checks of the configuration that a JSON schema cannot express.

Kept free of heavy imports: the Snakefile runs them on every invocation, dry runs included.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """An invalid configuration value; the message names the key and how to fix it."""


def check_config(config: Mapping[str, Any]) -> None:
    """Raise ConfigError on the first empty or inverted range or missing data mirror."""
    for key, value in _ranges(config):
        start, stop = value["start"], value["stop"]
        if start > stop:
            raise ConfigError(
                f"config key {key!r}: inverted range (start {start} > stop {stop}); "
                "swap the two values"
            )
        if start == stop:
            raise ConfigError(
                f"config key {key!r}: empty range (start {start} == stop {stop}; stop is "
                "excluded); make stop larger than start"
            )
    mirror = config.get("data_mirror", "")
    if mirror and not Path(mirror).is_dir():
        raise ConfigError(
            f"config key 'data_mirror': folder {mirror!r} does not exist; point it at a folder "
            "laid out as <dataset>/<file> (like ../shared/datasets) or set it to \"\" to download"
        )


def _ranges(node: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, int]]]:
    if isinstance(node, Mapping):
        if {"start", "stop"} <= node.keys():
            yield path, node
            return
        for key, value in node.items():
            yield from _ranges(value, f"{path}.{key}" if path else str(key))
