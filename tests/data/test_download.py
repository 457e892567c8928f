"""The download path against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from unsupervised.data.download import DownloadError, RemoteFile, fetch

PAYLOAD = bytes(range(256)) * 400  # 100 kB, larger than one read chunk would need
DIGEST = hashlib.sha256(PAYLOAD).hexdigest()


class Handler(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/good":
            self._send(200, PAYLOAD)
        elif self.path == "/corrupt":
            self._send(200, PAYLOAD[:-1] + b"!")
        elif self.path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(PAYLOAD)))
            self.end_headers()
            self.wfile.write(PAYLOAD[: len(PAYLOAD) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif self.path == "/flaky" and self.hits[self.path] <= 2:
            self._send(503, b"busy")
        elif self.path == "/flaky":
            self._send(200, PAYLOAD)
        else:
            self._send(404, b"not found")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def remote(*urls: str, digest: str = DIGEST) -> RemoteFile:
    return RemoteFile("toyset", "payload.bin", tuple(urls), frozenset({digest}))


def fetch_quickly(remote_file: RemoteFile, dest: Path, **kwargs) -> str:
    return fetch(remote_file, dest, retries=2, retry_delay_s=0.0, timeout_s=5.0, **kwargs)


def assert_nothing_left(directory: Path) -> None:
    assert list(directory.iterdir()) == [], "a failed fetch must leave no file behind"


def test_good_download_is_verified_and_in_place(server: str, tmp_path: Path) -> None:
    dest = tmp_path / "out" / "payload.bin"
    source = fetch_quickly(remote(f"{server}/good"), dest)
    assert source == f"{server}/good"
    assert dest.read_bytes() == PAYLOAD
    assert [p.name for p in dest.parent.iterdir()] == ["payload.bin"]


def test_checksum_mismatch_leaves_nothing(server: str, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="sha256 mismatch") as error:
        fetch_quickly(remote(f"{server}/corrupt"), tmp_path / "payload.bin")
    assert "toyset" in str(error.value) and f"{server}/corrupt" in str(error.value)
    assert_nothing_left(tmp_path)
    assert Handler.hits["/corrupt"] == 1, "a wrong checksum is not a transient error"


def test_404_names_dataset_url_and_remedy(server: str, tmp_path: Path) -> None:
    with pytest.raises(DownloadError) as error:
        fetch_quickly(remote(f"{server}/missing"), tmp_path / "payload.bin")
    message = str(error.value)
    assert "HTTP 404" in message and f"{server}/missing" in message
    assert "'toyset'" in message and "data_mirror" in message
    assert Handler.hits["/missing"] == 1, "a 404 is not retried"
    assert_nothing_left(tmp_path)


def test_truncated_transfer_is_retried_then_fails_cleanly(server: str, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="gave up after 3 attempts") as error:
        fetch_quickly(remote(f"{server}/truncated"), tmp_path / "payload.bin")
    assert "truncated" in str(error.value) or "IncompleteRead" in str(error.value)
    assert Handler.hits["/truncated"] == 3
    assert_nothing_left(tmp_path)


def test_transient_server_errors_are_retried(server: str, tmp_path: Path) -> None:
    dest = tmp_path / "payload.bin"
    fetch_quickly(remote(f"{server}/flaky"), dest)
    assert Handler.hits["/flaky"] == 3
    assert dest.read_bytes() == PAYLOAD


def test_next_url_is_tried_after_a_failing_one(server: str, tmp_path: Path) -> None:
    dest = tmp_path / "payload.bin"
    assert fetch_quickly(remote(f"{server}/missing", f"{server}/good"), dest) == f"{server}/good"
    assert dest.read_bytes() == PAYLOAD


def test_mirror_copy_is_verified(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "toyset").mkdir(parents=True)
    (mirror / "toyset" / "payload.bin").write_bytes(PAYLOAD)
    dest = tmp_path / "out" / "payload.bin"
    source = fetch_quickly(remote("http://127.0.0.1:9/unused"), dest, mirror=mirror)
    assert source == str(mirror / "toyset" / "payload.bin")
    assert dest.read_bytes() == PAYLOAD


def test_corrupt_mirror_copy_leaves_nothing(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "toyset").mkdir(parents=True)
    (mirror / "toyset" / "payload.bin").write_bytes(b"something else")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DownloadError, match="not the expected file"):
        fetch_quickly(remote("http://127.0.0.1:9/unused"), out / "payload.bin", mirror=mirror)
    assert_nothing_left(out)


def test_missing_mirror_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="not found in the data mirror") as error:
        fetch_quickly(remote("http://127.0.0.1:9/unused"), tmp_path / "x", mirror=tmp_path)
    assert str(tmp_path / "toyset" / "payload.bin") in str(error.value)
