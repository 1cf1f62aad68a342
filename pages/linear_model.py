"""Lectures 2-3: the cost curve of y_hat = x * w, and gradient descent walking down it."""
import streamlit as st

from dlcore import figures, ui
from dlcore.gradient_descent import (ScalarModel, course_data, cost_curve, costs_at, forward, gradient,
                                     gradient_descent_step, mse, sample_batches)
from dlcore.training import Trainer

page = ui.page_setup("linear_model")
st.title(page.t("gd.title"))
st.markdown(page.t("gd.intro"))

stochastic = ui.choice(page, "gd.mode", "mode", [False, True], False,
                       format_func=lambda s: page.t("gd.mode.stochastic" if s else "gd.mode.batch"))
lr = ui.lr_control(page, default=0.01)
epochs = ui.epochs_control(page, default=100, maximum=1000)
st.caption(page.t("gd.diverge_hint"))
action = ui.train_buttons(page)

x, y = course_data(page.device)
WS, COSTS = cost_curve(x, y)


def build():
    model = ScalarModel.starting_at(1.0, page.device)
    trainer = Trainer(gradient_descent_step(model, lr), sample_batches(x, y, stochastic), epochs)
    return ui.Run(trainer, model=model, device=str(page.device))


def draw(run):
    path = run.model.path if run else []
    charts = {"cost": figures.cost_curve(WS, COSTS, path, costs_at(x, y, path) if path else [], page.lang)}
    if run is not None:
        charts["loss"] = figures.loss_curve(run.trainer.history, page.lang, log_y=True)
    return charts


run = ui.train(page, action, build, draw, lr=lr, epochs=epochs,
               code=[forward, mse, gradient, gradient_descent_step, sample_batches])
if run is not None:
    w = run.model.path[-1]
    st.markdown(page.t("gd.result", w=w, y=forward(4.0, w)))
st.caption(page.t("gd.nonconvex"))
