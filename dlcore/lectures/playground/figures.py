"""The playground's figures: the plane coloured by the class the network answers (paler where it is less sure),
with the training and test points; and what each first-layer unit answers over the plane."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import torch

from dlcore.lectures.cnn_basics.figures import tile
from dlcore.engine.figures import PALETTE, new_figure
from dlcore.lectures.playground.model import SIDE, Points
from dlcore.text import translate

PALE, SURE = 0.06, 0.5
"""How much of its class's colour the plane shows where the network hesitates most, and where it is sure (the
points, in the full colour, stand out on it)."""


def _rgb(colour: str, share: float) -> str:
    """The colour mixed with white, `share` of the colour."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "rgb({},{},{})".format(*(round(255 + (c - 255) * share) for c in (red, green, blue)))


def region_colours(classes: int) -> list[list]:
    """A colour scale over z in [0, classes]: band k runs from white-ish to class k's colour (see regions_z)."""
    scale = []
    for k in range(classes):
        colour = PALETTE[k % len(PALETTE)]
        scale += [[k / classes, _rgb(colour, PALE)], [(k + 1) / classes, _rgb(colour, SURE)]]
    return scale


def regions_z(probabilities: np.ndarray) -> np.ndarray:
    """(H, W, classes) probabilities → (H, W) values k + c: the answered class k and how sure, c in [0, 1)
    (0: no better than a guess among the classes, near 1: certain)."""
    classes = probabilities.shape[-1]
    answer = probabilities.argmax(axis=-1)
    sure = (probabilities.max(axis=-1) - 1 / classes) / (1 - 1 / classes)
    return answer + np.clip(sure, 0, 0.999)


def decision_regions(axis: np.ndarray | None, probabilities: np.ndarray | None, data: Points, names: list[str],
                     lang: str = "en", height: int = 460) -> go.Figure:
    """The plane coloured by the answered class, with the training points (filled) and the test points (rings);
    without probabilities (no network yet), the points alone.  Its traces are made as dicts at once: it is redrawn
    a few times a second."""
    classes = data.classes
    traces = []
    if probabilities is not None:
        traces.append({"type": "heatmap", "x": axis, "y": axis, "z": regions_z(probabilities), "zmin": 0,
                       "zmax": classes, "colorscale": region_colours(classes), "showscale": False,
                       "hoverinfo": "skip"})
    for split, xy, labels in (("train", data.train_xy, data.train_y), ("test", data.test_xy, data.test_y)):
        xy, labels = xy.cpu().numpy(), labels.cpu().numpy()
        for k in range(classes):
            mine, colour = xy[labels == k], PALETTE[k % len(PALETTE)]
            ring = split == "test"
            traces.append({"type": "scatter", "x": mine[:, 0], "y": mine[:, 1], "mode": "markers",
                           "name": translate(f"playground.{split}_points", lang, name=names[k]),
                           "marker": {"color": colour, "symbol": "circle-open" if ring else "circle", "size": 6,
                                      "line": {"width": 1.5 if ring else 0.5, "color": colour if ring else "white"}}})
    title = translate("playground.data_title" if probabilities is None else "playground.regions_title", lang)
    return new_figure(title, "x", "y", traces, height=height,
                      legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
                      xaxis={"title": {"text": "x"}, "range": [-SIDE, SIDE], "constrain": "domain"},
                      yaxis={"title": {"text": "y"}, "range": [-SIDE, SIDE], "scaleanchor": "x", "constrain": "domain"})


def first_layer(units: torch.Tensor, lang: str = "en") -> go.Figure:
    """Each first-layer unit's answer over the plane (units, H, W), on its own scale, 8 a row."""
    count = len(units)
    rows = -(-count // 8)
    heatmap = {"type": "heatmap", "z": tile(units, columns=min(count, 8), gap=3), "colorscale": "RdBu_r",
               "showscale": False, "hoverinfo": "skip"}
    return new_figure(translate("playground.units_title", lang, n=count), "", "", [heatmap], height=90 + 70 * rows,
                      showlegend=False, xaxis={"visible": False},
                      yaxis={"visible": False, "autorange": "reversed", "scaleanchor": "x"})
