"""Lecture 12: recurrent networks learn to turn one string into another ("hello" → "ohlol").

Each character is a class: the vocabulary `idx2char` is every character of the
input and the target, and at every time step the network scores the vocabulary
for the next character of the target.  Five ways to build that network:

    rnncell    the course's RNNCell applied step by step by hand, the loss summed over the steps
    rnn        nn.RNN over the whole sequence, its outputs viewed to (seq·batch, hidden)
    embedding  nn.Embedding → nn.RNN → nn.Linear (characters as indices, not one-hot)
    lstm, gru  one-hot → nn.LSTM / nn.GRU → nn.Linear

In the course's RNNCell and nn.RNN models the hidden state *is* the class
scores, so their hidden size is the vocabulary size; the other three read the
hidden state through a linear layer and may have any hidden size.

Shapes, as in the notes: inputs (seq, batch, input_size), hidden (num_layers, batch, hidden_size).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import nn

from dlcore.engine.settings import Setting, Settings, epochs, learning_rate
from dlcore.engine.training import Callback, Trainer, full_batch, make_optimizer
from dlcore.engine.errors import Explained

MAX_LENGTH = 64
BATCH_SIZE = 1
EMBEDDING_SIZE = 10  # the course's embedding size for this example


class SequenceInputError(Explained, ValueError):
    """Strings the task cannot use; `key` names the message, `values` fill it in."""


@dataclass(frozen=True)
class CharTask:
    """Turn `source` into `target`, one character per time step."""

    source: str
    target: str
    vocabulary: tuple[str, ...]  # idx2char

    @property
    def x_data(self) -> list[int]:
        return [self.vocabulary.index(c) for c in self.source]

    @property
    def y_data(self) -> list[int]:
        return [self.vocabulary.index(c) for c in self.target]

    def one_hot(self, device="cpu") -> torch.Tensor:
        """The input as one-hot vectors: (seq, batch, input_size), input_size = len(vocabulary)."""
        eye = torch.eye(len(self.vocabulary), device=device)
        return eye[self.x_data].view(-1, BATCH_SIZE, len(self.vocabulary))

    def indices(self, device="cpu") -> torch.Tensor:
        """The input as character indices: (seq, batch), for nn.Embedding."""
        return torch.tensor(self.x_data, device=device).view(-1, BATCH_SIZE)

    def labels(self, device="cpu") -> torch.Tensor:
        """The target classes: (seq·batch,) — CrossEntropyLoss needs long, not float."""
        return torch.tensor(self.y_data, device=device)

    def decode(self, indices) -> str:
        return "".join(self.vocabulary[i] for i in indices)


def char_task(source: str = "hello", target: str = "ohlol") -> CharTask:
    """The task for two strings, or SequenceInputError when they cannot be learned one step per character."""
    if not source or not target:
        raise SequenceInputError("rnn_basics.error_empty")
    if max(len(source), len(target)) > MAX_LENGTH:
        raise SequenceInputError("rnn_basics.error_long", limit=MAX_LENGTH, source=len(source), target=len(target))
    if len(source) != len(target):
        raise SequenceInputError("rnn_basics.error_lengths", source=len(source), target=len(target))
    return CharTask(source, target, tuple(sorted(set(source) | set(target))))


# ---------------------------------------------------------------- the models


class RNNCellModel(nn.Module):
    """The course's RNNCell: one step at a time; its hidden state is read as the class scores."""

    def __init__(self, input_size: int, hidden_size: int, batch_size: int = BATCH_SIZE):
        super().__init__()
        self.batch_size, self.hidden_size = batch_size, hidden_size
        self.rnncell = nn.RNNCell(input_size=input_size, hidden_size=hidden_size)

    def forward(self, input, hidden):
        """input (batch, input_size), hidden (batch, hidden_size) → the next hidden state."""
        return self.rnncell(input, hidden)

    def init_hidden(self):
        """h0: zeros (batch, hidden_size) — the only place batch_size is needed."""
        return torch.zeros(self.batch_size, self.hidden_size, device=self.rnncell.weight_ih.device)


class RNNModel(nn.Module):
    """The course's nn.RNN: the whole sequence at once; its outputs h1..hn are the class scores."""

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, batch_size: int = BATCH_SIZE):
        super().__init__()
        self.num_layers, self.batch_size, self.hidden_size = num_layers, batch_size, hidden_size
        self.rnn = nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers)

    def hidden_states(self, inputs):
        """inputs (seq, batch, input_size) → out (seq, batch, hidden_size), the top layer's h1..hn."""
        hidden = torch.zeros(self.num_layers, self.batch_size, self.hidden_size, device=inputs.device)  # h0
        out, _ = self.rnn(inputs, hidden)
        return out

    def scores(self, out):
        return out.view(-1, self.hidden_size)  # (seq·batch, hidden_size)

    def forward(self, inputs):
        return self.scores(self.hidden_states(inputs))


class EmbeddingModel(nn.Module):
    """Character index → nn.Embedding → nn.RNN → nn.Linear over the vocabulary."""

    def __init__(self, num_class: int, hidden_size: int, num_layers: int = 1, embedding_size: int = EMBEDDING_SIZE):
        super().__init__()
        self.num_class = num_class
        self.emb = nn.Embedding(num_class, embedding_size)
        self.rnn = nn.RNN(input_size=embedding_size, hidden_size=hidden_size, num_layers=num_layers)
        self.fc = nn.Linear(hidden_size, num_class)

    def hidden_states(self, inputs):
        """inputs (seq, batch) of indices → (seq, batch, hidden_size); h0 defaults to zeros."""
        out, _ = self.rnn(self.emb(inputs))
        return out

    def scores(self, out):
        return self.fc(out).view(-1, self.num_class)

    def forward(self, inputs):
        return self.scores(self.hidden_states(inputs))


class GatedModel(nn.Module):
    """One-hot → nn.LSTM or nn.GRU → nn.Linear over the vocabulary (LSTM also carries a cell state c)."""

    def __init__(self, kind: str, input_size: int, hidden_size: int, num_layers: int = 1):
        super().__init__()
        self.num_class = input_size
        rnn_class = {"lstm": nn.LSTM, "gru": nn.GRU}[kind]
        self.rnn = rnn_class(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers)
        self.fc = nn.Linear(hidden_size, input_size)

    def hidden_states(self, inputs):
        out, _ = self.rnn(inputs)  # LSTM returns (out, (h, c)), GRU (out, h)
        return out

    def scores(self, out):
        return self.fc(out).view(-1, self.num_class)

    def forward(self, inputs):
        return self.scores(self.hidden_states(inputs))


@dataclass(frozen=True)
class Variant:
    key: str
    model_class: type
    hidden_is_scores: bool  # the course's models: hidden size = vocabulary size, no linear layer
    max_layers: int


VARIANTS = {
    "rnncell": Variant("rnncell", RNNCellModel, hidden_is_scores=True, max_layers=1),
    "rnn": Variant("rnn", RNNModel, hidden_is_scores=True, max_layers=4),
    "embedding": Variant("embedding", EmbeddingModel, hidden_is_scores=False, max_layers=4),
    "lstm": Variant("lstm", GatedModel, hidden_is_scores=False, max_layers=4),
    "gru": Variant("gru", GatedModel, hidden_is_scores=False, max_layers=4),
}


SETTINGS = Settings(
    Setting("source", "hello", "rnn_basics.source", widget="text"),
    Setting("target", "ohlol", "rnn_basics.target_input", widget="text"),
    Setting("variant", "rnncell", "rnn_basics.variant", widget="select", options=tuple(VARIANTS), format="rnn_basics.variant"),
    Setting("hidden_size", 4, "rnn_basics.hidden_size", low=1, high=32),
    Setting("num_layers", 1, "rnn_basics.layers", low=1, high=4),
    learning_rate(0.1),
    epochs(15, high=200),
)
"""The course's settings (lecture 12): "hello" → "ohlol", hidden size 4, one layer, Adam at 0.1, 15 epochs."""


def build_model(variant: str, vocabulary_size: int, hidden_size: int = 4, num_layers: int = 1) -> nn.Module:
    """The variant's model; the course's RNNCell and nn.RNN take hidden_size = vocabulary size whatever is asked."""
    if variant == "rnncell":
        return RNNCellModel(vocabulary_size, vocabulary_size)
    if variant == "rnn":
        return RNNModel(vocabulary_size, vocabulary_size, num_layers)
    if variant == "embedding":
        return EmbeddingModel(vocabulary_size, hidden_size, num_layers)
    return GatedModel(variant, vocabulary_size, hidden_size, num_layers)


def task_batch(variant: str, task: CharTask, device="cpu"):
    """(inputs, labels) as the variant takes them: one-hot or indices; labels (seq, 1) for the step-by-step loop."""
    if variant == "rnncell":
        return task.one_hot(device), task.labels(device).view(-1, 1)
    if variant == "embedding":
        return task.indices(device), task.labels(device)
    return task.one_hot(device), task.labels(device)


# ---------------------------------------------------------------- training


@dataclass
class EpochRecord:
    """What the network did in one epoch's forward pass (batch 0)."""

    prediction: list[int]  # the argmax class per step
    loss: float
    probabilities: list[list[float]]  # softmax over the vocabulary, per step
    hidden: list[list[float]]  # the top layer's hidden state, per step


@dataclass
class EpochLog:
    """The "Predicted string" the course prints each epoch, kept with the softmax and hidden states behind it."""

    records: list[EpochRecord] = field(default_factory=list)

    def record(self, outputs, hidden, loss) -> None:
        """outputs (seq·batch, classes), hidden (seq, batch, hidden_size), both from the epoch's forward pass."""
        scores = outputs.detach().view(hidden.shape[0], -1, outputs.shape[-1])[:, 0]
        self.records.append(EpochRecord(prediction=scores.argmax(dim=1).tolist(), loss=float(loss.detach()),
                                        probabilities=scores.softmax(dim=1).tolist(),
                                        hidden=hidden.detach()[:, 0].tolist()))

    @property
    def last(self) -> EpochRecord | None:
        return self.records[-1] if self.records else None


def rnncell_step(model: RNNCellModel, criterion, optimizer, log: EpochLog):
    """The course's loop: feed the sequence one step at a time and sum the loss over the steps."""

    def step(batch):
        inputs, labels = batch  # inputs (seq, batch, input_size), labels (seq, 1)
        optimizer.zero_grad()
        hidden = model.init_hidden()
        hiddens, loss = [], 0
        for input, label in zip(inputs, labels):  # input (batch, input_size)
            hidden = model(input, hidden)
            loss += criterion(hidden, label)  # keep the graph: no .item() here
            hiddens.append(hidden)
        loss.backward()
        optimizer.step()
        hiddens = torch.stack(hiddens)  # (seq, batch, hidden_size)
        log.record(hiddens.view(-1, model.hidden_size), hiddens, loss)
        return loss

    return step


def sequence_step(model: nn.Module, criterion, optimizer, log: EpochLog):
    """The whole sequence in one call: outputs (seq·batch, classes) against labels (seq·batch,)."""

    def step(batch):
        inputs, labels = batch
        hidden = model.hidden_states(inputs)  # (seq, batch, hidden_size)
        outputs = model.scores(hidden)  # (seq·batch, classes)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        log.record(outputs, hidden, loss)
        return loss

    return step


def step_function(variant: str):
    return rnncell_step if variant == "rnncell" else sequence_step


def sequence_trainer(variant: str, task: CharTask, *, hidden_size: int = 4, num_layers: int = 1, lr: float = 0.1,
                     epochs: int = 15, device="cpu", callbacks: list[Callback] = ()) -> tuple[Trainer, nn.Module, EpochLog]:
    """A fresh model for the variant, CrossEntropyLoss and Adam, one batch (the whole string) per epoch.

    Seed torch before calling: the model's initial weights come from its generator.
    """
    model = build_model(variant, len(task.vocabulary), hidden_size, num_layers).to(device)
    optimizer = make_optimizer("Adam", model.parameters(), lr)
    log = EpochLog()
    step = step_function(variant)(model, nn.CrossEntropyLoss(), optimizer, log)
    trainer = Trainer(step, full_batch(*task_batch(variant, task, device)), epochs, callbacks=callbacks,
                      optimizer=optimizer, samples=lambda batch: 1)  # one string a step
    return trainer, model, log


def learned(log: EpochLog, task: CharTask) -> bool:
    """Did the last epoch predict the whole target string?"""
    return log.last is not None and log.last.prediction == task.y_data


def first_right_epoch(log: EpochLog, task: CharTask) -> int | None:
    """The first epoch (1-based) that predicted the whole target string, if any did."""
    return next((epoch for epoch, record in enumerate(log.records, start=1) if record.prediction == task.y_data), None)
