"""Lecture 9: a softmax classifier on MNIST — the course's MLP and the notes' variants, each with its own defaults."""
import streamlit as st

from dlcore import ui
from dlcore.lectures.classifiers.training import COMPARE, classifier_charts
from dlcore.lectures.softmax.lecture import MODEL, build
from dlcore.lectures.softmax.model import VARIANTS
from dlcore.engine.training import supervised_step

DATA_SETS = ["mnist", "fashion_mnist"]

page = ui.page_setup("softmax")
ui.lecture_header(page, "softmax.title", "softmax.intro")

with ui.folded(page):
    model_name = ui.setting_widget(page, MODEL, {})
    variant, network = page.variant(model_name), VARIANTS[model_name]
    st.caption(page.t(f"softmax.about.{model_name}"))
    data, values = ui.classifier_controls(page, variant, network, DATA_SETS)


def draw(frame):
    if frame is None:
        return {}
    charts = classifier_charts(frame, page.lang)
    if "result" in charts and model_name == "course":
        charts["result"] += " " + page.t("softmax.lecture_result")
    return charts


ui.live_run(variant, values, build, draw, code=[network.build, supervised_step], compare=COMPARE)
ui.weights_section(variant, values, build)

st.page_link("pages/draw.py", label=page.t("softmax.draw_link"), icon="✏️")
