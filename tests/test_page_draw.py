"""Draw a digit in AppTest: the canvas's drawing set through session state, pictures and weights uploaded, models
from several pages, my digits and fine-tuning, bad input."""
import base64
import io
import re

import numpy as np
import pytest
from PIL import Image

from dlcore.engine.checkpoints import weights_bytes
from dlcore.lectures.cnn_basics.model import MODELS
from dlcore.lectures.classifiers.training import new_classifier
from dlcore.datasets.images import load_images
from dlcore.lectures.softmax.model import Net
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

CANVAS = "draw:canvas:0"  # the canvas's key before any Clear


def bar(size: int = 320) -> np.ndarray:
    """Ink of a "1": a thick vertical bar."""
    ink = np.zeros((size, size), np.float32)
    ink[size // 6 : size - size // 6, size // 2 - 10 : size // 2 + 10] = 1.0
    return ink


def canvas_value(ink: np.ndarray) -> dict:
    """What the drawable canvas component sends back: its drawing as a PNG data URL."""
    rgba = np.zeros((*ink.shape, 4), np.uint8)
    rgba[..., :3] = (ink[..., None] * 255).astype(np.uint8)
    rgba[..., 3] = 255
    buffer = io.BytesIO()
    Image.fromarray(rgba).save(buffer, format="PNG")
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    return {"drawing": {"raw": {"objects": [{"type": "path"}]}, "data": url}, "backgroundFit": None}


def png(ink: np.ndarray, dark_on_light: bool = True) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(((1 - ink if dark_on_light else ink) * 255).astype(np.uint8)).save(buffer, format="PNG")
    return buffer.getvalue()


def draw(at, ink: np.ndarray):
    at.session_state[CANVAS] = canvas_value(ink)
    at.run()
    assert not at.exception, at.exception
    return at


def titles(at) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]


@pytest.fixture(scope="module")
def cnn_weights() -> bytes:
    """Weights of lecture 10's CNN after one epoch on 10,000 MNIST images (about 96 %)."""
    values = MODELS["course"].settings.with_defaults(epochs=1, train_size=10000).defaults()
    model, trainer, _ = new_classifier(MODELS["course"].build, load_images("mnist", download=False), values, "cpu")
    trainer.fit()
    return weights_bytes(model)


def test_with_no_model_one_click_trains_lecture_10s_cnn_which_reads_the_drawing_while_it_learns(app):
    at = app("pages/draw.py")
    assert "No model has been trained in this session yet" in texts(at) and "The canvas is empty" in texts(at)
    at.button(key="draw:quick_train").click().run()
    run = run_of(at, "cnn_basics:course")  # the CNN page's own run: its page shows it
    assert run.trainer.epochs == 2 and run.settings["epochs"] == 2 and run.settings["device"] == "cpu"
    draw(at, bar())
    assert run.busy  # read while it trains (10 s): a progress line says so
    progress = " ".join(line.proto.text for line in at.get("progress"))
    assert "Lecture 10 · The course's CNN" in progress and "Epoch 1/2 · loss" in progress  # its page's line, named
    wait_for_run(at, "cnn_basics:course")
    assert "No model has been trained" not in texts(at)
    assert at.selectbox(key="draw:reader").value == "cnn_basics:course"
    accuracy = re.search(r"^([\d.]+)% of the test images right$", texts(at), re.MULTILINE)
    assert float(accuracy.group(1)) > 95
    assert "It reads **1**" in texts(at)
    shown = titles(at)
    assert shown[:2] == ["Input image (28×28)", "Class probabilities (softmax of the scores)"]
    assert shown[2:6] == ["conv1: 10 × 24 × 24", "pooling 1: 10 × 12 × 12", "conv2: 20 × 8 × 8", "pooling 2: 20 × 4 × 4"]
    table = at.dataframe[0].value
    assert len(table) == 1 and table.iloc[0]["Reads"] == "1" and table.iloc[0]["Sure"] > 0.5
    code = "\n".join(block.value for block in at.code)
    assert "def drawing_ink" in code and "def centred_digit" in code and "class CourseCNN" in code

    at.button(key="draw:clear").click().run()  # a fresh canvas: nothing to read
    assert "The canvas is empty" in texts(at) and "It reads" not in texts(at)
    assert titles(at) == []


def test_every_mnist_model_of_the_session_reads_it_side_by_side(app):
    at = app("pages/softmax.py")
    at.selectbox(key="softmax:course:train_size").set_value(2000).run()
    at.slider(key="softmax:course:epochs").set_value(1).run()
    train(at, "softmax:course")
    at.switch_page("pages/draw.py").run()
    at.button(key="draw:quick_train").click().run()
    wait_for_run(at, "cnn_basics:course")
    assert at.selectbox(key="draw:reader").options == [
        "Lecture 9 · The course's MLP 784-512-256-128-64-10 (ReLU)", "Lecture 10 · The course's CNN on MNIST (lecture 10)"]
    draw(at, bar())
    table = at.dataframe[0].value
    assert list(table["Model"]) == at.selectbox(key="draw:reader").options and (table["Reads"] == "1").all()
    at.selectbox(key="draw:reader").set_value("softmax:course").run()  # an MLP: its hidden layers inside
    assert titles(at)[2:6] == ["l1: 512 units", "l2: 256 units", "l3: 128 units", "l4: 64 units"]
    assert "blue units are the ones ReLU sets to zero" in texts(at)
    assert "class Net" in "\n".join(block.value for block in at.code)


def test_weights_and_pictures_uploaded_and_every_bad_one_explained(app, cnn_weights):
    at = app("pages/draw.py")
    at.file_uploader(key="cnn_basics:course:weights_upload").set_value(("cnn.pt", weights_bytes(Net()), "application/octet-stream"))
    at.run()
    assert "These weights belong to another model. Missing: conv1.bias" in texts(at)  # lecture 9's MLP, not the CNN
    assert run_of(at, "cnn_basics:course") is None and "No model has been trained" in texts(at)
    at.file_uploader(key="cnn_basics:course:weights_upload").set_value(("cnn.pt", cnn_weights, "application/octet-stream"))
    at.run()
    assert "Loaded the weights from cnn.pt" in texts(at)
    at.radio(key="draw:input").set_value("upload").run()
    assert "Upload a picture of a digit" in texts(at)
    for name, data, message in [
        ("notes.png", b"PK\x03\x04 a zip file", "notes.png is not a picture this page can read"),
        ("white.png", png(np.zeros((200, 200), np.float32)), "white.png is blank"),
        ("huge.png", png(np.zeros((10, 4500), np.float32)), "huge.png is 4500 × 10 pixels"),
    ]:
        at.file_uploader(key="draw:upload").set_value((name, data, "image/png"))
        at.run()
        assert not at.exception and message in texts(at), texts(at)
        assert "It reads" not in texts(at)
    for dark_on_light in (True, False):  # a pen on paper, or chalk on a board
        at.file_uploader(key="draw:upload").set_value(("one.png", png(bar(600), dark_on_light), "image/png"))
        at.run()
        assert "It reads **1**" in texts(at) and "Input image (28×28)" in titles(at)


def test_my_digits_and_fine_tuning_on_them(app, cnn_weights):
    at = app("pages/draw.py")
    at.file_uploader(key="cnn_basics:course:weights_upload").set_value(("cnn.pt", cnn_weights, "application/octet-stream"))
    at.run()
    draw(at, bar())
    label = next(box for box in at.selectbox if box.label == "Its right label")
    assert label.value == 1  # the model's guess, to be corrected
    label.set_value(7).run()
    at.button(key="draw:own_add").click().run()
    assert "My 1 digits: 0% read right" in titles(at)
    at.button(key="draw:tune").click().run()
    wait_for_run(at, "draw:tuned:cnn_basics:course")
    assert at.selectbox(key="draw:reader").value == "draw:tuned:cnn_basics:course"
    assert "fine-tuned on my 1 digits" in at.selectbox(key="draw:reader").format_func("draw:tuned:cnn_basics:course")
    assert "After 100, 200, 300 steps: my digits read right" in texts(at)
    assert "My 1 digits: 100% read right" in titles(at)  # a single bar labelled 7 is learned
    assert len(at.dataframe[0].value) == 2  # the lecture's CNN and its tuned copy side by side
    at.button(key="draw:own_clear").click().run()
    assert not [title for title in titles(at) if title.startswith("My ")]


def test_the_page_speaks_chinese(app, cnn_weights):
    at = app("pages/draw.py", lang="zh")
    assert at.title[0].value == "✏️ 手写一个数字" and "本次会话还没有训练过模型" in texts(at)
    at.file_uploader(key="cnn_basics:course:weights_upload").set_value(("cnn.pt", cnn_weights, "application/octet-stream"))
    at.run()
    draw(at, bar())
    assert "读作 **1**" in texts(at) and "输入图像（28×28）" in titles(at)
