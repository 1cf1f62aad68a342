"""Images from folders (lecture 8, seed 002): ImageFolder on ants and bees or a zip, and a transforms pipeline."""
from dlcore.lectures import Lecture, Preview

LECTURE = Lecture(
    "8", "🐜", "pytorch", order=80,
    preview=Preview("", ("folders.draws_title",)))
