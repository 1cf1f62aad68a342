"""Lectures 2–3's chart: the cost over w and the path gradient descent walked."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlcore.engine.figures import BLUE, VERMILLION, downsample, faint, new_figure
from dlcore.text import translate


def cost_curve(ws, costs, path, path_costs, lang: str = "en") -> go.Figure:
    """MSE(w) over the swept w, with the path gradient descent walked and its current point."""
    fig = new_figure(translate("linear_model.cost_title", lang), "w", translate("linear_model.cost_axis", lang))
    fig.add_scatter(x=ws, y=costs, mode="lines", name="MSE(w)", line=dict(color=BLUE, width=3))
    if path:
        steps, xs = downsample(path, 400)
        ys = np.asarray(path_costs)[steps - 1]
        fig.add_scatter(x=xs, y=ys, mode="lines+markers", name=translate("linear_model.path", lang),
                        line=dict(color=faint(VERMILLION, 0.5), width=1), marker=dict(size=5))
        fig.add_scatter(x=[path[-1]], y=[path_costs[-1]], mode="markers", name=f"w = {path[-1]:.4g}",
                        marker=dict(color=VERMILLION, size=14, line=dict(color="white", width=2)))
    return fig
