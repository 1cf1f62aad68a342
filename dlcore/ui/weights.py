"""Download a run's weights; load weights from a file into it."""
from __future__ import annotations

import streamlit as st

from dlcore.datasets.uploads import refusal
from dlcore.engine.checkpoints import load_weights, state_bytes, weights_bytes
from dlcore.engine.runs import Run
from dlcore.engine.settings import Values
from dlcore.ui.frame import Page
from dlcore.ui.live import Build
from dlcore.ui.state import state


def weights_section(page: Page, values: Values, build: Build) -> None:
    """Download the run's weights (a copy between two steps while it trains); upload weights into it,
    or into a fresh, untrained run when there is none.  A run that is training is paused first."""
    kept = state(page)
    spec = page.spec(values)  # the run the weights go into when there is none yet

    def uploaded():
        file = kept.weights_upload
        if file is None:
            return
        run = kept.run
        if run is not None and run.busy:
            run.pause()
            run.join(1.0)
        if run is None:
            run = build(spec)
            run.spec = spec
        try:
            load_weights(run.model, file.getvalue())
        except Exception as error:  # a WeightsError, or what no check foresaw: said, and the run left as it was
            kept.weights_message = ("error", *refusal(file.name, error))
            return
        run.weights_replaced()
        kept.run = run
        kept.weights_message = ("success", "weights.loaded", {"name": file.name})

    with st.expander(page.t("weights.title")):
        run = kept.run
        if run is not None:
            st.download_button(page.t("weights.download"), data=weights_bytes(run.frame().model),
                               file_name=f"{page.key}.pt", mime="application/octet-stream",
                               key=f"{page.key}:weights_download")
            _epoch_weights(page, run)
        st.file_uploader(page.t("weights.upload"), type=["pt", "pth", "safetensors"],
                         key=kept.widget_key("weights_upload"), on_change=uploaded)
        if kept.weights_message is not None:
            kind, key, shown = kept.weights_message
            getattr(st, kind)(page.t(key, **shown))


def _epoch_weights(page: Page, run: Run) -> None:
    """The weights as they were after each epoch, as the notes save them (torch.save every epoch): the replay's
    snapshots, thinned evenly on long runs."""
    epochs = sorted(epoch for epoch in run.snapshots.states if epoch > 0)
    if not epochs:
        return
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    epoch = left.selectbox(page.t("weights.epoch"), epochs, index=len(epochs) - 1, key=f"{page.key}:weights_epoch",
                           help=page.t("weights.epoch_help"))
    right.download_button(page.t("weights.epoch_download", epoch=epoch),
                          data=lambda: state_bytes(run.snapshots.at(epoch)[1]),
                          file_name=f"{page.key.replace(':', '-')}-epoch{epoch}.pt", mime="application/octet-stream",
                          key=f"{page.key}:weights_epoch_download", on_click="ignore")
