"""The playground: TensorFlow Playground's 2-D classifier, with real PyTorch.

Points on the plane [-6, 6]² from one of five data sets (circles, XOR, two moons, a spiral or Gaussian blobs,
the last two with 2–5 classes) are split into training and test points.  The network sees the features chosen
of each point — x, y, x², y², xy, sin x, sin y, with x and y divided by 6 so each lies in [-1, 1] — and an MLP
(any hidden layers, up to 6 × 64 units; one activation; dropout) answers a score per class, trained with
cross-entropy by the chosen optimizer, learning rate, batch size and weight decay.  What it has learned is
drawn over the whole plane: each class's region, and what each unit of the first hidden layer responds to.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from dlcore.engine.devices import Movable
from dlcore.engine.metrics import evaluating
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate, optimizer
from dlcore.engine.training import Trainer, batches, make_optimizer, supervised_step
from dlcore.engine.errors import Explained

SIDE = 6.0
"""The plane is [-SIDE, SIDE]²; the data sets fill about [-5, 5]²."""
DATASETS = ("circles", "xor", "moons", "spiral", "blobs")
MANY_CLASSES = ("spiral", "blobs")
"""The data sets with 2–5 classes; the others have two."""
FEATURES = ("x", "y", "x2", "y2", "xy", "sinx", "siny")
MAX_LAYERS, MAX_UNITS = 6, 64
ACTIVATIONS = ("Tanh", "ReLU", "Sigmoid", "Identity")  # torch.nn's layers; Identity: a linear network
GRID = 100
"""The decision regions are the network's answers on GRID × GRID points of the plane."""
THUMBNAIL = 32
"""Each first-layer unit is drawn over THUMBNAIL × THUMBNAIL points."""

SETTINGS = Settings(
    Setting("dataset", "circles", "playground.dataset", widget="select", options=DATASETS, format="playground.dataset"),
    Setting("classes", 3, "playground.classes", low=2, high=5, enabled=lambda values: values.get("dataset") in MANY_CLASSES),
    Setting("noise", 0.0, "playground.noise", low=0.0, high=0.5, step=0.05),
    Setting("points", 500, "playground.points", widget="select_slider", options=(100, 200, 500, 1000, 2000)),
    Setting("test_share", 0.5, "playground.test_share", low=0.1, high=0.9, step=0.1),
    *(Setting(name, name in ("x", "y"), f"playground.feature.{name}", widget="checkbox") for name in FEATURES),
    Setting("hidden", "4, 2", "playground.hidden", widget="text"),
    Setting("activation", "Tanh", "playground.activation", widget="select", options=ACTIVATIONS, format="playground.activation"),
    optimizer("SGD", options=("SGD", "Adam", "RMSprop")),
    learning_rate(0.1),
    Setting("batch_size", 10, "playground.batch_size", widget="select", options=(1, 5, 10, 20, 50, 100, 0),
            format="playground.batch"),
    Setting("weight_decay", 0.0, "playground.weight_decay", widget="select_slider",
            options=(0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)),
    Setting("dropout", 0.0, "playground.dropout", widget="select_slider", options=(0.0, 0.1, 0.2, 0.3, 0.5)),
    epochs(200, high=5000),
)
"""TensorFlow Playground's first screen: circles without noise, half the points to test on, x and y in, two
hidden layers of 4 and 2 tanh units, SGD in batches of 10; at 0.1, not Playground's 0.03, since the inputs here are
scaled to [-1, 1] (the circles are then learned in about 100 epochs, not 350)."""


class SetupProblem(Explained, ValueError):
    """A setup that cannot be built: a text key (play.problem.<kind>) and its values."""

    def __init__(self, kind: str, **values):
        super().__init__(f"playground.problem.{kind}", **values)


def hidden_layers(text: str) -> list[int]:
    """The hidden layers' widths written as "8, 8" (empty: none, a linear classifier)."""
    parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not all(part.isdigit() for part in parts):
        raise SetupProblem("hidden", text=text, layers=MAX_LAYERS, units=MAX_UNITS)
    widths = [int(part) for part in parts]
    if len(widths) > MAX_LAYERS or not all(1 <= width <= MAX_UNITS for width in widths):
        raise SetupProblem("hidden", text=text, layers=MAX_LAYERS, units=MAX_UNITS)
    return widths


def _scaled(xy: np.ndarray) -> np.ndarray:
    """Centred and scaled so the farthest point is 5 from the centre."""
    xy = xy - xy.mean(axis=0)
    return xy * 5 / np.abs(xy).max()


def make_points(dataset: str, n: int, noise: float, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """n points (n, 2) in about [-5, 5]² and their classes (n,); noise is the Gaussian spread added, as a share of the
    data set's radius 5 (blobs: their spread)."""
    import sklearn.datasets

    rng = np.random.default_rng(seed)
    classes = classes if dataset in MANY_CLASSES else 2
    if dataset == "circles":  # as Playground draws them: a disc of one class inside a ring of the other
        label = np.arange(n) % 2
        radius = np.where(label == 1, rng.uniform(0, 2.5, n), rng.uniform(3.5, 5, n))
        angle = rng.uniform(0, 2 * np.pi, n)
        xy = np.stack([radius * np.sin(angle), radius * np.cos(angle)], axis=1)
    elif dataset == "moons":
        xy, label = sklearn.datasets.make_moons(n, random_state=seed)
        xy = _scaled(xy)
    elif dataset == "xor":
        xy = rng.uniform(-5, 5, (n, 2))
        xy += np.sign(xy) * 0.3  # a margin along the axes, as Playground keeps
        label = (xy[:, 0] * xy[:, 1] > 0).astype(int)
    elif dataset == "spiral":
        label = np.arange(n) % classes
        t = rng.uniform(0, 1, n) ** 0.7  # as many points near the centre as far out
        angle = 1.75 * 2 * np.pi * t + 2 * np.pi * label / classes
        xy = np.stack([5 * t * np.sin(angle), 5 * t * np.cos(angle)], axis=1)
    elif dataset == "blobs":
        label = np.arange(n) % classes
        centres = 3.2 * np.stack([np.sin(2 * np.pi * np.arange(classes) / classes + 0.6),
                                  np.cos(2 * np.pi * np.arange(classes) / classes + 0.6)], axis=1)
        xy = centres[label] + rng.normal(0, 0.7, (n, 2))
    else:
        raise ValueError(f"unknown data set {dataset!r}")
    xy = xy + rng.normal(0, noise * 5, (n, 2))
    order = rng.permutation(n)
    return xy[order].astype(np.float32), np.asarray(label)[order].astype(np.int64)


def features(xy: torch.Tensor, chosen: list[str]) -> torch.Tensor:
    """The chosen features of points (N, 2) → (N, F): x and y divided by SIDE, their squares and product; sin of
    the unscaled x and y."""
    u, v = xy[:, 0] / SIDE, xy[:, 1] / SIDE
    every = {"x": u, "y": v, "x2": u * u, "y2": v * v, "xy": u * v, "sinx": torch.sin(xy[:, 0]),
             "siny": torch.sin(xy[:, 1])}
    return torch.stack([every[name] for name in chosen], dim=1)


def chosen_features(values) -> list[str]:
    chosen = [name for name in FEATURES if values[name]]
    if not chosen:
        raise SetupProblem("no_feature")
    return chosen


@dataclass
class Points(Movable):
    """The data set on the plane: training and test points (N, 2), their features (N, F) and classes (N,)."""

    train_xy: torch.Tensor
    train_x: torch.Tensor
    train_y: torch.Tensor
    test_xy: torch.Tensor
    test_x: torch.Tensor
    test_y: torch.Tensor
    classes: int
    chosen: list[str]


def class_count(values) -> int:
    """How many classes the chosen data set has: the setting for a spiral or blobs, else two."""
    return values["classes"] if values["dataset"] in MANY_CLASSES else 2


def points(values, seed: int) -> Points:
    """The page's data set, split by its test share (SetupProblem when no feature is chosen)."""
    chosen = chosen_features(values)
    classes = class_count(values)
    xy, label = make_points(values["dataset"], values["points"], values["noise"], classes, seed)
    test = round(len(xy) * values["test_share"])
    xy, label = torch.from_numpy(xy), torch.from_numpy(label)
    return Points(xy[test:], features(xy[test:], chosen), label[test:], xy[:test], features(xy[:test], chosen),
                  label[:test], classes, chosen)


class PlaygroundNet(nn.Module):
    """An MLP: for each hidden width, Linear → activation (→ Dropout); then a Linear to one score per class."""

    def __init__(self, inputs: int, hidden: list[int], classes: int, activation: str = "Tanh", dropout: float = 0.0):
        super().__init__()
        layers: list[nn.Module] = []
        for width in hidden:
            layers += [nn.Linear(inputs, width), getattr(nn, activation)()]
            if dropout:
                layers.append(nn.Dropout(dropout))
            inputs = width
        self.hidden = nn.Sequential(*layers)
        self.output = nn.Linear(inputs, classes)

    def forward(self, x):
        return self.output(self.hidden(x))  # (N, classes): scores for CrossEntropyLoss


def plane(steps: int) -> tuple[np.ndarray, torch.Tensor]:
    """The coordinates along each axis (steps,) and the grid's points (steps², 2), row by row from y = -SIDE up."""
    axis = np.linspace(-SIDE, SIDE, steps, dtype=np.float32)
    x, y = np.meshgrid(axis, axis)
    return axis, torch.from_numpy(np.stack([x.ravel(), y.ravel()], axis=1))


def regions(model: nn.Module, chosen: list[str], steps: int = GRID) -> tuple[np.ndarray, np.ndarray]:
    """The axis (steps,) and the network's class probabilities over the plane (steps, steps, classes), row 0 at
    y = -SIDE."""
    axis, grid = plane(steps)
    device = next(model.parameters()).device
    with evaluating(model):
        probabilities = torch.softmax(model(features(grid, chosen).to(device)), dim=1).cpu().numpy()
    return axis, probabilities.reshape(steps, steps, -1)


def first_layer_units(model: PlaygroundNet, chosen: list[str], steps: int = THUMBNAIL) -> torch.Tensor | None:
    """What each unit of the first hidden layer answers over the plane (units, steps, steps), top row at y = SIDE;
    None without hidden layers."""
    if not len(model.hidden):
        return None
    _, grid = plane(steps)
    device = next(model.parameters()).device
    with evaluating(model):
        units = model.hidden[:2](features(grid, chosen).to(device)).cpu()
    return units.T.reshape(-1, steps, steps).flip(1)


def evaluator(model: nn.Module, data: Points):
    """For Trainer(evaluate=...): the test loss, and the accuracy on training and test points."""
    loss = nn.CrossEntropyLoss()

    def evaluate() -> dict:
        with evaluating(model):
            train_out, test_out = model(data.train_x), model(data.test_x)
        return {"test_loss": loss(test_out, data.test_y).item(),
                "train_acc": (train_out.argmax(1) == data.train_y).float().mean().item(),
                "test_acc": (test_out.argmax(1) == data.test_y).float().mean().item()}

    return evaluate


def playground_run(values, device, seed: int = 0) -> Run:
    """Build the data set and the network the settings describe and train it (SetupProblem: what cannot be built)."""
    hidden = hidden_layers(values["hidden"])
    data = points(values, seed).to(device)
    torch.manual_seed(seed)
    model = PlaygroundNet(len(data.chosen), hidden, data.classes, values["activation"], values["dropout"]).to(device)
    optimizer_ = make_optimizer(values["optimizer"], model.parameters(), values["lr"],
                                weight_decay=values["weight_decay"])
    step = supervised_step(model, nn.CrossEntropyLoss(), optimizer_)
    trainer = Trainer(step, batches(data.train_x, data.train_y, values["batch_size"], seed), values["epochs"],
                      evaluate=evaluator(model, data), optimizer=optimizer_)
    return Run(trainer, model=model, extras={"data": data}, device=str(device))


def parameters(inputs: int, hidden: list[int], classes: int) -> int:
    """How many weights and biases the network has."""
    widths = [inputs, *hidden, classes]
    return sum((a + 1) * b for a, b in zip(widths, widths[1:]))
