"""Fixtures for the browser tests (helpers: tests/browser/browsertools.py): a real `streamlit run` server on a loopback port, and Playwright driving the system Chromium."""
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
from browsertools import ARTIFACTS
from playwright.sync_api import expect

expect.set_options(timeout=60_000)  # a training run on a busy 2-core machine takes its time

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(str):
    """The server's URL; `threads()` counts the server process's threads."""

    def __new__(cls, url: str, pid: int):
        server = super().__new__(cls, url)
        server.pid = pid
        return server

    def threads(self) -> int:
        return int(re.search(r"Threads:\s+(\d+)", Path(f"/proc/{self.pid}/status").read_text()).group(1))

    def workers(self) -> int:
        """The training workers (dlcore.engine.runs names its threads in the operating system)."""
        names = []
        for comm in Path(f"/proc/{self.pid}/task").glob("*/comm"):
            try:
                names.append(comm.read_text().strip())
            except OSError:  # the thread ended while being read
                pass
        return names.count("dl-classroom-run"[:15])  # the system keeps 15 characters of a name


@pytest.fixture
def server_env() -> dict[str, str]:
    """Environment variables the server starts with beyond the tests' own (a test module may override this)."""
    return {}


@pytest.fixture
def server(server_env):
    """A fresh server per test, so that each test's first request is the first after start-up."""
    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / f"server-{port}.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1", **server_env})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("streamlit did not start")
    yield Server(url, process.pid)
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A browser tab; a screenshot of it is saved in test-artifacts/ when the test ends."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
