"""Lecture 5's optimizers on a loss surface: torch.optim's SGD, momentum, Nesterov, Adagrad, RMSprop and Adam walking
side by side over a function of two numbers, from a start point the user sets."""
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.optimizers.model import OPTIMIZERS, SURFACES, walk_run

SURFACE = Setting("surface", "bowl", "optimizers.surface", widget="select", options=tuple(SURFACES),
                  format="optimizers.surface")

LECTURE = Lecture(
    "5", "⛰️", "pytorch", order=35, variant=SURFACE,
    preview=Preview("surface=rosenbrock&present=1", ("optimizers.surface_title",)),
    demos=(
        Demo("adam_valley", {"surface": "rosenbrock"}),
    ))

DEFAULTS = {
    "bowl": {"start": (-4.5, 2.0), "steps": 100,
             "rates": {"sgd": 0.4, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.2}},
    "saddle": {"start": (-2.0, 0.01), "steps": 100,
               "rates": {"sgd": 0.05, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.2, "rmsprop": 0.01,
                         "adam": 0.05}},
    "rosenbrock": {"start": (-1.5, 2.0), "steps": 300,
                   "rates": {"sgd": 0.001, "momentum": 0.0005, "nesterov": 0.0005, "adagrad": 0.5, "rmsprop": 0.01,
                             "adam": 0.2}},
    "himmelblau": {"start": (-0.3, -0.9), "steps": 150,
                   "rates": {"sgd": 0.01, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.5, "rmsprop": 0.02,
                             "adam": 0.1}},
}
"""Each surface's start point, steps and rates: each optimizer's rate is one that walks there without diverging
(d2l's bowl: SGD's 0.4 zig-zags across it; Rosenbrock: plain SGD's 0.001 is about the most that does not throw it
off the valley's walls)."""


def surface_settings(surface: str) -> Settings:
    """A surface's settings: the start point within its view, the steps, and each optimizer (on or off) with its
    rate."""
    defaults = DEFAULTS[surface]
    start = [Setting(name, value, f"optimizers.{name}", widget="number", low=low, high=high, step=0.1)
             for name, value, (low, high) in zip(("x0", "y0"), defaults["start"], SURFACES[surface].box)]
    walkers = [setting for name in OPTIMIZERS for setting in (
        Setting(name, True, f"optimizers.name.{name}", widget="checkbox"),
        Setting(f"lr_{name}", defaults["rates"][name], f"optimizers.rate.{name}", widget="lr",
                enabled=lambda values, name=name: values.get(name, True)))]
    steps = Setting("epochs", defaults["steps"], "optimizers.steps", low=10, high=2000, step=10)
    return Settings(*start, steps, *walkers)


SETTINGS = {surface: surface_settings(surface) for surface in SURFACES}
"""The settings of each surface (a variant of the page with its own defaults)."""


def build(spec: RunSpec) -> Run:
    """The chosen optimizers at their rates, from the start point, on the spec's surface (its variant)."""
    values = spec.values
    rates = {name: values[f"lr_{name}"] for name in OPTIMIZERS if values[name]}
    if not rates:
        raise ValueError("choose at least one optimizer")
    return walk_run(spec.variant or SURFACE.default, rates, (values["x0"], values["y0"]), values["epochs"])
