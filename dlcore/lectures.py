"""The course's lectures in order, and the page that teaches each (None: not built yet)."""
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

    @property
    def built(self) -> bool:
        return self.page is not None and (APP_ROOT / self.page).exists()


LECTURES = [
    Lecture("2–3", "linear_model", "pages/linear_model.py", "📉"),
    Lecture("4", "backprop", "pages/backprop.py", "🔁"),
    Lecture("5", "linear_regression", "pages/linear_regression.py", "📏"),
    Lecture("6", "logistic_regression", "pages/logistic_regression.py", "🎚️"),
    Lecture("7", "multiple_input", None, "🩺"),
    Lecture("8", "dataset_dataloader", None, "🗂️"),
    Lecture("9", "softmax", "pages/softmax.py", "🔢"),
    Lecture("10", "conv_arithmetic", "pages/convolution.py", "🧮"),
    Lecture("10", "cnn", "pages/cnn_basics.py", "🖼️"),
    Lecture("11", "advanced_cnn", "pages/advanced_cnns.py", "🏗️"),
    Lecture("12", "rnn_basics", "pages/rnn_basics.py", "🔤"),
    Lecture("13", "names", "pages/names.py", "🌍"),
]
