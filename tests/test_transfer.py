"""dlcore.lectures.transfer.model: the last layer replaced and the rest frozen, the weights found local-first and checked, the frozen
network's features computed once, and a short run of the comparison (with the real ImageNet weights when they are here)."""
import time

import pytest
import torch
from torch import nn

from dlcore.engine.checkpoints import WeightsError
from dlcore.engine.data import ChecksumError
from dlcore.datasets.folders import find_hymenoptera
from dlcore.lectures.transfer.model import (FEATURES, NETWORKS, SETTINGS, comparison_run, download_weights, eval_transform, features,
                             find_weights, head, split_images, transfer_network, weights_problem)

RESNET = NETWORKS["resnet18"]
FOLDER = find_hymenoptera()
needs_data = pytest.mark.skipif(FOLDER is None, reason="the ants and bees are not in the data directory")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty data directory, with no cache folder or torch hub folder of this machine's to find weights in."""
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    return tmp_path / "data"


def random_weights_file(folder, seed: int = 1):
    """A ResNet-18 state_dict of random weights saved under torchvision's file name, and the state saved."""
    folder.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    state = RESNET.build().state_dict()
    torch.save(state, folder / RESNET.file_name)
    return folder / RESNET.file_name, state


@pytest.mark.parametrize("name, features_in", [("resnet18", 512), ("vgg16", 4096)])
def test_the_last_layer_is_replaced_for_two_classes_and_only_it_trains_when_frozen(name, features_in):
    last = transfer_network(name, 2, None, "last")
    new = head(last, name)
    assert isinstance(new, nn.Linear) and (new.in_features, new.out_features) == (features_in, 2)
    assert last(torch.zeros(1, 3, 64, 64)).shape == (1, 2)
    trainable = {parameter_name for parameter_name, p in last.named_parameters() if p.requires_grad}
    assert trainable == {f"{NETWORKS[name].head}.weight", f"{NETWORKS[name].head}.bias"}
    if name == "resnet18":  # VGG16's 138 M parameters: once is enough
        assert all(p.requires_grad for p in transfer_network(name, 2, None, "finetune").parameters())


def test_torchvisions_file_names():
    assert (RESNET.file_name, NETWORKS["vgg16"].file_name) == ("resnet18-f37072fd.pth", "vgg16-397923af.pth")


@pytest.mark.parametrize("layout", ["weights", "hub/checkpoints"])
def test_a_weights_file_in_the_data_directory_is_found_and_loaded(data_dir, layout):
    assert find_weights(RESNET) is None
    path, state = random_weights_file(data_dir / layout)
    assert find_weights(RESNET) == path and weights_problem("resnet18", path) is None
    model = transfer_network("resnet18", 2, path, "last")
    loaded = model.state_dict()
    for name, tensor in state.items():
        if not name.startswith("fc."):  # the new last layer is not the file's
            assert torch.equal(loaded[name], tensor), name


def test_torch_hubs_own_folder_is_looked_in_too(data_dir, tmp_path):
    path, _ = random_weights_file(tmp_path / "torch" / "hub" / "checkpoints")
    assert find_weights(RESNET) == path


def test_a_file_that_is_not_the_networks_weights_says_why(data_dir):
    data_dir.mkdir(parents=True)
    junk, other, small = data_dir / "junk.pth", data_dir / "other.pth", data_dir / "small.pth"
    junk.write_bytes(b"not a weights file")
    torch.save({"weight": torch.zeros(2, 2)}, other)
    state = RESNET.build().state_dict()
    state["fc.weight"] = torch.zeros(10, 512)
    torch.save(state, small)
    assert weights_problem("resnet18", junk).key == "weights.unreadable"
    assert weights_problem("resnet18", other).key == "weights.other_model"
    problem = weights_problem("resnet18", small)
    assert problem.key == "weights.shape" and problem.values["name"] == "fc.weight"
    with pytest.raises(WeightsError):
        transfer_network("resnet18", 2, junk, "last")


def test_a_download_whose_sha256_is_not_the_one_in_its_name_is_deleted(data_dir, monkeypatch):
    def fake_download(url, destination, progress=None):
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(b"something else")
        return destination

    monkeypatch.setattr("dlcore.lectures.transfer.model.download", fake_download)
    with pytest.raises(ChecksumError):
        download_weights(RESNET)
    assert find_weights(RESNET) is None


@needs_data
def test_the_features_are_what_the_last_layer_receives(one_thread):
    model = transfer_network("resnet18", 2, None, "last")
    x, y = split_images(FOLDER, "val", 64)
    assert x.shape == (len(y), 3, 64, 64) and set(y.tolist()) == {0, 1}
    assert split_images(FOLDER, "val", 64)[0] is x  # read once per server
    some = x[:6]
    seen = features(model, "resnet18", some, batch_size=4)
    assert seen.shape == (6, 512) and isinstance(head(model, "resnet18"), nn.Linear)  # the last layer put back
    model.eval()
    with torch.no_grad():
        assert torch.allclose(head(model, "resnet18")(seen), model(some), atol=1e-5)
    assert eval_transform(224).transforms[0].size == 256


@needs_data
def test_a_short_run_of_the_last_layer_lowers_its_loss_and_keeps_the_features(one_thread):
    values = SETTINGS.defaults()
    values.update(image_size=64, epochs=6, batch_size=16)  # no weights: the random network alone
    run = comparison_run(FOLDER, values, None, "cpu", seed=3)
    run.trainer.fit()
    losses = run.trainer.history.series("random:loss")
    assert run.trainer.outcome.kind == "finished" and losses[-1] < losses[0]
    comparison = run.extras["comparison"]
    assert list(comparison.learners) == ["random"] and comparison.feature_seconds["random"] > 0
    assert len(comparison.learners["random"].probabilities) == 6
    again = comparison_run(FOLDER, values, None, "cpu", seed=3)
    again.trainer.fit(until="epoch")
    assert again.extras["comparison"].feature_seconds["random"] < 0.05  # FEATURES had them
    assert ("resnet18", ("random", 3), 64, str(FOLDER), "train") in FEATURES


@needs_data
def test_stop_and_pause_act_while_the_features_are_being_made(one_thread):
    """The features take seconds on a CPU: a Pause or Stop then acts within a batch of photos, keeps nothing
    half-made, and Resume makes them again."""
    values = SETTINGS.defaults()
    values.update(image_size=64, epochs=1, batch_size=16)
    run = comparison_run(FOLDER, values, None, "cpu", seed=41)
    comparison, key = run.extras["comparison"], ("resnet18", ("random", 41), 64, str(FOLDER), "train")
    run.start()
    deadline = time.monotonic() + 60
    while comparison.preparing is None and time.monotonic() < deadline:
        time.sleep(0.01)
    run.pause()
    assert run.join(5) and run.state == "ready" and not run.trainer.history.batch_loss and key not in FEATURES
    run.start()
    while comparison.preparing is None and time.monotonic() < deadline:
        time.sleep(0.01)
    run.stop()
    assert run.join(5) and run.state == "stopped" and run.trainer.outcome.epoch == 0
    again = comparison_run(FOLDER, values, None, "cpu", seed=41)
    again.trainer.fit()
    assert again.trainer.outcome.kind == "finished" and key in FEATURES


REAL = find_weights(RESNET)


@needs_data
@pytest.mark.skipif(REAL is None, reason=f"torchvision's {RESNET.file_name} is not in the data directory")
def test_the_pretrained_last_layer_beats_random_weights(one_thread):
    values = SETTINGS.defaults()
    values.update(epochs=5)
    run = comparison_run(FOLDER, values, REAL, "cpu", seed=0)
    run.trainer.fit()
    history = run.trainer.history
    pretrained, random = history.series("pretrained:val_acc")[-1], history.series("random:val_acc")[-1]
    assert pretrained >= 0.85 and pretrained > random
