"""A page's settings, declared once: name, the lecture's default, and the range or options.

The declaration gives everything else: the widget (dlcore.ui draws it), the
remembered value, the check of a bad value, and the labels of earlier runs
("lr 0.01 → 0.1").  A variant with other defaults (the d2l data of lecture 5,
the notes' models of lecture 9) is the same declaration with some defaults
replaced: `COURSE.with_defaults(lr=0.03, epochs=3)`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator

from dlcore.engine.training import OPTIMIZERS

DEFAULT_SEED = 14
"""The sidebar's seed when nothing else is chosen: with it, every lecture's first click shows what its notes show."""


@dataclass(frozen=True)
class Setting:
    """One setting.  widget: "slider", "select", "select_slider", "number", "checkbox", "text", or "lr"
    (a log-scale slider with an exact box).  label and format are text keys (format: f"{format}.{option}"
    labels each option).  live: changing it does not call for a new run (it applies during the run).
    view: it changes what is shown, not the run (the test image whose feature maps are drawn).  enabled: when it applies, from the values of the settings declared before it."""

    name: str
    default: object
    label: str
    widget: str = "slider"
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple = ()
    format: str | None = None
    live: bool = False
    view: bool = False
    enabled: Callable[[dict], bool] | None = field(default=None, compare=False)

    def problem(self, value) -> tuple[str, dict] | None:
        """(message key, values) saying what is wrong with this value, or None."""
        if self.widget == "lr" and not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
            return "train.bad_lr", {"value": value}
        if self.name == "epochs" and value < 1:
            return "train.bad_epochs", {}
        return None

    def parse(self, text: str):
        """The value a link's text ("?lr=0.5") gives this setting; ValueError when it is none of its values."""
        if self.widget in ("select", "select_slider"):
            for option in self.options:
                if text in (str(option), self.text(option)):  # "0.0" or "0" as text() writes it
                    return option
            raise ValueError(text)
        if self.widget == "checkbox":
            return parse_switch(text)
        if self.widget == "text":
            return text
        whole = isinstance(self.default, int) and not isinstance(self.default, bool)
        number = int(text) if whole else float(text)
        if not math.isfinite(number) or self.problem(number) is not None \
                or (self.low is not None and number < self.low) or (self.high is not None and number > self.high):
            raise ValueError(text)
        return number

    def text(self, value) -> str:
        """How a value is written in a link (parse reads it back)."""
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # lr=5, not lr=5.0
        return str(value)


def parse_switch(text: str) -> bool:
    """A link's on/off value: 1/true/yes/on or 0/false/no/off."""
    switch = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}
    if text.strip().lower() not in switch:
        raise ValueError(text)
    return switch[text.strip().lower()]


def learning_rate(default: float) -> Setting:
    """The learning rate: applies from the next batch when it is changed during a run."""
    return Setting("lr", default, "train.lr", widget="lr", live=True)


def epochs(default: int, high: int) -> Setting:
    """Epochs, from 0 (which is explained, not trained) to high."""
    return Setting("epochs", default, "train.epochs", low=0, high=high)


def optimizer(default: str = "SGD", options=OPTIMIZERS) -> Setting:
    return Setting("optimizer", default, "train.optimizer", widget="select", options=tuple(options))


class Settings:
    """The declared settings of a page, in the order they are drawn."""

    def __init__(self, *declared: Setting):
        self.declared = {setting.name: setting for setting in declared}

    def __iter__(self) -> Iterator[Setting]:
        return iter(self.declared.values())

    def __getitem__(self, name: str) -> Setting:
        return self.declared[name]

    def __contains__(self, name: str) -> bool:
        return name in self.declared

    def with_defaults(self, **defaults) -> "Settings":
        """The same settings with other defaults (a variant of the lecture)."""
        unknown = defaults.keys() - self.declared.keys()
        if unknown:
            raise KeyError(f"not declared: {sorted(unknown)}")
        return Settings(*(replace(s, default=defaults.get(s.name, s.default)) for s in self))

    def defaults(self) -> "Values":
        return Values(self, {setting.name: setting.default for setting in self})


class Values(dict):
    """The values of a page's settings (values["lr"] or values.lr), with their declaration."""

    def __init__(self, settings: Settings, values: dict):
        super().__init__(values)
        self.settings = settings

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def problems(self, live_only: bool = False) -> list[tuple[str, dict]]:
        """What is wrong with these values (live_only: with those that apply during a run, the learning rate),
        as (message key, values) pairs; empty when fine."""
        found = (self.settings[name].problem(value) for name, value in self.items()
                 if name in self.settings and (self.settings[name].live or not live_only))
        return [problem for problem in found if problem is not None]

    def for_run(self) -> dict:
        """The values that define a run (all but the view-only ones), as recorded with the run."""
        return {name: value for name, value in self.items() if name not in self.settings or not self.settings[name].view}
