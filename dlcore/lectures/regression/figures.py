"""Lectures 5–6's charts: the line fitted through the data, the sigmoid and its decision boundary."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlcore.engine.figures import BLUE, GREEN, VERMILLION, new_figure
from dlcore.text import translate


def fitted_line(x, y, line_x, line_y, lang: str = "en") -> go.Figure:
    """The data points and the model's line through them."""
    fig = new_figure(translate("linear_regression.fit_title", lang), "x", "y")
    fig.add_scatter(x=x, y=y, mode="markers", name=translate("linear_regression.data", lang), marker=dict(size=12, color=BLUE))
    fig.add_scatter(x=line_x, y=line_y, mode="lines", name=translate("linear_regression.model", lang), line=dict(color=VERMILLION, width=3))
    return fig



def sigmoid_decision(hours, probability, boundary, data_x, data_y, lang: str = "en") -> go.Figure:
    """Probability of passing against hours studied, the 0.5 line, and the decision boundary."""
    fig = new_figure(translate("logistic_regression.plot_title", lang), translate("logistic_regression.hours", lang),
                  translate("logistic_regression.probability", lang), yaxis_range=[-0.05, 1.05])
    fig.add_scatter(x=np.asarray(hours), y=np.asarray(probability), mode="lines", name="sigmoid(w·x + b)", line=dict(color=BLUE, width=3))
    fig.add_scatter(x=data_x, y=data_y, mode="markers", name=translate("linear_regression.data", lang),
                    marker=dict(size=12, color=GREEN, line=dict(color="black", width=1)))
    fig.add_scatter(x=[hours[0], hours[-1]], y=[0.5, 0.5], mode="lines", line=dict(color=VERMILLION, dash="dot"), name="0.5")
    if boundary is not None and hours[0] <= boundary <= hours[-1]:
        fig.add_scatter(x=[boundary, boundary], y=[0, 1], mode="lines", line=dict(color="gray", dash="dash"),
                        name=translate("logistic_regression.boundary_at", lang, x=boundary))
    return fig
