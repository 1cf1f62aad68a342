"""Lecture 13: which language is a surname from?  A GRU reads the name character by character.

The data are the PyTorch tutorial's surnames: names/<Language>.txt, UTF-8, one
name a line, 18 languages, 20,074 names.  Names have different lengths, so a
batch is padded to its longest name and packed (pack_padded_sequence): the GRU
then stops at each name's own last character instead of reading the padding.
"""
from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from dlcore.engine.devices import Movable
from dlcore.engine.metrics import confusion_matrix, evaluating
from dlcore.engine.data import ByteProgress, data_roots, download, writable_root
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate
from dlcore.engine.training import Trainer, make_optimizer
from dlcore.engine.errors import Explained

NAMES_URL = "https://download.pytorch.org/tutorial/data.zip"
PAD = 0  # index 0 of the character vocabulary is the padding
SPLIT_SEED = 0  # the train/test split is the same for everyone, whatever the page's seed
TEST_FRACTION = 0.2
SETTINGS = Settings(
    Setting("hidden_size", 64, "names.hidden_size", low=8, high=256, step=8),
    Setting("num_layers", 1, "names.layers", low=1, high=3),
    Setting("bidirectional", True, "names.bidirectional", widget="checkbox"),
    Setting("batch_size", 256, "names.batch_size", widget="select", options=(32, 64, 128, 256, 512)),
    learning_rate(0.005),
    epochs(5, high=50),
)
"""Lecture 13's settings: a bidirectional GRU of 64, Adam at 0.005, batches of 256, 5 epochs."""


class NamesDataMissing(Explained, FileNotFoundError):
    """The names folder is nowhere to be found and could not be downloaded; `values` say what to do.

    `reason` says why the download failed (None when none was tried).
    """

    def __init__(self, folder: Path, url: str = NAMES_URL, reason: str | None = None):
        super().__init__("names.missing", folder=str(folder), url=url)
        self.reason = reason


# ---------------------------------------------------------------- finding and reading the data


def _has_names(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.txt"))


def download_names(base: Path, url: str = NAMES_URL, progress: ByteProgress | None = None) -> Path:
    """Download the tutorial's data.zip (dlcore.engine.data.download) and extract only its data/names/ into base;
    returns that folder.  The archive itself is deleted, whether it worked or not."""
    archive = base / "names-data.zip"
    try:
        download(url, archive, progress=progress)
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(base, [member for member in zipped.namelist() if member.startswith("data/names/")])
    finally:
        archive.unlink(missing_ok=True)
    return base / "data" / "names"


def names_folder(root: Path | None = None, download: bool = True, url: str = NAMES_URL,
                 progress: ByteProgress | None = None) -> Path:
    """The names folder: names/ or data/names/ (as data.zip extracts) in the data directory (or root), then in
    the cache folder (dlcore.engine.data.data_roots); else the download into the first of them that is writable."""
    roots = data_roots(root)
    for base in roots:
        for folder in (base / "names", base / "data" / "names"):
            if _has_names(folder):
                return folder
    reason = None
    if download:
        base = writable_root(root)
        try:
            if base is None:
                raise OSError("no writable folder")
            folder = download_names(base, url, progress)
            if _has_names(folder):
                return folder
            reason = f"no data/names/*.txt in {url}"
        except (OSError, zipfile.BadZipFile) as error:  # URLError is an OSError: no network
            reason = str(error)
    raise NamesDataMissing(roots[0] / "names", url, reason)


@dataclass
class Names:
    languages: list[str]  # sorted: the label of a name is the index of its language here
    names: list[str]
    labels: list[int]


def read_names(folder: Path) -> Names:
    languages = sorted(path.stem for path in Path(folder).glob("*.txt"))
    names, labels = [], []
    for label, language in enumerate(languages):
        lines = (Path(folder) / f"{language}.txt").read_text(encoding="utf-8").splitlines()
        for line in lines:
            name = unicodedata.normalize("NFC", line.strip())
            if name:
                names.append(name)
                labels.append(label)
    return Names(languages, names, labels)


def stratified_split(labels: list[int], test_fraction: float = TEST_FRACTION, seed: int = SPLIT_SEED):
    """(train indices, test indices): each language split test_fraction / rest, in a fixed random order."""
    generator = torch.Generator().manual_seed(seed)
    labels = torch.tensor(labels)
    train, test = [], []
    for label in labels.unique():
        members = (labels == label).nonzero().flatten()
        members = members[torch.randperm(len(members), generator=generator)]
        cut = round(len(members) * test_fraction)
        test.append(members[:cut])
        train.append(members[cut:])
    return torch.cat(train).sort().values, torch.cat(test).sort().values


# ---------------------------------------------------------------- tensors


def encode_name(name: str, char_index: dict[str, int]) -> tuple[list[int], list[str]]:
    """(character indices, characters never seen in training — skipped)."""
    name = unicodedata.normalize("NFC", name.strip())
    return [char_index[c] for c in name if c in char_index], sorted({c for c in name if c not in char_index})


def pad_names(encoded: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """(names (batch, longest) padded with PAD, lengths (batch,) on the CPU as pack_padded_sequence wants)."""
    lengths = torch.tensor([len(indices) for indices in encoded])
    padded = torch.full((len(encoded), int(lengths.max())), PAD, dtype=torch.long)
    for row, indices in enumerate(encoded):
        padded[row, : len(indices)] = torch.tensor(indices)
    return padded, lengths


@dataclass
class NameSet(Movable):
    names: torch.Tensor  # (n, longest) character indices
    lengths: torch.Tensor  # (n,)
    languages: torch.Tensor  # (n,) labels
    stays = ("lengths",)  # pack_padded_sequence wants them on the CPU

    def __len__(self) -> int:
        return len(self.languages)


@dataclass
class NamesData(Movable):
    languages: list[str]
    vocabulary: list[str]  # index 0 is the padding
    train: NameSet
    test: NameSet

    @property
    def char_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.vocabulary) if i != PAD}


def names_data(names: Names) -> NamesData:
    """Split, build the vocabulary from the training names, turn both sets into padded index tensors."""
    train, test = stratified_split(names.labels)
    train_names = [names.names[i] for i in train]
    vocabulary = ["<pad>"] + sorted({c for name in train_names for c in name})
    char_index = {c: i for i, c in enumerate(vocabulary) if i != PAD}

    def name_set(indices) -> NameSet:
        # a test name made only of characters unseen in training is read as one padding step
        encoded = [encode_name(names.names[i], char_index)[0] or [PAD] for i in indices]
        padded, lengths = pad_names(encoded)
        return NameSet(padded, lengths, torch.tensor([names.labels[i] for i in indices]))

    return NamesData(names.languages, vocabulary, name_set(train), name_set(test))


def load_names_data(root: Path | None = None, download: bool = True,
                    progress: ByteProgress | None = None) -> NamesData:
    """The surnames as tensors, from names_folder (progress: the download's bytes, when there is one)."""
    return names_data(read_names(names_folder(root, download, progress=progress)))


# ---------------------------------------------------------------- the model and its training


class NameClassifier(nn.Module):
    """Characters → nn.Embedding → nn.GRU (packed) → the last hidden state(s) → nn.Linear over the languages."""

    def __init__(self, vocabulary_size: int, num_languages: int, hidden_size: int = 64, num_layers: int = 1,
                 bidirectional: bool = True):
        super().__init__()
        self.directions = 2 if bidirectional else 1
        self.embedding = nn.Embedding(vocabulary_size, hidden_size, padding_idx=PAD)
        self.gru = nn.GRU(hidden_size, hidden_size, num_layers, batch_first=True, bidirectional=bidirectional)
        self.fc = nn.Linear(hidden_size * self.directions, num_languages)

    def forward(self, names, lengths):
        """names (batch, longest) padded indices, lengths (batch,) → scores (batch, languages)."""
        embedded = self.embedding(names)  # (batch, longest, hidden)
        packed = pack_padded_sequence(embedded, lengths.cpu(), batch_first=True, enforce_sorted=False)
        _, hidden = self.gru(packed)  # (layers·directions, batch, hidden): each name's state after its last character
        if self.directions == 2:
            last = torch.cat([hidden[-2], hidden[-1]], dim=1)  # the top layer, forward and backward
        else:
            last = hidden[-1]
        return self.fc(last)


def name_batches(train: NameSet, batch_size: int, generator: torch.Generator | None = None):
    """Shuffled batches of (names, lengths, languages), each cut to its own longest name."""

    def batches():
        order = torch.randperm(len(train), generator=generator)
        for start in range(0, len(train), batch_size):
            index = order[start : start + batch_size]
            lengths = train.lengths[index]
            on_device = index.to(train.names.device)
            yield train.names[on_device, : int(lengths.max())], lengths, train.languages[on_device]

    return batches


def name_step(model: NameClassifier, criterion, optimizer):
    def step(batch):
        names, lengths, languages = batch
        loss = criterion(model(names, lengths), languages)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss

    return step


def predict_languages(model: NameClassifier, names: NameSet, batch_size: int = 2048) -> torch.Tensor:
    predictions = []
    with evaluating(model):
        for start in range(0, len(names), batch_size):
            part = slice(start, start + batch_size)
            lengths = names.lengths[part]
            predictions.append(model(names.names[part, : int(lengths.max())], lengths).argmax(dim=1))
    return torch.cat(predictions)


class HeldOutAccuracy:
    """The trainer's `evaluate`: test accuracy after each epoch, keeping each epoch's confusion matrix."""

    def __init__(self, model: NameClassifier, data: NamesData):
        self.model, self.data = model, data
        self.confusions: list[list[list[int]]] = []  # one per epoch, the first epoch first

    @property
    def confusion(self) -> list[list[int]] | None:
        """The confusion matrix of the last epoch."""
        return self.confusions[-1] if self.confusions else None

    def __call__(self) -> dict:
        test = self.data.test
        predicted = predict_languages(self.model, test)
        self.confusions.append(confusion_matrix(predicted, test.languages, len(self.data.languages)).tolist())
        return {"accuracy": float((predicted == test.languages).float().mean())}


def majority_baseline(data: NamesData) -> tuple[str, float]:
    """The most common language, and the test accuracy of always answering it."""
    counts = data.test.languages.bincount()
    return data.languages[int(counts.argmax())], float(counts.max()) / len(data.test)


def top_languages(model: NameClassifier, data: NamesData, name: str, k: int = 3):
    """([(language, probability)] best first, characters never seen in training); ([], unseen) when nothing is left."""
    indices, unseen = encode_name(name, data.char_index)
    if not indices:
        return [], unseen
    device = next(model.parameters()).device
    with evaluating(model):
        scores = model(torch.tensor([indices], device=device), torch.tensor([len(indices)]))
    probabilities, best = scores.softmax(dim=1)[0].topk(k)
    return [(data.languages[i], float(p)) for p, i in zip(probabilities.tolist(), best.tolist())], unseen


def names_trainer(data: NamesData, *, hidden_size: int = 64, num_layers: int = 1, bidirectional: bool = True,
                  lr: float = 0.005, epochs: int = 5, batch_size: int = 256,
                  generator: torch.Generator | None = None) -> tuple[Trainer, NameClassifier, HeldOutAccuracy]:
    """A fresh classifier on data's device, CrossEntropyLoss and Adam; test accuracy after every epoch.

    Seed torch before calling: the model's initial weights come from its generator.
    """
    model = NameClassifier(len(data.vocabulary), len(data.languages), hidden_size, num_layers, bidirectional)
    model = model.to(data.train.names.device)
    optimizer = make_optimizer("Adam", model.parameters(), lr)
    evaluation = HeldOutAccuracy(model, data)
    step = name_step(model, nn.CrossEntropyLoss(), optimizer)
    trainer = Trainer(step, name_batches(data.train, batch_size, generator), epochs, evaluate=evaluation,
                      optimizer=optimizer)
    return trainer, model, evaluation
