"""Plotly figure builders for what the pages show. Pure functions of the data: no Streamlit."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlcore.text import translate

BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, GREY = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B87F00", "#2B8CC4", "#878787")
PALETTE = [BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY]
"""Okabe and Ito's colours, told apart with every common colour blindness: every chart draws with them.  Their
orange, sky blue and grey are darkened so that every line stands out at 3:1 or more (WCAG's non-text contrast)
against the light theme's white and the dark theme's near-black.  Text in a chart is in the theme's own text colour
(a single colour cannot reach 4.5:1 against both)."""


def faint(colour: str, alpha: float) -> str:
    """A palette colour, see-through."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


MAX_POINTS = 2000
LAYOUT = dict(margin=dict(l=10, r=10, t=40, b=10), height=320, colorway=PALETTE)
VALIDATE = False
"""Plotly checks every property as it is set, which triples the cost of a live redraw; the tests switch it on."""


def downsample(values, max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """(1-based indices, values) keeping at most about max_points evenly spaced points, always the last.

    NumPy arrays, because Plotly checks a Python list element by element and an array at once.
    """
    n = len(values)
    indices = np.arange(0, n, max(1, -(-n // max_points)))
    if n and indices[-1] != n - 1:
        indices = np.append(indices, n - 1)
    return indices + 1, np.asarray(values, dtype=float)[indices] if n else np.array([])


LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "y": -0.3, "x": 0}


def new_figure(title: str, x_title: str, y_title: str, traces: list[dict] = (), **layout) -> go.Figure:
    """A figure in the app's style (Streamlit's theme colours it in the browser), empty or with these traces
    (dicts such as {"type": "scatter", ...}).

    Made from one dict: `update_layout` walks each property path and costs about 2.5 ms
    a figure, against 0.35 ms, which adds up in a live redraw of ten figures.  A figure given
    its traces here is made whole from one dict, its layout keys too (plain keys only, no
    "xaxis_range" paths): each `add_scatter` costs about 4 ms, `update_layout` up to 15 ms.
    """
    base = {"title": {"text": title}, "xaxis": {"title": {"text": x_title}}, "yaxis": {"title": {"text": y_title}},
            "template": {}, **LAYOUT}
    if not traces:
        fig = go.Figure({"layout": base}, _validate=VALIDATE)
        return fig.update_layout(**layout) if layout else fig
    for key, value in layout.items():  # a figure made with its traces takes plain layout keys in the same dict
        base[key] = {**base[key], **value} if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return go.Figure({"layout": base, "data": list(traces)}, _validate=VALIDATE)


def waiting_note(fig: go.Figure, text: str) -> go.Figure:
    """A chart that has nothing to draw yet says why, in its middle (its axes' numbers hidden until it has)."""
    fig.add_annotation(text=text, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font={"size": 15})
    if not any(len(trace.x if trace.x is not None else ()) for trace in fig.data):
        fig.update_xaxes(showticklabels=False)
        fig.update_yaxes(showticklabels=False)
    return fig


def for_projector(fig: go.Figure) -> go.Figure:
    """The same chart for a lecture hall: larger type, thicker lines, bigger markers."""
    fig.update_layout(font={"size": 16}, title={"font": {"size": 20}}, height=min(fig.layout.height or 300, 300))
    for trace in fig.data:
        if trace.type != "scatter":
            continue
        if trace.line.width is not None or trace.mode is None or "lines" in trace.mode:
            trace.line.width = 1.6 * (trace.line.width or 2)
        if isinstance(trace.marker.size, (int, float)) or (trace.mode and "markers" in trace.mode):
            trace.marker.size = 1.4 * (trace.marker.size if isinstance(trace.marker.size, (int, float)) else 6)
    return fig


def loss_curve(history, lang: str = "en", log_y: bool = False) -> go.Figure:
    """Loss per epoch as a line (and loss per batch, faint, when epochs have several batches)."""
    fig = new_figure(translate("chart.loss_curve", lang), translate("chart.epoch", lang), translate("chart.loss", lang))
    epochs = history.series("epoch")
    batches_per_epoch = history.epochs[0]["batches"] if history.epochs else len(history.batch_loss)
    if batches_per_epoch > 1:
        steps, losses = downsample(history.batch_loss)
        fig.add_scatter(x=steps / batches_per_epoch, y=losses, mode="lines",
                        name=translate("chart.batch", lang), line=dict(width=1, color=faint(BLUE, 0.35)))
    x, y = downsample(history.series("loss"))
    fig.add_scatter(x=np.asarray(epochs)[x - 1] if len(x) else x, y=y, mode="lines+markers" if len(x) < 60 else "lines",
                    name=translate("chart.epoch", lang), line=dict(width=3, color=BLUE))
    for change in history.lr_changes:  # where the learning rate was changed during the run
        x = change["batch"] / max(batches_per_epoch, 1)
        fig.add_vline(x=x, line=dict(color=VERMILLION, width=1, dash="dash"),
                      annotation=dict(text=f"lr → {change['lr']:g}"))
    if log_y:
        fig.update_yaxes(type="log")
    fig.update_layout(showlegend=batches_per_epoch > 1)
    return fig


EARLIER_COLOURS = [faint(colour, 0.55) for colour in (GREY, GREEN, PURPLE, ORANGE, SKY)]


def add_earlier_runs(fig: go.Figure, earlier: list[tuple[str, list[float]]], lang: str = "en") -> go.Figure:
    """Faint curves of earlier runs (label, value per epoch) under a chart of the current one."""
    for (label, values), colour in zip(earlier, EARLIER_COLOURS):
        if values:
            fig.add_scatter(x=np.arange(1, len(values) + 1), y=np.asarray(values, dtype=float), mode="lines",
                            name=translate("chart.earlier", lang, label=label), line=dict(width=1.5, color=colour,
                                                                                          dash="dot"))
    if any(values for _, values in earlier):
        fig.update_layout(showlegend=True)
    return fig


def curves(title: str, x_title: str, y_title: str, series: dict[str, tuple[list[float], list[float]]]) -> go.Figure:
    """One line per named (xs, ys), in the palette's order."""
    fig = new_figure(title, x_title, y_title)
    for number, (name, (xs, ys)) in enumerate(series.items()):
        fig.add_scatter(x=list(xs), y=list(ys), mode="lines", name=name, line=dict(color=PALETTE[number % len(PALETTE)], width=2))
    return fig


def lines(title: str, x_title: str, y_title: str, series: dict[str, list[float]],
          targets: dict[str, float] | None = None, target_label: str = "") -> go.Figure:
    """One line per named series over its steps; a series' known target value dashed in the same colour (the legend
    then goes under the chart: its longer names squeezed the plot)."""
    fig = new_figure(title, x_title, y_title, **({"legend": LEGEND_BELOW} if targets else {}))
    colors = PALETTE
    for number, (name, values) in enumerate(series.items()):
        color = colors[number % len(colors)]
        steps, ys = downsample(values)
        fig.add_scatter(x=steps, y=ys, mode="lines", name=name, line=dict(color=color, width=2))
        if targets and name in targets and len(steps):
            fig.add_scatter(x=[1, steps[-1]], y=[targets[name]] * 2, mode="lines", line=dict(color=color, dash="dash"),
                            name=f"{target_label} {name} = {targets[name]:.3g}")
    return fig


def features_by_label(x, y, labels: list[str], title: str, x_title: str, y_title: str,
                      columns: list[str] | None = None) -> go.Figure:
    """Each column of x (N, F) as box plots side by side, one per label; y holds each row's label index."""
    x, y = np.asarray(x), np.asarray(y).ravel()
    columns = columns or [str(index + 1) for index in range(x.shape[1])]
    long_names = max(map(len, columns)) > 3  # written upright under the axis: room for them
    fig = new_figure(title, x_title, y_title, boxmode="group", **({"height": 480} if long_names else {}))
    for label, name in enumerate(labels):
        rows = x[y == label]
        fig.add_box(x=np.repeat(columns, len(rows)).tolist(), y=rows.T.ravel().tolist(), name=name,
                    marker_color=PALETTE[label % len(PALETTE)], boxpoints=False)
    return fig


def bars(title: str, x_title: str, y_title: str, values: dict[str, float]) -> go.Figure:
    """One bar per named value."""
    fig = new_figure(title, x_title, y_title, showlegend=False)
    fig.add_bar(x=list(values), y=list(values.values()), marker_color=BLUE)
    return fig


def predicted_and_true(true, predicted, title: str, x_title: str, y_title: str) -> go.Figure:
    """Each row as a point (its true value, the model's answer), over the diagonal where they are equal."""
    true, predicted = np.asarray(true).ravel(), np.asarray(predicted).ravel()
    fig = new_figure(title, x_title, y_title, showlegend=False)
    low, high = float(min(true.min(), predicted.min())), float(max(true.max(), predicted.max()))
    fig.add_scatter(x=[low, high], y=[low, high], mode="lines", line=dict(color=GREY, dash="dash"), hoverinfo="skip")
    fig.add_scatter(x=true.tolist(), y=predicted.tolist(), mode="markers", marker=dict(color=BLUE, size=7, opacity=0.7))
    return fig


