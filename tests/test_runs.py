"""Runs in worker threads: pause, stop and step from another thread, replay frames, snapshots, the line for cores."""
import threading
import time

import pytest
import torch

from dlcore.engine.spec import RunSpec
from dlcore.engine.runs import EARLIER_RUNS, Run, Slots, Snapshots, difference, live_workers, remember, stop_all
from dlcore.engine.training import Callback, Trainer, make_optimizer, minibatches, supervised_step


def regression_run(epochs=30, pace=None, slots=None, seed=0) -> Run:
    torch.manual_seed(seed)
    model = torch.nn.Linear(2, 1)
    x = torch.randn(40, 2, generator=torch.Generator().manual_seed(1))
    y = x @ torch.tensor([[2.0], [-3.0]]) + 1
    optimizer = make_optimizer("SGD", model.parameters(), 0.05)
    trainer = Trainer(supervised_step(model, torch.nn.MSELoss(), optimizer),
                      minibatches(x, y, 8, torch.Generator().manual_seed(seed)), epochs, optimizer=optimizer, pace=pace)
    return Run(trainer, model=model, **({"slots": slots} if slots else {}))


def wait_until(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_run_trains_in_a_worker_and_pause_resume_lands_where_an_uninterrupted_run_does():
    whole = regression_run()
    assert whole.start() and not whole.start()  # never two workers for one run
    assert whole.join(30) and whole.state == "finished"
    paused = regression_run(pace=400)
    paused.start()
    wait_until(lambda: len(paused.trainer.history.batch_loss) >= 7)
    asked = time.monotonic()
    paused.pause()
    assert paused.join(5) and time.monotonic() - asked < 0.5  # Pause acts within half a second
    assert paused.state == "paused" and 0 < paused.epochs_done < 30
    paused.trainer.pace = None
    paused.start()
    assert paused.join(30) and paused.state == "finished"
    assert torch.equal(whole.model.weight, paused.model.weight)


def test_stop_acts_within_half_a_second_and_train_more_continues():
    run = regression_run(epochs=1000, pace=200)
    run.start()
    wait_until(lambda: run.state == "training" and run.trainer.history.batch_loss)
    asked = time.monotonic()
    run.stop()
    assert run.join(5) and time.monotonic() - asked < 0.5
    assert run.state == "stopped"
    done = run.epochs_done
    run.trainer.pace = None
    assert run.train_more(2)
    run.join(30)
    assert run.state == "finished" and run.epochs_done == done + 2


def test_step_in_a_worker_runs_one_epoch():
    run = regression_run()
    run.start(until="epoch")
    run.join(10)
    assert run.state == "paused" and run.epochs_done == 1 and len(run.trainer.history.batch_loss) == 5


def test_a_failing_step_ends_the_run_as_failed_with_the_message():
    def step(batch):
        raise ValueError("shapes do not match")

    run = Run(Trainer(step, lambda: [0], 3))
    run.start()
    run.join(10)
    assert run.state == "failed" and run.trainer.outcome.message == "ValueError: shapes do not match"


class WeightsPerEpoch(Callback):
    def __init__(self, model):
        self.model, self.weights = model, []

    def on_epoch_end(self, trainer):
        self.weights.append(self.model.weight.detach().clone())


def test_a_frame_of_an_earlier_epoch_has_that_epochs_weights_and_history():
    run = regression_run(epochs=8)
    initial = run.model.weight.detach().clone()
    recorder = WeightsPerEpoch(run.model)
    run.trainer.callbacks.append(recorder)
    run.start()
    run.join(30)
    frame = run.frame(3)
    assert not frame.live and frame.epoch == 3 and frame.batches == 15
    assert torch.equal(frame.model.weight, recorder.weights[2]) and frame.model is not run.model
    assert frame.history.series("epoch") == [1, 2, 3]
    assert torch.equal(run.frame(0).model.weight, initial)
    latest = run.frame()
    assert latest.live and latest.model is run.model and latest.epoch == 8
    assert all(torch.equal(run.frame(epoch).model.weight, recorder.weights[epoch - 1]) for epoch in range(1, 8))


def test_a_live_frame_is_a_copy_taken_between_two_steps():
    run = regression_run(epochs=1000, pace=500)
    run.start()
    wait_until(lambda: run.epochs_done >= 2)
    frame = run.frame()
    assert frame.live and frame.model is not run.model
    copied = frame.model.weight.detach().clone()
    wait_until(lambda: not torch.equal(run.model.weight, copied))
    assert torch.equal(frame.model.weight, copied)  # the copy does not move with the training
    run.stop()
    run.join(5)


def test_snapshots_stay_bounded_and_evenly_spread():
    snapshots = Snapshots(limit=200)
    for epoch in range(1001):
        snapshots.add(epoch, torch.zeros(3))
    epochs = sorted(snapshots.states)
    assert len(epochs) <= 200 and epochs[0] == 0 and epochs[-1] >= 1000 - snapshots.every
    gaps = {b - a for a, b in zip(epochs, epochs[1:])}
    assert gaps == {snapshots.every}
    assert snapshots.at(999)[0] == max(e for e in epochs if e <= 999)
    assert snapshots.nbytes == len(epochs) * 3 * 4


def test_a_run_beyond_the_limit_waits_its_turn_and_says_its_place():
    slots = Slots(limit=1)
    first, second, third = (regression_run(epochs=10_000, pace=1000, slots=slots, seed=s) for s in range(3))
    first.start()
    wait_until(lambda: first.state == "training")
    second.start()
    wait_until(lambda: slots.place(second) == 1)  # in line before the third starts: their threads could race
    third.start()
    wait_until(lambda: slots.place(third) == 2)
    assert second.state == third.state == "waiting" and slots.place(second) == 1 and slots.training == 1
    third.pause()  # a waiting run can leave the line
    third.join(5)
    assert third.state == "ready" and slots.place(third) is None
    first.stop()
    wait_until(lambda: second.state == "training")
    assert first.join(5) and slots.training == 1
    second.stop()
    second.join(5)
    assert slots.training == 0


def test_a_run_whose_session_has_ended_stops_within_seconds():
    alive = threading.Event()
    alive.set()
    run = regression_run(epochs=100_000, pace=500)
    run.alive = alive.is_set
    run.start()
    wait_until(lambda: run.state == "training")
    gone = time.monotonic()
    alive.clear()
    assert run.join(5) and run.state == "stopped"
    assert time.monotonic() - gone < 3


def test_stop_all_ends_every_worker():
    runs = [regression_run(epochs=100_000, pace=100, seed=s) for s in range(2)]
    for run in runs:
        run.start()
    wait_until(lambda: live_workers() == 2)
    stop_all()
    assert live_workers() == 0 and all(run.state in ("stopped", "ready") for run in runs)


def test_earlier_runs_are_labelled_with_what_differed_and_kept_to_five():
    assert difference({"lr": 0.01, "optimizer": "SGD", "epochs": 5}, {"lr": 0.1, "optimizer": "Adam", "epochs": 5}) \
        == "lr 0.01 → 0.1, optimizer SGD → Adam"
    earlier = []
    for number in range(7):
        run = regression_run(epochs=2)
        run.spec = RunSpec("logistic_regression", values={"lr": 0.01 * (number + 1)})
        run.start()
        run.join(10)
        earlier = remember(earlier, run, number)
    assert len(earlier) == EARLIER_RUNS and [e.number for e in earlier] == [2, 3, 4, 5, 6]
    current = RunSpec("logistic_regression", values={"lr": 0.07}).settings  # with its seed and device
    assert earlier[-1].label(current) == "#6" and earlier[0].label(current) == "lr 0.03 → 0.07"
    assert len(earlier[0].series["loss"]) == 2
    assert remember(earlier, regression_run(), 9) == earlier  # a run that trained no epoch is not kept


@pytest.fixture(autouse=True)
def no_worker_left():
    yield
    stop_all()
    assert live_workers() == 0


def test_snapshots_stay_within_their_memory_budget():
    snapshots = Snapshots(limit=200, max_bytes=40 * 1000 * 4)  # room for 40 snapshots of 1,000 floats
    for epoch in range(101):
        snapshots.add(epoch, torch.zeros(1000))
    assert snapshots.nbytes <= 40 * 1000 * 4 and len(snapshots.states) >= 20
    assert 0 in snapshots.states and 100 - max(snapshots.states) < snapshots.every


def test_weights_loaded_into_a_run_are_what_its_replay_shows():
    run = regression_run(epochs=3)
    run.start()
    run.join(10)
    with torch.no_grad():
        run.model.weight.fill_(7.0)
    run.weights_replaced()
    assert torch.equal(run.frame(3).model.weight, torch.full((1, 2), 7.0))
    assert not torch.equal(run.frame(2).model.weight, torch.full((1, 2), 7.0))


def test_a_live_frames_history_stays_as_it_was_while_the_worker_goes_on():
    run = regression_run(epochs=100_000, pace=2000)
    run.start()
    wait_until(lambda: run.epochs_done >= 3)
    frame = run.frame()
    epochs, batches = len(frame.history.epochs), len(frame.history.batch_loss)
    assert frame.epoch == epochs and frame.batches == batches
    wait_until(lambda: run.epochs_done >= epochs + 2)
    assert len(frame.history.epochs) == epochs and len(frame.history.batch_loss) == batches
    run.stop()
    run.join(5)
