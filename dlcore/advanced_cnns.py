"""Lecture 11: the Inception block and the residual block, their networks, and a race against the basic CNN.

The models follow seed 001 (InceptionA, its Net) and the course's residual network
(the notes' "Residual Net" heading is empty), without the notes' bugs: `forward`
(not `forwad`), `conv1(x)`, `incep2(x)`, and `torch.nn.functional` as F.
"""
from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import plotly.graph_objects as go
import torch
import torch.nn.functional as F
from torch import nn

from dlcore.convnets import MODELS as CNN_MODELS
from dlcore.convnets import layer_shapes, parameter_count
from dlcore.figures import downsample, new_figure
from dlcore.image_training import Settings, Variant, new_classifier
from dlcore.images import ImageData
from dlcore.text import translate
from dlcore.training import Callback, Outcome, Trainer


class ChannelConcat(nn.Module):
    """torch.cat along the channels (dim 1), as a layer of its own so the shapes table shows the joined maps."""

    def forward(self, *maps):
        return torch.cat(maps, dim=1)


class InceptionA(nn.Module):
    """Four branches that keep H×W, joined along the channels: 24 + 16 + 24 + 24 = 88 channels out."""

    def __init__(self, in_channels: int):
        super().__init__()
        self.branch_pool = nn.Conv2d(in_channels, 24, kernel_size=1)

        self.branch1x1 = nn.Conv2d(in_channels, 16, kernel_size=1)

        self.branch5x5_1 = nn.Conv2d(in_channels, 16, kernel_size=1)
        self.branch5x5_2 = nn.Conv2d(16, 24, kernel_size=5, padding=2)

        self.branch3x3_1 = nn.Conv2d(in_channels, 16, kernel_size=1)
        self.branch3x3_2 = nn.Conv2d(16, 24, kernel_size=3, padding=1)
        self.branch3x3_3 = nn.Conv2d(24, 24, kernel_size=3, padding=1)

        self.concat = ChannelConcat()

    def forward(self, x):
        branch_pool = self.branch_pool(F.avg_pool2d(x, kernel_size=3, stride=1, padding=1))
        branch1x1 = self.branch1x1(x)
        branch5x5 = self.branch5x5_2(self.branch5x5_1(x))
        branch3x3 = self.branch3x3_3(self.branch3x3_2(self.branch3x3_1(x)))
        return self.concat(branch1x1, branch5x5, branch3x3, branch_pool)


class InceptionNet(nn.Module):
    """Conv2d(1,10,5) → MaxPool(2) → ReLU → InceptionA(10) → Conv2d(88,20,5) → MaxPool(2) → ReLU → InceptionA(20)
    → view → Linear(1408,10)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(88, 20, kernel_size=5)  # 88 = the channels InceptionA puts out
        self.incep1 = InceptionA(in_channels=10)
        self.incep2 = InceptionA(in_channels=20)
        self.mp = nn.MaxPool2d(2)
        self.fc = nn.Linear(1408, 10)

    def forward(self, x):
        batch_size = x.size(0)
        x = F.relu(self.mp(self.conv1(x)))  # (B, 10, 12, 12)
        x = self.incep1(x)  # (B, 88, 12, 12)
        x = F.relu(self.mp(self.conv2(x)))  # (B, 20, 4, 4)
        x = self.incep2(x)  # (B, 88, 4, 4)
        x = x.reshape(batch_size, -1)  # (B, 1408); view() would need NCHW memory
        return self.fc(x)


class ResidualBlock(nn.Module):
    """relu(x + conv2(relu(conv1(x)))): the block learns what to add to x, so its input and output shapes match."""

    def __init__(self, channels: int):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(channels, channels, kernel_size=3, padding=1)

    def forward(self, x):
        y = F.relu(self.conv1(x))
        y = self.conv2(y)
        return F.relu(x + y)


class ResNet(nn.Module):
    """Conv2d(1,16,5) → MaxPool(2) → ReLU → ResidualBlock(16) → Conv2d(16,32,5) → MaxPool(2) → ReLU → ResidualBlock(32)
    → view → Linear(512,10)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, kernel_size=5)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=5)
        self.rblock1 = ResidualBlock(16)
        self.rblock2 = ResidualBlock(32)
        self.mp = nn.MaxPool2d(2)
        self.fc = nn.Linear(512, 10)

    def forward(self, x):
        batch_size = x.size(0)
        x = F.relu(self.mp(self.conv1(x)))  # (B, 16, 12, 12)
        x = self.rblock1(x)
        x = F.relu(self.mp(self.conv2(x)))  # (B, 32, 4, 4)
        x = self.rblock2(x)
        x = x.reshape(batch_size, -1)  # (B, 512); view() would need NCHW memory
        return self.fc(x)


MODELS = {
    "inception": Variant(InceptionNet, "mnist", "SGD", 0.01, 0.5, 64, 10),
    "resnet": Variant(ResNet, "mnist", "SGD", 0.01, 0.5, 64, 10),
}
"""Trained as lecture 10's CNN: MNIST, SGD lr 0.01 momentum 0.5, batches of 64, 10 epochs."""

BASIC = CNN_MODELS["course"]
"""Lecture 10's CNN (convnets.CourseCNN), the baseline of the comparison."""
COMPARED = {"basic": BASIC, **MODELS}


def shape_rows(model: nn.Module, image_shape: tuple[int, ...] = (1, 28, 28)) -> list[dict]:
    """convnets.layer_shapes for one image, as table rows {layer, B, C, H, W} (H and W empty once flattened)."""
    device = next(model.parameters()).device
    rows = []
    for name, shape in layer_shapes(model, torch.zeros(1, *image_shape, device=device)):
        padded = (*shape, None, None, None)[:4]
        rows.append({"layer": name, **dict(zip("BCHW", padded))})
    return rows


class _Relay(Callback):
    """Passes a trainer's batch and epoch events on to the callbacks of the TrainInTurn that runs it."""

    def __init__(self, turns: "TrainInTurn"):
        self.turns = turns

    def on_batch_end(self, trainer):
        self.turns.emit("on_batch_end")

    def on_epoch_end(self, trainer):
        self.turns.emit("on_epoch_end")


class TrainInTurn:
    """Several trainers run one after another; to a page (ui.train) they look like one Trainer.

    Its epochs count all of theirs, its callbacks see every batch of every trainer, and
    it ends (stopped, or failed) as soon as one of them does.
    """

    def __init__(self, trainers: dict[str, Trainer]):
        self.trainers = trainers
        self.callbacks: list[Callback] = []
        self.epochs = sum(trainer.epochs for trainer in trainers.values())
        self.outcome: Outcome | None = None
        self.seconds = 0.0

    @property
    def epoch(self) -> int:
        return sum(trainer.epoch for trainer in self.trainers.values())

    @property
    def last_loss(self) -> float | None:
        losses = [trainer.last_loss for trainer in self.trainers.values() if trainer.last_loss is not None]
        return losses[-1] if losses else None

    @property
    def running(self) -> bool:
        return any(trainer.running for trainer in self.trainers.values())

    def request_stop(self) -> None:
        """End the trainer that is running after its current batch, and so the whole run."""
        for trainer in self.trainers.values():
            trainer.request_stop()

    def emit(self, event: str) -> None:
        for callback in self.callbacks:
            getattr(callback, event)(self)

    def fit(self) -> None:
        started = time.perf_counter()
        relay = _Relay(self)
        self.emit("on_train_start")
        try:
            for trainer in self.trainers.values():
                trainer.callbacks.append(relay)
                try:
                    trainer.fit()
                finally:
                    trainer.callbacks.remove(relay)
                if trainer.outcome.kind != "finished":
                    self.outcome = replace(trainer.outcome, epoch=self.epoch)
                    return
            self.outcome = Outcome("finished", self.epoch, self.last_loss)
        finally:
            if self.outcome is None:  # interrupted from outside (a Stop click)
                self.outcome = Outcome("stopped", self.epoch, self.last_loss)
            self.seconds = time.perf_counter() - started
            self.emit("on_train_end")


def comparison(variants: dict[str, Variant], data: ImageData, epochs: int, train_size: int, device, seed: int = 0):
    """Each model with its own settings but the same epochs and training images: ({name: model}, TrainInTurn)."""
    models, trainers = {}, {}
    for name, variant in variants.items():
        settings = Settings(variant.lr, epochs, variant.batch_size, variant.optimizer, variant.momentum, train_size)
        models[name], trainers[name], _ = new_classifier(variant.build, data, settings, device, seed)
    return models, TrainInTurn(trainers)


def comparison_rows(models: dict[str, nn.Module], turns: TrainInTurn) -> list[dict]:
    """One row per model: its parameters, its last test accuracy (%, on the evaluator's test subset), its seconds."""
    rows = []
    for name, model in models.items():
        trainer = turns.trainers[name]
        accuracy = trainer.history.series("test_acc")
        rows.append({"model": name, "parameters": parameter_count(model),
                     "test_accuracy": 100 * accuracy[-1] if accuracy else None,
                     "seconds": trainer.seconds if trainer.outcome is not None else None})
    return rows


COLORS = {"basic": "#636efa", "inception": "#ef553b", "resnet": "#00cc96"}


def comparison_accuracy(turns: TrainInTurn, labels: dict[str, str], lang: str = "en") -> go.Figure:
    """Test accuracy (%) after each epoch, one line per model."""
    fig = new_figure(translate("adv.fig.accuracy_title", lang), translate("chart.epoch", lang),
                     translate("adv.fig.test_accuracy", lang))
    for name, trainer in turns.trainers.items():
        values = 100 * np.asarray(trainer.history.series("test_acc"), dtype=float)
        fig.add_scatter(x=np.arange(1, len(values) + 1), y=values, mode="lines+markers", name=labels[name],
                        line=dict(color=COLORS.get(name), width=3))
    return fig


def comparison_loss(turns: TrainInTurn, labels: dict[str, str], lang: str = "en") -> go.Figure:
    """Training loss after each batch, one line per model."""
    fig = new_figure(translate("adv.fig.loss_title", lang), translate("chart.batch", lang),
                     translate("chart.loss", lang))
    for name, trainer in turns.trainers.items():
        steps, losses = downsample(trainer.history.batch_loss, 500)
        fig.add_scatter(x=steps, y=losses, mode="lines", name=labels[name],
                        line=dict(color=COLORS.get(name), width=1.5))
    return fig
