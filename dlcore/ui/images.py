"""Data for the pages: image data sets cached once per server, downloaded with a progress bar, explained when
missing; a data file a page needs; and the controls of an image-classifier page."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from dlcore.datasets import images
from dlcore.engine.data import data_dir
from dlcore.engine.settings import Values
from dlcore.ui.frame import Page
from dlcore.ui.widgets import setting_widget, settings


def cached_resource(function):
    """Keep what `function` returns for the whole server, per arguments (data sets turned into tensors once)."""
    return st.cache_resource(show_spinner=False)(function)


def image_data(page: Page, name: str, fallback: bool = True):
    """An image data set (dlcore.datasets.images) on the page's device, cached for the whole server.

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
    data = images.local_images(name, page.device)
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


def data_file(page: Page, path: Path | None, missing_key: str) -> Path:
    """A data file the page cannot go on without: its path; when it is missing (None), an error saying where to put it
    (the message `missing_key`, given the data directory as {folder}), and the page stops there."""
    if path is None:
        st.error(page.t(missing_key, folder=data_dir()))
        st.stop()
    return path


def train_size_format(page: Page, data):
    """The labels of the train_size options: "all 60,000" (the data set's count) or "the first 2,000"."""
    total = len(data.train_y) if data is not None else 0
    return lambda n: page.t("softmax.train_size.all", n=total) if n == 0 else page.t("softmax.train_size.n", n=n)


def classifier_controls(page: Page, variant: Page, spec, data_sets: list[str], fallback: bool = True):
    """The controls of an image-classifier page, defaulting to the variant's settings (spec.settings, declared in
    dlcore.lectures.classifiers.training): (data, Values).  The data set is chosen among `data_sets` and loaded first, since
    the training-size labels count its images.

    data is None when the data set is missing and fallback is False (the page then cannot train).
    """
    declared = spec.settings
    dataset = setting_widget(variant, replace(declared["dataset"], options=tuple(data_sets)), {})
    data = image_data(page, dataset, fallback)
    values = settings(variant, declared, formats={"train_size": train_size_format(page, data)},
                      only=[setting.name for setting in declared if setting.name != "dataset"])
    return data, Values(declared, {**values, "dataset": dataset})
