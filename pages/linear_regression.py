"""Lecture 5: linear regression with nn.Linear, a loss and an optimizer; the course's data and d2l's."""
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.regression import figures as regression_figures
from dlcore.engine.training import supervised_step
from dlcore.lectures.linear_regression.lecture import DATASET, PACES, SETTINGS, build
from dlcore.lectures.regression.model import D2L_TRUE_B as TRUE_B
from dlcore.lectures.regression.model import D2L_TRUE_W as TRUE_W
from dlcore.lectures.regression.model import LinearModel, predict

SHOWN = {"course": ["lr", "epochs", "optimizer"], "d2l": None}  # the course fits its three points in one batch
LINE_X = [0.0, 4.5]

page = ui.page_setup("linear_regression")
ui.lecture_header(page, "linear_regression.title", "linear_regression.intro")
with ui.folded(page):
    dataset = ui.setting_widget(page, DATASET, {})
    variant = page.variant(dataset)
    values = ui.settings(variant, SETTINGS[dataset], only=SHOWN[dataset])
    if values.optimizer == "LBFGS":
        st.caption(page.t("linear_regression.lbfgs_note"))


def targets() -> dict:
    if dataset == "course":
        return {"linear.weight[0]": 2.0, "linear.bias[0]": 0.0}
    return {"linear.weight[0]": TRUE_W[0], "linear.weight[1]": TRUE_W[1], "linear.bias[0]": TRUE_B}


def draw(frame):
    if frame is None:
        return {}
    charts = {"loss": figures.loss_curve(frame.history, page.lang, log_y=True)}
    if dataset == "course":
        x, y = frame.extras["x"].flatten().tolist(), frame.extras["y"].flatten().tolist()
        charts["fit"] = regression_figures.fitted_line(x, y, LINE_X, predict(frame.model, LINE_X), page.lang)
    trace = {name: series[: frame.batches] for name, series in frame.extras["trace"].values.items()}
    charts["parameters"] = figures.lines(page.t("linear_regression.params_title"), page.t("chart.batch"), page.t("linear_regression.value"),
                                         trace, targets(), page.t("linear_regression.true"))
    charts.update(results(frame.model))
    return charts


def results(model: LinearModel) -> dict:
    """The learned line and its prediction for x = 4 (course), or the learned against the true parameters (d2l)."""
    weight = model.linear.weight.detach().flatten().tolist()
    bias = model.linear.bias.item()
    if dataset == "course":
        return {"learned": page.t("linear_regression.learned", w=f"{weight[0]:.4f}", b=f"{bias:.4f}"),
                "prediction": page.t("linear_regression.predict", y=predict(model, [4.0])[0])}
    truth = dict(zip(["w1", "w2", "b"], TRUE_W + [TRUE_B]))
    learned = dict(zip(truth, weight + [bias]))
    return {"compare_title": f"#### {page.t('linear_regression.compare')}",
            "compare": pd.DataFrame({page.t("linear_regression.parameter"): list(truth), page.t("linear_regression.true"): list(truth.values()),
                                     page.t("linear_regression.learned_col"): list(learned.values()),
                                     page.t("linear_regression.error"): [truth[k] - learned[k] for k in truth]})}


ui.live_run(variant, values, build, draw, code=[LinearModel, supervised_step], pace=PACES[dataset], step_batches=True)
