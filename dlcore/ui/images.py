"""Image data sets for the pages: cached once per server, downloaded with a progress bar, explained when missing;
and the controls of an image-classifier page."""
from __future__ import annotations

import streamlit as st

from dlcore import images
from dlcore.data import data_dir
from dlcore.image_training import OPTIMIZERS, Settings
from dlcore.ui.frame import Page
from dlcore.ui.widgets import kept, remembered_choice


def cached_resource(function):
    """Keep what `function` returns for the whole server, per arguments (data sets turned into tensors once)."""
    return st.cache_resource(show_spinner=False)(function)


@cached_resource
def _image_tensors(name: str, root: str, folder: str | None, device: str):
    """A data set as tensors, once per server: keyed by where its files were found (None: not found)."""
    if device != "cpu":
        return _image_tensors(name, root, folder, "cpu").to(device)
    return images.load_images_or_fallback(name, root, download=False)


def image_data(page: Page, name: str, fallback: bool = True):
    """An image data set (dlcore.images) on the page's device, cached for the whole server.

    When its files are missing, the official download runs once per session with a
    progress bar; when that fails too, the page gets scikit-learn's digits (or, with
    fallback=False, None and the message naming what to download and where).  A
    caption says which data is in use (and why, for the fallback).
    """
    root = data_dir()
    tried = st.session_state.setdefault("images:download_failed", {})
    if name in images.SPECS and images.find_local(name, root) is None and name not in tried:
        bar = st.progress(0.0, text=page.t("images.downloading", name=page.t(f"images.name.{name}")))
        try:
            images.download_files(name, root, progress=lambda done: bar.progress(
                done, text=page.t("images.downloading", name=page.t(f"images.name.{name}"))))
        except images.DataUnavailable as error:
            tried[name] = error
        bar.empty()
    folder = images.find_local(name, root) if name in images.SPECS else None
    data = _image_tensors(name, str(root), None if folder is None else str(folder), str(page.device))
    values = dict(name=page.t(f"images.name.{data.name}"), train=len(data.train_y), test=len(data.test_y), folder=folder)
    if data.unavailable is not None:
        error = tried.get(name, data.unavailable)
        if not fallback:
            st.error(page.t(error.key, **error.values))
            return None
        st.warning(f"{page.t('images.source.fallback', **values)}\n\n{page.t(error.key, **error.values)}")
    else:
        st.caption(page.t("images.source.builtin" if data.source == "fallback" else "images.source.local", **values))
    return data


BATCH_SIZES = [1, 8, 16, 32, 64, 100, 128, 256, 512, 1024]
TRAIN_SIZES = [0, 10000, 2000]  # 0: the whole training set


def classifier_controls(page: Page, variant: Page, spec, data_sets: list[str], fallback: bool = True):
    """The controls of an image-classifier page, defaulting to the variant's settings: (data, Settings).

    data is None when the data set is missing and fallback is False (the page then cannot train).
    """
    data_name = choice(variant, "softmax.dataset", "dataset", data_sets, spec.data,
                       format_func=lambda name: page.t(f"images.name.{name}"))
    data = image_data(page, data_name, fallback)
    lr = lr_control(variant, default=spec.lr)
    epochs = epochs_control(variant, default=spec.epochs, maximum=100)
    left, middle, right = st.columns(3)
    with left:
        batch_size = kept(st.select_slider, page.t("softmax.batch_size"), f"{variant.key}:batch_size", spec.batch_size,
                          options=sorted(set(BATCH_SIZES) | {spec.batch_size}))
    with middle:
        optimizer = _choice(variant, "train.optimizer", "optimizer", OPTIMIZERS, spec.optimizer)
        momentum = kept(st.number_input, page.t("softmax.momentum"), f"{variant.key}:momentum", spec.momentum,
                        min_value=0.0, max_value=0.99, step=0.1, disabled=optimizer != "SGD")
    with right:
        train_size = choice(variant, "softmax.train_size", "train_size", TRAIN_SIZES, 0, format_func=lambda n: page.t(
            "softmax.train_size.all", n=len(data.train_y) if data else 0) if n == 0 else page.t("softmax.train_size.n", n=n))
    return data, Settings(lr, epochs, batch_size, optimizer, momentum, train_size)
