"""Lecture 8: Dataset and DataLoader — the notes' DiabetesDataset, and the batch size's trade-off made visible."""
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.engine.data import data_dir
from dlcore.lectures.dataloader.lecture import SETTINGS, build, dataset_of
from dlcore.lectures.dataloader.model import WAYS, Comparison, DiabetesDataset, batch_sizes
from dlcore.lectures.multiple_input.model import find_table

page = ui.page_setup("dataloader")
ui.lecture_header(page, "dataloader.title", "dataloader.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS, columns=2)

path = ui.data_file(page, find_table(data_dir()), "multiple_input.missing")
dataset = dataset_of(path)
st.caption(page.t("dataloader.source", path=path, n=len(dataset)))
names = {way: page.t(f"dataloader.way.{way}", n=size) for way, size in batch_sizes(dataset, values.batch_size).items()}


def draw(frame):
    if frame is None:
        return {}
    comparison, history = frame.extras["comparison"], frame.history
    losses = {names[way]: history.series(f"{way}:loss") for way in WAYS}
    seconds = {names[way]: (history.series(f"{way}:seconds"), history.series(f"{way}:loss")) for way in WAYS}
    done = len(history.epochs)
    table = pd.DataFrame({
        page.t("dataloader.col.way"): [names[way] for way in WAYS],
        page.t("dataloader.col.iterations"): [comparison.iterations(way) for way in WAYS],
        page.t("dataloader.col.epoch_ms"): [1000 * history.series(f"{way}:seconds")[-1] / done if done else None
                                        for way in WAYS],
        page.t("dataloader.col.loss"): [history.series(f"{way}:loss")[-1] if done else None for way in WAYS]})
    return {"loss": figures.lines(page.t("dataloader.by_epoch"), page.t("chart.epoch"), page.t("chart.loss"), losses),
            "seconds": figures.curves(page.t("dataloader.by_second"), page.t("dataloader.seconds"), page.t("chart.loss"), seconds),
            "table": table.round(3)}


ui.live_run(page, values, build, draw, code=[DiabetesDataset, Comparison])
st.caption(page.t("dataloader.workers"))
st.page_link("pages/folders.py", label=page.t("dataloader.folders_link"), icon="🐜")
