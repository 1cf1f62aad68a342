"""Lectures 2-3: the cost curve of y_hat = x * w, and gradient descent walking down it."""
import streamlit as st

from dlcore import figures, ui
from dlcore.gradient_descent import (ScalarModel, course_data, cost_curve, costs_at, forward, gradient,
                                     gradient_descent_step, mse, sample_batches)
from dlcore.runs import Run
from dlcore.settings import Setting, Settings, epochs, learning_rate
from dlcore.training import ManualRate, Trainer

SETTINGS = Settings(
    Setting("mode", "batch", "gd.mode", widget="select", options=("batch", "stochastic"), format="gd.mode"),
    learning_rate(0.01), epochs(100, high=1000))
PACE = 10  # steps a second: the course's 100 batch steps take 10 s on screen
START_W = 1.0

page = ui.page_setup("linear_model")
ui.lecture_header(page, "gd.title", "gd.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)
    st.caption(page.t("gd.diverge_hint"))

x, y = course_data(page.device)
WS, COSTS = cost_curve(x, y)


def build():
    model = ScalarModel.starting_at(START_W, page.device)
    rate = ManualRate(values.lr)
    trainer = Trainer(gradient_descent_step(model, rate), sample_batches(x, y, values.mode == "stochastic"),
                      values.epochs, optimizer=rate)
    return Run(trainer, model=model, device=str(page.device))


def draw(frame):
    path = frame.model.path[: frame.batches + 1] if frame is not None else []
    charts = {"cost": figures.cost_curve(WS, COSTS, path, costs_at(x, y, path) if path else [], page.lang)}
    if frame is not None:
        charts["loss"] = figures.loss_curve(frame.history, page.lang, log_y=True)
        charts["result"] = page.t("gd.result", w=path[-1], y=forward(4.0, path[-1]))
    return charts


ui.live_run(page, values, build, draw, code=[forward, mse, gradient, gradient_descent_step, sample_batches],
            pace=PACE, step_batches=True)
st.caption(page.t("gd.nonconvex"))
