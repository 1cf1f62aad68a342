"""A digit drawn on the canvas or uploaded as a picture, made into the 28×28 image an MNIST model reads.

MNIST's digits were made this way (LeCun et al.): each written digit was cropped to
its bounding box, scaled to fit a 20×20 box keeping its proportions, and placed in a
28×28 image with its centre of mass in the middle.  A drawing goes through the same
steps, so a model trained on MNIST sees it as it saw its training digits:

    ink = drawing_ink(canvas_rgba)      or    ink = picture_ink(uploaded_bytes)
    pixels = centred_digit(ink)         # (28, 28) in [0, 1], white ink on black
    x = model_input(pixels, data)       # (1, 1, 28, 28), normalized like the model's data set
"""
from __future__ import annotations

import io

import numpy as np
import torch
from PIL import Image

from dlcore.datasets.images import ImageData

INK_THRESHOLD = 0.1
"""Pixels fainter than this (0-1) count as empty canvas."""
PICTURE_NOISE = 0.2
"""In an uploaded picture, differences from the background below this share of the darkest stroke are paper, not ink."""
LEAST_CONTRAST = 0.15
"""A picture whose strokes differ from its background by less than this (0-1) holds no digit."""
MAX_SIDE = 4000
"""Pixels a side an uploaded picture may have."""
MAX_BYTES = 10 * 2**20
"""The largest uploaded file read."""


class UnreadablePicture(ValueError):
    """An upload that cannot be read as a digit; `key` names the message, `values` fill it in."""

    def __init__(self, key: str, **values):
        super().__init__(key, values)
        self.key, self.values = key, values


_BRIGHTNESS = np.array([0.299, 0.587, 0.114], dtype=np.float32)


def drawing_ink(rgba: np.ndarray) -> np.ndarray:
    """How much ink each pixel of a canvas drawing (H, W, 4) uint8 holds, from 0 to 1.

    On an opaque canvas, light strokes on a dark background: the ink is the brightness.
    A transparent canvas may keep its strokes in the alpha channel alone (RGB zero
    everywhere), so there the alpha counts too.
    """
    brightness = (rgba[..., :3].astype(np.float32) / 255) @ _BRIGHTNESS
    alpha = rgba[..., 3].astype(np.float32) / 255
    if alpha.min() == 1:
        return brightness
    return brightness * alpha if brightness.any() else alpha


def picture_ink(data: bytes) -> np.ndarray:
    """The ink of an uploaded picture (PNG, JPEG...) of one digit, from 0 to 1, or UnreadablePicture.

    Dark on light (a pen on paper) or light on dark: the background is the colour of
    the picture's border, and the ink is how far each pixel is from it, scaled so the
    strongest stroke is 1; on a transparent picture the ink is what is opaque.
    """
    if len(data) > MAX_BYTES:
        raise UnreadablePicture("draw.too_many_bytes", mb=len(data) / 2**20, limit=MAX_BYTES / 2**20)
    try:
        with Image.open(io.BytesIO(data)) as picture:
            width, height = picture.size
            if max(width, height) > MAX_SIDE:
                raise UnreadablePicture("draw.too_large", width=width, height=height, limit=MAX_SIDE)
            rgba = np.asarray(picture.convert("RGBA"), dtype=np.float32) / 255
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        if isinstance(error, UnreadablePicture):
            raise
        raise UnreadablePicture("draw.not_a_picture") from None
    alpha = rgba[..., 3]
    if alpha.min() < 0.5 < alpha.max():  # strokes on a transparent background
        ink = alpha
    else:
        gray = rgba[..., :3] @ _BRIGHTNESS
        border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
        ink = np.abs(gray - np.median(border))
    contrast = float(ink.max())
    if contrast < LEAST_CONTRAST:
        raise UnreadablePicture("draw.blank")
    return np.clip((ink / contrast - PICTURE_NOISE) / (1 - PICTURE_NOISE), 0, 1)


def centred_digit(ink: np.ndarray, box: int = 20, size: int = 28) -> torch.Tensor | None:
    """The ink as MNIST's digits were made: a (size, size) image in [0, 1], or None when there is no ink.

    Cropped to its bounding box, scaled (keeping its proportions) to fit a box×box
    square, placed with its centre of mass at the middle of the image.
    """
    rows, columns = np.nonzero(ink > INK_THRESHOLD)
    if len(rows) == 0:
        return None
    cropped = torch.from_numpy(np.ascontiguousarray(ink[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1],
                                                    dtype=np.float32))
    scale = box / max(cropped.shape)
    height, width = (max(1, round(side * scale)) for side in cropped.shape)
    small = torch.nn.functional.interpolate(cropped[None, None], size=(height, width), mode="bilinear",
                                            antialias=True, align_corners=False)[0, 0].clamp(0, 1)
    total = small.sum()
    centre_y = (small.sum(1) * torch.arange(height)).sum() / total
    centre_x = (small.sum(0) * torch.arange(width)).sum() / total
    top = int(np.clip(round(size / 2 - centre_y.item()), 0, size - height))  # MNIST: mass at pixel (14, 14)
    left = int(np.clip(round(size / 2 - centre_x.item()), 0, size - width))
    image = torch.zeros(size, size)
    image[top : top + height, left : left + width] = small
    return image


def model_input(pixels: torch.Tensor, data: ImageData, device=None) -> torch.Tensor:
    """A (28, 28) image in [0, 1] as the model reads it: (1, 1, 28, 28), normalized with its data set's (mean, std)."""
    return ((pixels[None, None] - data.mean[0]) / data.std[0]).to(device or data.device)
