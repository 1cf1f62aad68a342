"""The lecture's figures: the surface as a contour plot with each optimizer's path over it, and each optimizer's
loss against the steps."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlcore.engine.figures import PALETTE, downsample, new_figure
from dlcore.lectures.optimizers.model import OPTIMIZERS, Surface
from dlcore.text import translate

SIDE_LEGEND = {"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top"}
"""Legends beside the plot: under it they took the height the square contour plot needs."""
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
                 height: int = 480) -> go.Figure:
    """The surface's contours in its box, each optimizer's path up to its current point (a stopped path says so in
    the legend), and over them its minima (or saddle point) and the start.  The view stays on the box whatever a path
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
    minima = np.asarray(surface.minima)
    marked = "optimizers.minimum" if surface.bounded else "optimizers.saddle_point"
    traces.append({"type": "scatter", "x": minima[:, 0], "y": minima[:, 1], "mode": "markers",
                   "name": translate(marked, lang), "marker": {"symbol": "x", "size": 12, "color": "black"}})
    traces.append({"type": "scatter", "x": [start[0]], "y": [start[1]], "mode": "markers",
                   "name": translate("optimizers.start", lang),
                   "marker": {"symbol": "star", "size": 16, "color": "black", "line": {"color": "white", "width": 1}}})
    (x_low, x_high), (y_low, y_high) = surface.box
    return new_figure(translate("optimizers.surface_title", lang, surface=translate(f"optimizers.surface.{surface.key}", lang)),
                      "x", "y", traces, height=height, legend=SIDE_LEGEND,
                      xaxis={"title": {"text": "x"}, "range": [x_low, x_high]},
                      yaxis={"title": {"text": "y"}, "range": [y_low, y_high]})


def loss_plot(losses: dict[str, list[float]], log_y: bool, lang: str = "en", height: int = 480) -> go.Figure:
    """Each optimizer's loss after each step (a log scale where the losses fall towards zero)."""
    traces = []
    for name, values in losses.items():
        steps, ys = downsample(values)
        traces.append({"type": "scatter", "x": steps, "y": ys, "mode": "lines",
                       "name": translate(f"optimizers.name.{name}", lang), "line": {"color": colour(name), "width": 2.5}})
    return new_figure(translate("optimizers.loss_title", lang), translate("optimizers.step", lang),
                      translate("chart.loss", lang), traces, height=height,
                      legend=SIDE_LEGEND, yaxis={"title": {"text": translate("chart.loss", lang)},
                                                 **({"type": "log", "dtick": 1, "exponentformat": "power"} if log_y else {})})
