"""Lecture 9: a softmax classifier on MNIST, the course's MLP and the notes' variants."""
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.classifiers.training import classifier_build
from dlcore.lectures.softmax.model import VARIANTS

LECTURE = Lecture(
    "9", "🔢", "pytorch", order=90, path_step=5,
    preview=Preview("epochs=2", ("imgfig.grid_title",), top=True),
    demos=(
        Demo("mnist_epoch", {"epochs": "1"}),
    ))

SETTINGS = {name: variant.settings for name, variant in VARIANTS.items()}
"""Each model (the variants) with the settings of its notes."""
build = classifier_build(VARIANTS)
"""The run of a spec whose variant is one of VARIANTS' models."""
