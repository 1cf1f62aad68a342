"""Plotly figures of the convolution page: matrices as heatmaps with their numbers, windows outlined. No Streamlit."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlcore.engine.figures import VERMILLION, new_figure

WINDOW_COLOUR = VERMILLION


def _square_outlines(cells) -> tuple[np.ndarray, np.ndarray]:
    """One line through the borders of these (row, column) cells, squares separated by gaps (NaN)."""
    xs, ys = [], []
    for row, column in cells:
        xs += [column - 0.5, column + 0.5, column + 0.5, column - 0.5, column - 0.5, np.nan]
        ys += [row - 0.5, row - 0.5, row + 0.5, row + 0.5, row - 0.5, np.nan]
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def matrix_heatmap(values, title: str, *, outlined=(), frame: tuple[int, int, int, int] | None = None,
                   colorscale: str = "Blues", frame_name: str = "") -> go.Figure:
    """A matrix drawn as it is printed (row 0 on top), every cell with its number.

    outlined: (row, column) cells to draw a red border around (a kernel's window, an output cell);
    frame: (top, left, bottom, right) rows/columns of a region drawn dashed (the real input inside its padding).
    """
    z = np.asarray(values, dtype=float)
    rows, columns = z.shape
    fig = new_figure(title, "", "", height=min(120 + 32 * rows, 480), showlegend=False)
    fig.add_heatmap(z=z, colorscale=colorscale, showscale=False, texttemplate="%{z:.4~g}", xgap=1, ygap=1,
                    hovertemplate="(%{y}, %{x}) = %{z:.4~g}<extra></extra>")
    if frame is not None:
        top, left, bottom, right = frame
        fig.add_scatter(x=np.array([left, right, right, left, left]) - 0.5 + np.array([0, 1, 1, 0, 0]),
                        y=np.array([top, top, bottom, bottom, top]) - 0.5 + np.array([0, 0, 1, 1, 0]),
                        mode="lines", name=frame_name, hoverinfo="skip", line=dict(color="#444", width=2, dash="dash"))
    if len(outlined):
        x, y = _square_outlines(outlined)
        fig.add_scatter(x=x, y=y, mode="lines", hoverinfo="skip", line=dict(color=WINDOW_COLOUR, width=3))
    fig.update_xaxes(range=[-0.5, columns - 0.5], showgrid=False, zeroline=False, dtick=1, constrain="domain")
    fig.update_yaxes(range=[rows - 0.5, -0.5], showgrid=False, zeroline=False, dtick=1, scaleanchor="x",
                     constrain="domain")
    return fig
