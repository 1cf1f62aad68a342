"""Lecture 11's models: the notes' shapes, their sizes, short training runs, and training several models in turn."""
import inspect
from dataclasses import replace

import pytest
import torch

from dlcore import advanced_cnns
from dlcore.advanced_cnns import (COMPARED, MODELS, InceptionA, InceptionNet, ResidualBlock, ResNet,
                                  comparison, comparison_accuracy, comparison_rows, shape_rows)
from dlcore.convnets import CourseCNN, layer_shapes, parameter_count
from dlcore.image_training import Settings, new_classifier
from dlcore.images import load_images
from dlcore.training import Callback

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
        assert (variant.data, variant.optimizer, variant.lr, variant.momentum, variant.batch_size, variant.epochs) == \
            ("mnist", "SGD", 0.01, 0.5, 64, 10)


def test_the_notes_bugs_are_not_copied():
    source = inspect.getsource(InceptionNet)
    assert "def forward(self, x)" in source and "forwad" not in source
    assert "self.conv1(x)" in source and "self.incep2(x)" in source
    assert advanced_cnns.F is torch.nn.functional


@pytest.mark.parametrize("name", ["inception", "resnet"])
def test_a_short_run_learns_the_digits(name, mnist):
    """3,000 images, one epoch; batches of 32 with lr 0.05 so that 94 steps are enough."""
    settings = Settings(lr=0.05, epochs=1, batch_size=32, optimizer="SGD", momentum=0.5, train_size=3000)
    model, trainer, _ = new_classifier(MODELS[name].build, mnist, settings, "cpu", seed=0)
    history = trainer.fit()
    assert trainer.outcome.kind == "finished"
    assert history.epochs[-1]["loss"] < 0.6 * history.batch_loss[0]
    assert history.epochs[-1]["test_acc"] > 0.8  # on the evaluator's 2,000 test images


def few(data, n=300):
    """The first n images of each split: the accuracy checks after each epoch stay cheap."""
    return replace(data, train_x=data.train_x[:n], train_y=data.train_y[:n],
                   test_x=data.test_x[:n], test_y=data.test_y[:n])


class Recorder(Callback):
    def __init__(self):
        self.events = []

    def on_train_start(self, trainer):
        self.events.append(("start", trainer.epoch))

    def on_epoch_end(self, trainer):
        self.events.append(("epoch", trainer.epoch))

    def on_train_end(self, trainer):
        self.events.append(("end", trainer.epoch))


def test_models_train_in_turn_with_the_same_run_length(mnist):
    models, turns = comparison(COMPARED, few(mnist), epochs=2, train_size=128, device="cpu", seed=0)
    recorder = Recorder()
    turns.callbacks.append(recorder)
    turns.fit()
    assert turns.outcome.kind == "finished" and turns.epochs == 6 and turns.epoch == 6
    assert [event for event in recorder.events if event[0] == "epoch"] == [("epoch", n) for n in range(1, 7)]
    assert recorder.events[0] == ("start", 0) and recorder.events[-1] == ("end", 6)
    for trainer in turns.trainers.values():
        assert len(trainer.history.batch_loss) == 2 * 2  # 128 images in batches of 64, twice
    rows = comparison_rows(models, turns)
    assert [row["model"] for row in rows] == ["basic", "inception", "resnet"]
    assert rows[1]["parameters"] == parameter_count(InceptionNet()) and all(row["seconds"] > 0 for row in rows)
    assert all(0 <= row["test_accuracy"] <= 100 for row in rows)
    figure = comparison_accuracy(turns, {name: name for name in models})
    assert [trace.name for trace in figure.data] == ["basic", "inception", "resnet"]
    assert all(len(trace.y) == 2 for trace in figure.data)


def test_a_failing_model_ends_the_turns(mnist):
    models, turns = comparison(COMPARED, few(mnist), epochs=1, train_size=128, device="cpu", seed=0)
    turns.trainers["basic"].request_stop()
    turns.fit()
    assert turns.outcome.kind == "stopped" and turns.outcome.epoch == 1
    assert turns.trainers["inception"].outcome is None  # never started
    assert comparison_rows(models, turns)[1]["test_accuracy"] is None


def test_an_interruption_from_outside_is_recorded_as_stopped(mnist):
    class Interrupt(BaseException):
        pass

    class Interrupting(Callback):
        def on_batch_end(self, trainer):
            raise Interrupt  # like Streamlit's StopException on a Stop click

    _, turns = comparison({"resnet": MODELS["resnet"]}, few(mnist), epochs=1, train_size=128, device="cpu")
    turns.callbacks.append(Interrupting())
    with pytest.raises(Interrupt):
        turns.fit()
    assert turns.outcome.kind == "stopped" and turns.seconds > 0
    assert not turns.trainers["resnet"].callbacks  # the relay was removed


def test_a_stop_request_from_another_thread_ends_the_turns(mnist):
    class RequestStop(Callback):
        def on_batch_end(self, trainer):
            assert trainer.running
            trainer.request_stop()  # what a later script run does (ui._let_it_stop)

    _, turns = comparison(COMPARED, few(mnist), epochs=2, train_size=128, device="cpu", seed=0)
    turns.callbacks.append(RequestStop())
    assert not turns.running
    turns.fit()
    assert turns.outcome.kind == "stopped" and turns.epoch == 1 and not turns.running
    assert turns.trainers["inception"].outcome is None  # never started
