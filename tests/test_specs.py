"""A run is a spec: plain data — lecture, variant, settings, seed, device — that any Python process builds into the
same run (the page, export, earlier runs, and the workers that will train a class's runs outside the page)."""
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from dlcore import lectures
from dlcore.datasets.images import SPECS, find_local
from dlcore.engine.data import data_dir
from dlcore.engine.spec import RunSpec
from pagetools import run_of, wait_for_run

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = lectures.default_specs()
EPOCH_PAGES = {"logistic_regression": "pages/logistic_regression.py", "rnn_basics": "pages/rnn_basics.py",
               "playground": "pages/playground.py"}
"""Pages whose first epoch takes a moment: their page's first epoch is checked against a fresh process's."""

FIRST_STEPS = """
import pickle, sys
from dlcore import lectures
from dlcore.engine.devices import set_training_threads

set_training_threads()
for spec, until in pickle.loads(sys.stdin.buffer.read()):
    run = lectures.build(spec)
    run.trainer.fit(until=until)
    print(repr(run.trainer.history.batch_loss[0] if until == "batch" else run.trainer.history.epochs[0]["loss"]))
"""


def buildable(spec: RunSpec) -> bool:
    """Whether this machine has the spec's data set (CIFAR-10 is not mirrored here)."""
    dataset = spec.values.get("dataset")
    return not (dataset in SPECS and find_local(dataset, data_dir()) is None)


def fresh_process(jobs: list[tuple[RunSpec, str]]) -> list[float]:
    """Each spec built and trained for a batch or an epoch in a new Python process: the loss it reached."""
    result = subprocess.run([sys.executable, "-c", FIRST_STEPS], input=pickle.dumps(jobs), cwd=ROOT,
                            capture_output=True, timeout=900)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    return [float(line) for line in result.stdout.decode().split()]


def test_every_lecture_that_trains_declares_its_default_runs_as_plain_data():
    assert {spec.lecture for spec in DEFAULTS} >= {"linear_model", "backprop", "linear_regression",
                                                   "logistic_regression", "multiple_input", "dataloader", "softmax",
                                                   "generalisation", "playground", "cnn_basics", "advanced_cnns",
                                                   "rnn_basics", "names"}
    for spec in DEFAULTS:
        assert pickle.loads(pickle.dumps(spec)) == spec
        assert json.loads(json.dumps(spec.settings)) == spec.settings  # numbers, strings and booleans only
        assert spec.settings["seed"] == spec.seed and str(spec).startswith(spec.key)


def test_a_fresh_process_builds_every_default_run_into_the_same_first_step():
    specs = [spec for spec in DEFAULTS if buildable(spec)]
    here = []
    for spec in specs:
        run = lectures.build(spec)
        assert run.spec is spec and run.settings == spec.settings
        run.trainer.fit(until="batch")
        here.append(run.trainer.history.batch_loss[0])
    assert fresh_process([(spec, "batch") for spec in specs]) == here


@pytest.mark.parametrize("lecture", EPOCH_PAGES)
def test_a_fresh_process_gets_the_pages_first_epoch(app, lecture):
    spec = next(spec for spec in DEFAULTS if spec.lecture == lecture)
    at = app(EPOCH_PAGES[lecture])
    at.button(key=f"{lecture}:step").click().run()
    run = run_of(wait_for_run(at, lecture), lecture)
    assert run.spec == spec  # the page's first run is the lecture's default spec
    assert fresh_process([(spec, "epoch")]) == [run.trainer.history.epochs[0]["loss"]]


def test_every_default_run_round_trips_a_link():
    for spec in DEFAULTS:
        query = lectures.spec_query(spec)
        assert all(isinstance(text, str) for text in query.values())
        assert lectures.spec_from_query(spec.lecture, query) == spec, query
    with pytest.raises(ValueError):
        lectures.spec_from_query("logistic_regression", {"optimizer": "no such optimizer"})


@pytest.mark.parametrize("spec", [
    RunSpec("softmax", "d2l_mlp", {}, seed=7),  # a variant chosen by the link, and a changed seed
    RunSpec("generalisation", "weight_decay", {"lambd": 0.0}),  # a value a link writes as "0", read back as 0.0
], ids=["softmax:d2l_mlp", "generalisation:weight_decay"])
def test_a_page_opened_by_a_specs_link_makes_that_spec(app, spec):
    lecture = lectures.lecture(spec.lecture)
    defaults = lectures.spec_from_query(spec.lecture, {lecture.variant.name: spec.variant})
    spec = RunSpec(spec.lecture, spec.variant, {**defaults.values, "epochs": 1, **spec.values}, spec.seed)
    at = app()
    at.switch_page(lecture.page)
    at.query_params.update(lectures.spec_query(spec))
    at.run()
    assert not at.warning, [warning.value for warning in at.warning]  # every name and value taken
    at.button(key=f"{spec.key}:step").click().run()
    assert run_of(wait_for_run(at, spec.key), spec.key).spec == spec
