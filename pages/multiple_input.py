"""Lecture 7: eight features in, one probability out — the diabetes table through three linear layers."""
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.cnn_basics.model import layer_shapes
from dlcore.engine.data import data_dir
from dlcore.lectures.multiple_input.lecture import SETTINGS, build, diabetes, table
from dlcore.lectures.multiple_input.model import DiabetesNet, answers, find_table
from dlcore.engine.training import supervised_step

EXERCISE = {"activation1": "ReLU", "activation2": "ReLU", "batch_size": "32", "autorun": "1"}

page = ui.page_setup("multiple_input")
ui.lecture_header(page, "multiple_input.title", "multiple_input.intro")


with ui.folded(page):
    values = ui.settings(page, SETTINGS, columns=3)

path = ui.data_file(page, find_table(data_dir()), "multiple_input.missing")
x, y = table(path)
data = diabetes(path)
st.caption(page.t("multiple_input.source", path=path, train=len(data.train_y), val=len(data.val_y)))
labels = [page.t("multiple_input.label.0"), page.t("multiple_input.label.1")]


def draw(frame):
    if frame is None:
        return {}
    history = frame.history
    charts = {
        "loss": figures.lines(page.t("multiple_input.loss_title"), page.t("chart.epoch"), page.t("chart.loss"),
                              {page.t("multiple_input.train"): history.series("loss"),
                               page.t("multiple_input.validation"): history.series("val_loss")}),
        "accuracy": figures.lines(page.t("multiple_input.accuracy_title"), page.t("chart.epoch"), page.t("multiple_input.accuracy"),
                                  {page.t("multiple_input.train"): history.series("train_acc"),
                                   page.t("multiple_input.validation"): history.series("val_acc")},
                                  targets={page.t("multiple_input.validation"): data.majority_share},
                                  target_label=page.t("multiple_input.majority")),
    }
    if history.epochs:
        last = history.epochs[-1]
        if last["classes"] == 1:
            answer = labels[int(answers(frame.model, frame.extras["data"].val_x[:1]).item())]
            charts["one_class"] = page.t("multiple_input.one_class", answer=answer, accuracy=last["val_acc"], loss=last["loss"])
        else:
            charts["result"] = page.t("multiple_input.result", accuracy=last["val_acc"], majority=data.majority_share)
    return charts


run = ui.live_run(page, values, build, draw, code=[DiabetesNet, supervised_step], pace=None, step_batches=True)
last = run.trainer.history.epochs[-1] if run is not None and run.trainer.history.epochs else None
if last is not None and last["classes"] == 1 and not run.busy:
    st.page_link("pages/multiple_input.py", label=page.t("multiple_input.try_exercise"), icon="▶️", query_params=EXERCISE)

st.subheader(page.t("multiple_input.data_title"))
st.plotly_chart(figures.features_by_label(x, y, labels, page.t("multiple_input.features_title"), page.t("multiple_input.feature"),
                                          page.t("multiple_input.value")), key="multiple_input:features", width="stretch")
st.markdown(page.t("multiple_input.matrix", n=len(data.train_y)))
shapes = layer_shapes(DiabetesNet(values.activation1, values.activation2), data.train_x)
st.dataframe(pd.DataFrame({page.t("multiple_input.layer"): [name for name, _ in shapes],
                           page.t("multiple_input.shape"): [" × ".join(map(str, shape)) for _, shape in shapes]}),
             hide_index=True)
