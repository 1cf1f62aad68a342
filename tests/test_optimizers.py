"""Optimizers on a loss surface, without a page: the surfaces, each optimizer's walk, the behaviours the lecture
and its demo claim, divergence, and a run paused, stepped and replayed."""
import math
import os
import re
import subprocess
import sys
import time

import pytest
import torch

from dlcore import export
from dlcore.engine.spec import RunSpec
from dlcore.lectures import build, lecture, lectures
from dlcore.lectures.optimizers.lecture import DEFAULTS, SETTINGS
from dlcore.lectures.optimizers.model import OPTIMIZERS, SURFACES, Walk


def walked(surface: str, steps: int, **changes) -> Walk:
    """The surface's default walk (every optimizer at its default rate), `steps` steps on."""
    defaults = DEFAULTS[surface]
    walk = Walk(SURFACES[surface], {**defaults["rates"], **changes}, changes.pop("start", defaults["start"]))
    for _ in range(steps):
        walk.step()
    return walk


def gradient(surface: str, point) -> list[float]:
    where = torch.tensor(point, dtype=torch.float64, requires_grad=True)
    SURFACES[surface](where).backward()
    return where.grad.tolist()


@pytest.mark.parametrize("surface, point, value, grad", [
    ("bowl", (1.0, 1.0), 2.1, (0.2, 4.0)),
    ("saddle", (1.0, 2.0), -3.0, (2.0, -4.0)),
    ("rosenbrock", (-1.5, 2.0), 12.5, (-155.0, -50.0)),  # 2(x−1) − 400x(y−x²), 200(y−x²)
    ("himmelblau", (0.0, 0.0), 170.0, (-14.0, -22.0)),  # 4x(x²+y−11) + 2(x+y²−7), 2(x²+y−11) + 4y(x+y²−7)
])
def test_each_surface_has_its_value_and_gradient(surface, point, value, grad):
    assert SURFACES[surface].at(point) == pytest.approx(value)
    assert gradient(surface, point) == pytest.approx(grad)


@pytest.mark.parametrize("surface", list(SURFACES))
def test_the_marked_points_are_flat_and_the_minima_lowest(surface):
    for point in SURFACES[surface].minima:
        assert gradient(surface, point) == pytest.approx([0, 0], abs=1e-3)
        assert SURFACES[surface].at(point) == pytest.approx(0, abs=1e-9)
        assert SURFACES[surface].contains(point)
        for dx, dy in ((0.1, 0), (0, 0.1), (-0.1, 0), (0, -0.1)):
            around = SURFACES[surface].at((point[0] + dx, point[1] + dy))
            assert around > 0 if SURFACES[surface].bounded else around != 0
    saddle = SURFACES["saddle"]
    assert saddle.at((0.1, 0)) > 0 > saddle.at((0, 0.1))  # the saddle point is no minimum


@pytest.mark.parametrize("surface", list(SURFACES))
def test_every_optimizer_walks_downhill_at_its_default_rate(surface):
    walk = walked(surface, 20)
    start = SURFACES[surface].at(DEFAULTS[surface]["start"])
    assert set(walk.optimizers) == set(OPTIMIZERS) and not walk.diverged
    for name, loss in walk.losses.items():
        assert loss < start, name
        assert loss == pytest.approx(SURFACES[surface].at(walk.paths[name][-1]))
        assert len(walk.paths[name]) == 21


def test_the_demo_adam_rounds_rosenbrocks_valley_while_sgd_zig_zags_and_crawls():
    walk = walked("rosenbrock", 300)
    sgd, adam = walk.paths["sgd"], walk.paths["adam"]
    across = [b[0] - a[0] for a, b in zip(sgd[:4], sgd[1:4])]
    assert across[0] > 0 > across[1] and across[2] > 0  # SGD's first steps bounce across the valley
    assert all(abs(y - x * x) < 0.1 for x, y in adam[30:])  # Adam keeps to the curved floor y = x²
    nearer = walk.surface.distance
    assert nearer(adam[-1]) < 0.75 and nearer(sgd[-1]) > 2.2  # the demo's text: 0.7 against 2.3


def test_sgd_zig_zags_across_the_bowl_and_momentum_smooths_it():
    walk = walked("bowl", 6)
    signs = [math.copysign(1, y) for _, y in walk.paths["sgd"]]
    assert signs == [1, -1, 1, -1, 1, -1, 1]  # 0.4 × 4 = 1.6: each step overshoots y = 0
    assert walked("bowl", 100).surface.distance(walked("bowl", 100).paths["momentum"][-1]) < 0.05


def test_adam_leaves_the_saddle_point_before_sgd():
    walk = walked("saddle", 25)
    assert abs(walk.paths["adam"][-1][1]) > 1 and walk.surface.distance(walk.paths["sgd"][-1]) < 0.2


def test_on_himmelblau_the_optimizers_part_ways_to_different_minima():
    walk = walked("himmelblau", 150)
    ends = {name: min(walk.surface.minima, key=lambda m: math.dist(m, path[-1])) for name, path in walk.paths.items()}
    assert ends["sgd"] == (-3.779310, -3.283186) and ends["adam"] == (-2.805118, 3.131312)
    assert walk.surface.distance(walk.paths["sgd"][-1]) < 0.01


def test_a_point_that_diverges_stops_there_and_the_others_go_on():
    walk = walked("rosenbrock", 30, sgd=0.01)
    assert "sgd" in walk.diverged and set(walk.walking()) == set(OPTIMIZERS) - {"sgd"}
    stopped_at = walk.diverged["sgd"]
    assert len(walk.paths["sgd"]) == stopped_at and all(map(math.isfinite, walk.paths["sgd"][-1]))
    assert walk.stopped_by(stopped_at - 1) == set() and walk.stopped_by(30) == {"sgd"}
    assert len(walk.paths["adam"]) == 31 and "sgd:loss" not in walk.evaluate()


def test_an_escape_from_the_saddle_is_an_escape_and_the_run_goes_on():
    spec = RunSpec("optimizers", "saddle", {**SETTINGS["saddle"].defaults(), "epochs": 100})
    run = build(spec)
    run.trainer.fit()
    walk = run.extras["walk"]
    assert run.trainer.outcome.kind == "finished" and "sgd" in walk.diverged and not walk.surface.bounded


def spec_of(**changes) -> RunSpec:
    return RunSpec("optimizers", "rosenbrock", {**SETTINGS["rosenbrock"].defaults(), **changes})


def test_a_run_paused_and_stepped_equals_one_never_interrupted():
    whole, stepped = build(spec_of(epochs=40)), build(spec_of(epochs=40))
    whole.trainer.fit()
    for until in ("batch", "epoch", "batch"):
        stepped.trainer.fit(until)
    stepped.trainer.pace = 200  # steps a second: the pause lands in the middle of the run
    assert stepped.start()
    time.sleep(0.05)
    stepped.pause()
    assert stepped.join(5) and 3 < stepped.epochs_done < 40 and stepped.state == "paused"
    stepped.start()
    assert stepped.join(5) and stepped.trainer.outcome.kind == "finished"
    assert stepped.extras["walk"].paths == whole.extras["walk"].paths
    assert stepped.trainer.history.epochs == whole.trainer.history.epochs


def test_replay_shows_the_paths_and_the_points_as_they_were():
    run = build(spec_of(epochs=30))
    assert run.spec.variant == "rosenbrock"
    run.trainer.fit()
    frame = run.frame(12)
    walk = frame.extras["walk"]
    assert frame.batches == 12
    for name, path in walk.paths_until(frame.batches).items():
        assert len(path) == 13 and path == walk.paths[name][:13]
        assert frame.model.points[name].tolist() == list(path[-1])
    assert frame.history.series("adam:loss") == run.trainer.history.series("adam:loss")[:12]


def test_only_the_chosen_optimizers_walk_from_the_start_the_spec_gives():
    run = build(spec_of(x0=0.5, y0=-0.5, adagrad=False, rmsprop=False, lr_adam=0.05))
    walk = run.extras["walk"]
    assert list(walk.optimizers) == ["sgd", "momentum", "nesterov", "adam"] and walk.start == (0.5, -0.5)
    assert walk.optimizers["adam"].param_groups[0]["lr"] == 0.05
    assert isinstance(walk.optimizers["nesterov"], torch.optim.SGD) and walk.optimizers["nesterov"].defaults["nesterov"]
    with pytest.raises(ValueError):
        build(spec_of(**dict.fromkeys(OPTIMIZERS, False)))


def test_the_lecture_sits_between_lectures_5_and_6():
    found = lecture("optimizers")
    keys = [entry.key for entry in lectures()]
    assert found.number == "5" and found.part == "pytorch" and found.built
    assert keys.index("linear_regression") < keys.index("optimizers") < keys.index("logistic_regression")
    assert [demo.key for demo in found.demos] == ["adam_valley"]


def test_the_exported_script_walks_the_same_paths_without_dlcore(tmp_path):
    spec = RunSpec("optimizers", "himmelblau", {**SETTINGS["himmelblau"].defaults(), "epochs": 40, "rmsprop": False})
    run = build(spec)
    run.trainer.fit()
    source = export.script(spec.key, {**spec.settings, "threads": torch.get_num_threads()})
    path = tmp_path / "walk.py"
    path.write_text(source)
    done = subprocess.run([sys.executable, str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stderr
    losses = [float(line.split(", ")[1].removeprefix("loss ")) for line in done.stdout.splitlines()
              if line.startswith("epoch ")]
    assert losses == pytest.approx(run.trainer.history.series("loss"), rel=1e-5, abs=1e-9)
    ends = dict(re.findall(r"^RESULT (\w+) (\S+)$", done.stdout, re.M))
    walk = run.extras["walk"]
    assert list(ends) == list(walk.paths) and "rmsprop" not in ends  # the optimizers ticked, in the page's order
    for name, end in ends.items():
        assert [float(number) for number in end.split(",")] == pytest.approx(walk.paths[name][-1], abs=1e-6)
