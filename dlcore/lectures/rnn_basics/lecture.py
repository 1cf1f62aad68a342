"""Lecture 12: RNNCell, RNN, embedding, LSTM and GRU learning hello -> ohlol."""
import torch

from dlcore.engine.runs import Run
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.rnn_basics.model import SETTINGS, char_task, sequence_trainer

LECTURE = Lecture(
    "12", "🔤", "rnn", order=170, path_step=7,
    preview=Preview("", ("rnn_basics.table_title",), top=True),
    demos=(
        Demo("gru", {"variant": "gru"}),
    ))

__all__ = ["LECTURE", "PACE", "SETTINGS", "build"]
PACE = 3  # steps (here: epochs) a second: the course's 15 epochs take 5 s on screen


def build(spec: RunSpec) -> Run:
    """The chosen model learning to turn the source string into the target (SequenceInputError: strings it cannot
    learn one step per character)."""
    values = spec.values
    task = char_task(values["source"], values["target"])
    torch.manual_seed(spec.seed)
    trainer, model, log = sequence_trainer(values["variant"], task, hidden_size=values["hidden_size"],
                                           num_layers=values["num_layers"], lr=values["lr"], epochs=values["epochs"],
                                           device=spec.device)
    return Run(trainer, model=model, extras={"log": log, "task": task, "variant": values["variant"]},
               device=spec.device, changing=("log",))
