"""A training run in a worker thread of its own: started, paused, resumed, stepped, stopped, replayed by epoch.

No Streamlit here.  The UI layer keeps a `Run` in the user's session, asks it to
act (start, pause, step, stop, train more), and draws `Frame`s of it: the run as
it is now, or as it was at the end of an earlier epoch.  The worker makes no
Streamlit calls; it lives only while the run trains or waits for a free core,
and it ends within a second or so once its session is gone (`Run.alive`).
"""
from __future__ import annotations

import copy
import ctypes
import os
import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Callable

import torch

from dlcore.engine.devices import usable_cores
from dlcore.engine.spec import RunSpec
from dlcore.engine.training import Callback, History, Trainer

MAX_RUNS_ENV = "DL_CLASSROOM_MAX_RUNS"
SNAPSHOT_LIMIT = 200
"""At most this many epochs' weights are kept per run for replay (thinned evenly as a run grows)..."""
SNAPSHOT_BYTES = 64 * 2**20
"""...and at most this much memory (a 100-epoch run of lecture 9's largest MLP would take 270 MB)."""
ALIVE_CHECK_SECONDS = 1.0


def default_run_limit() -> int:
    """Runs that may train at once on this server: $DL_CLASSROOM_MAX_RUNS, else the cores less one (at least one)."""
    configured = os.environ.get(MAX_RUNS_ENV, "").strip()
    return max(1, int(configured)) if configured.isdigit() else max(1, usable_cores() - 1)


WORKER_NAME = "dl-classroom-run"


def _name_os_thread(name: str) -> None:
    """Give the calling thread this name in the operating system too (ps -L, /proc/PID/task/*/comm; Linux only)."""
    try:
        ctypes.CDLL(None).prctl(15, name.encode()[:15], 0, 0, 0)  # 15: PR_SET_NAME
    except (OSError, AttributeError):
        pass


class Slots:
    """A server-wide limit on runs training at once; the others wait in line, first come first served."""

    waiting_text = "train.waiting"
    """What a page says of a run in this line (the text key; {place} its place)."""

    def __init__(self, limit: int):
        self.limit = limit
        self._changed = threading.Condition()
        self._line: list[object] = []
        self._training: set[int] = set()

    def wait_turn(self, run, give_up: Callable[[], bool]) -> bool:
        """Block until `run` may train (True), or until give_up() says so (False)."""
        with self._changed:
            self._line.append(run)
            try:
                while not (self._line[0] is run and len(self._training) < self.limit):
                    if give_up():
                        return False
                    self._changed.wait(0.1)
                self._training.add(id(run))
                return True
            finally:
                self._line.remove(run)
                self._changed.notify_all()

    def done(self, run) -> None:
        with self._changed:
            self._training.discard(id(run))
            self._changed.notify_all()

    def place(self, run) -> int | None:
        """1 for the first in line, 2 for the second...; None when not waiting."""
        with self._changed:
            return self._line.index(run) + 1 if run in self._line else None

    @property
    def training(self) -> int:
        return len(self._training)


SLOTS = Slots(default_run_limit())
_LIVE: "weakref.WeakSet[Run]" = weakref.WeakSet()


def model_state(model):
    """A copy of what defines the model's output, on the CPU: an nn.Module's state dict, a tensor; else None."""
    if isinstance(model, torch.nn.Module):
        return {name: value.detach().to("cpu", copy=True) for name, value in model.state_dict().items()}
    if torch.is_tensor(model):
        return model.detach().to("cpu", copy=True)
    return None


def state_bytes(state) -> int:
    if state is None:
        return 0
    tensors = state.values() if isinstance(state, dict) else [state]
    return sum(t.numel() * t.element_size() for t in tensors)


class Snapshots:
    """The model's state at the start (epoch 0) and at the end of epochs: at most `limit` of them, in at most
    `max_bytes`.

    When either is passed, every other epoch is dropped and only every 2nd, 4th, ...
    epoch is kept from then on, so a long run stays evenly covered.
    """

    def __init__(self, limit: int = SNAPSHOT_LIMIT, max_bytes: int = SNAPSHOT_BYTES):
        self.limit, self.max_bytes = limit, max_bytes
        self.every = 1
        self.states: dict[int, object] = {}
        self.nbytes = 0

    def wants(self, epoch: int) -> bool:
        """Whether this epoch's state would be kept (copying it costs, so ask first)."""
        return epoch % self.every == 0

    def add(self, epoch: int, state, always: bool = False) -> None:
        """Keep the state of this epoch if it falls on the kept ones (always: whatever the epoch, e.g. new weights)."""
        if state is None or not (always or self.wants(epoch)):
            return
        self.nbytes += state_bytes(state) - state_bytes(self.states.get(epoch))
        self.states[epoch] = state
        while len(self.states) > 2 and (len(self.states) > self.limit or self.nbytes > self.max_bytes):
            self.every *= 2
            self.states = {e: s for e, s in self.states.items() if e % self.every == 0 or e == epoch}
            self.nbytes = sum(state_bytes(state) for state in self.states.values())

    def at(self, epoch: int) -> tuple[int, object] | None:
        """(epoch, state) of the latest snapshot at or before `epoch`."""
        earlier = [e for e in self.states if e <= epoch]
        return (max(earlier), self.states[max(earlier)]) if earlier else None


@dataclass
class Frame:
    """What a page draws: the run at the end of `epoch`, or as it is now (`live`).

    history is the history up to that moment, batches the number of batches done by
    then (pages slice their own per-batch records with it), model the weights then.
    """

    run: "Run"
    epoch: int
    history: History
    batches: int
    model: object
    live: bool

    @property
    def extras(self) -> dict:
        return self.run.extras


class _RunEvents(Callback):
    """Takes the snapshots and stops a run whose session has ended."""

    def __init__(self, run: "Run"):
        self.run = run
        self.checked = time.monotonic()

    def on_batch_end(self, trainer):
        if time.monotonic() - self.checked >= ALIVE_CHECK_SECONDS:
            self.checked = time.monotonic()
            if not self.run.alive():
                trainer.request_stop()

    def on_epoch_end(self, trainer):
        epoch = len(trainer.history.epochs)
        if self.run.snapshots.wants(epoch):
            self.run.snapshots.add(epoch, model_state(self.run.model))


@dataclass(eq=False)
class Run:
    """One training run: its trainer, its model, what its charts need, and the spec it was built from."""

    trainer: Trainer
    model: object = None
    extras: dict = field(default_factory=dict)
    device: str = "cpu"
    spec: RunSpec | None = None  # recorded by dlcore.lectures.build (None: a run made by hand, in a test)
    changing: tuple[str, ...] | None = ()
    """The extras training changes: a run trained elsewhere (dlcore.engine.ray_runs) sends them as it goes; None
    when they are too big to send (the run trains where it is built, in a thread)."""
    alive: Callable[[], bool] = lambda: True
    slots: Slots = field(default=SLOTS, repr=False)

    def __post_init__(self):
        self.snapshots = Snapshots()
        self.snapshots.add(0, model_state(self.model))
        self.trainer.callbacks.append(_RunEvents(self))
        self.thread: threading.Thread | None = None
        self.waiting = False
        self._view = None  # a copy of the model that frames load their weights into

    @property
    def settings(self) -> dict:
        """What the run was made from: its settings' values, the seed and the device ({} without a spec)."""
        return self.spec.settings if self.spec is not None else {}

    # -- acting (from the page) --------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A worker is training this run or waiting for a free core."""
        return self.thread is not None and self.thread.is_alive()

    def start(self, until: str | None = None) -> bool:
        """Train in a worker (until the end, or one "batch" / "epoch"); False when one is already at work."""
        if self.busy or self.trainer.outcome is not None:
            return False
        self.trainer._pause.clear()
        self.waiting = True
        self.thread = threading.Thread(target=self._work, args=(until,), name=WORKER_NAME, daemon=True)
        _LIVE.add(self)
        self.thread.start()
        return True

    def _work(self, until) -> None:
        _name_os_thread(WORKER_NAME)
        trainer = self.trainer
        give_up = lambda: trainer._stop.is_set() or trainer._pause.is_set() or not self.alive()  # noqa: E731
        try:
            if not self.slots.wait_turn(self, give_up):
                if not self.alive():
                    trainer.request_stop()
                return
        finally:
            self.waiting = False
        try:
            trainer.fit(until)
        finally:
            self.slots.done(self)

    def pause(self) -> None:
        self.trainer.request_pause()

    def weights_replaced(self) -> None:
        """The model's weights were loaded from elsewhere (a file): replay shows them from this epoch on."""
        self.snapshots.add(self.epochs_done, model_state(self.model), always=True)

    def stop(self) -> None:
        self.trainer.request_stop()

    def train_more(self, epochs: int, until: str | None = None) -> bool:
        """Continue a finished or stopped run for `epochs` more (or only a batch or an epoch of them)."""
        self.trainer.extend(epochs)
        return self.start(until)

    def release(self) -> None:
        """The run will not train again (a new run replaced it): free what trains it elsewhere (nothing here, where
        a thread ends with its training)."""

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the worker to end; True when it has (or there was none)."""
        if self.thread is not None:
            self.thread.join(timeout)
        return not self.busy

    @property
    def state(self) -> str:
        """"waiting" (for a free core), "training", "paused", "ready" (not started), or the outcome's kind."""
        if self.busy:
            return "waiting" if self.waiting else "training"
        if self.trainer.outcome is not None:
            return self.trainer.outcome.kind
        return "paused" if self.trainer.history.batch_loss else "ready"

    # -- looking (from the page) ------------------------------------------------------------
    @property
    def epochs_done(self) -> int:
        return len(self.trainer.history.epochs)

    def frame(self, epoch: int | None = None) -> Frame:
        """The run at the end of `epoch` (None: as it is now).

        Frames share one copy of the model: a frame's model holds its weights until the next frame is made,
        so draw one frame at a time (as a page does).
        """
        history = self.trainer.history
        if epoch is None or (epoch >= self.epochs_done and not self.busy):
            model = self._live_model()  # first the weights, then the history: the history is never behind them
            now = history.copy() if self.busy else history
            return Frame(self, len(now.epochs), now, len(now.batch_loss), model, True)
        snapshot = self.snapshots.at(epoch)
        if snapshot is not None:  # the nearest epoch whose weights were kept: charts and weights agree
            epoch = snapshot[0]
        shown = history.until(epoch)
        return Frame(self, epoch, shown, len(shown.batch_loss), self._load(snapshot[1]) if snapshot else self.model,
                     False)

    def _live_model(self):
        """The model itself when no worker trains it; else a copy taken between two steps."""
        if not self.busy or not isinstance(self.model, torch.nn.Module | torch.Tensor):
            return self.model
        with self.trainer.lock:
            return self._load(model_state(self.model) if torch.is_tensor(self.model) else self.model.state_dict())

    def _load(self, state):
        if torch.is_tensor(self.model):
            return state.detach().to(self.model.device, copy=True)
        if self._view is None:
            with self.trainer.lock:
                self._view = copy.deepcopy(self.model)
        self._view.load_state_dict(state)
        return self._view


def stop_all(timeout: float = 10.0) -> None:
    """Stop every run that trains or waits in this process and wait for their workers (tests, shutdown)."""
    runs = list(_LIVE)
    for run in runs:
        run.stop()
    deadline = time.monotonic() + timeout
    for run in runs:
        run.join(max(0.0, deadline - time.monotonic()))


def live_workers() -> int:
    return sum(1 for run in list(_LIVE) if run.busy)


# -- earlier runs, for comparing curves ---------------------------------------------------------

EARLIER_RUNS = 5


def shown_value(name: str, value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def difference(old: dict, new: dict, describe: Callable[[str, object], str] = shown_value,
               label: Callable[[str], str] = str) -> str:
    """What changed between two runs' settings: "lr 0.01 → 0.1, optimizer SGD → Adam" ("" when nothing).
    label(name) and describe(name, value) word them for people (the page's language)."""
    return ", ".join(f"{label(name)} {describe(name, old.get(name))} → {describe(name, new.get(name))}"
                     for name in dict.fromkeys([*old, *new]) if old.get(name) != new.get(name))


@dataclass
class EarlierRun:
    """What is kept of a run once a new one starts: its settings and its metrics per epoch."""

    settings: dict
    series: dict[str, list[float]]
    number: int

    @classmethod
    def of(cls, run: Run, number: int) -> "EarlierRun":
        history = run.trainer.history
        names = dict.fromkeys(name for row in history.epochs for name in row)
        return cls(dict(run.settings), {name: history.series(name) for name in names}, number)

    def label(self, current: dict, **wording) -> str:
        """What differed from the current run's settings (see `difference`), or its number when nothing did."""
        return difference(self.settings, current, **wording) or f"#{self.number}"


def remember(earlier: list[EarlierRun], run: Run | None, number: int) -> list[EarlierRun]:
    """The earlier runs with `run` added (if it trained an epoch), the newest last, at most EARLIER_RUNS."""
    if run is None or not run.trainer.history.epochs:
        return earlier
    return (earlier + [EarlierRun.of(run, number)])[-EARLIER_RUNS:]
