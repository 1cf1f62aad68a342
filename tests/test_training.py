"""The training loop: events, history, stop, non-finite and diverging losses."""
import math

import pytest
import torch

from dlcore.training import (Callback, ParameterTrace, Trainer, full_batch, minibatches, setting_problems,
                             supervised_step)


class Recorder(Callback):
    def __init__(self):
        self.events = []

    def on_train_start(self, trainer):
        self.events.append("start")

    def on_batch_end(self, trainer):
        self.events.append(f"batch {trainer.epoch}.{trainer.batch}")

    def on_epoch_end(self, trainer):
        self.events.append(f"epoch {trainer.epoch}")

    def on_train_end(self, trainer):
        self.events.append(f"end {trainer.outcome.kind}")


def constant_steps(losses):
    values = iter(losses)
    return lambda batch: next(values)


def test_events_fire_in_order_and_history_is_kept():
    recorder = Recorder()
    trainer = Trainer(constant_steps([4.0, 2.0, 3.0, 1.0]), lambda: ["a", "b"], 2, callbacks=[recorder])
    history = trainer.fit()
    assert recorder.events == ["start", "batch 1.1", "batch 1.2", "epoch 1", "batch 2.1", "batch 2.2", "epoch 2",
                               "end finished"]
    assert history.batch_loss == [4.0, 2.0, 3.0, 1.0]
    assert history.series("loss") == [3.0, 2.0]
    assert trainer.outcome.kind == "finished" and trainer.seconds > 0


def test_evaluate_adds_metrics_per_epoch():
    calls = iter([0.5, 0.75])
    trainer = Trainer(lambda b: 1.0, lambda: [0], 2, evaluate=lambda: {"acc": next(calls)})
    trainer.fit()
    assert trainer.history.series("acc") == [0.5, 0.75]


def test_stop_is_honoured_within_one_batch():
    class StopAt(Callback):
        def on_batch_end(self, trainer):
            if len(trainer.history.batch_loss) == 5:
                trainer.request_stop()

    trainer = Trainer(lambda b: 1.0, lambda: range(4), 10, callbacks=[StopAt()])
    trainer.fit()
    assert len(trainer.history.batch_loss) == 5
    assert trainer.outcome.kind == "stopped" and trainer.outcome.epoch == 2


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_loss_ends_the_run_with_its_epoch(bad):
    trainer = Trainer(constant_steps([1.0, 0.5] * 3 + [bad] + [1.0] * 10), lambda: [0, 1], 10)
    trainer.fit()
    assert trainer.outcome.kind == "nonfinite" and trainer.outcome.failed
    assert trainer.outcome.epoch == 4
    assert len(trainer.history.batch_loss) == 7


def test_a_diverging_learning_rate_is_detected_on_a_real_model():
    torch.manual_seed(0)
    model = torch.nn.Linear(1, 1)
    x = torch.tensor([[1.0], [2.0], [3.0]])
    step = supervised_step(model, torch.nn.MSELoss(reduction="sum"), torch.optim.SGD(model.parameters(), lr=1.0))
    trainer = Trainer(step, full_batch(x, 2 * x), 1000)
    trainer.fit()
    assert trainer.outcome.kind in ("diverged", "nonfinite")
    assert trainer.outcome.epoch < 100


def test_an_exception_in_a_step_still_ends_the_run_and_fires_train_end():
    recorder = Recorder()

    def failing(batch):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        Trainer(failing, lambda: [0], 3, callbacks=[recorder]).fit()
    assert recorder.events == ["start", "end stopped"]


def test_epochs_must_be_positive():
    with pytest.raises(ValueError):
        Trainer(lambda b: 1.0, lambda: [0], 0)


@pytest.mark.parametrize("lr, epochs, keys", [
    (0.01, 10, []),
    (0.0, 10, ["train.bad_lr"]),
    (-0.1, 10, ["train.bad_lr"]),
    (math.nan, 10, ["train.bad_lr"]),
    (0.01, 0, ["train.bad_epochs"]),
    (0, 0, ["train.bad_lr", "train.bad_epochs"]),
])
def test_setting_problems(lr, epochs, keys):
    assert [key for key, _ in setting_problems(lr, epochs)] == keys


def test_minibatches_cover_every_sample_once_per_epoch_in_a_new_order():
    x = torch.arange(25.0).reshape(-1, 1)
    batches = minibatches(x, x * 2, 10, torch.Generator().manual_seed(0))
    first = list(batches())
    assert [len(b[0]) for b in first] == [10, 10, 5]
    seen = torch.cat([b[0] for b in first]).flatten()
    assert sorted(seen.tolist()) == list(range(25))
    assert all(torch.equal(bx * 2, by) for bx, by in first)
    second = torch.cat([b[0] for b in batches()]).flatten()
    assert not torch.equal(seen, second)


def test_parameter_trace_records_each_scalar_per_batch():
    model = torch.nn.Linear(2, 1)
    trace = ParameterTrace(model)
    x = torch.randn(8, 2)
    step = supervised_step(model, torch.nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.1))
    Trainer(step, minibatches(x, x.sum(1, keepdim=True), 4), 3, callbacks=[trace]).fit()
    assert set(trace.values) == {"weight[0]", "weight[1]", "bias[0]"}
    assert all(len(v) == 6 for v in trace.values.values())
    assert trace.values["bias[0]"][-1] == pytest.approx(model.bias.item())
