"""Optimizers on a loss surface: real `torch.optim` optimizers walking side by side over a function of two numbers.

Each optimizer moves its own point (x, y), an `nn.Parameter` of shape (2,), downhill on the same surface; one step
of the run's Trainer takes one step of every optimizer still walking.  A point that leaves far behind its surface's
view (or stops being a number) stops there, marked as diverged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from dlcore.engine.runs import Run
from dlcore.engine.training import Trainer


@dataclass(frozen=True)
class Surface:
    """A function f(x, y) of tensors, the box the page shows it in, and its known minima (or saddle point)."""

    key: str
    f: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
    box: tuple[tuple[float, float], tuple[float, float]]  # (x range, y range)
    minima: tuple[tuple[float, float], ...]
    bounded: bool = True  # bounded below: leaving the box far behind is diverging, not escaping

    def __call__(self, point: torch.Tensor) -> torch.Tensor:
        return self.f(point[..., 0], point[..., 1])

    def contains(self, point, margin: float = 0.0) -> bool:
        """Whether the point lies in the box widened by `margin` box sizes on every side."""
        return all(low - margin * (high - low) <= value <= high + margin * (high - low)
                   for value, (low, high) in zip(point, self.box))

    def at(self, point) -> float:
        """f at a point given as numbers."""
        return float(self(torch.tensor(point, dtype=torch.float64)))

    def distance(self, point) -> float:
        """How far the point is from the nearest minimum (or the saddle point)."""
        return min(math.dist(point, marked) for marked in self.minima)

    def grid(self, points: int = 120) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """(xs, ys, f over the grid, rows along y) across the box, for the contour plot."""
        (x_low, x_high), (y_low, y_high) = self.box
        xs, ys = torch.linspace(x_low, x_high, points), torch.linspace(y_low, y_high, points)
        y, x = torch.meshgrid(ys, xs, indexing="ij")
        return xs, ys, self.f(x, y)


SURFACES = {surface.key: surface for surface in (
    Surface("bowl", lambda x, y: 0.1 * x**2 + 2 * y**2, ((-5.0, 5.0), (-3.0, 3.0)), ((0.0, 0.0),)),
    Surface("saddle", lambda x, y: x**2 - y**2, ((-2.5, 2.5), (-2.5, 2.5)), ((0.0, 0.0),), bounded=False),
    Surface("rosenbrock", lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2, ((-2.0, 2.0), (-1.0, 3.0)),
            ((1.0, 1.0),)),
    Surface("himmelblau", lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2, ((-5.0, 5.0), (-5.0, 5.0)),
            ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126))),
)}
"""The lecture's surfaces: d2l's elongated bowl, a saddle (its saddle point marked), Rosenbrock's valley and
Himmelblau's four minima."""

OPTIMIZERS: dict[str, Callable[..., torch.optim.Optimizer]] = {
    "sgd": lambda parameters, lr: torch.optim.SGD(parameters, lr=lr),
    "momentum": lambda parameters, lr: torch.optim.SGD(parameters, lr=lr, momentum=0.9),
    "nesterov": lambda parameters, lr: torch.optim.SGD(parameters, lr=lr, momentum=0.9, nesterov=True),
    "adagrad": lambda parameters, lr: torch.optim.Adagrad(parameters, lr=lr),
    "rmsprop": lambda parameters, lr: torch.optim.RMSprop(parameters, lr=lr),
    "adam": lambda parameters, lr: torch.optim.Adam(parameters, lr=lr),
}
"""The optimizers that walk, by key, each made with torch.optim's defaults but its learning rate."""

FAR = 10.0
"""A point more than this many box sizes outside the view has diverged (or, on the saddle, escaped)."""


class Walkers(nn.Module):
    """One point (x, y) per optimizer, all starting at the same place: the run's model, snapshotted for replay."""

    def __init__(self, names, start: tuple[float, float]):
        super().__init__()
        self.points = nn.ParameterDict({name: nn.Parameter(torch.tensor(start, dtype=torch.float64))
                                        for name in names})


class Walk:
    """Every chosen optimizer stepping on one surface.  `step()` moves each walking point once; `paths` holds each
    point's positions (the start first), `diverged` the step at which a point stopped."""

    def __init__(self, surface: Surface, rates: dict[str, float], start: tuple[float, float]):
        self.surface, self.start = surface, tuple(start)
        self.walkers = Walkers(rates, start)
        self.optimizers = {name: OPTIMIZERS[name]([self.walkers.points[name]], lr) for name, lr in rates.items()}
        self.paths = {name: [tuple(start)] for name in rates}
        self.losses = dict.fromkeys(rates, surface.at(start))
        self.diverged: dict[str, int] = {}
        self.steps = 0

    def walking(self) -> list[str]:
        return [name for name in self.optimizers if name not in self.diverged]

    def paths_until(self, steps: int) -> dict[str, list[tuple[float, float]]]:
        """Each path as it was after `steps` steps (for a frame of the run: its batches)."""
        return {name: path[: steps + 1] for name, path in self.paths.items()}

    def stopped_by(self, steps: int) -> set[str]:
        """The optimizers whose points had diverged by then."""
        return {name for name, step in self.diverged.items() if step <= steps}

    def step(self, _batch=None) -> float:
        """One step of every optimizer still walking; the lowest loss among them (the run's loss)."""
        self.steps += 1
        for name in self.walking():
            point, optimizer = self.walkers.points[name], self.optimizers[name]
            optimizer.zero_grad()
            self.surface(point).backward()
            optimizer.step()
            where = tuple(point.detach().tolist())
            if not (all(map(math.isfinite, where)) and self.surface.contains(where, FAR)):
                self.diverged[name] = self.steps
                continue
            self.paths[name].append(where)
            self.losses[name] = self.surface.at(where)
        return min(self.losses.values())

    def evaluate(self) -> dict:
        """Each walking optimizer's loss now ("<optimizer>:loss")."""
        return {f"{name}:loss": self.losses[name] for name in self.walking()}


def walk_run(surface: str, rates: dict[str, float], start: tuple[float, float], steps: int) -> Run:
    """The walk as a run whose epoch is one step of every optimizer (so replay goes step by step)."""
    walk = Walk(SURFACES[surface], rates, start)
    trainer = Trainer(walk.step, lambda: [None], steps, evaluate=walk.evaluate, samples=lambda _: 1)
    return Run(trainer, model=walk.walkers, extras={"walk": walk}, changing=("walk",))
