"""Widgets that remember their values, and the widgets of a page's declared settings (dlcore.engine.settings)."""
from __future__ import annotations

import math

import streamlit as st

from dlcore.engine.settings import Setting, Settings, Values
from dlcore.ui import link


def kept(widget, label: str, key: str, default, **kwargs):
    """A widget whose value survives page switches.

    Streamlit drops the state of widgets that a run does not draw, so the value
    is also stored under a key no widget owns, and given back when the widget
    is drawn again.
    """
    store = f"kept:{key}"
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(store, default)
    elif "format_func" in kwargs:
        # the browser keeps showing a choice's old label (e.g. after a language switch) unless the value is sent again
        st.session_state[key] = st.session_state[key]
    value = widget(label, key=key, **_shown_as(widget, st.session_state[key], kwargs.get("options")), **kwargs)
    st.session_state[store] = value
    return value


def kept_value(key: str, default):
    """A kept widget's value: the widget's own while it is drawn, else the one kept for it."""
    return st.session_state.get(key, st.session_state.get(f"kept:{key}", default))


def set_kept(key: str, value) -> None:
    """Give a kept widget a new value (drawn or not)."""
    st.session_state[key] = st.session_state[f"kept:{key}"] = value


def forget(*keys: str) -> None:
    """Kept widgets back to their defaults at their next drawing."""
    for key in keys:
        for stored in (key, f"kept:{key}"):
            st.session_state.pop(stored, None)


def clamp_kept(key: str, largest: int, default: int = 0) -> None:
    """A kept number past the end of a shorter range now becomes its last value."""
    for stored in (key, f"kept:{key}"):
        if st.session_state.get(stored, default) > largest:
            st.session_state[stored] = largest


def remembered_choice(key: str, options, default):
    """Forget a remembered choice that is no longer offered (a device unplugged, an option renamed)."""
    for name in (key, f"kept:{key}"):
        if name in st.session_state and st.session_state[name] not in options:
            del st.session_state[name]
    return default if default in options else options[0]


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


def lr_widget(label: str, exact_label: str, key: str, default: float) -> float:
    """The learning rate: a log-scale slider and, beside it, the exact value (any number may be typed)."""
    slider_key = f"{key}_slider"
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
    left.select_slider(label, options, key=slider_key, on_change=slider_moved, format_func=lambda v: f"{v:g}",
                       value=st.session_state[slider_key])
    lr = right.number_input(exact_label, key=key, on_change=number_typed, format="%g", step=None,
                            value=st.session_state[key])
    st.session_state[f"kept:{key}"] = lr
    return lr


def setting_widget(page, setting: Setting, values: dict, format_func=None):
    """Draw one declared setting (its key: "<page key>:<name>") and return its value; a link may set it, and
    the value is written into the page's address (dlcore.ui.link)."""
    key = f"{page.key}:{setting.name}"
    if link.take_setting(setting, key) and setting.widget == "lr":
        st.session_state.pop(f"{key}_slider", None)  # the slider follows the exact value the link brought
    value = _setting_widget(page, setting, key, values, format_func)
    link.show_setting(setting, value)
    return value


def _setting_widget(page, setting: Setting, key: str, values: dict, format_func):
    label = page.t(setting.label)
    disabled = setting.enabled is not None and not setting.enabled(values)
    if setting.widget == "lr":
        return lr_widget(label, page.t("train.lr_exact"), key, setting.default)
    if format_func is None and setting.format:
        format_func = lambda option: page.t(f"{setting.format}.{option}")  # noqa: E731
    options = {"format_func": format_func} if format_func else {}
    if setting.widget == "select":
        return kept(st.selectbox, label, key, remembered_choice(key, list(setting.options), setting.default),
                    options=list(setting.options), disabled=disabled, **options)
    if setting.widget == "select_slider":
        return kept(st.select_slider, label, key, remembered_choice(key, list(setting.options), setting.default),
                    options=list(setting.options), disabled=disabled, **options)
    if setting.widget == "checkbox":
        return kept(st.checkbox, label, key, setting.default, disabled=disabled)
    if setting.widget == "text":
        return kept(st.text_input, label, key, setting.default, disabled=disabled)
    widget = st.number_input if setting.widget == "number" else st.slider
    bounds = {name: value for name, value in (("min_value", setting.low), ("max_value", setting.high),
                                              ("step", setting.step)) if value is not None}
    return kept(widget, label, key, setting.default, disabled=disabled, **bounds)


def settings(page, declared: Settings, columns: int = 3, formats: dict | None = None, only=None) -> Values:
    """Draw a page's declared settings and return their values.

    The learning rate (and text boxes) take a row of their own; the other settings
    fill rows of `columns`.  formats: option labels that need the page's data
    ({"train_size": fn}).  only: draw just these settings (the rest keep their defaults).
    """
    values: dict = {}
    row: list = []
    for setting in declared:
        if only is not None and setting.name not in only:
            continue
        if setting.widget in ("lr", "text"):
            values[setting.name] = setting_widget(page, setting, values, (formats or {}).get(setting.name))
            continue
        if not row:
            row = list(st.columns(columns))
        with row.pop(0):
            values[setting.name] = setting_widget(page, setting, values, (formats or {}).get(setting.name))
    return Values(declared, {**{s.name: s.default for s in declared}, **values})


def settings_columns(page, declared: Settings, groups: dict[str, tuple[str, ...]], widths=None) -> Values:
    """Draw a page's declared settings side by side, one column per group ({title text key: setting names}; widths:
    the columns' relative widths), and return their values (a playground's data, features, network and training)."""
    values: dict = {}
    for column, (title, names) in zip(st.columns(widths or len(groups)), groups.items()):
        with column:
            st.markdown(f"**{page.t(title)}**")
            for setting in declared:
                if setting.name in names:
                    values[setting.name] = setting_widget(page, setting, values)
    return Values(declared, {**{s.name: s.default for s in declared}, **values})
