"""Lecture 8: Dataset and DataLoader — the notes' DiabetesDataset, and the batch size's trade-off made visible."""
import pandas as pd
import streamlit as st

from dlcore import figures, ui
from dlcore.data import data_dir
from dlcore.dataloading import SETTINGS, WAYS, Comparison, DiabetesDataset, batch_sizes, comparison_run
from dlcore.diabetes import find_table

page = ui.page_setup("dataloader")
ui.lecture_header(page, "loader.title", "loader.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS, columns=2)

path = ui.data_file(page, find_table(data_dir()), "diabetes.missing")
dataset = ui.cached_resource(DiabetesDataset)(path)
st.caption(page.t("loader.source", path=path, n=len(dataset)))
names = {way: page.t(f"loader.way.{way}", n=size) for way, size in batch_sizes(dataset, values.batch_size).items()}


def build():
    return comparison_run(dataset, values, page.device, page.seed)


def draw(frame):
    if frame is None:
        return {}
    comparison, history = frame.extras["comparison"], frame.history
    losses = {names[way]: history.series(f"{way}:loss") for way in WAYS}
    seconds = {names[way]: (history.series(f"{way}:seconds"), history.series(f"{way}:loss")) for way in WAYS}
    done = len(history.epochs)
    table = pd.DataFrame({
        page.t("loader.col.way"): [names[way] for way in WAYS],
        page.t("loader.col.iterations"): [comparison.iterations(way) for way in WAYS],
        page.t("loader.col.epoch_ms"): [1000 * history.series(f"{way}:seconds")[-1] / done if done else None
                                        for way in WAYS],
        page.t("loader.col.loss"): [history.series(f"{way}:loss")[-1] if done else None for way in WAYS]})
    return {"loss": figures.lines(page.t("loader.by_epoch"), page.t("chart.epoch"), page.t("chart.loss"), losses),
            "seconds": figures.curves(page.t("loader.by_second"), page.t("loader.seconds"), page.t("chart.loss"), seconds),
            "table": table.round(3)}


ui.live_run(page, values, build, draw, code=[DiabetesDataset, Comparison])
st.caption(page.t("loader.workers"))
st.page_link("pages/folders.py", label=page.t("loader.folders_link"), icon="🐜")
