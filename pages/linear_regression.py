"""Lecture 5: linear regression with nn.Linear, a loss and an optimizer; the course's data and d2l's."""
import pandas as pd
import streamlit as st
import torch

from dlcore import figures, ui
from dlcore.regression import OPTIMIZERS, LinearModel, course_points, make_optimizer, predict, synthetic_data
from dlcore.training import ParameterTrace, Trainer, full_batch, minibatches, supervised_step

TRUE_W, TRUE_B = [2.0, -3.4], 4.2
DEFAULTS = {  # the course's settings, and d2l's (seed 003)
    "course": dict(lr=0.01, epochs=100, loss=torch.nn.MSELoss(reduction="sum")),
    "d2l": dict(lr=0.03, epochs=3, loss=torch.nn.MSELoss()),
}

page = ui.page_setup("linear_regression")
st.title(page.t("reg.title"))
st.markdown(page.t("reg.intro"))

dataset = ui.choice(page, "reg.dataset", "dataset", list(DEFAULTS), "course", format_func=lambda d: page.t(f"reg.dataset.{d}"))
variant = page.variant(dataset)
settings = DEFAULTS[dataset]
lr = ui.lr_control(variant, default=settings["lr"])
epochs = ui.epochs_control(variant, default=settings["epochs"], maximum=2000 if dataset == "course" else 50)
optimizer_name = ui.choice(variant, "train.optimizer", "optimizer", OPTIMIZERS, "SGD")
if optimizer_name == "LBFGS":
    st.caption(page.t("reg.lbfgs_note"))
action = ui.train_buttons(variant)


def data():
    if dataset == "course":
        return course_points(page.device)
    x, y = synthetic_data(TRUE_W, TRUE_B, generator=torch.Generator().manual_seed(page.seed))
    return x.to(page.device), y.to(page.device)


def build():
    torch.manual_seed(page.seed)
    x, y = data()
    model = LinearModel(x.shape[1]).to(page.device)
    optimizer = make_optimizer(optimizer_name, model.parameters(), lr)
    batches = full_batch(x, y) if dataset == "course" else minibatches(x, y, 10, torch.Generator().manual_seed(page.seed))
    trace = ParameterTrace(model)
    trainer = Trainer(supervised_step(model, settings["loss"], optimizer), batches, epochs, callbacks=[trace])
    return ui.Run(trainer, model=model, extras={"trace": trace, "x": x, "y": y}, device=str(page.device))


def targets() -> dict:
    if dataset == "course":
        return {"linear.weight[0]": 2.0, "linear.bias[0]": 0.0}
    return {"linear.weight[0]": TRUE_W[0], "linear.weight[1]": TRUE_W[1], "linear.bias[0]": TRUE_B}


def draw(run):
    if run is None:
        return {}
    charts = {"loss": figures.loss_curve(run.trainer.history, page.lang, log_y=True)}
    if dataset == "course":
        x, y = run.extras["x"].flatten().tolist(), run.extras["y"].flatten().tolist()
        charts["fit"] = figures.fitted_line(x, y, [0.0, 4.5], predict(run.model, [0.0, 4.5]), page.lang)
    charts["parameters"] = figures.lines(page.t("reg.params_title"), page.t("chart.batch"), page.t("reg.value"),
                                         run.extras["trace"].values, targets(), page.t("reg.true"))
    return charts


run = ui.train(variant, action, build, draw, lr=lr, epochs=epochs, code=[LinearModel, supervised_step])
if run is not None:
    weight = run.model.linear.weight.detach().flatten().tolist()
    bias = run.model.linear.bias.item()
    if dataset == "course":
        st.markdown(page.t("reg.learned", w=f"{weight[0]:.4f}", b=f"{bias:.4f}"))
        st.markdown(page.t("reg.predict", y=predict(run.model, [4.0])[0]))
    else:
        st.subheader(page.t("reg.compare"))
        learned = dict(zip(["w1", "w2", "b"], weight + [bias]))
        truth = dict(zip(["w1", "w2", "b"], TRUE_W + [TRUE_B]))
        st.dataframe(pd.DataFrame({
            page.t("reg.parameter"): list(truth),
            page.t("reg.true"): list(truth.values()),
            page.t("reg.learned_col"): list(learned.values()),
            page.t("reg.error"): [truth[k] - learned[k] for k in truth],
        }), hide_index=True)
