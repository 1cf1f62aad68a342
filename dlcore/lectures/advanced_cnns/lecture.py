"""Lecture 11: InceptionA and ResNet built correctly and raced against the basic CNN."""
from dlcore.datasets.images import local_images
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Lecture, Preview
from dlcore.lectures.advanced_cnns.model import COMPARED, MODELS, RACE_SETTINGS, comparison_run
from dlcore.lectures.classifiers.training import IMAGE_SETTINGS, classifier_build

MODEL = Setting("model", "inception", "advanced_cnns.model", widget="select", options=tuple(MODELS),
                format="advanced_cnns.model")
"""Which model the page trains alone: its variant (the race is the variant RACE)."""

LECTURE = Lecture(
    "11", "🏗️", "cnn", order=140, variant=MODEL,
    preview=Preview("", ("advanced_cnns.fig.loss_title",), train=1))

RACE = "compare"
"""The variant that races the basic CNN, Inception and ResNet on the same images."""
SETTINGS = {**{name: variant.settings for name, variant in MODELS.items()},
            RACE: Settings(*RACE_SETTINGS, IMAGE_SETTINGS["dataset"])}
"""Each model with the settings of its notes; the race's own, on the data set chosen for the models above."""
train_one = classifier_build(MODELS)


def build(spec: RunSpec) -> Run:
    """One of MODELS trained alone, or (the variant RACE) the three of COMPARED side by side."""
    if spec.variant != RACE:
        return train_one(spec)
    values = spec.values
    data = local_images(values["dataset"], spec.device)
    return comparison_run(COMPARED, data, values["epochs"], values["train_size"], spec.device, spec.seed)
