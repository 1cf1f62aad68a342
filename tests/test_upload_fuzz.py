"""Each of the four uploaders' readers fed random bytes, truncations and mutations of valid files (Hypothesis): the
outcome is a result or the reader's own error, never another exception, and never a NaN in what is returned."""
import io
import math
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image
from safetensors.torch import save as save_safetensors

from dlcore.engine.checkpoints import WeightsError, load_weights, weights_bytes
from dlcore.lectures.draw.drawing import UnreadablePicture, centred_digit, picture_ink
from dlcore.datasets.folders import FolderError, read_image_folder, unpack_zip
from dlcore.lectures.own_table.model import TableProblem, guess_task, prepare, read_csv

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def picture(kind: str = "PNG") -> bytes:
    gray = np.full((60, 50), 230, np.uint8)
    gray[10:50, 22:28] = 20  # a dark 1 on light paper
    buffer = io.BytesIO()
    Image.fromarray(gray).convert("RGB").save(buffer, format=kind)
    return buffer.getvalue()


def class_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("ants", "bees"):
            archive.writestr(f"{name}/1.png", picture())
            archive.writestr(f"{name}/2.jpg", picture("JPEG"))
    return buffer.getvalue()


def table() -> bytes:
    lines = ["a;b;label"] + [f"{i * 0.5:.1f};{(i * 7) % 5};{'oui' if i % 2 else 'non'}".replace(".", ",")
                             for i in range(14)]
    return ("\n".join(lines) + "\n").encode()


def model() -> torch.nn.Module:
    return torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))


VALID = {"csv": table(), "zip": class_zip(), "picture": picture("JPEG"), "weights": weights_bytes(model()),
         "safetensors": save_safetensors(model().state_dict())}


@st.composite
def damaged(draw, valid: bytes):
    """Random bytes, the valid file cut short, or the valid file with a few bytes changed."""
    how = draw(st.sampled_from(["random", "truncated", "mutated"]))
    if how == "random":
        return draw(st.binary(max_size=2000))
    if how == "truncated":
        return valid[: draw(st.integers(0, len(valid) - 1))]
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


def finite(tensor: torch.Tensor) -> bool:
    return bool(torch.isfinite(tensor).all())


@FUZZ
@given(damaged(VALID["csv"]))
def test_the_csv_reader(data):
    try:
        table_ = read_csv(data)
        label = table_.columns[-1]
        prepared = prepare(table_, label, guess_task(table_, label))
    except TableProblem:
        return
    assert finite(prepared.x) and finite(prepared.y.float()) and math.isfinite(prepared.y_std)


@FUZZ
@given(damaged(VALID["zip"]))
def test_the_zip_reader(data):
    with tempfile.TemporaryDirectory() as folder:
        try:
            splits = unpack_zip(data, Path(folder))
            images = read_image_folder(next(iter(splits.values())), transform=np.asarray)
        except FolderError:
            return
        for index in range(len(images)):
            sample, _ = images.dataset[index]  # an image that fails to decode is replaced, never raised
            assert np.isfinite(sample).all()


@FUZZ
@given(damaged(VALID["picture"]))
def test_the_picture_reader(data):
    try:
        ink = picture_ink(data)
    except UnreadablePicture:
        return
    assert np.isfinite(ink).all() and 0 <= ink.min() and ink.max() <= 1
    digit = centred_digit(ink)
    assert digit is None or finite(digit)


@FUZZ
@given(st.sampled_from(["weights", "safetensors"]).flatmap(lambda kind: damaged(VALID[kind])))
def test_the_weights_reader(data):
    target = model()
    try:
        load_weights(target, data)
    except WeightsError:
        return
    assert all(finite(tensor.float()) for tensor in target.state_dict().values())


@pytest.mark.parametrize("kind", ["csv", "zip", "picture", "weights", "safetensors"])
def test_the_valid_files_the_fuzz_starts_from_are_read(kind, tmp_path):
    """The fuzz damages files that are read when whole (else it would only test refusals)."""
    if kind == "csv":
        assert prepare(read_csv(VALID[kind]), "label", "classification").x.shape == (14, 2)
    elif kind == "zip":
        assert len(read_image_folder(unpack_zip(VALID[kind], tmp_path)["all"])) == 4
    elif kind == "picture":
        assert centred_digit(picture_ink(VALID[kind])) is not None
    else:
        load_weights(model(), VALID[kind])
