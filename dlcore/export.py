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
from dataclasses import dataclass, field
from importlib import import_module

import torch

from dlcore.engine import training


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
    fixed: dict = field(default_factory=dict)  # constants of the script that are not settings of the page


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

OPTIMIZER_USES = (training.make_optimizer, training.supervised_step)
"""What a recipe that trains with an optimizer uses."""
GPU_NOTE = "On a GPU some kernels are not deterministic: the numbers then agree to a few digits, not to the last one."
UPLOAD_NOTE = ("Weights loaded from a file into the page's run are not in this script: it starts from the seed's "
               "weights.")


def recipe(page_key: str) -> Recipe | None:
    """The recipe of a page's run (its key: "cnn_basics:course"), as its lecture declares it in its package's
    export.py (`recipe(variant)`), or None."""
    lecture, _, variant = page_key.partition(":")
    try:
        declared = import_module(f"dlcore.lectures.{lecture}.export")
    except ModuleNotFoundError:
        return None
    return declared.recipe(variant or None)


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


def _assignment(module, name: str) -> str | None:
    """The source of the module's top-level assignment of this name (a table of functions: SURFACES, ...)."""
    source = inspect.getsource(module)
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            return ast.get_source_segment(source, node)
    return None


def _dependencies(roots) -> tuple[dict[str, str], list[str], dict[str, object]]:
    """The constants, the sources (each after what it uses) and the imported names of these dlcore functions
    and classes, and of the dlcore functions, classes and constants they use.  A root may also be a constant's
    (module, name): its assignment is shipped as written (a table of functions, which has no repr)."""
    constants: dict[str, str] = {}
    sources: list[str] = []
    imported: dict[str, object] = {}
    done: set = set()

    def visit(thing) -> None:
        if thing in done:
            return
        done.add(thing)
        module, name = thing if isinstance(thing, tuple) else (sys.modules[thing.__module__], None)
        source = _assignment(module, name) if name else textwrap.dedent(inspect.getsource(thing))
        for used in _names_used(source, free=True):
            value = getattr(module, used, None)
            if (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__.startswith("dlcore."):
                if value is not thing:
                    visit(value)
            elif used.isupper() and isinstance(value, (int, float, str, tuple, list)):
                constants.setdefault(used, f"{used} = {value!r}")
            elif used.isupper() and used != name and _assignment(module, used):
                visit((module, used))
            elif value is not None and (inspect.ismodule(value) or inspect.isfunction(value) or inspect.isclass(value)):
                imported.setdefault(used, value)  # torch, nn, F, pack_padded_sequence, dataclass, ...
        sources.append(source)

    for root in roots:
        visit(root)
    return constants, sources, imported


_IMPORTS = {  # the script's imports, in this order, each when the script uses its name
    "argparse": "import argparse", "csv": "import csv", "gzip": "import gzip", "io": "import io",
    "math": "import math", "os": "import os", "unicodedata": "import unicodedata", "urllib": "import urllib.request",
    "zipfile": "import zipfile", "contextmanager": "from contextlib import contextmanager",
    "dataclass": "from dataclasses import dataclass", "field": "from dataclasses import field",
    "fields": "from dataclasses import fields", "replace": "from dataclasses import replace",
    "ClassVar": "from typing import ClassVar",
    "Path": "from pathlib import Path", "Callable": "from typing import Callable", "Iterable": "from typing import Iterable",
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


def script(page_key: str, settings: dict, lr_changes=()) -> str | None:
    """The standalone script of a run of this page with these settings (run.settings, plus "threads" when known),
    replaying these learning-rate changes (history.lr_changes); None for a page without a run, or settings that
    lack one the script needs (a run made by loading weights into it, before any Train)."""
    chosen = recipe(page_key)
    if chosen is None or any(settings.get(name.lower()) is None for name in chosen.constants if name not in chosen.fixed):
        return None
    constants, sources, imported = _dependencies((*chosen.uses, state_of, csv_text))
    values = {"SEED": settings.get("seed", 0), "DEVICE": settings.get("device", "cpu"),
              "THREADS": settings.get("threads", torch.get_num_threads()),
              **{name: settings.get(name.lower()) for name in chosen.constants},
              **chosen.fixed}
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
    shown = ", ".join(f"{name.lower()}={values[name]!r}" for name in written
                      if name not in chosen.fixed and name != "LR_CHANGES")
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
