"""The course's lectures in order and in the course's groups, the page that teaches each (None: not built
yet), the path a student takes through them, and the lecturer's prepared demos (links that open a page set up)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

APP_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Lecture:
    number: str
    key: str  # text keys: lecture.<key> (title) and lecture.<key>.about
    page: str | None  # path from the app root
    icon: str
    group: str  # text key app.group.<group>: the part of the course it belongs to

    @property
    def built(self) -> bool:
        return self.page is not None and (APP_ROOT / self.page).exists()

    def preview(self, lang: str = "en") -> Path:
        """A picture of the page's live chart in that language (made by scripts/previews.py)."""
        return APP_ROOT / "static" / "previews" / (f"{self.key}.png" if lang == "en" else f"{self.key}.{lang}.png")


PREVIEW_SIZE = (360, 250)
"""Width and height of a preview picture, in pixels."""

LECTURES = [
    Lecture("2–3", "linear_model", "pages/linear_model.py", "📉", "basics"),
    Lecture("4", "backprop", "pages/backprop.py", "🔁", "basics"),
    Lecture("5", "linear_regression", "pages/linear_regression.py", "📏", "pytorch"),
    Lecture("6", "logistic_regression", "pages/logistic_regression.py", "🎚️", "pytorch"),
    Lecture("7", "multiple_input", "pages/multiple_input.py", "🩺", "pytorch"),
    Lecture("8", "dataset_dataloader", "pages/dataloader.py", "🗂️", "pytorch"),
    Lecture("7–8", "own_table", "pages/own_table.py", "📄", "pytorch"),
    Lecture("8", "folders", "pages/folders.py", "🐜", "pytorch"),
    Lecture("9", "softmax", "pages/softmax.py", "🔢", "pytorch"),
    Lecture("9", "generalisation", "pages/generalisation.py", "🎯", "pytorch"),
    Lecture("6–9", "playground", "pages/playground.py", "🛝", "pytorch"),
    Lecture("10", "conv_arithmetic", "pages/convolution.py", "🧮", "cnn"),
    Lecture("10", "cnn", "pages/cnn_basics.py", "🖼️", "cnn"),
    Lecture("11", "advanced_cnn", "pages/advanced_cnns.py", "🏗️", "cnn"),
    Lecture("11", "transfer", "pages/transfer.py", "🐝", "cnn"),
    Lecture("9–11", "draw", "pages/draw.py", "✏️", "cnn"),
    Lecture("12", "rnn_basics", "pages/rnn_basics.py", "🔤", "rnn"),
    Lecture("13", "names", "pages/names.py", "🌍", "rnn"),
]

GROUPS = ["basics", "pytorch", "cnn", "rnn"]
"""The parts of the course, in order (text keys app.group.<name>)."""

START_HERE = ["linear_model", "backprop", "linear_regression", "logistic_regression", "softmax", "cnn", "rnn_basics"]
"""A student's path through the course, one lecture after another (text keys app.path.<key>)."""


@dataclass(frozen=True)
class Demo:
    """A prepared demo: a page opened by a link with its settings set (dlcore.ui.link), training at once."""

    key: str  # text key app.demo.<key>
    page: str
    settings: dict

    @property
    def query(self) -> dict:
        return {**self.settings, "autorun": "1"}


DEMOS = [
    Demo("diverge", "pages/linear_model.py", {"lr": "0.3"}),
    Demo("lbfgs", "pages/linear_regression.py", {"optimizer": "LBFGS", "lr": "1", "epochs": "10"}),
    Demo("sigmoid_stuck", "pages/logistic_regression.py", {"lr": "5", "epochs": "100"}),
    Demo("mnist_epoch", "pages/softmax.py", {"epochs": "1"}),
    Demo("overfit", "pages/generalisation.py", {"degree": "15", "train_points": "20", "powers": "standardised"}),
    Demo("spiral", "pages/playground.py", {"dataset": "spiral", "points": "1000", "hidden": "16, 16, 16",
                                           "activation": "ReLU", "optimizer": "Adam", "lr": "0.01", "epochs": "40"}),
    Demo("feature_maps", "pages/cnn_basics.py", {"train_size": "10000", "epochs": "3", "present": "1"}),
    Demo("gru", "pages/rnn_basics.py", {"variant": "gru"}),
]
"""What each shows (with the default seed) is said in its text app.demo.<key>.help; tests/test_page_home.py runs
them."""
