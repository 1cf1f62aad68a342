"""Offline mode (DL_CLASSROOM_OFFLINE=1) with the network blocked: the pages that download, opened in AppTest on an
empty data directory, try no connection and no name lookup beyond this machine, say so and what to prepare; on a
prepared folder they have their data; the same block catches the app's downloads when offline mode is off;
Streamlit's usage statistics are off."""
import socket
import tomllib
from pathlib import Path

import pytest

from dlcore.engine.data import OFFLINE_ENV
from pagetools import texts

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

LOOPBACK = {"localhost", "127.0.0.1", "::1"}
DOWNLOADING_PAGES = {  # each page that would download, and what its message about the missing data says
    "pages/folders.py": "OfflineError: offline (DL_CLASSROOM_OFFLINE=1)",
    "pages/transfer.py": "OfflineError: offline (DL_CLASSROOM_OFFLINE=1)",
    "pages/names.py": "could not be downloaded",
    "pages/softmax.py": "the app is offline (DL_CLASSROOM_OFFLINE=1): nothing is downloaded",
    "pages/cnn_basics.py": "the app is offline (DL_CLASSROOM_OFFLINE=1): nothing is downloaded",
}


@pytest.fixture
def attempts(monkeypatch, tmp_path):
    """Every host the app tries to look up or connect to beyond this machine (each attempt fails); an empty data
    directory, cache folder and torch hub folder."""
    tried = []
    lookup, connect = socket.getaddrinfo, socket.socket.connect

    def blocked_lookup(host, *args, **kwargs):
        if host not in LOOPBACK:
            tried.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "the network is blocked in this test")
        return lookup(host, *args, **kwargs)

    def blocked_connect(sock, address):
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            tried.append(address[0])
            raise OSError("the network is blocked in this test")
        return connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", blocked_lookup)
    monkeypatch.setattr(socket.socket, "connect", blocked_connect)
    for variable, folder in (("DL_CLASSROOM_DATA", "data"), ("HOME", "home"), ("TORCH_HOME", "torch")):
        monkeypatch.setenv(variable, str(tmp_path / folder))
    return tried


@pytest.mark.parametrize("page", DOWNLOADING_PAGES)
def test_offline_no_page_reaches_the_network_and_each_says_what_to_prepare(app, attempts, monkeypatch, page):
    monkeypatch.setenv(OFFLINE_ENV, "1")
    at = app(page)
    assert attempts == []
    assert "Offline: nothing is downloaded" in texts(at.sidebar)
    assert "scripts/prepare_offline.py" in texts(at.sidebar)
    assert DOWNLOADING_PAGES[page] in "\n".join(alert.value for alert in [*at.error, *at.warning])


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="no local data folder")
@pytest.mark.parametrize("page", ["pages/folders.py", "pages/names.py", "pages/softmax.py"])
def test_offline_on_a_prepared_folder_the_pages_have_their_data_and_no_complaint(app, attempts, monkeypatch, page):
    monkeypatch.setenv(OFFLINE_ENV, "1")
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(SHARED_DATA))
    at = app(page)
    assert attempts == [] and not at.error
    assert "offline" not in " ".join(warning.value for warning in at.warning).lower()  # folders: the skipped GIF


def test_the_block_sees_a_download_when_offline_mode_is_off(app, attempts, monkeypatch):
    monkeypatch.delenv(OFFLINE_ENV, raising=False)
    at = app("pages/names.py")
    assert attempts == ["download.pytorch.org"]
    assert "Offline" not in texts(at.sidebar)


def test_the_browser_sends_no_usage_statistics():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False


def test_offline_in_chinese(app, attempts, monkeypatch):
    monkeypatch.setenv(OFFLINE_ENV, "1")
    at = app("pages/softmax.py", lang="zh")
    assert attempts == []
    assert "离线模式：不下载任何文件" in texts(at.sidebar)
    assert "应用处于离线模式（DL_CLASSROOM_OFFLINE=1）" in "\n".join(alert.value for alert in at.warning)
