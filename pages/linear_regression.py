"""Lecture 5: linear regression with nn.Linear, a loss and an optimizer; the course's data and d2l's."""
import pandas as pd
import streamlit as st
import torch

from dlcore import figures, ui
from dlcore.regression import D2L_TRUE_B as TRUE_B
from dlcore.regression import D2L_TRUE_W as TRUE_W
from dlcore.regression import LinearModel, course_points, predict, synthetic_data
from dlcore.runs import Run
from dlcore.settings import Setting, Settings, epochs, learning_rate, optimizer
from dlcore.training import ParameterTrace, Trainer, full_batch, make_optimizer, minibatches, supervised_step

DATASET = Setting("dataset", "course", "reg.dataset", widget="select", options=("course", "d2l"), format="reg.dataset")
COURSE = Settings(learning_rate(0.01), epochs(100, high=2000), optimizer("SGD"),
                  Setting("batch_size", 10, "reg.batch_size", widget="select_slider",
                          options=(1, 2, 5, 10, 20, 50, 100)))
SETTINGS = {"course": COURSE, "d2l": COURSE.with_defaults(lr=0.03, epochs=3)}  # d2l's settings (seed 003)
SHOWN = {"course": ["lr", "epochs", "optimizer"], "d2l": None}  # the course fits its three points in one batch
LOSSES = {"course": torch.nn.MSELoss(reduction="sum"), "d2l": torch.nn.MSELoss()}
PACES = {"course": 10, "d2l": 50}  # steps a second: 100 full-batch epochs, or 3 epochs of 100 batches, in 6-10 s
LINE_X = [0.0, 4.5]

page = ui.page_setup("linear_regression")
ui.lecture_header(page, "reg.title", "reg.intro")
with ui.folded(page):
    dataset = ui.setting_widget(page, DATASET, {})
    variant = page.variant(dataset)
    values = ui.settings(variant, SETTINGS[dataset], only=SHOWN[dataset])
    if values.optimizer == "LBFGS":
        st.caption(page.t("reg.lbfgs_note"))


def data():
    if dataset == "course":
        return course_points(page.device)
    x, y = synthetic_data(TRUE_W, TRUE_B, generator=torch.Generator().manual_seed(page.seed))
    return x.to(page.device), y.to(page.device)


def build():
    torch.manual_seed(page.seed)
    x, y = data()
    model = LinearModel(x.shape[1]).to(page.device)
    optimizer = make_optimizer(values.optimizer, model.parameters(), values.lr)
    if dataset == "course":
        batches = full_batch(x, y)
    else:
        batches = minibatches(x, y, values.batch_size, torch.Generator().manual_seed(page.seed))
    trace = ParameterTrace(model)
    trainer = Trainer(supervised_step(model, LOSSES[dataset], optimizer), batches, values.epochs, callbacks=[trace],
                      optimizer=optimizer)
    return Run(trainer, model=model, extras={"trace": trace, "x": x, "y": y}, device=str(page.device))


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
        charts["fit"] = figures.fitted_line(x, y, LINE_X, predict(frame.model, LINE_X), page.lang)
    trace = {name: series[: frame.batches] for name, series in frame.extras["trace"].values.items()}
    charts["parameters"] = figures.lines(page.t("reg.params_title"), page.t("chart.batch"), page.t("reg.value"),
                                         trace, targets(), page.t("reg.true"))
    charts.update(results(frame.model))
    return charts


def results(model: LinearModel) -> dict:
    """The learned line and its prediction for x = 4 (course), or the learned against the true parameters (d2l)."""
    weight = model.linear.weight.detach().flatten().tolist()
    bias = model.linear.bias.item()
    if dataset == "course":
        return {"learned": page.t("reg.learned", w=f"{weight[0]:.4f}", b=f"{bias:.4f}"),
                "prediction": page.t("reg.predict", y=predict(model, [4.0])[0])}
    truth = dict(zip(["w1", "w2", "b"], TRUE_W + [TRUE_B]))
    learned = dict(zip(truth, weight + [bias]))
    return {"compare_title": f"#### {page.t('reg.compare')}",
            "compare": pd.DataFrame({page.t("reg.parameter"): list(truth), page.t("reg.true"): list(truth.values()),
                                     page.t("reg.learned_col"): list(learned.values()),
                                     page.t("reg.error"): [truth[k] - learned[k] for k in truth]})}


ui.live_run(variant, values, build, draw, code=[LinearModel, supervised_step], pace=PACES[dataset], step_batches=True)
