"""Generalisation (seed 003, after d2l): under- and over-fitting with a polynomial's degree, and weight decay."""
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.generalisation import figures as fit_figures
from dlcore.lectures.generalisation.model import (TRUE_B, TRUE_W, curve, decay_model, decay_step,
                                   dropout_mlp, dropout_run, polynomial_run, polynomial_text, power_text,
                                   split_evaluator, squared_loss, verdict, weight_decay_run)
from dlcore.engine.settings import Settings
from dlcore.engine.training import supervised_step
from dlcore.lectures.generalisation.lecture import DROPOUT_DATA, EXPERIMENT, SETTINGS, build

OVERFIT = {"experiment": "dropout", "train_size": "1000", "epochs": "200", "lr": "0.1", "autorun": "1"}

page = ui.page_setup("generalisation")
ui.lecture_header(page, "generalisation.title", "generalisation.intro")
with ui.folded(page):  # the projector view folds the experiment, its explanation and its settings into one
    with st.columns(2)[0]:
        experiment = ui.settings(page, Settings(EXPERIMENT), columns=1).experiment
    variant = page.variant(experiment)
    st.markdown(page.t(f"generalisation.{experiment}.about"))
    values = ui.settings(variant, SETTINGS[experiment], columns=3 if experiment == "dropout" else 2)


def losses(history, title_key: str = "generalisation.loss_title"):
    series = {page.t("generalisation.train"): history.series("train_loss"), page.t("generalisation.test"): history.series("test_loss")}
    return figures.lines(page.t(title_key), page.t("chart.epoch"), page.t("chart.loss"), series).update_yaxes(
        type="log", exponentformat="power")


def draw_polynomial(frame):
    if frame is None:
        return {}
    data, history = frame.extras["data"], frame.history
    x, true, fitted = curve(frame.model, data)
    names = {key: page.t(f"generalisation.{key}") for key in ("train", "test", "truth", "model")}
    train_count = len(data.train_y)
    charts = {"loss": losses(history),
              "fit": fit_figures.fitted_curve(page.t("generalisation.fit_title"), names, (data.x[:train_count], data.y[:train_count]),
                                          (data.x[train_count:], data.y[train_count:]), x, true, fitted)}
    outcome, degree = frame.run.trainer.outcome, frame.run.settings["degree"]
    if outcome is not None and outcome.failed:  # the run's own message says what happened: no verdict on NaN
        if frame.run.settings["powers"] == "raw":
            largest = data.x[:train_count].abs().max().item() ** degree
            charts["verdict"] = page.t("generalisation.raw_diverged", power=power_text(degree), largest=largest)
    elif history.epochs:
        last = history.epochs[-1]
        found = verdict(last["train_loss"], last["test_loss"])
        charts["verdict"] = page.t(f"generalisation.verdict.{found}", train=last["train_loss"], test=last["test_loss"],
                                   ratio=last["test_loss"] / max(last["train_loss"], 1e-12))
        charts["learned"] = page.t("generalisation.learned", learned=polynomial_text(*data.coefficients(frame.model)),
                                   true=polynomial_text(TRUE_B, list(TRUE_W)))
    return charts


def draw_weight_decay(frame):
    if frame is None:
        return {}
    history = frame.history
    charts = {"loss": losses(history),
              "norm": figures.lines(page.t("generalisation.norm_title"), page.t("chart.epoch"), page.t("generalisation.norm"),
                                    {"‖w‖": history.series("weight_norm")})}
    if history.epochs:
        last = history.epochs[-1]
        charts["result"] = page.t("generalisation.decay_result", epochs=len(history.epochs), train=last["train_loss"],
                                  test=last["test_loss"], norm=last["weight_norm"], lambd=frame.run.settings["lambd"])
    return charts


def draw_dropout(frame):
    if frame is None:
        return {}
    history = frame.history
    lanes = {"with": "dropout", "without": "plain"}
    series = {page.t(f"generalisation.{who}.{split}"): history.series(f"{lane}:{split}_acc")
              for who, lane in lanes.items() for split in ("train", "test")}
    gaps = {page.t(f"generalisation.{who}"): [100 * (train - test) for train, test in
                                              zip(history.series(f"{lane}:train_acc"), history.series(f"{lane}:test_acc"))]
            for who, lane in lanes.items()}
    charts = {"accuracy": figures.lines(page.t("generalisation.accuracy_title"), page.t("chart.epoch"), page.t("generalisation.accuracy"),
                                        series),
              "gap": figures.lines(page.t("generalisation.gap_title"), page.t("chart.epoch"), page.t("generalisation.gap"), gaps)}
    if history.epochs:
        last = history.epochs[-1]
        charts["result"] = page.t("generalisation.gap_result", epochs=len(history.epochs),
                                  with_gap=100 * (last["dropout:train_acc"] - last["dropout:test_acc"]),
                                  without_gap=100 * (last["plain:train_acc"] - last["plain:test_acc"]),
                                  with_test=last["dropout:test_acc"], without_test=last["plain:test_acc"])
    return charts


if experiment == "polynomial":
    ui.live_run(variant, values, build, draw_polynomial,
                code=[polynomial_run, split_evaluator, supervised_step], step_batches=True, compare={"loss": "test_loss"})
elif experiment == "dropout":
    ui.image_data(variant, DROPOUT_DATA)  # said where it comes from, downloaded first when it is missing
    ui.live_run(variant, values, build, draw_dropout,
                code=[dropout_mlp, dropout_run], compare={"accuracy": "dropout:test_acc"})
    st.page_link("pages/generalisation.py", label=page.t("generalisation.overfit_it"), icon="▶️", query_params=OVERFIT)
else:
    ui.live_run(variant, values, build, draw_weight_decay,
                code=[weight_decay_run, decay_model, decay_step, squared_loss], step_batches=True,
                compare={"loss": "test_loss", "norm": "weight_norm"})
