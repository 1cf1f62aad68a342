"""Lecture 10: the course's CNN on MNIST (and seed 002's on CIFAR-10), with its feature maps sharpening live."""
import pandas as pd
import streamlit as st
import torch

from dlcore import convnet_figures, ui
from dlcore.convnets import MODELS, feature_maps, first_kernels, layer_shapes, parameter_count
from dlcore.image_training import classifier_charts, new_classifier
from dlcore.images import class_names, denormalize
from dlcore.training import supervised_step

page = ui.page_setup("cnn")
st.title(page.t("cnn.title"))
st.markdown(page.t("cnn.intro"))

model_name = ui.choice(page, "cnn.model", "model", list(MODELS), "course", format_func=lambda m: page.t(f"cnn.model.{m}"))
variant, spec = page.variant(model_name), MODELS[model_name]
data, settings = ui.classifier_controls(page, variant, spec, [spec.data], fallback=False)
if data is not None:
    image_index = ui.kept(st.slider, page.t("cnn.image"), f"{variant.key}:image", 0, min_value=0,
                          max_value=len(data.test_y) - 1)
action = ui.train_buttons(variant)
if data is None:
    st.info(page.t("cnn.no_data"))
    action = None if action == "train" else action


def build():
    model, trainer, view = new_classifier(spec.build, data, settings, page.device, page.seed)
    return ui.Run(trainer, model=model, extras={"view": view}, device=str(page.device))


def draw(run):
    if run is None:
        return {}
    view = run.extras["view"]
    image = view.data.test_x[image_index : image_index + 1]
    label = class_names(view.data, page.lang)[int(view.data.test_y[image_index])]
    charts = classifier_charts(run.model, run.trainer, view, page.lang)
    charts["input"] = convnet_figures.input_image(denormalize(image, view.data)[0], label, page.lang)
    charts["kernels"] = convnet_figures.kernel_grid(first_kernels(run.model), page.lang)
    for name, maps in feature_maps(run.model, image):
        charts[f"maps {name}"] = convnet_figures.feature_map_grid(name, maps, page.lang)
    return charts


run = ui.train(variant, action, build, draw, lr=settings.lr, epochs=settings.epochs, code=[spec.build, supervised_step])
st.caption(page.t("cnn.maps_caption"))

model = run.model if run is not None else spec.build()
channels, size = (3, 32) if model_name == "cifar" else (1, 28)
shapes = layer_shapes(model.cpu() if run is None else model, torch.zeros(settings.batch_size, channels, size, size,
                                                                        device=next(model.parameters()).device))
st.subheader(page.t("cnn.shapes", batch=settings.batch_size))
st.caption(page.t("cnn.parameters", count=parameter_count(model)))
st.dataframe(pd.DataFrame({page.t("cnn.layer"): [name for name, _ in shapes],
                           page.t("cnn.shape"): [str(shape) for _, shape in shapes]}), hide_index=True)
if data is not None:
    ui.weights_section(variant, build)
