"""Lecture 7: many features in, one probability out — the course's diabetes table and its three-layer network.

The table (`diabetes.csv.gz`): 759 patients, 8 features already scaled to [-1, 1],
the 0/1 label last, read as the notes read it (`np.loadtxt(..., delimiter=',')`).
The network is the notes' Linear(8,6) → sigmoid → Linear(6,4) → sigmoid → Linear(4,1)
→ sigmoid; the exercise swaps the hidden activations (the last stays a sigmoid, BCE
needs a probability).  A fixed split keeps 152 patients aside to validate on.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from dlcore.engine.devices import Movable
from dlcore.engine.metrics import evaluating
from dlcore.engine.data import data_roots
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate, optimizer
from dlcore.engine.training import Trainer, batches, make_optimizer, supervised_step
from dlcore.engine.errors import Explained

FILE = "diabetes.csv.gz"
FEATURES = 8
VALIDATION = 152  # of 759: the 607/152 split the lesson was measured on
SPLIT_SEED = 0  # the same split for everyone, whatever the page's seed
ACTIVATIONS = ("Sigmoid", "ReLU", "Tanh", "LeakyReLU", "ELU")  # torch.nn's activation layers offered
BATCH_SIZES = (0, 1, 8, 16, 32, 64, 128, 256)  # 0: the whole training set, as the notes do

SETTINGS = Settings(
    Setting("activation1", "Sigmoid", "multiple_input.activation1", widget="select", options=ACTIVATIONS,
            format="multiple_input.activation"),
    Setting("activation2", "Sigmoid", "multiple_input.activation2", widget="select", options=ACTIVATIONS,
            format="multiple_input.activation"),
    optimizer("SGD", options=("SGD", "Adam", "RMSprop")),
    learning_rate(0.1),
    epochs(100, high=10000),
    Setting("batch_size", 0, "multiple_input.batch_size", widget="select", options=BATCH_SIZES, format="multiple_input.batch"),
)
"""The notes' settings: sigmoid after both hidden layers, SGD lr 0.1, 100 epochs, the whole table in one batch."""


class DiabetesMissing(Explained, FileNotFoundError):
    """The table is in none of the data folders; `folder` is where to put it."""

    def __init__(self, folder: Path):
        super().__init__("multiple_input.missing", folder=str(folder))
        self.folder = folder

    def __str__(self) -> str:
        return f"{FILE} is not in {self.folder}"


def find_table(root: Path | None = None) -> Path | None:
    for folder in data_roots(root):
        if (folder / FILE).is_file():
            return folder / FILE
    return None


@dataclass
class Diabetes(Movable):
    """The table split for training and validation: x (N, 8) float32, y (N, 1) float32 of 0 and 1."""

    train_x: torch.Tensor
    train_y: torch.Tensor
    val_x: torch.Tensor
    val_y: torch.Tensor

    @property
    def majority_share(self) -> float:
        """How many validation patients a model that always answers the commoner class gets right."""
        share = self.val_y.mean().item()
        return max(share, 1 - share)


def read_table(path: Path) -> tuple[torch.Tensor, torch.Tensor]:
    """(x (759, 8), y (759, 1)), read as the notes read it."""
    xy = torch.from_numpy(np.loadtxt(path, delimiter=",", dtype=np.float32))
    return xy[:, :-1], xy[:, [-1]]


def load_table(root: Path | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """The table from the first data folder that has it; DiabetesMissing when none has."""
    path = find_table(root)
    if path is None:
        raise DiabetesMissing(data_roots(root)[0])
    return read_table(path)


def split(x: torch.Tensor, y: torch.Tensor, validation: int = VALIDATION, seed: int = SPLIT_SEED) -> Diabetes:
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    val, train = order[:validation], order[validation:]
    return Diabetes(x[train], y[train], x[val], y[val])


class DiabetesNet(nn.Module):
    """The notes' model: Linear(8,6) → act → Linear(6,4) → act → Linear(4,1) → sigmoid, each act a torch.nn layer
    named by its class ("Sigmoid", "ReLU", ...)."""

    def __init__(self, activation1: str = "Sigmoid", activation2: str = "Sigmoid"):
        super().__init__()
        self.linear1 = nn.Linear(8, 6)
        self.linear2 = nn.Linear(6, 4)
        self.linear3 = nn.Linear(4, 1)
        self.activation1 = getattr(nn, activation1)()
        self.activation2 = getattr(nn, activation2)()
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        x = self.activation1(self.linear1(x))  # (N, 6)
        x = self.activation2(self.linear2(x))  # (N, 4)
        return self.sigmoid(self.linear3(x))  # (N, 1): the probability of diabetes progressing


def answers(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """The model's 0/1 answers (probability ≥ 0.5)."""
    with evaluating(model):
        return (model(x) >= 0.5).float()


def evaluator(model: nn.Module, data: Diabetes):
    """For Trainer(evaluate=...): the validation loss, train and validation accuracy, and how many classes the model
    answers on the validation patients (1: it says the same for everyone)."""
    loss = nn.BCELoss()

    def evaluate() -> dict:
        val = answers(model, data.val_x)
        with evaluating(model):
            val_loss = loss(model(data.val_x), data.val_y).item()
        return {"val_loss": val_loss, "train_acc": (answers(model, data.train_x) == data.train_y).float().mean().item(),
                "val_acc": (val == data.val_y).float().mean().item(), "classes": len(val.unique())}

    return evaluate


def diabetes_run(data: Diabetes, values, device, seed: int = 0) -> Run:
    """The notes' training (BCELoss, the chosen optimizer) as a page's Run, measured on both splits every epoch."""
    torch.manual_seed(seed)
    model = DiabetesNet(values["activation1"], values["activation2"]).to(device)
    data = data.to(device)
    optimizer_ = make_optimizer(values["optimizer"], model.parameters(), values["lr"])
    step = supervised_step(model, nn.BCELoss(), optimizer_)
    trainer = Trainer(step, batches(data.train_x, data.train_y, values["batch_size"], seed), values["epochs"], evaluate=evaluator(model, data), optimizer=optimizer_)
    return Run(trainer, model=model, extras={"data": data}, device=str(device))
