"""What every image classifier page measures: predictions, accuracy, the confusion matrix."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable

import torch

from dlcore.datasets.images import ImageData


@contextmanager
def evaluating(model: torch.nn.Module):
    """Eval mode (Dropout off) without gradients for the block; the model's mode is restored after."""
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        model.train(was_training)


def predict(model: torch.nn.Module, x: torch.Tensor, batch_size: int = 1000) -> torch.Tensor:
    """The predicted class of each input (argmax of the outputs), computed in eval mode."""
    with evaluating(model):
        return torch.cat([model(x[start : start + batch_size]).argmax(dim=1) for start in range(0, len(x), batch_size)])


def probabilities(model: torch.nn.Module, x: torch.Tensor) -> torch.Tensor:
    """The softmax of the model's scores: one probability per class, for each input."""
    with evaluating(model):
        return torch.softmax(model(x), dim=1)


def accuracy(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, batch_size: int = 1000) -> float:
    """The fraction of inputs whose predicted class is the target."""
    return (predict(model, x, batch_size) == y).float().mean().item()


def confusion_matrix(predicted: torch.Tensor, targets: torch.Tensor, n_classes: int) -> torch.Tensor:
    """Counts: row = true class, column = predicted class."""
    pairs = targets.long().cpu() * n_classes + predicted.long().cpu()
    return torch.bincount(pairs, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def fixed_subset(n_total: int, n: int, seed: int = 0) -> torch.Tensor:
    """The same n indices out of n_total every time (a fixed shuffle), so epochs are compared on the same images."""
    return torch.randperm(n_total, generator=torch.Generator().manual_seed(seed))[:n]


EVALUATED_IMAGES = 2000
"""How many training and test images the accuracy per epoch is measured on: cheap enough for every epoch."""


def evaluated_subset(n_total: int) -> torch.Tensor:
    """The indices of the images the accuracy per epoch is measured on: the same ones every epoch and every run."""
    return fixed_subset(n_total, EVALUATED_IMAGES)


def accuracy_evaluator(model: torch.nn.Module, data: ImageData) -> Callable[[], dict]:
    """For Trainer(evaluate=...): train and test accuracy, each on the evaluated subset."""
    train = evaluated_subset(len(data.train_x)).to(data.device)
    test = evaluated_subset(len(data.test_x)).to(data.device)
    train_x, train_y = data.train_x[train], data.train_y[train]
    test_x, test_y = data.test_x[test], data.test_y[test]

    def evaluate() -> dict:
        return {"train_acc": accuracy(model, train_x, train_y), "test_acc": accuracy(model, test_x, test_y)}

    return evaluate


def mistakes(predicted: torch.Tensor, targets: torch.Tensor, limit: int) -> torch.Tensor:
    """The indices of the first `limit` wrong predictions."""
    return (predicted != targets).nonzero().flatten()[:limit]


def weights_fingerprint(model: torch.nn.Module) -> float:
    """A number that changes when the weights change (training, or weights loaded from a file)."""
    with torch.no_grad():
        return float(sum(parameter.double().sum() for parameter in model.parameters()))
