"""Integer ranges as the config writes them: ``{start, stop, step}``, stop excluded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def int_range(spec: Mapping[str, int]) -> range:
    return range(spec["start"], spec["stop"], spec.get("step", 1))


def k_chunks(ks: Sequence[int], size: int) -> dict[str, list[int]]:
    """Group ks into chunks aligned on multiples of `size`, named "<first>_<last>", so that
    widening the range adds chunks without changing the existing full ones."""
    chunks: dict[int, list[int]] = {}
    for k in ks:
        chunks.setdefault(k // size, []).append(k)
    return {f"{members[0]}_{members[-1]}": members for members in chunks.values()}
