"""Take a run home: the exported script trains the run again and prints the page's numbers; the zip holds the run.

The scripts run in a subprocess with nothing of this project importable (PYTHONPATH emptied, a temporary working
folder), reading the data folder the tests use ($DL_CLASSROOM_DATA, see conftest.py).
"""
import csv
import io
import os
import re
import subprocess
import sys
import zipfile

import pytest
import torch

from dlcore import export
from dlcore.lectures import default_specs
from dlcore.lectures.advanced_cnns import model as advanced_cnns
from dlcore.lectures.regression import model as regression
from dlcore.engine.metrics import accuracy
from dlcore.engine.runs import Run
from dlcore.engine.spec import RunSpec
from dlcore.engine.training import Trainer, full_batch, make_optimizer, supervised_step
from pagetools import run_of, train

SHARED_DATA = os.environ.get("DL_CLASSROOM_DATA", "")
TOLERANCE = dict(rel=1e-5, abs=1e-9)  # the script prints 6 significant digits


def run_script(source: str, tmp_path, *arguments: str) -> tuple[list[dict], dict[str, str]]:
    """Run an exported script in a subprocess: each epoch's line as {name: value} and its RESULT lines."""
    path = tmp_path / "run.py"
    path.write_text(source)
    done = subprocess.run([sys.executable, str(path), *arguments], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "DL_CLASSROOM_DATA": SHARED_DATA, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stderr
    epochs = [dict(pair.split(" ", 1) for pair in line.split(", "))
              for line in done.stdout.splitlines() if line.startswith("epoch ")]
    results = dict(re.findall(r"^RESULT (\S+) (.+)$", done.stdout, re.M))
    return epochs, results


def series(epochs: list[dict], name: str) -> list[float]:
    return [float(epoch[name]) for epoch in epochs]


def page_run(app, page: str, key: str, query: dict) -> Run:
    """The run of a page opened by a link (the settings as a click would make them), trained to its end at full
    speed."""
    at = app()
    at.switch_page(page)
    at.query_params.update(query)
    at.run()
    at.select_slider(key=f"{key}:speed").set_value(0).run()
    train(at, key)
    run = run_of(at, key)
    assert run.trainer.outcome.kind == "finished"
    return run


def check_same_history(run: Run, epochs: list[dict], metrics=()) -> None:
    """Every epoch's loss (and these metrics) as the page's run has them."""
    assert len(epochs) == len(run.trainer.history.epochs)
    for name in ("loss", *metrics):
        assert series(epochs, name) == pytest.approx(run.trainer.history.series(name), **TOLERANCE), name


def test_lecture_5_script_reaches_the_pages_line(app, tmp_path):
    run = page_run(app, "pages/linear_regression.py", "linear_regression:course", {})  # the course's defaults
    assert run.settings["epochs"] == 100 and run.settings["optimizer"] == "SGD"
    epochs, results = run_script(export.script("linear_regression:course", run.settings), tmp_path)
    check_same_history(run, epochs)
    assert float(results["w"]) == pytest.approx(run.model.linear.weight.item(), abs=1e-6)
    assert float(results["b"]) == pytest.approx(run.model.linear.bias.item(), abs=1e-6)
    assert float(results["predict(4)"]) == pytest.approx(regression.predict(run.model, [4.0])[0], abs=1e-6)
    assert float(results["predict(4)"]) == pytest.approx(8.0, abs=0.5)


def test_lecture_6_script_reaches_the_pages_boundary(app, tmp_path):
    run = page_run(app, "pages/logistic_regression.py", "logistic_regression", {})  # the course's defaults
    assert run.settings["epochs"] == 1000 and run.settings["lr"] == 0.01
    epochs, results = run_script(export.script("logistic_regression", run.settings), tmp_path)
    check_same_history(run, epochs)
    assert float(results["boundary"]) == pytest.approx(regression.decision_boundary(run.model), abs=1e-6)


def test_lecture_10_script_reaches_the_pages_accuracy(app, tmp_path):
    run = page_run(app, "pages/cnn_basics.py", "cnn_basics:course", {"train_size": "2000", "epochs": "1"})
    epochs, results = run_script(export.script("cnn_basics:course", run.settings), tmp_path)
    check_same_history(run, epochs, ["train_acc", "test_acc"])
    data = run.extras["view"].data
    assert float(results["test_acc_all"]) == pytest.approx(accuracy(run.model, data.test_x, data.test_y), abs=1e-6)


def test_lecture_7_script_reaches_the_pages_validation_accuracy(app, tmp_path):
    run = page_run(app, "pages/multiple_input.py", "multiple_input", {"activation1": "relu", "batch_size": "32"})
    epochs, results = run_script(export.script("multiple_input", run.settings), tmp_path, "--data", SHARED_DATA)
    check_same_history(run, epochs, ["val_loss", "val_acc"])
    assert float(results["val_acc"]) == pytest.approx(run.trainer.history.epochs[-1]["val_acc"], abs=1e-6)


def test_the_polynomial_script_learns_the_pages_coefficients(app, tmp_path):
    run = page_run(app, "pages/generalisation.py", "generalisation:polynomial", {})  # the notes' cubic, raw powers
    epochs, results = run_script(export.script("generalisation:polynomial", run.settings), tmp_path)
    check_same_history(run, epochs, ["train_loss", "test_loss"])
    bias, weights = run.extras["data"].coefficients(run.model)
    assert [float(results[name]) for name in ("b", "w1", "w2", "w3")] == pytest.approx([bias, *weights], abs=1e-5)
    assert [bias, *weights] == pytest.approx([5, 1.2, -3.4, 5.6], abs=0.01)


def test_the_weight_decay_script_shrinks_the_weights_as_the_page_did(app, tmp_path):
    query = {"experiment": "weight_decay", "lambd": "3.0", "way": "weight_decay", "epochs": "20"}
    run = page_run(app, "pages/generalisation.py", "generalisation:weight_decay", query)
    assert run.settings["lambd"] == 3.0 and run.settings["way"] == "weight_decay" and run.settings["epochs"] == 20
    epochs, results = run_script(export.script("generalisation:weight_decay", run.settings), tmp_path)
    check_same_history(run, epochs, ["train_loss", "test_loss", "weight_norm"])
    assert float(results["weight_norm"]) == pytest.approx(run.model.weight.norm().item(), abs=1e-5)


@pytest.mark.parametrize("query", [{"variant": "rnncell"}, {"variant": "gru", "hidden_size": "8", "num_layers": "2"},
                                   {"variant": "embedding", "source": "banana", "target": "ananas", "epochs": "30"}])
def test_lecture_12_script_predicts_the_pages_strings(app, tmp_path, query):
    run = page_run(app, "pages/rnn_basics.py", "rnn_basics", query)
    assert all(run.settings[name] == type(run.settings[name])(value) for name, value in query.items())
    epochs, results = run_script(export.script("rnn_basics", run.settings), tmp_path)
    check_same_history(run, epochs)
    log, task = run.extras["log"], run.extras["task"]
    assert [epoch["predicted"] for epoch in epochs] == [task.decode(record.prediction) for record in log.records]
    assert results["predicted"] == task.decode(log.last.prediction)


def test_lecture_11_race_script_reaches_the_pages_accuracies_and_its_zip_holds_the_three_models(app, tmp_path):
    at = app("pages/advanced_cnns.py")
    at.selectbox(key="advanced_cnns:compare:train_size").set_value(2000).run()
    at.slider(key="advanced_cnns:compare:epochs").set_value(1).run()
    at.select_slider(key="advanced_cnns:compare:speed").set_value(0).run()
    train(at, "advanced_cnns:compare")
    run = run_of(at, "advanced_cnns:compare")
    epochs, results = run_script(export.script("advanced_cnns:compare", run.settings), tmp_path)
    models = run.extras["race"].models
    check_same_history(run, epochs, [f"{name}:{metric}" for name in models for metric in ("train_acc", "test_acc")])
    assert {name: float(results[f"{name}:test_acc"]) for name in models} == pytest.approx(
        {name: run.trainer.history.epochs[-1][f"{name}:test_acc"] for name in models}, abs=1e-6)
    archive = zipfile.ZipFile(io.BytesIO(export.bundle("advanced_cnns:compare", run)))
    assert "lecture11_race.py" in archive.namelist()
    saved = torch.load(io.BytesIO(archive.read("weights.pt")))
    for name, model in models.items():
        fresh = advanced_cnns.COMPARED[name].build()
        fresh.load_state_dict({key.removeprefix(f"{name}."): value for key, value in saved.items()
                               if key.startswith(f"{name}.")})
        assert all(torch.equal(fresh.state_dict()[key], value.cpu()) for key, value in model.state_dict().items())


def test_a_changed_learning_rate_and_more_epochs_are_in_the_script(tmp_path):
    """A run whose rate was changed twice during it, then trained 20 epochs more: run_script writes what ran."""
    torch.manual_seed(5)
    model = regression.LogisticRegressionModel()
    x, y = regression.hours_passed()
    optimizer = make_optimizer("SGD", model.parameters(), 0.01)
    trainer = Trainer(supervised_step(model, torch.nn.BCELoss(reduction="sum"), optimizer), full_batch(x, y), 50,
                      optimizer=optimizer)
    run = Run(trainer, model=model,
              spec=RunSpec("logistic_regression", None, {"lr": 0.01, "epochs": 50, "optimizer": "SGD"}, seed=5))
    for epoch, lr in ((10, 0.5), (30, 0.05)):
        while len(trainer.history.epochs) < epoch:
            trainer.fit(until="epoch")
        trainer.set_lr(lr)
    trainer.fit()
    trainer.extend(20)
    trainer.fit()
    assert [change["lr"] for change in trainer.history.lr_changes] == [0.5, 0.05] and trainer.epochs == 70
    source = export.run_script("logistic_regression", run)
    assert "LR_CHANGES = {10: 0.5, 30: 0.05}" in source and "EPOCHS = 70" in source
    epochs, results = run_script(source, tmp_path)
    check_same_history(run, epochs)
    assert float(results["boundary"]) == pytest.approx(regression.decision_boundary(model), abs=1e-6)


EXPORTED = [spec for spec in default_specs(seed=3) if export.recipe(spec.key) is not None]
"""Every lecture's (and variant's) first run whose lecture declares a script for it."""


def pyflakes_messages(source: str, name: str) -> list[str]:
    """What pyflakes says of the script: an undefined name, an unused import."""
    from pyflakes.api import check
    from pyflakes.reporter import Reporter

    said = io.StringIO()
    check(source, name, Reporter(said, said))
    return said.getvalue().splitlines()


@pytest.mark.parametrize("spec", EXPORTED, ids=[spec.key for spec in EXPORTED])
def test_every_training_page_has_a_script_that_compiles_without_dlcore(spec):
    recipe = export.recipe(spec.key)
    changed = {name: value for name, value in {"lr": 0.02, "epochs": 2}.items() if name in spec.values}
    source = export.script(spec.key, {**spec.settings, **changed}, [{"batch": 3, "epoch": 1, "lr": 0.1}])
    compile(source, spec.key, "exec")
    assert pyflakes_messages(source, spec.key) == []  # every name defined, every import used
    code = re.sub(r'""".*?"""', "", source, flags=re.S).replace("# -- the code the page ran (dlcore)", "")
    assert "dlcore" not in code and "streamlit" not in code
    assert "SEED = 3" in source and "DEVICE = 'cpu'" in source
    assert all(f"{name.upper()} = {value!r}" in source for name, value in changed.items())
    assert ("LR_CHANGES = {3: 0.1}" in source) == bool(recipe.rate)  # a run whose one rate the page can change
    assert recipe.file in source  # its docstring says how to run it


def test_the_scripts_cover_every_lecture_that_trains_from_its_spec():
    exported = {spec.lecture for spec in EXPORTED}
    assert {"linear_model", "backprop", "linear_regression", "optimizers", "logistic_regression", "multiple_input",
            "softmax", "cnn_basics", "advanced_cnns", "rnn_basics", "names", "generalisation"} <= exported
    assert "advanced_cnns:compare" in [spec.key for spec in EXPORTED]  # the race


def test_no_script_for_a_page_without_a_run_or_a_run_without_its_settings():
    assert export.script("convolution", {}) is None and export.recipe("softmax:unknown") is None
    assert export.script("logistic_regression", {"lr": 0.01, "epochs": 10}) is None  # e.g. weights loaded into a run never started
    torch.manual_seed(0)
    model = regression.LogisticRegressionModel()
    trainer = Trainer(supervised_step(model, torch.nn.BCELoss(), make_optimizer("SGD", model.parameters(), 0.1)),
                      full_batch(*regression.hours_passed()), 2)
    trainer.fit()
    archive = zipfile.ZipFile(io.BytesIO(export.bundle("logistic_regression", Run(trainer, model=model))))
    assert set(archive.namelist()) == {"history.csv", "batches.csv", "weights.pt"}  # the run, without a script


def test_lecture_2_script_runs_and_walks_w_to_two(tmp_path):
    source = export.script("linear_model", {"seed": 0, "device": "cpu", "lr": 0.01, "epochs": 100, "mode": "batch"})
    epochs, results = run_script(source, tmp_path)
    losses = series(epochs, "loss")
    assert len(losses) == 100 and losses[-1] < losses[0]
    assert float(results["predict(4)"]) == pytest.approx(8.0, abs=0.01)


def test_the_bundle_holds_the_script_the_history_and_the_weights(app, tmp_path):
    run = page_run(app, "pages/logistic_regression.py", "logistic_regression", {"epochs": "20"})
    archive = zipfile.ZipFile(io.BytesIO(export.bundle("logistic_regression", run)))
    assert set(archive.namelist()) == {"lecture06_logistic_regression.py", "history.csv", "batches.csv", "weights.pt"}
    rows = list(csv.DictReader(io.StringIO(archive.read("history.csv").decode())))
    assert list(rows[0]) == ["epoch", "loss", "batches"] and len(rows) == 20
    assert [float(row["loss"]) for row in rows] == run.trainer.history.series("loss")
    batches = list(csv.DictReader(io.StringIO(archive.read("batches.csv").decode())))
    assert [float(row["loss"]) for row in batches] == run.trainer.history.batch_loss
    fresh = regression.LogisticRegressionModel()
    fresh.load_state_dict(torch.load(io.BytesIO(archive.read("weights.pt"))))
    assert torch.equal(fresh.linear.weight, run.model.linear.weight)
    assert torch.equal(fresh.linear.bias, run.model.linear.bias)

    # the script in the zip, asked to write its own history and weights, writes the same ones
    epochs, _ = run_script(archive.read("lecture06_logistic_regression.py").decode(), tmp_path, "--out", "out")
    written = list(csv.DictReader((tmp_path / "out" / "history.csv").open()))
    assert [row["epoch"] for row in written] == [row["epoch"] for row in rows] and list(written[0]) == list(rows[0])
    assert [float(row["loss"]) for row in written] == pytest.approx([float(row["loss"]) for row in rows], **TOLERANCE)
    again = torch.load(tmp_path / "out" / "weights.pt")
    assert again.keys() == fresh.state_dict().keys()
    assert all(torch.allclose(again[name], value, atol=1e-6) for name, value in fresh.state_dict().items())


def test_a_finished_run_offers_its_download(app):
    at = app("pages/logistic_regression.py")
    assert not at.get("download_button")
    at.select_slider(key="logistic_regression:speed").set_value(0).run()
    train(at, "logistic_regression")
    buttons = at.get("download_button")
    assert len(buttons) == 1 and buttons[0].proto.label == "Download this run"
    captions = " ".join(caption.value for caption in at.caption)
    assert "`lecture06_logistic_regression.py`, a standalone script" in captions


def test_download_run_draws_nothing_while_training_and_the_button_in_chinese():
    """dlcore.ui.download_run alone, in a tiny app: no button before a batch ran, the zip's button after."""
    from streamlit.testing.v1 import AppTest

    def tiny_app():
        import streamlit as st
        import torch

        from dlcore import ui
        from dlcore.lectures.regression.model import LogisticRegressionModel, hours_passed
        from dlcore.engine.runs import Run
        from dlcore.engine.spec import RunSpec
        from dlcore.engine.training import Trainer, full_batch, make_optimizer, supervised_step

        page = ui.Page("logistic_regression", st.session_state.get("lang", "en"), torch.device("cpu"), 0)
        torch.manual_seed(0)
        model = LogisticRegressionModel()
        optimizer = make_optimizer("SGD", model.parameters(), 0.01)
        trainer = Trainer(supervised_step(model, torch.nn.BCELoss(), optimizer), full_batch(*hours_passed()), 3)
        run = Run(trainer, model=model,
                  spec=RunSpec("logistic_regression", None, {"lr": 0.01, "epochs": 3, "optimizer": "SGD"}, seed=0))
        ui.download_run(page, run)  # not trained yet: nothing to download
        trainer.fit()
        ui.download_run(page, run)

    at = AppTest.from_function(tiny_app)
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception, at.exception
    assert [button.proto.label for button in at.get("download_button")] == ["下载这次训练"]
    assert "独立脚本" in at.caption[0].value
