"""Runs trained on Ray: one actor per run, built in the worker from the run's spec, polled by the page.

The page keeps a `RayRun`: a `Run` built in the page's process too (its model and extras for drawing; never
trained there) that acts by calling its actor (start, pause, stop, train more, the learning rate and the speed)
and, when looked at, pulls from it what changed (`RunWorker.changes`): the new batches and epochs, the model's
weights, the snapshots kept for replay, the outcome, and the extras training changes (`Run.changing`).  The actor
is threaded, so it answers while it trains.  Each actor asks Ray for a CPU (or a GPU for a GPU's spec): Ray's
scheduler is the line.  A lost actor ends its run as "lost", keeping what was pulled before.  Actors are named
"<server>/<process id>/<n>" in one namespace, so a server starting kills those an earlier server of its name left.

A new actor takes seconds before it trains (its process starts and imports torch and dlcore); one whose run was
replaced has done that already, and has the data sets it read.  So a replaced run's actor is kept as a spare for
the server's next run, for SPARE_SECONDS, unless a run of the server waits in line for a worker (then it ends, and
its CPU goes to that run).

Only dlcore.engine.executors imports this module (Ray is imported only when it is configured).
"""
from __future__ import annotations

import itertools
import os
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import ray
import torch
from ray.exceptions import GetTimeoutError, RayActorError, RayTaskError

from dlcore.engine.devices import available_devices, usable_cores
from dlcore.engine.runs import ALIVE_CHECK_SECONDS, Run, model_state, state_bytes
from dlcore.engine.spec import RunSpec
from dlcore.engine.tensorboard import TensorBoardLogger, logger_of
from dlcore.engine.training import Callback, Outcome

NAMESPACE = "dl-classroom"
POLL_SECONDS = 0.1
"""A run looked at more often than this is not asked again (a page looks at its run many times a redraw)."""
ANSWER_SECONDS = 10.0
"""How long the page waits for its actor's answer before it shows what it has."""
CONCURRENCY = 6
"""Calls an actor answers at once: its building and training, and polls, pauses and stops meanwhile."""
SPARE_SECONDS = 30.0
"""How long a replaced run's actor waits for the next run of its server before it ends and frees its CPU."""
SPARES = 2
"""The most spare actors a server keeps."""


class _Hold(Callback):
    """Pauses a fit at once when its pause came before the fit began (a threaded actor may take calls in any order)."""

    def __init__(self):
        self.held: set[int] = set()
        self.ticket = 0

    def on_train_start(self, trainer):
        if self.ticket in self.held:
            trainer.request_pause()


class RunWorker:
    """The actor: a run built from its spec in a Ray worker (`build`), trained by `fit` while the page polls
    `changes`; built again for the next run when it is kept as a spare.  Each build has a number, and every call
    names the build it is for: a threaded actor may take a call before the build it follows has ended (the call
    waits for it), or a replaced run's late call after the next build (the call is dropped)."""

    def __init__(self):
        self.turn = threading.Condition()
        self.number, self.building = 0, False
        self.run = self.error = None

    def build(self, number: int, build: Callable[[RunSpec], Run], spec: RunSpec, log_folder: Path | None) -> bool:
        """Build the run; log_folder: where the run is written for TensorBoard, when the page logs it."""
        with self.turn:
            self.number, self.building = number, True
        run, error, hold = None, None, _Hold()
        try:
            run = build(spec)
            run.spec = spec
            run.trainer.callbacks.append(hold)
            if log_folder is not None:
                run.trainer.callbacks.append(TensorBoardLogger(log_folder, run.model))
        except Exception as error_:  # the worker could not build the run (its data, its device): the run fails
            error = f"{type(error_).__name__}: {error_}"
        with self.turn:
            self.run, self.error, self.hold, self.building = run, error, hold, False
            self.turn.notify_all()
        return True

    def _built(self, number: int) -> Run | None:
        """The run of build `number` once it is built; None when it could not be built or a later build replaced it."""
        with self.turn:
            self.turn.wait_for(lambda: self.number >= number and not self.building)
            return self.run if self.number == number and self.error is None else None

    def fit(self, number: int, ticket: int, until: str | None, more: int, lr: float | None,
            pace: float | None) -> None:
        """Train (`more` epochs more, when not 0) until the end, a pause, a stop or `until`."""
        run = self._built(number)
        if run is None:
            return
        self.hold.ticket = ticket
        self._set(run, lr, pace)
        if more:
            run.trainer.extend(more)
        if run.trainer.outcome is None:
            run.trainer.fit(until)

    def pause(self, number: int, ticket: int) -> None:
        run = self._built(number)
        if run is not None:
            self.hold.held.add(ticket)
            run.trainer.request_pause()

    def stop(self, number: int) -> None:
        run = self._built(number)
        if run is not None:
            run.trainer.request_stop()

    def load(self, number: int, epoch: int, state) -> None:
        """Weights loaded into the page's model (a file): the worker's model takes them, and replay shows them."""
        run = self._built(number)
        if run is not None:
            run.model.load_state_dict(state) if isinstance(run.model, torch.nn.Module) else run.model.copy_(state)
            run.snapshots.add(epoch, state, always=True)

    @staticmethod
    def _set(run: Run, lr: float | None, pace: float | None) -> None:
        if lr is not None:
            run.trainer.set_lr(lr)
        run.trainer.pace = pace

    def changes(self, number: int, batches: int, epochs: int, lr_changes: int, snapshots: list[int],
                lr: float | None, pace: float | None) -> dict:
        """What changed since the page saw that many batches, epochs, lr changes and those snapshots."""
        run = self._built(number)
        if run is None:
            return {"error": self.error}
        self._set(run, lr, pace)
        trainer = run.trainer
        history = trainer.history
        moved = len(history.batch_loss) != batches
        with trainer.lock:  # first the weights, then the history: the history is never behind them
            model = _pulled(run.model) if moved else None
            extras = {name: run.extras[name] for name in run.changing} if moved else {}
        kept = dict(run.snapshots.states)
        return {"batch_loss": history.batch_loss[batches:], "epochs": history.epochs[epochs:],
                "lr_changes": history.lr_changes[lr_changes:], "model": model, "extras": extras,
                "snapshots": {epoch: state for epoch, state in kept.items() if epoch not in snapshots},
                "kept": list(kept), "every": run.snapshots.every,
                "trainer": {name: getattr(trainer, name) for name in ("epoch", "batch", "epochs", "outcome", "seconds",
                                                                       "timing")}, "lr": trainer.lr}


def _pulled(model):
    """What the page needs of a model: its state (a tensor, a state dict) or, for other models, the model."""
    state = model_state(model)
    return model if state is None else state


class Line:
    """The runs of this process that Ray has not placed yet, in the order they asked: a page says its place."""

    waiting_text = "train.waiting_worker"

    def __init__(self):
        self._asked: "weakref.WeakKeyDictionary[RayRun, float]" = weakref.WeakKeyDictionary()

    def join(self, run: "RayRun") -> None:
        self._asked[run] = time.monotonic()

    def place(self, run: "RayRun") -> int | None:
        """1 for the first in line, ...; None when the run is not waiting."""
        waiting = sorted((asked, id(other)) for other, asked in list(self._asked.items()) if other.waiting)
        return next((n for n, (_, key) in enumerate(waiting, 1) if key == id(run)), None)

    def kinds_waiting(self) -> set[bool]:
        """Whether GPU runs (True), CPU runs (False) or both wait."""
        return {run.gpu for run in list(self._asked) if run.waiting}


@dataclass(eq=False)
class RayRun(Run):
    """A run whose training happens in a Ray actor: the page's copy of it, kept up to date by polling."""

    executor: "RayExecutor | None" = None
    build: Callable[[RunSpec], Run] | None = None  # how the worker builds the run from its spec

    def __post_init__(self):
        super().__post_init__()
        self.actor = None
        self._ready = self._fit = None
        self._placed = False  # its actor was a spare: it has a worker, and builds in a moment
        self._number = 0  # the build of the run in its actor
        self._tickets = itertools.count(1)
        self._ticket = 0
        self._polled = 0.0

    # -- acting -----------------------------------------------------------------------------
    @property
    def waiting(self) -> bool:
        """Ray has not placed (or the worker not built) the run's new actor yet."""
        return self._fit is not None and not self._placed and not ray.wait([self._ready], timeout=0)[0]

    @waiting.setter
    def waiting(self, value) -> None:  # Run.__post_init__ sets it; here Ray knows
        pass

    @property
    def busy(self) -> bool:
        """A worker trains the run, or Ray has not placed it yet."""
        if self._fit is not None and ray.wait([self._fit], timeout=0)[0]:
            self._ended()
        return self._fit is not None

    def start(self, until: str | None = None, more: int = 0) -> bool:
        if self.busy or self.trainer.outcome is not None and not more:
            return False
        if self.actor is None:
            self.actor, self._number, self._ready, self._placed = self.executor.actor(self)
        self.slots.join(self)
        self._ticket = next(self._tickets)
        lr = self.trainer.hand_over_lr()
        self._fit = self.actor.fit.remote(self._number, self._ticket, until, more, lr, self.trainer.pace)
        self.executor.watch(self)
        return True

    def train_more(self, epochs: int, until: str | None = None) -> bool:
        if self.trainer.outcome is None or self.trainer.outcome.kind not in ("finished", "stopped"):
            raise ValueError("only a finished or stopped run can train more")
        return self.start(until, more=epochs)

    def pause(self) -> None:
        """The actor lets go after its batch; a run still in Ray's line leaves it (its actor has trained nothing)."""
        if self.waiting:
            self.release()
        elif self._fit is not None:
            self.actor.pause.remote(self._number, self._ticket)

    def stop(self) -> None:
        if self.waiting:
            self.release()
        elif self.actor is not None:
            self.actor.stop.remote(self._number)
        if self._fit is None:
            self.trainer.request_stop()  # not training: ends it at once, as a thread's run does

    def join(self, timeout: float | None = None) -> bool:
        if self._fit is not None:
            ray.wait([self._fit], timeout=timeout)
        return not self.busy

    def weights_replaced(self) -> None:
        super().weights_replaced()
        if self.actor is not None:
            self.actor.load.remote(self._number, self.epochs_done, model_state(self.model))

    def release(self) -> None:
        """Let go of the actor (what was pulled stays): kept as a spare when it has built and trains nothing, else
        ended, so that its worker is free for others."""
        if self.actor is not None:
            idle = not self.waiting and (self._fit is None or ray.wait([self._fit], timeout=0)[0])
            self.executor.spare(self.actor, self.gpu) if idle else ray.kill(self.actor)
        self.actor = self._ready = self._fit = None
        self._placed = False

    @property
    def gpu(self) -> bool:
        return torch.device(self.device).type == "cuda"

    # -- looking ----------------------------------------------------------------------------
    @property
    def state(self) -> str:
        self.pull()
        return super().state

    def frame(self, epoch: int | None = None):
        self.pull()
        return super().frame(epoch)

    def _ended(self) -> None:
        """The actor's fit returned (or its worker was lost): the last changes, then the run is no longer busy."""
        try:
            ray.get([self._fit, self._ready])  # a threaded actor may answer the fit before the ready
            self.pull(force=True)
        except RayActorError:
            self._lost()
        except RayTaskError as error:  # the actor's fit itself raised (the trainer's own failures end it as failed)
            trainer = self.trainer
            trainer.outcome = Outcome("failed", trainer.epoch, trainer.last_loss, str(error.cause))
        self._fit = None
        if self.trainer.outcome is not None and self.trainer.outcome.kind not in ("finished", "stopped"):
            self.release()  # it cannot train more: its worker is free for others

    def pull(self, force: bool = False) -> None:
        """Bring the page's copy up to date with the actor (at most every POLL_SECONDS unless forced)."""
        if self.actor is None or self._ready is None or not ray.wait([self._ready], timeout=0)[0]:
            return
        if not force and time.monotonic() - self._polled < POLL_SECONDS:
            return
        self._polled = time.monotonic()
        history = self.trainer.history
        lr = self.trainer.hand_over_lr()
        try:
            changes = ray.get(self.actor.changes.remote(self._number, len(history.batch_loss), len(history.epochs),
                                                        len(history.lr_changes), list(self.snapshots.states), lr,
                                                        self.trainer.pace), timeout=ANSWER_SECONDS)
        except GetTimeoutError:
            return
        except RayActorError:
            self._lost()
            return
        self._apply(changes)

    def _apply(self, changes: dict) -> None:
        trainer, history = self.trainer, self.trainer.history
        if "error" in changes:
            trainer.outcome = Outcome("failed", trainer.epoch, trainer.last_loss, changes["error"])
            return
        if changes["model"] is not None:
            if isinstance(self.model, torch.nn.Module):
                self.model.load_state_dict(changes["model"])
            elif torch.is_tensor(self.model):
                self.model.copy_(changes["model"])
            else:
                self.model = changes["model"]
        self.extras.update(changes["extras"])
        history.batch_loss.extend(changes["batch_loss"])
        history.epochs.extend(changes["epochs"])
        history.lr_changes.extend(changes["lr_changes"])
        for name, value in changes["trainer"].items():
            setattr(trainer, name, value)
        if trainer.optimizer is not None and changes["lr"] is not None:
            for group in trainer.optimizer.param_groups:
                group["lr"] = changes["lr"]
        snapshots = self.snapshots
        snapshots.states = {epoch: state for epoch, state in {**snapshots.states, **changes["snapshots"]}.items()
                            if epoch in changes["kept"]}
        snapshots.every = changes["every"]
        snapshots.nbytes = sum(state_bytes(state) for state in snapshots.states.values())

    def _lost(self) -> None:
        """The worker died (killed, out of memory): the run ends as "lost", with what was pulled before."""
        trainer = self.trainer
        trainer.outcome = Outcome("lost", trainer.epoch, trainer.last_loss)
        self.actor = self._ready = self._fit = None


def _log_folder(run: Run) -> Path | None:
    logger = logger_of(run.trainer)
    return None if logger is None else logger.folder


class RayExecutor:
    """Runs on Ray: connected once per server process; makes the actors of its runs and ends them with their
    sessions."""

    def __init__(self, server: str):
        self.prefix = f"{server}/{os.getpid()}/"
        self.line = Line()
        self._names = itertools.count(1)
        self._builds = itertools.count(1)
        self._watched: "weakref.WeakSet[RayRun]" = weakref.WeakSet()
        self._watcher: threading.Thread | None = None
        self._remote = ray.remote(RunWorker)
        self._spares: list[tuple[object, bool, float]] = []  # (actor, on a GPU, since when)
        self._lock = threading.Lock()

    @classmethod
    def connect(cls, address: str, server: str) -> "RayExecutor":
        """Start a local Ray ("local"), or join a cluster ("auto", an address), unless this process has one."""
        if not ray.is_initialized():
            if address == "local":
                ray.init(num_cpus=usable_cores(), include_dashboard=False, namespace=NAMESPACE)
            else:
                ray.init(address=address, namespace=NAMESPACE)
        executor = cls(server)
        executor.clean(server)
        return executor

    def clean(self, server: str) -> int:
        """Kill the actors an earlier process of this server left; how many there were."""
        mine = f"{server}/"
        orphans = [found["name"] for found in ray.util.list_named_actors(all_namespaces=True)
                   if found["namespace"] == NAMESPACE and found["name"].startswith(mine)
                   and not found["name"].startswith(self.prefix)]
        for name in orphans:
            try:
                ray.kill(ray.get_actor(name, namespace=NAMESPACE))
            except ValueError:  # gone meanwhile
                pass
        return len(orphans)

    def devices(self) -> dict[str, str]:
        """The CPU, and a GPU when the cluster's workers have one (a worker sees the GPU it was given as cuda:0)."""
        gpus = ray.cluster_resources().get("GPU", 0)
        return {"cpu": "CPU", **({"cuda:0": f"GPU (Ray: {gpus:g})"} if gpus else {})}

    def run(self, spec: RunSpec, build: Callable[[RunSpec], Run]) -> Run:
        """The run of a spec, trained by an actor that `build` makes in a worker; built here too, for drawing (on
        the CPU when this machine lacks the spec's device).  A run whose changing extras cannot be sent stays here."""
        here = build(spec if spec.device in available_devices() else spec.on("cpu"))
        if here.changing is None:
            here.spec = spec
            return here
        return RayRun(here.trainer, here.model, here.extras, spec.device, spec, slots=self.line, changing=here.changing,
                      executor=self, build=build)

    def actor(self, run: RayRun):
        """(an actor for the run, its build's number, what its `build` answers, whether it was a spare): a spare of
        the run's kind, else a new actor."""
        with self._lock:
            spare = next((found for found in reversed(self._spares) if found[1] == run.gpu), None)
            if spare is not None:
                self._spares.remove(spare)
        actor = spare[0] if spare is not None else self._remote.options(
            name=f"{self.prefix}{next(self._names)}", namespace=NAMESPACE, max_concurrency=CONCURRENCY,
            num_cpus=0 if run.gpu else 1, num_gpus=1 if run.gpu else 0).remote()
        number = next(self._builds)
        return actor, number, actor.build.remote(number, run.build, run.spec, _log_folder(run)), spare is not None

    def spare(self, actor, gpu: bool) -> None:
        """Keep a replaced run's idle actor for the next run, unless a run of this server waits for a worker."""
        with self._lock:
            self._spares.append((actor, gpu, time.monotonic()))
        self._end_spares()

    def _end_spares(self) -> None:
        """End the spares that waited SPARE_SECONDS, those over SPARES, and those whose CPU (GPU) a run of this
        server waits for."""
        if not self._spares:
            return
        waiting = self.line.kinds_waiting()
        free = ray.available_resources() if waiting else {}
        now = time.monotonic()
        with self._lock:
            kept = [(actor, gpu, since) for actor, gpu, since in self._spares if now - since < SPARE_SECONDS
                    and not (gpu in waiting and free.get("GPU" if gpu else "CPU", 0) < 1)][-SPARES:]
            ended = [spare for spare in self._spares if spare not in kept]
            self._spares = kept
        for actor, _, _ in ended:
            ray.kill(actor)

    def watch(self, run: RayRun) -> None:
        """End the run's actor within seconds of its session ending (Run.alive), and the spares no run took,
        checked by one thread."""
        self._watched.add(run)
        if self._watcher is None:
            self._watcher = threading.Thread(target=self._watch, name="dl-classroom-ray-watch", daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        while True:
            time.sleep(ALIVE_CHECK_SECONDS)
            for run in list(self._watched):
                if run.actor is not None and not run.alive():
                    run.release()
                    self._watched.discard(run)
            self._end_spares()
