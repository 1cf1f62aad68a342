"""Lecture 11: Inception and residual networks on MNIST, their shapes, and a race against lecture 10's basic CNN."""
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.lectures.advanced_cnns.model import (BASIC, COMPARED, MODELS, RACE_SETTINGS, ChannelConcat, InceptionA, InceptionNet, Race,
                                  ResidualBlock, ResNet, comparison_accuracy, comparison_loss, comparison_rows,
                                  comparison_run, shape_rows)
from dlcore.lectures.cnn_basics.model import parameter_count
from dlcore.lectures.advanced_cnns.lecture import MODEL, RACE, build
from dlcore.lectures.classifiers.training import COMPARE, classifier_charts
from dlcore.engine.training import supervised_step
from dlcore.ui.images import train_size_format

DATA_SETS = ["mnist", "fashion_mnist"]
CODE = {"inception": [ChannelConcat, InceptionA, InceptionNet], "resnet": [ResidualBlock, ResNet]}

page = ui.page_setup("advanced_cnns")
ui.lecture_header(page, "advanced_cnns.title", "advanced_cnns.intro")

with ui.folded(page):
    model_name = ui.setting_widget(page, MODEL, {})
    variant, network = page.variant(model_name), MODELS[model_name]
    st.markdown(page.t(f"advanced_cnns.about.{model_name}"))
    st.caption(page.t("advanced_cnns.settings"))

    untrained = network.build()
    st.markdown(page.t("advanced_cnns.parameters", count=parameter_count(untrained), basic=parameter_count(BASIC.build())))
    st.subheader(page.t("advanced_cnns.shapes_title"))
    st.caption(page.t("advanced_cnns.shapes_help"))
    st.dataframe(pd.DataFrame(shape_rows(untrained)).rename(columns={"layer": page.t("advanced_cnns.layer")}), hide_index=True)

    st.subheader(page.t("advanced_cnns.train_title"))
    data, values = ui.classifier_controls(page, variant, network, DATA_SETS)


def draw(frame):
    return {} if frame is None else classifier_charts(frame, page.lang)


ui.live_run(variant, values, build, draw, code=[*CODE[model_name], supervised_step], compare=COMPARE)
ui.weights_section(variant, values, build)

st.header(page.t("advanced_cnns.compare_title"))
st.markdown(page.t("advanced_cnns.compare_intro"))
st.caption(page.t("advanced_cnns.compare_data", name=page.t(f"images.name.{data.name}")))
race = page.variant(RACE)
race_values = ui.settings(race, RACE_SETTINGS, columns=2, formats={"train_size": train_size_format(page, data)})
race_values["dataset"] = data.name  # the data set chosen above: a new one calls for a new race
labels = {name: page.t(f"advanced_cnns.model.{name}") for name in COMPARED}


def draw_race(frame):
    """The accuracy and loss of each model, and the table, as they were at the frame's epoch."""
    if frame is None:
        return {}
    contest = frame.extras["race"]
    table = pd.DataFrame(comparison_rows(contest, frame.history)).round({"test_accuracy": 2, "seconds": 1})
    table["model"] = table["model"].map(labels)
    return {"race_accuracy": comparison_accuracy(contest, frame.history, labels, page.lang),
            "race_loss": comparison_loss(contest, frame.batches, labels, page.lang),
            "table": table.rename(columns=lambda column: page.t(f"advanced_cnns.table.{column}")),
            "caption": page.t("advanced_cnns.table_caption", device=ui.device_label(frame.run.device))}


ui.live_run(race, race_values, build, draw_race, code=[Race, comparison_run], shortcuts=False)  # no "loss" chart:
# earlier races are not drawn over these charts of three models
