"""dlcore.lectures.playground.model: the five data sets, the features, the hidden layers written as text, the plane the network
is drawn over (which way is up), and the network learning two moons and a three-class spiral."""
import time

import numpy as np
import pytest
import torch

from dlcore.lectures.playground import model as pg
from dlcore.lectures.playground.model import SetupProblem, hidden_layers, make_points


def values(**changes):
    return {**pg.SETTINGS.defaults(), **changes}


@pytest.mark.parametrize("dataset", pg.DATASETS)
def test_every_data_set_lies_on_the_plane_with_its_classes_and_is_the_same_for_a_seed(dataset):
    xy, label = make_points(dataset, 400, 0.0, 4, seed=3)
    assert xy.shape == (400, 2) and xy.dtype == np.float32 and np.abs(xy).max() < pg.SIDE
    classes = 4 if dataset in pg.MANY_CLASSES else 2
    assert sorted(set(label.tolist())) == list(range(classes))
    again, _ = make_points(dataset, 400, 0.0, 4, seed=3)
    other, _ = make_points(dataset, 400, 0.0, 4, seed=4)
    assert np.array_equal(xy, again) and not np.array_equal(xy, other)


def test_noise_spreads_the_points():
    clean, label = make_points("circles", 600, 0.0, 2, seed=0)
    noisy, _ = make_points("circles", 600, 0.2, 2, seed=0)
    radius, noisy_radius = np.linalg.norm(clean, axis=1), np.linalg.norm(noisy, axis=1)
    assert radius[label == 1].max() <= 2.5 and radius[label == 0].min() >= 3.5  # a disc inside a ring, apart
    assert noisy_radius[label == 1].max() > 2.5 and noisy_radius[label == 0].min() < 3.5  # noise blurs the gap


def test_the_features_are_the_scaled_coordinates_their_squares_product_and_sines():
    xy = torch.tensor([[3.0, -6.0]])
    every = pg.features(xy, list(pg.FEATURES))
    expected = [0.5, -1.0, 0.25, 1.0, -0.5, np.sin(3.0), np.sin(-6.0)]
    assert torch.allclose(every, torch.tensor([expected], dtype=torch.float32), atol=1e-6)
    assert pg.features(xy, ["y", "x"]).tolist() == [[-1.0, 0.5]]


def test_hidden_layers_are_read_from_text_and_bad_text_is_refused():
    assert hidden_layers("8, 8") == [8, 8] and hidden_layers(" 4;2 ") == [4, 2] and hidden_layers("") == []
    for bad in ("8, x", "0", "65", "1,2,3,4,5,6,7", "-3", "2.5"):
        with pytest.raises(SetupProblem) as problem:
            hidden_layers(bad)
        assert problem.value.key == "playground.problem.hidden" and problem.value.values["text"] == bad


def test_no_feature_chosen_is_refused():
    with pytest.raises(SetupProblem) as problem:
        pg.points(values(x=False, y=False), seed=0)
    assert problem.value.key == "playground.problem.no_feature"


def test_the_split_and_the_network_follow_the_settings():
    data = pg.points(values(dataset="blobs", classes=4, points=200, test_share=0.3, x2=True), seed=0)
    assert len(data.test_y) == 60 and len(data.train_y) == 140 and data.classes == 4
    assert data.train_x.shape == (140, 3) and data.chosen == ["x", "y", "x2"]
    net = pg.PlaygroundNet(3, [16, 8], 4, "ReLU", dropout=0.2)
    assert [type(layer).__name__ for layer in net.hidden] == ["Linear", "ReLU", "Dropout"] * 2
    assert pg.parameters(3, [16, 8], 4) == sum(p.numel() for p in net.parameters()) == 4 * 16 + 17 * 8 + 9 * 4


def test_the_plane_has_y_up_in_the_regions_and_in_the_first_layers_pictures():
    net = pg.PlaygroundNet(2, [1], 2, "Identity")
    with torch.no_grad():  # the one unit is y; class 1's score grows with it
        net.hidden[0].weight.copy_(torch.tensor([[0.0, 1.0]]))
        net.hidden[0].bias.zero_()
        net.output.weight.copy_(torch.tensor([[0.0], [5.0]]))
        net.output.bias.zero_()
    axis, probabilities = pg.regions(net, ["x", "y"], steps=50)
    assert axis[0] == -pg.SIDE and axis[-1] == pg.SIDE and probabilities.shape == (50, 50, 2)
    assert (probabilities[0, :, 0] > 0.9).all() and (probabilities[-1, :, 1] > 0.9).all()  # row 0 is y = -6
    units = pg.first_layer_units(net, ["x", "y"], steps=20)
    assert units.shape == (1, 20, 20) and units[0, 0, 0] == pytest.approx(1.0) and units[0, -1, 0] == pytest.approx(-1)
    assert pg.first_layer_units(pg.PlaygroundNet(2, [], 2), ["x", "y"]) is None


@pytest.mark.parametrize("setup, target", [
    ({"dataset": "moons", "noise": 0.1, "hidden": "8, 8", "optimizer": "Adam", "lr": 0.01, "epochs": 30}, 0.95),
    ({"dataset": "spiral", "classes": 3, "points": 1000, "hidden": "16, 16, 16", "activation": "ReLU",
      "optimizer": "Adam", "lr": 0.01, "epochs": 40}, 0.90),
])
def test_the_network_separates_two_moons_and_a_three_class_spiral(setup, target, one_thread):
    started = time.perf_counter()
    run = pg.playground_run(values(**setup), "cpu", seed=14)
    run.trainer.fit()
    last = run.trainer.history.epochs[-1]
    print(f"{setup['dataset']}: test accuracy {last['test_acc']:.3f} after {setup['epochs']} epochs, "
          f"{time.perf_counter() - started:.1f} s")
    assert last["test_acc"] > target
