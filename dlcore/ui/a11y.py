"""What keyboard and screen-reader users need on every page: the document's language (so Chinese is read as
Chinese), captions in full contrast, a focus ring that shows, scrolling code that the keyboard reaches, shortcuts
that leave a focused control's own keys alone (space on a focused button presses that button), and charts told in
words: each chart's sentence in a polite live region (changed at most every few seconds while a run trains) and a
"Show as table" switch with its numbers (dlcore.engine.chart_text)."""
from __future__ import annotations

import html
import time

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dlcore.engine import chart_text
from dlcore.ui.state import state

DOCUMENT_LANG = {"en": "en", "zh": "zh-CN"}
ANNOUNCE_SECONDS = 5.0
"""While a run trains, a chart's sentence changes at most this often, so a screen reader is not flooded."""

_SCRIPT = """
<script>
document.documentElement.lang = "%s";
if (!window.dlClassroomA11y) {  // a chart's sentence is redrawn as a new paragraph: its stable box says it
  const CONTROLS = "button, a, input, select, textarea, summary, [role=tab], [role=radio], [role=switch], " +
                   "[role=checkbox], [role=option], [role=slider], [role=combobox], [role=menuitem]";
  const mark = () => {
    document.querySelectorAll(".chart-summary").forEach(sentence => {
      const box = sentence.closest('[data-testid="stElementContainer"]');
      if (box && !box.hasAttribute("aria-live")) {
        box.setAttribute("role", "status");
        box.setAttribute("aria-live", "polite");
      }
    });
    document.querySelectorAll('[data-testid="stCode"] pre:not([tabindex])').forEach(code => {
      code.setAttribute("tabindex", "0");  // code wider than the page scrolls: the keyboard must reach it
    });
  };
  document.body.addEventListener("keydown", event => {  // space and arrows on a focused control work that control:
    const focus = event.target;  // the live run's shortcuts (Streamlit's, on the document) hear them only otherwise
    if ((event.key === " " || event.key.startsWith("Arrow")) && focus.matches(CONTROLS)) {
      event.stopPropagation();
    }
  });
  window.dlClassroomA11y = new MutationObserver(mark);
  window.dlClassroomA11y.observe(document.body, {childList: true, subtree: true});
  mark();
}
</script>
"""
_STYLE = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"], .chart-summary, [data-testid="stSliderThumbValue"] {
  color: inherit !important; opacity: 1 !important;
}
button:focus-visible, a:focus-visible, input:focus-visible, [role="slider"]:focus-visible,
[role="switch"]:focus-visible, [data-baseweb="select"] div:focus-within {
  outline: 3px solid #1a73e8 !important; outline-offset: 2px;
}
.js-plotly-plot :is(.gtitle, .xtitle, .ytitle, .xtick text, .ytick text, .legendtext, .annotation-text) {
  fill: currentColor !important;  /* a chart's words and numbers in the theme's text colour (they were pale grey) */
}
.chart-summary { font-size: 0.875rem; margin: 0; }
button kbd { display: none !important; }  /* in a narrow column the key squeezed "Pause" to "P…": the help says it */
</style>
"""


def page_accessibility(lang: str) -> None:
    """The document's language and the page's accessible style (every page calls this once, in its frame)."""
    st.html(_SCRIPT % DOCUMENT_LANG.get(lang, lang) + _STYLE, unsafe_allow_javascript=True)


def announced(said: tuple[str, float] | None, sentence: str, every: float, now: float) -> tuple[str, float]:
    """What a chart's live region holds now, (sentence, when it changed): the new sentence, unless the last change
    was under `every` seconds ago (then the last one stays, and a screen reader hears nothing new)."""
    if said is None or (sentence != said[0] and now - said[1] >= every):
        return sentence, now
    return said


def described_chart(page, place, name: str, figure: go.Figure, announce_every: float = 0.0) -> None:
    """A chart, its sentence under it (in a live region), and its numbers under "Show as table"."""
    place.plotly_chart(figure, key=f"{page.key}:chart:{name}", width="stretch")
    kept = state(page)
    sentences = kept.said
    said = sentences[name] = announced(sentences.get(name), chart_text.summary(figure, page.lang), announce_every,
                                       time.monotonic())
    kept.said = sentences
    place.html(f'<p class="chart-summary">{html.escape(said[0])}</p>')
    if place.toggle(page.t("a11y.show_table"), key=f"{page.key}:as_table:{name}",
                    help=page.t("a11y.show_table_help")):
        rows = chart_text.table(figure, page.lang)
        if rows is None:
            place.caption(page.t("a11y.no_table"))
        else:
            place.dataframe(rows, hide_index=isinstance(rows.index, pd.RangeIndex), width="stretch",
                            key=f"{page.key}:numbers:{name}")
