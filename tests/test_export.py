"""Take a run home: the exported script trains it again and reaches the page's numbers; the zip holds the run."""
import csv
import io
import os
import re
import subprocess
import sys
import zipfile

import pytest
import torch

from dlcore import export, regression
from dlcore.classify import accuracy
from pagetools import train

SHARED_DATA = os.environ.get("DL_CLASSROOM_DATA", "")


def run_script(source: str, tmp_path) -> tuple[list[float], dict[str, str]]:
    """Run an exported script in a subprocess: the loss of every epoch and its RESULT lines."""
    path = tmp_path / "run.py"
    path.write_text(source)
    done = subprocess.run([sys.executable, str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "DL_CLASSROOM_DATA": SHARED_DATA, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stderr
    losses = [float(loss) for loss in re.findall(r"^epoch \d+, loss ([-\d.e+]+)", done.stdout, re.M)]
    results = dict(re.findall(r"^RESULT (\S+) (.+)$", done.stdout, re.M))
    return losses, results


def page_run(app, page: str, key: str, query: dict):
    """The run of a page opened by a link (the same settings as a click), trained to its end."""
    at = app()
    at.switch_page(page)
    at.query_params.update(query)
    at.run()
    train(at, key)
    run = at.session_state[f"run:{key}"]
    assert run.trainer.outcome.kind == "finished"
    return run


def check_same_losses(run, losses):
    assert losses == pytest.approx(run.trainer.history.series("loss"), rel=1e-5, abs=1e-9)


def test_lecture_5_script_reaches_the_pages_line(app, tmp_path):
    run = page_run(app, "pages/linear_regression.py", "linear_regression:course", {})
    losses, results = run_script(export.script("linear_regression:course", run.settings), tmp_path)
    check_same_losses(run, losses)
    assert float(results["predict(4)"]) == pytest.approx(regression.predict(run.model, [4.0])[0], abs=1e-5)
    assert float(results["predict(4)"]) == pytest.approx(8.0, abs=0.5)


def test_lecture_6_script_reaches_the_pages_boundary(app, tmp_path):
    run = page_run(app, "pages/logistic_regression.py", "logistic", {"lr": "0.05", "epochs": "300"})
    losses, results = run_script(export.script("logistic", run.settings), tmp_path)
    check_same_losses(run, losses)
    assert float(results["boundary"]) == pytest.approx(regression.decision_boundary(run.model), abs=1e-5)


def test_lecture_10_script_reaches_the_pages_test_accuracy(app, tmp_path):
    run = page_run(app, "pages/cnn_basics.py", "cnn:course", {"train_size": "2000", "epochs": "1"})
    losses, results = run_script(export.script("cnn:course", run.settings), tmp_path)
    check_same_losses(run, losses)
    data = run.extras["view"].data
    assert float(results["test_acc"]) == pytest.approx(accuracy(run.model, data.test_x, data.test_y), abs=1e-4)


@pytest.mark.parametrize("variant", ["rnncell", "gru"])
def test_lecture_12_script_predicts_the_pages_string(app, tmp_path, variant):
    run = page_run(app, "pages/rnn_basics.py", "rnn_basics", {"variant": variant})
    losses, results = run_script(export.script("rnn_basics", run.settings), tmp_path)
    check_same_losses(run, losses)
    log, task = run.extras["log"], run.extras["task"]
    assert results["predicted"] == task.decode(log.last.prediction)


TRAINING_PAGE_KEYS = ["linear_model", "backprop", "linear_regression:course", "linear_regression:d2l", "logistic",
                      "rnn_basics", "names", *(f"softmax:{name}" for name in export.softmax.VARIANTS),
                      *(f"cnn:{name}" for name in export.convnets.MODELS),
                      *(f"advanced_cnns:{name}" for name in ("inception", "resnet"))]


@pytest.mark.parametrize("key", TRAINING_PAGE_KEYS)
def test_every_training_page_has_a_script_that_compiles_without_dlcore(key):
    settings = {"seed": 3, "device": "cpu", "lr": 0.02, "epochs": 2, "optimizer": "SGD", "mode": "batch",
                "batch_size": 64, "momentum": 0.5, "train_size": 2000, "dataset": "mnist", "source": "hello",
                "target": "ohlol", "variant": "gru", "hidden_size": 8, "num_layers": 1, "bidirectional": True}
    source = export.script(key, settings)
    compile(source, key, "exec")
    assert "dlcore" not in re.sub(r'""".*?"""', "", source, flags=re.S).replace("# -- the code the page ran (dlcore)", "")
    assert "import streamlit" not in source
    assert "SEED = 3" in source and "LR = 0.02" in source


def test_lecture_2_script_runs_and_walks_w_to_two(tmp_path):
    source = export.script("linear_model", {"seed": 0, "device": "cpu", "lr": 0.01, "epochs": 100, "mode": "batch"})
    losses, results = run_script(source, tmp_path)
    assert len(losses) == 100 and losses[-1] < losses[0]
    assert float(results["predict(4)"]) == pytest.approx(8.0, abs=0.01)


def test_the_bundle_holds_the_script_the_history_and_the_weights(app):
    run = page_run(app, "pages/logistic_regression.py", "logistic", {"epochs": "20"})
    archive = zipfile.ZipFile(io.BytesIO(export.bundle("logistic", run)))
    assert set(archive.namelist()) == {"lecture06_logistic_regression.py", "history.csv", "batches.csv", "weights.pt"}
    rows = list(csv.DictReader(io.StringIO(archive.read("history.csv").decode())))
    assert len(rows) == 20 and [float(row["loss"]) for row in rows] == pytest.approx(run.trainer.history.series("loss"))
    assert len(archive.read("batches.csv").decode().splitlines()) == 1 + len(run.trainer.history.batch_loss)
    fresh = regression.LogisticRegressionModel()
    fresh.load_state_dict(torch.load(io.BytesIO(archive.read("weights.pt"))))
    assert fresh.linear.weight.item() == run.model.linear.weight.item()


def test_a_finished_run_offers_its_download(app):
    at = app("pages/logistic_regression.py")
    assert not [button for button in at.get("download_button")]
    train(at, "logistic")
    assert len(at.get("download_button")) == 1
    assert "standalone script" in " ".join(caption.value for caption in at.caption)
