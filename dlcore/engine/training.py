"""The training loop every page runs: observable through callbacks; paused, resumed, stepped and stopped.

A page hands the loop a *step* (one optimisation step on one batch, returning
the loss) and a *batches* function (the batches of one epoch).  `fit()` calls
the step for each batch, keeps the history and fires the callback events named
for when they happen.  It returns when the last epoch is done, when asked to
stop or pause, when the loss stops being a number, or when the step raises;
called again after a pause it goes on from the same epoch and batch.
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

    def on_train_start(self, trainer: "Trainer") -> None:
        """fit() begins: a new run, or one resumed after a pause."""

    def on_batch_end(self, trainer: "Trainer") -> None: ...

    def on_epoch_end(self, trainer: "Trainer") -> None: ...

    def on_exception(self, trainer: "Trainer", error: Exception) -> None:
        """The step, the batches or evaluate() raised; the run ends as "failed"."""

    def on_train_end(self, trainer: "Trainer") -> None:
        """fit() returns: the run ended (trainer.outcome) or paused (trainer.outcome is None)."""


@dataclass
class Outcome:
    """Why training ended.

    kind is one of: "finished", "stopped" (the user asked), "nonfinite" (the loss
    became NaN or infinite), "diverged" (the loss grew past `Trainer.divergence_factor`
    times its first value), "failed" (an exception; `message` says which), "lost" (the
    worker training it elsewhere died: dlcore.engine.ray_runs).
    `epoch` is the 1-based epoch it happened in.
    """

    kind: str
    epoch: int
    loss: float | None = None
    message: str = ""

    @property
    def failed(self) -> bool:
        return self.kind in ("nonfinite", "diverged", "failed", "lost")


@dataclass
class History:
    """Loss per batch, one dict of metrics per epoch (epoch, loss, batches, plus what `evaluate` returns),
    and each learning-rate change: {"batch": batches done before it, "epoch": the epoch it applies in, "lr"}."""

    batch_loss: list[float] = field(default_factory=list)
    epochs: list[dict] = field(default_factory=list)
    lr_changes: list[dict] = field(default_factory=list)

    def series(self, name: str) -> list[float]:
        """One metric over the epochs, e.g. history.series("loss")."""
        return [row[name] for row in self.epochs if name in row]

    def copy(self) -> "History":
        """The history as it is now, fixed: the worker may append to this one while a page draws it."""
        return History(list(self.batch_loss), list(self.epochs), list(self.lr_changes))

    def until(self, epoch: int) -> "History":
        """The history as it was at the end of `epoch` (for replaying a run)."""
        epochs = self.epochs[:epoch]
        batches = sum(row["batches"] for row in epochs)
        return History(self.batch_loss[:batches], epochs, [c for c in self.lr_changes if c["batch"] < batches])


_END = object()  # the end of an epoch's batches


@dataclass
class Timing:
    """Where a run's time went, for the line under it: the steps alone, and the whole work (with the data and
    the metrics) without the waits of a slowed-down run."""

    samples: int = 0
    batches: int = 0
    step_seconds: float = 0.0
    working_seconds: float = 0.0  # the time in fit() but for the waits, up to the last step
    waiting_seconds: float = 0.0  # the waits of a slowed-down run (pace)
    epochs: int = 0

    @property
    def samples_per_second(self) -> float:
        return self.samples / self.step_seconds if self.step_seconds else 0.0

    @property
    def ms_per_batch(self) -> float:
        return 1000 * self.step_seconds / self.batches if self.batches else 0.0

    @property
    def seconds_per_epoch(self) -> float:
        return self.working_seconds / self.epochs if self.epochs else 0.0


def leading_dimension(batch) -> int:
    """The samples in a batch: the first dimension of its (first) tensor."""
    first = batch[0] if isinstance(batch, (tuple, list)) and batch else batch
    shape = getattr(first, "shape", None)
    return int(shape[0]) if shape else 1


def _as_float(loss) -> float:
    return float(loss.detach()) if torch.is_tensor(loss) else float(loss)


class ManualRate:
    """The learning rate of a hand-written update (lectures 2-4), changeable during a run like an optimizer's."""

    def __init__(self, lr: float):
        self.param_groups = [{"lr": lr}]

    @property
    def lr(self) -> float:
        return self.param_groups[0]["lr"]


class Trainer:
    """Runs `step` over `batches()` for `epochs` epochs.

    step(batch) -> loss            one optimisation step; the loss as a tensor or a number
    batches() -> iterable          the batches of one epoch (called again every epoch)
    evaluate() -> dict             optional metrics computed after each epoch (e.g. test accuracy)
    optimizer                      optional: whatever has `param_groups`, for `set_lr` during a run
    pace                           optional: at most this many steps a second (None: as fast as possible)
    samples(batch) -> int          how many samples a batch holds (default: its first tensor's first dimension)

    `lock` is held during each step: hold it to copy the model consistently from another thread.
    """

    divergence_factor = 1e6

    def __init__(self, step: Callable[[object], object], batches: Callable[[], Iterable], epochs: int, *,
                 evaluate: Callable[[], dict] | None = None, callbacks: Iterable[Callback] = (), optimizer=None,
                 pace: float | None = None, samples: Callable[[object], int] = leading_dimension):
        if epochs < 1:
            raise ValueError("epochs must be at least 1")
        self.step = step
        self.batches = batches
        self.epochs = epochs
        self.evaluate = evaluate
        self.callbacks = list(callbacks)
        self.optimizer = optimizer
        self.pace = pace
        self.samples = samples
        self.timing = Timing()
        self.history = History()
        self.epoch = 0  # the epoch running now (or last run), 1-based
        self.batch = 0  # batches done in that epoch
        self.last_batch = None  # the batch trained last (what on_batch_end is about)
        self.outcome: Outcome | None = None
        self.seconds = 0.0  # time spent inside fit(), all calls together
        self.running = False  # inside fit(): another thread may see it true
        self.lock = threading.RLock()
        self._epoch_batches = None  # the current epoch's batches, kept across pauses
        self._next_batch = _END
        self._epoch_losses: list[float] = []
        self._stop, self._pause = threading.Event(), threading.Event()
        self._wake = threading.Event()  # set with either: ends a wait for the pace at once
        self._next_lr: float | None = None
        self._last_step = 0.0
        self._fit_started = 0.0

    # -- asked from any thread -------------------------------------------------------------
    def request_stop(self) -> None:
        """End the run after the batch it is on (at once when it is not training)."""
        self._stop.set()
        self._wake.set()
        if not self.running and self.outcome is None and self.history.batch_loss:
            self.outcome = Outcome("stopped", self.epoch, self.last_loss)

    def request_pause(self) -> None:
        """Return from fit() after the batch it is on; fit() again goes on from there."""
        self._pause.set()
        self._wake.set()

    def set_lr(self, lr: float) -> None:
        """Use this learning rate from the next batch on (the history records where it changed)."""
        self._next_lr = lr

    def hand_over_lr(self) -> float | None:
        """The learning rate set for the next batch, taken away to be applied elsewhere (a run trained by a worker
        in another process: dlcore.engine.ray_runs); None when none was set."""
        lr, self._next_lr = self._next_lr, None
        return lr

    def extend(self, epochs: int) -> None:
        """Train `epochs` more epochs after a finished or stopped run (the next fit() continues it)."""
        if self.outcome is None or self.outcome.kind not in ("finished", "stopped"):
            raise ValueError("only a finished or stopped run can train more")
        self.epochs = len(self.history.epochs) + epochs
        self.outcome = None
        self._stop.clear()

    # -- read from any thread ----------------------------------------------------------------
    @property
    def interrupted(self) -> bool:
        """A stop or a pause was asked for: batches() that take long to prepare may let go (give no batch)."""
        return self._stop.is_set() or self._pause.is_set()

    @property
    def last_loss(self) -> float | None:
        return self.history.batch_loss[-1] if self.history.batch_loss else None

    @property
    def lr(self) -> float | None:
        return self.optimizer.param_groups[0]["lr"] if self.optimizer is not None else None


    # -- the loop ------------------------------------------------------------------------------
    def _emit(self, event: str, *args) -> None:
        for callback in self.callbacks:
            getattr(callback, event)(self, *args)

    def _check(self, loss: float) -> Outcome | None:
        if not math.isfinite(loss):
            return Outcome("nonfinite", self.epoch, loss)
        first = self.history.batch_loss[0]
        if first > 0 and loss > self.divergence_factor * first:
            return Outcome("diverged", self.epoch, loss)
        return None

    def _apply_lr(self) -> None:
        lr, self._next_lr = self._next_lr, None
        if lr is None or self.optimizer is None or lr == self.lr:
            return
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        self.history.lr_changes.append({"batch": len(self.history.batch_loss), "epoch": self.epoch, "lr": lr})

    def _keep_pace(self) -> None:
        """Wait until the next step is due (pace steps a second); a stop or pause ends the wait at once."""
        if self.pace:
            remaining = self._last_step + 1 / self.pace - time.perf_counter()
            if remaining > 0:
                waiting_since = time.perf_counter()
                self._wake.wait(remaining)
                self.timing.waiting_seconds += time.perf_counter() - waiting_since
        self._last_step = time.perf_counter()

    def _train_on(self, batch) -> None:
        self._apply_lr()
        self.last_batch = batch
        started = time.perf_counter()
        with self.lock:
            loss = _as_float(self.step(batch))
        finished = time.perf_counter()
        self.timing.step_seconds += finished - started
        self.timing.working_seconds = self.seconds + finished - self._fit_started - self.timing.waiting_seconds
        self.timing.batches += 1
        self.timing.samples += self.samples(batch)
        self.history.batch_loss.append(loss)
        self._epoch_losses.append(loss)
        self.batch += 1
        self.outcome = self._check(loss)
        self._emit("on_batch_end")

    def _end_epoch(self) -> None:
        metrics = {"epoch": self.epoch, "loss": sum(self._epoch_losses) / len(self._epoch_losses), "batches": self.batch}
        if self.evaluate is not None:
            metrics.update(self.evaluate())
        self.history.epochs.append(metrics)
        self.timing.epochs += 1
        self._epoch_batches = None
        self._emit("on_epoch_end")
        if self.epoch >= self.epochs:
            self.outcome = Outcome("finished", self.epoch, self.last_loss)

    def fit(self, until: str | None = None) -> History:
        """Train until the last epoch, a stop, a pause or a failure.

        until="batch" pauses after one batch, until="epoch" at the end of the current
        epoch (a whole epoch when called between two): the lecture's Step buttons.
        """
        if self.outcome is not None:
            raise RuntimeError("this run has ended: extend() it to train more")
        started = self._fit_started = time.perf_counter()
        self.running = True
        self._pause.clear()
        self._wake.clear()
        self._emit("on_train_start")
        try:
            while self.outcome is None:
                if self._stop.is_set():
                    self.outcome = Outcome("stopped", self.epoch, self.last_loss)
                    break
                if self._pause.is_set():
                    break
                if self._epoch_batches is None:
                    self.epoch, self.batch, self._epoch_losses = self.epoch + 1, 0, []
                    self._epoch_batches = iter(self.batches())
                    self._next_batch = next(self._epoch_batches, _END)
                    if self._next_batch is _END:  # batches() let go when asked to stop or pause while it prepared
                        if not self.interrupted:
                            raise ValueError("batches() gave no batch")
                        self.epoch, self._epoch_batches = self.epoch - 1, None
                        continue
                self._keep_pace()
                self._train_on(self._next_batch)
                if self.outcome is not None:  # the loss stopped being a number, or diverged
                    break
                self._next_batch = next(self._epoch_batches, _END)  # a look ahead: the epoch ends with its last batch
                if self._next_batch is _END:
                    self._end_epoch()
                    if until == "epoch":
                        break
                if until == "batch":
                    break
        except Exception as error:  # the page's model, data or metrics failed: the run ends, saying why
            self.outcome = Outcome("failed", self.epoch, self.last_loss, f"{type(error).__name__}: {error}")
            self._emit("on_exception", error)
        finally:
            self.seconds += time.perf_counter() - started
            self.timing.working_seconds = self.seconds - self.timing.waiting_seconds
            try:
                self._emit("on_train_end")
            finally:
                self.running = False
        return self.history



class ParameterTrace(Callback):
    """Records every scalar of a model's parameters after each batch: {"linear.weight[0]": [...], ...}."""

    def __init__(self, model: torch.nn.Module):
        self.model = model
        self.values: dict[str, list[float]] = {}

    def on_batch_end(self, trainer):
        for name, parameter in self.model.named_parameters():
            for index, value in enumerate(parameter.detach().flatten().tolist()):
                self.values.setdefault(f"{name}[{index}]", []).append(value)


OPTIMIZERS = ["SGD", "Adagrad", "Adam", "Adamax", "ASGD", "LBFGS", "RMSprop", "Rprop"]
"""The optimizers the course asks students to compare (lecture 5's exercise), by their torch.optim names."""


def make_optimizer(name: str, parameters, lr: float, momentum: float = 0.0,
                   weight_decay: float = 0.0) -> torch.optim.Optimizer:
    """The one optimizer factory of every page; momentum applies to SGD and RMSprop, which take it; weight_decay
    (the L2 penalty λ/2·‖w‖² as the optimizer's own `weight_decay=λ`) to all but LBFGS and Rprop, which have none."""
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {OPTIMIZERS}")
    options = {"lr": lr}
    if name in ("SGD", "RMSprop"):
        options["momentum"] = momentum
    if weight_decay:
        if name in ("LBFGS", "Rprop"):
            raise ValueError(f"{name} has no weight_decay")
        options["weight_decay"] = weight_decay
    return getattr(torch.optim, name)(parameters, **options)


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


def batches(x, y, batch_size: int, seed: int = 0):
    """The batches function for a chosen batch size: 0 is the whole data set each step (full batch, as the notes
    train), any other size shuffled mini-batches in an order the seed fixes."""
    if batch_size == 0:
        return full_batch(x, y)
    return minibatches(x, y, batch_size, generator=torch.Generator().manual_seed(seed))
