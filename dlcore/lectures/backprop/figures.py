"""Lecture 4's chart: the computation graph with each node's value and gradient."""
from __future__ import annotations

import plotly.graph_objects as go

from dlcore.engine.figures import PURPLE, new_figure
from dlcore.text import translate


def computation_graph(nodes, edges, lang: str = "en") -> go.Figure:
    """An autograd graph drawn left (the leaf w) to right (the loss): each node's value and gradient."""
    depth = [0] * len(nodes)
    for _ in nodes:  # longest path from a leaf; the graph is small
        for a, b in edges:
            depth[b] = max(depth[b], depth[a] + 1)
    fig = new_figure(translate("backprop.graph_title", lang), "", "", height=300, showlegend=False)
    for a, b in edges:
        fig.add_annotation(x=depth[b], y=0, ax=depth[a], ay=0, xref="x", yref="y", axref="x", ayref="y",
                           showarrow=True, arrowhead=3, arrowsize=1.5, standoff=22, startstandoff=22)
    labels = [f"<b>{node.name}</b><br>{translate('backprop.value', lang)} = {node.value:.4g}"
              f"<br><i>∂loss/∂ = {node.grad:.4g}</i>" for node in nodes]
    fig.add_scatter(x=depth, y=[0] * len(nodes), mode="markers+text", text=labels,
                    textposition=["top center" if i % 2 else "bottom center" for i in range(len(nodes))],
                    marker=dict(size=30, color=PURPLE), hoverinfo="text")
    fig.update_xaxes(visible=False, range=[-0.7, max(depth) + 0.7])
    fig.update_yaxes(visible=False, range=[-1.6, 1.6])
    return fig
