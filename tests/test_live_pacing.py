"""How often a training run's charts are redrawn: four times a second when drawing is cheap, less when it is slow,
and less again when one server draws many sessions' runs (their redraws together take a bounded share)."""
import pytest
from pagetools import run_of

from dlcore.engine.runs import SLOTS
from dlcore.ui import live
from dlcore.ui.live import (DRAWING_SHARE, REDRAW_SECONDS, SERVER_DRAWING_SHARE, SLOWEST_REDRAW_SECONDS,
                            SLOWEST_SHARED_REDRAW_SECONDS, WAITING_POLL_SECONDS, ServerDrawing, redraw_period)

KEY = "logistic_regression"


def test_a_run_alone_on_its_server_is_redrawn_at_most_four_times_a_second_and_at_least_once():
    assert redraw_period(0.001) == REDRAW_SECONDS
    assert redraw_period(0.02) == pytest.approx(0.02 / DRAWING_SHARE)  # 0.4 s: drawing takes 5 %
    assert redraw_period(0.3) == SLOWEST_REDRAW_SECONDS
    assert redraw_period(0.3, server_cost=0.3) == SLOWEST_REDRAW_SECONDS  # its own redraw is all the server draws


def test_a_busy_server_redraws_each_run_less_often_so_that_drawing_keeps_its_share():
    three_cnn_pages = 3 * 0.4
    period = redraw_period(0.4, server_cost=three_cnn_pages)
    assert period == pytest.approx(three_cnn_pages / SERVER_DRAWING_SHARE)
    assert three_cnn_pages / period == pytest.approx(SERVER_DRAWING_SHARE)  # a redraw each per period: the share
    assert redraw_period(0.4, server_cost=30 * 0.4) == SLOWEST_SHARED_REDRAW_SECONDS  # a page still moves
    assert redraw_period(0.02, server_cost=0.03) == redraw_period(0.02)  # a lightly used server: as if alone


def test_the_server_forgets_a_view_that_stopped_redrawing(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(live.time, "monotonic", lambda: now[0])
    drawing = ServerDrawing()
    drawing.drew(("session a", KEY), 0.2)
    drawing.drew(("session b", KEY), 0.3)
    drawing.drew(("session a", KEY), 0.1)  # a view counts its last redraw once
    assert drawing.cost() == pytest.approx(0.4)
    now[0] += ServerDrawing.FORGET_SECONDS - 1
    drawing.drew(("session b", KEY), 0.3)
    now[0] += 2
    assert drawing.cost() == pytest.approx(0.3)  # session a's page was closed, or its run ended


def test_every_session_polling_a_run_on_the_server_is_counted_the_one_in_line_too(app, monkeypatch):
    drawing = ServerDrawing()
    monkeypatch.setattr(live, "SERVER_DRAWING", drawing)
    monkeypatch.setattr(SLOTS, "limit", 1)  # the second session's run waits for the first's core
    sessions = [app(f"pages/{KEY}.py") for _ in range(2)]
    for at in sessions:
        at.button(key=f"{KEY}:train").click().run()  # the course's 1,000 epochs at 100 a second: 10 s
    try:
        assert [run_of(at, KEY).state for at in sessions] == ["training", "waiting"]
        costs = dict(drawing._costs)
        assert len(costs) == 2 and {page for _, page in costs} == {KEY}  # one view per session
        assert drawing.cost() == pytest.approx(sum(cost for cost, _ in costs.values()))
        waiting = live.PageState(KEY, sessions[1].session_state)
        assert waiting.cost > 0
        assert live._redraw_period(waiting, "waiting") >= WAITING_POLL_SECONDS  # its charts do not change
    finally:
        for at in sessions:
            run_of(at, KEY).stop()
            run_of(at, KEY).join(5)
