"""Lecture 11: Inception and residual networks on MNIST, their shapes, and a race against lecture 10's basic CNN."""
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.advanced_cnns import (BASIC, COMPARED, MODELS, RACE_SETTINGS, ChannelConcat, InceptionA, InceptionNet, Race,
                                  ResidualBlock, ResNet, comparison_accuracy, comparison_loss, comparison_rows,
                                  comparison_run, shape_rows)
from dlcore.convnets import parameter_count
from dlcore.image_training import COMPARE, classifier_charts, classifier_run
from dlcore.settings import Setting
from dlcore.training import supervised_step
from dlcore.ui.images import train_size_format

MODEL = Setting("model", "inception", "adv.model", widget="select", options=tuple(MODELS), format="adv.model")
DATA_SETS = ["mnist", "fashion_mnist"]
CODE = {"inception": [ChannelConcat, InceptionA, InceptionNet], "resnet": [ResidualBlock, ResNet]}

page = ui.page_setup("advanced_cnns")
ui.lecture_header(page, "adv.title", "adv.intro")

with ui.folded(page):
    model_name = ui.setting_widget(page, MODEL, {})
    variant, spec = page.variant(model_name), MODELS[model_name]
    st.markdown(page.t(f"adv.about.{model_name}"))
    st.caption(page.t("adv.settings"))

    untrained = spec.build()
    st.markdown(page.t("adv.parameters", count=parameter_count(untrained), basic=parameter_count(BASIC.build())))
    st.subheader(page.t("adv.shapes_title"))
    st.caption(page.t("adv.shapes_help"))
    st.dataframe(pd.DataFrame(shape_rows(untrained)).rename(columns={"layer": page.t("adv.layer")}), hide_index=True)

    st.subheader(page.t("adv.train_title"))
    data, values = ui.classifier_controls(page, variant, spec, DATA_SETS)


def build():
    return classifier_run(spec.build, data, values, page.device, page.seed)


def draw(frame):
    return {} if frame is None else classifier_charts(frame, page.lang)


ui.live_run(variant, values, build, draw, code=[*CODE[model_name], supervised_step], compare=COMPARE)
ui.weights_section(variant, build)

st.header(page.t("adv.compare_title"))
st.markdown(page.t("adv.compare_intro"))
st.caption(page.t("adv.compare_data", name=page.t(f"images.name.{data.name}")))
race = page.variant("compare")
race_values = ui.settings(race, RACE_SETTINGS, columns=2, formats={"train_size": train_size_format(page, data)})
race_values["dataset"] = data.name  # the data set chosen above: a new one calls for a new race
labels = {name: page.t(f"adv.model.{name}") for name in COMPARED}


def build_race():
    return comparison_run(COMPARED, data, race_values.epochs, race_values.train_size, page.device, page.seed)


def draw_race(frame):
    """The accuracy and loss of each model, and the table, as they were at the frame's epoch."""
    if frame is None:
        return {}
    contest = frame.extras["race"]
    table = pd.DataFrame(comparison_rows(contest, frame.history)).round({"test_accuracy": 2, "seconds": 1})
    table["model"] = table["model"].map(labels)
    return {"race_accuracy": comparison_accuracy(contest, frame.history, labels, page.lang),
            "race_loss": comparison_loss(contest, frame.batches, labels, page.lang),
            "table": table.rename(columns=lambda column: page.t(f"adv.table.{column}")),
            "caption": page.t("adv.table_caption", device=ui.device_label(frame.run.device))}


ui.live_run(race, race_values, build_race, draw_race, code=[Race, comparison_run], shortcuts=False)  # no "loss" chart:
# earlier races are not drawn over these charts of three models
