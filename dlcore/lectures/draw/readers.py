"""Every model of a session that reads 28×28 digits, what it reads in a drawing, what it sees inside, and how it
learns the student's own handwriting.

A reader is a model some page trained (or loaded weights into): lecture 9's MLPs,
lecture 10's CNN, lecture 11's Inception and ResNet and the three models of its race,
on MNIST or Fashion-MNIST; and the models fine-tuned here.  Readers are found in the
session's runs (`readers`), so a model still training reads a drawing better at each
look: `Reader.model()` copies its weights between two steps.
"""
from __future__ import annotations

import copy
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

import plotly.graph_objects as go
import torch
from torch import nn

from dlcore.lectures import lecture
from dlcore.lectures.cnn_basics import figures as convnet_figures
from dlcore.lectures.advanced_cnns.model import BRANCH_OUTPUTS, InceptionNet, Race
from dlcore.engine.metrics import accuracy, evaluated_subset, evaluating, probabilities, weights_fingerprint
from dlcore.lectures.cnn_basics.model import each_layer_call, feature_maps
from dlcore.lectures.draw.drawing import model_input
from dlcore.lectures.classifiers.training import TestSetView
from dlcore.datasets.images import ImageData, class_names
from dlcore.engine.runs import Run
from dlcore.engine.settings import Settings, Values
from dlcore.text import translate
from dlcore.engine.training import Trainer, supervised_step

DIGIT_SHAPE = (1, 28, 28)
CLOSE_CALL = 0.25
"""Top two probabilities nearer than this: the model is torn between two classes."""


@dataclass(frozen=True)
class Reader:
    """A model of the session that reads digits: its page's run (the key it is kept under), the data it learned."""

    key: str  # the run's page key ("cnn_basics:course"); "/model" added for one model of a race
    run: Run
    data: ImageData
    race_model: str | None = None  # the model's name in the run's race

    @property
    def page(self) -> str:
        return self.key.split(":")[0]

    def model(self) -> nn.Module:
        """The model as it is now (a copy between two steps while its run trains)."""
        if self.race_model is None:
            return self.run.frame().model
        with self.run.trainer.lock:
            return copy.deepcopy(self.run.extras["race"].models[self.race_model])

    @property
    def code(self) -> Callable:
        """What built the model, for "The code": the page's builder, or the model's class."""
        if self.race_model is not None:
            return type(self.run.extras["race"].models[self.race_model])
        return self.run.extras.get("build") or type(self.run.model)

    def label(self, lang: str = "en") -> str:
        """Its lecture and model, and its data set when that is not MNIST."""
        label = label_of(self.key, lang, self.run.extras.get("own_digits", 0))
        return label if self.data.name == "mnist" else f"{label} · {translate(f'images.name.{self.data.name}', lang)}"

    @property
    def busy(self) -> bool:
        return self.run.busy

    def accuracy(self) -> float | None:
        """Test accuracy (on the 2,000 test images every epoch is measured on): measured for the weights as they
        are, or, while the run trains, as the last epoch left it (None before its first)."""
        if self.busy:
            prefix = f"{self.race_model}:" if self.race_model else ""
            epochs = self.run.trainer.history.epochs
            return epochs[-1].get(f"{prefix}test_acc") if epochs else None
        model = self.model()
        fingerprint = weights_fingerprint(model)
        kept = _MEASURED.setdefault(self.run, {})
        if kept.get(self.race_model, (None,))[0] != fingerprint:
            test = evaluated_subset(len(self.data.test_y)).to(self.data.device)
            device = next(model.parameters()).device
            kept[self.race_model] = (fingerprint, accuracy(model, self.data.test_x[test].to(device),
                                                           self.data.test_y[test].to(device)))
        return kept[self.race_model][1]


_MEASURED: "weakref.WeakKeyDictionary[Run, dict]" = weakref.WeakKeyDictionary()


def label_of(key: str, lang: str = "en", own_digits: int = 0) -> str:
    """"Lecture 10 · The course's CNN" for a run's key; a race's model and a fine-tuned model say so."""
    page, name = key.split(":", 1)
    if page == "draw":
        return translate("draw.tuned_label", lang, base=label_of(name.removeprefix("tuned:"), lang), n=own_digits)
    name, _, racer = name.partition("/")
    model = translate(f"{page}.model.{racer or name}", lang)  # the page's names of its models
    if racer:
        model = translate("draw.race_label", lang, model=model)
    return translate("draw.lecture_label", lang, number=lecture(page).number, model=model)


def readers(runs: Mapping[str, Run]) -> list[Reader]:
    """The models of a session's runs (by page key) that read 28×28 one-channel images, in the course's order."""
    found = []
    for key, run in runs.items():
        view, race = run.extras.get("view"), run.extras.get("race")
        if isinstance(view, TestSetView) and view.data.shape == DIGIT_SHAPE:
            found.append(Reader(key, run, view.data))
        elif isinstance(race, Race) and race.data.shape == DIGIT_SHAPE:
            found += [Reader(f"{key}/{name}", run, race.data, name) for name in race.models]
    return sorted(found, key=lambda reader: (lecture(reader.page).order, reader.key))


@dataclass
class Reading:
    """What a model makes of one image: a probability for each class of its data set."""

    probabilities: torch.Tensor  # (classes,), on the CPU
    names: list[str]

    @property
    def ranked(self) -> list[int]:
        return self.probabilities.argsort(descending=True).tolist()

    @property
    def guess(self) -> int:
        return self.ranked[0]

    @property
    def confidence(self) -> float:
        return self.probabilities[self.guess].item()

    @property
    def close_call(self) -> bool:
        """Whether the two likeliest classes are close: the model hesitates between them."""
        first, second = self.ranked[:2]
        return self.probabilities[first].item() - self.probabilities[second].item() < CLOSE_CALL


def read(model: nn.Module, pixels: torch.Tensor, data: ImageData, lang: str = "en") -> Reading:
    """The model's probabilities for a (28, 28) image in [0, 1] (dlcore.lectures.draw.drawing.centred_digit)."""
    x = model_input(pixels, data, next(model.parameters()).device)
    return Reading(probabilities(model, x)[0].cpu(), class_names(data, lang))


# ---------------------------------------------------------------- inside the model

ACTIVATIONS = (nn.ReLU, nn.Sigmoid, nn.Tanh)


def hidden_activations(model: nn.Module, x: torch.Tensor) -> list[tuple[str, torch.Tensor]]:
    """(layer, values) of each hidden layer of an MLP for one image: a layer's activation where it is a module of
    its own, else (ReLU called in forward()) the Linear layer's output; not the last layer's scores."""
    records: list[tuple[str, nn.Module, torch.Tensor]] = []
    each_layer_call(model, x, lambda name, module, inputs, output: records.append((name, module, output.detach()[0])))
    records = [record for record in records if not isinstance(record[1], nn.Flatten | nn.Dropout)]
    layers = [(name, output) for (name, module, output), after in zip(records, records[1:] + [None])
              if not (isinstance(module, nn.Linear) and after is not None and isinstance(after[1], ACTIVATIONS))]
    return layers[:-1]


def has_convolutions(model: nn.Module) -> bool:
    return any(isinstance(module, nn.Conv2d) for module in model.modules())


def inside(model: nn.Module, x: torch.Tensor) -> list[tuple[str, torch.Tensor]]:
    """What each layer makes of one image x (1, 1, 28, 28): the (C, H, W) maps of every convolution and pooling of a
    CNN (of an Inception block, each branch's output), or the hidden activations (n,) of an MLP."""
    if not has_convolutions(model):
        return hidden_activations(model, x)
    maps = feature_maps(model, x)
    if isinstance(model, InceptionNet):
        maps = [(name, output) for name, output in maps if "." not in name or name.rsplit(".", 1)[1] in BRANCH_OUTPUTS]
    return maps


def inside_figures(model: nn.Module, x: torch.Tensor, lang: str = "en") -> dict[str, go.Figure]:
    """A figure for each layer of `inside`: a grid of feature maps, or a layer's activations as one heatmap."""
    return {name: (convnet_figures.feature_map_grid(name, values, lang) if values.dim() == 3
                   else convnet_figures.activation_grid(name, values, lang))
            for name, values in inside(model, x)}


# ---------------------------------------------------------------- learning the student's handwriting

BATCH_SIZE = 64
OWN_PER_BATCH = 16
"""Of each batch of 64, 48 are random MNIST training images and 16 the student's digits (drawn with replacement)."""
ROUND_STEPS, ROUNDS = 100, 3
"""300 steps in all, measured after every 100."""
LR, MOMENTUM = 0.01, 0.5
"""The course's SGD."""
SHIFT = 2
"""Each drawn digit is moved by up to this many pixels each time it is used, so a few digits are not learned by heart."""


def shifted(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Each image (N, 1, 28, 28) moved by a random -SHIFT..SHIFT pixels across and down (its border is background)."""
    moves = torch.randint(-SHIFT, SHIFT + 1, (len(x), 2), generator=generator).tolist()
    return torch.stack([image.roll(shifts=(down, across), dims=(1, 2)) for image, (down, across) in zip(x, moves)])


def fine_tuning_run(reader: Reader, pixels: torch.Tensor, labels: torch.Tensor, device, seed: int = 0) -> Run:
    """A copy of the reader's model trained ROUNDS × ROUND_STEPS steps on MNIST mixed with the student's digits
    (pixels (N, 28, 28) in [0, 1], labels (N,)), with its test accuracy and its accuracy on those digits ("own_acc")
    after each round.  The run's key is "draw:tuned:<the reader's first model>"."""
    model = copy.deepcopy(reader.model()).to(device)
    data = reader.data.to(device)
    own_x = torch.cat([model_input(image, data, device) for image in pixels])
    own_y = labels.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    step = supervised_step(model, nn.CrossEntropyLoss(), optimizer)
    generator = torch.Generator().manual_seed(seed)

    def batches():
        for _ in range(ROUND_STEPS):
            mnist = torch.randint(len(data.train_y), (BATCH_SIZE - OWN_PER_BATCH,), generator=generator).to(device)
            own = torch.randint(len(own_y), (OWN_PER_BATCH,), generator=generator).to(device)
            yield (torch.cat([data.train_x[mnist], shifted(own_x[own], generator)]),
                   torch.cat([data.train_y[mnist], own_y[own]]))

    test = evaluated_subset(len(data.test_y)).to(device)

    def evaluate():
        return {"test_acc": accuracy(model, data.test_x[test], data.test_y[test]), "own_acc": accuracy(model, own_x, own_y)}

    trainer = Trainer(step, batches, ROUNDS, evaluate=evaluate, optimizer=optimizer)
    extras = {"view": TestSetView(data, seed), "build": reader.code, "own_digits": len(own_y)}
    return Run(trainer, model=model, extras=extras, device=str(device))


def tuning_values(reader: Reader, own_digits: int) -> Values:
    """What a fine-tuning run is made from, as its run records it (it has no settings of its own to draw)."""
    return Values(Settings(), {"steps": ROUND_STEPS * ROUNDS, "own_digits": own_digits, "from": reader.key})


def tuned_key(reader: Reader) -> str:
    """Where the fine-tuned copy of a reader is kept: one per model it started from (tuning it again goes on)."""
    base = reader.key.removeprefix("draw:tuned:")
    return f"draw:tuned:{base}"


def own_digits_accuracy(reader: Reader, pixels: torch.Tensor, labels: torch.Tensor) -> tuple[torch.Tensor, float]:
    """The reader's guesses for the student's digits, and the share it reads right."""
    model = reader.model()
    device = next(model.parameters()).device
    x = torch.cat([model_input(image, reader.data, device) for image in pixels])
    with evaluating(model):
        guesses = model(x).argmax(dim=1).cpu()
    return guesses, float((guesses == labels).float().mean()) if len(labels) else float("nan")
