"""Integer ranges as the config writes them: ``{start, stop, step}``, stop excluded."""

from __future__ import annotations

from collections.abc import Mapping


def int_range(spec: Mapping[str, int]) -> range:
    return range(spec["start"], spec["stop"], spec.get("step", 1))
