"""Image data sets as tensors: MNIST, Fashion-MNIST and CIFAR-10, with scikit-learn's digits as a fallback.

Where the files come from, in order:
  1. the data directory or the cache folder (`dlcore.engine.data.data_roots`), in torchvision's layout
     (MNIST/raw/*.gz, FashionMNIST/raw/*.gz, cifar-10-batches-py/);
  2. the official download (`dlcore.engine.data.download`: torchvision's mirrors and md5s, with
     progress), into the first of those folders that is writable;
  3. otherwise `DataUnavailable`, whose message names the files and the folder to put them in.

The files are read by torchvision's own classes (`torchvision.datasets.MNIST`,
`FashionMNIST`, `CIFAR10`, with download=False).  MNIST's .gz files are decompressed
into a temporary folder for them, never next to the originals, so a read-only data
directory works.  The lecture's transform (ToTensor, then Normalize(mean, std)) is
applied once to the whole set: a training loop only slices the tensors.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Callable

import torch
from torchvision import datasets
from torchvision.datasets.utils import extract_archive

from dlcore.engine.devices import Movable
from dlcore.engine.data import PREPARE_COMMAND, data_dir, data_roots, offline, writable_root
from dlcore.engine.data import download as fetch  # `download` is load_images's flag
from dlcore.text import STRINGS, translate
from dlcore.engine.errors import Explained

Progress = Callable[[float], None]
"""Called with the fraction of a download done, from 0 to 1."""

DIGIT_CLASSES = [str(digit) for digit in range(10)]
FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
CIFAR_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


@dataclass(frozen=True)
class Download:
    file: str
    md5: str
    size: int  # bytes, to weigh the progress of several files


@dataclass(frozen=True)
class DataSetSpec:
    """Where a data set's files live, where to download them, and its published statistics."""

    title: str
    dataset: type  # the torchvision class that reads it
    folder: str  # inside the data directory, as torchvision lays it out
    files: tuple[str, ...]  # the files the loader reads
    downloads: tuple[Download, ...]
    mirrors: tuple[str, ...]
    classes: tuple[str, ...]
    mean: tuple[float, ...]
    std: tuple[float, ...]


def _idx_spec(title: str, dataset: type, sizes: tuple[int, ...], classes, mean, std) -> DataSetSpec:
    """An MNIST-like set: its files, md5s and mirrors are torchvision's (`dataset.resources`, `dataset.mirrors`)."""
    return DataSetSpec(title, dataset, f"{dataset.__name__}/raw", tuple(file for file, _ in dataset.resources),
                       tuple(Download(file, md5, size) for (file, md5), size in zip(dataset.resources, sizes)),
                       tuple(dataset.mirrors), tuple(classes), mean, std)


_CIFAR = datasets.CIFAR10
SPECS = {
    "mnist": _idx_spec("MNIST", datasets.MNIST, (9912422, 28881, 1648877, 4542), DIGIT_CLASSES, (0.1307,), (0.3081,)),
    "fashion_mnist": _idx_spec("Fashion-MNIST", datasets.FashionMNIST, (26421880, 29515, 4422102, 5148),
                               FASHION_CLASSES, (0.0,), (1.0,)),  # plain ToTensor, as d2l (whose numbers the notes quote)
    "cifar10": DataSetSpec(
        "CIFAR-10", _CIFAR, _CIFAR.base_folder,
        tuple(file for file, _ in _CIFAR.train_list + _CIFAR.test_list) + (_CIFAR.meta["filename"],),
        (Download(_CIFAR.filename, _CIFAR.tgz_md5, 170498071),), (_CIFAR.url.removesuffix(_CIFAR.filename),),
        tuple(CIFAR_CLASSES), (0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
}
NAMES = (*SPECS, "digits")


class DataUnavailable(Explained):
    """A data set that could not be read or fetched; `key` names the message, `values` fill it in."""

    def __str__(self) -> str:
        return translate(self.key, "en", **self.values)


@dataclass
class ImageData(Movable):
    """A data set as tensors: x is (N, C, H, W) float32, normalized with (mean, std); y is int64."""

    name: str  # "mnist" | "fashion_mnist" | "cifar10" | "digits"
    train_x: torch.Tensor
    train_y: torch.Tensor
    test_x: torch.Tensor
    test_y: torch.Tensor
    classes: list[str]
    mean: tuple[float, ...]
    std: tuple[float, ...]
    source: str  # "local" | "download" | "fallback"
    unavailable: DataUnavailable | None = None  # for the fallback: why the requested set could not be had

    @property
    def shape(self) -> tuple[int, int, int]:
        """(C, H, W) of one image."""
        return tuple(self.train_x.shape[1:])

    @property
    def device(self) -> torch.device:
        return self.train_x.device


def _present(folder: Path, file: str) -> Path | None:
    """The file, or its uncompressed twin that torchvision leaves beside the .gz."""
    for candidate in (folder / file, folder / file.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    return None


def find_local(name: str, root: Path | None = None) -> Path | None:
    """The folder holding all of a data set's files, searched in the data directory then the cache."""
    spec = SPECS[name]
    for base in data_roots(root):
        folder = base / spec.folder
        if all(_present(folder, file) for file in spec.files):
            return folder
    return None


# ---------------------------------------------------------------- reading the files with torchvision

READ_ERRORS = (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, RuntimeError, AssertionError)
"""What torchvision's readers raise on a damaged file."""


def normalized(pixels: torch.Tensor, mean, std) -> torch.Tensor:
    """ToTensor then Normalize, on a whole set at once: uint8 (N, H, W) or (N, C, H, W) -> float32 (N, C, H, W)."""
    x = torch.as_tensor(pixels).to(torch.float32, memory_format=torch.contiguous_format)
    if x.dim() == 3:
        x = x.unsqueeze(1)
    shape = (1, -1, 1, 1)
    return x.div_(255).sub_(torch.tensor(mean).view(shape)).div_(torch.tensor(std).view(shape))


def _read_split(name: str, root: Path, train: bool, files: list[Path]) -> tuple[torch.Tensor, torch.Tensor]:
    """One split read by the torchvision class, as (uint8 images (N, [C,] H, W), int64 labels); files name it in errors."""
    try:
        split = SPECS[name].dataset(root, train=train, download=False)
        images = torch.as_tensor(split.data)
        labels = torch.as_tensor(split.targets, dtype=torch.int64)
        if len(images) != len(labels):
            raise ValueError(f"{len(images)} images but {len(labels)} labels")
    except READ_ERRORS as error:
        raise DataUnavailable("images.corrupt", file=", ".join(map(str, files)), error=str(error) or repr(error)) from None
    return (images.permute(0, 3, 1, 2) if images.dim() == 4 else images), labels  # CIFAR10 keeps HWC: back to CHW


def _read_idx_set(name: str, folder: Path) -> tuple[torch.Tensor, ...]:
    """MNIST or Fashion-MNIST: torchvision's class reads uncompressed files, so the .gz ones are decompressed
    (torchvision's extract_archive) into a temporary folder in its layout; the others are linked there."""
    spec = SPECS[name]
    files = [_present(folder, file) for file in spec.files]
    with tempfile.TemporaryDirectory(prefix="dl-classroom-") as temporary:
        raw = Path(temporary) / spec.folder
        raw.mkdir(parents=True)
        for file in files:
            if file.suffix == ".gz":
                try:
                    extract_archive(file, raw)
                except (OSError, EOFError) as error:  # gzip.BadGzipFile is an OSError
                    raise DataUnavailable("images.corrupt", file=str(file), error=str(error)) from None
            else:
                (raw / file.name).symlink_to(file.resolve())
        train = _read_split(name, Path(temporary), True, files[:2])
        test = _read_split(name, Path(temporary), False, files[2:])
    return (normalized(train[0], spec.mean, spec.std), train[1], normalized(test[0], spec.mean, spec.std), test[1])


def _read_cifar(folder: Path) -> tuple[torch.Tensor, ...]:
    """CIFAR-10's pickled batches, read by torchvision's CIFAR10, which unpickles them only when every md5 is
    the official one: a file from anywhere else is refused, never run."""
    spec = SPECS["cifar10"]
    train = _read_split("cifar10", folder.parent, True, [folder])
    test = _read_split("cifar10", folder.parent, False, [folder])
    return (normalized(train[0], spec.mean, spec.std), train[1], normalized(test[0], spec.mean, spec.std), test[1])


def read_local(name: str, folder: Path, source: str = "local") -> ImageData:
    spec = SPECS[name]
    tensors = _read_cifar(folder) if name == "cifar10" else _read_idx_set(name, folder)
    return ImageData(name, *tensors, classes=list(spec.classes), mean=spec.mean, std=spec.std, source=source)


# ---------------------------------------------------------------- downloading

def download_files(name: str, root: Path | None = None, progress: Progress | None = None,
                   mirrors: tuple[str, ...] | None = None) -> Path:
    """Fetch a data set from its official mirrors (torchvision's) into a writable folder; returns the data set's folder.

    Each file goes through `dlcore.engine.data.download` (md5 checked); progress gets the fraction of all files' bytes.
    """
    spec = SPECS[name]
    if offline():
        raise _unavailable(name, root, "images.offline", command=PREPARE_COMMAND.format(folder=data_roots(root)[0]))
    base = writable_root(root)
    if base is None:
        raise _unavailable(name, root, "images.no_writable_folder")
    folder = base / spec.folder
    target = folder.parent if name == "cifar10" else folder  # CIFAR's archive unpacks into its folder
    target.mkdir(parents=True, exist_ok=True)
    total, finished = sum(item.size for item in spec.downloads), 0

    def report(done: int, size: int | None) -> None:
        if progress is not None:
            progress(min((finished + done) / total, 1.0))

    for item in spec.downloads:
        errors = []
        for mirror in mirrors or spec.mirrors:
            try:
                fetch(mirror + item.file, target / item.file, item.md5, report)
                break
            except (OSError, ValueError) as error:  # URLError is an OSError; a wrong md5 a ChecksumError (ValueError)
                errors.append(f"{mirror}{item.file}: {error}")
        else:
            raise _unavailable(name, root, "images.download_failed", reason="; ".join(errors))
        finished += item.size
    if name == "cifar10":  # its md5 was checked: the official archive
        extract_archive(target / spec.downloads[0].file, target, remove_finished=True)
    if progress is not None:
        progress(1.0)
    return folder


def _unavailable(name: str, root: Path | None, key: str, **values) -> DataUnavailable:
    """The error naming the files a data set needs, the folder to put them in, and where to get them."""
    spec = SPECS[name]
    urls = " ".join(spec.mirrors[0] + item.file for item in spec.downloads)
    return DataUnavailable(key, title=spec.title, files=", ".join(spec.files),
                           folder=str(data_roots(root)[0] / spec.folder), urls=urls, **values)


# ---------------------------------------------------------------- the public entry points

def load_images(name: str, root: Path | None = None, download: bool = True,
                progress: Progress | None = None) -> ImageData:
    """A data set from the data directory, else downloaded (progress reported), else DataUnavailable."""
    if name == "digits":
        return load_digits()
    if name not in SPECS:
        raise ValueError(f"unknown data set {name!r}; choose one of {NAMES}")
    folder = find_local(name, root)
    if folder is not None:
        return read_local(name, folder)
    if not download:
        raise _unavailable(name, root, "images.unavailable")
    return read_local(name, download_files(name, root, progress), source="download")


def load_images_or_fallback(name: str, root: Path | None = None, download: bool = True,
                            progress: Progress | None = None) -> ImageData:
    """The data set, or scikit-learn's digits (with the reason in `.unavailable`) when it cannot be had."""
    try:
        return load_images(name, root, download, progress)
    except DataUnavailable as error:
        return replace(load_digits(), unavailable=error)


@cache
def cached_images(name: str, root: str, folder: str | None, device: str) -> ImageData:
    """A data set as tensors, once per process (the page's and every run's): keyed by where its files were found
    (None: not found, scikit-learn's digits instead)."""
    if device != "cpu":
        return cached_images(name, root, folder, "cpu").to(device)
    return load_images_or_fallback(name, root, download=False)


def local_images(name: str, device="cpu") -> ImageData:
    """The data set as the data directory has it now, on the device (the fallback when it lacks it): what a run
    built from its spec trains on, the same tensors as its page's."""
    root = data_dir()
    folder = find_local(name, root) if name in SPECS else None
    return cached_images(name, str(root), None if folder is None else str(folder), str(device))


def load_digits(test_fraction: float = 0.2) -> ImageData:
    """scikit-learn's 1,797 handwritten digits (8×8, shipped with the library), made MNIST-like.

    Each 8×8 image is scaled to 20×20 and centred in 28×28, as MNIST centres its
    digits; a fixed shuffle splits train and test.  Normalized with its own statistics.
    """
    from sklearn.datasets import load_digits as sklearn_digits

    digits = sklearn_digits()
    images = torch.from_numpy(digits.images).float().unsqueeze(1) / 16.0
    images = torch.nn.functional.interpolate(images, size=(20, 20), mode="bilinear", align_corners=False)
    images = torch.nn.functional.pad(images, (4, 4, 4, 4)).clamp_(0, 1)
    labels = torch.from_numpy(digits.target).long()
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(0))
    n_test = int(len(images) * test_fraction)
    test, train = order[:n_test], order[n_test:]
    mean, std = round(images[train].mean().item(), 4), round(images[train].std().item(), 4)
    x = (images - mean) / std
    return ImageData("digits", x[train], labels[train], x[test], labels[test], classes=list(DIGIT_CLASSES),
                     mean=(mean,), std=(std,), source="fallback")


def denormalize(x: torch.Tensor, data: ImageData) -> torch.Tensor:
    """Normalized images (N, C, H, W) back to pixel values in [0, 1], for display."""
    shape = (1, -1, 1, 1)
    mean = torch.tensor(data.mean, device=x.device).view(shape)
    std = torch.tensor(data.std, device=x.device).view(shape)
    return (x * std + mean).clamp(0, 1)


def class_names(data: ImageData, lang: str = "en") -> list[str]:
    """The class names in the page's language."""
    key = f"images.classes.{data.name}"
    return translate(key, lang).split("|") if key in STRINGS else list(data.classes)
