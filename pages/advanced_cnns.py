"""Lecture 11: Inception and residual networks on MNIST, their shapes, and a race against lecture 10's basic CNN."""
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.advanced_cnns import (BASIC, COMPARED, MODELS, ChannelConcat, InceptionA, InceptionNet, ResidualBlock, ResNet,
                                  TrainInTurn, comparison, comparison_accuracy, comparison_loss, comparison_rows,
                                  shape_rows)
from dlcore.convnets import parameter_count
from dlcore.image_training import classifier_charts, new_classifier
from dlcore.training import supervised_step

DATA_SETS = ["mnist", "fashion_mnist"]
CODE = {"inception": [ChannelConcat, InceptionA, InceptionNet], "resnet": [ResidualBlock, ResNet]}

page = ui.page_setup("advanced_cnns")
st.title(page.t("adv.title"))
st.markdown(page.t("adv.intro"))

model_name = ui.choice(page, "adv.model", "model", list(MODELS), "inception",
                       format_func=lambda name: page.t(f"adv.model.{name}"))
variant, spec = page.variant(model_name), MODELS[model_name]
st.markdown(page.t(f"adv.about.{model_name}"))
st.caption(page.t("adv.settings"))

untrained = spec.build()
st.markdown(page.t("adv.parameters", count=parameter_count(untrained), basic=parameter_count(BASIC.build())))
st.subheader(page.t("adv.shapes_title"))
st.caption(page.t("adv.shapes_help"))
st.dataframe(pd.DataFrame(shape_rows(untrained)).rename(columns={"layer": page.t("adv.layer")}), hide_index=True)

st.subheader(page.t("adv.train_title"))
data, settings = ui.classifier_controls(page, variant, spec, DATA_SETS)
action = ui.train_buttons(variant)


def build():
    model, trainer, view = new_classifier(spec.build, data, settings, page.device, page.seed)
    return ui.Run(trainer, model=model, extras={"view": view}, device=str(page.device))


def draw(run):
    return {} if run is None else classifier_charts(run.model, run.trainer, run.extras["view"], page.lang)


run = ui.train(variant, action, build, draw, lr=settings.lr, epochs=settings.epochs,
               code=[*CODE[model_name], supervised_step])
if run is not None:
    view = run.extras["view"]
    st.markdown(page.t("adv.result", n=len(view.data.test_y), accuracy=100 * view.accuracy(run.model, run.trainer)))
ui.weights_section(variant, build)

st.header(page.t("adv.compare_title"))
st.markdown(page.t("adv.compare_intro"))
st.caption(page.t("adv.compare_data", name=page.t(f"images.name.{data.name}")))
race = page.variant("compare")
left, right = st.columns(2)
with left:
    race_epochs = ui.epochs_control(race, default=2, maximum=20)
with right:
    race_size = ui.choice(race, "softmax.train_size", "train_size", ui.TRAIN_SIZES, 10000, format_func=lambda n: page.t(
        "softmax.train_size.all", n=len(data.train_y)) if n == 0 else page.t("softmax.train_size.n", n=n))
race_action = ui.train_buttons(race)
labels = {name: page.t(f"adv.model.{name}") for name in COMPARED}


def build_race():
    models, turns = comparison(COMPARED, data, race_epochs, race_size, page.device, page.seed)
    return ui.Run(turns, extras={"models": models}, device=str(page.device))


def draw_race(run):
    if run is None:
        return {}
    return {"accuracy": comparison_accuracy(run.trainer, labels, page.lang),
            "loss": comparison_loss(run.trainer, labels, page.lang)}


race_run = ui.train(race, race_action, build_race, draw_race, epochs=race_epochs, code=[comparison, TrainInTurn])
if race_run is not None:
    table = pd.DataFrame(comparison_rows(race_run.extras["models"], race_run.trainer)).round({"test_accuracy": 2,
                                                                                            "seconds": 1})
    table["model"] = table["model"].map(labels)
    st.dataframe(table.rename(columns=lambda column: page.t(f"adv.table.{column}")), hide_index=True)
    st.caption(page.t("adv.table_caption", device=ui.device_label(race_run.device)))
