"""Plotly figures of what is inside a CNN: feature maps and kernels as grids of heatmaps, one figure each."""
from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
import torch

from dlcore.engine.figures import new_figure
from dlcore.text import translate


def tile(maps: torch.Tensor, columns: int | None = None, gap: int = 1) -> np.ndarray:
    """(N, H, W) -> one (rows·(H+gap), columns·(W+gap)) array, each map scaled to [0, 1] on its own, gaps NaN.

    One heatmap of the tiled array draws much faster than N subplots.
    """
    maps = maps.detach().float().cpu()
    n, h, w = maps.shape
    columns = columns or math.ceil(math.sqrt(n))
    rows = math.ceil(n / columns)
    low = maps.amin(dim=(1, 2), keepdim=True)
    high = maps.amax(dim=(1, 2), keepdim=True)
    scaled = ((maps - low) / (high - low).clamp_min(1e-8)).numpy()
    canvas = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan)
    for index in range(n):
        top, left = (index // columns) * (h + gap), (index % columns) * (w + gap)
        canvas[top : top + h, left : left + w] = scaled[index]
    return canvas


def _grid_figure(canvas: np.ndarray, title: str, colorscale: str, height: int) -> go.Figure:
    fig = new_figure(title, "", "", height=height, showlegend=False)
    fig.add_heatmap(z=canvas, colorscale=colorscale, showscale=False, hoverinfo="skip")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x")
    return fig


def feature_map_grid(name: str, maps: torch.Tensor, lang: str = "en") -> go.Figure:
    """Every channel of one layer's output (C, H, W) for one image, each as a small heatmap."""
    channels, h, w = maps.shape
    title = translate("cnnfig.maps_title", lang, name=name, channels=channels, h=h, w=w)
    rows = math.ceil(channels / 10)
    return _grid_figure(tile(maps, columns=min(channels, 10)), title, "Viridis", height=110 + 60 * rows)


def kernel_grid(weights: torch.Tensor, lang: str = "en") -> go.Figure:
    """The first convolution's kernels (out, in, k, k): one row per output channel, one column per input channel."""
    out_channels, in_channels, k, _ = weights.shape
    title = translate("cnnfig.kernels_title", lang, out=out_channels, inputs=in_channels, k=k)
    canvas = tile(weights.reshape(out_channels * in_channels, k, k), columns=in_channels if in_channels > 1 else 10)
    return _grid_figure(canvas, title, "RdBu", height=260)


def input_image(picture: torch.Tensor, label: str, lang: str = "en") -> go.Figure:
    """The image whose feature maps are shown, (C, H, W) in [0, 1]."""
    pixels = picture.detach().cpu().numpy()
    fig = new_figure(translate("cnnfig.input_title", lang, label=label), "", "", height=260, showlegend=False)
    if pixels.shape[0] == 1:
        fig.add_heatmap(z=pixels[0], colorscale="gray", showscale=False, hoverinfo="skip")
    else:
        fig.add_image(z=(pixels.transpose(1, 2, 0) * 255).astype(np.uint8), hoverinfo="skip")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x")
    return fig


ACTIVATIONS_A_ROW = 32


def activation_grid(name: str, values: torch.Tensor, lang: str = "en") -> go.Figure:
    """One hidden layer's values (n,) for one image, 32 units a row: shades of one colour when they cannot be negative
    (after ReLU or a sigmoid), blue below zero and red above when they can (a Linear layer's output before its ReLU)."""
    values = values.detach().float().cpu().numpy()
    n = len(values)
    grid = np.full(math.ceil(n / ACTIVATIONS_A_ROW) * ACTIVATIONS_A_ROW, np.nan)
    grid[:n] = values
    grid = grid.reshape(-1, ACTIVATIONS_A_ROW)
    signed = bool((values < 0).any())
    fig = new_figure(translate("cnnfig.units_title", lang, name=name, n=n), "", "", height=110 + 14 * len(grid),
                     showlegend=False)
    fig.add_heatmap(z=grid, colorscale="RdBu_r" if signed else "Viridis", zmid=0 if signed else None,
                    showscale=False, hovertemplate="%{z:.3g}<extra></extra>")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x")
    return fig
