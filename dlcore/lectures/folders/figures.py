"""Plotly figures of photos: a grid of thumbnails with a caption under each (a folder's samples, a pipeline's draws)."""
from __future__ import annotations

import base64
import io
import math

import plotly.graph_objects as go
from PIL import Image

from dlcore.engine.figures import new_figure


def _data_uri(picture: Image.Image) -> str:
    """The picture as a JPEG data address: Plotly's Image trace shows it as it is, without a matrix of numbers."""
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()


def photo_grid(pictures: list[Image.Image], captions: list[str], title: str, columns: int = 6,
               tile: int = 160) -> go.Figure:
    """The pictures as thumbnails (at most `tile` pixels a side, their shape kept) in rows of `columns`, each
    caption under its picture, in one image trace: one small figure however many photos."""
    columns = min(columns, len(pictures)) or 1
    rows = math.ceil(len(pictures) / columns)
    band = 26  # under each picture, for its caption
    canvas = Image.new("RGB", (columns * tile, rows * (tile + band)), "white")
    xs, ys = [], []
    for index, picture in enumerate(pictures):
        thumbnail = picture.convert("RGB")
        thumbnail.thumbnail((tile - 6, tile - 6))
        left, top = (index % columns) * tile, (index // columns) * (tile + band)
        canvas.paste(thumbnail, (left + (tile - thumbnail.width) // 2, top + tile - 3 - thumbnail.height))
        xs.append(left + tile / 2)
        ys.append(top + tile + band / 2)
    traces = [{"type": "image", "source": _data_uri(canvas), "hoverinfo": "skip"},
              {"type": "scatter", "x": xs, "y": ys, "mode": "text", "text": list(captions), "hoverinfo": "skip",
               "textfont": {"size": 12}}]
    return new_figure(title, "", "", traces, height=60 + rows * (tile + band), showlegend=False,
                      xaxis={"visible": False, "range": [0, canvas.width]},
                      yaxis={"visible": False, "range": [canvas.height, 0], "scaleanchor": "x"})
