"""Generalisation (d2l, seed 003): a polynomial's degree, weight decay and dropout."""
from dlcore.datasets.images import local_images
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.generalisation.model import (DROPOUT, POLYNOMIAL, WEIGHT_DECAY, dropout_run, polynomial_run,
                                                  weight_decay_run)

EXPERIMENT = Setting("experiment", "polynomial", "generalisation.experiment", widget="select",
                     options=("polynomial", "weight_decay", "dropout"), format="generalisation.experiment")
"""Which experiment the page runs: its variant."""

LECTURE = Lecture(
    "9", "🎯", "pytorch", order=100, variant=EXPERIMENT,
    preview=Preview("degree=15&train_points=20&powers=standardised", ("generalisation.fit_title",)),
    demos=(
        Demo("overfit", {"degree": "15", "train_points": "20", "powers": "standardised"}),
    ))

SETTINGS = {"polynomial": POLYNOMIAL, "weight_decay": WEIGHT_DECAY, "dropout": DROPOUT}
"""The experiments (the variants), each with its settings."""
DROPOUT_DATA = "fashion_mnist"


def build(spec: RunSpec) -> Run:
    if spec.variant == "dropout":
        return dropout_run(local_images(DROPOUT_DATA, spec.device), spec.values, spec.device, spec.seed)
    experiment = polynomial_run if spec.variant == "polynomial" else weight_decay_run
    return experiment(spec.values, spec.device, spec.seed)
