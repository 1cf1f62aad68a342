"""Transfer learning (seed 002's 使用现有网络模型及修改): a torchvision network trained on ImageNet, its last layer
replaced for the ants and bees, trained beside the same network from random weights on the same batches.

The pretrained weights are torchvision's own files, found local-first (`find_weights`) or downloaded
(`download_weights`).  "Train the last layer only" freezes the rest: the frozen network then gives each image the
same features every epoch, so they are computed once (and kept for the server, `FEATURES`) and the new last layer
trains on them.  "Fine-tune everything" trains the whole network on augmented images.

One step of the comparison's Trainer is one batch of one of the networks (they take turns on the same batch), so
Pause and Stop act within an epoch; each epoch ends with both networks' validation loss, accuracy and answers.
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import plotly.graph_objects as go
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import models, transforms

from dlcore.lectures.classifiers import figures as image_figures
from dlcore.engine.checkpoints import WeightsError, load_weights
from dlcore.engine.metrics import evaluating, fixed_subset
from dlcore.engine.data import ByteProgress, ChecksumError, data_roots, download, writable_root
from dlcore.engine.figures import BLUE, GREY, VERMILLION, new_figure
from dlcore.datasets.folders import read_image_folder
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate, optimizer
from dlcore.engine.side_by_side import Lane, SideBySide, side_by_side_trainer
from dlcore.text import translate
from dlcore.engine.training import make_optimizer, supervised_step


@dataclass(frozen=True)
class Network:
    """A torchvision network, its ImageNet weights, and where its last layer is (a get_submodule path)."""

    build: Callable[..., nn.Module]
    weights: models.WeightsEnum
    head: str

    @property
    def file_name(self) -> str:
        """torchvision's file name for the weights (the end of their URL): resnet18-f37072fd.pth."""
        return self.weights.url.rsplit("/", 1)[-1]

    @property
    def megabytes(self) -> float:
        return self.weights.meta["_file_size"]


NETWORKS = {
    "resnet18": Network(models.resnet18, models.ResNet18_Weights.IMAGENET1K_V1, "fc"),
    "vgg16": Network(models.vgg16, models.VGG16_Weights.IMAGENET1K_V1, "classifier.6"),  # as in the notes
}
MODES = ("last", "finetune")
IMAGE_SIZES = (224, 160, 112)
GRID_IMAGES = 16

SETTINGS = Settings(
    Setting("model", "resnet18", "transfer.model", widget="select", options=tuple(NETWORKS), format="transfer.model"),
    Setting("mode", "last", "transfer.mode", widget="select", options=MODES, format="transfer.mode"),
    Setting("image_size", 224, "transfer.image_size", widget="select", options=IMAGE_SIZES, format="transfer.size"),
    learning_rate(0.001),
    epochs(10, high=50),
    Setting("batch_size", 4, "transfer.batch_size", widget="select", options=(4, 8, 16, 32, 64)),
    optimizer("SGD", options=("SGD", "Adam")),
    Setting("momentum", 0.9, "softmax.momentum", widget="number", low=0.0, high=0.99, step=0.1,
            enabled=lambda values: values.get("optimizer") == "SGD"),
    Setting("compare", True, "transfer.compare", widget="checkbox"),
)
"""PyTorch's transfer-learning tutorial on this very folder: SGD lr 0.001 momentum 0.9, batches of 4, 224-pixel
crops; the last layer only (its "ConvNet as fixed feature extractor"), 10 epochs (it trains 25)."""


# -- the weights ------------------------------------------------------------------------------------------------

def weights_folders(root: Path | None = None) -> list[Path]:
    """Where a weights file is looked for, in order: weights/ in the data directory and the cache folder, torch
    hub's layout there (hub/checkpoints/), then torch hub's own folder ($TORCH_HOME/hub/checkpoints)."""
    bases = data_roots(root)
    folders = [base / "weights" for base in bases] + [base / "hub" / "checkpoints" for base in bases]
    return list(dict.fromkeys(folders + [Path(torch.hub.get_dir()) / "checkpoints"]))


def find_weights(network: Network, root: Path | None = None) -> Path | None:
    """The network's ImageNet weights file (torchvision's name) in the first folder that has it, or None."""
    return next((folder / network.file_name for folder in weights_folders(root)
                 if (folder / network.file_name).is_file()), None)


def download_weights(network: Network, root: Path | None = None, progress: ByteProgress | None = None) -> Path:
    """torchvision's file into weights/ of the first writable data folder, its sha256 checked against the prefix
    in its name (as torch hub does); the path, or OSError / ChecksumError (nothing is left behind)."""
    base = writable_root(root)
    if base is None:
        raise OSError(f"no folder to write into among {[str(b) for b in data_roots(root)]}")
    path = download(network.weights.url, base / "weights" / network.file_name, progress=progress)
    try:
        check_weights(network, path)
    except ChecksumError:
        path.unlink()
        raise
    return path


def check_weights(network: Network, path: Path) -> None:
    """Raise ChecksumError unless the file's sha256 starts with the prefix in torchvision's file name (torch hub's
    check)."""
    prefix = network.file_name.rsplit("-", 1)[-1].split(".")[0]
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    if not digest.startswith(prefix):
        raise ChecksumError(f"sha256 {digest[:8]}… is not {prefix}…")


def transfer_network(name: str, classes: int, weights: Path | None, mode: str, seed: int = 0) -> nn.Module:
    """The network with the weights file loaded (None: random weights), its last layer replaced by a new one for
    `classes` classes, and everything else frozen when only the last layer trains ("last").  A file that is not
    the network's weights raises dlcore.engine.checkpoints.WeightsError and changes nothing else."""
    network = NETWORKS[name]
    torch.manual_seed(seed)
    model = network.build()  # weights=None: torchvision would download them
    if weights is not None:
        load_weights(model, Path(weights).read_bytes())
    for parameter in model.parameters():
        parameter.requires_grad = mode == "finetune"
    old = model.get_submodule(network.head)
    parent, _, last = network.head.rpartition(".")
    setattr(model.get_submodule(parent), last, nn.Linear(old.in_features, classes))  # new: it trains
    return model


def head(model: nn.Module, name: str) -> nn.Module:
    return model.get_submodule(NETWORKS[name].head)


def weights_problem(name: str, weights: Path) -> WeightsError | None:
    """Why the file cannot be the network's ImageNet weights (None: it can), found by loading it into one."""
    try:
        load_weights(NETWORKS[name].build(), Path(weights).read_bytes())
    except WeightsError as error:
        return error
    return None


def replaced_layer(name: str, classes: int, mode: str) -> dict:
    """What replacing the last layer changes: its path, the old and new layer, and the parameters that train."""
    model = transfer_network(name, classes, None, mode)
    new = head(model, name)
    old = nn.Linear(new.in_features, len(NETWORKS[name].weights.meta["categories"]), device="meta")
    return {"path": NETWORKS[name].head, "old": repr(old), "new": repr(new),
            "trainable": sum(p.numel() for p in model.parameters() if p.requires_grad),
            "total": sum(p.numel() for p in model.parameters())}


# -- the images and their features --------------------------------------------------------------------------------

IMAGENET_MEAN, IMAGENET_STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def eval_transform(size: int = 224):
    """What the network saw on ImageNet: Resize 256 → CenterCrop 224 (scaled for a smaller size) → Normalize."""
    return transforms.Compose([transforms.Resize(round(size * 256 / 224)), transforms.CenterCrop(size),
                               transforms.ToTensor(), transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD)])


def train_transform(size: int = 224):
    """The usual augmentation for fine-tuning: a random crop of random size and shape, flipped half of the time."""
    return transforms.Compose([transforms.RandomResizedCrop(size), transforms.RandomHorizontalFlip(),
                               transforms.ToTensor(), transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD)])


def pictures(x: torch.Tensor) -> torch.Tensor:
    """Normalized images back in [0, 1], to be shown."""
    mean, std = (torch.tensor(v, device=x.device).view(1, 3, 1, 1) for v in (IMAGENET_MEAN, IMAGENET_STD))
    return (x * std + mean).clamp(0, 1)


class Kept:
    """What is costly to make, kept for the whole server by key (at most `limit` items, the oldest dropped first);
    threads asking for the same key wait for one to make it."""

    def __init__(self, limit: int):
        self.limit, self.items, self.lock = limit, OrderedDict(), threading.Lock()
        self._making: dict[tuple, threading.Lock] = {}

    def get(self, key: tuple, make: Callable[[], object]):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self.lock:
                if key in self.items:
                    return self.items[key]
            value = make()
            with self.lock:
                self.items[key] = value
                self._making.pop(key, None)
                while len(self.items) > self.limit:
                    self.items.popitem(last=False)
        return value

    def __contains__(self, key: tuple) -> bool:
        return key in self.items


IMAGES, FEATURES = Kept(4), Kept(16)
"""A split's images at the eval transform (153 validation images at 224 px: 92 MB), and the frozen networks'
features (per network, weights, image size and split: 0.3 MB for ResNet-18's 244 training images)."""


def split_images(folder: Path, split: str, size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(images, labels) of a split at the eval transform, read once per server and size."""
    def read():
        dataset = read_image_folder(Path(folder) / split, eval_transform(size)).dataset
        x, y = zip(*(dataset[index] for index in range(len(dataset))))
        return torch.stack(x), torch.tensor(y)
    return IMAGES.get((str(folder), split, size), read)


def features(model: nn.Module, name: str, x: torch.Tensor, batch_size: int = 32,
             progress: Callable[[int], None] | None = None) -> torch.Tensor:
    """What the network's last layer receives for each image: the network run with its last layer swapped for
    nn.Identity, in eval mode (BatchNorm with its ImageNet statistics, Dropout off), so every epoch would get the
    same.  progress(n) after each batch of n images."""
    network = NETWORKS[name]
    parent, _, last = network.head.rpartition(".")
    owner, kept = model.get_submodule(parent), model.get_submodule(network.head)
    device = next(model.parameters()).device
    setattr(owner, last, nn.Identity())
    try:
        with evaluating(model):
            chunks = []
            for start in range(0, len(x), batch_size):
                chunks.append(model(x[start : start + batch_size].to(device)))
                if progress is not None:
                    progress(len(chunks[-1]))
            return torch.cat(chunks)
    finally:
        setattr(owner, last, kept)


def weights_key(weights: Path | None, seed: int) -> tuple:
    """What identifies a network's weights for the feature cache: the file as it is now, or the seed of random ones."""
    if weights is None:
        return ("random", seed)
    stat = Path(weights).stat()
    return (str(weights), stat.st_mtime_ns, stat.st_size)


# -- the comparison ---------------------------------------------------------------------------------------------

class Learner:
    """One network of the comparison: what trains (the new last layer on features, or the whole network), its
    optimizer and step, and its answers on the validation images after each epoch."""

    def __init__(self, model: nn.Module, name: str, weights: Path | None, values, device):
        self.model, self.weights = model.to(device), weights
        self.trained = head(model, name) if values["mode"] == "last" else model
        self.optimizer = make_optimizer(values["optimizer"], [p for p in model.parameters() if p.requires_grad],
                                        values["lr"], values["momentum"])
        self.step = supervised_step(self.trained, nn.CrossEntropyLoss(), self.optimizer)
        self.inputs: dict[str, torch.Tensor] = {}  # per split: the features (last layer only) or images it sees
        self.probabilities: list[torch.Tensor] = []  # per epoch: (validation images, classes) on the CPU


class Comparison(SideBySide):
    """The network from ImageNet weights and the same network from random weights (when asked, or when there are
    no weights), side by side (dlcore.engine.side_by_side): each step trains both on the same training images."""

    def __init__(self, folder: Path, values, weights: Path | None, device, seed: int = 0):
        self.folder, self.values, self.device, self.seed = Path(folder), values, torch.device(device), seed
        self.name, self.mode, self.size = values["model"], values["mode"], values["image_size"]
        self.train = read_image_folder(self.folder / "train", train_transform(self.size))
        self.classes = self.train.classes
        sources = {"pretrained": weights} if weights is not None else {}
        if values["compare"] or weights is None:
            sources["random"] = None
        started = time.perf_counter()
        self.learners = {learner: Learner(transfer_network(self.name, len(self.classes), path, self.mode, seed),
                                          self.name, path, values, device) for learner, path in sources.items()}
        self.load_seconds = time.perf_counter() - started  # building the networks and reading the weights
        self.feature_seconds: dict[str, float] = {}  # per learner: computing its features (0: kept from before)
        self.preparing: tuple[int, int] | None = None  # (images done, images to do) while features are made
        self.val_x = self.val_y = None
        self.prepared = False
        self.interrupted: Callable[[], bool] = lambda: False  # the trainer's, once made
        self.sample = None  # the validation images the grid shows
        self.epoch, self.epoch_started = 0, 0.0  # epochs begun, and when the last began (after prepare)
        super().__init__({learner: Lane(self._step_of(part), evaluate=self._measure_of(part), model=part.trained,
                                        optimizer=part.optimizer) for learner, part in self.learners.items()},
                         self.training_batches)

    @property
    def trained(self) -> nn.Module:
        """What the run trains: the new last layers (the whole networks are too big to snapshot every epoch)."""
        return nn.ModuleDict({learner: part.trained for learner, part in self.learners.items()}) \
            if self.mode == "last" else None

    def prepare(self) -> bool:
        """Before the first epoch, in the worker: the validation images, and for the last layer only each frozen
        network's features of both splits (computed once per server; the frozen networks are let go after).
        False when a stop or pause came first (nothing half-made is kept; the next epoch prepares again)."""
        self.val_x, self.val_y = split_images(self.folder, "val", self.size)
        self.sample = fixed_subset(len(self.val_y), GRID_IMAGES, self.seed)
        if self.mode == "finetune":
            for part in self.learners.values():
                part.inputs["val"] = self.val_x
            return True
        self.preparing = (0, len(self.learners) * (len(self.train) + len(self.val_y)))

        def report(n: int) -> None:
            if self.interrupted():
                raise _Interrupted
            self.preparing = (self.preparing[0] + n, self.preparing[1])

        try:
            for learner, part in self.learners.items():
                started = time.perf_counter()
                for split in ("train", "val"):
                    key = (self.name, weights_key(part.weights, self.seed), self.size, str(self.folder), split)
                    images = lambda: split_images(self.folder, split, self.size)[0]  # noqa: E731  (read only when needed)
                    part.inputs[split] = FEATURES.get(key, lambda: features(part.model, self.name, images(),
                                                                            progress=report).cpu()).to(self.device)
                self.feature_seconds[learner] = time.perf_counter() - started
                part.model = None  # only its new last layer trains from here
        except _Interrupted:
            return False
        finally:
            self.preparing = None
        return True

    def batches(self):
        """One epoch, prepared first (no batch when a stop or pause came while the features were made)."""
        if not self.prepared:
            self.prepared = self.prepare()
            if not self.prepared:
                return iter(())
        self.epoch += 1
        self.epoch_started = time.perf_counter()
        return super().batches()

    def training_batches(self):
        """The training images of one epoch, shuffled, the same for every network: (images, labels) to fine-tune,
        (which images, labels) when each network's features of them are kept."""
        generator = torch.Generator().manual_seed(self.seed * 1000 + self.epoch)
        size = self.values["batch_size"]
        if self.mode == "finetune":
            for x, y in DataLoader(self.train.dataset, batch_size=size, shuffle=True, generator=generator):
                yield x.to(self.device), y.to(self.device)
            return
        labels = torch.tensor(self.train.dataset.targets, device=self.device)
        order = torch.randperm(len(labels), generator=generator).to(self.device)
        for start in range(0, len(labels), size):
            yield order[start : start + size], labels[order[start : start + size]]

    def _step_of(self, part: Learner) -> Callable:
        def step(batch) -> torch.Tensor:
            x, y = batch
            part.trained.train(self.mode == "finetune")  # frozen networks keep their BatchNorm statistics
            return part.step((x if self.mode == "finetune" else part.inputs["train"][x], y))
        return step

    def _measure_of(self, part: Learner) -> Callable[[], dict]:
        def measure() -> dict:
            """The network's loss, accuracy and answers on the validation images."""
            targets = self.val_y.to(self.device)
            with evaluating(part.trained):
                x = part.inputs["val"]
                scores = torch.cat([part.trained(x[start : start + 32].to(self.device)) for start in range(0, len(x), 32)])
            part.probabilities.append(torch.softmax(scores, dim=1).cpu())
            return {"val_loss": nn.functional.cross_entropy(scores, targets).item(),
                    "val_acc": (scores.argmax(1) == targets).float().mean().item()}
        return measure

    def evaluate(self) -> dict:
        """Each network's training loss over the epoch and its measures, and the epoch's seconds (every network's,
        features made)."""
        return {**super().evaluate(), "seconds": time.perf_counter() - self.epoch_started}


class _Interrupted(Exception):
    """A stop or pause came while features were being made."""


def comparison_run(folder: Path, values, weights: Path | None, device, seed: int = 0) -> Run:
    comparison = Comparison(folder, values, weights, device, seed)
    trainer = side_by_side_trainer(comparison, max(values["epochs"], 1), shared_rate=True)
    comparison.interrupted = lambda: trainer.interrupted
    return Run(trainer, model=comparison.trained, extras={"comparison": comparison}, device=str(device))


# -- the charts ---------------------------------------------------------------------------------------------------

COLOURS = {"pretrained": BLUE, "random": VERMILLION}


def learner_names(comparison: Comparison, lang: str) -> dict[str, str]:
    return {learner: translate(f"transfer.learner.{learner}", lang, model=translate(f"transfer.model.{comparison.name}", lang))
            for learner in comparison.learners}


def loss_chart(history, names: dict[str, str], lang: str = "en") -> go.Figure:
    """Each network's training loss (solid) and validation loss (dashed) per epoch."""
    epochs = history.series("epoch")
    traces = [{"type": "scatter", "x": epochs, "y": history.series(f"{learner}:{metric}"), "mode": "lines+markers",
               "name": f"{name} · {translate(f'transfer.{metric}', lang)}",
               "line": {"color": COLOURS[learner], "width": 2, "dash": "dash" if metric == "val_loss" else "solid"}}
              for learner, name in names.items() for metric in ("loss", "val_loss")]
    return new_figure(translate("transfer.loss_title", lang), translate("chart.epoch", lang),
                      translate("chart.loss", lang), traces, legend={"orientation": "h", "y": -0.25})


def accuracy_chart(history, names: dict[str, str], majority: float, lang: str = "en") -> go.Figure:
    """Each network's validation accuracy per epoch, over the share of the commoner class (answering it always)."""
    epochs = history.series("epoch")
    traces = [{"type": "scatter", "x": epochs, "y": history.series(f"{learner}:val_acc"), "mode": "lines+markers",
               "name": name, "line": {"color": COLOURS[learner], "width": 3}} for learner, name in names.items()]
    traces.append({"type": "scatter", "x": [1, max(len(epochs), 1)], "y": [majority] * 2, "mode": "lines",
                   "name": translate("transfer.majority", lang, share=100 * majority),
                   "line": {"color": GREY, "dash": "dot", "width": 2}})
    fig = new_figure(translate("transfer.accuracy_title", lang), translate("chart.epoch", lang),
                     translate("imgfig.accuracy", lang), traces, legend={"orientation": "h", "y": -0.25},
                     yaxis={"range": [0.3, 1.02]})
    return image_figures.percent_axis(fig)


def answers_grid(comparison: Comparison, learner: str, epoch: int, name: str, lang: str = "en") -> go.Figure:
    """The shown validation images with what the network answered after `epoch` and how sure it was."""
    probabilities = comparison.learners[learner].probabilities[epoch - 1][comparison.sample]
    confidence, predicted = probabilities.max(dim=1)
    fig = image_figures.image_grid(pictures(comparison.val_x[comparison.sample]), predicted,
                                   comparison.val_y[comparison.sample], comparison.classes, lang,
                                   confidence=confidence, tile=80)
    return fig.update_layout(title={"text": translate("transfer.grid_title", lang, name=name, epoch=epoch)})
