"""The clustering benchmark suite's files, read as the suite defines them, on tiny copies."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO, data_mirror

from unsupervised.core.config_checks import ConfigError
from unsupervised.data.clustbench import (
    SuiteError,
    battery_files,
    check_selection,
    load_battery,
    read_dataset,
    read_manifest,
    remote_file,
    save_battery,
)

MANIFEST = REPO / "workflow" / "clustbench.sha256"


def write_gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt") as handle:
        handle.write(text)


def toy_files(folder: Path, labels: str = "1\n1\n0\n2\n") -> dict[str, Path]:
    """A dataset toy/tiny of four points, one of them noise, and one method's partitions."""
    files = {
        "clustbench/toy/tiny.data.gz": "0.5 1\n0.6 1.1\n9 9\n5 -2\n",
        "clustbench/toy/tiny.labels0.gz": labels,
        "clustbench-results/Genie/toy/tiny.result2.gz": '"Genie_G0.1","Genie_G0.3"\n'
        "1,1\n1,1\n2,1\n2,2\n",
    }
    local = {}
    for path, text in files.items():
        local[path] = folder / path
        write_gz(local[path], text)
    local["clustbench/toy/tiny.txt"] = folder / "tiny.txt"
    local["clustbench/toy/tiny.txt"].write_text("A toy set, cite nobody.\n")
    return local


def test_a_dataset_reads_as_the_suite_defines_it_and_survives_its_bundle(tmp_path: Path) -> None:
    dataset = read_dataset("toy", "tiny", toy_files(tmp_path))
    assert dataset.X.shape == (4, 2) and dataset.X[3, 1] == -2
    assert dataset.labels.tolist() == [1, 1, 0, 2] and dataset.k == 2
    assert dataset.published["Genie"]["Genie_G0.3"].tolist() == [1, 1, 1, 2]
    save_battery(tmp_path / "toy.npz", [dataset])
    (loaded,) = load_battery(tmp_path / "toy.npz", "toy")
    assert loaded.key == "toy/tiny" and loaded.source == "A toy set, cite nobody.\n"
    assert np.array_equal(loaded.X, dataset.X) and np.array_equal(loaded.labels, dataset.labels)
    assert loaded.published["Genie"]["Genie_G0.1"].tolist() == [1, 1, 2, 2]


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ("1\n1\n2\n", "dataset toy/tiny: 3 labels .* for 4 rows"),
        ("1\n1\n0\n-1\n", "dataset toy/tiny: labels0 must be 0 .* got -1..1"),
        ("1\nx\n0\n2\n", "dataset toy/tiny: unreadable"),
    ],
)
def test_labels_that_do_not_match_the_rows_stop_naming_the_dataset(
    tmp_path: Path, labels: str, message: str
) -> None:
    with pytest.raises(SuiteError, match=message):
        read_dataset("toy", "tiny", toy_files(tmp_path, labels))


def test_a_published_partition_of_another_length_is_named(tmp_path: Path) -> None:
    files = toy_files(tmp_path)
    write_gz(files["clustbench-results/Genie/toy/tiny.result2.gz"], '"Genie_G0.3"\n1\n2\n')
    with pytest.raises(SuiteError, match="toy/tiny: .*tiny.result2.gz holds 2 rows"):
        read_dataset("toy", "tiny", files)


def test_the_manifest_names_each_dataset_s_files_and_where_they_come_from() -> None:
    manifest = read_manifest(MANIFEST)
    files = battery_files(manifest, "fcps", ["hepta"])["hepta"]
    assert files[:3] == [
        "clustbench/fcps/hepta.data.gz",
        "clustbench/fcps/hepta.labels0.gz",
        "clustbench/fcps/hepta.txt",
    ]
    assert sorted(path.split("/")[1] for path in files[3:]) == [
        "Genie",
        "fastcluster_ward",
        "sklearn_gm",
        "sklearn_kmeans",
    ]
    remote = remote_file(files[0], manifest[files[0]], {"clustbench": "https://host/data/"})
    assert remote.urls == ("https://host/data/fcps/hepta.data.gz",)
    assert (remote.dataset, remote.filename) == ("clustbench/fcps", "hepta.data.gz")


@pytest.mark.parametrize(
    ("batteries", "message"),
    [
        (
            {"fcps": ["hepta", "no_such_set"]},
            "'datasets.clustbench.batteries.fcps': unknown dataset fcps/no_such_set",
        ),
        ({"nowhere": ["hepta"]}, "'datasets.clustbench.batteries.nowhere': unknown battery"),
    ],
)
def test_an_unknown_battery_or_dataset_is_named(batteries: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        check_selection(MANIFEST, batteries, "datasets.clustbench.batteries")


@pytest.mark.skipif(data_mirror() is None, reason="no data mirror")
def test_every_file_of_the_manifest_is_in_the_mirror_with_its_digest() -> None:
    listed = {
        line.split()[1].removeprefix("./"): line.split()[0]
        for line in (data_mirror() / "SHA256SUMS").read_text().splitlines()
    }
    manifest = read_manifest(MANIFEST)
    assert {path: listed.get(path) for path in manifest} == manifest
