"""A page's setup in its address: `/logistic_regression?lr=5&autorun=1` opens lecture 6 at rate 5 and trains.

Every setting a page draws (dlcore.engine.settings), and the sidebar's language, device, seed and projector view,
is written into the query string while the user works, so the address reproduces the setup.  An address
that arrives (a shared link, a quick link of the home page) is applied once: each widget takes its value
from it as it is drawn, and what it cannot use is named in a short note instead.  Only values that differ
from the defaults are written, which keeps links short.

    page_setup() -> Link.open()        the address's values, waiting for their widgets
    setting_widget() -> link.take(...), link.show(...)
    live_run() (or app.py) -> link.close()   the note, the "Copy link" box, the address written back
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlencode

import streamlit as st

from dlcore.engine.settings import parse_switch
from dlcore.text import translate

WRITTEN = "link:written"
"""Session state: the query string this session wrote last (an address that differs from it is a new link)."""
CURRENT, IGNORED, SHOWN, SETTLING = "link:current", "link:ignored", "link:shown", "link:settling"
SETTLE_SECONDS = 0.8
"""The address is written this long after the last change of a setting, not at every change: a new address
redraws the page in the browser, which lost the steps of a slider moved by quick key presses."""
AUTORUN = "autorun"


@dataclass
class Link:
    """The address's values for one run of the page script."""

    page_key: str
    lang: str = "en"  # set by the sidebar, which may take it from the link
    fresh: bool = False
    arrived: dict[str, str] = field(default_factory=dict)
    """The values of a link that has just been opened, each taken by the widget it names."""
    shown: dict[str, str] = field(default_factory=dict)
    """The values to write back: what differs from the defaults, in the order it was drawn."""
    ignored: list[str] = field(default_factory=list)
    autorun: bool = False
    closed: bool = False
    note: object = None  # a container at the top of the page, for the note on what a link brought in vain
    box: object = None  # the sidebar's "Copy link" popover, filled when the page is done

    @classmethod
    def open(cls, page_key: str) -> "Link":
        """The link of this run; a query string this session did not write is a new link, to be applied."""
        query = st.query_params.to_dict()
        fresh = query != st.session_state.get(WRITTEN)
        link = cls(page_key=page_key, fresh=fresh, arrived=dict(query) if fresh else {})
        link.autorun = link._switch(AUTORUN)
        st.session_state[CURRENT] = link
        return link

    def _switch(self, name: str) -> bool:
        if name not in self.arrived:
            return False
        text = self.arrived.pop(name)
        try:
            return parse_switch(text)
        except ValueError:
            self.ignored.append(f"{name}={text}")
            return False

    def take(self, name: str, key: str, parse: Callable[[str], object]) -> bool:
        """Put the link's value for `name` (if it brought one) into the widget `key`; say so."""
        if name not in self.arrived:
            return False
        text = self.arrived.pop(name)
        try:
            value = parse(text)
        except (ValueError, TypeError):
            self.ignored.append(f"{name}={text}")
            return False
        st.session_state[key] = st.session_state[f"kept:{key}"] = value
        return True

    def show(self, name: str, text: str, default_text: str) -> None:
        """Write this value into the address (only when it is not the default)."""
        if text != default_text:
            self.shown[name] = text
        else:
            self.shown.pop(name, None)

    def close(self) -> None:
        """Name what the link brought that no widget used, write the address back, fill the "Copy link" box.
        Once a run of the page: the first call wins."""
        if self.closed:
            return
        self.closed = True
        if self.fresh:  # the note stays on this page until the next link or page
            ignored = self.ignored + [f"{name}={text}" for name, text in self.arrived.items()]
            st.session_state[IGNORED] = (self.page_key, ignored)
        page_key, ignored = st.session_state.get(IGNORED, (None, []))
        if ignored and page_key == self.page_key and self.note is not None:
            self.note.warning(translate("link.ignored", self.lang, values=", ".join(f"`{item}`" for item in ignored)),
                              icon="🔗")
        before, st.session_state[SHOWN] = st.session_state.get(SHOWN), dict(self.shown)
        if st.query_params.to_dict() != self.shown:
            if self.fresh or before == self.shown:
                st.query_params.from_dict(self.shown)
            else:  # the user is changing settings now: the address follows once they have settled
                st.session_state[SETTLING] = time.monotonic()
                st.fragment(run_every=SETTLE_SECONDS)(_settle)()
        st.session_state[WRITTEN] = st.query_params.to_dict()  # the address as the browser has it now
        if self.box is not None:
            with self.box:
                _copy_box(self.lang, self.shown)


def _settle() -> None:
    """Once the settings have not changed for SETTLE_SECONDS, draw the page again: that run writes the address."""
    since = st.session_state.get(SETTLING)
    if since is not None and time.monotonic() - since >= 0.9 * SETTLE_SECONDS:
        del st.session_state[SETTLING]
        st.rerun()


def current() -> Link | None:
    """The link of the page being drawn (None outside page_setup's pages, e.g. in a bare script)."""
    return st.session_state.get(CURRENT)


def take_setting(setting, key: str) -> bool:
    """Whether the page's link set this setting's widget."""
    link = current()
    return link is not None and link.take(setting.name, key, setting.parse)


def show_setting(setting, value) -> None:
    link = current()
    if link is not None:
        link.show(setting.name, setting.text(value), setting.text(setting.default))


def address(query: dict) -> str:
    """The full address of this page with this query string."""
    base = str(st.context.url or "").split("?")[0]
    return f"{base}?{urlencode(query)}" if query else base


def _copy_box(lang: str, shown: dict) -> None:
    st.caption(translate("link.about", lang))
    autorun = st.checkbox(translate("link.autorun", lang), key="link:with_autorun")
    st.code(address({**shown, **({AUTORUN: "1"} if autorun else {})}), language=None, wrap_lines=True)
