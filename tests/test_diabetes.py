"""dlcore.lectures.multiple_input.model: lecture 7's table, its network, and the lesson in it — at the notes' settings the network answers
one class for everyone; the exercise's ReLU with batches of 32 beats that by more than 5 points."""
import shutil

import pytest
import torch

from dlcore.lectures.multiple_input import model as diabetes
from dlcore.engine.data import data_dir


@pytest.fixture(scope="module")
def data():
    if diabetes.find_table() is None:
        pytest.skip(f"no {diabetes.FILE} in {data_dir()}")
    return diabetes.split(*diabetes.load_table())


def run_of(data, seed=0, **changes):
    run = diabetes.diabetes_run(data, {**diabetes.SETTINGS.defaults(), **changes}, "cpu", seed)
    run.trainer.fit()
    return run.trainer.history.epochs


def test_the_table_is_read_as_the_notes_read_it_and_split_607_152(data):
    x, y = diabetes.load_table()
    assert x.shape == (759, 8) and y.shape == (759, 1) and x.dtype == y.dtype == torch.float32
    assert x.min() >= -1 and x.max() <= 1 and set(y.flatten().tolist()) == {0.0, 1.0}
    assert len(data.train_y) == 607 and len(data.val_y) == 152
    again = diabetes.split(x, y)
    assert torch.equal(again.val_x, data.val_x)  # the same split every time, whatever the page's seed
    assert data.majority_share == pytest.approx(max(data.val_y.mean().item(), 1 - data.val_y.mean().item()))


def test_a_missing_table_names_the_folder_to_put_it_in(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with pytest.raises(diabetes.DiabetesMissing) as missing:
        diabetes.load_table(tmp_path)
    assert missing.value.folder == tmp_path and diabetes.FILE in str(missing.value)
    shutil.copy(diabetes.find_table(data_dir()) or pytest.skip("no table"), tmp_path / diabetes.FILE)
    assert diabetes.load_table(tmp_path)[0].shape == (759, 8)


def test_the_network_has_the_notes_shapes_and_ends_in_a_probability():
    model = diabetes.DiabetesNet()
    out = model(torch.rand(5, 8) * 2 - 1)
    assert out.shape == (5, 1) and ((out > 0) & (out < 1)).all()
    assert [type(layer).__name__ for layer in model.children()] == ["Linear", "Linear", "Linear", "Sigmoid", "Sigmoid",
                                                                   "Sigmoid"]
    relu = diabetes.DiabetesNet("ReLU", "Tanh")
    assert isinstance(relu.activation1, torch.nn.ReLU) and isinstance(relu.activation2, torch.nn.Tanh)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_at_the_notes_settings_the_network_answers_one_class_for_everyone(data, seed):
    epochs = run_of(data, seed)
    first, last = epochs[0], epochs[-1]
    assert len(epochs) == 100 and last["loss"] < first["loss"]  # the loss falls...
    assert last["classes"] == 1  # ...but every validation patient gets the same answer
    assert last["val_acc"] == pytest.approx(data.majority_share)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_relu_with_batches_of_32_beats_the_majority_by_five_points(data, seed):
    last = run_of(data, seed, activation1="ReLU", activation2="ReLU", batch_size=32)[-1]
    assert last["classes"] == 2 and last["val_acc"] >= data.majority_share + 0.05, last


def test_a_batch_of_one_takes_one_step_per_patient(data):
    run = diabetes.diabetes_run(data, {**diabetes.SETTINGS.defaults(), "batch_size": 1, "epochs": 2}, "cpu")
    run.trainer.fit()
    assert len(run.trainer.history.batch_loss) == 2 * len(data.train_y)
