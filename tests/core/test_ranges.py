"""Integer ranges and chunks of k as the rules use them."""

from __future__ import annotations

from unsupervised.core.ranges import int_range, k_chunks


def test_int_range_excludes_stop_and_steps() -> None:
    assert list(int_range({"start": 1, "stop": 10, "step": 4})) == [1, 5, 9]
    assert list(int_range({"start": 2, "stop": 5})) == [2, 3, 4]


def test_k_chunks_are_aligned_so_widening_keeps_full_chunks() -> None:
    assert k_chunks(range(2, 25), 10) == {
        "2_9": list(range(2, 10)),
        "10_19": list(range(10, 20)),
        "20_24": list(range(20, 25)),
    }
    wider = k_chunks(range(2, 35), 10)
    assert wider["10_19"] == list(range(10, 20)) and "30_34" in wider
