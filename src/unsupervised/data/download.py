"""Fetch a dataset file from its URLs or a local mirror, verified by sha256, written atomically."""

from __future__ import annotations

import hashlib
import http.client
import logging
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from unsupervised.core.io import atomic_path

log = logging.getLogger(__name__)

CHUNK_BYTES = 1 << 20
USER_AGENT = "unsupervised-pipeline/0.1 (python urllib)"


@dataclass(frozen=True)
class RemoteFile:
    """One file of a dataset: where it can be fetched from and the digests it may have."""

    dataset: str
    filename: str
    urls: tuple[str, ...]
    sha256: frozenset[str]

    def describe(self) -> str:
        return f"dataset {self.dataset!r}, file {self.filename!r}"


class DownloadError(RuntimeError):
    """A dataset file could not be obtained; the message says what the user can do."""


class _TransientError(Exception):
    """A failure worth retrying: connection trouble, timeouts, server errors, cut transfers."""


class _RejectedError(Exception):
    """A failure that retrying the same URL will not fix: 4xx statuses, checksum mismatches."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def fetch_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """fetch's keyword arguments from the workflow's config: its data mirror and download
    settings. Read from the config, not from a rule's params: where and how a file is fetched
    does not change the verified file, so switching to or from a mirror must not rerun anything."""
    mirror, settings = config["data_mirror"], config["download"]
    return {
        "mirror": Path(mirror) if mirror else None,
        "retries": settings["retries"],
        "retry_delay_s": settings["retry_delay_s"],
        "timeout_s": settings["timeout_s"],
    }


def fetch(
    remote: RemoteFile,
    dest: Path,
    *,
    mirror: Path | None = None,
    retries: int = 3,
    retry_delay_s: float = 2.0,
    timeout_s: float = 60.0,
) -> str:
    """Place a verified copy of `remote` at `dest` and return where it came from.

    With `mirror`, the file is read from ``mirror/<dataset>/<filename>`` instead of the
    network. Either way nothing is left at `dest` unless the sha256 matches.
    """
    if mirror is not None:
        return _copy_from_mirror(remote, dest, mirror)
    failures: list[str] = []
    for url in remote.urls:
        try:
            _download_with_retries(remote, url, dest, retries, retry_delay_s, timeout_s)
            return url
        except (_TransientError, _RejectedError) as error:
            failures.append(f"  {url}: {error}")
    raise DownloadError(
        f"Could not fetch {remote.describe()}:\n"
        + "\n".join(failures)
        + "\nCheck the network connection, or put a copy of the file at "
        f"<DIR>/{remote.dataset}/{remote.filename} and run with --config data_mirror=<DIR> "
        "(or DATA_MIRROR=<DIR> make ...). If the file changed upstream on purpose, "
        "update its sha256 in the config."
    )


def _copy_from_mirror(remote: RemoteFile, dest: Path, mirror: Path) -> str:
    source = mirror / remote.dataset / remote.filename
    if not source.is_file():
        raise DownloadError(
            f"{remote.describe()}: not found in the data mirror at {source}. "
            "The mirror must be laid out as <data_mirror>/<dataset>/<file>; "
            "fix data_mirror or leave it empty to download from " + ", ".join(remote.urls)
        )
    with atomic_path(dest) as tmp:
        with open(source, "rb") as src, open(tmp, "wb") as out:
            shutil.copyfileobj(src, out, CHUNK_BYTES)
        try:
            _verify(remote, tmp)
        except _RejectedError as error:
            raise DownloadError(
                f"{remote.describe()}: the mirror copy {source} is not the expected "
                f"file ({error}). Replace it with a good copy, or leave data_mirror empty "
                "to download it."
            ) from None
    return str(source)


def _download_with_retries(
    remote: RemoteFile, url: str, dest: Path, retries: int, retry_delay_s: float, timeout_s: float
) -> None:
    for attempt in range(retries + 1):
        try:
            with atomic_path(dest) as tmp:
                _download(url, tmp, timeout_s)
                _verify(remote, tmp)
            return
        except _TransientError as error:
            if attempt == retries:
                raise _TransientError(f"{error} (gave up after {retries + 1} attempts)") from None
            delay = retry_delay_s * 2**attempt
            log.warning("%s from %s: %s; retrying in %.1f s", remote.describe(), url, error, delay)
            time.sleep(delay)


def _download(url: str, out_path: Path, timeout_s: float) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with (
            urllib.request.urlopen(request, timeout=timeout_s) as response,
            open(out_path, "wb") as out,
        ):
            expected = response.headers.get("Content-Length")
            received = _copy_stream(response, out)
    except urllib.error.HTTPError as error:
        message = f"HTTP {error.code} {error.reason}"
        if error.code >= 500 or error.code in (408, 429):
            raise _TransientError(message) from None
        raise _RejectedError(message) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        raise _TransientError(f"{type(error).__name__}: {error}") from None
    if expected is not None and received != int(expected):
        raise _TransientError(f"truncated transfer: received {received} of {expected} bytes")


def _copy_stream(source: BinaryIO, out: BinaryIO) -> int:
    received = 0
    while chunk := source.read(CHUNK_BYTES):
        out.write(chunk)
        received += len(chunk)
    return received


def _verify(remote: RemoteFile, path: Path) -> None:
    actual = sha256_file(path)
    if actual not in remote.sha256:
        raise _RejectedError(
            f"sha256 mismatch: got {actual}, expected {_one_of(sorted(remote.sha256))}"
        )


def _one_of(digests: Iterable[str]) -> str:
    items = list(digests)
    return items[0] if len(items) == 1 else "one of " + ", ".join(items)
