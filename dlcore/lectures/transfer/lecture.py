"""Transfer learning (lecture 11, seed 002): a pretrained network's last layer for ants and bees."""
from dlcore.lectures import Lecture, Preview

LECTURE = Lecture(
    "11", "🐝", "cnn", order=150,
    preview=Preview("present=1&image_size=112&batch_size=16&epochs=5", ("transfer.accuracy_title",)))
