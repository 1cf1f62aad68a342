"""Generalisation (seed 003, after d2l): what a model learns beyond the points it is trained on.

- Polynomial fitting (d2l 3.11): y = 5 + 1.2x − 3.4x² + 5.6x³ + ε, x ~ N(0, 1), ε ~ N(0, 0.01²), 100 test
  points; nn.Linear on the powers x, x², …, x^degree, MSE, SGD lr 0.01 in batches of 10.  Each power is
  standardised with the training points' mean and spread (d2l divides x^i by i! for the same reason: raw, x^15
  would be millions of times larger than x and SGD would blow up).  Degree 1 under-fits, 3 fits, a high degree
  on a few points over-fits.
- Dropout (d2l 3.13): the MLP 784 → 256 → 256 → 10 with ReLU and Dropout(p1), Dropout(p2) after the hidden
  layers (d2l's 0.2 and 0.5), weights from N(0, 0.01²), SGD lr 0.5, batches of 256, 5 epochs, on Fashion-MNIST;
  the same network without dropout trains on the same batches beside it, to compare the train–test gaps.
- Weight decay (d2l 3.12): 20 training and 100 test samples of 200 inputs, y = 0.05 + Σ 0.01·x_i + ε;
  nn.Linear(200, 1), SGD lr 0.003, one sample a step, 100 epochs; the loss is the squared error / 2, plus
  λ/2·‖w‖² written out (from scratch) or the same λ as the optimizer's weight_decay on w (concise): the same
  gradient, λ·w, either way.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import torch
from torch import nn

from dlcore.engine.devices import Movable
from dlcore.engine.metrics import accuracy_evaluator
from dlcore.datasets.images import ImageData
from dlcore.engine.runs import Run
from dlcore.engine.side_by_side import Lane, SideBySide, side_by_side_trainer
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate
from dlcore.lectures.classifiers.training import training_batches
from dlcore.engine.training import Trainer, batches, supervised_step

TRUE_W, TRUE_B, NOISE = (1.2, -3.4, 5.6), 5.0, 0.01
TEST_POINTS = 100
SPLIT_SEED = 0
"""The data are drawn with this seed whatever the page's seed: every run of a page fits the same points."""

POWERS = ("raw", "standardised")
POLYNOMIAL = Settings(
    Setting("degree", 3, "generalisation.degree", low=1, high=20),
    Setting("train_points", 100, "generalisation.train_points", widget="select_slider", options=(2, 5, 10, 20, 50, 100)),
    Setting("powers", "raw", "generalisation.powers", widget="select", options=POWERS, format="generalisation.powers"),
    learning_rate(0.01),
    epochs(100, high=5000),
)
"""d2l's fit: a cubic, 100 training points, the raw powers, SGD at 0.01 for 100 epochs.  Raw powers of a higher
degree make SGD diverge at this rate (x⁴ of the points reaches 100, x¹⁵ 10⁷): standardised, any degree trains."""

DECAY_WAYS = ("penalty", "weight_decay")
WEIGHT_DECAY = Settings(
    Setting("lambd", 0.0, "generalisation.lambd", widget="select_slider", options=(0.0, 0.1, 0.3, 1.0, 3.0, 10.0)),
    Setting("way", "penalty", "generalisation.way", widget="select", options=DECAY_WAYS, format="generalisation.way"),
    learning_rate(0.003),
    epochs(100, high=1000),
)
"""d2l's setup; λ 0 over-fits, d2l's λ = 3 does not."""

DROP_RATES = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7)
DROPOUT = Settings(
    Setting("p1", 0.2, "generalisation.p1", widget="select_slider", options=DROP_RATES),
    Setting("p2", 0.5, "generalisation.p2", widget="select_slider", options=DROP_RATES),
    Setting("train_size", 60000, "generalisation.train_size", widget="select_slider", options=(1000, 5000, 10000, 60000)),
    learning_rate(0.5),
    epochs(5, high=100),
)
"""d2l's dropout: 0.2 after the first hidden layer, 0.5 after the second, all 60,000 images, 5 epochs."""


@dataclass
class Split(Movable):
    """Training and test inputs (N, F) and targets (N, 1), float32."""

    train_x: torch.Tensor
    train_y: torch.Tensor
    test_x: torch.Tensor
    test_y: torch.Tensor


def cubic_points(train_points: int) -> tuple[torch.Tensor, torch.Tensor]:
    """d2l's data: x (train_points + 100, 1) and y = 5 + 1.2x − 3.4x² + 5.6x³ + noise, the training points first."""
    generator = torch.Generator().manual_seed(SPLIT_SEED)
    x = torch.randn(train_points + TEST_POINTS, 1, generator=generator)
    clean = TRUE_B + sum(w * x ** (power + 1) for power, w in enumerate(TRUE_W))
    return x, clean + NOISE * torch.randn(x.shape, generator=generator)


def powers(x: torch.Tensor, degree: int) -> torch.Tensor:
    """(N, 1) → (N, degree): x, x², …, x^degree."""
    return torch.cat([x ** power for power in range(1, degree + 1)], dim=1)


@dataclass
class PolynomialData(Split):
    """The powers of x, as they are or standardised with the training points' mean and spread (mean 0 and std 1
    when raw); x (N, 1) and y to draw the points."""

    x: torch.Tensor = None
    y: torch.Tensor = None
    mean: torch.Tensor = None
    std: torch.Tensor = None
    stays = ("x", "y")  # to draw, on the CPU

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """The model's input for any x (N, 1): its powers, scaled as the training points' were."""
        return (powers(x, len(self.mean)) - self.mean) / self.std

    def coefficients(self, linear: nn.Linear) -> tuple[float, list[float]]:
        """The polynomial a model on these features computes, b + w₁x + w₂x² + …: (b, [w₁, w₂, …])."""
        weight, bias = linear.weight.detach().cpu()[0], linear.bias.detach().cpu()[0]
        mean, std = self.mean.cpu(), self.std.cpu()
        return (bias - (weight * mean / std).sum()).item(), (weight / std).tolist()


def polynomial_data(degree: int, train_points: int, standardised: bool = False) -> PolynomialData:
    x, y = cubic_points(train_points)
    features = powers(x, degree)
    mean, std = torch.zeros(degree), torch.ones(degree)
    if standardised:
        train = features[:train_points]
        mean = train.mean(dim=0)
        std = train.std(dim=0) if train_points > 1 else std
        std = torch.where(std > 0, std, torch.ones_like(std))
    features = (features - mean) / std
    return PolynomialData(features[:train_points], y[:train_points], features[train_points:], y[train_points:],
                          x=x, y=y, mean=mean, std=std)


def split_evaluator(model: nn.Module, data: Split, loss, weight: torch.Tensor | None = None):
    """For Trainer(evaluate=...): the loss on all training and all test points (and ‖w‖ when a weight is given)."""

    def evaluate() -> dict:
        with torch.no_grad():
            found = {"train_loss": loss(model(data.train_x), data.train_y).item(),
                     "test_loss": loss(model(data.test_x), data.test_y).item()}
            if weight is not None:
                found["weight_norm"] = weight.norm().item()
        return found

    return evaluate


def polynomial_run(values, device, seed: int = 0) -> Run:
    """d2l's fit: nn.Linear on the powers, MSE, SGD in batches of 10 (fewer points: all of them)."""
    data = polynomial_data(values["degree"], values["train_points"], values["powers"] == "standardised").to(device)
    torch.manual_seed(seed)
    model = nn.Linear(values["degree"], 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=values["lr"])
    loss = nn.MSELoss()
    trainer = Trainer(supervised_step(model, loss, optimizer), batches(data.train_x, data.train_y, min(10, values["train_points"]), seed),
                      values["epochs"], evaluate=split_evaluator(model, data, loss), optimizer=optimizer)
    return Run(trainer, model=model, extras={"data": data}, device=str(device))


SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_text(power: int) -> str:
    """x, x², x¹⁵."""
    return "x" + (str(power).translate(SUPERSCRIPTS) if power > 1 else "")


def polynomial_text(bias: float, weights: list[float], shown: int = 5) -> str:
    """"4.998 + 1.202x − 3.399x² + 5.601x³": the first `shown` powers, then "+ …"."""
    terms = [f"{bias:.4g}"] + [f"{abs(w):.4g}{power_text(power)}" for power, w in enumerate(weights[:shown], start=1)]
    signs = ["−" if w < 0 else "+" for w in weights[:shown]]
    text = terms[0].replace("-", "−") + "".join(f" {sign} {term}" for sign, term in zip(signs, terms[1:]))
    return text + (" + …" if len(weights) > shown else "")


UNDER_FITTING_LOSS = 10.0
"""A training loss above this (the cubic's values spread over hundreds) is a model that cannot follow the data."""
OVER_FITTING_RATIO = 10.0


def verdict(train_loss: float, test_loss: float) -> str:
    """"under" (the training loss stays high), "over" (the test loss is many times the training loss) or "good"."""
    if train_loss > UNDER_FITTING_LOSS:
        return "under"
    if test_loss > OVER_FITTING_RATIO * train_loss and test_loss > 1:
        return "over"
    return "good"


def curve(model: nn.Module, data: PolynomialData, steps: int = 200) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """x over the points' range, the true cubic and the model's curve there (all on the CPU)."""
    x = torch.linspace(data.x.min().item(), data.x.max().item(), steps)[:, None]
    true = TRUE_B + sum(w * x ** (power + 1) for power, w in enumerate(TRUE_W))
    device = next(model.parameters()).device
    with torch.no_grad():
        fitted = model(data.features(x.to(device))).cpu()
    return x.ravel(), true.ravel(), fitted.ravel()


def high_dimensional_data(train: int = 20, test: int = 100, inputs: int = 200) -> Split:
    """d2l's data for weight decay: y = 0.05 + Σ 0.01·x_i + ε, x ~ N(0, 1), ε ~ N(0, 0.01²)."""
    generator = torch.Generator().manual_seed(SPLIT_SEED)
    x = torch.randn(train + test, inputs, generator=generator)
    y = 0.05 + 0.01 * x.sum(dim=1, keepdim=True) + 0.01 * torch.randn(train + test, 1, generator=generator)
    return Split(x[:train], y[:train], x[train:], y[train:])


def squared_loss(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """d2l's squared loss, (ŷ − y)² / 2, averaged."""
    return ((y_hat - y) ** 2 / 2).mean()


def decay_model(inputs: int) -> nn.Linear:
    """d2l's start: w ~ N(0, 1), far from the small true weights, and b = 0."""
    model = nn.Linear(inputs, 1)
    nn.init.normal_(model.weight, std=1.0)
    nn.init.zeros_(model.bias)
    return model


def decay_step(model: nn.Linear, lambd: float, way: str, lr: float):
    """SGD on d2l's squared loss with λ as the penalty λ/2·‖w‖² added to the loss ("penalty"), or as the optimizer's
    weight_decay on the weight, not the bias, as d2l does ("weight_decay"): (step, optimizer)."""
    penalty = way == "penalty"
    optimizer = torch.optim.SGD([{"params": [model.weight], "weight_decay": 0.0 if penalty else lambd},
                                 {"params": [model.bias]}], lr=lr)

    def step(batch):
        x, y = batch
        loss = squared_loss(model(x), y)
        if penalty:
            loss = loss + lambd * (model.weight ** 2).sum() / 2  # the L2 penalty, written out
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss

    return step, optimizer


def weight_decay_run(values, device, seed: int = 0) -> Run:
    """d2l's high-dimensional regression, one sample a step, with λ as a penalty or as weight decay."""
    data = high_dimensional_data().to(device)
    torch.manual_seed(seed)
    model = decay_model(data.train_x.shape[1]).to(device)
    step, optimizer = decay_step(model, values["lambd"], values["way"], values["lr"])
    trainer = Trainer(step, batches(data.train_x, data.train_y, 1, seed), values["epochs"],
                      evaluate=split_evaluator(model, data, squared_loss, model.weight), optimizer=optimizer)
    return Run(trainer, model=model, extras={"data": data}, device=str(device))


def dropout_mlp(p1: float, p2: float) -> nn.Sequential:
    """d2l's MLP with dropout after each hidden layer (0 and 0: the same network without), weights from N(0, 0.01²)."""
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Dropout(p1), nn.Linear(256, 256), nn.ReLU(),
                        nn.Dropout(p2), nn.Linear(256, 10))
    for parameter in net.parameters():
        nn.init.normal_(parameter, mean=0, std=0.01)
    return net


def dropout_run(data: ImageData, values, device, seed: int = 0) -> Run:
    """The MLP with dropout and the same MLP without (the same first weights, the same batches) side by side
    (dlcore.engine.side_by_side): each step trains both; each one's accuracies on training and test images per
    epoch ("dropout:test_acc", "plain:test_acc", ...); the run's loss is the one with dropout's."""
    data = replace(data, train_x=data.train_x[: values["train_size"]], train_y=data.train_y[: values["train_size"]])
    data = data.to(device)
    lanes = {}
    for name, rates in (("dropout", (values["p1"], values["p2"])), ("plain", (0.0, 0.0))):
        torch.manual_seed(seed)
        model = dropout_mlp(*rates).to(device)
        optimizer = torch.optim.SGD(model.parameters(), lr=values["lr"])
        lanes[name] = Lane(supervised_step(model, nn.CrossEntropyLoss(), optimizer),
                           evaluate=accuracy_evaluator(model, data), model=model, optimizer=optimizer)
    together = SideBySide(lanes, training_batches(data, 256, seed=seed), loss="dropout")
    trainer = side_by_side_trainer(together, values["epochs"], shared_rate=True)  # a new rate moves both
    return Run(trainer, model=lanes["dropout"].model, extras={"plain": lanes["plain"].model}, changing=("plain",), device=str(device))
