"""How every image page trains a classifier and what its live charts show.

The softmax, CNN and advanced-CNN pages differ in their models and defaults;
the training (cross-entropy, shuffled mini-batches sliced from cached tensors,
accuracy per epoch) and the charts (loss, accuracy, test images, confusion
matrix, mistakes) are the same, so they live here once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from dlcore import figures, image_figures
from dlcore.classify import (accuracy_evaluator, confusion_matrix, evaluated_subset, fixed_subset, mistakes, predict,
                             weights_fingerprint)
from dlcore.images import ImageData, class_names, denormalize
from dlcore.text import translate
from dlcore.training import Trainer, minibatches, supervised_step

GRID_IMAGES = 16


@dataclass(frozen=True)
class Variant:
    """A model and the settings its notes train it with."""

    build: Callable[[], nn.Module]
    data: str  # a dlcore.images name
    optimizer: str  # "SGD" | "Adam"
    lr: float
    momentum: float
    batch_size: int
    epochs: int


OPTIMIZERS = ["SGD", "Adam"]


def make_optimizer(name: str, parameters, lr: float, momentum: float = 0.0) -> torch.optim.Optimizer:
    if name == "Adam":
        return torch.optim.Adam(parameters, lr=lr)
    return torch.optim.SGD(parameters, lr=lr, momentum=momentum)


@dataclass(frozen=True)
class Settings:
    """What the user chose for one training run (the Variant gives the defaults)."""

    lr: float
    epochs: int
    batch_size: int
    optimizer: str
    momentum: float
    train_size: int = 0  # 0: the whole training set


def new_classifier(build: Callable[[], nn.Module], data: ImageData, settings: Settings, device, seed: int = 0):
    """A fresh model, its trainer and its test-set view, seeded: (model, trainer, view)."""
    torch.manual_seed(seed)
    model = build().to(device)
    if torch.device(device).type == "cpu":
        model = model.to(memory_format=torch.channels_last)  # NHWC convolutions: a fifth to a quarter faster on CPU
    optimizer = make_optimizer(settings.optimizer, model.parameters(), settings.lr, settings.momentum)
    trainer = classifier_trainer(model, data, optimizer, batch_size=settings.batch_size, epochs=max(settings.epochs, 1),
                                 train_size=settings.train_size, seed=seed)
    return model, trainer, TestSetView(data, seed)


def classifier_trainer(model: torch.nn.Module, data: ImageData, optimizer: torch.optim.Optimizer, *, batch_size: int,
                       epochs: int, train_size: int = 0, seed: int = 0, callbacks=()) -> Trainer:
    """Cross-entropy training on the first train_size training images (0: all), train/test accuracy per epoch."""
    n = train_size or len(data.train_y)
    step = supervised_step(model, torch.nn.CrossEntropyLoss(), optimizer)
    batches = minibatches(data.train_x[:n], data.train_y[:n], batch_size, generator=torch.Generator().manual_seed(seed))
    return Trainer(step, batches, epochs, evaluate=accuracy_evaluator(model, data), callbacks=callbacks)


class TestSetView:
    """The test images a page shows, and the model's predictions on the test set.

    While training, the predictions are those of the test images the accuracy curve
    uses (EVALUATED_IMAGES), made once an epoch; afterwards they cover the whole test
    set, made again only when the weights change (a run ends, weights are uploaded).
    """

    def __init__(self, data: ImageData, seed: int = 0, grid_images: int = GRID_IMAGES):
        self.data = data
        self.sample = fixed_subset(len(data.test_y), grid_images, seed=seed).to(data.device)
        self.pictures = denormalize(data.test_x[self.sample], data)
        self.evaluated = evaluated_subset(len(data.test_y)).to(data.device)
        self._predictions, self._moment = None, None

    def predictions(self, model: torch.nn.Module, trainer: Trainer) -> tuple[torch.Tensor, torch.Tensor]:
        """(predicted, target) classes on the CPU: the evaluated images while training, all of them after."""
        training = trainer.outcome is None and trainer.history.batch_loss
        moment = ("epoch", len(trainer.history.epochs)) if training else ("weights", weights_fingerprint(model))
        if moment != self._moment:
            x, y = self.data.test_x, self.data.test_y
            if training:
                x, y = x[self.evaluated], y[self.evaluated]
            self._predictions, self._moment = (predict(model, x).cpu(), y.cpu()), moment
        return self._predictions

    def accuracy(self, model: torch.nn.Module, trainer: Trainer) -> float:
        predicted, targets = self.predictions(model, trainer)
        return (predicted == targets).float().mean().item()


def classifier_charts(model: torch.nn.Module, trainer: Trainer, view: TestSetView, lang: str = "en") -> dict:
    """Loss, accuracy, a grid of test images with their predictions, the confusion matrix; after training, mistakes."""
    data = view.data
    names = class_names(data, lang)
    predicted, targets = view.predictions(model, trainer)
    charts = {
        "loss": figures.loss_curve(trainer.history, lang),
        "accuracy": image_figures.accuracy_curve(trainer.history, lang),
        "grid": image_figures.image_grid(view.pictures, predict(model, data.test_x[view.sample]),
                                         data.test_y[view.sample], names, lang),
        "confusion": image_figures.confusion_heatmap(confusion_matrix(predicted, targets, len(names)), names, lang),
    }
    if trainer.outcome is not None:
        wrong = mistakes(predicted, targets, len(view.sample))
        if len(wrong):
            grid = image_figures.image_grid(denormalize(data.test_x[wrong.to(data.device)], data), predicted[wrong],
                                            targets[wrong], names, lang)
            charts["mistakes"] = grid.update_layout(title=dict(text=translate("imgfig.mistakes_title", lang)))
    return charts
