"""Your own data: a CSV of yours, or a table scikit-learn ships, through lecture 7's network."""
import math
from pathlib import Path

import pandas as pd
import streamlit as st
import torch

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.classifiers import figures as image_figures
from dlcore.lectures.own_table import model as tables
from dlcore.engine.metrics import confusion_matrix
from dlcore.engine.settings import Settings, Values
from dlcore.lectures.own_table.model import (NETWORK, SOURCE, UPLOAD_LIMIT_MB, TableNet, TableProblem, label_setting, predictions,
                           prepare, table_run, task_setting)
from dlcore.engine.training import supervised_step
from dlcore.datasets.uploads import refusal


page = ui.page_setup("own_table")
keys = ui.state(page, ui.OwnTableState)
ui.lecture_header(page, "own_table.title", "own_table.intro")


@st.cache_resource(max_entries=8, show_spinner=False)
def read(source: str, name: str, content: bytes | None, header: bool | None) -> tables.Table:
    return tables.builtin_table(source) if content is None else tables.read_csv(content, name, header)


@st.cache_resource(max_entries=16, show_spinner=False)
def ready(source: str, name: str, content: bytes | None, header: bool | None, label: str, task: str):
    return prepare(read(source, name, content, header), label, task)


def keep_upload(upload=None) -> None:
    """The uploader changed, or the kept file was forgotten: keep the new file (None: none), and guess its header and
    label anew."""
    keys.uploaded = None if upload is None else (upload.name, upload.getvalue())
    ui.forget("own_table:header", "own_table:label")


def uploaded_file() -> tuple[str, bytes] | None:
    """The file uploaded, or the one uploaded before the page was left (the uploader then shows none: say which)."""
    st.file_uploader(page.t("own_table.upload"), key=keys.widget_key("upload"), max_upload_size=UPLOAD_LIMIT_MB, help=page.t(
        "own_table.upload_help", limit=UPLOAD_LIMIT_MB), on_change=lambda: keep_upload(keys.upload))
    kept = keys.uploaded
    if kept is not None and keys.upload is None:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.caption(page.t("own_table.kept_file", name=kept[0], size=len(kept[1]) / 1024))
        right.button(page.t("own_table.forget_file"), icon="✖️", on_click=keep_upload, key="own_table:forget")
    return keys.uploaded


def choose_task(table: tables.Table, label: str) -> str:
    """The task guessed for the label, guessed again when another label or table is chosen."""
    if keys.task_for != (table.name, label):
        keys.task_for = (table.name, label)
        ui.forget("own_table:task")
    return ui.setting_widget(page, task_setting(table, label), {})


def summary(data: tables.TableData) -> str:
    counts = {"rows": len(data.y), "features": len(data.features), "label": data.label, "train": len(data.train),
              "val": len(data.val)}
    if data.classes:
        shares = pd.Series([data.classes[index] for index in data.y.tolist()]).value_counts(normalize=True)
        return page.t("own_table.summary.classification", classes=len(data.classes), **counts,
                      shares=", ".join(f"{name} {share:.0%}" for name, share in shares.items()))
    values = data.y.numpy().ravel().astype(float) * data.y_std + data.y_mean
    return page.t("own_table.summary.regression", low=values.min(), high=values.max(), mean=data.y_mean, **counts)


content = header = table = data = problem = None
with ui.folded(page):
    left, middle, right = st.columns(3)
    with left:
        source = ui.setting_widget(page, SOURCE, {})
    name = tables.BUILTIN.get(source)
    if source == "upload":
        upload = uploaded_file()
        if upload is None:
            st.info(page.t("own_table.upload_first"))
        else:
            name, content = upload
    try:
        if name is not None:
            table = read(source, name, content, None)
            if content is not None:
                header = ui.kept(st.checkbox, page.t("own_table.header"), "own_table:header", table.header,
                                 help=page.t("own_table.header_help"))
                table = read(source, name, content, header)
            with middle:
                label = ui.setting_widget(page, label_setting(table), {})
            with right:
                task = choose_task(table, label)
            data = ready(source, name, content, header, label, task)
            keys.last_good = table
    except Exception as error:  # a TableProblem, or what no check foresaw in a file: said, the last good table kept
        if content is None and not isinstance(error, TableProblem):
            raise
        problem = refusal(name, error)
    network = ui.settings(page, NETWORK, columns=3)
if problem is not None:
    st.error(page.t(problem[0], **problem[1]))
if data is not None:
    where = page.t("own_table.builtin", name=source) if content is None else f"`{name}`"
    notes = [page.t("own_table.read_as", encoding=table.encoding)] if content is not None else []
    st.caption(" · ".join([where, summary(data), *notes, *(page.t(key, **values) for key, values in table.notes)]))
chosen = {"table": source, **({"label": label, "task": task} if data is not None else {})}
declared = [SOURCE] + ([label_setting(table), task_setting(table, label)] if data is not None else [])
values = Values(Settings(*declared, *NETWORK), {**chosen, **network})


def build(spec):  # the table is the page's (an upload): only the page can build its run
    if data is None:
        return None  # the page has said why: no file yet, or what is wrong with it
    return table_run(data, spec.values, spec.device, spec.seed)


def draw(frame):
    if frame is None:
        return {}
    trained, history = frame.extras["data"], frame.history
    task, split = trained.task, {page.t("own_table.train"): "train", page.t("own_table.validation"): "val"}
    charts = {
        "loss": figures.lines(page.t("own_table.loss_title"), page.t("chart.epoch"), page.t("chart.loss"),
                              {name: history.series("loss" if key == "train" else "val_loss")
                               for name, key in split.items()}),
        "score": figures.lines(page.t(f"own_table.score_title.{task}"), page.t("chart.epoch"), page.t(f"own_table.score.{task}"),
                               {name: history.series(f"{key}_score") for name, key in split.items()},
                               targets={page.t("own_table.validation"): trained.reference},
                               target_label=page.t(f"own_table.reference.{task}")),
    }
    if history.epochs:
        last = history.epochs[-1]
        if trained.classes and last["classes"] == 1:
            answer = trained.classes[tables.answers(frame.model, trained.val_x[:1])[0]]
            charts["one_class"] = page.t("own_table.one_class", answer=answer, accuracy=last["val_score"])
        else:
            charts["result"] = page.t(f"own_table.result.{task}", score=last["val_score"], reference=trained.reference,
                                      error=math.sqrt(last["val_loss"]) * trained.y_std)
    return charts


run = ui.live_run(page, values, build, draw, code=[TableNet, prepare, supervised_step], pace=None, step_batches=True,
                  compare={"loss": "loss", "score": "val_score"})


def answers_table(run) -> pd.DataFrame:
    """The predictions of the run's model for every row, with the page's column names."""
    answers = predictions(run.model, run.extras["data"])
    answers["split"] = [page.t(f"own_table.split.{split}") for split in answers["split"]]
    return answers.rename(columns={column: page.t(f"own_table.column.{column}")
                                   for column in ("split", "prediction", "probability")})


if run is not None and not run.busy and run.trainer.history.epochs:
    trained = run.extras["data"]
    answers = answers_table(run)
    validation = answers[answers[page.t("own_table.column.split")] == page.t("own_table.split.validation")]
    if trained.classes:
        matrix = confusion_matrix(torch.tensor(tables.answers(run.model, trained.val_x)), trained.val_y, trained.outputs)
        figure = image_figures.confusion_heatmap(matrix, trained.classes, page.lang, "own_table.confusion",
                                                 height=200 + 40 * trained.outputs)
    else:
        figure = figures.predicted_and_true(
            validation[trained.label].astype(float), validation[page.t("own_table.column.prediction")],
            page.t("own_table.predicted_title"), page.t("own_table.true", label=trained.label),
            page.t("own_table.predicted", label=trained.label))
    left, right = st.columns([3, 2], vertical_alignment="center")
    left.plotly_chart(figure, key="own_table:answers", width="stretch")
    right.download_button(page.t("own_table.download"), answers.to_csv(index=False).encode("utf-8-sig"), icon="⬇️",
                          file_name=f"{Path(trained.name).stem}-predictions.csv", mime="text/csv",
                          help=page.t("own_table.download_help"), key="own_table:predictions")

if data is None and problem is not None and keys.last_good is not None:
    st.subheader(page.t("own_table.data_title"))
    st.caption(page.t("own_table.last_good", name=keys.last_good.name))
    st.dataframe(keys.last_good.cells.head(8))
if data is not None:
    st.subheader(page.t("own_table.data_title"))
    st.caption(page.t("own_table.first_rows"))
    st.dataframe(table.cells.head(8))
    if data.classes:
        figure = figures.features_by_label(data.x, data.y, data.classes, page.t("own_table.features_title"),
                                           page.t("own_table.feature"), page.t("own_table.standardised"), data.features)
    else:
        features = pd.DataFrame(data.x.numpy(), columns=data.features)
        figure = figures.bars(page.t("own_table.correlation_title", label=data.label), page.t("own_table.feature"),
                              page.t("own_table.correlation"), features.corrwith(pd.Series(data.y.numpy().ravel())).to_dict())
    st.plotly_chart(figure, key="own_table:features", width="stretch")
