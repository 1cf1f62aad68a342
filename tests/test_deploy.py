"""deploy/: compose.yaml runs the commands of serve_class.py, and both give HAProxy the configuration of one template."""
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("serve_class", ROOT / "deploy" / "serve_class.py")
serve_class = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve_class)


def compose() -> dict:
    return yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())


def test_compose_has_a_ray_head_app_servers_and_the_proxy():
    services = compose()["services"]
    apps = sorted(name for name in services if name.startswith("app"))
    assert set(services) == {"base", "ray-head", "haproxy", *apps} and apps == ["app1", "app2"]
    assert services["base"] == {"build": "..", "image": "dl-classroom", "scale": 0}  # the project's Dockerfile
    for name in apps:
        app = services[name]
        assert app["command"][0] == ".venv/bin/python"
        assert app["command"][1:] == serve_class.app_command(8501, "0.0.0.0")[1:]
        assert app["environment"]["DL_CLASSROOM_RAY"] == "ray://ray-head:10001"
        assert app["environment"]["RAY_AUTH_MODE"] == "token"
        assert {name: app["environment"][name] for name in serve_class.APP_ENV} == serve_class.APP_ENV
        assert app["build"]["additional_contexts"] == {"dl-classroom": "service:base"}
    head = services["ray-head"]["command"]
    script_head = serve_class.ray_command(6379, 10001, 4, Path("/tmp/ray"))
    assert head[0] == ".venv/bin/ray"
    assert [flag for flag in head[1:] if "num-cpus" not in flag] == \
        [flag for flag in script_head[1:] if "num-cpus" not in flag and "temp-dir" not in flag]
    assert services["haproxy"]["ports"] == ["${CLASS_ADDRESS:-127.0.0.1}:8501:8501"]


def test_compose_haproxy_config_is_the_template_for_its_app_servers():
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in compose()["services"]["haproxy"]["volumes"]
    written = (ROOT / "deploy" / "haproxy.cfg").read_text()
    assert written == serve_class.haproxy_config(["app1:8501", "app2:8501"], "*", 8501), \
        "deploy/haproxy.cfg is out of date: write it again (the command is in deploy/serve_class.py)"


def test_the_template_is_a_valid_sticky_haproxy_config(tmp_path):
    config = serve_class.haproxy_config(["127.0.0.1:8601", "127.0.0.1:8602"], "127.0.0.1", 8600)
    for line in ("cookie SERVERID insert indirect nocache", "option httpchk GET /_stcore/health",
                 "server s1 127.0.0.1:8601 cookie s1 check", "server s2 127.0.0.1:8602 cookie s2 check",
                 "bind 127.0.0.1:8600"):
        assert line in config
    assert "timeout tunnel" in config
    (tmp_path / "haproxy.cfg").write_text(config)
    checked = subprocess.run([serve_class.HAPROXY, "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True,
                             timeout=30)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_script_stops_everything_when_the_proxy_ends(tmp_path):
    """One app server behind HAProxy; HAProxy killed: the script stops the app server and exits with an error."""
    script = subprocess.Popen([sys.executable, "deploy/serve_class.py", "--servers", "1", "--port",
                               str(serve_class.free_ports(1)[0]), "--run-dir", str(tmp_path)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "class.json").exists() and script.poll() is None and time.monotonic() < deadline:
            time.sleep(0.3)
        processes = json.loads((tmp_path / "class.json").read_text())["processes"]
        assert set(processes) == {"app-s1", "haproxy"}
        os.kill(processes["haproxy"], signal.SIGKILL)
        output, _ = script.communicate(timeout=60)
    finally:
        if script.poll() is None:
            os.killpg(script.pid, signal.SIGKILL)
    assert script.returncode != 0 and "haproxy ended: the class is stopped" in output, output
    assert not Path(f"/proc/{processes['app-s1']}").exists(), "the app server was left running"


def test_with_ray_the_app_servers_get_the_heads_address_and_it_runs_tasks(tmp_path):
    """--ray: a Ray head with token authentication; each app server has DL_CLASSROOM_RAY, and a driver given the
    same environment runs a task on the head."""
    pytest.importorskip("ray")
    run_dir = Path(tempfile.mkdtemp(prefix="dl-class-"))  # short: Ray's socket paths must fit in 107 characters
    script = subprocess.Popen([sys.executable, "deploy/serve_class.py", "--servers", "1", "--ray", "--ray-cpus", "1",
                               "--port", str(serve_class.free_ports(1)[0]), "--run-dir", str(run_dir)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while not (run_dir / "class.json").exists() and script.poll() is None and time.monotonic() < deadline:
            time.sleep(0.3)
        served = json.loads((run_dir / "class.json").read_text())
        app = Path(f"/proc/{served['processes']['app-s1']}/environ").read_bytes().split(b"\0")
        assert f"DL_CLASSROOM_RAY={served['ray']}".encode() in app and b"RAY_AUTH_MODE=token" in app
        driver = subprocess.run(
            [sys.executable, "-c", "import os, ray; ray.init(address=os.environ['DL_CLASSROOM_RAY']); "
             "print(ray.get(ray.remote(lambda: 6 * 7).remote()))"],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "DL_CLASSROOM_RAY": served["ray"], "RAY_AUTH_MODE": "token"})
        assert driver.stdout.strip().endswith("42"), driver.stdout + driver.stderr
    finally:
        script.send_signal(signal.SIGTERM)
        try:
            script.wait(60)
        finally:
            if script.poll() is None:
                os.killpg(script.pid, signal.SIGKILL)
            left = [cmdline.parent.name for cmdline in Path("/proc").glob("[0-9]*/cmdline")
                    if str(run_dir).encode() in read_or_empty(cmdline)]  # Ray's own processes, in its temp dir
            shutil.rmtree(run_dir, ignore_errors=True)
    assert not [name for name, pid in served["processes"].items() if Path(f"/proc/{pid}").exists()]
    assert not left, f"Ray's processes {left} outlived the class"


def read_or_empty(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # the process ended meanwhile
        return b""
