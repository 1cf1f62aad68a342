"""Lecture 12: RNNCell, RNN, embedding, LSTM and GRU learn "hello" → "ohlol" while you watch."""
import streamlit as st
import torch

from dlcore import figures, sequence_figures, ui
from dlcore.runs import Run
from dlcore.sequences import (SETTINGS, VARIANTS, EpochLog, SequenceInputError, char_task, first_right_epoch, learned,
                              sequence_trainer, step_function)
from dlcore.settings import Values

PACE = 3  # steps (here: epochs) a second: the course's 15 epochs take 5 s on screen

page = ui.page_setup("rnn_basics")
ui.lecture_header(page, "seq.title", "seq.intro")

with ui.folded(page):
    chosen: dict = {}
    left, right = st.columns(2)
    for column, name in ((left, "source"), (right, "target")):
        with column:
            chosen[name] = ui.setting_widget(page, SETTINGS[name], chosen)
    try:
        task = char_task(chosen["source"], chosen["target"])
        st.caption(page.t("seq.vocabulary", vocabulary=", ".join(f"`{c}`" for c in task.vocabulary),
                          x=task.x_data, y=task.y_data))
    except SequenceInputError as error:
        task = None
        st.error(page.t(error.key, **error.values))

    chosen["variant"] = ui.setting_widget(page, SETTINGS["variant"], chosen)
    spec = VARIANTS[chosen["variant"]]
    st.caption(page.t(f"seq.variant.{spec.key}.about"))
    left, right = st.columns(2)
    with left:
        if spec.hidden_is_scores:  # the course's models: the hidden state is the class scores
            chosen["hidden_size"] = len(task.vocabulary) if task else SETTINGS["hidden_size"].default
            if task:
                st.markdown(page.t("seq.hidden_is_scores", size=chosen["hidden_size"]))
        else:
            chosen["hidden_size"] = ui.setting_widget(page, SETTINGS["hidden_size"], chosen)
    with right:
        if spec.max_layers > 1:
            chosen["num_layers"] = ui.setting_widget(page, SETTINGS["num_layers"], chosen)
        else:
            st.markdown(page.t("seq.one_cell"))
            chosen["num_layers"] = 1
    for name in ("lr", "epochs"):
        chosen[name] = ui.setting_widget(page, SETTINGS[name], chosen)
    values = Values(SETTINGS, chosen)


def build():
    if task is None:
        return None  # the message above says what is wrong with the strings; the last run stays shown
    torch.manual_seed(page.seed)
    trainer, model, log = sequence_trainer(spec.key, task, hidden_size=values.hidden_size,
                                           num_layers=values.num_layers, lr=values.lr, epochs=values.epochs,
                                           device=page.device)
    return Run(trainer, model=model, extras={"log": log, "task": task, "variant": spec.key}, device=str(page.device))


def draw(frame):
    if frame is None:
        return {}
    shown_task = frame.extras["task"]
    log = EpochLog(frame.extras["log"].records[: frame.batches])  # one batch an epoch: a record a step
    charts = {"predictions": sequence_figures.prediction_table(log, shown_task, page.lang),
              "loss": figures.loss_curve(frame.history, page.lang)}
    if log.last is not None:
        epoch = len(log.records)
        charts["hidden"] = sequence_figures.hidden_heatmap(log.last, shown_task, epoch, page.lang)
        charts["softmax"] = sequence_figures.softmax_heatmap(log.last, shown_task, epoch, page.lang)
        variant = page.t(f"seq.variant.{frame.extras['variant']}")
        if learned(log, shown_task):
            charts["verdict"] = page.t("seq.learned", variant=variant, target=shown_task.target,
                                       epoch=first_right_epoch(log, shown_task))
        else:
            charts["verdict"] = page.t("seq.not_learned", variant=variant, target=shown_task.target,
                                       predicted=shown_task.decode(log.last.prediction))
    return charts


ui.live_run(page, values, build, draw, code=[spec.model_class, step_function(spec.key)], pace=PACE, step_batches=True)
st.markdown(page.t("seq.shapes"))
