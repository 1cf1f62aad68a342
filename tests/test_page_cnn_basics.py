"""The CNN basics page in AppTest: training shows the feature-map grids, the shapes table, and the data message."""
import pytest

from pagetools import plotly_specs, texts


def titles(at):
    return [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brief_training_shows_feature_maps_kernels_and_shapes(app, lang):
    at = app("pages/cnn_basics.py", lang=lang)
    at.selectbox(key="cnn:course:train_size").set_value(2000).run()
    at.slider(key="cnn:course:epochs").set_value(1).run()
    at.slider(key="cnn:course:image").set_value(3).run()
    at.button(key="cnn:course:train").click().run()
    assert not at.exception and len(at.success) == 1
    shown = titles(at)
    for layer in ("conv1: 10 × 24 × 24", "pooling 1: 10 × 12 × 12", "conv2: 20 × 8 × 8", "pooling 2: 20 × 4 × 4"):
        assert any(title.startswith(layer.replace(": ", "：") if lang == "zh" else layer) for title in shown), layer
    assert any("5 × 5" in title for title in shown)  # the kernels
    maps = [spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"].startswith(("conv1", "pooling 2"))]
    assert all(spec["data"][0]["type"] == "heatmap" for spec in maps)
    table = at.dataframe[0].value
    assert table.iloc[:, 1].tolist()[1:] == ["(64, 10, 24, 24)", "(64, 10, 12, 12)", "(64, 20, 8, 8)",
                                             "(64, 20, 4, 4)", "(64, 320)", "(64, 10)"]


def test_the_cifar_network_explains_what_to_download_and_does_not_train(app):
    at = app("pages/cnn_basics.py")
    at.selectbox(key="cnn:model").set_value("cifar").run()
    assert not at.exception
    assert "cifar-10-batches-py" in at.error[0].value and "data_batch_1" in at.error[0].value
    at.button(key="cnn:cifar:train").click().run()
    assert not at.exception and not at.success
    assert "(64, 64, 4, 4)" in at.dataframe[0].value.iloc[:, 1].tolist()  # the shapes are still shown
    assert "cannot train" in texts(at)
