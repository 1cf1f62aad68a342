"""Lecture 7: eight features in, one probability out — the diabetes table through three linear layers."""
import pandas as pd
import streamlit as st

from dlcore import figures, ui
from dlcore.convnets import layer_shapes
from dlcore.data import data_dir
from dlcore.diabetes import SETTINGS, DiabetesNet, answers, diabetes_run, find_table, read_table, split
from dlcore.training import supervised_step

EXERCISE = {"activation1": "ReLU", "activation2": "ReLU", "batch_size": "32", "autorun": "1"}

page = ui.page_setup("diabetes")
ui.lecture_header(page, "diabetes.title", "diabetes.intro")


table = ui.cached_resource(read_table)  # read once per server, keyed by where the file was found
with ui.folded(page):
    values = ui.settings(page, SETTINGS, columns=3)

path = ui.data_file(page, find_table(data_dir()), "diabetes.missing")
x, y = table(path)
data = split(x, y)
st.caption(page.t("diabetes.source", path=path, train=len(data.train_y), val=len(data.val_y)))
labels = [page.t("diabetes.label.0"), page.t("diabetes.label.1")]


def build():
    return diabetes_run(data, values, page.device, page.seed)


def draw(frame):
    if frame is None:
        return {}
    history = frame.history
    charts = {
        "loss": figures.lines(page.t("diabetes.loss_title"), page.t("chart.epoch"), page.t("chart.loss"),
                              {page.t("diabetes.train"): history.series("loss"),
                               page.t("diabetes.validation"): history.series("val_loss")}),
        "accuracy": figures.lines(page.t("diabetes.accuracy_title"), page.t("chart.epoch"), page.t("diabetes.accuracy"),
                                  {page.t("diabetes.train"): history.series("train_acc"),
                                   page.t("diabetes.validation"): history.series("val_acc")},
                                  targets={page.t("diabetes.validation"): data.majority_share},
                                  target_label=page.t("diabetes.majority")),
    }
    if history.epochs:
        last = history.epochs[-1]
        if last["classes"] == 1:
            answer = labels[int(answers(frame.model, frame.extras["data"].val_x[:1]).item())]
            charts["one_class"] = page.t("diabetes.one_class", answer=answer, accuracy=last["val_acc"], loss=last["loss"])
        else:
            charts["result"] = page.t("diabetes.result", accuracy=last["val_acc"], majority=data.majority_share)
    return charts


run = ui.live_run(page, values, build, draw, code=[DiabetesNet, supervised_step], pace=None, step_batches=True)
last = run.trainer.history.epochs[-1] if run is not None and run.trainer.history.epochs else None
if last is not None and last["classes"] == 1 and not run.busy:
    st.page_link("pages/multiple_input.py", label=page.t("diabetes.try_exercise"), icon="▶️", query_params=EXERCISE)

st.subheader(page.t("diabetes.data_title"))
st.plotly_chart(figures.features_by_label(x, y, labels, page.t("diabetes.features_title"), page.t("diabetes.feature"),
                                          page.t("diabetes.value")), key="diabetes:features", width="stretch")
st.markdown(page.t("diabetes.matrix", n=len(data.train_y)))
shapes = layer_shapes(DiabetesNet(values.activation1, values.activation2), data.train_x)
st.dataframe(pd.DataFrame({page.t("diabetes.layer"): [name for name, _ in shapes],
                           page.t("diabetes.shape"): [" × ".join(map(str, shape)) for _, shape in shapes]}),
             hide_index=True)
