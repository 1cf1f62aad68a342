"""Download a run's weights; load weights from a file into it."""
from __future__ import annotations

from typing import Callable

import streamlit as st

from dlcore.checkpoints import WeightsError, load_weights, weights_bytes
from dlcore.runs import Run
from dlcore.ui.frame import Page


def weights_section(page: Page, build: Callable[[], Run]) -> None:
    """Download the run's weights (a copy between two steps while it trains); upload weights into it,
    or into a fresh, untrained run when there is none.  A run that is training is paused first."""
    run_key, upload_key, message_key = f"run:{page.key}", f"{page.key}:weights_upload", f"{page.key}:weights_message"

    def uploaded():
        file = st.session_state.get(upload_key)
        if file is None:
            return
        run = st.session_state.get(run_key)
        if run is not None and run.busy:
            run.pause()
            run.join(1.0)
        run = run or build()
        try:
            load_weights(run.model, file.getvalue())
        except WeightsError as error:
            st.session_state[message_key] = ("error", error.key, error.values)
            return
        run.weights_replaced()
        st.session_state[run_key] = run
        st.session_state[message_key] = ("success", "weights.loaded", {"name": file.name})

    with st.expander(page.t("weights.title")):
        run = st.session_state.get(run_key)
        if run is not None:
            st.download_button(page.t("weights.download"), data=weights_bytes(run.frame().model),
                               file_name=f"{page.key}.pt", mime="application/octet-stream",
                               key=f"{page.key}:weights_download")
        st.file_uploader(page.t("weights.upload"), type=["pt", "pth"], key=upload_key, on_change=uploaded)
        if message_key in st.session_state:
            kind, key, values = st.session_state[message_key]
            getattr(st, kind)(page.t(key, **values))
