"""The training loop: events, history, stop, non-finite and diverging losses."""
import time

import pytest
import torch

from dlcore.engine.training import (OPTIMIZERS, Callback, ManualRate, ParameterTrace, Trainer, full_batch, make_optimizer,
                             minibatches, supervised_step)


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


def test_batches_that_take_long_to_prepare_may_let_go_when_asked_to_stop_or_pause():
    """A page that prepares its data inside batches() (the transfer page's features) gives no batch when a stop or
    a pause comes meanwhile: the run pauses or stops before its first epoch, and prepares again when resumed."""
    calls = []

    def preparing(ask):
        def batches():
            calls.append(ask)
            if len(calls) == 1:
                ask()  # the user clicks Pause or Stop while it prepares
            if trainer.interrupted:
                return
            yield from range(3)
        return batches

    trainer = Trainer(lambda b: 1.0, preparing(lambda: trainer.request_pause()), 2)
    trainer.fit()
    assert trainer.outcome is None and trainer.epoch == 0 and not trainer.history.batch_loss
    trainer.fit()
    assert trainer.outcome.kind == "finished" and len(calls) == 3 and len(trainer.history.epochs) == 2
    calls.clear()
    trainer = Trainer(lambda b: 1.0, preparing(lambda: trainer.request_stop()), 2)
    trainer.fit()
    assert trainer.outcome.kind == "stopped" and trainer.outcome.epoch == 0 and len(calls) == 1


def test_an_epoch_without_a_batch_otherwise_fails_the_run_instead_of_looping():
    trainer = Trainer(lambda b: 1.0, lambda: iter(()), 2)
    trainer.fit()
    assert trainer.outcome.kind == "failed" and "gave no batch" in trainer.outcome.message


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


def test_an_exception_ends_the_run_as_failed_with_its_message_and_fires_the_exception_event():
    recorder = Recorder()
    errors = []

    class Catch(Callback):
        def on_exception(self, trainer, error):
            errors.append(error)

    def failing(batch):
        if batch == "b":
            raise RuntimeError("boom")
        return 1.0

    trainer = Trainer(failing, lambda: ["a", "b"], 3, callbacks=[recorder, Catch()])
    trainer.fit()
    assert trainer.outcome.kind == "failed" and trainer.outcome.failed
    assert trainer.outcome.message == "RuntimeError: boom" and trainer.outcome.epoch == 1
    assert recorder.events == ["start", "batch 1.1", "end failed"]
    assert [str(e) for e in errors] == ["boom"] and not trainer.running


def test_epochs_must_be_positive():
    with pytest.raises(ValueError):
        Trainer(lambda b: 1.0, lambda: [0], 0)


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


def seeded_regression(seed: int = 0, epochs: int = 6, lr: float = 0.05):
    """A small linear regression in shuffled mini-batches: (trainer, model), the same for the same seed."""
    torch.manual_seed(seed)
    model = torch.nn.Linear(2, 1)
    x = torch.randn(40, 2, generator=torch.Generator().manual_seed(1))
    y = x @ torch.tensor([[2.0], [-3.0]]) + 1
    optimizer = make_optimizer("SGD", model.parameters(), lr)
    batches = minibatches(x, y, 8, torch.Generator().manual_seed(seed))
    return Trainer(supervised_step(model, torch.nn.MSELoss(), optimizer), batches, epochs, optimizer=optimizer), model


class PauseAt(Callback):
    def __init__(self, *batches):
        self.batches = set(batches)

    def on_batch_end(self, trainer):
        if len(trainer.history.batch_loss) in self.batches:
            trainer.request_pause()


def test_pause_and_resume_give_the_same_weights_as_an_uninterrupted_run():
    whole, whole_model = seeded_regression()
    whole.fit()
    paused, paused_model = seeded_regression()
    paused.callbacks.append(PauseAt(3, 12, 17))  # mid-epoch, and at an epoch's last batch
    fits = 0
    while paused.outcome is None:
        paused.fit()
        fits += 1
        assert paused.outcome is not None or len(paused.history.batch_loss) in (3, 12, 17)
    assert fits == 4 and paused.outcome.kind == "finished"
    assert torch.equal(whole_model.weight, paused_model.weight) and torch.equal(whole_model.bias, paused_model.bias)
    assert paused.history.batch_loss == whole.history.batch_loss
    assert paused.history.series("loss") == whole.history.series("loss")


def test_step_runs_exactly_one_batch_or_one_epoch():
    trainer, _ = seeded_regression()
    trainer.fit(until="batch")
    assert (len(trainer.history.batch_loss), len(trainer.history.epochs)) == (1, 0)
    trainer.fit(until="epoch")  # the rest of the first epoch
    assert (len(trainer.history.batch_loss), len(trainer.history.epochs)) == (5, 1)
    trainer.fit(until="epoch")  # a whole epoch
    assert (len(trainer.history.batch_loss), len(trainer.history.epochs)) == (10, 2)
    assert trainer.outcome is None and trainer.epoch == 2 and trainer.batch == 5


def test_train_more_continues_a_finished_or_stopped_run_and_not_a_failed_one():
    trainer, _ = seeded_regression(epochs=2)
    trainer.fit()
    trainer.extend(3)
    assert trainer.outcome is None and trainer.epochs == 5
    trainer.fit()
    assert trainer.outcome.kind == "finished" and trainer.history.series("epoch") == [1, 2, 3, 4, 5]
    with pytest.raises(RuntimeError):
        trainer.fit()  # an ended run does not train without extend()
    broken = Trainer(lambda b: float("nan"), lambda: [0], 3)
    broken.fit()
    with pytest.raises(ValueError):
        broken.extend(1)


def test_a_stop_while_paused_ends_the_run_at_once():
    trainer, _ = seeded_regression()
    trainer.fit(until="batch")
    trainer.request_stop()
    assert trainer.outcome.kind == "stopped" and trainer.outcome.epoch == 1


def test_a_new_learning_rate_applies_from_the_next_batch_and_is_recorded():
    trainer, model = seeded_regression()
    seen = []

    class LearningRates(Callback):
        def on_batch_end(self, trainer):
            seen.append(trainer.optimizer.param_groups[0]["lr"])
            if len(seen) == 3:
                trainer.set_lr(0.01)

    trainer.callbacks.append(LearningRates())
    trainer.fit()
    assert seen[:4] == [0.05, 0.05, 0.05, 0.01] and set(seen[3:]) == {0.01}
    assert trainer.history.lr_changes == [{"batch": 3, "epoch": 1, "lr": 0.01}]
    assert trainer.history.until(1).lr_changes == trainer.history.lr_changes
    assert trainer.history.until(0).lr_changes == []


def test_a_hand_written_update_reads_its_rate_so_it_can_change_during_a_run():
    rate = ManualRate(0.1)
    w = torch.tensor(1.0)
    state = {"w": w}

    def step(batch):
        state["w"] = state["w"] - rate.lr * 1.0  # a gradient of 1
        return 1.0

    trainer = Trainer(step, lambda: [0], 4, optimizer=rate)
    trainer.fit(until="epoch")
    trainer.set_lr(0.5)
    trainer.fit()
    assert state["w"].item() == pytest.approx(1.0 - 0.1 - 3 * 0.5)
    assert trainer.history.lr_changes == [{"batch": 1, "epoch": 2, "lr": 0.5}]


def test_the_pace_spaces_the_steps_and_a_pause_cuts_the_wait_short():
    trainer = Trainer(lambda b: 1.0, lambda: range(5), 2, pace=50)
    started = time.perf_counter()
    trainer.fit()
    assert time.perf_counter() - started >= 9 / 50 * 0.95  # ten steps, nine waits of 20 ms at least
    slow = Trainer(lambda b: 1.0, lambda: range(5), 2, pace=0.2)  # a step every 5 s
    slow.callbacks.append(PauseAt(1))
    started = time.perf_counter()
    slow.fit()
    assert time.perf_counter() - started < 2.5 and len(slow.history.batch_loss) == 1


def test_history_until_an_epoch_is_the_history_as_it_was_then():
    trainer, _ = seeded_regression(epochs=3)
    trainer.fit()
    earlier = trainer.history.until(2)
    assert earlier.series("epoch") == [1, 2] and earlier.batch_loss == trainer.history.batch_loss[:10]


def test_the_one_optimizer_factory_builds_every_offered_optimizer_and_refuses_others():
    model = torch.nn.Linear(1, 1)
    for name in OPTIMIZERS:
        optimizer = make_optimizer(name, model.parameters(), 0.1, momentum=0.5)
        assert type(optimizer).__name__ == name and optimizer.param_groups[0]["lr"] == 0.1
    assert make_optimizer("SGD", model.parameters(), 0.1, momentum=0.5).param_groups[0]["momentum"] == 0.5
    with pytest.raises(ValueError):
        make_optimizer("Adamw", model.parameters(), 0.1)
