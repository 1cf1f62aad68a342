"""A file or folder a page needs: found locally first, else downloaded once per session with a progress bar."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import streamlit as st

from dlcore.engine.data import ByteProgress


def local_or_downloaded(key: str, find: Callable[[], Path | None], fetch: Callable[[ByteProgress], Path],
                        label: Callable[[float], str]) -> tuple[Path | None, str]:
    """(path, "") when `find()` has it or `fetch(progress)` gets it; else (None, why the download failed).  A failed
    download is not tried again in this session (session state f"download_failed:{key}").  label(megabytes so far)
    is the progress bar's text."""
    path = find()
    failed = f"download_failed:{key}"
    if path is None and failed not in st.session_state:
        bar = st.progress(0.0, text=label(0.0))
        try:
            path = fetch(lambda done, total: bar.progress(min(1.0, done / total) if total else 0.0,
                                                          text=label(done / 2**20)))
        except (OSError, ValueError) as error:  # no network, a server error, a wrong checksum (ChecksumError)
            st.session_state[failed] = f"{type(error).__name__}: {error}"
        bar.empty()
    return path, "" if path is not None else st.session_state.get(failed, "")
