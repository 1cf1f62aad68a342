"""Lecture 6: logistic regression on hours studied -> pass/fail, with the sigmoid redrawn live."""
import streamlit as st
import torch

from dlcore import figures, ui
from dlcore.regression import (OPTIMIZERS, LogisticRegressionModel, decision_boundary, hours_passed,
                               make_optimizer, predict)
from dlcore.training import Trainer, full_batch, supervised_step

page = ui.page_setup("logistic")
st.title(page.t("logistic.title"))
st.markdown(page.t("logistic.intro"))

lr = ui.lr_control(page, default=0.01)
epochs = ui.epochs_control(page, default=1000, maximum=10000)
optimizer_name = ui.choice(page, "train.optimizer", "optimizer", OPTIMIZERS, "SGD")
action = ui.train_buttons(page)


def build():
    torch.manual_seed(page.seed)
    model = LogisticRegressionModel().to(page.device)
    x, y = hours_passed(page.device)
    optimizer = make_optimizer(optimizer_name, model.parameters(), lr)
    step = supervised_step(model, torch.nn.BCELoss(reduction="sum"), optimizer)
    return ui.Run(Trainer(step, full_batch(x, y), epochs), model=model, device=str(page.device))


HOURS = torch.linspace(0, 10, 200).tolist()
DATA_X, DATA_Y = (t.flatten().tolist() for t in hours_passed())


def draw(run):
    charts = {}
    if run is not None:
        charts["loss"] = figures.loss_curve(run.trainer.history, page.lang)
        boundary = decision_boundary(run.model)
        charts["sigmoid"] = figures.sigmoid_decision(HOURS, predict(run.model, HOURS), boundary, DATA_X, DATA_Y, page.lang)
    return charts


run = ui.train(page, action, build, draw, lr=lr, epochs=epochs, code=[LogisticRegressionModel, supervised_step])
if run is not None:
    boundary = decision_boundary(run.model)
    st.markdown(page.t("logistic.boundary", x=boundary) if boundary == boundary else page.t("logistic.no_boundary"))
