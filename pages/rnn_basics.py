"""Lecture 12: RNNCell, RNN, embedding, LSTM and GRU learn "hello" → "ohlol" while you watch."""
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.rnn_basics import figures as sequence_figures
from dlcore.engine.settings import Values
from dlcore.lectures.rnn_basics.lecture import PACE, SETTINGS, build as build_model
from dlcore.lectures.rnn_basics.model import (VARIANTS, EpochLog, SequenceInputError, char_task, first_right_epoch,
                                              learned, step_function)

page = ui.page_setup("rnn_basics")
ui.lecture_header(page, "rnn_basics.title", "rnn_basics.intro")

with ui.folded(page):
    chosen: dict = {}
    left, right = st.columns(2)
    for column, name in ((left, "source"), (right, "target")):
        with column:
            chosen[name] = ui.setting_widget(page, SETTINGS[name], chosen)
    try:
        task = char_task(chosen["source"], chosen["target"])
        st.caption(page.t("rnn_basics.vocabulary", vocabulary=", ".join(f"`{c}`" for c in task.vocabulary),
                          x=task.x_data, y=task.y_data))
    except SequenceInputError as error:
        task = None
        st.error(page.t(error.key, **error.values))

    chosen["variant"] = ui.setting_widget(page, SETTINGS["variant"], chosen)
    network = VARIANTS[chosen["variant"]]
    st.caption(page.t(f"rnn_basics.variant.{network.key}.about"))
    left, right = st.columns(2)
    with left:
        if network.hidden_is_scores:  # the course's models: the hidden state is the class scores
            chosen["hidden_size"] = len(task.vocabulary) if task else SETTINGS["hidden_size"].default
            if task:
                st.markdown(page.t("rnn_basics.hidden_is_scores", size=chosen["hidden_size"]))
        else:
            chosen["hidden_size"] = ui.setting_widget(page, SETTINGS["hidden_size"], chosen)
    with right:
        if network.max_layers > 1:
            chosen["num_layers"] = ui.setting_widget(page, SETTINGS["num_layers"], chosen)
        else:
            st.markdown(page.t("rnn_basics.one_cell"))
            chosen["num_layers"] = 1
    for name in ("lr", "epochs"):
        chosen[name] = ui.setting_widget(page, SETTINGS[name], chosen)
    values = Values(SETTINGS, chosen)


def build(spec):
    if task is None:
        return None  # the message above says what is wrong with the strings; the last run stays shown
    return build_model(spec)


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
        variant = page.t(f"rnn_basics.variant.{frame.extras['variant']}")
        if learned(log, shown_task):
            charts["verdict"] = page.t("rnn_basics.learned", variant=variant, target=shown_task.target,
                                       epoch=first_right_epoch(log, shown_task))
        else:
            charts["verdict"] = page.t("rnn_basics.not_learned", variant=variant, target=shown_task.target,
                                       predicted=shown_task.decode(log.last.prediction))
    return charts


ui.live_run(page, values, build, draw, code=[network.model_class, step_function(network.key)], pace=PACE, step_batches=True)
st.markdown(page.t("rnn_basics.shapes"))
