"""Images in folders, the folder's name the label (seed 002's ants and bees): found local-first, downloaded, read.

`find_hymenoptera` looks in the data directory, then the cache folder; `download_hymenoptera` fetches the
PyTorch tutorial's zip into the first writable one and unpacks it.  `read_image_folder` is torchvision's
`ImageFolder` with every file checked first: a file that is not an image of a kind it reads (the data set's
`imageNotFound.gif`), or that cannot be opened, is skipped and reported, never fatal.  `unpack_zip` unpacks an
uploaded zip of class folders (checked: size, zip-slip) and finds its class folders, or its train/ and val/.
"""
from __future__ import annotations

import copy
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError
from torchvision.datasets import ImageFolder
from torchvision.datasets.vision import StandardTransform
from torchvision.datasets.folder import IMG_EXTENSIONS
from torchvision.datasets.utils import extract_archive

from dlcore.engine.data import ByteProgress, data_roots, download, writable_root

HYMENOPTERA = "hymenoptera_data"
HYMENOPTERA_URL = "https://download.pytorch.org/tutorial/hymenoptera_data.zip"
SPLITS = ("train", "val")
UPLOAD_LIMIT_MB = 50
"""The largest zip the page takes (also its uploader's limit)."""
UNPACKED_LIMIT_MB = 500
"""The most a zip may unpack to (a small zip can hold a huge file)."""


class FolderError(ValueError):
    """A folder of images that cannot be used; `key` names the message, `values` fill it in."""

    def __init__(self, key: str, **values):
        super().__init__(key, values)
        self.key, self.values = key, values


@dataclass
class Skipped:
    path: Path
    reason: str  # "type" (not one of ImageFolder's image types) or "unreadable" (not an image after all)


@dataclass
class FolderImages:
    """A folder of class folders as ImageFolder reads it, and the files it left out and why."""

    root: Path
    dataset: ImageFolder
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.dataset.classes

    def counts(self) -> dict[str, int]:
        """Images per class, in class order."""
        counts = dict.fromkeys(self.classes, 0)
        for _, label in self.dataset.samples:
            counts[self.classes[label]] += 1
        return counts

    def __len__(self) -> int:
        return len(self.dataset)

    def with_transform(self, transform) -> ImageFolder:
        """The same ImageFolder (the same files) with another transform; this one's is left as it is."""
        dataset = copy.copy(self.dataset)
        dataset.transform = transform
        dataset.transforms = StandardTransform(transform)
        return dataset


def find_hymenoptera(root: Path | None = None) -> Path | None:
    """The ants-and-bees folder (with train/ and val/) in the data directory or the cache folder, or None."""
    for base in data_roots(root):
        folder = base / HYMENOPTERA
        if all((folder / split).is_dir() for split in SPLITS):
            return folder
    return None


def download_hymenoptera(root: Path | None = None, progress: ByteProgress | None = None) -> Path:
    """Fetch the tutorial's zip into the first writable data folder and unpack it there; the folder, or OSError."""
    base = writable_root(root)
    if base is None:
        raise OSError(f"no folder to write into among {[str(b) for b in data_roots(root)]}")
    archive = download(HYMENOPTERA_URL, base / "hymenoptera_data.zip", progress=progress)
    extract_archive(str(archive), str(base), remove_finished=True)
    folder = find_hymenoptera(base)
    if folder is None:
        raise OSError(f"{HYMENOPTERA_URL} did not unpack into {base / HYMENOPTERA}/train and val")
    return folder


def _checked(path: str, skipped: list[Skipped]) -> bool:
    """Whether ImageFolder should take this file: an image type it reads, and one that opens as an image."""
    if not path.lower().endswith(IMG_EXTENSIONS):
        skipped.append(Skipped(Path(path), "type"))
        return False
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        skipped.append(Skipped(Path(path), "unreadable"))
        return False
    return True


def read_image_folder(folder: Path, transform=None) -> FolderImages:
    """ImageFolder over `folder` (one sub-folder per class), every file checked; FolderError when there is nothing
    to learn from: no class folders ("folders.no_classes"), one class only ("folders.one_class"), no images in
    them ("folders.no_images")."""
    folder = Path(folder)
    classes = sorted(entry.name for entry in folder.iterdir() if entry.is_dir()) if folder.is_dir() else []
    if not classes:
        raise FolderError("folders.no_classes", folder=str(folder))
    if len(classes) < 2:
        raise FolderError("folders.one_class", folder=str(folder), name=classes[0])
    skipped: list[Skipped] = []
    try:
        dataset = ImageFolder(str(folder), transform=transform, is_valid_file=lambda path: _checked(path, skipped),
                              allow_empty=True)
    except FileNotFoundError:
        raise FolderError("folders.no_images", folder=str(folder)) from None
    if not dataset.samples:
        raise FolderError("folders.no_images", folder=str(folder))
    skipped.sort(key=lambda item: str(item.path))
    return FolderImages(folder, dataset, skipped)


def _ignored(name: str) -> bool:
    """What a zip made on macOS or Windows holds besides the user's files (__MACOSX/, .DS_Store, Thumbs.db)."""
    parts = PurePosixPath(name).parts
    return any(part.startswith((".", "__MACOSX")) for part in parts) or parts[-1] == "Thumbs.db"


def _class_root(folder: Path) -> Path:
    """Down through a top folder that only holds other folders (`my_photos/ants/…`), as long as there is one."""
    while True:
        entries = list(folder.iterdir())
        if len(entries) != 1 or not entries[0].is_dir() or not any(e.is_dir() for e in entries[0].iterdir()):
            return folder
        folder = entries[0]


def unpack_zip(content: bytes, destination: Path) -> dict[str, Path]:
    """Unpack a zip of class folders into `destination` and return its folders of class folders by split: {"train":
    …, "val": …} when it holds train/ and val/ (either alone too), else {"all": the folder}.  FolderError when it
    cannot be used: over UPLOAD_LIMIT_MB ("folders.zip_too_large") or unpacking to over UNPACKED_LIMIT_MB
    ("folders.zip_unpacked_too_large"), not a zip ("folders.not_zip"), no files ("folders.zip_empty"), a name that
    would land outside the folder ("folders.zip_unsafe", refused whole)."""
    if len(content) > UPLOAD_LIMIT_MB * 2**20:
        raise FolderError("folders.zip_too_large", size=len(content) / 2**20, limit=UPLOAD_LIMIT_MB)
    try:
        archive = zipfile.ZipFile(BytesIO(content))
    except zipfile.BadZipFile:
        raise FolderError("folders.not_zip") from None
    with archive:
        members = [member for member in archive.infolist() if not member.is_dir() and not _ignored(member.filename)]
        if not members:
            raise FolderError("folders.zip_empty")
        for member in archive.infolist():
            path = PurePosixPath(member.filename.replace("\\", "/"))
            if path.is_absolute() or ".." in path.parts or ":" in member.filename:
                raise FolderError("folders.zip_unsafe", name=member.filename)
        unpacked = sum(member.file_size for member in members)
        if unpacked > UNPACKED_LIMIT_MB * 2**20:
            raise FolderError("folders.zip_unpacked_too_large", size=unpacked / 2**20, limit=UNPACKED_LIMIT_MB)
        destination = Path(destination)
        for member in members:
            archive.extract(member, destination)
    root = _class_root(destination)
    splits = {split: root / split for split in SPLITS if (root / split).is_dir()}
    return splits or {"all": root}
