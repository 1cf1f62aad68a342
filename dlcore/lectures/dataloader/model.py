"""Lecture 8: Dataset and DataLoader, and what the batch size trades — the same network trained on the diabetes
table with the whole table in one batch, with mini-batches, and one patient at a time.

One step of the comparison's Trainer is one epoch of each of the three models, so the charts can put them side by
side per epoch and per second of training.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

from dlcore.lectures.multiple_input.model import DiabetesNet
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate
from dlcore.engine.side_by_side import Lane, SideBySide, side_by_side_trainer
from dlcore.engine.training import make_optimizer


class DiabetesDataset(Dataset):
    """The notes' Dataset: the whole table read once; one patient (x (8,), y (1,)) per index."""

    def __init__(self, filepath: Path):
        xy = np.loadtxt(filepath, delimiter=",", dtype=np.float32)
        self.len = xy.shape[0]
        self.x_data = torch.from_numpy(xy[:, :-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.len


WAYS = ("full", "mini", "single")
SETTINGS = Settings(
    Setting("batch_size", 32, "dataloader.batch_size", widget="select", options=(2, 4, 8, 16, 32, 64, 128, 256)),
    Setting("shuffle", True, "dataloader.shuffle", widget="checkbox"),
    learning_rate(0.1),
    epochs(100, high=1000),
)
"""The notes' DataLoader(batch_size=32, shuffle=True) and their training (SGD lr 0.1, 100 epochs); the comparison
trains the whole table and single patients beside it."""


def batch_sizes(dataset: Dataset, mini: int) -> dict[str, int]:
    return {"full": len(dataset), "mini": mini, "single": 1}


class Comparison(SideBySide):
    """Three copies of the notes' network (the same first weights), each with its own DataLoader and SGD, side by
    side (dlcore.engine.side_by_side): the whole table in one batch, mini-batches, single patients.  One step of the
    run trains each of them for one epoch, as the notes train."""

    def __init__(self, dataset: Dataset, mini: int, shuffle: bool, lr: float, device, seed: int = 0):
        self.dataset, self.device = dataset, device
        self.loaders = {}
        lanes = {}
        for way, size in batch_sizes(dataset, mini).items():
            torch.manual_seed(seed)
            model = DiabetesNet().to(device)
            optimizer = make_optimizer("SGD", model.parameters(), lr)
            self.loaders[way] = DataLoader(dataset=dataset, batch_size=size, shuffle=shuffle,
                                           generator=torch.Generator().manual_seed(seed))
            lanes[way] = Lane(self.epoch_of(model, optimizer, self.loaders[way]), lambda: [None], model=model,
                              optimizer=optimizer)
        super().__init__(lanes)

    def iterations(self, way: str) -> int:
        return len(self.loaders[way])  # = samples / batch size, rounded up

    def epoch_of(self, model: nn.Module, optimizer, loader: DataLoader):
        """One epoch of one model, as the notes train: for each batch the DataLoader gives, forward, loss, backward,
        update; its mean loss."""
        criterion = nn.BCELoss()

        def epoch(_step=None) -> float:
            total = 0.0
            for inputs, labels in loader:
                inputs, labels = inputs.to(self.device), labels.to(self.device)
                loss = criterion(model(inputs), labels)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total += loss.item() * len(labels)
            return total / len(self.dataset)

        return epoch


def comparison_run(dataset: Dataset, values, device, seed: int = 0) -> Run:
    comparison = Comparison(dataset, values["batch_size"], values["shuffle"], values["lr"], device, seed)
    trainer = side_by_side_trainer(comparison, values["epochs"], shared_rate=True, samples=lambda _: len(dataset))
    return Run(trainer, extras={"comparison": comparison}, changing=("comparison",), device=str(device))
