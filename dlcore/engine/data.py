"""Where data sets live, and how they get there: the data directory, the cache folder, the one downloader.

A data set is looked for in the data directory first, then in the cache folder
(`data_roots`); a download goes into the first of them that can be written to
(`writable_root`).  `download` streams a file with a progress callback, resumes an
interrupted one (HTTP Range) and checks its md5 with torchvision's own utilities; every
data set and weights file of the app downloads through it.  In offline mode
($DL_CLASSROOM_OFFLINE=1, for a classroom prepared with scripts/prepare_offline.py) it
refuses before any connection is opened.
"""
from __future__ import annotations

import os
from http.client import HTTPException
from pathlib import Path
from typing import Callable
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from torchvision.datasets.utils import USER_AGENT, calculate_md5, check_integrity

DATA_DIR_ENV = "DL_CLASSROOM_DATA"
OFFLINE_ENV = "DL_CLASSROOM_OFFLINE"
PREPARE_COMMAND = ".venv/bin/python scripts/prepare_offline.py {folder}"
"""What prepares a data directory for offline use (scripts/prepare_offline.py), given the folder."""
CHUNK = 1 << 16

ByteProgress = Callable[[int, "int | None"], None]
"""Called with the bytes received so far and the file's size (None when the server does not say)."""


class ChecksumError(ValueError):
    """A downloaded file whose md5 is not the published one (it is deleted, never kept)."""


class OfflineError(OSError):
    """A download asked for in offline mode: nothing was sent (the sidebar says how to prepare the data directory)."""

    def __init__(self, url: str):
        super().__init__(f"offline ({OFFLINE_ENV}=1): {url} was not fetched")


def offline() -> bool:
    """Whether the app runs offline: $DL_CLASSROOM_OFFLINE set to anything but "", "0", "false" or "no"."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() not in ("", "0", "false", "no")


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
    """Fetch url into destination and return it; raise OSError (URLError and OfflineError included) or ChecksumError.

    As torchvision's `download_url`: a file already there with the right md5 is not fetched
    again, and the md5 is checked with `torchvision.datasets.utils`.  Unlike it, the bytes go
    through destination + ".part", which an interrupted download leaves behind for the next
    one to resume (an HTTP Range request; a server that ignores it sends the whole file again);
    a wrong file leaves nothing.  Each chunk is reported to progress, for a progress bar.
    """
    destination = Path(destination)
    if md5 is not None and check_integrity(destination, md5):
        return destination
    if offline():
        raise OfflineError(url)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    have = partial.stat().st_size if partial.is_file() else 0
    headers = {"User-Agent": USER_AGENT} | ({"Range": f"bytes={have}-"} if have else {})
    try:
        with urlopen(Request(url, headers=headers), timeout=timeout) as response:
            done = have if response.status == 206 else 0
            size = response.headers.get("Content-Length")
            total = done + int(size) if size else None
            with open(partial, "ab" if done else "wb") as out:
                while chunk := response.read(CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
        if total is not None and done < total:  # http.client returns a cut-off body as if it were the end
            raise ConnectionError(f"{url}: the connection closed after {done} of {total} bytes")
    except HTTPError as error:
        if error.code != 416:  # 416: the range starts at the end, the .part is the whole file
            raise
    except HTTPException as error:  # the connection closed before the end (IncompleteRead): resumed next time
        raise ConnectionError(f"{url}: {error!r}") from error
    if md5 is not None and (actual := calculate_md5(partial)) != md5:
        partial.unlink()
        raise ChecksumError(f"md5 {actual} is not {md5}")
    partial.replace(destination)
    return destination
