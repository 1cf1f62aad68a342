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
import struct

import numpy as np
import torch
from PIL import Image, ImageFilter, ImageOps

from dlcore.datasets.images import ImageData
from dlcore.datasets.uploads import foreign_format, picture_size
from dlcore.engine.errors import Explained

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
WORK_SIDE = 512
"""An uploaded picture is read at most this many pixels a side (the digit ends up 20 pixels high)."""
BACKGROUND_SIDE, BACKGROUND_WINDOW = 128, 19
"""The paper's light is estimated on the picture shrunk to 64 pixels a side, closed (the brightest of each 9×9
window, then the darkest of that): strokes thinner than the window vanish, a shadow's edge stays where it is."""


class UnreadablePicture(Explained, ValueError):
    """An upload that cannot be read as a digit; `key` names the message, `values` fill it in."""


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


def _opened(data: bytes) -> Image.Image:
    """The uploaded picture, turned upright as its EXIF orientation says (phones store photos sideways), and shrunk
    to WORK_SIDE; UnreadablePicture when it is too large or not a picture Pillow opens."""
    if len(data) > MAX_BYTES:
        raise UnreadablePicture("draw.too_many_bytes", mb=len(data) / 2**20, limit=MAX_BYTES / 2**20)
    if (kind := foreign_format(data)) is not None:
        raise UnreadablePicture("draw.foreign_format", kind=kind)
    try:
        width, height = picture_size(data)
        if max(width, height) > MAX_SIDE:
            raise UnreadablePicture("draw.too_large", width=width, height=height, limit=MAX_SIDE)
        with Image.open(io.BytesIO(data)) as picture:
            picture.draft("RGB", (WORK_SIDE, WORK_SIDE))  # a JPEG decodes at the smallest scale that is still larger
            picture = ImageOps.exif_transpose(picture)
            picture.thumbnail((WORK_SIDE, WORK_SIDE))
            return picture.convert("RGBA")
    except UnreadablePicture:
        raise
    except (OSError, ValueError, SyntaxError, struct.error, EOFError):  # what Pillow raises on damaged data
        raise UnreadablePicture("draw.not_a_picture") from None


def _paper_light(gray: np.ndarray) -> np.ndarray:
    """The brightness of the paper under each pixel of dark ink: estimated locally (BACKGROUND_*), not from the
    border alone, so a shadow or light fading across the page is not read as ink."""
    small = Image.fromarray(np.round(gray * 255).astype(np.uint8)).resize((BACKGROUND_SIDE, BACKGROUND_SIDE),
                                                                           Image.Resampling.BOX)
    closed = small.filter(ImageFilter.MaxFilter(BACKGROUND_WINDOW)).filter(ImageFilter.MinFilter(BACKGROUND_WINDOW))
    return np.asarray(closed.resize(gray.shape[::-1], Image.Resampling.BILINEAR), dtype=np.float32) / 255


def picture_ink(data: bytes) -> np.ndarray:
    """The ink of an uploaded picture (PNG, JPEG...) of one digit, from 0 to 1, or UnreadablePicture.

    The picture is turned upright first (EXIF orientation).  On a transparent picture the ink is what is opaque.
    Dark on light (a pen on paper, the paper lighter than the picture's middle brightness): how much darker each
    pixel is than the paper's local light; light on dark: how far each pixel is from the border's colour.  Scaled
    so the strongest stroke is 1.
    """
    rgba = np.asarray(_opened(data), dtype=np.float32) / 255
    alpha = rgba[..., 3]
    if alpha.min() < 0.5 < alpha.max():  # strokes on a transparent background
        ink = alpha
    else:
        gray = rgba[..., :3] @ _BRIGHTNESS
        border = np.median(np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]]))
        if border > (gray.min() + gray.max()) / 2:
            ink = np.clip(1 - gray / np.maximum(_paper_light(gray), 1e-3), 0, 1)
        else:
            ink = np.abs(gray - border)
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
