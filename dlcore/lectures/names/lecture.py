"""Lecture 13: a surname's language from an embedding and a GRU over packed batches."""
from functools import cache

import torch

from dlcore.engine.data import data_dir
from dlcore.engine.runs import Run
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Lecture, Preview
from dlcore.lectures.names.model import SETTINGS, NamesData, load_names_data, names_trainer

LECTURE = Lecture(
    "13", "🌍", "rnn", order=180,
    preview=Preview("", ("imgfig.confusion_title",)))

__all__ = ["LECTURE", "SETTINGS", "build", "names_tensors"]


@cache
def names_tensors(folder: str, device: str) -> NamesData:
    """The names as padded index tensors on the device, made once per process, data folder and device
    (downloaded into the data folder when they are not there; NamesDataMissing when that fails too)."""
    return load_names_data(folder).to(device)


def build(spec: RunSpec) -> Run:
    data = names_tensors(str(data_dir()), spec.device)
    torch.manual_seed(spec.seed)
    trainer, model, evaluation = names_trainer(data, generator=torch.Generator().manual_seed(spec.seed),
                                               **{name: spec.values[name] for name in SETTINGS.declared})
    return Run(trainer, model=model, extras={"evaluation": evaluation}, changing=("evaluation",), device=spec.device)
