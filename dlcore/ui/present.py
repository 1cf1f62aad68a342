"""The projector view (the sidebar's switch, or `?present=1`): what a lecture hall at 1280×720 needs.

Larger type, thicker lines and bigger markers; the lecture's prose and the page's settings folded away under
its title (a link sets them up before the lecture); the run's controls compact above the charts, so that the
controls and the first live charts fit the screen without scrolling.
"""
from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

PRESENT = "present"
"""Session state (and the link's name) of the projector view."""

_STYLE = """
<style>
html { font-size: 17px; }
.stMainBlockContainer { padding-top: 1.6rem; padding-bottom: 1rem; max-width: 100%; }
.stMainBlockContainer h1 { font-size: 1.55rem; padding: 0 0 0.2rem 0; }
.stMainBlockContainer [data-testid="stVerticalBlock"] { gap: 0.4rem; }
[data-testid="stHeader"] { height: 2rem; background: transparent; }
</style>
"""


def projector_style() -> None:
    st.html(_STYLE)


def lecture_header(page, title_key: str, intro_key: str) -> None:
    """The lecture's title and its prose: written out, or folded under the title in the projector view."""
    st.title(page.t(title_key))
    prose(page, page.t(intro_key), "present.about")


@contextmanager
def folded(page, label_key: str = "present.settings"):
    """What is drawn within: in place, or folded under a label in the projector view (a page's settings, its
    explanations, its tables)."""
    with st.expander(page.t(label_key)) if page.present else st.container():
        yield


def prose(page, text: str, label_key: str = "present.more") -> None:
    """Explanation beside the charts: shown, or folded away in the projector view."""
    with folded(page, label_key):
        st.markdown(text)
