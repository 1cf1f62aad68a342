"""Plotly figures for the sequence pages (lectures 12–13). Pure functions of the data: no Streamlit.

The names page's confusion matrix is dlcore.lectures.classifiers.figures.confusion_heatmap, shared with the image pages.
"""
from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from dlcore.engine.figures import BLUE, GREEN, LAYOUT, new_figure
from dlcore.text import translate

TABLE_TEXT = "#1f2328"
TARGET, RIGHT_FILL, WRONG_FILL, WHOLE_ROW_FILL = BLUE, "#b8dcf0", "#f7c9a6", "#dcebf5"  # blue and orange: told apart in every colour blindness
CHARACTER_COLUMNS = 20  # longer strings are shown as one text column
ROW_HEIGHT = 26
MAX_ANNOTATED = 16  # heatmaps write their values in the cells up to this many rows and columns


def _shown(character: str) -> str:
    """A character as the charts show it: a space as ␣, HTML escaped."""
    return "␣" if character == " " else escape(character)


def prediction_table(log, task, lang: str = "en") -> go.Figure:
    """The course's "Predicted string" printout as a table that grows one row per epoch.

    Up to CHARACTER_COLUMNS characters, each predicted character has its own cell under the
    target character, blue when right and orange when wrong; longer strings get one text column.
    """
    records, n = log.records, len(task.target)
    right = [sum(p == t for p, t in zip(record.prediction, task.y_data)) for record in records]
    row_fill = [WHOLE_ROW_FILL if r == n else "white" for r in right]
    if n <= CHARACTER_COLUMNS:
        headers = [f"<b>{_shown(c)}</b>" for c in task.target]
        columns = [[_shown(task.vocabulary[record.prediction[t]]) for record in records] for t in range(n)]
        fills = [[RIGHT_FILL if record.prediction[t] == task.y_data[t] else WRONG_FILL for record in records]
                 for t in range(n)]
        widths = [0.6] * n
    else:
        headers = [f"<b>{translate('rnn_basics.predicted', lang)}</b>"]
        columns = [[escape(task.decode(record.prediction)) for record in records]]
        fills, widths = [row_fill], [n / 8]
    epoch, correct, loss = (f"<b>{translate(key, lang)}</b>" for key in ("chart.epoch", "rnn_basics.correct", "chart.loss"))
    fig = new_figure(translate("rnn_basics.table_title", lang, target=escape(task.target)), "", "",
                     height=max(LAYOUT["height"], 90 + ROW_HEIGHT * min(len(records) + 1, 20)))
    fig.add_trace(go.Table(
        columnwidth=[1, *widths, 1, 1.4],
        header=dict(values=[epoch, *headers, correct, loss], fill_color="#eaeef2", align="center",
                    font=dict(color=TABLE_TEXT)),  # dark text on the light cells, in the dark theme too
        cells=dict(values=[list(range(1, len(records) + 1)), *columns, [f"{r}/{n}" for r in right],
                           [f"{record.loss:.4f}" for record in records]],
                   fill_color=[row_fill, *fills, row_fill, row_fill], align="center", height=ROW_HEIGHT,
                   font=dict(family="monospace", size=14, color=TABLE_TEXT)),
    ))
    return fig


def _step_labels(task) -> list[str]:
    return [f"{t + 1}: {_shown(c)}→{_shown(y)}" for t, (c, y) in enumerate(zip(task.source, task.target))]


def _values_as_text(rows) -> dict:
    """Heatmap arguments that write each value in its cell, when the cells are big enough to read."""
    if len(rows) > MAX_ANNOTATED or len(rows[0]) > MAX_ANNOTATED:
        return {}
    return dict(text=[[f"{v:.2f}" for v in row] for row in rows], texttemplate="%{text}")


def hidden_heatmap(record, task, epoch: int, lang: str = "en") -> go.Figure:
    """The top layer's hidden state h_t at every time step of one epoch: units down, steps across."""
    units = [list(unit) for unit in zip(*record.hidden)]  # hidden[step][unit] → one row per unit
    fig = new_figure(translate("rnn_basics.hidden_title", lang, epoch=epoch), translate("rnn_basics.step", lang), "")
    fig.add_trace(go.Heatmap(z=units, x=_step_labels(task), y=[f"h[{i}]" for i in range(len(units))],
                             colorscale="RdBu", zmid=0, zmin=-1, zmax=1, **_values_as_text(units)))
    fig.update_yaxes(autorange="reversed")
    return fig


def softmax_heatmap(record, task, epoch: int, lang: str = "en") -> go.Figure:
    """softmax over the vocabulary at every step; a square marks the target character."""
    steps, vocabulary = _step_labels(task), [_shown(c) for c in task.vocabulary]
    rows = [list(row) for row in zip(*record.probabilities)]  # one row per character
    fig = new_figure(translate("rnn_basics.softmax_title", lang, epoch=epoch), translate("rnn_basics.step", lang),
                     translate("rnn_basics.character", lang), showlegend=False)
    fig.add_trace(go.Heatmap(z=rows, x=steps, y=vocabulary, colorscale="Blues", zmin=0, zmax=1, name="softmax",
                             **_values_as_text(rows)))
    fig.add_scatter(x=steps, y=[vocabulary[i] for i in task.y_data], mode="markers", name=translate("rnn_basics.target", lang),
                    marker=dict(symbol="square-open", size=26, color=TARGET, line=dict(width=3)))
    fig.update_yaxes(autorange="reversed", type="category")
    return fig


def accuracy_curve(accuracies: list[float], baseline: float, lang: str = "en") -> go.Figure:
    """Test accuracy per epoch against the accuracy of always answering the most common class."""
    fig = new_figure(translate("names.accuracy_title", lang), translate("chart.epoch", lang),
                     translate("names.accuracy", lang), yaxis_range=[0, 1], yaxis_tickformat=".0%")
    fig.add_scatter(x=list(range(1, len(accuracies) + 1)), y=accuracies, mode="lines+markers",
                    name=translate("names.accuracy", lang), line=dict(width=3, color=GREEN))
    fig.add_hline(y=baseline, line_dash="dash", line_color="gray",
                  annotation_text=f"{translate('names.majority', lang)}: {baseline:.0%}")
    return fig


def top_predictions(ranked: list[tuple[str, float]], name: str, lang: str = "en") -> go.Figure:
    """The top languages for a name as horizontal bars of probability."""
    fig = new_figure(translate("names.top_title", lang, name=escape(name)), translate("names.probability", lang), "",
                     height=240, xaxis_range=[0, 1])
    fig.add_trace(go.Bar(x=[p for _, p in ranked], y=[language for language, _ in ranked], orientation="h",
                         text=[f"{p:.1%}" for _, p in ranked], textposition="auto", marker_color=BLUE))
    fig.update_yaxes(autorange="reversed")
    return fig
