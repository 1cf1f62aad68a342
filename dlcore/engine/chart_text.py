"""Charts for people who cannot see them: a one-sentence summary of a Plotly figure, and the numbers behind it as a
table.  Read from the figure's own traces, so every chart of every page has them.  No Streamlit.

    summary(fig, "en")  # "Loss per epoch: 10 epochs, from 2.30 to 0.0500, still falling."
    table(fig, "en")    # a DataFrame (series, x, y), a heatmap's grid, or None for a picture
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dlcore.text import translate

CONFUSION = "confusion"
"""The `meta` of a confusion matrix's heatmap (rows: true class, columns: predicted class)."""
MOST_LINES = 3
"""At most this many curves are told in a sentence (the table has them all)."""
LEVEL = 0.01
"""A curve whose last tenth moved less than this share of its whole range has levelled off."""


def _plain(text) -> str:
    """A title or name without Plotly's HTML tags."""
    return re.sub(r"<[^>]+>", " ", str(text or "")).replace("  ", " ").strip()


def number(value, percent: bool = False) -> str:
    """Three significant digits (2.30, 0.0500), whole numbers as they are (3, 1,234), a percentage with one
    decimal, or a category's label as it is."""
    if isinstance(value, str):
        return value
    value = float(value)
    if percent:
        return f"{100 * value:.1f} %"
    if not np.isfinite(value):
        return str(value)
    if abs(value) >= 1000 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:#.3g}".rstrip(".")


def _values(sequence) -> np.ndarray:
    """A trace's x or y as numbers, or as labels on a category axis ("1: h→o")."""
    items = np.asarray(sequence if sequence is not None else (), dtype=object).ravel()
    try:
        return items.astype(float)
    except (TypeError, ValueError):
        return items.astype(str)


def _faint(trace) -> bool:
    """Scenery rather than data: a dashed or dotted line, a see-through colour (earlier runs, a run's batches, a
    reference line), text only, or a trace left out of the legend and the hover."""
    if trace.type != "scatter":
        return False
    line = trace.line
    return bool(line.dash) or str(line.color or "").startswith("rgba") or trace.mode == "text" or (
        trace.hoverinfo == "skip" and trace.showlegend is False)


def _over_time(fig: go.Figure, lang: str) -> str | None:
    """"epoch" or "step" when the x axis counts epochs or batches (a curve over training), else None."""
    title = _plain(fig.layout.xaxis.title.text).lower()
    if title and title == translate("chart.epoch", lang).lower():
        return "epoch"
    if title and any(word in title for word in (translate("chart.batch", lang).lower(), "step", "步")):
        return "step"
    return None


def _trend(ys: np.ndarray, lang: str) -> str:
    """Whether a curve is still falling, still rising, or has levelled off over its last tenth."""
    finite = ys[np.isfinite(ys)]
    if len(finite) < 3:
        return ""
    span = finite.max() - finite.min()
    change = finite[-1] - finite[-1 - max(1, len(finite) // 10)]
    if span == 0 or abs(change) <= LEVEL * span:
        return translate("a11y.level", lang)
    return translate("a11y.falling" if change < 0 else "a11y.rising", lang)


def _line(trace, fig: go.Figure, lang: str, percent: bool) -> str:
    xs, ys = _values(trace.x), _values(trace.y)
    if not len(ys):
        return ""
    if len(xs) != len(ys):
        xs = np.arange(1, len(ys) + 1)
    time = _over_time(fig, lang)
    if time is not None:  # epochs are counted by the last one drawn (a long curve is thinned out)
        count = (translate("a11y.epochs", lang, n=int(xs[-1])) if time == "epoch" and xs.dtype.kind == "f"
                 else translate("a11y.points", lang, n=len(ys)))
        parts = [count, translate("a11y.from_to", lang, first=number(ys[0], percent), last=number(ys[-1], percent)),
                 _trend(ys, lang)]
        return translate("a11y.comma", lang).join(part for part in parts if part)
    x_title = _axis_title(fig, "x")
    lowest = int(np.nanargmin(ys)) if np.isfinite(ys).any() else 0
    if 0 < lowest < len(ys) - 1 and ys[lowest] < min(ys[0], ys[-1]):  # a valley, such as a cost curve
        return translate("a11y.valley", lang, low=number(ys[lowest], percent), x=x_title, at=number(xs[lowest]))
    return translate("a11y.curve", lang, first=number(ys[0], percent), last=number(ys[-1], percent), x=x_title,
                     start=number(xs[0]), end=number(xs[-1]))


def _axis_title(fig: go.Figure, axis: str) -> str:
    return _plain(fig.layout[f"{axis}axis"].title.text) or axis


def _points(trace, fig: go.Figure, lang: str, percent: bool) -> str:
    xs, ys = _values(trace.x), _values(trace.y)
    if len(ys) == 1 and len(xs) == 1:
        return translate("a11y.point", lang, x_title=_axis_title(fig, "x"), x=number(xs[0]),
                         y_title=_axis_title(fig, "y"), y=number(ys[0], percent))
    return translate("a11y.points", lang, n=len(ys))


def _bars(trace, lang: str, percent: bool) -> str:
    names, values = [_plain(name) for name in trace.x], _values(trace.y)
    if len(values) <= 10:
        told = (f"{name} {number(value, percent)}" for name, value in zip(names, values))
        return translate("a11y.comma", lang).join(told)
    high, low = int(np.nanargmax(values)), int(np.nanargmin(values))
    return translate("a11y.extremes", lang, high=names[high], high_value=number(values[high], percent),
                     low=names[low], low_value=number(values[low], percent))


def _confusion(trace, lang: str) -> str:
    counts = np.asarray(trace.z, dtype=float)
    names = [_plain(name) for name in (trace.x if trace.x is not None else range(len(counts)))]
    right = 100 * np.trace(counts) / max(counts.sum(), 1)
    wrong = counts - np.diag(np.diag(counts))
    if not wrong.any():
        return translate("a11y.confusion_none", lang, right=f"{right:.1f}")
    true, predicted = np.unravel_index(int(wrong.argmax()), wrong.shape)
    return translate("a11y.confusion", lang, right=f"{right:.1f}", true=names[true], predicted=names[predicted],
                     times=int(wrong[true, predicted]))


def _grid(trace, lang: str) -> str:
    z = np.asarray(trace.z, dtype=float)
    if z.ndim != 2 or not z.size:
        return ""
    return translate("a11y.grid", lang, rows=z.shape[0], columns=z.shape[1], low=number(np.nanmin(z)),
                     high=number(np.nanmax(z)))


def _described(trace, fig: go.Figure, lang: str, percent: bool) -> str:
    if trace.type == "heatmap":
        return _confusion(trace, lang) if trace.meta == CONFUSION else _grid(trace, lang)
    if trace.type == "image":
        return translate("a11y.picture", lang)
    if trace.type == "bar":
        return _bars(trace, lang, percent)
    if trace.type == "box":
        return translate("a11y.box", lang, n=len(_values(trace.y)))
    if trace.type == "scatter":
        lines = trace.mode is None or "lines" in trace.mode
        ys = _values(trace.y)
        if lines and len(ys) > 1 and ys.dtype.kind == "f":
            return _line(trace, fig, lang, percent)
        return _points(trace, fig, lang, percent)
    return ""


def _told(fig: go.Figure) -> list:
    """The traces a sentence tells: the data, not the scenery; one picture however many it is made of; at most
    MOST_LINES curves."""
    traces = [trace for trace in fig.data if not _faint(trace)]
    if any(trace.meta == CONFUSION for trace in traces):
        return [trace for trace in traces if trace.meta == CONFUSION]
    pictures = [trace for trace in traces if trace.type == "image"]
    return pictures[:1] + [trace for trace in traces if trace.type != "image"][:MOST_LINES]


def summary(fig: go.Figure, lang: str = "en") -> str:
    """One sentence saying what the chart shows now: its title, then each curve's course, the points, the bars'
    values, the confusion matrix's accuracy and most common mistake; a chart with nothing yet says what it waits for."""
    percent = "%" in str(fig.layout.yaxis.tickformat or "")
    told = _told(fig)
    details = []
    for trace in told:
        described = _described(trace, fig, lang, percent)
        name = _plain(trace.name)
        if described and name and len(told) > 1:
            described = translate("a11y.named", lang, name=name, details=described)
        if described:
            details.append(described)
    if not details:
        notes = [_plain(note.text) for note in fig.layout.annotations if note.xref == "paper"]
        details = notes[:1] or [translate("a11y.empty", lang)]
    title = _plain(fig.layout.title.text) or translate("a11y.chart", lang)
    return translate("a11y.summary", lang, title=title, details=translate("a11y.semicolon", lang).join(details))


def table(fig: go.Figure, lang: str = "en") -> pd.DataFrame | None:
    """The numbers behind a chart: a heatmap as its grid (rows and columns named by its axes' labels); curves, points
    and bars as rows of (series, x, y) named by the axes' titles; None for a chart that is only a picture."""
    grids = [trace for trace in fig.data if trace.type == "heatmap"]
    if grids:
        z = np.asarray(grids[0].z)
        return pd.DataFrame(z, index=list(grids[0].y) if grids[0].y is not None else None,
                            columns=list(grids[0].x) if grids[0].x is not None else None)
    x_title, y_title = _axis_title(fig, "x"), _axis_title(fig, "y")
    if y_title == x_title:
        x_title, y_title = f"{x_title} (x)", f"{y_title} (y)"
    series = translate("a11y.series", lang)
    rows = [{series: _plain(trace.name), x_title: x, y_title: y}
            for trace in fig.data
            if trace.type in ("scatter", "bar", "box") and trace.mode != "text" and trace.y is not None
            for x, y in zip(trace.x if trace.x is not None else range(1, len(trace.y) + 1), trace.y)]
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    return frame.drop(columns=series) if frame[series].nunique() == 1 else frame
