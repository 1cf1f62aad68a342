"""Lecture 4: the same linear model, with the gradient computed by autograd."""
from dataclasses import fields

import pandas as pd
import streamlit as st
import torch

from dlcore import figures, ui
from dlcore.gradient_descent import AutogradRecord, autograd_step, course_data, explain_step, forward, sample_batches
from dlcore.runs import Run
from dlcore.settings import Settings, epochs, learning_rate
from dlcore.training import ManualRate, Trainer

SETTINGS = Settings(learning_rate(0.01), epochs(100, high=1000))
PACE = 50  # steps a second: the course's 100 epochs of 3 samples take 6 s on screen (a speed the control offers)
START_W = 1.0

page = ui.page_setup("backprop")
ui.lecture_header(page, "backprop.title", "backprop.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)

x, y = course_data(page.device)


def build():
    w = torch.tensor([START_W], device=page.device, requires_grad=True)
    records = []
    rate = ManualRate(values.lr)
    trainer = Trainer(autograd_step(w, rate, records), sample_batches(x, y, stochastic=True), values.epochs,
                      optimizer=rate)
    return Run(trainer, model=w, extras={"records": records}, device=str(page.device))


def draw(frame):
    w = frame.model.item() if frame is not None else START_W
    nodes, edges = explain_step(x[0].item(), y[0].item(), w)
    charts = {"graph": figures.computation_graph(nodes, edges, page.lang)}
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
