"""A class on one machine, without containers: a Ray head (with --ray), N app servers and HAProxy in front of them.

    python deploy/serve_class.py [--servers 2] [--port 8501] [--bind 127.0.0.1] [--ray [--ray-cpus N]]

Each app server is `streamlit run app.py` on its own loopback port; with --ray it gets DL_CLASSROOM_RAY=<the head's
address> (its runs train on Ray's workers) and Ray's token authentication (RAY_AUTH_MODE=token; the token is
~/.ray/auth_token, made by the head when missing).  HAProxy answers on --bind:--port (0.0.0.0 serves the room's
network) and keeps each browser on the app server it first reached (a cookie): Streamlit keeps a session in the
memory of the process serving it.  Logs, haproxy.cfg and class.json (the addresses and process ids, once everything
answers) go to --run-dir.  Ctrl-C or SIGTERM stops everything it started.

deploy/compose.yaml runs the same commands in containers; its haproxy.cfg comes from the same template:
    python deploy/serve_class.py --write-config deploy/haproxy.cfg --bind '*' --backend app1:8501 --backend app2:8501
"""
import argparse
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
from string import Template
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("haproxy.cfg.in")
STOP_SECONDS = 20  # then a process that has not ended is killed
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"  # Debian's package
APP_ENV = {"MALLOC_ARENA_MAX": "2"}
"""An app server's environment: glibc gives each of Streamlit's many script threads a heap of its own otherwise,
which the tensors a redraw makes leave fragmented (measured: 90 MB less resident, 250 MB less at the peak)."""


def haproxy_config(backends: list[str], bind: str, port: int) -> str:
    """HAProxy's configuration for the app servers at `backends` ("host:port"), named s1, s2, ... (their cookies)."""
    servers = "\n".join(f"    server s{i} {address} cookie s{i} check" for i, address in enumerate(backends, 1))
    return Template(TEMPLATE.read_text()).substitute(bind=bind, port=port, servers=servers)


def app_command(port: int, address: str = "127.0.0.1") -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.address",
            address, "--server.port", str(port), "--browser.gatherUsageStats", "false"]


def ray_command(port: int, client_port: int, cpus: int, temp_dir: Path) -> list[str]:
    """`ray start --head` in the foreground (--block: SIGTERM stops its processes), without the dashboard."""
    ray = Path(sys.executable).with_name("ray")
    return [str(ray) if ray.exists() else "ray", "start", "--head", "--block", f"--port={port}",
            f"--ray-client-server-port={client_port}", f"--num-cpus={cpus}", "--include-dashboard=false",
            "--disable-usage-stats", f"--temp-dir={temp_dir}"]


def free_ports(count: int) -> list[int]:
    """`count` different loopback ports free now."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def healthy(url: str) -> bool:
    try:
        with urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


class Processes:
    """The processes started, each in its own session with its output in run_dir/<name>.log; stopped in reverse."""

    def __init__(self, run_dir: Path):
        self.run_dir, self.started = run_dir, {}

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        with open(self.run_dir / f"{name}.log", "w") as log:
            process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                       env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
        self.started[name] = process
        return process

    def wait_until(self, name: str, ready, seconds: float) -> None:
        """Wait until ready() is true; raise when the process ends first or the time is up."""
        deadline = time.monotonic() + seconds
        while not ready():
            if self.started[name].poll() is not None:
                raise SystemExit(f"{name} ended (exit code {self.started[name].returncode}): see "
                                 f"{self.run_dir / name}.log")
            if time.monotonic() > deadline:
                raise SystemExit(f"{name} did not answer within {seconds:.0f} s: see {self.run_dir / name}.log")
            time.sleep(0.3)

    def watch(self, essential: set[str]) -> str:
        """Return the name of an essential process that ended, or of the last app server to end; say when one ends."""
        running = dict(self.started)
        while True:
            for name, process in list(running.items()):
                if process.poll() is not None:
                    print(f"{name} ended (exit code {process.returncode})", flush=True)
                    del running[name]
                    if name in essential or not set(running) - essential:
                        return name
            time.sleep(0.5)

    def stop(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not cut the stopping short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for process in reversed(self.started.values()):
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in reversed(self.started.values()):
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(process.pid, signal.SIGKILL)  # what is left of it: its children too
            except ProcessLookupError:
                pass


def serve(args) -> None:
    run_dir = Path(args.run_dir or tempfile.mkdtemp(prefix="dl-class-")).resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    processes, env, essential, ray_address = Processes(run_dir), {}, {"haproxy"}, None
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops everything, as Ctrl-C does
    try:
        if args.ray:
            ray_port, client_port = free_ports(2)
            ray_port = args.ray_port or ray_port
            processes.start("ray-head", ray_command(ray_port, client_port, args.ray_cpus, run_dir / "ray"),
                            {"RAY_AUTH_MODE": "token"})
            essential.add("ray-head")
            processes.wait_until("ray-head", lambda: listening(ray_port), 120)
            ray_address = f"127.0.0.1:{ray_port}"
            env = {"DL_CLASSROOM_RAY": ray_address, "RAY_AUTH_MODE": "token"}
        ports = free_ports(args.servers)
        servers = {f"s{i}": processes.start(f"app-s{i}", app_command(port), {**APP_ENV, **env})
                   for i, port in enumerate(ports, 1)}
        for (name, _), port in zip(servers.items(), ports):
            processes.wait_until(f"app-{name}", lambda: healthy(f"http://127.0.0.1:{port}"), 120)
        config = run_dir / "haproxy.cfg"
        config.write_text(haproxy_config([f"127.0.0.1:{port}" for port in ports], args.bind, args.port))
        subprocess.run([args.haproxy, "-c", "-q", "-f", str(config)], check=True)
        processes.start("haproxy", [args.haproxy, "-db", "-f", str(config)])
        host = "127.0.0.1" if args.bind in ("*", "0.0.0.0", "") else args.bind
        url = f"http://{host}:{args.port}"
        processes.wait_until("haproxy", lambda: healthy(url), 60)
        (run_dir / "class.json").write_text(json.dumps({
            "url": url, "pid": os.getpid(), "ray": ray_address,
            "processes": {name: process.pid for name, process in processes.started.items()},
            "servers": {name: {"url": f"http://127.0.0.1:{port}", "pid": process.pid}
                        for (name, process), port in zip(servers.items(), ports)}}, indent=2))
        print(f"The class is served at {url} ({args.servers} app servers{', Ray at ' + ray_address if args.ray else ''};"
              f" logs in {run_dir}). Ctrl-C stops it.", flush=True)
        raise SystemExit(f"{processes.watch(essential)} ended: the class is stopped")
    except KeyboardInterrupt:
        pass
    finally:
        processes.stop()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--servers", type=int, default=2, help="app servers (default 2)")
    parser.add_argument("--port", type=int, default=8501, help="the proxy's port (default 8501)")
    parser.add_argument("--bind", default="127.0.0.1", help="the proxy's address (0.0.0.0: the room's network)")
    parser.add_argument("--ray", action="store_true", help="start a Ray head; the app servers train on it")
    parser.add_argument("--ray-cpus", type=int, default=max(1, (os.cpu_count() or 2) - 1),
                        help="CPUs Ray may use (default: all cores but one, left to the app servers)")
    parser.add_argument("--ray-port", type=int, default=0, help="the Ray head's port (default: a free one)")
    parser.add_argument("--run-dir", help="where logs, haproxy.cfg and class.json go (default: a new temporary folder)")
    parser.add_argument("--haproxy", default=HAPROXY)
    parser.add_argument("--write-config", metavar="FILE", help="only write HAProxy's configuration for --backend")
    parser.add_argument("--backend", action="append", default=[], help="host:port of an app server (--write-config)")
    args = parser.parse_args(argv)
    if args.write_config:
        Path(args.write_config).write_text(haproxy_config(args.backend, args.bind, args.port))
    else:
        serve(args)


if __name__ == "__main__":
    main()
