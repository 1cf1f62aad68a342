"""The training loop every page runs: observable through callbacks, stoppable.

A page hands the loop a *step* (one optimisation step on one batch, returning
the loss) and a *batches* function (the batches of one epoch).  The loop calls
the step for each batch, keeps the history, fires the callback events named for
when they happen, and ends early when asked to stop or when the loss stops
being a number.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

import torch


class Callback:
    """Receives the training events; override the ones you need."""

    def on_train_start(self, trainer: "Trainer") -> None: ...

    def on_batch_end(self, trainer: "Trainer") -> None: ...

    def on_epoch_end(self, trainer: "Trainer") -> None: ...

    def on_train_end(self, trainer: "Trainer") -> None: ...


@dataclass
class Outcome:
    """Why training ended.

    kind is one of: "finished", "stopped" (the user asked), "nonfinite" (the loss
    became NaN or infinite), "diverged" (the loss grew past `Trainer.divergence_factor`
    times its first value).  `epoch` is the 1-based epoch it happened in.
    """

    kind: str
    epoch: int
    loss: float | None = None

    @property
    def failed(self) -> bool:
        return self.kind in ("nonfinite", "diverged")


@dataclass
class History:
    """Loss per batch, and one dict of metrics per epoch (epoch, loss, batches, plus what `evaluate` returns)."""

    batch_loss: list[float] = field(default_factory=list)
    epochs: list[dict] = field(default_factory=list)

    def series(self, name: str) -> list[float]:
        """One metric over the epochs, e.g. history.series("loss")."""
        return [row[name] for row in self.epochs if name in row]


def _as_float(loss) -> float:
    return float(loss.detach()) if torch.is_tensor(loss) else float(loss)


class Trainer:
    """Runs `step` over `batches()` for `epochs` epochs.

    step(batch) -> loss            one optimisation step; the loss as a tensor or a number
    batches() -> iterable          the batches of one epoch (called again every epoch)
    evaluate() -> dict             optional metrics computed after each epoch (e.g. test accuracy)
    """

    divergence_factor = 1e6

    def __init__(
        self,
        step: Callable[[object], object],
        batches: Callable[[], Iterable],
        epochs: int,
        *,
        evaluate: Callable[[], dict] | None = None,
        callbacks: Iterable[Callback] = (),
    ):
        if epochs < 1:
            raise ValueError("epochs must be at least 1")
        self.step = step
        self.batches = batches
        self.epochs = epochs
        self.evaluate = evaluate
        self.callbacks = list(callbacks)
        self.history = History()
        self.epoch = 0  # the epoch running now, 1-based
        self.batch = 0  # batches done in this epoch
        self.outcome: Outcome | None = None
        self.seconds = 0.0  # wall time of fit()
        self.running = False  # inside fit(): another thread may see it true
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Ask the loop to end after the batch it is on (safe from any thread)."""
        self._stop.set()

    @property
    def last_loss(self) -> float | None:
        return self.history.batch_loss[-1] if self.history.batch_loss else None

    def _emit(self, event: str) -> None:
        for callback in self.callbacks:
            getattr(callback, event)(self)

    def _check(self, loss: float) -> Outcome | None:
        if not math.isfinite(loss):
            return Outcome("nonfinite", self.epoch, loss)
        first = self.history.batch_loss[0]
        if first > 0 and loss > self.divergence_factor * first:
            return Outcome("diverged", self.epoch, loss)
        return None

    def fit(self) -> History:
        started = time.perf_counter()
        self.running = True
        self._emit("on_train_start")
        try:
            for self.epoch in range(1, self.epochs + 1):
                epoch_losses = []
                for self.batch, batch in enumerate(self.batches(), start=1):
                    loss = _as_float(self.step(batch))
                    self.history.batch_loss.append(loss)
                    epoch_losses.append(loss)
                    self.outcome = self._check(loss)
                    self._emit("on_batch_end")
                    if self.outcome is None and self._stop.is_set():
                        self.outcome = Outcome("stopped", self.epoch, loss)
                    if self.outcome is not None:
                        return self.history
                metrics = {"epoch": self.epoch, "loss": sum(epoch_losses) / len(epoch_losses), "batches": self.batch}
                if self.evaluate is not None:
                    metrics.update(self.evaluate())
                self.history.epochs.append(metrics)
                self._emit("on_epoch_end")
                if self._stop.is_set():
                    self.outcome = Outcome("stopped", self.epoch, metrics["loss"])
                    return self.history
            self.outcome = Outcome("finished", self.epoch, self.last_loss)
            return self.history
        finally:
            if self.outcome is None:  # interrupted from outside, e.g. by an exception
                self.outcome = Outcome("stopped", self.epoch, self.last_loss)
            self.seconds = time.perf_counter() - started
            try:
                self._emit("on_train_end")
            finally:
                self.running = False


class ParameterTrace(Callback):
    """Records every scalar of a model's parameters after each batch: {"linear.weight[0]": [...], ...}."""

    def __init__(self, model: torch.nn.Module):
        self.model = model
        self.values: dict[str, list[float]] = {}

    def on_batch_end(self, trainer):
        for name, parameter in self.model.named_parameters():
            for index, value in enumerate(parameter.detach().flatten().tolist()):
                self.values.setdefault(f"{name}[{index}]", []).append(value)


def setting_problems(lr: float | None = None, epochs: int | None = None) -> list[tuple[str, dict]]:
    """What is wrong with these hyper-parameters, as (message key, values) pairs; empty when fine."""
    problems = []
    if lr is not None and not (math.isfinite(lr) and lr > 0):
        problems.append(("train.bad_lr", {"value": lr}))
    if epochs is not None and epochs < 1:
        problems.append(("train.bad_epochs", {}))
    return problems


def supervised_step(model: torch.nn.Module, loss_fn, optimizer: torch.optim.Optimizer):
    """The course's training step: forward, loss, zero_grad, backward, update.

    LBFGS re-evaluates the loss several times per step, so it gets a closure.
    """

    def step(batch):
        inputs, targets = batch
        if isinstance(optimizer, torch.optim.LBFGS):
            def closure():
                optimizer.zero_grad()
                loss = loss_fn(model(inputs), targets)
                loss.backward()
                return loss

            return optimizer.step(closure)
        loss = loss_fn(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss

    return step


def full_batch(*tensors):
    """The batches function for full-batch training: the whole data set, once per epoch."""
    return lambda: [tensors]


def minibatches(x, y, batch_size: int, generator=None):
    """Shuffled mini-batches by slicing a permutation: no per-sample work, a new order each epoch."""

    def batches():
        order = torch.randperm(len(x), generator=generator).to(x.device)
        for start in range(0, len(x), batch_size):
            index = order[start : start + batch_size]
            yield x[index], y[index]

    return batches
