"""Shared test setup: the data directory, and AppTest helpers for the pages."""
import base64
import json
import os
from pathlib import Path

import numpy as np
import pytest

import dlcore.figures

dlcore.figures.VALIDATE = True  # in tests every figure property is checked by Plotly

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

# The tests read the local mirror of the data sets when there is one (never committed).
if SHARED_DATA.exists():
    os.environ.setdefault("DL_CLASSROOM_DATA", str(SHARED_DATA))


@pytest.fixture
def app(monkeypatch):
    """Open a page of the app in AppTest: app("pages/cnn.py") runs app.py and switches to that page."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.chdir(ROOT)

    def open_page(page: str | None = None, lang: str = "en", timeout: float = 120):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
        at.session_state["lang"] = lang
        at.run()
        if page is not None:
            at.switch_page(page).run()
        assert not at.exception, at.exception
        return at

    return open_page


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
