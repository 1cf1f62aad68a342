"""Lecture 10: the course's CNN on MNIST (and seed 002's on CIFAR-10), with its feature maps sharpening live."""
import pandas as pd
import streamlit as st
import torch

from dlcore import ui
from dlcore.lectures.cnn_basics import figures as convnet_figures
from dlcore.engine.metrics import accuracy_evaluator, evaluating
from dlcore.lectures.cnn_basics.model import MODELS, feature_maps, first_kernels, layer_shapes, parameter_count
from dlcore.lectures.classifiers.training import COMPARE, classifier_charts
from dlcore.lectures.cnn_basics.lecture import MODEL, build
from dlcore.datasets.images import class_names, denormalize
from dlcore.engine.training import supervised_step


page = ui.page_setup("cnn_basics")
ui.lecture_header(page, "cnn_basics.title", "cnn_basics.intro")

with ui.folded(page):
    model_name = ui.setting_widget(page, MODEL, {})
    variant, network = page.variant(model_name), MODELS[model_name]
    data, values = ui.classifier_controls(page, variant, network, [network.data], fallback=False)


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
    st.info(page.t("cnn_basics.no_data"))
else:
    # which test image the maps show: a view of the run, not a setting of it (moving it leaves the run alone)
    image_index = ui.kept(st.slider, page.t("cnn_basics.image"), f"{variant.key}:image", 0, min_value=0,
                          max_value=len(data.test_y) - 1)
    if model_name == "cifar":
        st.caption(page.t("cnn_basics.routine"))
    ui.live_run(variant, values, build, draw, code=[network.build, supervised_step, accuracy_evaluator, evaluating],
                compare=COMPARE)
    st.caption(page.t("cnn_basics.maps_caption"))

model = network.build()  # the shapes do not depend on the weights: a fresh model, never the one a worker trains
channels, size = (3, 32) if model_name == "cifar" else (1, 28)
shapes = layer_shapes(model, torch.zeros(values.batch_size, channels, size, size))
st.subheader(page.t("cnn_basics.shapes", batch=values.batch_size))
st.caption(page.t("cnn_basics.parameters", count=parameter_count(model)))
st.dataframe(pd.DataFrame({page.t("cnn_basics.layer"): [name for name, _ in shapes],
                           page.t("cnn_basics.shape"): [str(shape) for _, shape in shapes]}), hide_index=True)
if data is not None:
    ui.weights_section(variant, values, build)
