"""Take a run home: a standalone script that trains it again, its history as CSV, and its weights.

The script holds the very code the page ran: the source of the model, the step, the batches and the data
functions (and of every dlcore function or constant they use, found by following their names), then the
lecture's few lines that put them together (a Recipe's setup), and one plain loop shared by every page.
It needs only torch (and torchvision to download an image data set): no dlcore, no Streamlit.  With the
same seed, device and thread count it prints the numbers the page showed.

    script("logistic_regression", run.settings)  -> the script's text for these settings
    run_script("logistic_regression", run)       -> the script of the run as it went: Train more's epochs, the rate's changes
    bundle("logistic_regression", run)           -> a zip: that script, history.csv, batches.csv, weights.pt

tests/test_export.py runs the scripts of lectures 5, 6, 7, 10, 11 (the race), 12 and the generalisation page's
polynomial and weight decay against their page's run, and checks that every script compiles with every name
defined and every import used (pyflakes).
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

from dlcore.lectures.advanced_cnns import model as advanced_cnns
from dlcore.lectures.cnn_basics import model as convnets
from dlcore.lectures.multiple_input import model as diabetes
from dlcore.lectures.generalisation import model as generalisation
from dlcore.lectures.gradient_descent import model as gradient_descent
from dlcore.lectures.names import model as names
from dlcore.lectures.regression import model as regression
from dlcore.lectures.rnn_basics import model as sequences
from dlcore.lectures.softmax import model as softmax
from dlcore.engine import training
from dlcore.engine.metrics import accuracy, accuracy_evaluator
from dlcore.lectures.classifiers.training import seeded_model, training_batches
from dlcore.datasets.images import SPECS, normalized


@dataclass(frozen=True)
class Recipe:
    title: str
    file: str
    uses: tuple  # the dlcore functions and classes the setup calls (what they use comes along)
    setup: str  # the lines that make model, step, batches, evaluate and report from the settings
    constants: tuple = ()  # the settings the setup reads, in the order they are written at the top
    data: str = ""  # the script's own functions that read a data set from a folder
    notes: str = ""  # what the script does not reproduce exactly, for its docstring
    rate: str = "optimizer"  # what holds the learning rate in param_groups (for replaying its changes)


# -------------------------------------------------------------------------- helpers the script shares with the app


def state_of(model) -> dict:
    """A model's weights by name as CPU tensors: a module's state_dict, {"w": w} for the weight w of lectures
    2-4, and for several models (a dict) each one's under its name ("basic.conv1.weight", ...)."""
    if isinstance(model, dict):
        return {f"{name}.{key}": value for name, part in model.items() for key, value in state_of(part).items()}
    if isinstance(model, torch.Tensor) or isinstance(getattr(model, "w", None), torch.Tensor):
        return {"w": getattr(model, "w", model).detach().cpu().clone()}
    return {name: tensor.detach().cpu().clone() for name, tensor in model.state_dict().items()}


def csv_text(rows: list[dict]) -> str:
    """Rows of numbers as CSV, one column per name any row has."""
    out = io.StringIO()
    writer = csv.DictWriter(out, list(dict.fromkeys(name for row in rows for name in row)), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# -------------------------------------------------------------------------- the recipes

_OPTIMIZER = (training.make_optimizer, training.supervised_step)

_IMAGE_DATA = '''

@dataclass
class ImageData:
    train_x: torch.Tensor  # (N, C, H, W) float32, normalised with the data set's mean and std
    train_y: torch.Tensor  # (N,) int64
    test_x: torch.Tensor
    test_y: torch.Tensor

    @property
    def device(self) -> torch.device:
        return self.train_x.device


def read_idx(path: Path) -> torch.Tensor:
    """An MNIST-style file (.gz): a header of 4-byte numbers, then the bytes of the images or labels."""
    content = gzip.open(path).read()
    dimensions = content[3]
    shape = [int.from_bytes(content[4 + 4 * i : 8 + 4 * i], "big") for i in range(dimensions)]
    return torch.from_numpy(np.frombuffer(content, np.uint8, offset=4 + 4 * dimensions).copy()).view(shape)


def image_tensors(name: str, root: Path, device) -> ImageData:
    """The data set as normalised tensors: MNIST's .gz files read as they are, anything else (or missing files)
    through torchvision, which downloads into the data folder what is not there."""
    split = {}
    for train, prefix in ((True, "train"), (False, "t10k")):
        raw = root / FOLDERS[name] / "raw"
        files = [raw / f"{prefix}-images-idx3-ubyte.gz", raw / f"{prefix}-labels-idx1-ubyte.gz"]
        if name != "cifar10" and all(file.exists() for file in files):
            images, labels = read_idx(files[0]), read_idx(files[1]).long()
        else:
            from torchvision import datasets
            dataset = getattr(datasets, CLASSES[name])(root, train=train, download=True)
            images, labels = torch.as_tensor(dataset.data), torch.as_tensor(dataset.targets, dtype=torch.int64)
            images = images.permute(0, 3, 1, 2) if images.dim() == 4 else images  # CIFAR-10 is (N, H, W, C)
        split[train] = normalized(images, MEANS[name], STDS[name]).to(device), labels.to(device)
    return ImageData(*split[True], *split[False])


''' + "\n".join(f"{name} = {value!r}" for name, value in {
    "FOLDERS": {name: spec.folder.split("/")[0] for name, spec in SPECS.items()},
    "CLASSES": {name: spec.dataset.__name__ for name, spec in SPECS.items()},
    "MEANS": {name: spec.mean for name, spec in SPECS.items()},
    "STDS": {name: spec.std for name, spec in SPECS.items()}}.items()) + "\n"

_NAMES_DATA = f'''

NAMES_URL = {names.NAMES_URL!r}


def names_folder(root: Path) -> Path:
    """The names/*.txt files of the PyTorch tutorial, downloaded into the data folder when they are not there."""
    folder = root / "names"
    if not any(folder.glob("*.txt")):
        print(f"downloading {{NAMES_URL}} into {{folder}}")
        folder.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(NAMES_URL) as response:
            archive = zipfile.ZipFile(io.BytesIO(response.read()))
        for member in archive.namelist():
            if member.startswith("data/names/") and member.endswith(".txt"):
                (folder / Path(member).name).write_bytes(archive.read(member))
    return folder
'''

_HAND_WRITTEN = """
    x, y = course_data(DEVICE)
    rate = ManualRate(LR)  # the hand-written update's learning rate"""

_GPU_NOTE = "On a GPU some kernels are not deterministic: the numbers then agree to a few digits, not to the last one."
_UPLOAD_NOTE = ("Weights loaded from a file into the page's run are not in this script: it starts from the seed's "
                "weights.")

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
""", ("MODE", "LR", "EPOCHS"), rate="rate"),
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
""", ("LR", "EPOCHS"), rate="rate"),
    "linear_regression:course": Recipe(
        "Lecture 5: linear regression with nn.Linear", "lecture05_linear_regression.py",
        (regression.course_points, regression.LinearModel, regression.predict, training.full_batch, *_OPTIMIZER),
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
        (regression.synthetic_data, regression.LinearModel, training.minibatches, *_OPTIMIZER),
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
    "logistic_regression": Recipe(
        "Lecture 6: logistic regression", "lecture06_logistic_regression.py",
        (regression.hours_passed, regression.LogisticRegressionModel, regression.decision_boundary,
         training.full_batch, *_OPTIMIZER),
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
    "multiple_input": Recipe(
        "Lecture 7: eight features in, one probability out (the diabetes table)", "lecture07_diabetes.py",
        (diabetes.read_table, diabetes.split, diabetes.DiabetesNet, diabetes.evaluator, training.full_batch,
         training.minibatches, *_OPTIMIZER),
        """
    data = split(*read_table(options.data / "diabetes.csv.gz")).to(DEVICE)
    torch.manual_seed(SEED)
    model = DiabetesNet(ACTIVATION1, ACTIVATION2).to(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.BCELoss(), optimizer)
    if BATCH_SIZE == 0:  # the whole training table at once, as the notes do
        batches = full_batch(data.train_x, data.train_y)
    else:
        batches = minibatches(data.train_x, data.train_y, BATCH_SIZE, generator=torch.Generator().manual_seed(SEED))
    evaluate = evaluator(model, data)  # validation loss, train and validation accuracy, classes answered

    def report():
        print(f"RESULT val_acc {history[-1]['val_acc']:.6f}")
""", ("ACTIVATION1", "ACTIVATION2", "OPTIMIZER", "LR", "EPOCHS", "BATCH_SIZE")),
    "generalisation:polynomial": Recipe(
        "Generalisation (d2l): a polynomial fitted to a cubic's points", "generalisation_polynomial.py",
        (generalisation.polynomial_data, generalisation.split_evaluator, training.minibatches,
         training.supervised_step),
        """
    data = polynomial_data(DEGREE, TRAIN_POINTS, POWERS == "standardised").to(DEVICE)
    torch.manual_seed(SEED)
    model = nn.Linear(DEGREE, 1).to(DEVICE)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    loss = nn.MSELoss()
    step = supervised_step(model, loss, optimizer)
    batches = minibatches(data.train_x, data.train_y, min(10, TRAIN_POINTS), torch.Generator().manual_seed(SEED))
    evaluate = split_evaluator(model, data, loss)  # the loss on all training and all test points

    def report():
        bias, weights = data.coefficients(model)  # the polynomial the model computes, in powers of x
        print(f"RESULT b {bias:.6f}")
        for power, weight in enumerate(weights, start=1):
            print(f"RESULT w{power} {weight:.6f}")
""", ("DEGREE", "TRAIN_POINTS", "POWERS", "LR", "EPOCHS")),
    "generalisation:weight_decay": Recipe(
        "Generalisation (d2l): weight decay on 20 samples of 200 inputs", "generalisation_weight_decay.py",
        (generalisation.high_dimensional_data, generalisation.decay_model, generalisation.decay_step,
         generalisation.split_evaluator, training.minibatches),
        """
    data = high_dimensional_data().to(DEVICE)
    torch.manual_seed(SEED)
    model = decay_model(data.train_x.shape[1]).to(DEVICE)
    step, optimizer = decay_step(model, LAMBD, WAY, LR)
    batches = minibatches(data.train_x, data.train_y, 1, torch.Generator().manual_seed(SEED))  # one sample a step
    evaluate = split_evaluator(model, data, squared_loss, model.weight)  # both losses and the weights' norm

    def report():
        print(f"RESULT weight_norm {model.weight.norm().item():.6f}")
""", ("LAMBD", "WAY", "LR", "EPOCHS")),
    "rnn_basics": Recipe(
        "Lecture 12: an RNN learns hello -> ohlol", "lecture12_rnn.py",
        (sequences.char_task, sequences.build_model, sequences.task_batch, sequences.EpochLog,
         sequences.step_function, training.full_batch, training.make_optimizer),
        """
    task = char_task(SOURCE, TARGET)
    torch.manual_seed(SEED)
    model = build_model(VARIANT, len(task.vocabulary), HIDDEN_SIZE, NUM_LAYERS).to(DEVICE)
    optimizer = make_optimizer("Adam", model.parameters(), LR)
    log = EpochLog()  # what the network predicted in every epoch
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
         names.HeldOutAccuracy, training.make_optimizer),
        """
    data = names_data(read_names(names_folder(options.data))).to(DEVICE)
    torch.manual_seed(SEED)
    model = NameClassifier(len(data.vocabulary), len(data.languages), HIDDEN_SIZE, NUM_LAYERS, BIDIRECTIONAL)
    model = model.to(DEVICE)
    optimizer = make_optimizer("Adam", model.parameters(), LR)
    evaluate = HeldOutAccuracy(model, data)  # the test accuracy after every epoch
    step = name_step(model, nn.CrossEntropyLoss(), optimizer)
    batches = name_batches(data.train, BATCH_SIZE, torch.Generator().manual_seed(SEED))

    def report():
        print(f"RESULT accuracy {history[-1]['accuracy']:.6f}")
""", ("HIDDEN_SIZE", "NUM_LAYERS", "BIDIRECTIONAL", "LR", "EPOCHS", "BATCH_SIZE"), _NAMES_DATA,
        f"{_GPU_NOTE} {_UPLOAD_NOTE}"),
}

_IMAGES = """
    data = image_tensors(DATASET, options.data, DEVICE)
    model = seeded_model({build}, DEVICE, SEED)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR, MOMENTUM)
    step = supervised_step(model, nn.CrossEntropyLoss(), optimizer)
    batches = training_batches(data, BATCH_SIZE, TRAIN_SIZE, SEED)
    evaluate = accuracy_evaluator(model, data)  # train and test accuracy on 2,000 fixed images each

    def report():
        print(f"RESULT test_acc_all {accuracy(model, data.test_x, data.test_y):.6f}")
"""
_IMAGE_USES = (training_batches, seeded_model, accuracy_evaluator, accuracy, normalized, *_OPTIMIZER)
_IMAGE_CONSTANTS = ("DATASET", "LR", "EPOCHS", "BATCH_SIZE", "OPTIMIZER", "MOMENTUM", "TRAIN_SIZE")
_IMAGE_NOTES = ("When the page could not get its data set it trained on scikit-learn's 8x8 digits instead; this script "
                "reads the data set named above. " + _GPU_NOTE)
_IMAGE_MODELS = {"softmax": ("Lecture 9", softmax.VARIANTS, "lecture09"),
                 "cnn_basics": ("Lecture 10", convnets.MODELS, "lecture10"),
                 "advanced_cnns": ("Lecture 11", advanced_cnns.MODELS, "lecture11")}

_RACE = """
    data = image_tensors(DATASET, options.data, DEVICE)
    model, steps, model_batches, evaluators = {}, {}, {}, {}  # each model's own, as lecture 11's Race keeps them
    for name, build in MODELS.items():
        its = TRAINING[name]
        model[name] = seeded_model(build, DEVICE, SEED)
        optimizer = make_optimizer(its["optimizer"], model[name].parameters(), its["lr"], its["momentum"])
        steps[name] = supervised_step(model[name], nn.CrossEntropyLoss(), optimizer)
        model_batches[name] = training_batches(data, its["batch_size"], TRAIN_SIZE, SEED)
        evaluators[name] = accuracy_evaluator(model[name], data)

    def batches():  # one batch of every model at a time (each model shuffles with its own generator)
        return zip(*(each() for each in model_batches.values()))

    def step(batch):  # every model trains on its batch; the race's loss is their mean
        losses = [steps[name](its_batch).item() for name, its_batch in zip(steps, batch)]
        return sum(losses) / len(losses)

    def evaluate():
        return {f"{name}:{metric}": value for name, each in evaluators.items() for metric, value in each().items()}

    def report():
        for name in MODELS:
            print(f"RESULT {name}:test_acc {history[-1][f'{name}:test_acc']:.6f}")
"""


def _race_recipe() -> Recipe:
    models = ", ".join(f"{name!r}: {variant.build.__name__}" for name, variant in advanced_cnns.COMPARED.items())
    training_settings = {name: {key: variant.settings.defaults()[key]
                                for key in ("optimizer", "lr", "momentum", "batch_size")}
                         for name, variant in advanced_cnns.COMPARED.items()}
    training_lines = "".join(f"\n    {name!r}: {values!r}," for name, values in training_settings.items())
    constants = f"\nMODELS = {{{models}}}\nTRAINING = {{{training_lines}\n}}  # each model's lecture defaults\n"
    return Recipe("Lecture 11: the basic CNN, Inception and ResNet race on the same images", "lecture11_race.py",
                  (*(variant.build for variant in advanced_cnns.COMPARED.values()), *_IMAGE_USES), _RACE,
                  ("DATASET", "EPOCHS", "TRAIN_SIZE"), _IMAGE_DATA + constants,
                  "The page also times each model; this script does not. " + _IMAGE_NOTES, rate="")


def recipe(page_key: str) -> Recipe | None:
    """The recipe of a page's run (page_key: the key its live run uses, e.g. "cnn_basics:course"), or None."""
    if page_key in RECIPES:
        return RECIPES[page_key]
    if page_key == "advanced_cnns:compare":
        return _race_recipe()
    page, _, variant = page_key.partition(":")
    if page in _IMAGE_MODELS and variant in _IMAGE_MODELS[page][1]:
        lecture, models, prefix = _IMAGE_MODELS[page]
        build = models[variant].build
        return Recipe(f"{lecture}: {build.__name__} on an image data set", f"{prefix}_{variant}.py",
                      (build, *_IMAGE_USES), _IMAGES.replace("{build}", build.__name__), _IMAGE_CONSTANTS, _IMAGE_DATA,
                      f"{_IMAGE_NOTES} {_UPLOAD_NOTE}")
    return None


# -------------------------------------------------------------------------- the script


def _names_used(source: str, annotations: bool = False, free: bool = False) -> list[str]:
    """The names the code uses, in order; without annotations unless asked (the script does not evaluate
    them: a type named only in a hint needs no source); free: only those it does not define itself (the inner
    `batches` that minibatches returns is not the module's `batches`)."""
    tree = ast.parse(source)
    hints, bound = set(), set()
    if not annotations:
        for node in ast.walk(tree):
            for annotation in filter(None, [getattr(node, "returns", None), getattr(node, "annotation", None)]):
                hints.update(id(inner) for inner in ast.walk(annotation))
    if free:
        inner = [node for node in ast.walk(tree) if node not in tree.body]
        bound = ({node.name for node in inner if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
                 | {node.id for node in inner if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
                 | {node.arg for node in inner if isinstance(node, ast.arg)})
    return list(dict.fromkeys(node.id for node in ast.walk(tree)
                              if isinstance(node, ast.Name) and id(node) not in hints and node.id not in bound))


def _dependencies(roots) -> tuple[dict[str, str], list[str], dict[str, object]]:
    """The constants, the sources (each after what it uses) and the imported names of these dlcore functions
    and classes, and of the dlcore functions, classes and constants they use."""
    constants: dict[str, str] = {}
    sources: list[str] = []
    imported: dict[str, object] = {}
    done: set = set()

    def visit(thing) -> None:
        if thing in done:
            return
        done.add(thing)
        module = sys.modules[thing.__module__]
        source = textwrap.dedent(inspect.getsource(thing))
        for name in _names_used(source, free=True):
            value = getattr(module, name, None)
            if (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__.startswith("dlcore."):
                if value is not thing:
                    visit(value)
            elif name.isupper() and isinstance(value, (int, float, str, tuple, list)):
                constants.setdefault(name, f"{name} = {value!r}")
            elif value is not None and (inspect.ismodule(value) or inspect.isfunction(value) or inspect.isclass(value)):
                imported.setdefault(name, value)  # torch, nn, F, pack_padded_sequence, dataclass, ...
        sources.append(source)

    for root in roots:
        visit(root)
    return constants, sources, imported


_IMPORTS = {  # the script's imports, in this order, each when the script uses its name
    "argparse": "import argparse", "csv": "import csv", "gzip": "import gzip", "io": "import io",
    "math": "import math", "os": "import os", "unicodedata": "import unicodedata", "urllib": "import urllib.request",
    "zipfile": "import zipfile", "contextmanager": "from contextlib import contextmanager",
    "dataclass": "from dataclasses import dataclass", "field": "from dataclasses import field",
    "Path": "from pathlib import Path", "Callable": "from typing import Callable",
    "": "", "np": "import numpy as np", "torch": "import torch", "F": "import torch.nn.functional as F",
    "nn": "from torch import nn", "pack_padded_sequence": "from torch.nn.utils.rnn import pack_padded_sequence",
}


def _import_lines(body: str, imported: dict[str, object]) -> list[str]:
    """The imports of the names the script's body uses (and the line between the standard and the others)."""
    used = set(_names_used(body, annotations=True))
    lines = [line for name, line in _IMPORTS.items() if name in used or not name]
    for name, value in imported.items():  # a name the table does not know: imported as its module has it
        if name in used and name not in _IMPORTS:
            if inspect.ismodule(value):
                lines.append(f"import {value.__name__}" + ("" if value.__name__ == name else f" as {name}"))
            else:
                lines.append(f"from {value.__module__} import {value.__name__}"
                             + ("" if value.__name__ == name else f" as {name}"))
    merged: dict[str, list[str]] = {}  # "from dataclasses import dataclass" + "... import field": one line
    for line in lines:
        module, _, name = line.partition(" import ") if line.startswith("from ") else (line, "", "")
        merged.setdefault(module, []).append(name)
    return [f"{module} import {', '.join(parts)}" if parts[0] else module for module, parts in merged.items()]


_HEADER = '''"""{title}.

A run of the Live Deep-Learning Classroom as a standalone script.  Its settings:
{settings}

    python {file}{data_option} [--out FOLDER]

{about}
"""
from __future__ import annotations
'''

_ABOUT = ("It trains with the same code, seed and data as the page did, and prints every epoch's loss "
          "(and metrics) and the result; with --out it also writes history.csv and weights.pt into FOLDER.  It needs "
          "torch{torchvision}, nothing else.  On the CPU, on as many threads as the app trained with (THREADS), it "
          "prints the page's numbers (the math library may round a last digit differently in another process).")


_COMMAND_LINE = '''

def command_line() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0]){data_argument}
    parser.add_argument("--out", type=Path, help="a folder to write history.csv and weights.pt into")
    return parser.parse_args()
'''

_DATA_ARGUMENT = '''
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DL_CLASSROOM_DATA", "data")),
                        help="the data folder (default: $DL_CLASSROOM_DATA, or ./data)")'''

_LR_CHANGES = '''

def with_lr_changes(step, optimizer):
    """The step, setting the learning rate where the page's run changed it (LR_CHANGES: steps done before)."""
    done = 0

    def changing(batch):
        nonlocal done
        if done in LR_CHANGES:
            for group in optimizer.param_groups:
                group["lr"] = LR_CHANGES[done]
        done += 1
        return step(batch)

    return changing
'''

_LOOP = '''

def as_number(loss) -> float:
    return loss.item() if isinstance(loss, torch.Tensor) else float(loss)


def main():
    options = command_line()
    torch.set_num_threads(THREADS)
{setup}
    history = []  # one row per epoch: its number, mean loss, batches and metrics
    for epoch in range(1, EPOCHS + 1):
        losses = [as_number(step(batch)) for batch in batches()]
        history.append({{"epoch": epoch, "loss": sum(losses) / len(losses), "batches": len(losses),
                        **(evaluate() if evaluate else {{}})}})
        print(", ".join(f"{{name}} {{value:.6g}}" if isinstance(value, float) else f"{{name}} {{value}}"
                        for name, value in history[-1].items() if name != "batches"), flush=True)
        if not math.isfinite(history[-1]["loss"]):
            print("the loss is no longer a number: stopped (as the page stops such a run)")
            break
    report()
    if options.out:
        options.out.mkdir(parents=True, exist_ok=True)
        (options.out / "history.csv").write_text(csv_text(history))
        torch.save(state_of(model), options.out / "weights.pt")
        print(f"wrote {{options.out / 'history.csv'}} and {{options.out / 'weights.pt'}}")


if __name__ == "__main__":
    main()
'''


_FIXED = ("D2L_TRUE_W", "D2L_TRUE_B")
"""Constants of a recipe that are not settings of the page."""


def script(page_key: str, settings: dict, lr_changes=()) -> str | None:
    """The standalone script of a run of this page with these settings (run.settings, plus "threads" when known),
    replaying these learning-rate changes (history.lr_changes); None for a page without a run, or settings that
    lack one the script needs (a run made by loading weights into it, before any Train)."""
    chosen = recipe(page_key)
    if chosen is None or any(settings.get(name.lower()) is None for name in chosen.constants if name not in _FIXED):
        return None
    constants, sources, imported = _dependencies((*chosen.uses, state_of, csv_text))
    values = {"SEED": settings.get("seed", 0), "DEVICE": settings.get("device", "cpu"),
              "THREADS": settings.get("threads", torch.get_num_threads()),
              **{name: settings.get(name.lower()) for name in chosen.constants},
              **{name: getattr(regression, name) for name in _FIXED}}
    written = ("SEED", "DEVICE", "THREADS", *chosen.constants)
    changes = {change["batch"]: change["lr"] for change in lr_changes} if chosen.rate else {}
    setup = chosen.setup.rstrip("\n")
    if changes:
        values["LR_CHANGES"], written = changes, (*written, "LR_CHANGES")
        setup += f"\n\n    step = with_lr_changes(step, {chosen.rate})  # the rate as the page's run changed it"
    notes = [chosen.notes] if chosen.notes else []
    if "LR" in written and not changes:
        notes.insert(0, "The learning rate stays LR throughout, as it did on the page.")
    elif changes:
        notes.insert(0, "The learning-rate changes made during the page's run are replayed at the same steps "
                        "(LR_CHANGES).")
    uses_data = "options.data" in chosen.setup
    body = "\n".join([
        "\n# -- the settings of the run", *(f"{name} = {values[name]!r}" for name in written),
        "\n# -- what the code below uses", *constants.values(),
        "\n\n# -- the code the page ran (dlcore)", "", "\n\n\n".join(source.rstrip("\n") for source in sources),
        "\n\n# -- the data, the command line and the loop of this script" + chosen.data.rstrip("\n"),
        _COMMAND_LINE.format(data_argument=_DATA_ARGUMENT if uses_data else "").rstrip("\n"),
        _LR_CHANGES.rstrip("\n") if changes else "",
        _LOOP.format(setup=setup + "\n")])
    about = _ABOUT.format(torchvision=" (and torchvision to download a data set missing from the data folder)"
                          if uses_data else "")
    shown = ", ".join(f"{name.lower()}={values[name]!r}" for name in written if not name.startswith(("D2L", "LR_")))
    header = _HEADER.format(title=chosen.title, file=chosen.file, data_option=" [--data FOLDER]" if uses_data else "",
                            settings=textwrap.fill(shown, 110, initial_indent="    ", subsequent_indent="    "),
                            about="\n\n".join(textwrap.fill(text, 110) for text in [about, " ".join(notes)] if text))
    return "\n".join([header, *_import_lines(header + body, imported), body.replace("\n\n\n\n", "\n\n\n")])


# -------------------------------------------------------------------------- the bundle


def history_csv(history) -> str:
    """One row per epoch: the epoch, its mean loss, its batches and its metrics."""
    return csv_text(history.epochs)


def batches_csv(history) -> str:
    """One row per batch: its number (from 1) and its loss."""
    return csv_text([{"batch": number, "loss": loss} for number, loss in enumerate(history.batch_loss, start=1)])


def _models(run):
    """What holds the run's weights: its model, or the models of a race (None: nothing to save)."""
    if run.model is not None:
        return run.model
    return getattr(run.extras.get("race"), "models", None)


def weights(run) -> bytes | None:
    """The run's weights as a state_dict file (CPU tensors), taken between two steps (None: no model)."""
    model = _models(run)
    if model is None or not (isinstance(model, (dict, torch.Tensor)) or hasattr(model, "w")
                             or hasattr(model, "state_dict")):
        return None
    with run.trainer.lock:
        state = state_of(model)
    out = io.BytesIO()
    torch.save(state, out)
    return out.getvalue()


def run_script(page_key: str, run) -> str | None:
    """The script of this run as it is: its settings, the epochs it was asked for (Train more included),
    the learning-rate changes made during it, and the thread count the app trains with."""
    settings = {**run.settings, "epochs": run.trainer.epochs, "threads": torch.get_num_threads()}
    return script(page_key, settings, run.trainer.history.lr_changes)


def bundle(page_key: str, run) -> bytes:
    """A zip of the run: the script (when the page has one), history.csv, batches.csv and weights.pt."""
    chosen, source = recipe(page_key), run_script(page_key, run)
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
