"""Lecture 4: the same linear model, with the gradient computed by autograd."""
from dataclasses import fields

import pandas as pd
import streamlit as st
from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.backprop import figures as graph_figures
from dlcore.lectures.backprop.lecture import PACE, SETTINGS, START_W, build
from dlcore.lectures.gradient_descent.model import AutogradRecord, autograd_step, course_data, explain_step, forward

page = ui.page_setup("backprop")
ui.lecture_header(page, "backprop.title", "backprop.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)

x, y = course_data(page.device)


def draw(frame):
    w = frame.model.item() if frame is not None else START_W
    nodes, edges = explain_step(x[0].item(), y[0].item(), w)
    charts = {"graph": graph_figures.computation_graph(nodes, edges, page.lang)}
    if frame is None:
        return charts
    records = frame.extras["records"][: frame.batches]
    charts["loss"] = figures.loss_curve(frame.history, page.lang, log_y=True)
    charts["steps"] = figures.lines(page.t("backprop.steps_title"), page.t("backprop.step"), "",
                                    {"w": [r.w for r in records], "w.grad": [r.grad for r in records]})
    charts["prediction"] = page.t("backprop.predict", before=forward(4.0, START_W), after=forward(4.0, w))
    charts["table_title"] = f"#### {page.t('backprop.table')}"
    charts["table"] = pd.DataFrame(records, columns=[field.name for field in fields(AutogradRecord)])
    return charts


st.caption(page.t("backprop.graph_caption"))
ui.live_run(page, values, build, draw, code=[autograd_step, explain_step], pace=PACE, step_batches=True)
