"""Lecture 10: the course's CNN, seed 002's CIFAR-10 network, and what happens inside them layer by layer."""
from __future__ import annotations

from typing import Callable

import torch
import torch.nn.functional as F
from torch import nn

from dlcore.engine.metrics import evaluating
from dlcore.lectures.classifiers.training import IMAGE_SETTINGS, Variant


class CourseCNN(nn.Module):
    """Conv2d(1,10,5) → MaxPool(2) → ReLU → Conv2d(10,20,5) → MaxPool(2) → ReLU → view → Linear(320,10)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.pooling = nn.MaxPool2d(2)
        self.fc = nn.Linear(320, 10)

    def forward(self, x):
        batch_size = x.size(0)
        x = F.relu(self.pooling(self.conv1(x)))  # (B, 10, 12, 12)
        x = F.relu(self.pooling(self.conv2(x)))  # (B, 20, 4, 4)
        x = x.reshape(batch_size, -1)  # (B, 320); view() would need NCHW memory
        return self.fc(x)


def cifar_net() -> nn.Sequential:
    """Seed 002's CIFAR-10 model, built with nn.Sequential: (B, 3, 32, 32) → (B, 10)."""
    return nn.Sequential(
        nn.Conv2d(3, 32, 5, padding=2), nn.MaxPool2d(2),
        nn.Conv2d(32, 32, 5, padding=2), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 5, padding=2), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1024, 64), nn.Linear(64, 10),
    )


MODELS = {
    "course": Variant(CourseCNN, IMAGE_SETTINGS),
    "cifar": Variant(cifar_net, IMAGE_SETTINGS.with_defaults(dataset="cifar10", momentum=0.0)),
}
"""Each model with the data and settings of its notes (seed 001's CNN: the course's settings, MNIST, SGD lr 0.01
momentum 0.5, batches of 64, 10 epochs; seed 002's CIFAR-10 network: the same without momentum)."""


def each_layer_call(model: nn.Module, x: torch.Tensor, record: Callable) -> None:
    """Run x through the model (eval mode, no gradients), calling record(name, module, inputs, output) at every call
    of a layer that has no sub-layers: forward hooks, so it follows the model's real forward()."""
    handles = [module.register_forward_hook(lambda module, inputs, output, name=name: record(name, module, inputs, output))
               for name, module in model.named_modules() if name and not list(module.children())]
    try:
        with evaluating(model):
            model(x)
    finally:
        for handle in handles:
            handle.remove()


def layer_outputs(model: nn.Module, x: torch.Tensor) -> list[tuple[str, torch.Tensor]]:
    """Run x through the model and record (name, output) at every call of a layer that has no sub-layers.

    A layer used twice (the course's one `pooling`) appears twice.  Where forward()
    flattens the maps itself (x.view), the flattened tensor is recorded as "view".
    """
    records: list[tuple[str, torch.Tensor]] = [("input", x)]

    def record(name, module, inputs, output):
        if inputs[0].dim() == 2 and records[-1][1].dim() == 4:
            records.append(("view", inputs[0].detach()))
        records.append((name if not name.isdigit() else f"{name}: {type(module).__name__}", output.detach()))

    each_layer_call(model, x, record)
    return records


def layer_shapes(model: nn.Module, x: torch.Tensor) -> list[tuple[str, tuple[int, ...]]]:
    """(layer, output shape) down the network, e.g. ("conv1", (B, 10, 24, 24)), as the notes list them."""
    return [(name, tuple(output.shape)) for name, output in layer_outputs(model, x)]


def feature_maps(model: nn.Module, image: torch.Tensor) -> list[tuple[str, torch.Tensor]]:
    """The (C, H, W) outputs of the layers that keep images as images, for one image (1, C, H, W), in order.

    A layer called twice is numbered: the course's `pooling` gives "pooling 1" and "pooling 2".
    """
    maps = [(name, output[0]) for name, output in layer_outputs(model, image)[1:] if output.dim() == 4]
    names = [name for name, _ in maps]
    seen: dict[str, int] = {}
    numbered = []
    for name, output in maps:
        seen[name] = seen.get(name, 0) + 1
        numbered.append((f"{name} {seen[name]}" if names.count(name) > 1 else name, output))
    return numbered


def first_kernels(model: nn.Module) -> torch.Tensor:
    """The first convolution's learned kernels, (out_channels, in_channels, k, k)."""
    conv = next(module for module in model.modules() if isinstance(module, nn.Conv2d))
    return conv.weight.detach()


def parameter_count(model: nn.Module) -> int:
    return sum(parameter.numel() for parameter in model.parameters())
