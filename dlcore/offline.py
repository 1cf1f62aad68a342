"""Everything the app may download, prepared in one folder to carry into a classroom without network.

`prepare(folder, source)` takes each item from `source` when that folder has it, else downloads it with the app's
own functions (dlcore.datasets.images, dlcore.lectures.names.model, dlcore.datasets.folders, dlcore.lectures.transfer.model, all through dlcore.engine.data.download:
resumed when interrupted, torchvision's md5s), then checks it where the app will look for it: torchvision's md5s for
the image data sets, the sha256 prefix in the weights' file names, and for the files that have no published
checksum (the tutorial's names and photos, the course's table) that the app can read them.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from torchvision.datasets.utils import check_integrity

from dlcore.lectures.multiple_input import model as diabetes
from dlcore.datasets import folders
from dlcore.datasets import images
from dlcore.lectures.names import model as names
from dlcore.lectures.transfer import model as transfer
from dlcore.engine.data import ByteProgress, ChecksumError, writable_root


@dataclass(frozen=True)
class Item:
    """Something the app may download: where the app finds it under a folder, how to fetch it, how to check it."""

    name: str
    find: Callable[[Path], Path | None]
    fetch: Callable[[Path, ByteProgress], Path] | None  # None: no public download (copy it from a source folder)
    check: Callable[[Path], None]  # raises ChecksumError (or what the app's reader raises) on a wrong file


@dataclass(frozen=True)
class Outcome:
    """What prepare did for one item: "present" (already there), "copied", "downloaded" or "missing" (see error)."""

    name: str
    status: str
    path: Path | None = None
    error: str = ""


def _image_item(name: str) -> Item:
    spec = images.SPECS[name]

    def fetch(root: Path, progress: ByteProgress) -> Path:
        total = sum(item.size for item in spec.downloads)
        return images.download_files(name, root, lambda fraction: progress(int(fraction * total), total))

    def check(folder: Path) -> None:
        published = ([(file, md5) for file, md5 in spec.dataset.train_list + spec.dataset.test_list]
                     if name == "cifar10" else [(item.file, item.md5) for item in spec.downloads])
        wrong = [file for file, md5 in published if not check_integrity(str(folder / file), md5)]
        if wrong:
            raise ChecksumError(f"md5 of {', '.join(wrong)} in {folder} is not torchvision's")

    return Item(name, lambda root: images.find_local(name, root), fetch, check)


def _names_folder(root: Path) -> Path | None:
    try:
        return names.names_folder(root, download=False)
    except names.NamesDataMissing:
        return None


def _check_names(folder: Path) -> None:
    if len(names.read_names(folder).languages) < 2:
        raise ValueError(f"{folder} holds fewer than two languages")


def _check_photos(folder: Path) -> None:
    """Each split reads as an ImageFolder of at least two classes with photos (FolderError, a ValueError, if not)."""
    for split in folders.SPLITS:
        folders.read_image_folder(folder / split)


def _check_table(path: Path) -> None:
    x, _ = diabetes.read_table(path)
    if x.shape[1] != diabetes.FEATURES:
        raise ValueError(f"{path} has {x.shape[1]} features, not {diabetes.FEATURES}")


def _weights_item(name: str) -> Item:
    network = transfer.NETWORKS[name]
    return Item(name, lambda root: transfer.find_weights(network, root),
                lambda root, progress: transfer.download_weights(network, root, progress),
                lambda path: transfer.check_weights(network, path))


def items() -> list[Item]:
    """Every item the app may download, built from the modules' URLs and checksums as they are now."""
    return [
        *(_image_item(name) for name in images.SPECS),
        Item("names", _names_folder, lambda root, progress: names.download_names(root, names.NAMES_URL, progress),
             _check_names),
        Item("hymenoptera", folders.find_hymenoptera, folders.download_hymenoptera, _check_photos),
        Item("diabetes", diabetes.find_table, None, _check_table),
        *(_weights_item(name) for name in transfer.NETWORKS),
    ]


def _inside(folder: Path, found: Path | None) -> Path | None:
    """found when it lies under folder (the app's finders also look in the cache folder and torch hub's)."""
    return found if found is not None and found.resolve().is_relative_to(folder.resolve()) else None


def _copy(found: Path, source: Path, folder: Path) -> Path:
    target = folder / found.relative_to(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    if found.is_dir():
        shutil.copytree(found, target, dirs_exist_ok=True)
    else:
        shutil.copy2(found, target)
    return target


def prepare_item(item: Item, folder: Path, source: Path | None = None,
                 progress: ByteProgress | None = None) -> Outcome:
    """Make item present and checked under folder: kept if there, else copied from source, else downloaded."""
    status = "present"
    try:
        path = _inside(folder, item.find(folder))
        if path is None and source is not None and (found := _inside(source, item.find(source))) is not None:
            path, status = _copy(found, source, folder), "copied"
        if path is None and item.fetch is not None:
            path, status = _inside(folder, item.fetch(folder, progress or (lambda done, total: None))), "downloaded"
        if path is None:
            return Outcome(item.name, "missing", error="no public download: copy it from the course's materials"
                           " (--from FOLDER)" if item.fetch is None else f"not found under {folder} after the download")
        item.check(path)
    except (OSError, ValueError, images.DataUnavailable) as error:  # no network, a wrong checksum, an unreadable file
        return Outcome(item.name, "missing", error=f"{type(error).__name__}: {error}")
    return Outcome(item.name, status, path)


def prepare(folder: Path, source: Path | None = None, only: list[str] | None = None,
            progress_for: Callable[[str], ByteProgress] | None = None) -> list[Outcome]:
    """Prepare every item (or those named in only) under folder; OSError when folder cannot be written to."""
    folder = Path(folder)
    if writable_root(folder) != folder:
        raise OSError(f"cannot write into {folder}")
    return [prepare_item(item, folder, source, progress_for(item.name) if progress_for else None)
            for item in items() if only is None or item.name in only]
