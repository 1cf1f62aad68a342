"""Lecture 10: convolution and pooling arithmetic from real conv2d."""
from dlcore.lectures import Lecture, Preview

LECTURE = Lecture(
    "10", "🧮", "cnn", order=120,
    preview=Preview("", ("convolution.padded_input_example",)))
