"""The generalisation page's chart: the polynomial fitted to training points, against the test points and the truth."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlcore.engine.figures import BLUE, GREY, VERMILLION, new_figure


def fitted_curve(title: str, names: dict[str, str], train: tuple, test: tuple, curve_x, true_y, model_y) -> go.Figure:
    """Training points (dots) and test points (rings), the true curve dashed and the model's curve, over curve_x;
    the y axis fits the points (an over-fitted curve may leave it: that is the lesson).  names: the traces' names
    by "train", "test", "truth", "model"."""
    traces = [
        {"type": "scatter", "x": np.asarray(curve_x), "y": np.asarray(true_y), "mode": "lines", "name": names["truth"],
         "line": {"color": GREY, "dash": "dash", "width": 2}},
        {"type": "scatter", "x": np.asarray(train[0]).ravel(), "y": np.asarray(train[1]).ravel(), "mode": "markers",
         "name": names["train"], "marker": {"color": BLUE, "size": 8}},
        {"type": "scatter", "x": np.asarray(test[0]).ravel(), "y": np.asarray(test[1]).ravel(), "mode": "markers",
         "name": names["test"], "marker": {"color": BLUE, "size": 7, "symbol": "circle-open"}},
        {"type": "scatter", "x": np.asarray(curve_x), "y": np.asarray(model_y), "mode": "lines", "name": names["model"],
         "line": {"color": VERMILLION, "width": 3}},
    ]
    every_y = np.concatenate([np.asarray(train[1]).ravel(), np.asarray(test[1]).ravel()])
    margin = 0.1 * (every_y.max() - every_y.min())
    return new_figure(title, "x", "y", traces, yaxis={"range": [every_y.min() - margin, every_y.max() + margin]})
