"""Offline mode in a real browser: on an empty data directory with DL_CLASSROOM_OFFLINE=1, the home page and every
page that would download open with the sidebar's offline note, and the browser asks nothing of any other machine
(no usage statistics, no fonts or scripts from elsewhere)."""
from urllib.parse import urlparse

import pytest
from browsertools import wait_for_app
from playwright.sync_api import expect

from dlcore.engine.data import OFFLINE_ENV

PAGES = ["", "folders", "transfer", "names", "softmax", "cnn_basics"]


@pytest.fixture
def server_env(tmp_path):
    """Offline, with nothing in the data directory, the cache folder or torch hub's folder."""
    return {OFFLINE_ENV: "1", "DL_CLASSROOM_DATA": str(tmp_path / "data"), "HOME": str(tmp_path / "home"),
            "TORCH_HOME": str(tmp_path / "torch")}


def test_offline_pages_ask_nothing_beyond_this_machine(server, page):
    elsewhere = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlparse(request.url).hostname not in (None, "127.0.0.1", "localhost") else None)
    for path in PAGES:
        page.goto(f"{server}/{path}")
        wait_for_app(page)
        expect(page.get_by_test_id("stSidebar").get_by_text("Offline: nothing is downloaded")).to_be_visible()
    assert elsewhere == []
