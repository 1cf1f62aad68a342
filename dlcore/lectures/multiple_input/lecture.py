"""Lecture 7: the diabetes table's eight features through three stacked linear layers."""
from functools import cache
from pathlib import Path

import torch

from dlcore.engine.data import data_dir
from dlcore.engine.runs import Run
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Lecture, Preview
from dlcore.lectures.multiple_input.model import (SETTINGS, Diabetes, DiabetesMissing, diabetes_run, find_table,
                                                  read_table, split)

LECTURE = Lecture(
    "7", "🩺", "pytorch", order=50,
    preview=Preview("present=1&activation1=ReLU&activation2=ReLU&batch_size=32", ("multiple_input.accuracy_title",)))

__all__ = ["LECTURE", "SETTINGS", "build", "table", "table_path"]


def table_path() -> Path:
    """Where the course's table is (the data directory first); DiabetesMissing when it is nowhere."""
    path = find_table(data_dir())
    if path is None:
        raise DiabetesMissing(data_dir())
    return path


@cache
def table(path: Path) -> tuple[torch.Tensor, torch.Tensor]:
    """The table's features and labels, read once per process."""
    return read_table(path)


def diabetes(path: Path) -> Diabetes:
    """The table split into training and validation patients (the same split for everyone)."""
    return split(*table(path))


def build(spec: RunSpec) -> Run:
    return diabetes_run(diabetes(table_path()), spec.values, spec.device, spec.seed)
