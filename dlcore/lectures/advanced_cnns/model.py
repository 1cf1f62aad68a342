"""Lecture 11: the Inception block and the residual block, their networks, and a race against the basic CNN.

The models follow seed 001 (InceptionA, its Net) and the course's residual network
(the notes' "Residual Net" heading is empty), without the notes' bugs: `forward`
(not `forwad`), `conv1(x)`, `incep2(x)`, and `torch.nn.functional` as F.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import torch
import torch.nn.functional as F
from torch import nn

from dlcore.engine.metrics import accuracy_evaluator
from dlcore.lectures.cnn_basics.model import MODELS as CNN_MODELS
from dlcore.lectures.cnn_basics.model import layer_shapes, parameter_count
from dlcore.engine.figures import BLUE, GREEN, VERMILLION, downsample, new_figure
from dlcore.lectures.classifiers.figures import percent_axis
from dlcore.lectures.classifiers.training import IMAGE_SETTINGS, Variant, seeded_model, training_batches
from dlcore.datasets.images import ImageData
from dlcore.engine.runs import Run
from dlcore.engine.side_by_side import Lane, SideBySide, side_by_side_trainer
from dlcore.engine.settings import Settings, epochs
from dlcore.text import translate
from dlcore.engine.training import History, make_optimizer, supervised_step


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


BRANCH_OUTPUTS = ("branch1x1", "branch5x5_2", "branch3x3_3", "branch_pool")
"""The layers whose outputs InceptionA joins: the last of each branch."""


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


MODELS = {"inception": Variant(InceptionNet, IMAGE_SETTINGS), "resnet": Variant(ResNet, IMAGE_SETTINGS)}
"""Trained as lecture 10's CNN: MNIST, SGD lr 0.01 momentum 0.5, batches of 64, 10 epochs (IMAGE_SETTINGS' defaults)."""

BASIC = CNN_MODELS["course"]
"""Lecture 10's CNN (convnets.CourseCNN), the baseline of the comparison."""
COMPARED = {"basic": BASIC, **MODELS}

RACE_SETTINGS = Settings(epochs(2, high=20), IMAGE_SETTINGS["train_size"]).with_defaults(train_size=10000)
"""The comparison's own settings: every model trains this many epochs on this many images (about a minute on a CPU)."""


def shape_rows(model: nn.Module, image_shape: tuple[int, ...] = (1, 28, 28)) -> list[dict]:
    """convnets.layer_shapes for one image, as table rows {layer, B, C, H, W} (H and W empty once flattened)."""
    device = next(model.parameters()).device
    rows = []
    for name, shape in layer_shapes(model, torch.zeros(1, *image_shape, device=device)):
        padded = (*shape, None, None, None)[:4]
        rows.append({"layer": name, **dict(zip("BCHW", padded))})
    return rows


TRAINED_AS = ("optimizer", "lr", "momentum", "batch_size")
"""What of a model's lecture settings the race trains it with."""


def race_lane(build, training: dict, data: ImageData, train_size: int, device, seed: int = 0) -> Lane:
    """One model of the race: built and seeded as its page builds it, trained with its lecture's optimizer, rate and
    batches (training: {"optimizer": ..., "lr": ..., "momentum": ..., "batch_size": ...}) on the first `train_size`
    images, measured on the same test images as the others."""
    model = seeded_model(build, device, seed)
    optimizer = make_optimizer(training["optimizer"], model.parameters(), training["lr"], training["momentum"])
    return Lane(supervised_step(model, nn.CrossEntropyLoss(), optimizer),
                training_batches(data, training["batch_size"], train_size, seed), accuracy_evaluator(model, data), model)


class Race(SideBySide):
    """Several classifiers side by side (dlcore.engine.side_by_side): each step of the run trains every model on one
    batch of its own; each shuffles with a generator seeded alike, so every model sees the same images in the same
    order, as if trained alone.  The run's loss is the models' mean."""

    def __init__(self, variants: dict[str, Variant], data: ImageData, train_size: int, device, seed: int = 0):
        self.data = data
        super().__init__({name: race_lane(variant.build, {key: variant.settings.defaults()[key] for key in TRAINED_AS},
                                          data, train_size, device, seed)
                          for name, variant in variants.items()})


def comparison_run(variants: dict[str, Variant], data: ImageData, epochs: int, train_size: int, device,
                   seed: int = 0) -> Run:
    """The race of `variants` as a page's Run: the same epochs and training images for each (extras["race"])."""
    race = Race(variants, data, train_size, device, seed)
    return Run(side_by_side_trainer(race, epochs), extras={"race": race}, changing=None, device=str(device))


def comparison_rows(race: Race, history: History) -> list[dict]:
    """One row per model: its parameters, its test accuracy (%, on the evaluator's test subset) and its seconds
    of training, at the end of the history's last epoch (None before the first)."""
    last = history.epochs[-1] if history.epochs else {}
    rows = []
    for name, model in race.models.items():
        accuracy = last.get(f"{name}:test_acc")
        rows.append({"model": name, "parameters": parameter_count(model),
                     "test_accuracy": None if accuracy is None else 100 * accuracy,
                     "seconds": last.get(f"{name}:seconds")})
    return rows


COLORS = {"basic": BLUE, "inception": VERMILLION, "resnet": GREEN}


def comparison_accuracy(race: Race, history: History, labels: dict[str, str], lang: str = "en") -> go.Figure:
    """Test accuracy after each epoch of the history, one line per model."""
    fig = new_figure(translate("advanced_cnns.fig.accuracy_title", lang), translate("chart.epoch", lang),
                     translate("advanced_cnns.fig.test_accuracy", lang))
    for name in race.models:
        values = np.asarray(history.series(f"{name}:test_acc"), dtype=float)
        fig.add_scatter(x=np.arange(1, len(values) + 1), y=values, mode="lines+markers", name=labels[name],
                        line=dict(color=COLORS.get(name), width=3))
    return percent_axis(fig)


def comparison_loss(race: Race, batches: int, labels: dict[str, str], lang: str = "en") -> go.Figure:
    """Training loss after each of the first `batches` batches, one line per model."""
    fig = new_figure(translate("advanced_cnns.fig.loss_title", lang), translate("chart.batch", lang),
                     translate("chart.loss", lang))
    for name, losses in race.losses.items():
        steps, values = downsample(losses[:batches], 500)
        fig.add_scatter(x=steps, y=values, mode="lines", name=labels[name],
                        line=dict(color=COLORS.get(name), width=1.5))
    return fig
