"""A run written for TensorBoard, as the notes do with `torch.utils.tensorboard.SummaryWriter`.

`TensorBoardLogger` is a training callback: the loss of every batch, every metric of every epoch and the
learning rate as scalars, the weights as histograms each epoch, the model's graph and (for images) the
first batch's pictures once.  Each run writes into a folder of its own under `runs/` in the data directory
(or the cache folder when that is read-only); `tensorboard --logdir <that runs/ folder>` shows them all.
The writer (and its thread) is open only while the run trains: a pause or the end closes it, and training
again opens the same folder, so TensorBoard shows one run.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import torch

from dlcore.engine.data import data_roots, writable_root
from dlcore.engine.training import Callback, Trainer

RUNS = "runs"
FLUSH_SECONDS = 2
"""How often the writer's thread writes its events to the file while a run trains (TensorBoard reads them live)."""
IMAGES = 16
"""How many pictures of the first batch are written."""
SKIPPED_METRICS = {"epoch", "batches"}


def runs_dir(root: Path | None = None) -> Path:
    """Where runs are written: the data directory's runs/ (or the cache folder's, when the data directory is
    read-only)."""
    base = writable_root(root) or data_roots(root)[0]
    return base / RUNS


def run_folder(name: str, root: Path | None = None) -> Path:
    """A new folder for one run: runs/<name>-<date>-<time>[-n]."""
    stem = re.sub(r"[^\w.-]+", "_", name) + time.strftime("-%Y%m%d-%H%M%S")
    folder, n = runs_dir(root) / stem, 1
    while folder.exists():
        n += 1
        folder = runs_dir(root) / f"{stem}-{n}"
    return folder


def _inputs(batch) -> torch.Tensor | None:
    """What a batch gives the model: its first tensor ((inputs, targets) in a supervised step), detached."""
    first = batch[0] if isinstance(batch, (tuple, list)) and batch else batch
    return first.detach() if torch.is_tensor(first) else None


def _as_pictures(batch: torch.Tensor) -> torch.Tensor | None:
    """The first images of a (B, 1 or 3, H, W) batch scaled to [0, 1] for add_images; None for other inputs."""
    if batch.dim() != 4 or batch.shape[1] not in (1, 3) or not batch.is_floating_point():
        return None
    pictures = batch[:IMAGES].detach().float().cpu()
    low, high = pictures.min(), pictures.max()
    return (pictures - low) / (high - low) if high > low else torch.zeros_like(pictures)


class TensorBoardLogger(Callback):
    """Writes a run for TensorBoard into `folder` (see the module's docstring)."""

    def __init__(self, folder: Path, model=None):
        self.folder = Path(folder)
        self.model = model
        self.writer = None
        self.example: torch.Tensor | None = None  # the first batch's inputs (for the graph and the pictures)
        self._graph_written = False

    # -- the events
    def on_train_start(self, trainer: Trainer) -> None:
        from torch.utils.tensorboard import SummaryWriter  # imports TensorBoard: only when a run is logged

        self.writer = SummaryWriter(log_dir=str(self.folder), flush_secs=FLUSH_SECONDS)

    def on_batch_end(self, trainer: Trainer) -> None:
        step = len(trainer.history.batch_loss)
        if self.example is None:
            self.example = _inputs(trainer.last_batch)
        self.writer.add_scalar("loss/batch", trainer.last_loss, step)
        if trainer.lr is not None:
            self.writer.add_scalar("lr", trainer.lr, step)

    def on_epoch_end(self, trainer: Trainer) -> None:
        metrics = trainer.history.epochs[-1]
        epoch = len(trainer.history.epochs)
        for name, value in metrics.items():
            if name not in SKIPPED_METRICS and isinstance(value, (int, float)):
                self.writer.add_scalar(f"epoch/{name}", value, epoch)
        for name, parameter in self._parameters():
            self.writer.add_histogram(name, parameter.detach().float().cpu(), epoch)
        if not self._graph_written and self.example is not None:
            self._graph_written = True
            self._write_graph_and_pictures()

    def on_exception(self, trainer: Trainer, error: Exception) -> None:
        self.writer.add_text("error", f"{type(error).__name__}: {error}", len(trainer.history.batch_loss))

    def on_train_end(self, trainer: Trainer) -> None:
        self.writer.close()  # its thread ends with it: a paused or ended run holds none
        self.writer = None

    # -- what is written
    def _parameters(self):
        if isinstance(self.model, torch.nn.Module):
            return list(self.model.named_parameters())
        return [("w", self.model)] if torch.is_tensor(self.model) else []

    def _write_graph_and_pictures(self) -> None:
        """The model's graph (traced in eval mode, the random state left as it was, so that the run trains exactly
        as it would unlogged) and the first batch's pictures; a model that cannot be traced gets a note instead."""
        model = self.model
        if isinstance(model, torch.nn.Module):
            training, cuda = model.training, [self.example.device] if self.example.device.type == "cuda" else []
            try:
                with torch.random.fork_rng(devices=cuda), torch.no_grad():
                    model.eval()
                    self.writer.add_graph(model, self.example)
            except Exception as error:  # e.g. a model that takes packed sequences, or inputs it does not trace with
                self.writer.add_text("graph", f"not traced: {type(error).__name__}: {error}")
            finally:
                model.train(training)
        pictures = _as_pictures(self.example)
        if pictures is not None:
            self.writer.add_images("inputs/first batch", pictures, 0)


def logger_of(trainer: Trainer) -> TensorBoardLogger | None:
    """The run's TensorBoard logger, when it is logged."""
    return next((callback for callback in trainer.callbacks if isinstance(callback, TensorBoardLogger)), None)
