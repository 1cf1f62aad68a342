"""Shared test setup: the data directory and the `app` fixture. Helpers to read a run: tests/pagetools.py."""
import os
from pathlib import Path

import pytest

import dlcore.engine.figures
from dlcore.engine.devices import set_training_threads

dlcore.engine.figures.VALIDATE = True  # in tests every figure property is checked by Plotly
set_training_threads()  # train as the app does (one thread on two cores: no OpenMP oversubscription)

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

# The tests read the local mirror of the data sets when there is one (never committed).
if SHARED_DATA.exists():
    os.environ.setdefault("DL_CLASSROOM_DATA", str(SHARED_DATA))


@pytest.fixture(autouse=True)
def no_run_outlives_its_test():
    """Every run a test started is stopped when it ends, so the next test's runs find a free core."""
    yield
    from dlcore.engine.runs import stop_all

    stop_all()


@pytest.fixture
def one_thread():
    """One PyTorch thread for the test: the machine's two cores are shared, and OpenMP's threads oversubscribed
    them (ten times slower here)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


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
