"""The README's first block (two commands, the Windows spelling and the CPU-only line under it), the Dockerfile's steps
against it, and the first command itself, run with Debian's own Python in a copy of the project until the app
answers on /_stcore/health.

That last test installs every requirement into a new virtual environment (pip's cache and wheels already on the
machine are reused: the first time it downloads PyTorch). Skip it with DL_CLASSROOM_SKIP_INSTALL_TEST=1;
DL_CLASSROOM_INSTALL_TIMEOUT bounds it (seconds, 900 by default)."""
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


DEBIAN_PYTHON = Path("/usr/bin/python3")
SKIP_ENV, TIMEOUT_ENV = "DL_CLASSROOM_SKIP_INSTALL_TEST", "DL_CLASSROOM_INSTALL_TIMEOUT"


def code_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Each fenced block of a Markdown text: (its language, its non-empty lines)."""
    return [(language, [line for line in body.splitlines() if line.strip()])
            for language, body in re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.M | re.S)]


def readme_blocks() -> list[tuple[str, list[str]]]:
    return code_blocks((ROOT / "README.md").read_text(encoding="utf-8"))


def steps(command: str) -> list[list[str]]:
    """A shell line's commands joined by &&, each split into words."""
    return [shlex.split(part) for part in command.split(" && ")]


def dockerfile() -> dict[str, list[str]]:
    """The Dockerfile's instructions (continuation lines joined): instruction → its arguments, in order."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    instructions = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, arguments = line.strip().partition(" ")
            instructions.setdefault(name.upper(), []).append(arguments.strip())
    return instructions


def test_the_first_block_sets_up_a_virtual_environment_and_starts_the_app_then_tests():
    (language, (first, second)), (windows_language, windows) = readme_blocks()[:2]
    assert language == "bash" and second == "bash scripts/test.sh"
    assert steps(first) == [["python3", "-m", "venv", ".venv"],
                            [".venv/bin/python", "-m", "pip", "install", "-r", "requirements.txt"],
                            [".venv/bin/python", "-m", "streamlit", "run", "app.py"]]
    assert windows_language == "bat"  # the same steps in Windows' spelling
    assert windows == [first.replace("python3 ", "py ", 1).replace(".venv/bin/python", r".venv\Scripts\python")]
    assert ".venv/" in (ROOT / ".gitignore").read_text().splitlines()


def test_the_cpu_only_line_points_pip_at_pytorchs_cpu_index():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if "download.pytorch.org/whl/cpu" in line)
    assert "`export PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu`" in line and "NVIDIA" in line


def test_the_dockerfile_runs_the_readmes_commands_with_a_health_check_and_a_data_volume():
    """Built with the README's setup, started with its start (exec form), nothing else run; .venv not copied in."""
    first = readme_blocks()[0][1][0]
    *setup, start = first.split(" && ")
    instructions = dockerfile()
    assert instructions["RUN"] == [" && ".join(setup)]
    assert [json.loads(cmd) for cmd in instructions["CMD"]] == [shlex.split(start)]
    assert "/_stcore/health" in instructions["HEALTHCHECK"][0]
    volume = instructions["VOLUME"][0]
    assert f"DL_CLASSROOM_DATA={volume}" in " ".join(instructions["ENV"])
    assert ".venv" in (ROOT / ".dockerignore").read_text().splitlines()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


@pytest.mark.install
@pytest.mark.skipif(os.environ.get(SKIP_ENV) == "1", reason=f"{SKIP_ENV}=1")
@pytest.mark.skipif(not DEBIAN_PYTHON.exists(), reason="no Debian system Python at /usr/bin/python3")
def test_the_first_command_works_with_debians_own_python_in_a_fresh_copy(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "test-artifacts"))
    command = readme_blocks()[0][1][0].replace("python3 ", f"{DEBIAN_PYTHON} ", 1)
    port, limit = free_port(), float(os.environ.get(TIMEOUT_ENV, 900))
    env = {**os.environ, "STREAMLIT_SERVER_PORT": str(port), "STREAMLIT_SERVER_HEADLESS": "true",
           "PIP_NO_COMPILE": "1"}  # the same packages, without compiling .pyc files for all 6 GB
    env.pop("VIRTUAL_ENV", None)
    started = time.monotonic()
    with (tmp_path / "install.log").open("w") as log:
        process = subprocess.Popen(["bash", "-c", command], cwd=copy, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        while (answer := health(port)) != "ok" and process.poll() is None and time.monotonic() - started < limit:
            time.sleep(2)
        took = time.monotonic() - started
        made = (copy / ".venv" / "bin" / "python").exists()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
        shutil.rmtree(copy)  # the virtual environment takes several GB
    print(f"the first command answered on /_stcore/health after {took:.0f} s")
    assert answer == "ok", f"no answer after {took:.0f} s:\n{(tmp_path / 'install.log').read_text()[-3000:]}"
    assert made
