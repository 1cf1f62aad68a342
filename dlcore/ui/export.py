"""Download this run: a zip of the standalone script that trains it again, its history and its weights."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from dlcore import export
from dlcore.engine.runs import Run


def download_run(page, run: Run) -> None:
    """The "Download this run" button under a run that is not training (paused, finished, stopped or failed),
    with a caption of what the zip holds.  The zip is made only when the button is clicked (a callable `data`)."""
    if run.busy or not run.trainer.history.batch_loss:
        return
    recipe = export.recipe(page.key)
    name = Path(recipe.file).stem if recipe else page.key.replace(":", "-")
    left, right = st.columns([1.2, 4], vertical_alignment="center")
    left.download_button(page.t("export.button"), data=lambda: export.bundle(page.key, run), icon="📦",
                         file_name=f"{name}.zip", mime="application/zip", key=f"{page.key}:download",
                         on_click="ignore", width="stretch")
    right.caption(page.t("export.contents", script=recipe.file) if recipe else page.t("export.contents_no_script"))
