"""dlcore.lectures.draw.drawing: a drawing or an uploaded picture made into the 28×28 image an MNIST model reads, as MNIST made its
digits (bounding box to 20×20 keeping proportions, centre of mass in the middle, the data set's normalization)."""
import io

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from dlcore.lectures.draw import drawing
from dlcore.engine.metrics import predict
from dlcore.lectures.cnn_basics.model import MODELS, CourseCNN
from dlcore.lectures.classifiers.training import new_classifier
from dlcore.datasets.images import denormalize, load_images


@pytest.fixture(scope="module")
def mnist():
    return load_images("mnist", download=False)


def canvas(ink: np.ndarray, transparent: bool = False) -> np.ndarray:
    """A canvas drawing (H, W, 4) uint8 of white ink on black, or on a transparent canvas (ink in alpha only)."""
    rgba = np.zeros((*ink.shape, 4), np.uint8)
    if transparent:
        rgba[..., 3] = (ink * 255).round()
    else:
        rgba[..., :3] = (ink[..., None] * 255).round()
        rgba[..., 3] = 255
    return rgba


def strokes(draw_on) -> np.ndarray:
    """A 280×280 ink image drawn with PIL: draw_on(ImageDraw) draws in white (255) on black."""
    picture = Image.new("L", (280, 280), 0)
    draw_on(ImageDraw.Draw(picture))
    return np.asarray(picture, np.float32) / 255


BAR = strokes(lambda pen: pen.line([(140, 40), (140, 240)], fill=255, width=18))
RING = strokes(lambda pen: pen.ellipse([(70, 50), (210, 230)], outline=255, width=16))
SMALL_SEVEN = strokes(lambda pen: pen.line([(200, 20), (250, 20), (222, 80)], fill=255, width=6))  # top right


def centre_of_mass(pixels: torch.Tensor) -> tuple[float, float]:
    mass = pixels / pixels.sum()
    return (mass.sum(1) * torch.arange(28)).sum().item(), (mass.sum(0) * torch.arange(28)).sum().item()


def ink_box(pixels: torch.Tensor) -> tuple[int, int]:
    rows, columns = np.nonzero(pixels.numpy() > drawing.INK_THRESHOLD)
    return rows.max() - rows.min() + 1, columns.max() - columns.min() + 1


@pytest.mark.parametrize("ink", [BAR, RING, SMALL_SEVEN], ids=["bar", "ring", "small off-centre seven"])
def test_strokes_become_a_centred_28x28_digit_with_mnists_statistics(ink, mnist):
    pixels = drawing.centred_digit(drawing.drawing_ink(canvas(ink)))
    assert pixels.shape == (28, 28) and 0 <= pixels.min() and pixels.max() <= 1
    down, across = centre_of_mass(pixels)
    assert abs(down - 14) < 0.6 and abs(across - 14) < 0.6
    assert max(ink_box(pixels)) in (19, 20, 21)  # the longer side fills the 20×20 box
    # as bright and as inky as MNIST's own digits: within the middle 98 % of their per-image statistics
    digits = denormalize(mnist.test_x, mnist)[:, 0]
    for measure in (lambda x: x.mean(dim=(-2, -1)), lambda x: (x > 0.5).float().mean(dim=(-2, -1))):
        low, high = torch.quantile(measure(digits), torch.tensor([0.01, 0.99]))
        assert low <= measure(pixels) <= high
    x = drawing.model_input(pixels, mnist)
    assert x.shape == (1, 1, 28, 28)
    torch.testing.assert_close(x.min(), mnist.test_x.min())  # the background is MNIST's
    torch.testing.assert_close(denormalize(x, mnist)[0, 0], pixels)


def test_the_proportions_are_kept():
    bar = drawing.centred_digit(drawing.drawing_ink(canvas(BAR)))
    height, width = ink_box(bar)
    assert height == 20 and width <= 4  # a tall thin stroke stays tall and thin


def test_an_empty_canvas_gives_no_digit():
    empty = np.zeros((280, 280), np.float32)
    assert drawing.centred_digit(drawing.drawing_ink(canvas(empty))) is None
    assert drawing.centred_digit(drawing.drawing_ink(canvas(empty, transparent=True))) is None


def test_a_transparent_canvas_gives_the_same_digit():
    opaque = drawing.centred_digit(drawing.drawing_ink(canvas(SMALL_SEVEN)))
    transparent = drawing.centred_digit(drawing.drawing_ink(canvas(SMALL_SEVEN, transparent=True)))
    torch.testing.assert_close(transparent, opaque)


def test_mnist_digits_drawn_large_come_back_as_themselves_and_are_read_the_same(mnist, one_thread):
    """MNIST's digits are already cropped, scaled to 20×20 and centred by mass: drawn 10× larger on the canvas, they
    come back close to themselves, and a trained CNN reads (nearly) all of them as it reads the originals."""
    values = MODELS["course"].settings.with_defaults(epochs=1, train_size=10000).defaults()
    model, trainer, _ = new_classifier(CourseCNN, mnist, values, "cpu", seed=0)
    trainer.fit()
    originals = denormalize(mnist.test_x[:200], mnist)[:, 0]
    redrawn = torch.stack([drawing.centred_digit(drawing.drawing_ink(canvas(np.kron(digit.numpy(),
                                                                                    np.ones((10, 10), np.float32)))))
                           for digit in originals])
    for back, digit in zip(redrawn[:30], originals[:30]):
        assert np.corrcoef(back.ravel(), digit.ravel())[0, 1] > 0.95
    inputs = torch.cat([drawing.model_input(pixels, mnist) for pixels in redrawn])
    same = (predict(model, inputs) == predict(model, mnist.test_x[:200])).float().mean().item()
    assert same >= 0.98, same


# ---------------------------------------------------------------- uploaded pictures

def picture_bytes(ink: np.ndarray, dark_on_light: bool, kind: str = "PNG", size: int | None = None) -> bytes:
    gray = (255 * (1 - ink) if dark_on_light else 255 * ink).astype(np.uint8)
    picture = Image.fromarray(gray).convert("RGB")
    if size:
        picture = picture.resize((size, size))
    buffer = io.BytesIO()
    picture.save(buffer, format=kind, quality=90)
    return buffer.getvalue()


def difference(a: torch.Tensor, b: torch.Tensor) -> float:
    """The mean difference of two 28×28 images, the better of their alignments within a pixel (a centre of mass
    that falls on a pixel's edge may be rounded either way)."""
    return min((a.roll((down, across), dims=(0, 1)) - b).abs().mean().item() for down in (-1, 0, 1) for across in (-1, 0, 1))


def test_a_photo_dark_on_light_or_light_on_dark_gives_the_digit_the_canvas_gives():
    drawn = drawing.centred_digit(drawing.drawing_ink(canvas(RING)))
    for dark_on_light in (True, False):
        for kind in ("PNG", "JPEG"):
            uploaded = drawing.centred_digit(drawing.picture_ink(picture_bytes(RING, dark_on_light, kind)))
            assert difference(uploaded, drawn) < 0.03, (dark_on_light, kind)
            larger = drawing.centred_digit(drawing.picture_ink(picture_bytes(RING, dark_on_light, kind, size=600)))
            assert np.allclose(centre_of_mass(larger), (14, 14), atol=0.6)  # any size: the same 20×20 ring
            assert ink_box(larger) == ink_box(drawn) and abs(larger.mean() - drawn.mean()) < 0.02


def test_paper_that_is_not_white_still_gives_clean_ink():
    grey_paper = (0.75 - 0.6 * RING) * 255  # a pencil ring on grey paper
    noise = np.random.default_rng(0).normal(0, 6, RING.shape)
    buffer = io.BytesIO()
    Image.fromarray(np.clip(grey_paper + noise, 0, 255).astype(np.uint8)).save(buffer, format="PNG")
    ink = drawing.picture_ink(buffer.getvalue())
    assert ink[RING == 0].max() < drawing.INK_THRESHOLD  # the paper is no ink
    assert difference(drawing.centred_digit(ink), drawing.centred_digit(drawing.drawing_ink(canvas(RING)))) < 0.05


def test_dark_strokes_on_a_transparent_picture_are_the_ink():
    rgba = np.zeros((280, 280, 4), np.uint8)
    rgba[..., 3] = (SMALL_SEVEN * 255).astype(np.uint8)  # black ink, transparent elsewhere
    buffer = io.BytesIO()
    Image.fromarray(rgba).save(buffer, format="PNG")
    uploaded = drawing.centred_digit(drawing.picture_ink(buffer.getvalue()))
    assert difference(uploaded, drawing.centred_digit(drawing.drawing_ink(canvas(SMALL_SEVEN)))) < 0.03


@pytest.mark.parametrize("data, key", [
    (picture_bytes(np.zeros((100, 100), np.float32), dark_on_light=True), "draw.blank"),
    (b"PK\x03\x04 this is a zip, not a picture", "draw.not_a_picture"),
    (b"", "draw.not_a_picture"),
    (picture_bytes(np.zeros((10, 4100), np.float32), dark_on_light=True), "draw.too_large"),
], ids=["blank", "not a picture", "empty file", "too large"])
def test_a_bad_upload_is_refused_with_its_reason(data, key):
    with pytest.raises(drawing.UnreadablePicture) as refused:
        drawing.picture_ink(data)
    assert refused.value.key == key


def test_a_file_too_many_bytes_is_not_even_opened(monkeypatch):
    monkeypatch.setattr(drawing, "MAX_BYTES", 1000)
    with pytest.raises(drawing.UnreadablePicture) as refused:
        drawing.picture_ink(picture_bytes(RING, dark_on_light=True, kind="BMP"))
    assert refused.value.key == "draw.too_many_bytes" and refused.value.values["mb"] > refused.value.values["limit"]
