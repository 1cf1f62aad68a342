"""The standalone script of a run of lecture 9's models (dlcore.export)."""
from dlcore.export import Recipe
from dlcore.lectures.classifiers.export import image_recipe
from dlcore.lectures.softmax.model import VARIANTS


def recipe(variant: str | None = None) -> Recipe | None:
    return image_recipe("Lecture 9", "lecture09", variant, VARIANTS[variant].build) if variant in VARIANTS else None
