"""The run contract on both executors (a thread here, a Ray actor), Ray's faults, its line and its cleaning up,
and lecture 6 and lecture 9 trained on Ray in AppTest.  One local Ray (two CPUs) serves the whole module."""
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
import ray
import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

from dlcore import lectures
from dlcore.engine import executors
from dlcore.engine import ray_runs
from dlcore.engine.ray_runs import NAMESPACE, RayExecutor
from dlcore.engine.spec import RunSpec
from dlcore.engine.tensorboard import TensorBoardLogger
from dlcore.engine.training import Trainer, make_optimizer, minibatches, supervised_step
from dlcore.engine.runs import Run
from pagetools import run_of, texts, train
from test_runs import WeightsPerEpoch

ROOT = Path(__file__).resolve().parent.parent

ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # Ray's workers build this module's runs from its code
SERVER = f"test-{os.getpid()}"
TEST_PROCESS = os.getpid()


@pytest.fixture(scope="module")
def cluster():
    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, namespace=NAMESPACE)
    print(f"Ray started in {time.perf_counter() - started:.1f} s")
    yield RayExecutor.connect("local", SERVER)
    ray.shutdown()


@pytest.fixture(autouse=True)
def no_spares(monkeypatch):
    """A replaced run's actor ends at once (as without spares), unless a test keeps it: several executors share
    the two CPUs here, and one's spares would keep another's runs waiting."""
    monkeypatch.setattr(ray_runs, "SPARE_SECONDS", 0.0)


def regression(spec: RunSpec) -> Run:
    """A small regression: 5 batches an epoch, as tests/test_runs.py trains it."""
    torch.manual_seed(spec.seed)
    model = torch.nn.Linear(2, 1)
    x = torch.randn(40, 2, generator=torch.Generator().manual_seed(1))
    y = x @ torch.tensor([[2.0], [-3.0]]) + 1
    optimizer = make_optimizer("SGD", model.parameters(), spec.values.get("lr", 0.05))
    trainer = Trainer(supervised_step(model, torch.nn.MSELoss(), optimizer),
                      minibatches(x, y, 8, torch.Generator().manual_seed(spec.seed)), spec.values["epochs"],
                      optimizer=optimizer, pace=spec.values.get("pace"))
    return Run(trainer, model=model)


def failing_step(spec: RunSpec) -> Run:
    def step(batch):
        raise ValueError("shapes do not match")

    return Run(Trainer(step, lambda: [0], 3))


def failing_in_the_worker(spec: RunSpec) -> Run:
    """Builds here, fails in a Ray worker (as a worker lacking the data set would)."""
    if os.getpid() != TEST_PROCESS:
        raise FileNotFoundError("no data here")
    return regression(spec)


@pytest.fixture(params=["thread", "ray"])
def make(request):
    """make(build, **values): a run of that build on the executor of the test's parameter."""
    made = []

    def make_run(build=regression, **values):
        spec = RunSpec("regression", None, {"epochs": 30, **values}, seed=0)
        if request.param == "ray":
            run = request.getfixturevalue("cluster").run(spec, build)
        else:
            run = build(spec)
            run.spec = spec
        made.append(run)
        return run

    yield make_run
    for run in made:
        run.stop()
        run.join(5)
        getattr(run, "release", lambda: None)()


def batches(run) -> int:
    """Batches done, as the page sees them (looking at a Ray run pulls its changes)."""
    run.state
    return len(run.trainer.history.batch_loss)


def wait_until(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def uninterrupted(**values) -> Run:
    run = regression(RunSpec("regression", None, {"epochs": 30, **values}, seed=0))
    run.trainer.fit()
    return run


def test_pause_and_resume_land_where_an_uninterrupted_run_does(make):
    run = make(pace=200)
    assert run.start() and not run.start()  # never two workers for one run
    wait_until(lambda: batches(run) >= 7)
    asked = time.monotonic()
    run.pause()
    assert run.join(5) and time.monotonic() - asked < 0.5  # Pause acts within half a second
    assert run.state == "paused" and 0 < run.epochs_done < 30
    run.trainer.pace = None
    assert run.start() and run.join(60)
    assert run.state == "finished" and run.epochs_done == 30
    assert torch.equal(run.model.weight, uninterrupted().model.weight)
    assert run.trainer.history.batch_loss == uninterrupted().trainer.history.batch_loss


def test_stop_acts_within_half_a_second_and_train_more_continues(make):
    run = make(epochs=1000, pace=200)
    run.start()
    wait_until(lambda: run.state == "training" and batches(run) > 0)
    asked = time.monotonic()
    run.stop()
    assert run.join(5) and time.monotonic() - asked < 0.5
    assert run.state == "stopped"
    done = run.epochs_done
    run.trainer.pace = None
    assert run.train_more(2) and run.join(60)
    assert run.state == "finished" and run.epochs_done == done + 2 and run.trainer.epochs == done + 2


def test_steps_train_one_epoch_or_one_batch(make):
    run = make()
    run.start(until="epoch")
    assert run.join(60)
    assert run.state == "paused" and run.epochs_done == 1 and batches(run) == 5
    run.start(until="batch")
    assert run.join(60)
    assert run.state == "paused" and batches(run) == 6 and run.trainer.batch == 1


def test_a_failing_step_ends_the_run_as_failed_with_its_message(make):
    run = make(failing_step)
    run.start()
    assert run.join(60)
    assert run.state == "failed" and run.trainer.outcome.message == "ValueError: shapes do not match"


def test_replay_frames_have_each_epochs_weights_and_history(make):
    reference = regression(RunSpec("regression", None, {"epochs": 8}, seed=0))
    recorder = WeightsPerEpoch(reference.model)
    reference.trainer.callbacks.append(recorder)
    initial = reference.model.weight.detach().clone()
    reference.trainer.fit()
    run = make(epochs=8)
    run.start()
    assert run.join(60)
    frame = run.frame(3)
    assert not frame.live and frame.epoch == 3 and frame.batches == 15
    assert frame.history.series("epoch") == [1, 2, 3]
    assert torch.equal(run.frame(0).model.weight, initial)
    assert all(torch.equal(run.frame(epoch).model.weight, recorder.weights[epoch - 1]) for epoch in range(1, 9))
    assert run.frame().live and run.frame().epoch == 8


def test_the_learning_rate_changed_mid_run_applies_from_the_next_batch(make):
    run = make(epochs=1000, pace=200)
    run.start()
    wait_until(lambda: batches(run) >= 3)
    run.trainer.set_lr(0.01)  # as the page does when its slider moves
    wait_until(lambda: batches(run) and run.trainer.history.lr_changes)
    run.stop()
    run.join(5)
    change = run.trainer.history.lr_changes[0]
    assert change["lr"] == 0.01 and change["batch"] >= 3 and run.trainer.lr == 0.01


def test_a_worker_building_the_run_fails_it_with_its_message(cluster):
    run = cluster.run(RunSpec("regression", None, {"epochs": 3}), failing_in_the_worker)
    run.start()
    assert run.join(60)
    assert run.state == "failed" and run.trainer.outcome.message == "FileNotFoundError: no data here"
    assert run.actor is None  # its worker is given back


def test_a_killed_worker_ends_the_run_as_lost_keeping_its_curves_and_replay(cluster):
    run = cluster.run(RunSpec("regression", None, {"epochs": 10_000, "pace": 200}), regression)
    run.start()
    wait_until(lambda: batches(run) >= 15)  # three epochs
    seen = batches(run)
    ray.kill(run.actor)
    assert run.join(10)
    assert run.state == "lost" and run.trainer.outcome.failed
    assert len(run.trainer.history.batch_loss) >= seen and run.trainer.history.epochs
    assert run.frame(2).epoch == 2 and not run.busy
    assert not run.start()  # a lost run cannot go on


def test_a_run_whose_session_ended_loses_its_actor_within_seconds(cluster):
    open_session = [True]
    run = cluster.run(RunSpec("regression", None, {"epochs": 10_000, "pace": 100}), regression)
    run.alive = lambda: open_session[0]
    run.start()
    wait_until(lambda: batches(run) > 0)
    actor = run.actor
    open_session[0] = False
    ended = time.monotonic()
    wait_until(lambda: run.actor is None, timeout=5)
    assert time.monotonic() - ended < 3
    with pytest.raises(ray.exceptions.RayActorError):
        ray.get(actor.stop.remote(0), timeout=10)


def test_runs_wait_in_rays_line_and_say_their_place(cluster, monkeypatch):
    monkeypatch.setattr(ray_runs, "SPARE_SECONDS", 30.0)
    runs = [cluster.run(RunSpec("regression", None, {"epochs": 100_000, "pace": 50}), regression) for _ in range(4)]
    try:
        for run in runs[:2]:
            run.start()
        wait_until(lambda: all(batches(run) > 0 for run in runs[:2]))  # the two CPUs are taken
        for run in runs[2:]:
            run.start()
        assert [run.state for run in runs] == ["training", "training", "waiting", "waiting"]
        assert [run.slots.place(run) for run in runs] == [None, None, 1, 2]
        runs[2].pause()  # a waiting run that is paused leaves the line
        assert runs[2].state == "ready" and runs[3].slots.place(runs[3]) == 1
        runs[0].stop()
        runs[0].join(5)
        runs[0].release()  # a replaced run's worker is no spare while others wait: the next in line trains
        wait_until(lambda: runs[3].state == "training" and batches(runs[3]) > 0)
    finally:
        for run in runs:
            run.release()


def first_batch_seconds(run) -> float:
    started = time.monotonic()
    run.start()
    wait_until(lambda: batches(run) > 0)
    return time.monotonic() - started


def test_a_replaced_runs_worker_trains_the_next_run_at_once_and_ends_when_no_run_takes_it(cluster, monkeypatch):
    monkeypatch.setattr(ray_runs, "SPARE_SECONDS", 30.0)
    first = cluster.run(RunSpec("regression", None, {"epochs": 1000, "pace": 200}), regression)
    cold = first_batch_seconds(first)
    first.pause()  # its fit's ticket is held: the next run on this worker must not inherit it
    first.join(5)
    worker = first.actor
    first.release()
    assert first.actor is None and cluster._spares[-1][0] is worker  # kept, its CPU still taken
    second = cluster.run(RunSpec("regression", None, {"epochs": 30}, seed=0), regression)
    warm = first_batch_seconds(second)
    assert second.actor is worker and warm < cold / 3, (warm, cold)  # no process to start, nothing to import
    ray.get(worker.stop.remote(first._number), timeout=10)  # the replaced run's late Stop: not for this run
    assert second.join(60) and second.state == "finished"
    assert second.trainer.history.batch_loss == uninterrupted().trainer.history.batch_loss  # built anew
    second.release()
    monkeypatch.setattr(ray_runs, "SPARE_SECONDS", 0.5)  # no run takes it: it ends and frees its CPU
    wait_until(lambda: not cluster._spares and ray.available_resources().get("CPU") == 2, timeout=10)
    with pytest.raises(ray.exceptions.RayActorError):
        ray.get(worker.stop.remote(0), timeout=10)
    print(f"first batch: {cold:.2f} s on a new worker, {warm:.2f} s on a spare")


def test_a_starting_server_kills_the_actors_an_earlier_process_of_it_left(cluster):
    earlier = RayExecutor("orphans")
    earlier.prefix = "orphans/1/"  # another process id: a server that was restarted
    run = earlier.run(RunSpec("regression", None, {"epochs": 10_000, "pace": 50}), regression)
    run.start()
    wait_until(lambda: batches(run) > 0)
    assert RayExecutor.connect("local", "orphans").clean("orphans") == 0  # cleaned when it connected
    names = [found["name"] for found in ray.util.list_named_actors(all_namespaces=True)]
    assert not any(name.startswith("orphans/1/") for name in names)


def test_the_cluster_offers_the_devices_its_workers_have(cluster, monkeypatch):
    assert cluster.devices() == {"cpu": "CPU"}  # two CPUs, no GPU
    monkeypatch.setattr(ray, "cluster_resources", lambda: {"CPU": 2.0, "GPU": 1.0})
    assert list(cluster.devices()) == ["cpu", "cuda:0"]  # a worker sees the GPU it is given as cuda:0


def test_a_gpu_run_asks_ray_for_a_gpu_and_a_cpu_run_for_a_cpu(cluster, monkeypatch):
    asked = []

    class Worker:  # what Ray would make: no GPU here to place one on
        build = type("Method", (), {"remote": staticmethod(lambda *args: "built")})

    class Remote:
        def options(self, **options):
            asked.append({name: options[name] for name in ("num_cpus", "num_gpus")})
            return self

        def remote(self):
            return Worker()

    monkeypatch.setattr(cluster, "_remote", Remote())
    for device in ("cuda:0", "cpu"):
        run = cluster.run(RunSpec("regression", None, {"epochs": 3}, device=device), regression)
        assert run.gpu == (device == "cuda:0") and run.spec.device == device  # drawn here on the CPU
        assert cluster.actor(run)[2:] == ("built", False)  # a new actor, not a spare
    assert asked == [{"num_cpus": 0, "num_gpus": 1}, {"num_cpus": 1, "num_gpus": 0}]


def test_without_the_variable_nothing_imports_ray():
    code = ("import sys; import dlcore.ui.live, dlcore.lectures; from dlcore.engine import executors; "
            "assert executors.ray_executor() is None and executors.problem() is None; "
            "assert list(executors.offered_devices())[0] == 'cpu'; assert 'ray' not in sys.modules")
    environment = {name: value for name, value in os.environ.items() if name != executors.RAY_ENV}
    subprocess.run([sys.executable, "-c", code], check=True, env=environment, timeout=120,
                   cwd=os.path.dirname(os.path.dirname(__file__)))


def test_a_cluster_that_cannot_be_reached_is_said_in_the_sidebar_and_runs_stay_in_threads(app, monkeypatch):
    monkeypatch.setenv(executors.RAY_ENV, "127.0.0.1:9")
    at = app("pages/logistic_regression.py")
    said = [caption.value for caption in at.sidebar.caption if "could not be used" in caption.value]
    assert len(said) == 1 and "127.0.0.1:9" in said[0]
    at.slider(key="logistic_regression:epochs").set_value(20).run()
    train(at, "logistic_regression")
    run = run_of(at, "logistic_regression")
    assert type(run) is Run and run.state == "finished"
    zh = app("pages/logistic_regression.py", lang="zh")
    assert any("无法使用 Ray" in caption.value for caption in zh.sidebar.caption)


def test_lecture_6_trains_on_ray_in_its_page(app, cluster, monkeypatch):
    monkeypatch.setenv(executors.RAY_ENV, "local")
    monkeypatch.setattr(ray_runs, "SPARE_SECONDS", 30.0)
    at = app("pages/logistic_regression.py")
    at.select_slider(key="logistic_regression:speed").set_value(0).run()
    at.slider(key="logistic_regression:epochs").set_value(200).run()
    train(at, "logistic_regression", timeout=120)
    run = run_of(at, "logistic_regression")
    assert type(run).__name__ == "RayRun" and run.state == "finished" and run.epochs_done == 200
    assert at.success[0].value.startswith("Finished 200 epochs")
    here = lectures.build(run.spec)
    here.trainer.fit()
    assert run.trainer.history.batch_loss == here.trainer.history.batch_loss  # the same run, trained elsewhere
    assert "Decision boundary" in texts(at)
    worker = run.actor
    at.button(key="logistic_regression:train").click().run()  # a new run, on the last one's worker
    again = run_of(at, "logistic_regression")
    assert again is not run and run.actor is None and again.actor is worker
    again.stop()
    again.join(5)
    again.release()


def test_an_image_page_trains_on_ray(app, cluster, monkeypatch):
    monkeypatch.setenv(executors.RAY_ENV, "local")
    at = app("pages/softmax.py")
    at.selectbox(key="softmax:course:train_size").set_value(2000).run()
    at.slider(key="softmax:course:epochs").set_value(1).run()
    train(at, "softmax:course", timeout=180)
    run = run_of(at, "softmax:course")
    assert type(run).__name__ == "RayRun" and run.state == "finished" and len(run.trainer.history.batch_loss) == 32
    assert "Test accuracy on all 10,000 test images" in texts(at)
    assert at.success[0].value.startswith("Finished 1 epochs")


def test_extras_that_training_changes_come_with_each_poll_and_too_big_ones_keep_the_run_here(cluster):
    spec = next(spec for spec in lectures.default_specs() if spec.key == "linear_regression:course")
    run = cluster.run(replace(spec, values={**spec.values, "epochs": 20}), lectures.build)
    assert run.changing == ("trace",)
    run.start()
    assert run.join(60) and run.state == "finished"
    trace = run.extras["trace"].values
    assert trace and all(len(values) == len(run.trainer.history.batch_loss) for values in trace.values())

    def too_big(spec):
        built = regression(spec)
        built.changing = None
        return built

    assert type(cluster.run(RunSpec("regression", None, {"epochs": 3}), too_big)) is Run


def test_a_logged_run_is_written_for_tensorboard_by_its_worker(cluster, tmp_path):
    run = cluster.run(RunSpec("regression", None, {"epochs": 3}), regression)
    run.trainer.callbacks.append(TensorBoardLogger(tmp_path / "run", run.model))  # as a page that logs its runs does
    run.start()
    assert run.join(60) and run.state == "finished"
    events = EventAccumulator(str(tmp_path / "run"), size_guidance={"scalars": 0})
    events.Reload()
    assert [event.value for event in events.Scalars("loss/batch")] == pytest.approx(run.trainer.history.batch_loss)


def test_a_local_ray_started_by_a_pages_short_lived_thread_outlives_it(tmp_path):
    """A Streamlit script's thread ends with each run of the page; the local Ray it started must not end with it."""
    script = tmp_path / "outlives.py"
    script.write_text("""
import threading, time
from dlcore.engine import executors
started = threading.Thread(target=executors.ray_executor, args=("outlives",))
started.start()
started.join()  # the thread that started Ray has ended
time.sleep(5)
import ray
print("CPUs", ray.cluster_resources().get("CPU"), flush=True)
""")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180, cwd=ROOT,
                          env={**os.environ, executors.RAY_ENV: "local", "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0 and "CPUs" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
