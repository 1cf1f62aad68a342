"""Several models trained in one run, step for step: lecture 11's race, transfer learning's pretrained network
against the same one from random weights, lecture 8's batch sizes, dropout against none.

Each model is a lane: its step (one batch in, its loss out), its own batches or the run's shared ones, and what
it measures after an epoch.  One step of the run trains every lane once; the run's metrics are named
"<lane>:<metric>" ("resnet:test_acc"), with each lane's mean loss of the epoch ("<lane>:loss") and its seconds so
far ("<lane>:seconds": training and measuring).

    lanes = {name: Lane(supervised_step(model, loss, optimizer), batches, evaluator) for ...}
    together = SideBySide(lanes)
    trainer = side_by_side_trainer(together, epochs)
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Iterable

import torch

from dlcore.engine.training import Trainer, leading_dimension


@dataclass
class Lane:
    """One model of a side-by-side run."""

    step: Callable[[object], torch.Tensor | float]  # trains the model on one batch; its loss
    batches: Callable[[], Iterable] | None = None  # its batches of an epoch (None: the run's shared batches)
    evaluate: Callable[[], dict] | None = None  # what it measures after an epoch
    model: torch.nn.Module | None = None
    optimizer: object = None  # what holds its learning rate (param_groups), when a change mid-run applies to it


class Rates:
    """The lanes' optimizers as one for the Trainer: a learning rate changed during the run applies to all."""

    def __init__(self, optimizers):
        self.param_groups = [group for optimizer in optimizers for group in optimizer.param_groups]


class SideBySide:
    """Lanes trained together: `step` trains each on its batch; `losses` holds each lane's loss per batch."""

    def __init__(self, lanes: dict[str, Lane], batches: Callable[[], Iterable] | None = None,
                 loss: str | None = None):
        """batches: the batches every lane trains on (each lane's own when None); loss: the lane whose loss is the
        run's (None: the lanes' mean)."""
        self.lanes, self.shared, self.loss = lanes, batches, loss
        self.losses: dict[str, list[float]] = {name: [] for name in lanes}
        self.seconds = dict.fromkeys(lanes, 0.0)
        self._epoch_began = dict.fromkeys(lanes, 0)  # where each lane's losses of this epoch begin

    @property
    def models(self) -> dict[str, torch.nn.Module]:
        return {name: lane.model for name, lane in self.lanes.items()}

    def batches(self) -> Iterable[tuple]:
        """One epoch: a tuple of one batch per lane at a time (as long as the shortest lane's epoch)."""
        if self.shared is not None:
            return ((batch,) * len(self.lanes) for batch in self.shared())
        return zip(*(lane.batches() for lane in self.lanes.values()))

    def step(self, batches: tuple) -> float:
        """Each lane trains on its batch; the run's loss."""
        for (name, lane), batch in zip(self.lanes.items(), batches):
            started = time.perf_counter()
            loss = lane.step(batch)
            self.losses[name].append(loss.item() if isinstance(loss, torch.Tensor) else float(loss))
            self.seconds[name] += time.perf_counter() - started
        if self.loss is not None:
            return self.losses[self.loss][-1]
        return sum(losses[-1] for losses in self.losses.values()) / len(self.losses)

    def evaluate(self) -> dict:
        """Each lane's mean loss of the epoch, its measurements and its seconds so far."""
        metrics = {}
        for name, lane in self.lanes.items():
            started = time.perf_counter()
            epoch = self.losses[name][self._epoch_began[name]:]
            self._epoch_began[name] = len(self.losses[name])
            if epoch:
                metrics[f"{name}:loss"] = sum(epoch) / len(epoch)
            if lane.evaluate is not None:
                metrics.update({f"{name}:{metric}": value for metric, value in lane.evaluate().items()})
            self.seconds[name] += time.perf_counter() - started
            metrics[f"{name}:seconds"] = self.seconds[name]
        return metrics

    def samples(self, batches: tuple) -> int:
        """The samples of one step: those of the first lane's batch."""
        return leading_dimension(batches[0])


def side_by_side_trainer(together: SideBySide, epochs: int, shared_rate: bool = False, **options) -> Trainer:
    """A Trainer of the lanes; shared_rate: a learning rate changed during the run applies to every lane."""
    rates = Rates([lane.optimizer for lane in together.lanes.values()]) if shared_rate else None
    return Trainer(together.step, together.batches, epochs, evaluate=together.evaluate, optimizer=rates,
                   **{"samples": together.samples, **options})
