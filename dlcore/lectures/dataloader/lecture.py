"""Lecture 8: Dataset and DataLoader; the whole table, mini-batches and one patient at a time side by side."""
from functools import cache
from pathlib import Path

from dlcore.engine.runs import Run
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Lecture, Preview
from dlcore.lectures.dataloader.model import SETTINGS, DiabetesDataset, comparison_run
from dlcore.lectures.multiple_input.lecture import table_path

LECTURE = Lecture(
    "8", "🗂️", "pytorch", order=60,
    preview=Preview("epochs=20", ("dataloader.by_second",)))

__all__ = ["LECTURE", "SETTINGS", "build", "dataset_of"]


@cache
def dataset_of(path: Path) -> DiabetesDataset:
    """The notes' Dataset over the course's table, read once per process."""
    return DiabetesDataset(path)


def build(spec: RunSpec) -> Run:
    return comparison_run(dataset_of(table_path()), spec.values, spec.device, spec.seed)
