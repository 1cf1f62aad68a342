"""Offline mode (DL_CLASSROOM_OFFLINE=1) with the network blocked: the pages that download, opened in AppTest on an
empty data directory, try no connection and no name lookup beyond this machine, say so and what to prepare; the
same block catches the app's downloads when offline mode is off; Streamlit's usage statistics are off."""
import socket
import tomllib

import pytest

from conftest import ROOT
from dlcore.data import OFFLINE_ENV
from pagetools import texts

LOOPBACK = {"localhost", "127.0.0.1", "::1"}
DOWNLOADING_PAGES = ["pages/folders.py", "pages/transfer.py", "pages/names.py", "pages/softmax.py",
                     "pages/cnn_basics.py"]


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
    assert at.error or at.warning  # the missing data (or weights) named, as when a download fails


def test_the_block_sees_a_download_when_offline_mode_is_off(app, attempts, monkeypatch):
    monkeypatch.delenv(OFFLINE_ENV, raising=False)
    at = app("pages/names.py")
    assert attempts == ["download.pytorch.org"]
    assert "Offline" not in texts(at.sidebar)


def test_the_browser_sends_no_usage_statistics():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
