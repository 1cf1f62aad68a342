"""What a session keeps for each page's run is typed, and spelled in one module (dlcore/ui/state.py)."""
import re
from pathlib import Path

import torch

from dlcore.engine.runs import Run
from dlcore.engine.training import Trainer
from dlcore.ui.state import DrawState, FoldersState, PageState, runs

ROOT = Path(__file__).resolve().parent.parent
OLD_PREFIXES = ("run", "earlier", "count", "action", "messages", "cost", "race")


def a_run() -> Run:
    return Run(Trainer(lambda batch: torch.tensor(0.0), lambda: [0], 1))


def test_a_pages_state_reads_its_defaults_keeps_what_is_set_and_forgets_what_is_deleted():
    store = {}
    state = PageState("softmax:course", store)
    assert state.run is None and state.earlier == [] and state.count == 0 and state.replay_end == 0
    run = a_run()
    state.run, state.count, state.speed = run, 3, 20
    assert PageState("softmax:course", store).run is run and store  # another view of the same session sees it
    assert PageState("softmax:d2l_mlp", store).run is None  # each variant has its own
    del state.run
    del state.run  # forgetting twice is fine
    assert state.run is None and state.count == 3 and state.speed == 20
    assert state.widget_key("speed") != state.widget_key("replay") and "softmax:course" in state.widget_key("speed")


def test_the_sessions_runs_are_listed_by_page_key_and_nothing_else_is():
    store = {}
    first, second = a_run(), a_run()
    PageState("cnn_basics:course", store).run = first
    PageState("logistic_regression", store).run = second
    PageState("logistic_regression", store).speed = 10  # a widget's value, not a run
    store["lang"] = "zh"
    assert runs(store) == {"cnn_basics:course": first, "logistic_regression": second}


def test_no_module_test_or_benchmark_but_the_state_module_spells_a_run_state_key():
    spelled = re.compile(r"""f?["'](?:%s):""" % "|".join(OLD_PREFIXES))
    offenders = [f"{path.relative_to(ROOT)}:{number}"
                 for folder in ("dlcore", "pages", "tests", "bench", "scripts")
                 for path in (ROOT / folder).rglob("*.py") if path.name != "state.py" or path.parent.name != "ui"
                 for number, line in enumerate(path.read_text().splitlines(), start=1)
                 if spelled.search(line) and "earlier: " not in line]  # "earlier: {label}" is a chart's legend
    assert offenders == []


def test_pages_and_app_keep_what_they_remember_through_the_ui_layer_never_through_session_state():
    touching = [f"{path.relative_to(ROOT)}:{number}" for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]
                for number, line in enumerate(path.read_text().splitlines(), start=1) if "session_state" in line]
    assert touching == []


def test_a_pages_own_state_keeps_its_values_beside_the_run_of_that_page():
    store = {}
    draw = DrawState("draw", store)
    assert draw.own == [] and draw.canvas_round == 0 and draw.last_picture is None
    draw.own, draw.canvas_round = [("pixels", 7)], 2
    assert DrawState("draw", store).own == [("pixels", 7)] and DrawState("draw", store).canvas_round == 2
    assert PageState("draw", store).run is None and runs(store) == {}  # a page's own values are no runs
    folders = FoldersState("folders", store)
    assert folders.widget_key("upload") == "folders:zip" and folders.draws_round == 0
