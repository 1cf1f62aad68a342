"""The lecture's figures: the surface as a contour plot with each optimizer's path over it, and each optimizer's
loss against the steps."""
from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from dlcore.engine.figures import PALETTE, downsample, new_figure
from dlcore.lectures.optimizers.model import OPTIMIZERS, Surface
from dlcore.text import translate

LEGENDS = {True: {"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top"},
           False: {"orientation": "h", "x": 0, "y": -0.15, "yanchor": "top"}}
"""Legends beside the plot (the projector view's wide, short charts) or under it (the page's narrower ones)."""
PATH_POINTS = 400
"""At most this many points of a path are drawn (always its last)."""
SHADES = [[0.0, "#ffffff"], [1.0, "#c5d3e0"]]
"""The contour's fill, pale so that the paths' colours stand out: light grey low, grey-blue high."""


def colour(name: str) -> str:
    """An optimizer's colour, the same in every chart and every run."""
    return PALETTE[list(OPTIMIZERS).index(name) % len(PALETTE)]


def shown_height(surface: Surface, values: np.ndarray) -> np.ndarray:
    """What the contour colours: log(1 + f - lowest) on a surface bounded below (its valleys and minima told apart
    however steep its walls), f itself on the saddle."""
    return np.log1p(values - values.min()) if surface.bounded else values


def surface_plot(surface: Surface, start, paths: dict[str, list], stopped: set[str], lang: str = "en",
                 beside: bool = False, height: int = 520) -> go.Figure:
    """The surface's contours in its box, each optimizer's path up to its current point (a stopped path says so in
    the legend), and over them its minima (or saddle point) and the start, named beside them (the legend keeps to
    the optimizers: the projector view's shorter chart has room for six).  The view stays on the box whatever a path
    does, and fills the chart: x and y are not drawn to one scale."""
    xs, ys, values = (t.numpy() for t in surface.grid())
    traces = [{"type": "contour", "x": xs, "y": ys, "z": shown_height(surface, values), "colorscale": SHADES,
               "showscale": False, "ncontours": 24, "line": {"color": "rgba(80,80,80,0.35)", "width": 1},
               "hoverinfo": "skip"}]
    for name, path in paths.items():
        steps, _ = downsample(path, PATH_POINTS)
        points = np.asarray(path, dtype=float)[steps - 1]
        label = translate(f"optimizers.name.{name}", lang)
        if name in stopped:
            label += " · " + translate("optimizers.diverged" if surface.bounded else "optimizers.escaped", lang)
        traces.append({"type": "scatter", "x": points[:, 0], "y": points[:, 1], "mode": "lines+markers",
                       "name": label, "legendgroup": name, "opacity": 0.9, "line": {"color": colour(name), "width": 2},
                       "marker": {"color": colour(name), "size": 4}})
        traces.append({"type": "scatter", "x": points[-1:, 0], "y": points[-1:, 1], "mode": "markers",
                       "name": label, "legendgroup": name, "showlegend": False,
                       "marker": {"color": colour(name), "size": 13, "line": {"color": "white", "width": 2}}})
    marked = translate("optimizers.minimum" if surface.bounded else "optimizers.saddle_point", lang)
    for points, text, symbol in ((np.asarray(surface.minima), marked, "x"),
                                 (np.asarray([start]), translate("optimizers.start", lang), "star")):
        traces.append({"type": "scatter", "x": points[:, 0], "y": points[:, 1], "mode": "markers+text",
                       "text": [text] * len(points), "textposition": "top center", "showlegend": False, "name": text,
                       "textfont": {"color": "black"}, "marker": {"symbol": symbol, "size": 14, "color": "black",
                                                                 "line": {"color": "white", "width": 1}}})
    (x_low, x_high), (y_low, y_high) = surface.box
    title = translate("optimizers.surface_title", lang, surface=translate(f"optimizers.surface.{surface.key}", lang))
    return new_figure(title, "x", "y", traces, height=height, legend=LEGENDS[beside],
                      xaxis={"title": {"text": "x"}, "range": [x_low, x_high]},
                      yaxis={"title": {"text": "y"}, "range": [y_low, y_high]})


def loss_plot(losses: dict[str, list[float]], surface: Surface, lang: str = "en", beside: bool = False,
              height: int = 520) -> go.Figure:
    """Each optimizer's loss after each step: on a log scale where the losses fall towards zero (labelled at most
    about eight times however many powers of ten they fall), else within the values f takes in the surface's view
    (the saddle's escapes fall without end)."""
    traces = []
    for name, values in losses.items():
        steps, ys = downsample(values)
        traces.append({"type": "scatter", "x": steps, "y": ys, "mode": "lines",
                       "name": translate(f"optimizers.name.{name}", lang), "line": {"color": colour(name), "width": 2.5}})
    yaxis = {"title": {"text": translate("chart.loss", lang)}}
    if not surface.bounded:
        heights = surface.grid()[2]
        yaxis["range"] = [float(heights.min()), float(heights.max())]
    else:
        positive = [value for values in losses.values() for value in values if value > 0]
        decades = np.log10(max(positive) / min(positive)) if positive else 1
        yaxis.update(type="log", dtick=max(1, math.ceil(decades / 8)), exponentformat="power")
    return new_figure(translate("optimizers.loss_title", lang), translate("optimizers.step", lang),
                      translate("chart.loss", lang), traces, height=height, legend=LEGENDS[beside], yaxis=yaxis)
