"""Reading what an AppTest run shows (import: `from pagetools import plotly_specs, texts`)."""
import base64
import json

import numpy as np

from dlcore.ui.state import PageState


def _decoded(value):
    """Plotly sends NumPy arrays as {"dtype", "bdata"} (base64); turn them back into lists."""
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = [int(size) for size in str(value.get("shape", len(array))).split(",")]
        return array.reshape(shape).tolist()
    if isinstance(value, dict):
        return {key: _decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


def plotly_specs(at) -> list[dict]:
    """The Plotly figures an AppTest run shows, as dicts with plain lists for data."""
    return [_decoded(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def texts(at) -> str:
    """All the text an AppTest run shows (markdown, captions, alerts, titles), joined."""
    parts = []
    for kind in ("title", "header", "markdown", "caption", "success", "info", "warning", "error"):
        parts += [str(element.value) for element in getattr(at, kind)]
    return "\n".join(parts)


def run_of(at, key: str):
    """The page's run in an AppTest session (None before its first Train): what dlcore.ui.state keeps."""
    return PageState(key, at.session_state).run


def wait_for_run(at, key: str, timeout: float = 300):
    """Wait for the page's run (`run_of`) to stop training, then rerun the page to show it.

    AppTest does not fire the polling fragment and does not wait for worker threads, so a test waits here.
    """
    run = run_of(at, key)
    assert run.join(timeout), f"the run of {key} still trains after {timeout} s"
    at.run()
    assert not at.exception, at.exception
    return at


def train(at, key: str, timeout: float = 300):
    """Click the page's Train button and wait for the run to end."""
    at.button(key=f"{key}:train").click().run()
    assert not at.exception, at.exception
    if run_of(at, key) is not None:
        wait_for_run(at, key, timeout)
    return at
