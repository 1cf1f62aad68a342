"""Lecture 10: the course's CNN on MNIST (and seed 002's on CIFAR-10), with its feature maps sharpening live."""
import pandas as pd
import streamlit as st
import torch

from dlcore import convnet_figures, ui
from dlcore.classify import accuracy_evaluator, evaluating
from dlcore.convnets import MODELS, feature_maps, first_kernels, layer_shapes, parameter_count
from dlcore.image_training import COMPARE, classifier_charts, classifier_run
from dlcore.images import class_names, denormalize
from dlcore.settings import Setting
from dlcore.training import supervised_step

MODEL = Setting("model", "course", "cnn.model", widget="select", options=tuple(MODELS), format="cnn.model")

page = ui.page_setup("cnn")
ui.lecture_header(page, "cnn.title", "cnn.intro")

with ui.folded(page):
    model_name = ui.setting_widget(page, MODEL, {})
    variant, spec = page.variant(model_name), MODELS[model_name]
    data, values = ui.classifier_controls(page, variant, spec, [spec.data], fallback=False)


def build():
    return classifier_run(spec.build, data, values, page.device, page.seed)


def draw(frame):
    if frame is None:
        return {}
    view = frame.extras["view"]
    image = view.data.test_x[image_index : image_index + 1]
    label = class_names(view.data, page.lang)[int(view.data.test_y[image_index])]
    charts = classifier_charts(frame, page.lang)
    charts["input"] = convnet_figures.input_image(denormalize(image, view.data)[0], label, page.lang)
    charts["kernels"] = convnet_figures.kernel_grid(first_kernels(frame.model), page.lang)
    for name, maps in feature_maps(frame.model, image):
        charts[f"maps {name}"] = convnet_figures.feature_map_grid(name, maps, page.lang)
    return charts


if data is None:
    st.info(page.t("cnn.no_data"))
else:
    # which test image the maps show: a view of the run, not a setting of it (moving it leaves the run alone)
    image_index = ui.kept(st.slider, page.t("cnn.image"), f"{variant.key}:image", 0, min_value=0,
                          max_value=len(data.test_y) - 1)
    if model_name == "cifar":
        st.caption(page.t("cnn.routine"))
    ui.live_run(variant, values, build, draw, code=[spec.build, supervised_step, accuracy_evaluator, evaluating],
                compare=COMPARE)
    st.caption(page.t("cnn.maps_caption"))

model = spec.build()  # the shapes do not depend on the weights: a fresh model, never the one a worker trains
channels, size = (3, 32) if model_name == "cifar" else (1, 28)
shapes = layer_shapes(model, torch.zeros(values.batch_size, channels, size, size))
st.subheader(page.t("cnn.shapes", batch=values.batch_size))
st.caption(page.t("cnn.parameters", count=parameter_count(model)))
st.dataframe(pd.DataFrame({page.t("cnn.layer"): [name for name, _ in shapes],
                           page.t("cnn.shape"): [str(shape) for _, shape in shapes]}), hide_index=True)
if data is not None:
    ui.weights_section(variant, build)
