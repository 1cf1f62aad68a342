"""Your own table: a CSV of yours, or a small table scikit-learn ships, through lecture 7's network.

Read: the file's bytes become rows of cells (comma, semicolon or tab between them), with a header row
guessed (a first row of words over columns of numbers); every fault is a TableProblem that names the row
(the file's line) or the column.  Prepare: a label column (the last, as the notes have it), the task guessed
from it (words, or a few whole numbers: classes; other numbers: a quantity), the features standardised with
the training rows' mean and spread, a fixed 80/20 split.  Train: Linear(F, 6) → act → Linear(6, 4) → act →
Linear(4, out) with cross-entropy for classes, mean squared error for a (standardised) quantity.
"""
from __future__ import annotations

import codecs
import csv
import io
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch
from torch import nn

from dlcore.engine.devices import Movable
from dlcore.lectures.multiple_input import model as diabetes
from dlcore.engine.metrics import evaluating
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting
from dlcore.engine.training import Trainer, batches, make_optimizer, supervised_step
from dlcore.datasets.uploads import ENCODING_NAMES, best_decoding
from dlcore.engine.errors import Explained

UPLOAD_LIMIT_MB = 20
"""The largest file the page takes (the uploader refuses bigger ones; read_csv checks again)."""
MAX_COLUMNS = 1000
MIN_ROWS = 10
"""Fewer rows leave nothing to validate on."""
MAX_CLASSES = 50
CLASS_GUESS = 20
"""A label of whole numbers with at most this many values is guessed to be classes."""
VALIDATION_SHARE = 0.2
SPLIT_SEED = 0
MISSING = {"", "na", "nan", "n/a", "null", "none", "?", "-"}
"""Cells read as missing values (after stripping spaces, in any case)."""
ENCODINGS = ("utf-8", "gb18030", "cp1252")
"""What a CSV without a byte-order mark may be written in, in the order tried: UTF-8, what a spreadsheet saves on a
Chinese Windows, then on a Western one (the one whose characters fit the file best wins: see best_decoding)."""
DECIMAL_COMMA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d*),\d+([eE][+-]?\d+)?")
"""A number written with a decimal comma (and dots between thousands): 3,14 or 1.234,5."""
THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
"""A number with commas between thousands, quoted in a comma-separated file: "1,234.5"."""

BUILTIN = {
    "breast_cancer": "load_breast_cancer",
    "wine": "load_wine",
    "iris": "load_iris",
    "diabetes_progression": "load_diabetes",
}
"""scikit-learn's small tables that ship with the package (no download): name → its sklearn.datasets loader."""
SOURCES = tuple(BUILTIN) + ("upload",)
TASKS = ("classification", "regression")

SOURCE = Setting("table", "breast_cancer", "own_table.source", widget="select", options=SOURCES, format="own_table.source")
NETWORK = diabetes.SETTINGS.with_defaults(activation1="ReLU", activation2="ReLU", optimizer="Adam", lr=0.01,
                                          batch_size=32)
"""Lecture 7's controls, set to what learns a new table well on the first click (the notes' sigmoids and full
batch answer one class on the diabetes table; see that page)."""


class TableProblem(Explained, ValueError):
    """What is wrong with a table: a text key (table.problem.<kind>) and the values it names."""

    def __init__(self, kind: str, **values):
        super().__init__(f"own_table.problem.{kind}", **values)


@dataclass
class Table:
    """The cells as read (strings, or numbers for a built-in table); the index is the row's line in the file."""

    name: str
    cells: pd.DataFrame
    header: bool
    encoding: str = "UTF-8"
    notes: list[tuple[str, dict]] = field(default_factory=list)
    """What was read otherwise than as written, to say: (text key, its values)."""

    @property
    def columns(self) -> list[str]:
        return list(self.cells.columns)


def _number(cell) -> float | None:
    try:
        value = float(cell)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _missing(cell) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell)) or str(cell).strip().lower() in MISSING


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-16 with its byte-order mark (Excel's "Unicode text"), UTF-8 (with
    or without one), else the one of ENCODINGS that fits best; TableProblem("not_csv") for binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise TableProblem("not_csv") from None
    if b"\x00" in data[:4096]:
        raise TableProblem("not_csv")
    found = best_decoding([data.removeprefix(codecs.BOM_UTF8)], ENCODINGS)
    if found is None:
        raise TableProblem("not_csv")
    (text,), encoding = found
    return text, ENCODING_NAMES[encoding]


def _delimiter(sample: str) -> str:
    """The csv module's guess among comma, semicolon and tab (a comma when it has none); a semicolon when every line
    holds as many of them, for a file of decimal commas without a header has as many commas on every line too."""
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    counts = {line.count(";") for line in sample.splitlines()[:-1] if line.strip()}
    return ";" if delimiter == "," and len(counts) == 1 and counts != {0} else delimiter


def _without_empty_columns(rows: list[list[str]]) -> int:
    """Drop the last column while every row has it and it is empty everywhere (a delimiter ending every line, as
    spreadsheets save); how many were dropped."""
    dropped = 0
    while len(rows[0]) > 1 and all(len(row) == len(rows[0]) and not row[-1].strip() for row in rows):
        for row in rows:
            row.pop()
        dropped += 1
    return dropped


def _localised_numbers(rows: list[list[str]], delimiter: str) -> list[int]:
    """Read numbers written as a spreadsheet of the user's country writes them: decimal commas where commas do not
    separate the cells (3,14 or 1.234,5), thousands separators in quoted cells where they do ("1,234.5").  A
    column is changed (in place, before the header is guessed) only when every cell below its first is then a
    number or missing; the positions of those changed."""
    pattern, plain = (THOUSANDS, lambda cell: cell.replace(",", "")) if delimiter == "," else (
        DECIMAL_COMMA, lambda cell: cell.replace(".", "").replace(",", "."))
    changed = []
    for column in range(len(rows[0])):
        written = [pattern.fullmatch(row[column].strip()) is not None for row in rows]
        numbers = [plain(row[column].strip()) if match else row[column] for row, match in zip(rows, written)]
        if any(written[1:]) and all(_missing(cell) or _number(cell) is not None for cell in numbers[1:]):
            for row, number in zip(rows, numbers):
                row[column] = number
            changed.append(column)
    return changed


def _guess_header(first: list[str], rest: list[list[str]]) -> bool:
    """A first row of words, or one with a word over a column that is numbers below it."""
    words = [_number(cell) is None for cell in first]
    if all(words):
        return True
    sample = rest[:50]
    return any(word and all(_number(row[column]) is not None for row in sample) for column, word in enumerate(words))


def _names(first: list[str]) -> list[str]:
    names, seen = [], set()
    for number, cell in enumerate(first, start=1):
        name = cell.strip() or f"x{number}"
        while name in seen:
            name = f"{name}_{number}"
        seen.add(name)
        names.append(name)
    return names


def read_csv(data: bytes, name: str = "table.csv", header: bool | None = None) -> Table:
    """The table in a CSV file's bytes; header None: guessed.  TableProblem names what is wrong."""
    if len(data) > UPLOAD_LIMIT_MB * 2**20:
        raise TableProblem("too_large", size=len(data) / 2**20, limit=UPLOAD_LIMIT_MB)
    text, encoding = _decode(data)
    if not text.strip():
        raise TableProblem("empty")
    delimiter = _delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, lines = [], []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                lines.append(reader.line_num)
    except csv.Error as error:
        raise TableProblem("not_csv_line", line=reader.line_num, error=str(error)) from None
    notes = [("own_table.note.empty_columns", {"n": dropped})] if (dropped := _without_empty_columns(rows)) else []
    width = len(rows[0])
    if width > MAX_COLUMNS:
        raise TableProblem("too_many_columns", columns=width, limit=MAX_COLUMNS)
    if width == 1:
        raise TableProblem("one_column")
    for row, line in zip(rows, lines):
        if len(row) != width:
            raise TableProblem("ragged", row=line, found=len(row), expected=width)
    changed = _localised_numbers(rows, delimiter)
    header = _guess_header(rows[0], rows[1:]) if header is None else header
    names = _names(rows[0]) if header else [f"x{number}" for number in range(1, width + 1)]
    body, lines = (rows[1:], lines[1:]) if header else (rows, lines)
    if len(body) < MIN_ROWS:
        raise TableProblem("too_few_rows", rows=len(body), least=MIN_ROWS)
    if changed:
        notes.append(("own_table.note.decimal_comma" if delimiter != "," else "own_table.note.thousands",
                      {"columns": ", ".join(names[column] for column in changed)}))
    return Table(name, pd.DataFrame(body, columns=names, index=lines, dtype=object), header, encoding, notes)


def builtin_table(name: str) -> Table:
    """One of scikit-learn's bundled tables, its label last (class names for classes)."""
    import sklearn.datasets

    bunch = getattr(sklearn.datasets, BUILTIN[name])(as_frame=True)
    cells = bunch.frame.astype(object)
    label = bunch.frame.columns[-1]
    if "target_names" in bunch:
        cells[label] = [str(bunch.target_names[int(value)]) for value in bunch.frame[label]]
    cells = cells.rename(columns={label: "progression" if name == "diabetes_progression" else "class"})
    cells.index = range(2, len(cells) + 2)  # the lines they would have in a CSV with a header
    return Table(name, cells, header=True)


def _first_fault(column: pd.Series, name: str, numeric: bool) -> None:
    """Raise TableProblem for a column's first missing cell (or, numeric: its first non-number), saying how many more."""
    missing = [line for line, cell in column.items() if _missing(cell)]
    if missing:
        raise TableProblem("missing", row=missing[0], column=name, more=len(missing) - 1)
    if numeric:
        words = [(line, cell) for line, cell in column.items() if _number(cell) is None]
        if words:
            raise TableProblem("not_numeric", row=words[0][0], column=name, value=str(words[0][1])[:40],
                               more=len(words) - 1)


def numeric_label(table: Table, label: str) -> bool:
    return all(_number(cell) is not None for cell in table.cells[label] if not _missing(cell))


def guess_task(table: Table, label: str) -> str:
    """Classes for words or a few whole numbers, a quantity (regression) for other numbers."""
    if not numeric_label(table, label):
        return "classification"
    values = {_number(cell) for cell in table.cells[label] if not _missing(cell)}
    return "classification" if len(values) <= CLASS_GUESS and all(v.is_integer() for v in values) else "regression"


def tasks(table: Table, label: str) -> tuple[str, ...]:
    """The tasks a label allows: regression needs numbers."""
    return TASKS if numeric_label(table, label) else ("classification",)


def label_setting(table: Table) -> Setting:
    """Which column is the label: the last, as the notes have it, or any other."""
    return Setting("label", table.columns[-1], "own_table.label", widget="select", options=tuple(table.columns))


def task_setting(table: Table, label: str) -> Setting:
    """Classification or regression, guessed from the label (regression only for numbers)."""
    return Setting("task", guess_task(table, label), "own_table.task", widget="select", options=tasks(table, label),
                   format="own_table.task")


def _class_key(name: str):
    number = _number(name)
    return (0, number, "") if number is not None else (1, 0.0, name)


@dataclass
class TableData(Movable):
    """A table ready to train on: standardised features x (N, F) float32; y: class indices (N,) int64, or the
    standardised quantity (N, 1) float32.  train/val: row positions in `cells`."""

    name: str
    cells: pd.DataFrame
    features: list[str]
    label: str
    task: str
    classes: list[str] | None
    x: torch.Tensor
    y: torch.Tensor
    train: torch.Tensor
    val: torch.Tensor
    y_mean: float = 0.0
    y_std: float = 1.0

    @property
    def train_x(self):
        return self.x[self.train]

    @property
    def train_y(self):
        return self.y[self.train]

    @property
    def val_x(self):
        return self.x[self.val]

    @property
    def val_y(self):
        return self.y[self.val]

    @property
    def outputs(self) -> int:
        return len(self.classes) if self.classes else 1

    @property
    def reference(self) -> float:
        """What one answer for every row scores on the validation rows: the commoner class's share, or R² 0."""
        if self.classes is None:
            return 0.0
        return torch.bincount(self.val_y, minlength=self.outputs).max().item() / len(self.val)


def _standardised(values: np.ndarray, train: np.ndarray) -> np.ndarray:
    """Columns (float64) less their training rows' mean, over their spread (a constant column: less its mean), each
    first divided by its largest size so that numbers near float64's limit do not overflow."""
    scale = np.abs(values).max(axis=0)
    values = values / np.where(scale > 0, scale, 1)
    mean, std = values[train].mean(axis=0), values[train].std(axis=0)
    return (values - mean) / np.where(std > 0, std, 1)


def prepare(table: Table, label: str, task: str) -> TableData:
    """Check the cells, split the rows and standardise: TableProblem names the first cell or column at fault."""
    features = [name for name in table.columns if name != label]
    for name in features:
        _first_fault(table.cells[name], name, numeric=True)
    _first_fault(table.cells[label], label, numeric=task == "regression")
    x = np.array([[_number(cell) for cell in row] for row in table.cells[features].itertuples(index=False)],
                 dtype=np.float64)
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(SPLIT_SEED))
    validation = max(1, round(len(x) * VALIDATION_SHARE))
    val, train = order[:validation], order[validation:]
    x = torch.from_numpy(_standardised(x, train.numpy()).astype(np.float32))
    if task == "classification":
        names = [str(cell).strip() for cell in table.cells[label]]
        if all(_number(name) is not None for name in names):
            names = [f"{_number(name):g}" for name in names]  # 1 and 1.0 are one class
        classes = sorted(set(names), key=_class_key)
        if len(classes) == 1:
            raise TableProblem("one_class", column=label, value=classes[0])
        if len(classes) > MAX_CLASSES:
            raise TableProblem("too_many_classes", column=label, classes=len(classes), limit=MAX_CLASSES)
        index = {name: number for number, name in enumerate(classes)}
        return TableData(table.name, table.cells, features, label, task, classes, x,
                         torch.tensor([index[name] for name in names]), train, val)
    y = np.array([_number(cell) for cell in table.cells[label]], dtype=np.float64)
    scale = float(np.abs(y).max()) or 1.0  # the mean and spread of numbers near float64's limit, without overflow
    y_mean, y_std = (float(statistic(y[train.numpy()] / scale) * scale) for statistic in (np.mean, np.std))
    if y_std == 0:
        raise TableProblem("one_class", column=label, value=f"{y[0]:g}")
    return TableData(table.name, table.cells, features, label, task, None, x,
                     torch.from_numpy(_standardised(y[:, None], train.numpy()).astype(np.float32)),
                     train, val, y_mean, y_std)


class TableNet(nn.Module):
    """Lecture 7's network for any table: F features in, a score per class (or one number) out."""

    def __init__(self, features: int, outputs: int, activation1: str = "ReLU", activation2: str = "ReLU"):
        super().__init__()
        self.linear1 = nn.Linear(features, 6)
        self.linear2 = nn.Linear(6, 4)
        self.linear3 = nn.Linear(4, outputs)
        self.activation1 = getattr(nn, activation1)()
        self.activation2 = getattr(nn, activation2)()

    def forward(self, x):
        x = self.activation1(self.linear1(x))  # (N, 6)
        x = self.activation2(self.linear2(x))  # (N, 4)
        return self.linear3(x)  # (N, classes): scores for CrossEntropyLoss; (N, 1): the standardised quantity


def loss_function(data: TableData) -> nn.Module:
    return nn.CrossEntropyLoss() if data.classes else nn.MSELoss()


def score(model: nn.Module, x: torch.Tensor, y: torch.Tensor, data: TableData) -> float:
    """Accuracy for classes; R² for a quantity (1: exact, 0: no better than always answering the mean)."""
    with evaluating(model):
        out = model(x)
    if data.classes:
        return (out.argmax(dim=1) == y).float().mean().item()
    return 1 - ((out - y) ** 2).sum().item() / max(((y - y.mean()) ** 2).sum().item(), 1e-12)


def answers(model: nn.Module, x: torch.Tensor) -> list[int]:
    """The class the model answers for each row."""
    with evaluating(model):
        return model(x).argmax(dim=1).tolist()


def evaluator(model: nn.Module, data: TableData):
    """For Trainer(evaluate=...): validation loss, the score on both splits, and how many classes the model
    answers on the validation rows (1: the same answer for every row)."""
    loss = loss_function(data)

    def evaluate() -> dict:
        with evaluating(model):
            out = model(data.val_x)
        found = {"val_loss": loss(out, data.val_y).item(), "train_score": score(model, data.train_x, data.train_y, data),
                 "val_score": score(model, data.val_x, data.val_y, data)}
        return {**found, "classes": len(out.argmax(dim=1).unique())} if data.classes else found

    return evaluate


def table_run(data: TableData, values, device, seed: int = 0) -> Run:
    """Train TableNet on the table with the chosen optimizer and batch size (0: every training row at once)."""
    torch.manual_seed(seed)
    model = TableNet(len(data.features), data.outputs, values["activation1"], values["activation2"]).to(device)
    data = data.to(device)
    optimizer_ = make_optimizer(values["optimizer"], model.parameters(), values["lr"])
    step = supervised_step(model, loss_function(data), optimizer_)
    trainer = Trainer(step, batches(data.train_x, data.train_y, values["batch_size"], seed), values["epochs"], evaluate=evaluator(model, data), optimizer=optimizer_)
    return Run(trainer, model=model, extras={"data": data}, device=str(device))


def predictions(model: nn.Module, data: TableData) -> pd.DataFrame:
    """Every row of the table with its split and the model's answer: the class and its probability, or the
    quantity in the label's units."""
    with evaluating(model):
        out = model(data.x).cpu()
    split = np.full(len(data.cells), "train", dtype=object)
    split[data.val.cpu().numpy()] = "validation"
    table = data.cells.copy()
    table["split"] = split
    if data.classes:
        probability = torch.softmax(out, dim=1)
        table["prediction"] = [data.classes[index] for index in probability.argmax(dim=1).tolist()]
        table["probability"] = probability.max(dim=1).values.numpy().round(4)
    else:
        table["prediction"] = (out[:, 0].double() * data.y_std + data.y_mean).numpy().round(6)
    return table
