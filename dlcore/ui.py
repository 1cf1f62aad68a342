"""The one place dlcore talks to Streamlit: the sidebar, the training controls and live charts.

A page reads like a lecture:

    page = ui.page_setup("logistic")
    lr = ui.lr_control(page, default=0.01)
    ...
    run = ui.train(page, action, build, draw, code=[Model, supervised_step])

Training runs inside the script run.  Clicking Stop (or touching any widget)
makes Streamlit start a new run; the old loop is interrupted at its next
session-state access, which `LiveCharts` makes after every batch.  The run
object lives in `st.session_state`, so whatever was trained is still there to
show in the new run.
"""
from __future__ import annotations

import inspect
import math
import time
from dataclasses import dataclass, field, replace
from typing import Callable

import streamlit as st
import torch

from dlcore import images
from dlcore.checkpoints import WeightsError, load_weights, weights_bytes
from dlcore.data import DATA_DIR_ENV, data_dir
from dlcore.devices import available_devices, pick_device, set_training_threads
from dlcore.image_training import OPTIMIZERS, Settings
from dlcore.lectures import LECTURES
from dlcore.text import LANGUAGES, translate
from dlcore.training import Callback, Trainer, setting_problems

REDRAW_SECONDS = 0.25
"""At most four chart redraws a second: the browser cannot show more, and training keeps its speed."""
DRAWING_SHARE = 0.05
"""The most of a run's time that slow redraws (a page of feature maps) may take; but at least one redraw a second."""
CHECKPOINT_SECONDS = 0.02
"""How often a training loop gives Streamlit the chance to stop it (a Stop click, a changed widget)."""


@dataclass
class Page:
    key: str
    lang: str
    device: torch.device
    seed: int

    def t(self, key: str, **values) -> str:
        return translate(key, self.lang, **values)

    def variant(self, name: str) -> "Page":
        """The same page with its own widget keys and run, for a variant that has its own defaults."""
        return replace(self, key=f"{self.key}:{name}")


def kept(widget, label: str, key: str, default, **kwargs):
    """A widget whose value survives page switches.

    Streamlit drops the state of widgets that a run does not draw, so the value
    is also stored under a key no widget owns, and given back when the widget
    is drawn again.
    """
    store = f"kept:{key}"
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(store, default)
    value = widget(label, key=key, **_shown_as(widget, st.session_state[key], kwargs.get("options")), **kwargs)
    st.session_state[store] = value
    return value


def _selection(key: str, options, default):
    """Forget a remembered choice that is no longer offered (a device unplugged, an option renamed)."""
    for name in (key, f"kept:{key}"):
        if name in st.session_state and st.session_state[name] not in options:
            del st.session_state[name]
    return default if default in options else options[0]


def device_label(device) -> str:
    return available_devices().get(str(device), str(device))


def _menu(lang: str) -> list[tuple[str, str, str]]:
    """(page file, title, icon) of the home page, then of every built lecture in course order."""
    lectures = [(lecture.page, f"{lecture.number} · {translate(f'lecture.{lecture.key}', lang)}", lecture.icon)
                for lecture in LECTURES if lecture.built]
    return [("pages/home.py", translate("app.home", lang), "🏠")] + lectures


def lecture_pages(lang: str) -> list:
    """The pages of the menu, for app.py's st.navigation (the home page first, the default)."""
    return [st.Page(path, title=title, icon=icon, default=index == 0)
            for index, (path, title, icon) in enumerate(_menu(lang))]


def _lecture_links(lang: str) -> None:
    """The sidebar's menu: drawn by every page, because with a folder named pages/ the first request after
    the server starts may run a page file without app.py (Streamlit's menu would then list file names)."""
    (home, title, icon), *lectures = _menu(lang)
    st.page_link(home, label=title, icon=icon)
    st.caption(translate("app.lectures", lang))
    for path, title, icon in lectures:
        st.page_link(path, label=title, icon=icon)
    st.divider()


def page_setup(key: str) -> Page:
    """Configure the page, draw the sidebar every page shares, and return the settings it holds."""
    st.set_page_config(page_title="Live Deep-Learning Classroom", page_icon="🧠", layout="wide")
    set_training_threads()
    with st.sidebar:
        menu = st.container()
        lang = kept(st.radio, "Language · 语言", "lang", _selection("lang", list(LANGUAGES), "en"),
                    options=list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True)
        devices = available_devices()
        device = kept(st.selectbox, translate("sidebar.device", lang), "device", _selection("device", list(devices), "cpu"),
                      options=list(devices), format_func=devices.get)
        seed = kept(st.number_input, translate("sidebar.seed", lang), "seed", 0, min_value=0, max_value=2**31 - 1,
                    step=1, help=translate("sidebar.seed_help", lang))
        st.caption(f"{translate('sidebar.data_dir', lang)}: `{data_dir()}`",
                   help=translate("sidebar.data_dir_help", lang, env=DATA_DIR_ENV))
    with menu:
        _lecture_links(lang)
    return Page(key=key, lang=lang, device=pick_device(device), seed=int(seed))


def _shown_as(widget, value, options=None) -> dict:
    """The widget's own default set to the value it has (its session-state value decides anyway).

    Otherwise the browser falls back to the minimum when it misses the value sent with
    a run: seen on the first page of a fresh session, when the user is quick.
    """
    if widget in (st.radio, st.selectbox):
        return {"index": list(options).index(value)}
    return {"value": value}


LR_CHOICES = sorted(m * 10.0**e for e in range(-5, 2) for m in (1, 2, 5))


def _nearest(options, value: float) -> float:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
        return options[0]
    return min(options, key=lambda option: abs(math.log10(option) - math.log10(value)))


def lr_control(page: Page, default: float) -> float:
    """The learning rate: a log-scale slider and, beside it, the exact value (any number may be typed)."""
    key, slider_key = f"{page.key}:lr", f"{page.key}:lr_slider"
    options = sorted(set(LR_CHOICES) | {default})
    if key not in st.session_state:
        st.session_state[key] = float(st.session_state.get(f"kept:{key}", default))
    if slider_key not in st.session_state:
        st.session_state[slider_key] = _nearest(options, st.session_state[key])

    def slider_moved():
        st.session_state[key] = st.session_state[slider_key]

    def number_typed():
        st.session_state[slider_key] = _nearest(options, st.session_state[key])

    left, right = st.columns([3, 1])  # each widget's default is its value, as in kept() (see _shown_as)
    left.select_slider(page.t("train.lr"), options, key=slider_key, on_change=slider_moved, format_func=lambda v: f"{v:g}",
                       value=st.session_state[slider_key])
    lr = right.number_input(page.t("train.lr_exact"), key=key, on_change=number_typed, format="%g", step=None,
                            value=st.session_state[key])
    st.session_state[f"kept:{key}"] = lr
    return lr


def epochs_control(page: Page, default: int, maximum: int) -> int:
    return kept(st.slider, page.t("train.epochs"), f"{page.key}:epochs", default, min_value=0, max_value=maximum)


def choice(page: Page, label_key: str, name: str, options: list, default, **kwargs):
    """A remembered select box for one of the page's choices (optimizer, variant, ...)."""
    key = f"{page.key}:{name}"
    return kept(st.selectbox, page.t(label_key), key, _selection(key, options, default), options=options, **kwargs)


def train_buttons(page: Page) -> str | None:
    """Train / Stop / Reset in a row; returns which one was clicked in this run, if any."""
    columns = st.columns([1, 1, 1, 3])
    clicked = None
    for column, action, kind in zip(columns, ("train", "stop", "reset"), ("primary", "secondary", "secondary")):
        if column.button(page.t(f"train.{action}"), key=f"{page.key}:{action}", type=kind, width="stretch"):
            clicked = action
    return clicked


@dataclass
class Run:
    """One training run of a page: its trainer and whatever the page's charts draw from."""

    trainer: Trainer
    model: object = None
    extras: dict = field(default_factory=dict)
    device: str = "cpu"


Draw = Callable[[Run | None], dict]
"""A page's charts: chart name -> Plotly figure, for a run (or for None, before any training)."""


class LiveCharts(Callback):
    """Redraws a page's charts and a progress bar while training: every REDRAW_SECONDS, or less often for slow charts."""

    def __init__(self, page: Page, run: Run, draw: Draw, grid: ChartGrid, progress):
        self.page, self.run, self.draw, self.grid, self.progress = page, run, draw, grid, progress
        self.redraws = 0
        self.last = 0.0
        self.cost = 0.0  # seconds the last redraw took
        self.last_checkpoint = 0.0

    def redraw(self) -> None:
        started = time.perf_counter()
        self.redraws += 1
        self.grid.show(self.draw(self.run), suffix=str(self.redraws))
        show_progress(self.page, self.run.trainer, self.progress)
        self.last = time.perf_counter()
        self.cost = self.last - started

    def _maybe_redraw(self) -> None:
        pause = min(1.0, max(REDRAW_SECONDS - self.cost, self.cost * (1 - DRAWING_SHARE) / DRAWING_SHARE))
        if time.perf_counter() - self.last >= pause:
            self.redraw()

    def on_train_start(self, trainer):
        self.redraw()

    def on_batch_end(self, trainer):
        now = time.perf_counter()
        if now - self.last_checkpoint >= CHECKPOINT_SECONDS:
            self.last_checkpoint = now
            st.session_state.get("lang")  # a Streamlit checkpoint: a Stop click interrupts the loop here
        self._maybe_redraw()

    def on_epoch_end(self, trainer):
        self._maybe_redraw()

    def on_train_end(self, trainer):
        self.redraw()


def show_progress(page: Page, trainer: Trainer, slot) -> None:
    loss = trainer.last_loss
    slot.progress(min(trainer.epoch / trainer.epochs, 1.0), text=page.t(
        "train.progress", epoch=trainer.epoch, epochs=trainer.epochs, loss="—" if loss is None else f"{loss:.4g}"))


class ChartGrid:
    """The place a page's charts go: two to a row, each slot made the first time its chart is drawn."""

    def __init__(self, page: Page):
        self.page = page
        self.area = st.container()
        self.slots: dict = {}
        self._free: list = []

    def show(self, figures: dict, suffix: str = "") -> None:
        for name, figure in figures.items():
            if name not in self.slots:
                if not self._free:
                    self._free = [column.empty() for column in self.area.columns(2)]
                self.slots[name] = self._free.pop(0)
            self.slots[name].plotly_chart(figure, key=f"{self.page.key}:{name}:{suffix}", width="stretch")


def show_outcome(page: Page, run: Run) -> None:
    trainer, outcome = run.trainer, run.trainer.outcome
    if outcome is None:
        return
    if outcome.kind == "finished":
        st.success(page.t("train.finished", epochs=trainer.epochs, seconds=trainer.seconds, device=device_label(run.device)))
    elif outcome.kind == "stopped":
        st.info(page.t("train.stopped", epoch=outcome.epoch, epochs=trainer.epochs))
    else:
        st.error(page.t(f"train.{outcome.kind}", epoch=outcome.epoch, value=f"{outcome.loss:.4g}"))


def show_code(page: Page, code: list) -> None:
    """The "The code" expander: the source of the classes and functions that ran."""
    with st.expander(page.t("train.code")):
        st.caption(page.t("train.code_caption"))
        for item in code:
            st.code(inspect.getsource(item), language="python")


def _let_it_stop(run: Run | None, patience: float = 10.0) -> None:
    """Stop a run that is still training in an earlier script run, and wait for it.

    A click usually interrupts the earlier run before this one starts, but Streamlit
    may start the new run first; then the old loop ends after its current batch.
    """
    if run is None or not run.trainer.running:
        return
    run.trainer.request_stop()
    deadline = time.perf_counter() + patience
    while run.trainer.running and time.perf_counter() < deadline:
        time.sleep(0.02)


def train(page: Page, action: str | None, build: Callable[[], Run], draw: Draw, *,
          lr: float | None = None, epochs: int | None = None, code: list = (), run_key: str | None = None) -> Run | None:
    """Carry out the clicked action and show the page's charts; returns the run to show (or None).

    build() makes a fresh Run (model, data, trainer) from the page's settings.
    The run is kept in session state under run_key (one per page by default),
    so reruns, Stop and page switches keep it; Reset removes it.
    """
    run_key = run_key or f"run:{page.key}"
    _let_it_stop(st.session_state.get(run_key))
    if action == "reset":
        st.session_state.pop(run_key, None)
    problems = setting_problems(lr, epochs) if action == "train" else []
    for message, values in problems:
        st.error(page.t(message, **values))

    progress = st.empty()
    run = st.session_state.get(run_key)
    grid = ChartGrid(page)
    if action == "train" and not problems:
        run = build()
        st.session_state[run_key] = run
        live = LiveCharts(page, run, draw, grid, progress)
        run.trainer.callbacks.append(live)
        try:
            run.trainer.fit()
        except Exception as error:  # a page's model or data failed: say so, keep the page alive
            st.error(page.t("train.failed", error=f"{type(error).__name__}: {error}"))
        finally:
            run.trainer.callbacks.remove(live)
    else:
        grid.show(draw(run))
        if run is None:
            progress.info(page.t("train.nothing_yet"))
        else:
            show_progress(page, run.trainer, progress)
    if run is not None:
        show_outcome(page, run)
    show_code(page, code)
    return run


def cached_resource(function):
    """Keep what `function` returns for the whole server, per arguments (data sets turned into tensors once)."""
    return st.cache_resource(show_spinner=False)(function)


def weights_section(page: Page, build: Callable[[], Run], run_key: str | None = None) -> None:
    """Download the run's weights; upload weights into it (or into a fresh, untrained run)."""
    run_key = run_key or f"run:{page.key}"
    upload_key, message_key = f"{page.key}:weights_upload", f"{page.key}:weights_message"

    def uploaded():
        file = st.session_state.get(upload_key)
        if file is None:
            return
        run = st.session_state.get(run_key) or build()
        try:
            load_weights(run.model, file.getvalue())
        except WeightsError as error:
            st.session_state[message_key] = ("error", error.key, error.values)
            return
        st.session_state[run_key] = run
        st.session_state[message_key] = ("success", "weights.loaded", {"name": file.name})

    with st.expander(page.t("weights.title")):
        run = st.session_state.get(run_key)
        if run is not None:
            st.download_button(page.t("weights.download"), data=weights_bytes(run.model),
                               file_name=f"{page.key}.pt", mime="application/octet-stream", key=f"{page.key}:weights_download")
        st.file_uploader(page.t("weights.upload"), type=["pt", "pth"], key=upload_key, on_change=uploaded)
        if message_key in st.session_state:
            kind, key, values = st.session_state[message_key]
            getattr(st, kind)(page.t(key, **values))


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
        optimizer = choice(variant, "train.optimizer", "optimizer", OPTIMIZERS, spec.optimizer)
        momentum = kept(st.number_input, page.t("softmax.momentum"), f"{variant.key}:momentum", spec.momentum,
                        min_value=0.0, max_value=0.99, step=0.1, disabled=optimizer != "SGD")
    with right:
        train_size = choice(variant, "softmax.train_size", "train_size", TRAIN_SIZES, 0, format_func=lambda n: page.t(
            "softmax.train_size.all", n=len(data.train_y) if data else 0) if n == 0 else page.t("softmax.train_size.n", n=n))
    return data, Settings(lr, epochs, batch_size, optimizer, momentum, train_size)
