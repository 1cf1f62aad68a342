"""How every image page trains a classifier and what its live charts show.

The softmax, CNN and advanced-CNN pages differ in their models and defaults;
the settings (one declaration, IMAGE_SETTINGS), the training (cross-entropy,
shuffled mini-batches sliced from cached tensors, accuracy per epoch) and the
charts (loss, accuracy, test images, confusion matrix, mistakes) are the same,
so they live here once.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from dlcore.engine import figures
from dlcore.lectures.classifiers import figures as image_figures
from dlcore.engine.metrics import (accuracy_evaluator, confusion_matrix, evaluated_subset, fixed_subset, mistakes, predict,
                             weights_fingerprint)
from dlcore.datasets.images import ImageData, class_names, denormalize, local_images
from dlcore.engine.runs import Frame, Run
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate, optimizer
from dlcore.engine.spec import RunSpec
from dlcore.text import translate
from dlcore.engine.training import Trainer, make_optimizer, minibatches, supervised_step

BATCH_SIZES = (1, 8, 16, 32, 64, 100, 128, 256, 512, 1024)
TRAIN_SIZES = (0, 10000, 2000)  # 0: the whole training set
GRID_IMAGES = 16

IMAGE_SETTINGS = Settings(
    Setting("dataset", "mnist", "softmax.dataset", widget="select", options=("mnist", "fashion_mnist", "cifar10"),
            format="images.name"),
    learning_rate(0.01),
    epochs(10, high=100),
    Setting("batch_size", 64, "softmax.batch_size", widget="select_slider", options=BATCH_SIZES),
    optimizer("SGD", options=("SGD", "Adam")),
    Setting("momentum", 0.5, "softmax.momentum", widget="number", low=0.0, high=0.99, step=0.1,
            enabled=lambda values: values.get("optimizer") == "SGD"),
    Setting("train_size", 0, "softmax.train_size", widget="select", options=TRAIN_SIZES),
)
"""The settings of every image classifier, with the course's defaults (lectures 9-11: MNIST, SGD lr 0.01 momentum 0.5,
batches of 64, 10 epochs, all training images).  A page offers some of the data sets (ui.classifier_controls)."""

COMPARE = {"loss": "loss", "accuracy": "test_acc"}
"""The charts on which earlier runs are drawn faintly, and the metric each shows (ui.live_run's compare)."""


@dataclass(frozen=True)
class Variant:
    """A model and the settings its notes train it with: IMAGE_SETTINGS with their defaults, the data set among them."""

    build: Callable[[], nn.Module]
    settings: Settings

    @property
    def data(self) -> str:
        """The name of the data set the notes train it on (a dlcore.datasets.images name)."""
        return self.settings["dataset"].default


def seeded_model(build: Callable[[], nn.Module], device, seed: int = 0) -> nn.Module:
    """A fresh model on the device, its weights drawn after seeding (the same seed gives the same model)."""
    torch.manual_seed(seed)
    model = build().to(device)
    if torch.device(device).type == "cpu":
        model = model.to(memory_format=torch.channels_last)  # NHWC convolutions: a fifth to a quarter faster on CPU
    return model


def training_batches(data: ImageData, batch_size: int, train_size: int = 0, seed: int = 0):
    """The shuffled mini-batches of the first train_size training images (0: all), in the same order for a seed."""
    n = train_size or len(data.train_y)
    return minibatches(data.train_x[:n], data.train_y[:n], batch_size, generator=torch.Generator().manual_seed(seed))


def new_classifier(build: Callable[[], nn.Module], data: ImageData, values: Mapping, device, seed: int = 0):
    """A fresh model, its trainer and its test-set view from a page's values (lr, epochs, batch_size, optimizer,
    momentum, train_size), seeded: (model, trainer, view).  The trainer measures train/test accuracy per epoch."""
    model = seeded_model(build, device, seed)
    data = data.to(device)  # the same tensors when the data is there already
    optimizer = make_optimizer(values["optimizer"], model.parameters(), values["lr"], values["momentum"])
    step = supervised_step(model, torch.nn.CrossEntropyLoss(), optimizer)
    batches = training_batches(data, values["batch_size"], values["train_size"], seed)
    trainer = Trainer(step, batches, max(values["epochs"], 1), evaluate=accuracy_evaluator(model, data),
                      optimizer=optimizer)  # max: weights may be uploaded into a run while epochs is set to 0
    return model, trainer, TestSetView(data, seed)


def classifier_run(build: Callable[[], nn.Module], data: ImageData, values: Mapping, device, seed: int = 0) -> Run:
    """new_classifier as a page's Run: its test-set view in extras["view"], what built its model in extras["build"]."""
    model, trainer, view = new_classifier(build, data, values, device, seed)
    return Run(trainer, model=model, extras={"view": view, "build": build}, device=str(device))


def classifier_build(models: Mapping[str, Variant]) -> Callable[[RunSpec], Run]:
    """The build of a lecture whose variants are these models: the spec's model trained on its data set, read from
    the data directory as its page reads it (the same tensors, once per process)."""
    def build(spec: RunSpec) -> Run:
        data = local_images(spec.values["dataset"], spec.device)
        return classifier_run(models[spec.variant].build, data, spec.values, spec.device, spec.seed)
    return build


class TestSetView:
    """The test images a page shows, and a frame's predictions on the test set.

    While a run trains, the live frame's predictions are those of the test images the
    accuracy curve uses (EVALUATED_IMAGES); otherwise (a paused or ended run, a replayed
    epoch) they cover the whole test set.  They are made again only when the weights
    they come from change, and a few are kept, so moving the replay slider back is free.
    """

    KEPT = 8

    def __init__(self, data: ImageData, seed: int = 0, grid_images: int = GRID_IMAGES):
        self.data = data
        self.sample = fixed_subset(len(data.test_y), grid_images, seed=seed).to(data.device)
        self.pictures = denormalize(data.test_x[self.sample], data)
        self.evaluated = evaluated_subset(len(data.test_y)).to(data.device)
        self._kept: dict[tuple, tuple[torch.Tensor, torch.Tensor]] = {}

    @staticmethod
    def whole_set(frame: Frame) -> bool:
        """Whether the frame's predictions cover every test image (not while its run is training)."""
        return not (frame.live and frame.run.busy)

    def predictions(self, frame: Frame) -> tuple[torch.Tensor, torch.Tensor]:
        """(predicted, target) classes on the CPU, for the frame's model."""
        whole = self.whole_set(frame)
        moment = (whole, weights_fingerprint(frame.model))
        if moment not in self._kept:
            x, y = self.data.test_x, self.data.test_y
            if not whole:
                x, y = x[self.evaluated], y[self.evaluated]
            if len(self._kept) >= self.KEPT:
                self._kept.pop(next(iter(self._kept)))
            self._kept[moment] = predict(frame.model, x).cpu(), y.cpu()
        return self._kept[moment]

    def accuracy(self, frame: Frame) -> float:
        predicted, targets = self.predictions(frame)
        return (predicted == targets).float().mean().item()


def classifier_charts(frame: Frame, lang: str = "en") -> dict:
    """Loss, accuracy, a grid of test images with their predictions and the confusion matrix, for the frame's model;
    when the predictions cover the whole test set, some mistakes and the test accuracy ("result") too."""
    view: TestSetView = frame.extras["view"]
    data, model = view.data, frame.model
    names = class_names(data, lang)
    predicted, targets = view.predictions(frame)
    charts = {
        "loss": figures.loss_curve(frame.history, lang),
        "accuracy": image_figures.accuracy_curve(frame.history, lang),
        "grid": image_figures.image_grid(view.pictures, predict(model, data.test_x[view.sample]),
                                         data.test_y[view.sample], names, lang),
        "confusion": image_figures.confusion_heatmap(confusion_matrix(predicted, targets, len(names)), names, lang),
    }
    if view.whole_set(frame):
        wrong = mistakes(predicted, targets, len(view.sample))
        if len(wrong):
            grid = image_figures.image_grid(denormalize(data.test_x[wrong.to(data.device)], data), predicted[wrong],
                                            targets[wrong], names, lang)
            charts["mistakes"] = grid.update_layout(title=dict(text=translate("imgfig.mistakes_title", lang)))
        charts["result"] = translate("softmax.result", lang, n=len(targets),
                                     accuracy=100 * (predicted == targets).float().mean().item())
    return charts
