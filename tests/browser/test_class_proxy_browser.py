"""A class through the proxy (deploy/serve_class.py: two app servers behind HAProxy, runs in their threads or on a
Ray head it starts): two browsers land on different servers and stay there across reloads, both train (on Ray: each
in an actor of its server), and one server's end leaves the other training.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import ROOT, _free_port
from playwright.sync_api import expect

from browsertools import ARTIFACTS, button, epoch_shown, wait_for_app, wait_for_epoch

EPOCHS = 3000  # 30 s at the page's pace of 100 epochs a second: still training when a server is stopped


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@pytest.fixture(params=["threads", "ray"])
def a_class(request):
    """deploy/serve_class.py with two app servers on a free loopback port, their runs in threads or on Ray (two
    CPUs): its class.json; on teardown it is stopped with SIGTERM, and every process it started must be gone."""
    on_ray = ["--ray", "--ray-cpus", "2"] if request.param == "ray" else []
    if on_ray:
        pytest.importorskip("ray")
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / f"serve_class_{request.param}.log", "w")
    run_dir = Path(tempfile.mkdtemp(prefix="dlc-"))  # short: Ray's socket paths inside it must fit in 107 bytes
    script = subprocess.Popen(
        [sys.executable, "deploy/serve_class.py", "--servers", "2", "--port", str(_free_port()), "--run-dir",
         str(run_dir), *on_ray], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    ready = run_dir / "class.json"
    deadline = time.monotonic() + 180
    while not ready.exists() and script.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    try:
        assert ready.exists(), f"the class did not start: see {log.name}"
        served = json.loads(ready.read_text())
        yield served
    finally:
        script.send_signal(signal.SIGTERM)
        try:
            script.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(script.pid, signal.SIGKILL)
            raise
        finally:
            log.close()
            shutil.rmtree(run_dir, ignore_errors=True)
    assert not [name for name, pid in served["processes"].items() if alive(pid)], "serve_class.py left some running"


def sticky_server(context) -> str:
    return {cookie["name"]: cookie["value"] for cookie in context.cookies()}["SERVERID"]


def actors_on(address: str) -> list[str]:
    """The names of the app's actors alive on the Ray head at that address (a driver of its own asks)."""
    code = ("import os, ray; from dlcore.engine.ray_runs import NAMESPACE; ray.init(address=os.environ['ADDRESS']); "
            "print('\\n'.join(found['name'] for found in ray.util.list_named_actors(all_namespaces=True) "
            "if found['namespace'] == NAMESPACE))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ADDRESS": address, "RAY_AUTH_MODE": "token"})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_two_browsers_keep_their_app_servers_and_one_trains_on_when_the_other_server_stops(a_class, browser):
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2)]
    try:
        tabs = [context.new_page() for context in contexts]
        for tab in tabs:
            tab.set_default_timeout(60_000)
            tab.goto(f"{a_class['url']}/logistic_regression?epochs={EPOCHS}")
            wait_for_app(tab)
        servers = [sticky_server(context) for context in contexts]
        assert sorted(servers) == ["s1", "s2"], "HAProxy takes turns: two new browsers, two servers"
        for tab, context, server in zip(tabs, contexts, servers):
            tab.reload()
            wait_for_app(tab)
            assert sticky_server(context) == server, "a reload stays on the browser's server"

        for tab in tabs:
            button(tab, "Train", exact=True).click()
        for tab in tabs:
            wait_for_epoch(tab, 0)
            expect(tab.get_by_test_id("stPlotlyChart").first).to_be_visible()
        tabs[1].screenshot(path=str(ARTIFACTS / "class_proxy_training.png"))
        if a_class["ray"]:  # each session's run trains in an actor of its own server ("<host>:<port>/<pid>/<n>")
            trainers = {name.split("/")[0] for name in actors_on(a_class["ray"])}
            ports = [a_class["servers"][server]["url"].rsplit(":", 1)[1] for server in servers]
            assert trainers == {f"{socket.gethostname()}:{port}" for port in ports}, trainers

        os.kill(a_class["servers"][servers[0]]["pid"], signal.SIGKILL)  # the first browser's server dies
        shown = epoch_shown(tabs[1])
        shown = wait_for_epoch(tabs[1], shown, timeout=30)
        wait_for_epoch(tabs[1], shown, timeout=30)  # the other session goes on training
        assert sticky_server(contexts[1]) == servers[1]

        tabs[0].reload()  # the first browser is sent to the server left, in a new session
        wait_for_app(tabs[0])
        assert sticky_server(contexts[0]) == servers[1]
        button(tabs[1], "Stop", exact=True).click()
        tabs[1].get_by_text("Stopped at epoch").first.wait_for()
    finally:
        for context in contexts:
            context.close()
