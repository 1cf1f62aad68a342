"""Lecture 9: a softmax classifier on MNIST, the course's MLP and the notes' variants."""
from dlcore.engine.settings import Setting
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.classifiers.training import classifier_build
from dlcore.lectures.softmax.model import VARIANTS

MODEL = Setting("model", "course", "softmax.model", widget="select", options=tuple(VARIANTS), format="softmax.model")
"""Which model the page trains: its variant."""

LECTURE = Lecture(
    "9", "🔢", "pytorch", order=90, path_step=5, variant=MODEL,
    preview=Preview("epochs=2", ("imgfig.grid_title",), top=True),
    demos=(
        Demo("mnist_epoch", {"epochs": "1"}),
    ))

SETTINGS = {name: variant.settings for name, variant in VARIANTS.items()}
"""Each model (the variants) with the settings of its notes."""
build = classifier_build(VARIANTS)
"""The run of a spec whose variant is one of VARIANTS' models."""
