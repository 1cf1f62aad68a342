"""Lecture 11: InceptionA and ResNet built correctly and raced against the basic CNN."""
from dlcore.datasets.images import local_images
from dlcore.engine.runs import Run
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Lecture, Preview
from dlcore.lectures.advanced_cnns.model import COMPARED, MODELS, comparison_run
from dlcore.lectures.classifiers.training import classifier_build

LECTURE = Lecture(
    "11", "🏗️", "cnn", order=140,
    preview=Preview("", ("advanced_cnns.fig.loss_title",), train=1))

RACE = "compare"
"""The variant that races the basic CNN, Inception and ResNet on the same images."""
train_one = classifier_build(MODELS)


def build(spec: RunSpec) -> Run:
    """One of MODELS trained alone, or (the variant RACE) the three of COMPARED side by side."""
    if spec.variant != RACE:
        return train_one(spec)
    values = spec.values
    data = local_images(values["dataset"], spec.device)
    return comparison_run(COMPARED, data, values["epochs"], values["train_size"], spec.device, spec.seed)
