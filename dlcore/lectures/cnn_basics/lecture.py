"""Lecture 10: the course's CNN with its feature maps and kernels refreshed while it trains."""
from dlcore.engine.settings import Setting
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.classifiers.training import classifier_build
from dlcore.lectures.cnn_basics.model import MODELS

MODEL = Setting("model", "course", "cnn_basics.model", widget="select", options=tuple(MODELS), format="cnn_basics.model")
"""Which model the page trains: its variant."""

LECTURE = Lecture(
    "10", "🖼️", "cnn", order=130, path_step=6, variant=MODEL,
    preview=Preview("train_size=2000&epochs=2", ("conv1", "conv2")),
    demos=(
        Demo("feature_maps", {"train_size": "10000", "epochs": "3", "present": "1"}),
    ))

SETTINGS = {name: variant.settings for name, variant in MODELS.items()}
"""Each model (the variants) with the settings of its notes."""
build = classifier_build(MODELS)
"""The run of a spec whose variant is one of MODELS: the course's CNN on MNIST, seed 002's on CIFAR-10."""
