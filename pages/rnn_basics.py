"""Lecture 12: RNNCell, RNN, embedding, LSTM and GRU learn "hello" → "ohlol" while you watch."""
import streamlit as st
import torch

from dlcore import figures, sequence_figures, ui
from dlcore.sequences import (COURSE, VARIANTS, EpochPace, SequenceInputError, char_task, first_right_epoch,
                              learned, sequence_trainer, step_function)

SLOW_MOTION_SECONDS = 0.3

page = ui.page_setup("rnn_basics")
st.title(page.t("seq.title"))
st.markdown(page.t("seq.intro"))

left, right = st.columns(2)
source = ui.kept(left.text_input, page.t("seq.source"), f"{page.key}:source", COURSE["source"])
target = ui.kept(right.text_input, page.t("seq.target_input"), f"{page.key}:target", COURSE["target"])
try:
    task = char_task(source, target)
    st.caption(page.t("seq.vocabulary", vocabulary=", ".join(f"`{c}`" for c in task.vocabulary),
                      x=task.x_data, y=task.y_data))
except SequenceInputError as error:
    task = None
    st.error(page.t(error.key, **error.values))

variant = ui.choice(page, "seq.variant", "variant", list(VARIANTS), "rnncell",
                    format_func=lambda name: page.t(f"seq.variant.{name}"))
spec = VARIANTS[variant]
st.caption(page.t(f"seq.variant.{variant}.about"))
left, right = st.columns(2)
if spec.hidden_is_scores:
    hidden_size = len(task.vocabulary) if task else None  # the model takes the vocabulary size itself
    if task:
        left.markdown(page.t("seq.hidden_is_scores", size=hidden_size))
else:
    hidden_size = ui.kept(left.slider, page.t("seq.hidden_size"), f"{page.key}:hidden", COURSE["hidden_size"],
                          min_value=1, max_value=32)
if spec.max_layers > 1:
    num_layers = ui.kept(right.slider, page.t("seq.layers"), f"{page.key}:layers", COURSE["num_layers"],
                         min_value=1, max_value=spec.max_layers)
else:
    right.markdown(page.t("seq.one_cell"))
    num_layers = 1
lr = ui.lr_control(page, default=COURSE["lr"])
epochs = ui.epochs_control(page, default=COURSE["epochs"], maximum=200)
slow_motion = ui.kept(st.checkbox, page.t("seq.slow_motion", seconds=SLOW_MOTION_SECONDS), f"{page.key}:slow", True)
action = ui.train_buttons(page)
if action == "train" and task is None:
    action = None  # the message above says why; the previous run stays shown


def build():
    torch.manual_seed(page.seed)
    trainer, model, log = sequence_trainer(variant, task, hidden_size=hidden_size, num_layers=num_layers, lr=lr,
                                           epochs=epochs, device=page.device,
                                           callbacks=[EpochPace(SLOW_MOTION_SECONDS)] if slow_motion else [])
    return ui.Run(trainer, model=model, extras={"log": log, "task": task, "variant": variant}, device=str(page.device))


def draw(run):
    charts = {}
    if run is not None:
        log, shown_task = run.extras["log"], run.extras["task"]
        charts["predictions"] = sequence_figures.prediction_table(log, shown_task, page.lang)
        charts["loss"] = figures.loss_curve(run.trainer.history, page.lang)
        if log.last is not None:
            epoch = len(log.records)
            charts["hidden"] = sequence_figures.hidden_heatmap(log.last, shown_task, epoch, page.lang)
            charts["softmax"] = sequence_figures.softmax_heatmap(log.last, shown_task, epoch, page.lang)
    return charts


run = ui.train(page, action, build, draw, lr=lr, epochs=epochs, code=[spec.model_class, step_function(variant)])
if run is not None and run.extras["log"].last is not None:
    log, shown_task = run.extras["log"], run.extras["task"]
    shown_variant = page.t(f"seq.variant.{run.extras['variant']}")
    if learned(log, shown_task):
        st.success(page.t("seq.learned", variant=shown_variant, target=shown_task.target,
                          epoch=first_right_epoch(log, shown_task)))
    else:
        st.warning(page.t("seq.not_learned", variant=shown_variant, target=shown_task.target,
                          predicted=shown_task.decode(log.last.prediction)))
st.markdown(page.t("seq.shapes"))
