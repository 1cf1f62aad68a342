"""Lecture 9: a softmax classifier on MNIST — the course's MLP and the notes' variants, each with its own defaults."""
import streamlit as st

from dlcore import ui
from dlcore.image_training import COMPARE, classifier_charts, classifier_run
from dlcore.settings import Setting
from dlcore.softmax import VARIANTS
from dlcore.training import supervised_step

MODEL = Setting("model", "course", "softmax.model", widget="select", options=tuple(VARIANTS), format="softmax.model")
DATA_SETS = ["mnist", "fashion_mnist"]

page = ui.page_setup("softmax")
ui.lecture_header(page, "softmax.title", "softmax.intro")

with ui.folded(page):
    model_name = ui.setting_widget(page, MODEL, {})
    variant, spec = page.variant(model_name), VARIANTS[model_name]
    st.caption(page.t(f"softmax.about.{model_name}"))
    data, values = ui.classifier_controls(page, variant, spec, DATA_SETS)


def build():
    return classifier_run(spec.build, data, values, page.device, page.seed)


def draw(frame):
    if frame is None:
        return {}
    charts = classifier_charts(frame, page.lang)
    if "result" in charts and model_name == "course":
        charts["result"] += " " + page.t("softmax.lecture_result")
    return charts


ui.live_run(variant, values, build, draw, code=[spec.build, supervised_step], compare=COMPARE)
ui.weights_section(variant, build)

st.page_link("pages/draw.py", label=page.t("softmax.draw_link"), icon="✏️")
