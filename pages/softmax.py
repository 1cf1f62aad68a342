"""Lecture 9: a softmax classifier on MNIST — the course's MLP and the notes' variants, each with its own defaults."""
import streamlit as st

from dlcore import image_figures, ui
from dlcore.classify import probabilities
from dlcore.image_training import COMPARE, classifier_charts, classifier_run
from dlcore.images import class_names, denormalize, drawing_to_image
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


@st.fragment
def draw_a_digit():
    """Drawing reruns only this part of the page: the model reads each stroke as it is made."""
    from streamlit_drawable_canvas import st_canvas

    st.subheader(page.t("softmax.draw_title"))
    st.caption(page.t("softmax.draw_help"))
    left, middle, right = st.columns([2, 1, 3])
    with left:
        canvas = st_canvas(stroke_width=20, stroke_color="#FFFFFF", background_color="#000000", height=280, width=280,
                           drawing_mode="freedraw", key=f"{variant.key}:canvas", return_image_data=True)
    run = st.session_state.get(f"run:{variant.key}")
    if run is None:
        right.info(page.t("softmax.draw_train_first"))
        return
    run_data = run.extras["view"].data
    image = None if canvas.image_data is None else drawing_to_image(canvas.image_data, run_data)
    if image is None:
        right.info(page.t("softmax.draw_empty"))
        return
    middle.image(denormalize(image, run_data)[0, 0].numpy(), caption=page.t("softmax.draw_seen"), width=140, clamp=True)
    names = class_names(run_data, page.lang)
    chances = probabilities(run.frame().model, image.to(run_data.device))[0].cpu()
    best = int(chances.argmax())
    right.markdown(page.t("softmax.draw_reads", label=names[best], probability=chances[best].item()))
    right.plotly_chart(image_figures.class_probabilities(chances, names, page.lang), key=f"{variant.key}:chances",
                       width="stretch")


draw_a_digit()
