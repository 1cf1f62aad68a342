"""Lectures 2-3: the cost curve of y_hat = x * w, and gradient descent walking down it."""
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.gradient_descent import figures as descent_figures
from dlcore.lectures.gradient_descent.model import (course_data, cost_curve, costs_at, forward, gradient,
                                                    gradient_descent_step, mse, sample_batches)
from dlcore.lectures.linear_model.lecture import PACE, SETTINGS, build

page = ui.page_setup("linear_model")
ui.lecture_header(page, "linear_model.title", "linear_model.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)
    st.caption(page.t("linear_model.diverge_hint"))

x, y = course_data(page.device)
WS, COSTS = cost_curve(x, y)


def draw(frame):
    path = frame.model.path[: frame.batches + 1] if frame is not None else []
    charts = {"cost": descent_figures.cost_curve(WS, COSTS, path, costs_at(x, y, path) if path else [], page.lang)}
    if frame is not None:
        charts["loss"] = figures.loss_curve(frame.history, page.lang, log_y=True)
        charts["result"] = page.t("linear_model.result", w=path[-1], y=forward(4.0, path[-1]))
    return charts


ui.live_run(page, values, build, draw, code=[forward, mse, gradient, gradient_descent_step, sample_batches],
            pace=PACE, step_batches=True)
st.caption(page.t("linear_model.nonconvex"))
