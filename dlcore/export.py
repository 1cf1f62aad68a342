"""Take a run home: a standalone script that trains it again, its history as CSV, and its weights.

The script holds the very code the page ran: the source of the model, the step, the batches and the data
functions (and of every dlcore function or constant they use), then the lecture's few lines that put them
together, and a plain loop.  It needs only torch (and torchvision for downloads): no dlcore, no Streamlit.
With the same seed and device it prints the numbers the page showed.

    script("logistic", run.settings)  -> the script's text
    bundle("logistic", run)           -> a zip: the script, history.csv, batches.csv, weights.pt
"""
from __future__ import annotations

import ast
import csv
import inspect
import io
import sys
import textwrap
import zipfile
from dataclasses import dataclass

import torch

from dlcore import advanced_cnns, convnets, gradient_descent, names, regression, sequences, softmax, training
from dlcore.classify import accuracy
from dlcore.image_training import seeded_model, training_batches
from dlcore.images import SPECS, normalized


@dataclass(frozen=True)
class Recipe:
    title: str
    file: str
    uses: tuple  # the dlcore functions and classes the setup calls (what they use comes along)
    setup: str  # the lines that make model, step, batches, evaluate and report, from the settings
    constants: tuple = ()  # the settings the setup reads, in the order they are written at the top
    data: str = ""  # the script's own functions that read a data set from a folder


_OPTIMIZER = (training.make_optimizer, training.supervised_step, training.full_batch, training.minibatches)

_FOLDER = '''

def data_folder() -> Path:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("DL_CLASSROOM_DATA", "data"))
    return Path(parser.parse_args().data)
'''

_IMAGE_DATA = '''

def read_idx(path: Path) -> torch.Tensor:
    """An MNIST-style file (.gz): a header of 4-byte numbers, then the bytes of the images or labels."""
    content = gzip.open(path).read()
    dimensions = content[3]
    shape = [int.from_bytes(content[4 + 4 * i : 8 + 4 * i], "big") for i in range(dimensions)]
    return torch.from_numpy(np.frombuffer(content, np.uint8, offset=4 + 4 * dimensions).copy()).view(shape)


@dataclass
class Images:
    train_x: torch.Tensor
    train_y: torch.Tensor
    test_x: torch.Tensor
    test_y: torch.Tensor


def image_tensors(name: str, device) -> Images:
    """The data set as normalised tensors, read from the data folder (downloaded by torchvision if missing)."""
    root, split = data_folder(), {}
    for train, prefix in ((True, "train"), (False, "t10k")):
        raw = root / FOLDERS[name] / "raw"
        files = [raw / f"{prefix}-images-idx3-ubyte.gz", raw / f"{prefix}-labels-idx1-ubyte.gz"]
        if name != "cifar10" and all(file.exists() for file in files):
            images, labels = read_idx(files[0]), read_idx(files[1]).long()
        else:
            from torchvision import datasets
            dataset = getattr(datasets, CLASSES[name])(root, train=train, download=True)
            images, labels = torch.as_tensor(dataset.data), torch.as_tensor(dataset.targets, dtype=torch.int64)
            images = images.permute(0, 3, 1, 2) if images.dim() == 4 else images
        split[train] = normalized(images, MEANS[name], STDS[name]).to(device), labels.to(device)
    return Images(*split[True], *split[False])


''' + "\n".join(f"{name} = {value!r}" for name, value in {
    "FOLDERS": {name: spec.folder.split("/")[0] for name, spec in SPECS.items()},
    "CLASSES": {name: spec.dataset.__name__ for name, spec in SPECS.items()},
    "MEANS": {name: spec.mean for name, spec in SPECS.items()},
    "STDS": {name: spec.std for name, spec in SPECS.items()}}.items()) + "\n"

_NAMES_DATA = '''

def names_folder() -> Path:
    """The names/*.txt files of the PyTorch tutorial (https://download.pytorch.org/tutorial/data.zip)."""
    return data_folder() / "names"
'''

_HAND_WRITTEN = """
    x, y = course_data(DEVICE)
    rate = ManualRate(LR)  # the hand-written update's learning rate
"""

RECIPES = {
    "linear_model": Recipe(
        "Lectures 2-3: gradient descent on y_hat = x * w", "lecture02_gradient_descent.py",
        (gradient_descent.course_data, gradient_descent.ScalarModel, gradient_descent.gradient_descent_step,
         gradient_descent.sample_batches, gradient_descent.forward, training.ManualRate),
        _HAND_WRITTEN + """
    model = ScalarModel.starting_at(1.0, DEVICE)
    step = gradient_descent_step(model, rate)
    batches = sample_batches(x, y, MODE == "stochastic")
    evaluate = None

    def report():
        print(f"RESULT w {model.w.item():.6f}")
        print(f"RESULT predict(4) {forward(4.0, model.w.item()):.6f}")
""", ("MODE", "LR", "EPOCHS")),
    "backprop": Recipe(
        "Lecture 4: back-propagation with autograd", "lecture04_backprop.py",
        (gradient_descent.course_data, gradient_descent.autograd_step, gradient_descent.AutogradRecord,
         gradient_descent.sample_batches, gradient_descent.forward, training.ManualRate),
        _HAND_WRITTEN + """
    model = w = torch.tensor([1.0], device=DEVICE, requires_grad=True)
    records = []  # what every step saw: the sample, w, its gradient, the loss
    step = autograd_step(w, rate, records)
    batches = sample_batches(x, y, stochastic=True)
    evaluate = None

    def report():
        print(f"RESULT w {w.item():.6f}")
        print(f"RESULT predict(4) {forward(4.0, w.item()):.6f}")
""", ("LR", "EPOCHS")),
    "linear_regression:course": Recipe(
        "Lecture 5: linear regression with nn.Linear", "lecture05_linear_regression.py",
        (regression.course_points, regression.LinearModel, regression.predict, *_OPTIMIZER),
        """
    torch.manual_seed(SEED)
    x, y = course_points(DEVICE)
    model = LinearModel(x.shape[1]).to(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.MSELoss(reduction="sum"), optimizer)
    batches = full_batch(x, y)
    evaluate = None

    def report():
        print(f"RESULT w {model.linear.weight.item():.6f}")
        print(f"RESULT b {model.linear.bias.item():.6f}")
        print(f"RESULT predict(4) {predict(model, [4.0])[0]:.6f}")
""", ("LR", "EPOCHS", "OPTIMIZER")),
    "linear_regression:d2l": Recipe(
        "Lecture 5: linear regression on d2l's synthetic data", "lecture05_linear_regression_d2l.py",
        (regression.synthetic_data, regression.LinearModel, *_OPTIMIZER),
        """
    torch.manual_seed(SEED)
    x, y = synthetic_data(D2L_TRUE_W, D2L_TRUE_B, generator=torch.Generator().manual_seed(SEED))
    x, y = x.to(DEVICE), y.to(DEVICE)
    model = LinearModel(x.shape[1]).to(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.MSELoss(), optimizer)
    batches = minibatches(x, y, BATCH_SIZE, torch.Generator().manual_seed(SEED))
    evaluate = None

    def report():
        for name, value in zip(["w1", "w2"], model.linear.weight.flatten().tolist()):
            print(f"RESULT {name} {value:.6f}")
        print(f"RESULT b {model.linear.bias.item():.6f}")
""", ("LR", "EPOCHS", "OPTIMIZER", "BATCH_SIZE", "D2L_TRUE_W", "D2L_TRUE_B")),
    "logistic": Recipe(
        "Lecture 6: logistic regression", "lecture06_logistic_regression.py",
        (regression.hours_passed, regression.LogisticRegressionModel, regression.decision_boundary, *_OPTIMIZER),
        """
    torch.manual_seed(SEED)
    model = LogisticRegressionModel().to(DEVICE)
    x, y = hours_passed(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.BCELoss(reduction="sum"), optimizer)
    batches = full_batch(x, y)
    evaluate = None

    def report():
        print(f"RESULT boundary {decision_boundary(model):.6f}")
""", ("LR", "EPOCHS", "OPTIMIZER")),
    "rnn_basics": Recipe(
        "Lecture 12: an RNN learns hello -> ohlol", "lecture12_rnn.py",
        (sequences.char_task, sequences.build_model, sequences.task_batch, sequences.EpochLog,
         sequences.rnncell_step, sequences.sequence_step, sequences.step_function, *_OPTIMIZER),
        """
    task = char_task(SOURCE, TARGET)
    torch.manual_seed(SEED)
    model = build_model(VARIANT, len(task.vocabulary), HIDDEN_SIZE, NUM_LAYERS).to(DEVICE)
    optimizer = make_optimizer("Adam", model.parameters(), LR)
    log = EpochLog()  # the predicted string of every epoch
    step = step_function(VARIANT)(model, nn.CrossEntropyLoss(), optimizer, log)
    batches = full_batch(*task_batch(VARIANT, task, DEVICE))

    def evaluate():
        return {"predicted": task.decode(log.last.prediction)}

    def report():
        print(f"RESULT predicted {task.decode(log.last.prediction)}")
""", ("SOURCE", "TARGET", "VARIANT", "HIDDEN_SIZE", "NUM_LAYERS", "LR", "EPOCHS")),
    "names": Recipe(
        "Lecture 13: a GRU names a surname's language", "lecture13_names.py",
        (names.read_names, names.names_data, names.NameClassifier, names.name_batches, names.name_step,
         names.HeldOutAccuracy, *_OPTIMIZER),
        """
    data = names_data(read_names(names_folder())).to(DEVICE)
    torch.manual_seed(SEED)
    model = NameClassifier(len(data.vocabulary), len(data.languages), HIDDEN_SIZE, NUM_LAYERS, BIDIRECTIONAL)
    model = model.to(DEVICE)
    optimizer = make_optimizer("Adam", model.parameters(), LR)
    evaluate = HeldOutAccuracy(model, data)
    step = name_step(model, nn.CrossEntropyLoss(), optimizer)
    batches = name_batches(data.train, BATCH_SIZE, torch.Generator().manual_seed(SEED))

    def report():
        print(f"RESULT accuracy {history[-1]['accuracy']:.6f}")
""", ("HIDDEN_SIZE", "NUM_LAYERS", "BIDIRECTIONAL", "LR", "EPOCHS", "BATCH_SIZE"), _FOLDER + _NAMES_DATA),
}

_IMAGES = """
    data = image_tensors(DATASET, DEVICE)
    model = seeded_model({build}, DEVICE, SEED)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR, MOMENTUM)
    step = supervised_step(model, nn.CrossEntropyLoss(), optimizer)
    batches = training_batches(data, BATCH_SIZE, TRAIN_SIZE, SEED)
    evaluate = None

    def report():
        print(f"RESULT test_acc {accuracy(model, data.test_x, data.test_y):.6f}")
"""
_IMAGE_USES = (training_batches, seeded_model, accuracy, normalized, *_OPTIMIZER)
_IMAGE_CONSTANTS = ("DATASET", "LR", "EPOCHS", "BATCH_SIZE", "OPTIMIZER", "MOMENTUM", "TRAIN_SIZE")
_IMAGE_MODELS = {"softmax": ("Lecture 9", softmax.VARIANTS, "lecture09"), "cnn": ("Lecture 10", convnets.MODELS, "lecture10"),
                 "advanced_cnns": ("Lecture 11", advanced_cnns.MODELS, "lecture11")}


def recipe(page_key: str) -> Recipe | None:
    """The recipe of a page's run (page_key: the key its live run uses, e.g. "cnn:course"), or None."""
    if page_key in RECIPES:
        return RECIPES[page_key]
    page, _, variant = page_key.partition(":")
    if page in _IMAGE_MODELS and variant in _IMAGE_MODELS[page][1]:
        lecture, models, prefix = _IMAGE_MODELS[page]
        build = models[variant].build
        return Recipe(f"{lecture}: {build.__name__} on an image data set", f"{prefix}_{variant}.py", (build, *_IMAGE_USES),
                      _IMAGES.replace("{build}", build.__name__), _IMAGE_CONSTANTS, _FOLDER + _IMAGE_DATA)
    return None


# -------------------------------------------------------------------------- the script


def _names_used(source: str) -> list[str]:
    """The names the code uses, in order, leaving out type annotations (a hint needs no source: the script
    does not evaluate its annotations) and strings."""
    tree = ast.parse(source)
    hints = set()
    for node in ast.walk(tree):
        annotations = [getattr(node, "returns", None), getattr(node, "annotation", None)]
        for annotation in filter(None, annotations):
            hints.update(id(inner) for inner in ast.walk(annotation))
    return list(dict.fromkeys(node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and id(node) not in hints))


def _dependencies(roots) -> tuple[dict[str, str], list[str]]:
    """The constants and the sources (each after what it uses) of these dlcore functions and classes."""
    constants: dict[str, str] = {}
    sources: list[str] = []
    done: set = set()

    def visit(thing) -> None:
        if thing in done:
            return
        done.add(thing)
        module = sys.modules[thing.__module__]
        source = textwrap.dedent(inspect.getsource(thing))
        for name in _names_used(source):
            value = getattr(module, name, None)
            if (inspect.isfunction(value) or inspect.isclass(value)) and value is not thing \
                    and value.__module__.startswith("dlcore."):
                visit(value)
            elif name.isupper() and isinstance(value, (int, float, str, tuple, list)) and name not in constants:
                constants[name] = f"{name} = {value!r}"
            elif inspect.ismodule(value) and not value.__name__.startswith("dlcore"):
                constants.setdefault(f"import {name}", f"import {value.__name__}" + (
                    "" if value.__name__ == name else f" as {name}"))
        sources.append(source)

    for root in roots:
        visit(root)
    return constants, sources


_HEADER = '''"""{title}: the run of the Live Deep-Learning Classroom, as a standalone script.

Settings: {settings}
Run it with `python {file}` (torch; torchvision to download a data set).  It trains the same model with
the same code, seed and data as the page did, and prints every epoch's loss and the result.  Set the data
folder with --data (default: $DL_CLASSROOM_DATA, or ./data).  A learning rate changed during the page's run
is not replayed: the script keeps the one the run started with.
"""
from __future__ import annotations

import argparse
import gzip
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence
'''

_IMPORTED = {"argparse", "gzip", "math", "os", "np", "torch", "F", "nn"}
"""The modules the header imports (a module the code uses is imported after them)."""

_LOOP = '''

def as_number(loss) -> float:
    return loss.item() if isinstance(loss, torch.Tensor) else float(loss)


def main():
    history = []
{setup}
    for epoch in range(1, EPOCHS + 1):
        losses = [as_number(step(batch)) for batch in batches()]
        history.append({{"epoch": epoch, "loss": sum(losses) / len(losses), **(evaluate() if evaluate else {{}})}})
        print(", ".join(f"{{name}} {{value:.6g}}" if isinstance(value, float) else f"{{name}} {{value}}"
                        for name, value in history[-1].items()), flush=True)
    report()


if __name__ == "__main__":
    main()
'''

def script(page_key: str, settings: dict) -> str | None:
    """The standalone script of a run of this page with these settings (run.settings), or None."""
    chosen = recipe(page_key)
    if chosen is None:
        return None
    constants, sources = _dependencies(chosen.uses)
    imports = [line for name, line in constants.items() if name.startswith("import ") and name[7:] not in _IMPORTED]
    constants = {name: line for name, line in constants.items() if not name.startswith("import ")}
    values = {"SEED": settings.get("seed", 0), "DEVICE": settings.get("device", "cpu"),
              **{name: settings.get(name.lower()) for name in chosen.constants}}
    values.update(D2L_TRUE_W=regression.D2L_TRUE_W, D2L_TRUE_B=regression.D2L_TRUE_B)
    shown = ", ".join(f"{name.lower()}={values[name]!r}" for name in ("SEED", "DEVICE", *chosen.constants)
                      if not name.startswith("D2L"))
    settings_lines = "\n".join(f"{name} = {values[name]!r}" for name in ("SEED", "DEVICE", *chosen.constants))
    parts = [_HEADER.format(title=chosen.title, settings=shown, file=chosen.file), *imports, "",
             "# -- the settings of the run", settings_lines, "",
             "# -- what the code below uses", "\n".join(constants.values()), chosen.data,
             "\n# -- the code the page ran (dlcore)\n", "\n\n".join(sources),
             _LOOP.format(setup=chosen.setup.rstrip("\n"))]
    return "\n".join(parts)


# -------------------------------------------------------------------------- the bundle


def history_csv(history) -> str:
    """One row per epoch: the epoch, its mean loss and its metrics."""
    rows = history.epochs
    columns = list(dict.fromkeys(name for row in rows for name in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def batches_csv(history) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["batch", "loss"])
    writer.writerows(enumerate(history.batch_loss, start=1))
    return out.getvalue()


def weights(run) -> bytes | None:
    """The run's weights as a state_dict file (CPU tensors), taken between two steps (None: not one model)."""
    model = run.model
    if isinstance(model, torch.Tensor) or isinstance(getattr(model, "w", None), torch.Tensor):
        model = {"w": getattr(model, "w", model)}  # lectures 2-4 train the tensor w itself
    elif not hasattr(model, "state_dict"):
        return None
    with run.trainer.lock:
        state = model.state_dict() if hasattr(model, "state_dict") else model
        state = {name: tensor.detach().cpu().clone() for name, tensor in state.items()}
    out = io.BytesIO()
    torch.save(state, out)
    return out.getvalue()


def bundle(page_key: str, run) -> bytes:
    """A zip of the run: the script (when the page has one), history.csv, batches.csv and weights.pt."""
    chosen, source = recipe(page_key), script(page_key, run.settings)
    history = run.trainer.history.copy()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if source is not None:
            archive.writestr(chosen.file, source)
        archive.writestr("history.csv", history_csv(history))
        archive.writestr("batches.csv", batches_csv(history))
        saved = weights(run)
        if saved is not None:
            archive.writestr("weights.pt", saved)
    return out.getvalue()
