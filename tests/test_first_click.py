"""Each lecture's first click: the page's defaults and the default seed show what the lecture's notes show.

Lecture 12 (every variant ends at "ohlol" in 15 epochs) is checked in test_page_rnn_basics.py; lectures 11 and 13
have no number in the notes to match (the notes give 11's architectures, and 13's text is not in them).
"""
import re

import pytest

from dlcore.engine.settings import DEFAULT_SEED
from pagetools import run_of, texts, train


def first_click(app, page: str, key: str):
    """Open the page as a student does, check it holds the default seed, click Train and wait for the end."""
    at = app(page)
    assert at.number_input(key="seed").value == DEFAULT_SEED
    train(at, key, timeout=900)
    run = run_of(at, key)
    assert run.trainer.outcome.kind == "finished", run.trainer.outcome
    return at, run


def shown_number(at, label: str) -> float:
    return float(re.search(re.escape(label) + r"[^\d-]*(-?[\d.]+)", texts(at)).group(1))


@pytest.mark.parametrize("page, key, label", [
    ("pages/linear_model.py", "linear_model", "prediction for x = 4:"),  # lectures 2-3: batch GD from w = 1
    ("pages/backprop.py", "backprop", "after"),  # lecture 4: autograd, the notes' 100 epochs
    ("pages/linear_regression.py", "linear_regression:course", "Prediction for x = 4:"),  # lecture 5
])
def test_the_linear_lectures_predict_eight_for_four(app, page, key, label):
    at, run = first_click(app, page, key)
    assert run.trainer.epochs == 100  # the notes' epochs
    assert shown_number(at, label) == pytest.approx(8.0, abs=0.1)


def test_lecture_6_puts_the_boundary_near_two_and_a_half_hours(app):
    at, run = first_click(app, "pages/logistic_regression.py", "logistic_regression")
    assert run.trainer.epochs == 1000
    assert shown_number(at, "Decision boundary:") == pytest.approx(2.5, abs=0.15)


@pytest.mark.parametrize("page, key, notes", [
    ("pages/softmax.py", "softmax:course", 97.0),  # lecture 9: "10 epochs -> about 97 % test accuracy"
    ("pages/cnn_basics.py", "cnn_basics:course", 98.0),  # lecture 10: "10 epochs -> about 98-99 %"
])
def test_the_mnist_lectures_reach_the_notes_accuracy_in_ten_epochs(app, page, key, notes, monkeypatch):
    monkeypatch.setenv("DL_CLASSROOM_THREADS", "2")  # the test has no browser to leave a core to
    at, run = first_click(app, page, key)
    assert run.trainer.epochs == 10 and run.settings["train_size"] == 0  # the notes' 10 epochs on all 60,000 images
    assert shown_number(at, "Test accuracy on all 10,000 test images:") >= notes
