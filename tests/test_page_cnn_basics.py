"""The CNN basics page in AppTest: training shows the feature-map grids, the shapes table, and the data message;
the test image is a view of the run, and the replay slider scrubs every chart."""
import torch
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

from dlcore.engine.checkpoints import load_weights, state_bytes
from dlcore.lectures.cnn_basics.model import cifar_net

KEY = "cnn_basics:course"
LAYERS = ("conv1: 10 × 24 × 24", "pooling 1: 10 × 12 × 12", "conv2: 20 × 8 × 8", "pooling 2: 20 × 4 × 4")


def titles(at):
    return [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]


def chart(at, title_start: str) -> dict:
    return next(spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"].startswith(title_start))


def brief_settings(at, epochs: int):
    at.selectbox(key=f"{KEY}:train_size").set_value(2000).run()
    at.slider(key=f"{KEY}:epochs").set_value(epochs).run()


def test_brief_training_in_chinese_shows_feature_maps_kernels_and_shapes(app):
    at = app("pages/cnn_basics.py", lang="zh")
    brief_settings(at, epochs=1)
    at.slider(key=f"{KEY}:image").set_value(3).run()
    train(at, KEY)
    assert len(at.success) == 1
    shown = titles(at)
    for layer in LAYERS:
        assert any(title.startswith(layer.replace(": ", "：")) for title in shown), layer
    assert any("5 × 5" in title for title in shown)  # the kernels
    table = at.dataframe[0].value
    assert table.iloc[:, 1].tolist()[1:] == ["(64, 10, 24, 24)", "(64, 10, 12, 12)", "(64, 20, 8, 8)",
                                             "(64, 20, 4, 4)", "(64, 320)", "(64, 10)"]


def test_the_test_image_is_a_view_and_the_replay_scrubs_every_chart(app):
    at = app("pages/cnn_basics.py")
    brief_settings(at, epochs=2)
    at.select_slider(key=f"{KEY}:speed").set_value(5).run()  # 64 steps: at least 13 s
    at.button(key=f"{KEY}:train").click().run()
    run = run_of(at, KEY)
    at.slider(key=f"{KEY}:image").set_value(5).run()  # while the worker trains
    assert not at.exception, at.exception
    assert run_of(at, KEY) is run and run.busy and run.epochs_done < 2
    assert "Changed since this run" not in texts(at)  # the image shown is not a setting of the run
    at.select_slider(key=f"{KEY}:speed").set_value(0).run()
    wait_for_run(at, KEY)
    assert run.trainer.outcome.kind == "finished" and run.epochs_done == 2 and len(run.trainer.history.batch_loss) == 64

    shown = titles(at)
    for layer in LAYERS:
        assert any(title.startswith(layer) for title in shown), layer
    assert all(chart(at, layer)["data"][0]["type"] == "heatmap" for layer in ("conv1", "pooling 2"))
    fifth = chart(at, "conv1")["data"][0]["z"], chart(at, "Input image")["data"][0]["z"]
    at.slider(key=f"{KEY}:image").set_value(0).run()
    first = chart(at, "conv1")["data"][0]["z"], chart(at, "Input image")["data"][0]["z"]
    assert first[0] != fifth[0] and first[1] != fifth[1]  # the maps follow the slider

    trained = {name: chart(at, name) for name in ("Confusion matrix", "First-layer kernels", "conv1", "Accuracy")}
    at.slider(key=f"{KEY}:replay").set_value(0).run()  # before training
    untrained = {name: chart(at, name) for name in trained}
    assert not at.exception, at.exception
    assert untrained["Confusion matrix"]["data"][0]["z"] != trained["Confusion matrix"]["data"][0]["z"]
    assert untrained["Confusion matrix"]["layout"]["title"] != trained["Confusion matrix"]["layout"]["title"]
    assert sum(map(sum, untrained["Confusion matrix"]["data"][0]["z"])) == 10000  # the whole test set, replayed
    assert untrained["First-layer kernels"]["data"][0]["z"] != trained["First-layer kernels"]["data"][0]["z"]
    assert untrained["conv1"]["data"][0]["z"] != trained["conv1"]["data"][0]["z"]
    assert len(trained["Accuracy"]["data"][1]["y"]) == 2 and not untrained["Accuracy"]["data"][1]["y"]
    at.slider(key=f"{KEY}:replay").set_value(2).run()  # back to the end
    assert chart(at, "Confusion matrix")["data"][0]["z"] == trained["Confusion matrix"]["data"][0]["z"]


def test_the_cifar_network_explains_what_to_download_and_does_not_train(app):
    at = app("pages/cnn_basics.py")
    at.selectbox(key="cnn_basics:model").set_value("cifar").run()
    assert not at.exception
    assert "cifar-10-batches-py" in at.error[0].value and "data_batch_1" in at.error[0].value
    assert "cnn_basics:cifar:train" not in [button.key for button in at.button]  # nothing to train on
    assert "(64, 64, 4, 4)" in at.dataframe[0].value.iloc[:, 1].tolist()  # the shapes are still shown
    assert "cannot train" in texts(at)


def test_the_cifar_routine_trains_tests_and_keeps_every_epochs_weights(app, monkeypatch, tmp_path):
    """Seed 002's CIFAR-10 network on files of CIFAR's layout (made here: the data cannot be downloaded): an accuracy
    per epoch, and the weights of each epoch to download, which load back into the network as they were."""
    from test_images_data import accept_as_official, write_cifar

    write_cifar(tmp_path / "cifar-10-batches-py", per_batch=20)
    accept_as_official(monkeypatch, tmp_path / "cifar-10-batches-py")
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path))
    at = app("pages/cnn_basics.py")
    at.selectbox(key="cnn_basics:model").set_value("cifar").run()
    assert "model.eval()" in texts(at) and not at.error
    at.slider(key="cnn_basics:cifar:epochs").set_value(2).run()
    train(at, "cnn_basics:cifar")
    run = run_of(at, "cnn_basics:cifar")
    assert [row["epoch"] for row in run.trainer.history.epochs] == [1, 2]
    assert all(0 <= row["test_acc"] <= 1 for row in run.trainer.history.epochs)
    code = "\n".join(block.value for block in at.code)
    assert "nn.Conv2d(3, 32, 5, padding=2)" in code and "model.eval()" in code
    assert at.selectbox(key="cnn_basics:cifar:weights_epoch").options == ["1", "2"]
    at.selectbox(key="cnn_basics:cifar:weights_epoch").set_value(1).run()
    first_epoch = run.snapshots.at(1)[1]
    model = cifar_net()
    load_weights(model, state_bytes(first_epoch))
    assert all(torch.equal(model.state_dict()[name], tensor) for name, tensor in first_epoch.items())
    assert not all(torch.equal(first_epoch[name], tensor) for name, tensor in run.snapshots.at(2)[1].items())
