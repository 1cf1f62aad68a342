"""The playground: TensorFlow Playground's 2-D classifier, trained live by real PyTorch."""
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.playground import figures as playground_figures
from dlcore.lectures.playground.lecture import SETTINGS, build as build_network
from dlcore.lectures.playground.model import (FEATURES, PlaygroundNet, SetupProblem, chosen_features, class_count,
                                              features, first_layer_units, hidden_layers, parameters, points,
                                              regions)
from dlcore.engine.training import supervised_step

GROUPS = {
    "playground.group.data": ("dataset", "classes", "noise", "points", "test_share"),
    "playground.group.features": FEATURES,
    "playground.group.network": ("hidden", "activation", "dropout"),
    "playground.group.training": ("optimizer", "lr", "batch_size", "weight_decay", "epochs"),
}

page = ui.page_setup("playground")
ui.lecture_header(page, "playground.title", "playground.intro")
with ui.folded(page):
    values = ui.settings_columns(page, SETTINGS, GROUPS, widths=[1, 0.6, 1, 1.4])
    st.caption(page.t("playground.features_help"))

try:
    hidden, chosen = hidden_layers(values.hidden), chosen_features(values)
    classes = class_count(values)
    layers = " → ".join(map(str, hidden)) or page.t("playground.no_hidden")
    st.caption(page.t("playground.network", inputs=len(chosen), layers=layers, classes=classes,
                      parameters=parameters(len(chosen), hidden, classes)))
except SetupProblem as problem:
    hidden = None
    st.error(page.t(problem.key, **problem.values))


def names(count: int) -> list[str]:
    return [page.t("playground.class", k=k) for k in range(count)]


def build(spec):
    if hidden is None:
        return None  # the page has said what is wrong; the last run stays
    return build_network(spec)


def draw(frame):
    if frame is None:
        if hidden is None:
            return {}
        data = points(values, page.seed)
        return {"data": playground_figures.decision_regions(None, None, data, names(data.classes), page.lang)}
    data, history = frame.extras["data"], frame.history
    axis, probabilities = regions(frame.model, data.chosen)
    split = {page.t("playground.train"): "train", page.t("playground.test"): "test"}
    charts = {
        "regions": playground_figures.decision_regions(axis, probabilities, data, names(data.classes), page.lang),
        "loss": figures.lines(page.t("playground.loss_title"), page.t("chart.epoch"), page.t("chart.loss"),
                              {name: history.series("loss" if key == "train" else "test_loss")
                               for name, key in split.items()}),
    }
    units = first_layer_units(frame.model, data.chosen)
    if units is not None:
        charts["units"] = playground_figures.first_layer(units, page.lang)
    charts["accuracy"] = figures.lines(page.t("playground.accuracy_title"), page.t("chart.epoch"), page.t("playground.accuracy"),
                                       {name: history.series(f"{key}_acc") for name, key in split.items()})
    if history.epochs:
        last = history.epochs[-1]
        charts["result"] = page.t("playground.result", test=last["test_acc"], train=last["train_acc"], loss=last["test_loss"])
    return charts


ui.live_run(page, values, build, draw, code=[features, PlaygroundNet, supervised_step], pace=None,
            compare={"loss": "loss", "accuracy": "test_acc"})
