"""Images in folders, the folder's name the label (seed 002's ants and bees): found local-first, downloaded, read.

`find_hymenoptera` looks in the data directory, then the cache folder; `download_hymenoptera` fetches the
PyTorch tutorial's zip into the first writable one and unpacks it.  `read_image_folder` is torchvision's
`ImageFolder` with every file checked first: a file that is not an image of a kind it reads (the data set's
`imageNotFound.gif`), that is too large (its size read before it is decoded), or that does not decode to its end,
is skipped and reported, never fatal; so is one that fails only when an epoch decodes it.  `unpack_zip` unpacks an
uploaded zip of class folders (checked: size, zip-slip) and finds its class folders, or its train/ and val/.
"""
from __future__ import annotations

import copy
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError
from torchvision.datasets import ImageFolder
from torchvision.datasets.vision import StandardTransform
from torchvision.datasets.folder import IMG_EXTENSIONS
from torchvision.datasets.utils import extract_archive

from dlcore.engine.data import ByteProgress, data_roots, download, writable_root
from dlcore.datasets.uploads import ENCODING_NAMES, best_decoding, picture_size
from dlcore.engine.errors import Explained

HYMENOPTERA = "hymenoptera_data"
HYMENOPTERA_URL = "https://download.pytorch.org/tutorial/hymenoptera_data.zip"
SPLITS = ("train", "val")
UPLOAD_LIMIT_MB = 50
"""The largest zip the page takes (also its uploader's limit)."""
UNPACKED_LIMIT_MB = 500
"""The most a zip may unpack to (a small zip can hold a huge file)."""
MAX_PIXELS = 50_000_000
"""The most pixels an image may have (a 48-megapixel phone photo fits; Pillow's own bomb limit is higher)."""
NAME_ENCODINGS = ("utf-8", "cp437", "gb18030", "shift_jis", "cp1252")
"""What a zip's names without the UTF-8 flag may be written in: UTF-8 (macOS, Linux), the code page the zip format
names (CP437), and the legacy code pages of Windows' Explorer in China, Japan and the West."""
UTF8_FLAG, ENCRYPTED_FLAG = 0x800, 0x1


class FolderError(Explained, ValueError):
    """A folder of images that cannot be used; `key` names the message, `values` fill it in."""


@dataclass
class Skipped:
    path: Path
    reason: str  # "type" (not an image type ImageFolder reads), "unreadable" (not an image after all), "too_large"
    # (over MAX_PIXELS: `size` says how large) or "truncated" (its data ends early: found when it was decoded)
    size: tuple[int, int] | None = None


class CheckedImageFolder(ImageFolder):
    """ImageFolder whose images that fail only when an epoch decodes them (truncated data) are skipped: listed in
    `skipped` (shared with its copies) and the next image given in their place, so a run goes on."""

    skipped: list[Skipped]

    def __getitem__(self, index: int):
        for offset in range(len(self.samples)):
            path, target = self.samples[(index + offset) % len(self.samples)]
            try:
                sample = self.loader(path)
            except (OSError, SyntaxError, ValueError):
                if all(item.path != Path(path) for item in self.skipped):
                    self.skipped.append(Skipped(Path(path), "truncated"))
                continue
            if self.transform is not None:
                sample = self.transform(sample)
            if self.target_transform is not None:
                target = self.target_transform(target)
            return sample, target
        raise FolderError("folders.no_images", folder=self.root)


class UnpackedSplits(dict):
    """An unpacked zip's folders of class folders by split, and the code page its names were written in when it
    was not UTF-8 (None: flagged UTF-8, or plain ASCII names)."""

    def __init__(self, splits: dict[str, Path], encoding: str | None = None):
        super().__init__(splits)
        self.encoding = encoding


@dataclass
class FolderImages:
    """A folder of class folders as ImageFolder reads it, and the files it left out and why."""

    root: Path
    dataset: CheckedImageFolder
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
    """Whether ImageFolder should take this file: an image type it reads, of at most MAX_PIXELS (its size read
    before it is decoded), and one that decodes to its end (at a reduced size where the format allows it)."""
    if not path.lower().endswith(IMG_EXTENSIONS):
        skipped.append(Skipped(Path(path), "type"))
        return False
    try:
        size = picture_size(path)
        if size[0] * size[1] > MAX_PIXELS:
            skipped.append(Skipped(Path(path), "too_large", size))
            return False
        with Image.open(path) as image:
            image.draft("RGB", (64, 64))  # a JPEG decodes at an eighth of its size: all its data is still read
            image.load()
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
        dataset = CheckedImageFolder(str(folder), transform=transform,
                                     is_valid_file=lambda path: _checked(path, skipped), allow_empty=True)
    except FileNotFoundError:
        raise FolderError("folders.no_images", folder=str(folder)) from None
    if not dataset.samples:
        raise FolderError("folders.no_images", folder=str(folder))
    skipped.sort(key=lambda item: str(item.path))
    dataset.skipped = skipped
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


def _decode_names(members: list[zipfile.ZipInfo]) -> str | None:
    """Give members without the UTF-8 flag their names as their maker wrote them (zipfile reads them as CP437):
    the code page of NAME_ENCODINGS that fits their bytes best; which one, when a name is not plain ASCII."""
    legacy = [member for member in members if not member.flag_bits & UTF8_FLAG]
    raw = [member.orig_filename.encode("cp437") for member in legacy]
    if all(name.isascii() for name in raw):
        return None
    names, encoding = best_decoding(raw, NAME_ENCODINGS)  # CP437 decodes any bytes: never None
    for member, name in zip(legacy, names):
        member.filename = name[: name.index("\0")] if "\0" in name else name
    return ENCODING_NAMES[encoding]


def unpack_zip(content: bytes, destination: Path) -> UnpackedSplits:
    """Unpack a zip of class folders into `destination` and return its folders of class folders by split: {"train":
    …, "val": …} when it holds train/ and val/ (either alone too), else {"all": the folder}, with the code page of
    its names.  FolderError when it cannot be used: over UPLOAD_LIMIT_MB ("folders.zip_too_large") or unpacking to
    over UNPACKED_LIMIT_MB ("folders.zip_unpacked_too_large"), not a zip ("folders.not_zip"), no files
    ("folders.zip_empty"), a name that would land outside the folder ("folders.zip_unsafe", refused whole), a
    password ("folders.zip_encrypted"), a member compressed in a way zipfile does not read ("folders.zip_method")
    or damaged ("folders.zip_damaged")."""
    if len(content) > UPLOAD_LIMIT_MB * 2**20:
        raise FolderError("folders.zip_too_large", size=len(content) / 2**20, limit=UPLOAD_LIMIT_MB)
    try:
        archive = zipfile.ZipFile(BytesIO(content))
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OverflowError):
        raise FolderError("folders.not_zip") from None
    with archive:
        encoding = _decode_names(archive.infolist())
        members = [member for member in archive.infolist() if not member.is_dir() and not _ignored(member.filename)]
        if not members:
            raise FolderError("folders.zip_empty")
        for member in archive.infolist():
            path = PurePosixPath(member.filename.replace("\\", "/"))
            if path.is_absolute() or ".." in path.parts or ":" in member.filename:
                raise FolderError("folders.zip_unsafe", name=member.filename)
        if any(member.flag_bits & ENCRYPTED_FLAG for member in members):
            raise FolderError("folders.zip_encrypted")
        unpacked = sum(member.file_size for member in members)
        if unpacked > UNPACKED_LIMIT_MB * 2**20:
            raise FolderError("folders.zip_unpacked_too_large", size=unpacked / 2**20, limit=UNPACKED_LIMIT_MB)
        destination = Path(destination)
        for member in members:
            try:
                archive.extract(member, destination)
            except NotImplementedError:
                raise FolderError("folders.zip_method", name=member.filename) from None
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
                raise FolderError("folders.zip_damaged", name=member.filename) from None
    root = _class_root(destination)
    splits = {split: root / split for split in SPLITS if (root / split).is_dir()}
    return UnpackedSplits(splits or {"all": root}, encoding)
