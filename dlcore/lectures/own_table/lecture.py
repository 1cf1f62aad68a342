"""Your own table (lectures 7-8): a CSV of your own or scikit-learn"s, through lecture 7"s network."""
from dlcore.lectures import Lecture, Preview

LECTURE = Lecture(
    "7–8", "📄", "pytorch", order=70,
    preview=Preview("present=1&table=wine", ("own_table.score_title.classification",)))
