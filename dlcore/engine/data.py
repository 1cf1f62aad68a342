"""Where data sets live, and how they get there: the data directory, the cache folder, the one downloader.

A data set is looked for in the data directory first, then in the cache folder
(`data_roots`); a download goes into the first of them that can be written to
(`writable_root`).  `download` streams a file with a progress callback and checks its
md5 with torchvision's own utilities; every data set of the app (dlcore.images,
dlcore.names) downloads through it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable
from urllib.request import Request, urlopen

from torchvision.datasets.utils import USER_AGENT, calculate_md5, check_integrity

DATA_DIR_ENV = "DL_CLASSROOM_DATA"
CHUNK = 1 << 16

ByteProgress = Callable[[int, "int | None"], None]
"""Called with the bytes received so far and the file's size (None when the server does not say)."""


class ChecksumError(ValueError):
    """A downloaded file whose md5 is not the published one (it is deleted, never kept)."""


def cache_dir() -> Path:
    """The writable folder of this user: ~/.cache/dl-classroom (downloads go there when the data directory is read-only)."""
    return Path.home() / ".cache" / "dl-classroom"


def data_dir() -> Path:
    """The data directory: $DL_CLASSROOM_DATA if set, else the cache folder."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured).expanduser() if configured else cache_dir()


def data_roots(root: Path | None = None) -> list[Path]:
    """The folders data sets are looked for in, in order: root (default: the data directory), then the cache folder."""
    return list(dict.fromkeys([Path(root) if root is not None else data_dir(), cache_dir()]))


def _writable(folder: Path) -> bool:
    """Whether files may be written into folder: it exists (or can be made) and its permissions allow writing.

    The permission bits are read too, because root may write even into a folder marked read-only.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return bool(folder.stat().st_mode & 0o222) and os.access(folder, os.W_OK)


def writable_root(root: Path | None = None) -> Path | None:
    """The first of `data_roots(root)` a download can be written into, or None."""
    return next((base for base in data_roots(root) if _writable(base)), None)


def download(url: str, destination: Path, md5: str | None = None, progress: ByteProgress | None = None,
             timeout: float = 30) -> Path:
    """Fetch url into destination and return it; raise OSError (URLError included) or ChecksumError.

    As torchvision's `download_url`: a file already there with the right md5 is not fetched
    again, and the md5 is checked with `torchvision.datasets.utils`.  Unlike it, the bytes go
    through destination + ".part" (a failed or wrong download leaves nothing behind) and each
    chunk is reported to progress, for the page's progress bar.
    """
    destination = Path(destination)
    if md5 is not None and check_integrity(destination, md5):
        return destination
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    try:
        with urlopen(Request(url, headers={"User-Agent": USER_AGENT}), timeout=timeout) as response, \
                open(partial, "wb") as out:
            size = response.headers.get("Content-Length")
            total, done = (int(size) if size else None), 0
            while chunk := response.read(CHUNK):
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        if md5 is not None and (actual := calculate_md5(partial)) != md5:
            raise ChecksumError(f"md5 {actual} is not {md5}")
        partial.replace(destination)
    finally:
        partial.unlink(missing_ok=True)
    return destination
