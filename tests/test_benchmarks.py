"""Benchmarks must not rot: each `bench/*.py --quick` runs to the end and prints its figures."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIGURES = {
    "cnn_speed.py": [r"page / bare   : \d+\.\d\d", r"Stop → stopped and drawn\s*: \d+\.\d\d s"],
    "live_overhead.py": [r"median live/bare \d+\.\d{3}"],
    "memory.py": [r"peak RSS: \d+ MB"],
    "playground_drawing.py": [r"a redraw      : \d+\.\d ms", r"live/bare     : median \d+\.\d\d"],
    "sessions.py": [r"Train → first chart\s*: \d+\.\d\d s", r"session 1: (Epoch|waiting)",
                    r"newcomer opens the home page : \d+\.\d s", r"answers a click .*: median \d+\.\d s",
                    r"server memory: \d+ MB", r"no session training: \d+\.\d s"],
    "transfer_speed.py": [r"after: an epoch of the last layer on the features \d+\.\d ms"],
}
"""What each benchmark prints in quick mode (a new benchmark joins this list)."""


def test_every_benchmark_is_run_here():
    assert sorted(path.name for path in (ROOT / "bench").glob("*.py")) == sorted(FIGURES)


@pytest.mark.parametrize("script", sorted(FIGURES))
def test_a_benchmark_runs_quickly_and_prints_its_figures(script):
    done = subprocess.run([sys.executable, f"bench/{script}", "--quick"], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for figure in FIGURES[script]:
        assert re.search(figure, done.stdout), f"{script} printed no {figure!r}:\n{done.stdout}"
