"""Lecture 11's models: the notes' shapes, their sizes, short training runs, and the race of several models."""
import inspect
from dataclasses import replace

import pytest
import torch

from dlcore.lectures.advanced_cnns import model as advanced_cnns
from dlcore.engine.side_by_side import side_by_side_trainer
from dlcore.lectures.advanced_cnns.model import (BASIC, COMPARED, MODELS, InceptionA, InceptionNet, Race, ResidualBlock, ResNet,
                                  comparison_accuracy, comparison_loss, comparison_rows, comparison_run, shape_rows)
from dlcore.lectures.cnn_basics.model import CourseCNN, layer_shapes, parameter_count
from dlcore.lectures.classifiers.training import new_classifier
from dlcore.datasets.images import load_images

B = 3


@pytest.fixture(scope="module")
def mnist():
    return load_images("mnist", download=False)


def shapes(model) -> list[tuple[int, ...]]:
    return [shape for _, shape in layer_shapes(model, torch.zeros(B, 1, 28, 28))]


def appear_in_order(expected, shapes) -> bool:
    remaining = iter(shapes)
    return all(any(shape == wanted for shape in remaining) for wanted in expected)


@pytest.mark.parametrize("in_channels, size", [(10, 12), (20, 4), (3, 7)])
def test_inception_block_puts_out_88_channels_of_the_same_size(in_channels, size):
    out = InceptionA(in_channels)(torch.randn(B, in_channels, size, size))
    assert out.shape == (B, 88, size, size)


def test_residual_block_keeps_the_shape_and_adds_its_input():
    block = ResidualBlock(16)
    x = torch.randn(B, 16, 12, 12)
    assert block(x).shape == x.shape
    for conv in (block.conv1, block.conv2):
        torch.nn.init.zeros_(conv.weight)
        torch.nn.init.zeros_(conv.bias)
    assert torch.equal(block(x), torch.relu(x))  # F(x) = 0 leaves relu(x + 0): the identity path


def test_inception_net_has_the_notes_shapes():
    found = shapes(InceptionNet())
    assert appear_in_order([(B, 10, 12, 12), (B, 88, 12, 12), (B, 20, 4, 4), (B, 88, 4, 4), (B, 1408), (B, 10)], found)
    assert found[-1] == (B, 10)


def test_resnet_has_the_course_shapes():
    found = shapes(ResNet())
    assert appear_in_order([(B, 16, 12, 12), (B, 32, 4, 4), (B, 512), (B, 10)], found)
    assert found[-1] == (B, 10)


def test_shape_rows_give_b_c_h_w_and_leave_h_w_empty_after_the_view():
    rows = {row["layer"]: row for row in shape_rows(InceptionNet())}
    assert rows["incep1.concat"] == {"layer": "incep1.concat", "B": 1, "C": 88, "H": 12, "W": 12}
    assert rows["view"] == {"layer": "view", "B": 1, "C": 1408, "H": None, "W": None}


def test_parameter_counts():
    basic, inception, resnet = (parameter_count(model()) for model in (CourseCNN, InceptionNet, ResNet))
    assert 0 < basic < inception and resnet > 0
    # the residual net: two 5×5 convs, two blocks of two 3×3 convs, the 512→10 layer
    assert resnet == (16 * 25 + 16) + (32 * 16 * 25 + 32) + 2 * (16 * 16 * 9 + 16) + 2 * (32 * 32 * 9 + 32) + 5130


def test_the_models_keep_the_course_settings():
    assert COMPARED["basic"].build is CourseCNN  # lecture 10's CNN itself, not a copy
    for variant in MODELS.values():
        values = variant.settings.defaults()
        assert variant.data == "mnist" and values.dataset == "mnist"
        assert (values.optimizer, values.lr, values.momentum, values.batch_size, values.epochs, values.train_size) == \
            ("SGD", 0.01, 0.5, 64, 10, 0)
    race = advanced_cnns.RACE_SETTINGS.defaults()
    assert (race.epochs, race.train_size) == (2, 10000)


def test_the_notes_bugs_are_not_copied():
    source = inspect.getsource(InceptionNet)
    assert "def forward(self, x)" in source and "forwad" not in source
    assert "self.conv1(x)" in source and "self.incep2(x)" in source
    assert advanced_cnns.F is torch.nn.functional


@pytest.mark.parametrize("name", ["inception", "resnet"])
def test_a_short_run_learns_the_digits(name, mnist):
    """3,000 images, one epoch; batches of 32 with lr 0.05 so that 94 steps are enough."""
    values = {**MODELS[name].settings.defaults(), "lr": 0.05, "epochs": 1, "batch_size": 32, "train_size": 3000}
    model, trainer, _ = new_classifier(MODELS[name].build, mnist, values, "cpu", seed=0)
    history = trainer.fit()
    assert trainer.outcome.kind == "finished"
    assert history.epochs[-1]["loss"] < 0.6 * history.batch_loss[0]
    assert history.epochs[-1]["test_acc"] > 0.8  # on the evaluator's 2,000 test images


def few(data, n=300):
    """The first n images of each split: the accuracy checks after each epoch stay cheap."""
    return replace(data, train_x=data.train_x[:n], train_y=data.train_y[:n],
                   test_x=data.test_x[:n], test_y=data.test_y[:n])


def test_the_race_trains_each_model_as_if_alone_one_batch_each_per_step(mnist):
    data = few(mnist)
    race = Race(COMPARED, data, train_size=128, device="cpu", seed=0)
    trainer = side_by_side_trainer(race, epochs=2)
    trainer.fit()
    assert trainer.outcome.kind == "finished" and trainer.epoch == 2
    assert [len(losses) for losses in race.losses.values()] == [4, 4, 4]  # 128 images in batches of 64, twice
    for step, loss in enumerate(trainer.history.batch_loss):  # a step's loss: the mean of the models' losses
        assert loss == pytest.approx(sum(losses[step] for losses in race.losses.values()) / 3)
    alone = {**BASIC.settings.defaults(), "epochs": 2, "train_size": 128}
    _, basic, _ = new_classifier(BASIC.build, data, alone, "cpu", seed=0)
    basic.fit()
    assert race.losses["basic"] == basic.history.batch_loss  # the same images, in the same order, the same numbers
    assert trainer.history.series("basic:test_acc") == basic.history.series("test_acc")
    assert trainer.history.series("basic:loss") == pytest.approx(basic.history.series("loss"))  # its epochs' mean
    rows = comparison_rows(race, trainer.history)
    assert [row["model"] for row in rows] == ["basic", "inception", "resnet"]
    assert rows[1]["parameters"] == parameter_count(InceptionNet()) and all(row["seconds"] > 0 for row in rows)
    assert all(row["test_accuracy"] == 100 * trainer.history.epochs[-1][f"{row['model']}:test_acc"] for row in rows)
    figure = comparison_accuracy(race, trainer.history, {name: name for name in race.models})
    assert [trace.name for trace in figure.data] == ["basic", "inception", "resnet"]
    assert all(len(trace.y) == 2 for trace in figure.data)


def test_the_race_as_it_was_at_an_earlier_epoch(mnist):
    run = comparison_run(COMPARED, few(mnist), epochs=2, train_size=128, device="cpu", seed=0)
    run.start()
    assert run.join(120) and run.state == "finished"
    frame = run.frame(1)  # what the replay slider shows at epoch 1
    race, labels = frame.extras["race"], {name: name for name in COMPARED}
    rows = comparison_rows(race, frame.history)
    assert [row["seconds"] for row in rows] == [run.trainer.history.epochs[0][f"{name}:seconds"] for name in COMPARED]
    assert all(len(trace.y) == 1 for trace in comparison_accuracy(race, frame.history, labels).data)
    assert all(len(trace.y) == 2 for trace in comparison_loss(race, frame.batches, labels).data)  # 2 batches by then
    assert comparison_rows(race, run.frame(0).history)[0]["test_accuracy"] is None  # before the first epoch
