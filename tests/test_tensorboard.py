"""Runs logged for TensorBoard: the event files are read back with TensorBoard's own reader."""
import threading

import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch import nn

from dlcore.engine.runs import Run
from pagetools import run_of, texts, train
from dlcore.engine.tensorboard import TensorBoardLogger, logger_of, run_folder, runs_dir
from dlcore.engine.training import Trainer, make_optimizer, minibatches, supervised_step


def image_run(callbacks_for=None, epochs: int = 3, seed: int = 0):
    """A small CNN with dropout on 64 random 1×8×8 'images' of 2 classes, batches of 16."""
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Dropout(0.5), nn.Linear(144, 2))
    x, y = torch.randn(64, 1, 8, 8), torch.randint(0, 2, (64,))
    optimizer = make_optimizer("SGD", model.parameters(), 0.1)
    callbacks = [] if callbacks_for is None else [callbacks_for(model)]
    trainer = Trainer(supervised_step(model, nn.CrossEntropyLoss(), optimizer),
                      minibatches(x, y, 16, torch.Generator().manual_seed(seed)), epochs,
                      evaluate=lambda: {"test_acc": 0.5}, callbacks=callbacks, optimizer=optimizer)
    return trainer, model


def read(folder) -> EventAccumulator:
    events = EventAccumulator(str(folder), size_guidance={"scalars": 0, "histograms": 0, "images": 0, "tensors": 0})
    events.Reload()
    return events


def test_scalars_histograms_graph_and_pictures_are_written_and_read_back(tmp_path):
    trainer, model = image_run(lambda model: TensorBoardLogger(tmp_path / "run", model))
    history = trainer.fit()
    events = read(tmp_path / "run")
    tags = events.Tags()
    epoch_losses = events.Scalars("epoch/loss")
    assert len(epoch_losses) == 3 and all(abs(e.value - row["loss"]) < 1e-6 for e, row in zip(epoch_losses, history.epochs))
    assert [e.step for e in events.Scalars("epoch/test_acc")] == [1, 2, 3]
    batch_losses = events.Scalars("loss/batch")
    assert len(batch_losses) == 12 and all(abs(e.value - loss) < 1e-6 for e, loss in zip(batch_losses, history.batch_loss))
    assert {e.value for e in events.Scalars("lr")} == {0.10000000149011612}
    assert {"0.weight", "0.bias", "4.weight", "4.bias"} <= set(tags["histograms"])
    assert len(events.Histograms("4.weight")) == 3
    assert tags["graph"] and "inputs/first batch" in tags["images"]
    assert logger_of(trainer).writer is None  # closed with the run: its thread is gone


def test_a_logged_run_trains_exactly_as_an_unlogged_one(tmp_path):
    """The graph is traced in eval mode with the random state kept: dropout draws the same masks either way."""
    logged = image_run(lambda model: TensorBoardLogger(tmp_path / "run", model), seed=3)[0].fit().batch_loss
    plain = image_run(seed=3)[0].fit().batch_loss
    assert logged == plain


def test_a_paused_run_closes_its_writer_and_goes_on_in_the_same_folder(tmp_path):
    trainer, model = image_run(lambda model: TensorBoardLogger(tmp_path / "run", model), epochs=2)
    run, threads = Run(trainer, model=model), threading.active_count()
    run.start(until="epoch")
    assert run.join(30) and run.state == "paused" and logger_of(trainer).writer is None
    assert threading.active_count() == threads  # the writer's thread ended with the pause
    run.start()
    assert run.join(30) and run.state == "finished"
    assert [e.step for e in read(tmp_path / "run").Scalars("epoch/loss")] == [1, 2]
    assert len(read(tmp_path / "run").Scalars("loss/batch")) == 8


def test_a_model_that_cannot_be_traced_gets_a_note_and_trains_on(tmp_path):
    class Fussy(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(3, 1)

        def forward(self, x):
            if torch.jit.is_tracing():
                raise RuntimeError("no tracing here")
            return self.linear(x)

    model = Fussy()
    optimizer = make_optimizer("SGD", model.parameters(), 0.1)
    trainer = Trainer(supervised_step(model, nn.MSELoss(), optimizer), lambda: [(torch.ones(4, 3), torch.zeros(4, 1))],
                      2, callbacks=[TensorBoardLogger(tmp_path / "run", model)], optimizer=optimizer)
    trainer.fit()
    events = read(tmp_path / "run")
    assert trainer.outcome.kind == "finished" and not events.Tags()["graph"]
    assert "graph/text_summary" in events.Tags()["tensors"]


def test_each_run_has_a_folder_of_its_own_under_the_data_directorys_runs(tmp_path):
    first, second = run_folder("cnn_basics:course", tmp_path), run_folder("cnn_basics:course", tmp_path)
    assert first.parent == second.parent == runs_dir(tmp_path) == tmp_path / "runs"
    first.mkdir(parents=True)
    assert run_folder("cnn_basics:course", tmp_path) != first and first.name.startswith("cnn_basics_course-")


def test_the_sidebar_switch_logs_a_pages_runs_and_says_where(app, monkeypatch, tmp_path):
    """Lecture 10's CNN on 2,000 images for one epoch, logged: its scalars, its graph and the pictures it was given."""
    monkeypatch.setenv("HOME", str(tmp_path))  # the mirror of the data sets is read-only: runs go to the cache folder
    at = app("pages/cnn_basics.py")
    at.toggle(key="tensorboard").set_value(True).run()
    assert f"tensorboard --logdir {runs_dir()}" in texts(at)
    at.selectbox(key="cnn_basics:course:train_size").set_value(2000).run()
    at.slider(key="cnn_basics:course:epochs").set_value(1).run()
    train(at, "cnn_basics:course")
    run = run_of(at, "cnn_basics:course")
    folder = logger_of(run.trainer).folder
    assert folder.parent == runs_dir() == tmp_path / ".cache" / "dl-classroom" / "runs" and folder.name in texts(at)
    events = read(folder)
    assert [e.value for e in events.Scalars("epoch/test_acc")] == [run.trainer.history.epochs[0]["test_acc"]]
    assert len(events.Scalars("loss/batch")) == len(run.trainer.history.batch_loss) == 32
    assert events.Tags()["graph"] and "inputs/first batch" in events.Tags()["images"]
    assert "conv1.weight" in events.Tags()["histograms"]


def test_runs_are_not_logged_unless_asked(app):
    at = app("pages/logistic_regression.py")
    at.select_slider(key="logistic_regression:speed").set_value(0).run()
    at.slider(key="logistic_regression:epochs").set_value(10).run()
    train(at, "logistic_regression")
    assert logger_of(run_of(at, "logistic_regression").trainer) is None and "TensorBoard" not in texts(at)
