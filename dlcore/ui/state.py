"""What a session keeps for each page's live run, typed: the one module that spells those session-state keys.

    state = ui.state(page)              # or PageState("logistic_regression", at.session_state) in a test
    state.run                           # the page's run (None before the first Train)
    state.earlier = remember(...)       # runs before it, to compare

A page key names a page or one of its variants ("softmax:course"); the session's runs of every page are listed by
`runs(store)` (the draw page's readers).  Widgets are given the keys below (`replay_widget`, ...) so that what they
hold lives here too.
"""
from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import streamlit as st

from dlcore.engine.runs import EarlierRun, Run

_RUN = "run:"


class _Entry:
    """One value of a page's state, kept in the session under "<prefix><page key>" or "<page key><suffix>"."""

    def __init__(self, prefix: str = "", suffix: str = "", default: Any = None):
        self.prefix, self.suffix, self.default = prefix, suffix, default

    def __set_name__(self, owner, name: str):
        self.name = name

    def key(self, page_key: str) -> str:
        return f"{self.prefix}{page_key}{self.suffix}"

    def __get__(self, state: "PageState", owner=None):
        if state is None:
            return self
        default = self.default() if callable(self.default) else self.default
        return state.store.get(self.key(state.key), default)

    def __set__(self, state: "PageState", value) -> None:
        state.store[self.key(state.key)] = value

    def __delete__(self, state: "PageState") -> None:
        if self.key(state.key) in state.store:
            del state.store[self.key(state.key)]


class PageState:
    """The session's state of one page (or variant) of the app."""

    run: Run | None = _Entry(_RUN)
    earlier: list[EarlierRun] = _Entry("earlier:", default=list)  # runs before the current one, newest last
    count: int = _Entry("count:", default=0)  # runs started so far (numbers the earlier ones)
    action: str | None = _Entry("action:")  # the button clicked, carried out at the next rerun
    messages: list = _Entry("messages:", default=list)  # (kind, text key, values) shown under the controls
    cost: float = _Entry("cost:", default=0.0)  # seconds the last redraw of the charts took
    race: list[Run] = _Entry("race:", default=list)  # the CPU-against-GPU race's runs
    replay: int | None = _Entry(suffix=":replay")  # the replay slider's epoch (None: follow the run)
    replay_end: int = _Entry(suffix=":replay:max", default=0)  # the epochs done when the slider was last drawn
    speed: int | None = _Entry(suffix=":speed")  # steps a second (0 or None: as fast as possible)
    more_epochs: int | None = _Entry(suffix=":more_epochs")  # what "Train N more" adds
    said: dict = _Entry(suffix=":said", default=dict)  # each chart's sentence for screen readers, and when it changed
    weights_upload = _Entry(suffix=":weights_upload")  # the weights file uploaded into the run
    weights_message: tuple | None = _Entry(suffix=":weights_message")  # what loading weights said

    def __init__(self, key: str, store: MutableMapping | None = None):
        self.key = key
        self.store = st.session_state if store is None else store

    def widget_key(self, name: str) -> str:
        """The key of one of the page's widgets whose value this state holds ("replay", "speed", ...)."""
        return type(self).__dict__[name].key(self.key)


class DrawState(PageState):
    """The draw page's own: the student's digits, the last picture read, the canvas and the model to read with."""

    own: list = _Entry(suffix=":own", default=list)  # the student's digits: [(pixels (28, 28) in [0, 1], label)]
    last_picture: tuple | None = _Entry(suffix=":last_picture")  # (name, bytes, ink) of the last readable upload
    canvas_round: int = _Entry(suffix=":canvas_round", default=0)  # a new canvas (widget key) after each Clear
    next_reader: str | None = _Entry(suffix=":next_reader")  # the model to read with once the page is drawn again


class FoldersState(PageState):
    """The image folders page's own: the uploaded zip, unpacked, and the round of random photos shown."""

    upload = _Entry(suffix=":zip")  # the uploader's file (its widget's key)
    unpacked = _Entry(suffix=":unpacked")  # kept when the page is left, unlike the uploader's file
    add_choice: str | None = _Entry(suffix=":add_choice")  # the step "Add" puts into the pipeline (its widget's key)
    draws_round: int = _Entry(suffix=":round", default=0)  # "Draw again" shows other photos


class OwnTableState(PageState):
    """The own-table page's own: the uploaded file, the last table that could be read, the task chosen for it."""

    upload = _Entry(suffix=":file")  # the uploader's file (its widget's key)
    uploaded: tuple | None = _Entry(suffix=":uploaded")  # (name, bytes): kept when the page is left
    last_good = _Entry(suffix=":last_good")  # the last table read and prepared: still shown when a file is refused
    task_for: tuple | None = _Entry(suffix=":task_for")  # (table, label) the task was last chosen for


def state(page, kind: type[PageState] = PageState) -> PageState:
    """The session's state of a page (anything with a `key`: a ui.Page, or a page key); kind: a page's own state
    (DrawState, ...)."""
    return kind(page if isinstance(page, str) else page.key)


def runs(store: MutableMapping | None = None) -> dict[str, Run]:
    """Every page's run in the session, by page key."""
    store = st.session_state if store is None else store
    return {key.removeprefix(_RUN): value for key, value in dict(store).items()
            if isinstance(key, str) and key.startswith(_RUN) and isinstance(value, Run)}
