"""The transfer-learning page in AppTest: a weights file in the data directory is found and trains beside random
weights (both curves, both grids of validation photos); without one the page says which file to put where and
trains from random weights; a wrong file is explained; Chinese."""
import time

import pytest
import torch

from dlcore.datasets.folders import HYMENOPTERA, find_hymenoptera
from dlcore.lectures.transfer.model import NETWORKS
from pagetools import plotly_specs, run_of, texts, train

KEY = "transfer"
RESNET = NETWORKS["resnet18"]
FOLDER = find_hymenoptera()
pytestmark = pytest.mark.skipif(FOLDER is None, reason="the ants and bees are not in the data directory")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A data directory with the ants and bees (linked) and no weights, and no cache or torch hub folder to find any."""
    data = tmp_path / "data"
    data.mkdir()
    (data / HYMENOPTERA).symlink_to(FOLDER, target_is_directory=True)
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(data))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    return data


def short_run(at):
    """The smallest run, set with the widgets: 112-pixel photos, batches of 16, one epoch."""
    at.selectbox(key=f"{KEY}:image_size").set_value(112).run()
    at.selectbox(key=f"{KEY}:batch_size").set_value(16).run()
    at.slider(key=f"{KEY}:epochs").set_value(1).run()
    return train(at, KEY)


def test_a_weights_file_is_found_and_trains_beside_random_weights(app, data_dir, one_thread):
    (data_dir / "weights").mkdir()
    torch.manual_seed(0)
    torch.save(RESNET.build().state_dict(), data_dir / "weights" / RESNET.file_name)
    at = app("pages/transfer.py")
    assert f"Pretrained weights: `{data_dir / 'weights' / RESNET.file_name}`" in texts(at) and not at.warning
    assert "244 training photos (123 ants, 121 bees), 153 to validate" in texts(at)
    short_run(at)
    specs = plotly_specs(at)
    titles = [spec["layout"]["title"]["text"] for spec in specs]
    assert titles[:2] == ["Loss per epoch (solid: training photos, dashed: validation)",
                          "Accuracy on the 153 validation photos"]
    names = [trace["name"] for trace in specs[1]["data"]]
    assert names[:2] == ["ResNet-18 pretrained on ImageNet", "ResNet-18 from random weights"]
    assert all(len(trace["y"]) == 1 for trace in specs[1]["data"][:2])
    assert len(specs[0]["data"]) == 4  # training and validation loss of each
    assert titles[2:] == [f"ResNet-18 {kind}, epoch 1"
                          for kind in ("pretrained on ImageNet", "from random weights")]
    labels = specs[2]["data"][1]["text"]
    assert len(labels) == 16 and all(label[0] in "✓✗" and "%" in label for label in labels)
    assert "Features computed once" in texts(at) and at.success
    code = "\n".join(block.value for block in at.code)
    assert "def transfer_network" in code and "requires_grad" in code and "RandomResizedCrop" in code


def test_without_weights_it_names_the_file_and_trains_from_random_weights(app, data_dir, one_thread):
    at = app("pages/transfer.py")
    warning = at.warning[0].value
    assert f"`{RESNET.file_name}` is not in `{data_dir / 'weights'}`" in warning and RESNET.weights.url in warning
    assert "from random weights only" in warning
    short_run(at)
    specs = plotly_specs(at)
    assert [trace["name"] for trace in specs[1]["data"]][0] == "ResNet-18 from random weights"
    assert len(specs) == 3 and at.success  # loss, accuracy, one grid


def test_while_the_features_are_made_the_empty_charts_say_so(app, data_dir, one_thread):
    at = app("pages/transfer.py")
    at.selectbox(key=f"{KEY}:image_size").set_value(112).run()
    at.button(key=f"{KEY}:train").click().run()
    comparison = run_of(at, KEY).extras["comparison"]
    deadline = time.monotonic() + 60
    while comparison.preparing is None and time.monotonic() < deadline:
        time.sleep(0.05)
    at.run()
    run_of(at, KEY).stop()
    loss, accuracy = plotly_specs(at)[:2]
    for spec in (loss, accuracy):
        note = spec["layout"]["annotations"][0]["text"]
        assert note.startswith("Computing the frozen network's features: ") and note.endswith(" photos…")
    assert loss["layout"]["yaxis"]["showticklabels"] is False  # no numbers on an axis with nothing on it
    assert "Computing the frozen network's features" not in texts(at)  # said on the charts, not under them


def test_a_file_that_is_not_the_weights_is_explained(app, data_dir):
    (data_dir / "weights").mkdir()
    (data_dir / "weights" / RESNET.file_name).write_bytes(b"not a weights file")
    at = app("pages/transfer.py")
    assert "cannot be used as ResNet-18's weights: This file is not a PyTorch weights file" in at.warning[0].value
    assert at.button(key=f"{KEY}:train")  # the page still trains, from random weights


def test_the_page_speaks_chinese(app, data_dir):
    at = app("pages/transfer.py", lang="zh")
    assert at.title[0].value.startswith("第 11 讲 · 迁移学习") and "244 张训练照片" in texts(at)
    assert "没有 ResNet-18 的预训练权重" in at.warning[0].value
