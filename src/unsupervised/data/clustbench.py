"""The Benchmark Suite for Clustering Algorithms (Gagolewski, SoftwareX 20:101270, 2022) as
its files define it: per dataset, points as whitespace-separated text (``<name>.data.gz``), the
reference partition ``<name>.labels0.gz`` (0 = noise, clusters 1..k) and its source
(``<name>.txt``); per method, published partitions at the reference's k
(``<method>/<battery>/<name>.result<k>.gz``, a CSV of variants). A battery's datasets are kept
together, checked, in one ``.npz`` bundle."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from unsupervised.core.config_checks import ConfigError
from unsupervised.core.io import atomic_path
from unsupervised.data.download import RemoteFile

DATA = "clustbench"  # the suite's data files: clustbench/<battery>/<file>
RESULTS = "clustbench-results"  # published partitions: clustbench-results/<method>/<battery>/<file>
SUFFIXES = (".data.gz", ".labels0.gz", ".txt")


class SuiteError(ValueError):
    """A dataset of the suite unknown, missing or not as the suite defines it."""


@dataclass(frozen=True)
class SuiteDataset:
    """One dataset: its points, its reference partition, the published partitions of each
    method (method -> variant -> labels 1..k) and the text citing its source."""

    battery: str
    name: str
    X: np.ndarray
    labels: np.ndarray
    published: Mapping[str, Mapping[str, np.ndarray]] = field(default_factory=dict)
    source: str = ""

    @property
    def key(self) -> str:
        return f"{self.battery}/{self.name}"

    @property
    def k(self) -> int:
        """The number of clusters of the reference partition."""
        return int(self.labels.max())


def read_manifest(path: str | Path) -> dict[str, str]:
    """The suite's files and their sha256, from a sha256sum listing: relative path -> digest."""
    entries = (line.split(maxsplit=1) for line in Path(path).read_text().splitlines() if line)
    return {name.strip(): digest for digest, name in entries}


def battery_files(
    manifest: Mapping[str, str], battery: str, datasets: Iterable[str]
) -> dict[str, list[str]]:
    """Per dataset of `battery`, the manifest's files it needs: its data, reference labels and
    source, and every method's published partition. Raises SuiteError naming an unknown battery
    or dataset."""
    known = {
        re.sub(r"\.data\.gz$", "", Path(path).name)
        for path in manifest
        if path.startswith(f"{DATA}/{battery}/") and path.endswith(".data.gz")
    }
    if not known:
        batteries = sorted({path.split("/")[1] for path in manifest if path.startswith(f"{DATA}/")})
        raise SuiteError(f"unknown battery {battery!r}; the suite's batteries: {batteries}")
    files = {}
    for name in datasets:
        if name not in known:
            raise SuiteError(f"unknown dataset {battery}/{name}; {battery} holds {sorted(known)}")
        own = [f"{DATA}/{battery}/{name}{suffix}" for suffix in SUFFIXES]
        published = sorted(path for path in manifest if published_method(path, battery, name))
        files[name] = [*own, *published]
    return files


def published_method(path: str, battery: str, name: str) -> str | None:
    """The method whose published partition of `battery`/`name` the manifest's `path` holds
    (clustbench-results/<method>/<battery>/<name>.result<k>.gz), or None."""
    match = re.fullmatch(rf"{RESULTS}/(\w+)/{battery}/{re.escape(name)}\.result\d+\.gz", path)
    return match.group(1) if match else None


def check_selection(
    manifest_path: str | Path, batteries: Mapping[str, Iterable[str]], key: str
) -> None:
    """Raise ConfigError naming `key` (the config key of `batteries`: battery -> datasets) if
    one of them is not in the suite's manifest."""
    manifest = read_manifest(manifest_path)
    for battery, names in batteries.items():
        try:
            battery_files(manifest, battery, names)
        except SuiteError as error:
            raise ConfigError(f"config key '{key}.{battery}': {error}") from None


def remote_file(path: str, sha256: str, urls: Mapping[str, str]) -> RemoteFile:
    """The manifest's file `path` (``<folder>/<rest>``) as a download: from the URL of its top
    folder (`urls`: folder -> base URL) followed by the rest of its path; in a data mirror, at
    ``<mirror>/<path>``."""
    folder, rest = path.split("/", 1)
    return RemoteFile(
        dataset=str(Path(path).parent),
        filename=Path(path).name,
        urls=(f"{urls[folder].rstrip('/')}/{rest}",),
        sha256=frozenset({sha256}),
    )


def read_dataset(battery: str, name: str, files: Mapping[str, Path]) -> SuiteDataset:
    """The dataset `battery`/`name` from its files (relative path as in the manifest -> local
    path), checked: numbers in every row, one label per row, published partitions as long."""
    stem = f"{DATA}/{battery}/{name}"
    where = f"dataset {battery}/{name}"
    try:
        X = np.loadtxt(files[f"{stem}.data.gz"], ndmin=2)
        labels = np.loadtxt(files[f"{stem}.labels0.gz"], dtype=int, ndmin=1)
    except (ValueError, OSError, EOFError) as error:
        raise SuiteError(f"{where}: unreadable ({error})") from None
    if not np.isfinite(X).all():
        raise SuiteError(f"{where}: non-finite values in {stem}.data.gz")
    if len(labels) != len(X):
        raise SuiteError(
            f"{where}: {len(labels)} labels in {stem}.labels0.gz for {len(X)} rows "
            f"in {stem}.data.gz"
        )
    if labels.min() < 0 or labels.max() < 1:
        raise SuiteError(
            f"{where}: labels0 must be 0 (noise) or clusters 1..k, got "
            f"{labels.min()}..{labels.max()}"
        )
    published = {
        method: read_published(local, len(X), where)
        for path, local in files.items()
        if (method := published_method(path, battery, name))
    }
    source = Path(files[f"{stem}.txt"]).read_text()
    return SuiteDataset(battery, name, X, labels, published, source)


def read_published(path: str | Path, n: int, where: str) -> dict[str, np.ndarray]:
    """Variant -> labels of a published result file: a gzipped CSV whose first row names the
    variants (quoted) and whose `n` rows hold each variant's labels."""
    try:
        with gzip.open(path, "rt") as handle:
            variants = [name.strip().strip('"') for name in handle.readline().split(",")]
            table = np.loadtxt(handle, delimiter=",", dtype=int, ndmin=2)
    except (ValueError, OSError, EOFError) as error:
        raise SuiteError(f"{where}: {path} unreadable ({error})") from None
    if table.shape != (n, len(variants)):
        raise SuiteError(
            f"{where}: {path} holds {table.shape[0]} rows of {table.shape[1]} "
            f"variants, expected {n} rows of {len(variants)}"
        )
    return {variant: table[:, column] for column, variant in enumerate(variants)}


def save_battery(path: str | Path, datasets: Iterable[SuiteDataset]) -> None:
    """Write a battery's datasets to one .npz bundle, atomically."""
    arrays: dict[str, np.ndarray] = {}
    for dataset in datasets:
        arrays[f"{dataset.name}/X"] = dataset.X
        arrays[f"{dataset.name}/labels"] = dataset.labels
        arrays[f"{dataset.name}/source"] = np.array(dataset.source)
        for method, variants in dataset.published.items():
            for variant, labels in variants.items():
                arrays[f"{dataset.name}/published/{method}/{variant}"] = labels
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        np.savez_compressed(handle, **arrays)


def load_batteries(paths: Iterable[str | Path]) -> list[SuiteDataset]:
    """The datasets of the bundles at `paths`, each named <battery>.npz, in their order."""
    return [dataset for path in paths for dataset in load_battery(path, Path(path).stem)]


def load_battery(path: str | Path, battery: str) -> list[SuiteDataset]:
    """The datasets of a bundle written by save_battery, in the order they were saved."""
    with np.load(path) as bundle:
        arrays = {key: bundle[key] for key in bundle.files}
    names = list(dict.fromkeys(key.split("/")[0] for key in arrays))
    datasets = []
    for name in names:
        published: dict[str, dict[str, np.ndarray]] = {}
        for key, labels in arrays.items():
            parts = key.split("/")
            if parts[0] == name and parts[1] == "published":
                published.setdefault(parts[2], {})[parts[3]] = labels
        datasets.append(
            SuiteDataset(
                battery,
                name,
                arrays[f"{name}/X"],
                arrays[f"{name}/labels"],
                published,
                str(arrays[f"{name}/source"]),
            )
        )
    return datasets
