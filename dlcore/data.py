"""Where data sets live: a data directory setting first, then the official download."""
from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "DL_CLASSROOM_DATA"


def data_dir() -> Path:
    """The data directory: $DL_CLASSROOM_DATA if set, else ~/.cache/dl-classroom."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "dl-classroom"
