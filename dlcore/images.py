"""Image data sets as tensors: MNIST, Fashion-MNIST and CIFAR-10, with scikit-learn's digits as a fallback.

Where the files come from, in order:
  1. the data directory (`dlcore.data.data_dir()`) or the cache folder, in torchvision's layout
     (MNIST/raw/*.gz, FashionMNIST/raw/*.gz, cifar-10-batches-py/);
  2. the official download, into the first of those folders that is writable;
  3. otherwise `DataUnavailable`, whose message names the files and the folder to put them in.

The files are parsed directly (IDX with gzip + NumPy, CIFAR's pickled batches), never
extracted next to the originals, so a read-only data directory works.  The lecture's
transform (ToTensor, then Normalize(mean, std)) is applied once to the whole set: a
training loop only slices the tensors.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import struct
import tarfile
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from dlcore.data import data_dir
from dlcore.text import STRINGS, translate

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
    folder: str  # inside the data directory, as torchvision lays it out
    files: tuple[str, ...]  # the files the loader reads
    downloads: tuple[Download, ...]
    mirrors: tuple[str, ...]
    classes: tuple[str, ...]
    mean: tuple[float, ...]
    std: tuple[float, ...]


SPECS = {
    "mnist": DataSetSpec(
        "MNIST", "MNIST/raw",
        ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
        (Download("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873", 9912422),
         Download("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432", 28881),
         Download("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3", 1648877),
         Download("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c", 4542)),
        ("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
        tuple(DIGIT_CLASSES), (0.1307,), (0.3081,)),
    "fashion_mnist": DataSetSpec(
        "Fashion-MNIST", "FashionMNIST/raw",
        ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
        (Download("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d", 26421880),
         Download("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe", 29515),
         Download("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79", 4422102),
         Download("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310", 5148)),
        ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",),
        tuple(FASHION_CLASSES), (0.0,), (1.0,)),  # plain ToTensor, as d2l (whose numbers the notes quote)
    "cifar10": DataSetSpec(
        "CIFAR-10", "cifar-10-batches-py",
        ("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"),
        (Download("cifar-10-python.tar.gz", "c58f30108f718f92721af3b95e74349a", 170498071),),
        ("https://www.cs.toronto.edu/~kriz/",),
        tuple(CIFAR_CLASSES), (0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
}
NAMES = (*SPECS, "digits")


class DataUnavailable(Exception):
    """A data set that could not be read or fetched; `key` names the message, `values` fill it in."""

    def __init__(self, key: str, **values):
        super().__init__(translate(key, "en", **values))
        self.key, self.values = key, values


@dataclass
class ImageData:
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

    def to(self, device) -> "ImageData":
        """The same data on another device (the same tensors when already there)."""
        return replace(self, **{name: getattr(self, name).to(device) for name in ("train_x", "train_y", "test_x", "test_y")})

    @property
    def shape(self) -> tuple[int, int, int]:
        """(C, H, W) of one image."""
        return tuple(self.train_x.shape[1:])

    @property
    def device(self) -> torch.device:
        return self.train_x.device


def cache_dir() -> Path:
    """The writable folder downloads go to when the data directory is read-only."""
    return Path.home() / ".cache" / "dl-classroom"


def search_roots(root: Path | None = None) -> list[Path]:
    roots = [Path(root) if root is not None else data_dir(), cache_dir()]
    return list(dict.fromkeys(roots))


def _present(folder: Path, file: str) -> Path | None:
    """The file, or its uncompressed twin that torchvision leaves beside the .gz."""
    for candidate in (folder / file, folder / file.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    return None


def find_local(name: str, root: Path | None = None) -> Path | None:
    """The folder holding all of a data set's files, searched in the data directory then the cache."""
    spec = SPECS[name]
    for base in search_roots(root):
        folder = base / spec.folder
        if all(_present(folder, file) for file in spec.files):
            return folder
    return None


def _writable(folder: Path) -> bool:
    """Whether downloads may go into folder: it exists (or can be made) and its permissions allow writing.

    The permission bits are read too, because root may write even into a folder marked read-only.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return bool(folder.stat().st_mode & 0o222) and os.access(folder, os.W_OK)


def download_root(root: Path | None = None) -> Path | None:
    """The first searched folder a download can be written into."""
    return next((base for base in search_roots(root) if _writable(base)), None)


# ---------------------------------------------------------------- reading the files

def read_idx(path: Path) -> np.ndarray:
    """An IDX file (MNIST's format; gzip-compressed or not) as a uint8 array of its shape."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as file:
            data = bytearray(file.read())
        if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
            raise ValueError("not an IDX file of unsigned bytes")
        ndim = data[3]
        shape = struct.unpack(f">{ndim}I", data[4 : 4 + 4 * ndim])
        return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)
    except (OSError, EOFError, ValueError, struct.error) as error:
        raise DataUnavailable("images.corrupt", file=str(path), error=str(error)) from None


def read_cifar_batch(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """One of CIFAR-10's pickled batches: images (N, 3, 32, 32) uint8 and labels (N,).

    The batches are Python pickles (the official format, read the way torchvision reads
    them): only open files from the official source.
    """
    try:
        with open(path, "rb") as file:
            batch = pickle.load(file, encoding="bytes")
        images = np.asarray(batch[b"data"], dtype=np.uint8).reshape(-1, 3, 32, 32)
        labels = np.asarray(batch[b"labels"], dtype=np.int64)
        if len(labels) != len(images):
            raise ValueError(f"{len(images)} images but {len(labels)} labels")
        return images, labels
    except (OSError, EOFError, KeyError, TypeError, ValueError, pickle.UnpicklingError) as error:
        raise DataUnavailable("images.corrupt", file=str(path), error=str(error)) from None


def normalized(pixels: np.ndarray, mean, std) -> torch.Tensor:
    """ToTensor then Normalize, on a whole set at once: uint8 (N, H, W) or (N, C, H, W) -> float32 (N, C, H, W)."""
    x = torch.from_numpy(pixels).to(torch.float32)
    if x.dim() == 3:
        x = x.unsqueeze(1)
    shape = (1, -1, 1, 1)
    return x.div_(255).sub_(torch.tensor(mean).view(shape)).div_(torch.tensor(std).view(shape))


def _labels(array: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.asarray(array, dtype=np.int64))


def _read_idx_set(name: str, folder: Path) -> tuple[torch.Tensor, ...]:
    spec = SPECS[name]
    train_images, train_labels, test_images, test_labels = (read_idx(_present(folder, file)) for file in spec.files)
    for images, labels in ((train_images, train_labels), (test_images, test_labels)):
        if images.ndim != 3 or len(images) != len(labels):
            raise DataUnavailable("images.corrupt", file=str(folder),
                                  error=f"{images.shape[0]} images but {len(labels)} labels")
    return (normalized(train_images, spec.mean, spec.std), _labels(train_labels),
            normalized(test_images, spec.mean, spec.std), _labels(test_labels))


def _read_cifar(folder: Path) -> tuple[torch.Tensor, ...]:
    spec = SPECS["cifar10"]
    batches = [read_cifar_batch(folder / file) for file in spec.files]
    train_images = np.concatenate([images for images, _ in batches[:-1]])
    train_labels = np.concatenate([labels for _, labels in batches[:-1]])
    test_images, test_labels = batches[-1]
    return (normalized(train_images, spec.mean, spec.std), _labels(train_labels),
            normalized(test_images, spec.mean, spec.std), _labels(test_labels))


def read_local(name: str, folder: Path, source: str = "local") -> ImageData:
    spec = SPECS[name]
    tensors = _read_cifar(folder) if name == "cifar10" else _read_idx_set(name, folder)
    return ImageData(name, *tensors, classes=list(spec.classes), mean=spec.mean, std=spec.std, source=source)


# ---------------------------------------------------------------- downloading

def _fetch(url: str, destination: Path, md5: str, on_bytes: Callable[[int], None]) -> None:
    """Download url to destination (through a .part file), checking its md5."""
    partial = destination.with_name(destination.name + ".part")
    digest = hashlib.md5()
    try:
        with urllib.request.urlopen(url, timeout=30) as response, open(partial, "wb") as out:
            while chunk := response.read(1 << 16):
                out.write(chunk)
                digest.update(chunk)
                on_bytes(len(chunk))
        if digest.hexdigest() != md5:
            raise ValueError(f"md5 {digest.hexdigest()} is not {md5}")
        partial.replace(destination)
    finally:
        partial.unlink(missing_ok=True)


def download_files(name: str, root: Path | None = None, progress: Progress | None = None,
                   mirrors: tuple[str, ...] | None = None) -> Path:
    """Fetch a data set from its official mirrors into a writable folder; returns the data set's folder."""
    spec = SPECS[name]
    base = download_root(root)
    if base is None:
        raise _unavailable(name, root, "images.no_writable_folder")
    folder = base / spec.folder
    target = folder.parent if name == "cifar10" else folder  # CIFAR's archive unpacks into its folder
    target.mkdir(parents=True, exist_ok=True)
    total, done = sum(item.size for item in spec.downloads), 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(min(done / total, 1.0))

    for item in spec.downloads:
        errors = []
        for mirror in mirrors or spec.mirrors:
            started = done
            try:
                _fetch(mirror + item.file, target / item.file, item.md5, advance)
                break
            except (OSError, ValueError) as error:
                done = started
                errors.append(f"{mirror}{item.file}: {error}")
        else:
            raise _unavailable(name, root, "images.download_failed", reason="; ".join(errors))
    if name == "cifar10":
        archive = target / spec.downloads[0].file
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(target, filter="data")
        archive.unlink()
    if progress is not None:
        progress(1.0)
    return folder


def _unavailable(name: str, root: Path | None, key: str, **values) -> DataUnavailable:
    """The error naming the files a data set needs, the folder to put them in, and where to get them."""
    spec = SPECS[name]
    urls = " ".join(spec.mirrors[0] + item.file for item in spec.downloads)
    return DataUnavailable(key, title=spec.title, files=", ".join(spec.files),
                           folder=str(search_roots(root)[0] / spec.folder), urls=urls, **values)


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


# ---------------------------------------------------------------- a drawing as an MNIST image

INK_THRESHOLD = 0.1
"""Pixels fainter than this (0-1) count as empty canvas."""


def drawing_ink(rgba: np.ndarray) -> np.ndarray:
    """How much ink each pixel of a canvas drawing (H, W, 4) uint8 holds, from 0 to 1.

    On an opaque canvas, light strokes on a dark background: the ink is the brightness.
    A transparent canvas may keep its strokes in the alpha channel alone (RGB zero
    everywhere), so there the alpha counts too.
    """
    rgb = rgba[..., :3].astype(np.float32) / 255
    alpha = rgba[..., 3].astype(np.float32) / 255
    brightness = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    if alpha.min() == 1:
        return brightness
    return brightness * alpha if brightness.any() else alpha


def drawing_to_image(rgba: np.ndarray, data: ImageData, box: int = 20, size: int = 28) -> torch.Tensor | None:
    """A drawing made the way MNIST was made: a normalized (1, 1, 28, 28) tensor, or None for an empty canvas.

    Like MNIST's digits: cropped to its bounding box, scaled (keeping its proportions)
    to fit a box×box square, placed in a size×size image with its centre of mass in
    the middle, then normalized with the data set's (mean, std).
    """
    ink = drawing_ink(rgba)
    rows, columns = np.nonzero(ink > INK_THRESHOLD)
    if len(rows) == 0:
        return None
    cropped = torch.from_numpy(ink[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1].copy())
    scale = box / max(cropped.shape)
    height, width = (max(1, round(side * scale)) for side in cropped.shape)
    small = torch.nn.functional.interpolate(cropped[None, None], size=(height, width), mode="bilinear",
                                            antialias=True, align_corners=False)[0, 0].clamp(0, 1)
    total = small.sum()
    centre_y = (small.sum(1) * torch.arange(height)).sum() / total
    centre_x = (small.sum(0) * torch.arange(width)).sum() / total
    top = int(np.clip(round(size / 2 - centre_y.item()), 0, size - height))  # MNIST: mass at pixel (14, 14)
    left = int(np.clip(round(size / 2 - centre_x.item()), 0, size - width))
    image = torch.zeros(size, size)
    image[top : top + height, left : left + width] = small
    return (image[None, None] - data.mean[0]) / data.std[0]
