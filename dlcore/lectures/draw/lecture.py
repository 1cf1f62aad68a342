"""Draw a digit (lectures 9-11): every MNIST model of the session reads a drawing."""
from dlcore.lectures import Lecture, Preview

LECTURE = Lecture(
    "9–11", "✏️", "cnn", order=160,
    preview=Preview("", ("cnnfig.input_title", "imgfig.probabilities_title"), digit=7))
