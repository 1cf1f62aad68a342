"""The standalone script of a run of lecture 10's models (dlcore.export)."""
from dlcore.export import Recipe
from dlcore.lectures.classifiers.export import image_recipe
from dlcore.lectures.cnn_basics.model import MODELS


def recipe(variant: str | None = None) -> Recipe | None:
    return image_recipe("Lecture 10", "lecture10", variant, MODELS[variant].build) if variant in MODELS else None
