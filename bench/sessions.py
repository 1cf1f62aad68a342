"""A class on one server: N browser sessions train the CNN page at once; does every page still answer?

Starts `streamlit run app.py` on a loopback port, opens N sessions in headless Chromium
(/usr/bin/chromium), clicks Train on lecture 10's CNN page in each (the course's settings),
and then measures, while they train or wait for a free core:
  - how long a newcomer's page takes to open (the home page, then lecture 6), target < 10 s;
  - how long each training session takes to answer a click (switching the language);
  - where each run is (training, or waiting and its place in line);
  - the server's memory (resident now and peak), target < 3 GB;
and, in one session with the data cached and no other run: seconds from Train to the first chart,
and from Pause and Stop to the page showing it (targets 1 s and 0.5 s).

    DL_CLASSROOM_DATA=../shared/data python bench/sessions.py [--sessions 6] [--hold 20] [--quick]

--quick (CI: the benchmark still runs) opens one training session for 3 s.  --proxy serves the sessions from
deploy/serve_class.py: two app servers behind HAProxy (each browser session keeps its server), each server's memory
reported.  --ray trains the runs on Ray: a local Ray in the server, or with --proxy a Ray head that
deploy/serve_class.py starts for both servers; the memory of Ray's processes is reported beside the servers'.
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROGRESS = re.compile(r"(?:Epoch |第 )(\d+)/(\d+)")
FIRST_LOSS = re.compile(r"Epoch \d+/\d+ · loss \d")
"""The progress line once the run's first batch is shown (before it: "loss —")."""


def start_server(env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("streamlit did not start")


@contextmanager
def serving(proxy: bool, ray: bool):
    """The app for the block: one server, or (proxy) deploy/serve_class.py's two behind HAProxy; with ray, their
    runs on Ray.  Yields (URL, {name: pid} of the app servers)."""
    if not proxy:
        process, url = start_server({"DL_CLASSROOM_RAY": "local"} if ray else None)
        try:
            yield url, {"server": process.pid}
        finally:
            process.terminate()
            process.wait(20)
        return
    with tempfile.TemporaryDirectory(prefix="dl-class-bench-") as run_dir, socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        script = subprocess.Popen([sys.executable, "deploy/serve_class.py", "--servers", "2", "--port", str(port),
                                   "--run-dir", run_dir, *(["--ray"] if ray else [])],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, start_new_session=True)
        try:
            ready = Path(run_dir) / "class.json"
            for _ in range(600):
                if ready.exists() or script.poll() is not None:
                    break
                time.sleep(0.3)
            if not ready.exists():
                raise SystemExit("deploy/serve_class.py did not start")
            served = json.loads(ready.read_text())
            yield served["url"], {name: server["pid"] for name, server in served["servers"].items()}
        finally:
            script.send_signal(signal.SIGTERM)
            script.wait(60)


def ray_memory_mb() -> tuple[int, float]:
    """(how many, resident MB in all) of Ray's processes on this machine: its head, raylet, workers and actors."""
    found = []
    for folder in Path("/proc").iterdir():
        try:
            command = (folder / "cmdline").read_bytes().replace(b"\0", b" ")
            if b"ray::" in command or b"/ray/" in command or b"raylet" in command or b"gcs_server" in command:
                found.append(memory_mb(int(folder.name))[0])
        except (ValueError, OSError, AttributeError):  # not a process, gone meanwhile, or no resident memory
            pass
    return len(found), sum(found)


def memory_mb(pid: int) -> tuple[float, float, float]:
    """(resident now, peak resident, resident pages of files: libraries, shared by the processes that map them) of a
    process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    read = lambda name: int(re.search(rf"{name}:\s+(\d+) kB", status).group(1)) / 1024  # noqa: E731
    return read("VmRSS"), read("VmHWM"), read("RssFile")


def settled(tab, timeout: float = 120) -> None:
    """The page has drawn its sidebar and its script run is over."""
    tab.get_by_test_id("stSidebar").get_by_text("Language · 语言").wait_for(timeout=timeout * 1000)
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout * 1000)


FINISHED = re.compile(r"Finished (\d+) epochs in ([\d.]+) s")


def train_in_browser(path: str, prepare=None) -> tuple[int, float]:
    """A fresh server, the page at `path` in Chromium, `prepare(tab)` to set it up (or nothing), Train clicked: the
    epochs and seconds the page reports when its run has finished ("Finished N epochs in X s")."""
    process, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.goto(f"{url}/{path}")
            settled(tab)
            if prepare is not None:
                prepare(tab)
            tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Train", exact=True).click()
            done = tab.get_by_text(FINISHED).first
            done.wait_for(timeout=600_000)
            found = FINISHED.search(done.inner_text())
            browser.close()
    finally:
        process.terminate()
        process.wait(20)
    return int(found.group(1)), float(found.group(2))


def timed_open(context, url: str) -> float:
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(url)
    settled(tab)
    return time.perf_counter() - started


def progress(tab) -> str:
    try:
        return tab.get_by_test_id("stProgress").first.inner_text(timeout=5000).splitlines()[0]
    except Exception:  # noqa: BLE001 - a page still loading has none yet
        return "(no progress line yet)"


def single_session_timings(browser, url: str, pause: float = 2) -> dict:
    """Train → first chart, Pause → shown (`pause` s into the run), Stop → shown, on the CNN page with the data
    already cached."""
    tab = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    tab.goto(f"{url}/cnn_basics")
    settled(tab)
    timings = {}
    started = time.perf_counter()
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Train", exact=True).click()
    tab.locator('[data-testid="stPlotlyChart"]').first.wait_for()
    timings["Train → first chart"] = time.perf_counter() - started
    tab.get_by_text(FIRST_LOSS).first.wait_for()
    timings["Train → first loss shown"] = time.perf_counter() - started
    tab.get_by_text(PROGRESS).first.wait_for()
    time.sleep(pause)
    started = time.perf_counter()
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Pause").click()
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Resume").wait_for()
    timings["Pause → shown paused"] = time.perf_counter() - started
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Resume").click()
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Pause").wait_for()
    time.sleep(pause / 2)
    started = time.perf_counter()
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Stop").click()
    tab.get_by_text(re.compile("Stopped at epoch")).wait_for()
    timings["Stop → shown stopped"] = time.perf_counter() - started
    started = time.perf_counter()  # a second run (on Ray: on the first one's worker)
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Train", exact=True).click()
    tab.get_by_text(re.compile("Stopped at epoch")).wait_for(state="detached")
    tab.get_by_text(FIRST_LOSS).first.wait_for()
    timings["Train again → loss shown"] = time.perf_counter() - started
    tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Stop").click()
    tab.context.close()
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--hold", type=float, default=20, help="seconds the sessions train before the measurements")
    parser.add_argument("--quick", action="store_true", help="one session for 3 s (seconds: for CI)")
    parser.add_argument("--proxy", action="store_true", help="two app servers behind HAProxy (deploy/serve_class.py)")
    parser.add_argument("--ray", action="store_true", help="the runs train on Ray")
    args = parser.parse_args()
    if args.quick:
        args.sessions, args.hold = 1, 3
    with serving(args.proxy, args.ray) as (url, servers):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in servers:  # each server reads MNIST into its cache (HAProxy takes turns)
                first_open = timed_open(browser.new_context(), f"{url}/cnn_basics")
                print(f"first CNN page (reads MNIST once): {first_open:.1f} s")
            idle = timed_open(browser.new_context(), url)
            print(f"newcomer opens the home page, no session training: {idle:.1f} s")
            for name, seconds in single_session_timings(browser, url, 0.5 if args.quick else 2).items():
                print(f"{name:22}: {seconds:.2f} s")
            tabs = []
            for _ in range(args.sessions):
                tab = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                tab.goto(f"{url}/cnn_basics")
                settled(tab)
                tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Train", exact=True).click()
                tabs.append(tab)
            time.sleep(args.hold)
            print(f"{args.sessions} sessions on the CNN page, after {args.hold:.0f} s:")
            for index, tab in enumerate(tabs, 1):
                print(f"  session {index}: {progress(tab)}")
            newcomer = browser.new_context()
            busy = timed_open(newcomer, url)
            print(f"newcomer opens the home page : {busy:.1f} s (target < 10 s; {busy / idle:.1f}x its time with no "
                  f"session training, target <= 2x)")
            print(f"newcomer opens lecture 6     : {timed_open(newcomer, f'{url}/logistic_regression'):.1f} s")
            answers = []
            for tab in tabs:
                started = time.perf_counter()
                tab.get_by_test_id("stSidebar").get_by_text("简体中文").click()
                tab.get_by_text(re.compile("第 10 讲")).first.wait_for()
                answers.append(time.perf_counter() - started)
            print(f"a training session answers a click (language switch): "
                  f"median {sorted(answers)[len(answers) // 2]:.1f} s, slowest {max(answers):.1f} s")
            for name, pid in servers.items():
                now, peak, files = memory_mb(pid)
                print(f"{name} memory: {now:.0f} MB resident ({files:.0f} MB of it libraries' files), peak {peak:.0f} MB "
                      f"(target < 3,000 MB)")
            if args.ray:
                count, resident = ray_memory_mb()
                print(f"Ray: {count} processes, {resident:.0f} MB resident in all")
            browser.close()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
