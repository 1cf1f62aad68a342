"""A run is a spec: plain data — the lecture, its variant, the values of its settings, the seed and the device —
from which any Python process can build the run again (the page, export, earlier runs, a fresh process, a worker).

    spec = RunSpec("logistic_regression", None, {"lr": 0.01, "epochs": 1000, "optimizer": "SGD"}, seed=14)
    run = dlcore.lectures.build(spec)   # the lecture's own build(spec), which records the spec in the run
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from dlcore.engine.settings import DEFAULT_SEED


@dataclass(frozen=True)
class RunSpec:
    lecture: str  # the lecture's key (its package, its page)
    variant: str | None = None  # the lecture's variant with its own defaults ("course", "d2l"), if it has them
    values: dict = field(default_factory=dict)  # the settings that define the run (view-only ones left out)
    seed: int = DEFAULT_SEED
    device: str = "cpu"

    @property
    def key(self) -> str:
        """The run's name on its page and in files: "logistic_regression", "softmax:course"."""
        return self.lecture if self.variant is None else f"{self.lecture}:{self.variant}"

    @property
    def settings(self) -> dict:
        """What the run is made from, as one flat record: the values, the seed and the device."""
        return {**self.values, "seed": self.seed, "device": self.device}

    def on(self, device: str) -> "RunSpec":
        """The same run on another device (the CPU-against-GPU race)."""
        return replace(self, device=str(device))

    def __str__(self) -> str:
        values = ", ".join(f"{name}={value!r}" for name, value in self.values.items())
        return f"{self.key}({values}; seed {self.seed}, {self.device})"
