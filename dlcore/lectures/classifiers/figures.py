"""Plotly figures for image classifiers: a grid of images with their labels, the confusion matrix, accuracy per epoch."""
from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
import torch

from dlcore.engine.chart_text import CONFUSION
from dlcore.engine.figures import BLUE, VERMILLION, new_figure
from dlcore.text import translate

MAX_GRID_IMAGES = 25
MAX_TILE = 32  # pixels a side: larger images are shown downsampled
WRONG = VERMILLION  # the frame around a wrong answer
RIGHT_TEXT, WRONG_TEXT = "#00785A", "#B34F00"
"""The labels' colours: the palette's green and vermillion darkened to 5:1 on the grid's white (text needs 4.5:1)."""


def _tiles(images: torch.Tensor, tile: int = MAX_TILE) -> np.ndarray:
    """(N, C, H, W) in [0, 1] -> (N, h, w, 3) uint8, downsampled to at most `tile` pixels a side."""
    pixels = images.detach().cpu().numpy()
    stride = max(1, math.ceil(max(pixels.shape[-2:]) / tile))
    pixels = np.clip(pixels[..., ::stride, ::stride], 0, 1).transpose(0, 2, 3, 1)
    if pixels.shape[-1] == 1:
        pixels = np.repeat(pixels, 3, axis=-1)
    return (pixels * 255 + 0.5).astype(np.uint8)


def image_grid(images: torch.Tensor, predicted, targets, class_names: list[str], lang: str = "en",
               columns: int | None = None, confidence=None, tile: int = MAX_TILE) -> go.Figure:
    """Images with their predicted label under each: green when right, red and framed (with the true label) when wrong.

    images: (N, C, H, W) with values in [0, 1] (see dlcore.datasets.images.denormalize); at most MAX_GRID_IMAGES are shown,
    each at most `tile` pixels a side.  confidence: the predicted class's probability per image, shown after it.
    The labels and frames are two Scatter traces (not one annotation per image), which keeps a live redraw cheap.
    """
    tiles = _tiles(images[:MAX_GRID_IMAGES], tile)
    n, h, w = tiles.shape[:3]
    predicted, targets = [int(p) for p in predicted[:n]], [int(t) for t in targets[:n]]
    columns = columns or max(1, math.ceil(math.sqrt(n)))
    rows = max(1, math.ceil(n / columns))
    gap, band = max(2, w // 8), max(8, h // 2)  # space between tiles, and under each for its label
    cell_w, cell_h = w + gap, h + band
    canvas = np.full((rows * cell_h, columns * cell_w, 3), 255, dtype=np.uint8)
    label_x, label_y, labels, colors, frame_x, frame_y = [], [], [], [], [], []
    for index, (tile, guess, truth) in enumerate(zip(tiles, predicted, targets)):
        top, left = (index // columns) * cell_h, (index % columns) * cell_w
        canvas[top : top + h, left : left + w] = tile
        right = guess == truth
        label_x.append(left + w / 2)
        label_y.append(top + h + band / 2)
        sure = "" if confidence is None else f" {100 * float(confidence[index]):.0f}%"
        labels.append(f"✓ {class_names[guess]}{sure}" if right else f"✗ {class_names[guess]}{sure} ({class_names[truth]})")
        colors.append(RIGHT_TEXT if right else WRONG_TEXT)
        if not right:
            x0, y0, x1, y1 = left - 0.5, top - 0.5, left + w - 0.5, top + h - 0.5
            frame_x += [x0, x1, x1, x0, x0, None]
            frame_y += [y0, y0, y1, y1, y0, None]
    fig = new_figure(translate("imgfig.grid_title", lang), "", "", height=120 + 95 * rows, showlegend=False)
    fig.add_image(z=canvas, hoverinfo="skip")
    fig.add_scatter(x=label_x, y=label_y, mode="text", text=labels, textfont=dict(size=10, color=colors), hoverinfo="skip")
    fig.add_scatter(x=frame_x, y=frame_y, mode="lines", line=dict(color=WRONG, width=3), hoverinfo="skip")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x")
    return fig


def confusion_heatmap(matrix, class_names: list[str], lang: str = "en", title_key: str = "imgfig.confusion_title",
                      height: int = 440) -> go.Figure:
    """Counts of (true class, predicted class); the diagonal holds the right answers.  title_key: a text with
    {accuracy} (in %)."""
    counts = np.asarray(matrix)
    accuracy = np.trace(counts) / max(counts.sum(), 1)
    fig = new_figure(translate(title_key, lang, accuracy=100 * accuracy),
                     translate("imgfig.predicted", lang), translate("imgfig.true", lang), height=height)
    fig.add_heatmap(z=counts, x=class_names, y=class_names, colorscale="Blues", texttemplate="%{z}",
                             showscale=False, hovertemplate=translate("imgfig.confusion_hover", lang), meta=CONFUSION)
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category")
    return fig


def percent_axis(fig: go.Figure) -> go.Figure:
    """Accuracies are drawn as the fractions the history keeps, on an axis labelled in %
    (so that earlier runs' curves, drawn from the same metric, fit the chart)."""
    fig.update_yaxes(tickformat=".0%", hoverformat=".2%")
    return fig


def accuracy_curve(history, lang: str = "en") -> go.Figure:
    """Train and test accuracy after each epoch, from the metrics of `classify.accuracy_evaluator`."""
    fig = new_figure(translate("imgfig.accuracy_title", lang), translate("chart.epoch", lang),
                     translate("imgfig.accuracy", lang))
    epochs = np.asarray(history.series("epoch"))
    for metric, color in (("train_acc", BLUE), ("test_acc", VERMILLION)):
        values = np.asarray(history.series(metric), dtype=float)
        fig.add_scatter(x=epochs[: len(values)], y=values, mode="lines+markers", name=translate(f"imgfig.{metric}", lang),
                        line=dict(color=color, width=3))
    if not len(epochs):  # before the first epoch: an empty 0-100 % chart, not Plotly's -100 to 400 %
        fig.update_yaxes(range=[0, 1])
    return percent_axis(fig)


def class_probabilities(probabilities, class_names: list[str], lang: str = "en") -> go.Figure:
    """The softmax output for one image as bars, the most likely class highlighted."""
    values = np.asarray(probabilities, dtype=float).ravel()
    colors = [VERMILLION if index == values.argmax() else BLUE for index in range(len(values))]
    fig = new_figure(translate("imgfig.probabilities_title", lang), translate("imgfig.class", lang),
                     translate("imgfig.probability", lang), yaxis_range=[0, 1], showlegend=False)
    fig.add_bar(x=class_names, y=values, marker_color=colors, hovertemplate="%{x}: %{y:.1%}<extra></extra>")
    fig.update_xaxes(type="category")
    return fig
