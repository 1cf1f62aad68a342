"""The offline classroom's folder (dlcore.offline, scripts/prepare_offline.py), against a local HTTP server serving
small made-up files in place of the official ones: downloaded where the app reads them, checked, resumed, refused."""
import gzip
import hashlib
import io
import threading
import zipfile
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from dlcore import offline
from dlcore.engine import data
from dlcore.datasets import folders
from dlcore.datasets import images
from dlcore.lectures.names import model as names
from dlcore.lectures.transfer import model as transfer
from scripts.prepare_offline import main as prepare_offline


class Server:
    """Serves `files` (path → bytes) on 127.0.0.1, honouring "Range: bytes=N-"; a path in `cut` is sent half and
    the connection closed. `requests` records (path, Range header) and `sent` the bytes sent."""

    def __init__(self):
        self.files, self.cut, self.requests, self.sent = {}, set(), [], 0
        self.counting = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                ranged = self.headers.get("Range")
                server.requests.append((self.path, ranged))
                body = server.files.get(self.path)
                if body is None:
                    return self.send_error(404)
                start = int(ranged.removeprefix("bytes=").rstrip("-")) if ranged else 0
                self.send_response(206 if ranged else 200)
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                part = body[start:len(body) // 2] if self.path in server.cut else body[start:]
                with server.counting:  # counted before it is sent, so a client that has read it all sees it counted
                    server.sent += len(part)
                self.wfile.write(part)
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def jpeg(shade: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (shade, 100, 50)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def server(monkeypatch, tmp_path):
    """The made-up MNIST (random bytes of 64 KB per file), surnames, ants and bees, and ResNet-18 weights, served
    locally; the modules' URLs and checksums point at them. HOME is a new folder (an empty cache folder)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(data.OFFLINE_ENV, raising=False)
    served = Server()
    rng = np.random.default_rng(0)
    spec = images.SPECS["mnist"]
    contents = {file: gzip.compress(rng.bytes(1 << 16), mtime=0) for file in spec.files}
    for file, content in contents.items():
        served.files[f"/mnist/{file}"] = content
    monkeypatch.setitem(images.SPECS, "mnist", replace(
        spec, mirrors=(f"{served.url}/mnist/",),
        downloads=tuple(images.Download(file, hashlib.md5(content).hexdigest(), len(content))
                        for file, content in contents.items())))
    served.files["/data.zip"] = zip_of({"data/names/Czech.txt": "Novák\nDvořák\n", "data/names/Irish.txt": "Kelly\n"})
    monkeypatch.setattr(names, "NAMES_URL", f"{served.url}/data.zip")
    served.files["/hymenoptera_data.zip"] = zip_of({f"hymenoptera_data/{split}/{kind}/{n}.jpg": jpeg(40 * n)
                                                    for split in folders.SPLITS for kind in ("ants", "bees")
                                                    for n in range(2)})
    monkeypatch.setattr(folders, "HYMENOPTERA_URL", f"{served.url}/hymenoptera_data.zip")
    weights = rng.bytes(5000)
    file_name = f"resnet18-{hashlib.sha256(weights).hexdigest()[:8]}.pth"
    served.files[f"/{file_name}"] = weights
    fake = replace(transfer.NETWORKS["resnet18"], weights=SimpleNamespace(url=f"{served.url}/{file_name}"))
    monkeypatch.setitem(transfer.NETWORKS, "resnet18", fake)
    yield served
    served.http.shutdown()


SERVED = ["mnist", "names", "hymenoptera", "resnet18"]


def test_everything_is_downloaded_where_the_app_reads_it_and_kept_the_next_time(server, tmp_path):
    folder = tmp_path / "classroom"
    seen = []
    outcomes = offline.prepare(folder, only=SERVED, progress_for=lambda name: lambda done, total: seen.append(name))
    assert [(o.name, o.status) for o in outcomes] == [(name, "downloaded") for name in SERVED], outcomes
    assert images.find_local("mnist", folder) == folder / "MNIST" / "raw"
    assert names.names_folder(folder, download=False) == folder / "data" / "names"
    assert folders.find_hymenoptera(folder) == folder / "hymenoptera_data"
    assert transfer.find_weights(transfer.NETWORKS["resnet18"], folder).parent == folder / "weights"
    assert set(seen) == set(SERVED)  # every download drew its progress bar
    asked = len(server.requests)
    again = offline.prepare(folder, only=SERVED)
    assert [o.status for o in again] == ["present"] * len(SERVED)
    assert len(server.requests) == asked  # nothing fetched twice


def test_an_interrupted_download_resumes_where_it_stopped(server, tmp_path):
    folder = tmp_path / "classroom"
    first = images.SPECS["mnist"].files[0]
    path = f"/mnist/{first}"
    server.cut.add(path)
    [outcome] = offline.prepare(folder, only=["mnist"])
    assert outcome.status == "missing" and "closed after" in outcome.error
    partial = folder / "MNIST" / "raw" / f"{first}.part"
    half = len(server.files[path]) // 2
    assert partial.stat().st_size == half
    server.cut.clear()
    server.sent = 0
    [outcome] = offline.prepare(folder, only=["mnist"])
    assert outcome.status == "downloaded"
    assert server.requests[-4] == (path, f"bytes={half}-")  # the first file resumed, the three others whole
    assert server.sent == sum(len(server.files[f"/mnist/{file}"]) for file in images.SPECS["mnist"].files) - half
    assert not partial.exists()


def test_a_file_with_the_wrong_checksum_is_refused_and_not_kept(server, tmp_path):
    folder = tmp_path / "classroom"
    first = images.SPECS["mnist"].files[0]
    server.files[f"/mnist/{first}"] = b"not the published file"
    server.files[f"/{transfer.NETWORKS['resnet18'].file_name}"] = b"not the weights"
    mnist, resnet = offline.prepare(folder, only=["mnist", "resnet18"])
    assert mnist.status == "missing" and "md5" in mnist.error
    assert resnet.status == "missing" and "sha256" in resnet.error
    assert not list((folder / "MNIST" / "raw").glob(f"{first}*"))  # neither the file nor its .part
    assert not list((folder / "weights").iterdir())


def test_a_source_folder_is_copied_and_the_table_comes_only_from_there(server, tmp_path, capsys):
    source, folder = tmp_path / "mirror", tmp_path / "classroom"
    (source / "names").mkdir(parents=True)
    (source / "names" / "Greek.txt").write_text("Pappas\n", encoding="utf-8")
    (source / "names" / "Dutch.txt").write_text("Smit\n", encoding="utf-8")
    assert prepare_offline([str(folder), "--only", "names", "diabetes"]) == 1  # no public download for the table
    assert "diabetes       missing    no public download" in capsys.readouterr().out
    table = np.random.default_rng(0).uniform(-1, 1, (759, 9))
    np.savetxt(source / "diabetes.csv.gz", table, delimiter=",")
    assert prepare_offline([str(folder), "--from", str(source), "--only", "names", "diabetes"]) == 0
    out = capsys.readouterr().out
    assert "names          present" in out  # downloaded by the first run
    assert f"diabetes       copied     {folder / 'diabetes.csv.gz'}" in out
    assert "Ready. In the classroom" in out


def test_offline_mode_refuses_before_connecting(server, tmp_path, monkeypatch):
    monkeypatch.setenv(data.OFFLINE_ENV, "1")
    with pytest.raises(data.OfflineError, match="DL_CLASSROOM_OFFLINE=1"):
        data.download(f"{server.url}/data.zip", tmp_path / "data.zip")
    assert server.requests == []
    monkeypatch.setenv(data.OFFLINE_ENV, "0")
    assert data.download(f"{server.url}/data.zip", tmp_path / "data.zip").read_bytes() == server.files["/data.zip"]
