"""Lecture 4: the same linear model, with the gradient computed by autograd."""
import pandas as pd
import streamlit as st
import torch

from dlcore import figures, ui
from dlcore.gradient_descent import autograd_step, course_data, explain_step, sample_batches
from dlcore.training import Trainer

page = ui.page_setup("backprop")
st.title(page.t("backprop.title"))
st.markdown(page.t("backprop.intro"))

lr = ui.lr_control(page, default=0.01)
epochs = ui.epochs_control(page, default=100, maximum=1000)
action = ui.train_buttons(page)

x, y = course_data(page.device)


def build():
    w = torch.tensor([1.0], device=page.device, requires_grad=True)
    records = []
    trainer = Trainer(autograd_step(w, lr, records), sample_batches(x, y, stochastic=True), epochs)
    return ui.Run(trainer, model=w, extras={"records": records}, device=str(page.device))


def current_w(run) -> float:
    return run.model.item() if run else 1.0


def draw(run):
    nodes, edges = explain_step(x[0].item(), y[0].item(), current_w(run))
    charts = {"graph": figures.computation_graph(nodes, edges, page.lang)}
    if run is not None:
        records = run.extras["records"]
        charts["loss"] = figures.loss_curve(run.trainer.history, page.lang, log_y=True)
        charts["steps"] = figures.lines(page.t("backprop.steps_title"), page.t("backprop.step"), "",
                                        {"w": [r.w for r in records], "w.grad": [r.grad for r in records]})
    return charts


run = ui.train(page, action, build, draw, lr=lr, epochs=epochs, code=[autograd_step, explain_step])
st.caption(page.t("backprop.graph_caption"))
if run is not None:
    st.markdown(page.t("backprop.predict", before=4.0 * 1.0, after=4.0 * current_w(run)))
    st.subheader(page.t("backprop.table"))
    st.dataframe(pd.DataFrame(run.extras["records"]), height=240, width="stretch")
