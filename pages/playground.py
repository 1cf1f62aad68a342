"""The playground: TensorFlow Playground's 2-D classifier, trained live by real PyTorch."""
import streamlit as st

from dlcore import figures, playground_figures, ui
from dlcore.playground import (FEATURES, SETTINGS, PlaygroundNet, SetupProblem, chosen_features, class_count,
                               features, first_layer_units, hidden_layers, parameters, playground_run, points,
                               regions)
from dlcore.training import supervised_step

GROUPS = {
    "play.group.data": ("dataset", "classes", "noise", "points", "test_share"),
    "play.group.features": FEATURES,
    "play.group.network": ("hidden", "activation", "dropout"),
    "play.group.training": ("optimizer", "lr", "batch_size", "weight_decay", "epochs"),
}

page = ui.page_setup("playground")
ui.lecture_header(page, "play.title", "play.intro")
with ui.folded(page):
    values = ui.settings_columns(page, SETTINGS, GROUPS, widths=[1, 0.6, 1, 1.4])
    st.caption(page.t("play.features_help"))

try:
    hidden, chosen = hidden_layers(values.hidden), chosen_features(values)
    classes = class_count(values)
    layers = " → ".join(map(str, hidden)) or page.t("play.no_hidden")
    st.caption(page.t("play.network", inputs=len(chosen), layers=layers, classes=classes,
                      parameters=parameters(len(chosen), hidden, classes)))
except SetupProblem as problem:
    hidden = None
    st.error(page.t(problem.key, **problem.values))


def names(count: int) -> list[str]:
    return [page.t("play.class", k=k) for k in range(count)]


def build():
    if hidden is None:
        return None  # the page has said what is wrong; the last run stays
    return playground_run(values, page.device, page.seed)


def draw(frame):
    if frame is None:
        if hidden is None:
            return {}
        data = points(values, page.seed)
        return {"data": playground_figures.decision_regions(None, None, data, names(data.classes), page.lang)}
    data, history = frame.extras["data"], frame.history
    axis, probabilities = regions(frame.model, data.chosen)
    split = {page.t("play.train"): "train", page.t("play.test"): "test"}
    charts = {
        "regions": playground_figures.decision_regions(axis, probabilities, data, names(data.classes), page.lang),
        "loss": figures.lines(page.t("play.loss_title"), page.t("chart.epoch"), page.t("chart.loss"),
                              {name: history.series("loss" if key == "train" else "test_loss")
                               for name, key in split.items()}),
    }
    units = first_layer_units(frame.model, data.chosen)
    if units is not None:
        charts["units"] = playground_figures.first_layer(units, page.lang)
    charts["accuracy"] = figures.lines(page.t("play.accuracy_title"), page.t("chart.epoch"), page.t("play.accuracy"),
                                       {name: history.series(f"{key}_acc") for name, key in split.items()})
    if history.epochs:
        last = history.epochs[-1]
        charts["result"] = page.t("play.result", test=last["test_acc"], train=last["train_acc"], loss=last["test_loss"])
    return charts


ui.live_run(page, values, build, draw, code=[features, PlaygroundNet, supervised_step], pace=None,
            compare={"loss": "loss", "accuracy": "test_acc"})
