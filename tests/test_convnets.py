"""Lecture 10's CNNs: the notes' shapes, the layer tracer, feature maps, and learning on real MNIST."""
import pytest
import torch

from dlcore.engine.metrics import accuracy
from dlcore.lectures.cnn_basics.model import MODELS, CourseCNN, cifar_net, feature_maps, first_kernels, layer_shapes, parameter_count
from dlcore.lectures.classifiers.training import new_classifier
from dlcore.datasets.images import load_images


def test_the_course_cnn_has_the_notes_shapes():
    shapes = layer_shapes(CourseCNN(), torch.zeros(64, 1, 28, 28))
    assert shapes == [("input", (64, 1, 28, 28)), ("conv1", (64, 10, 24, 24)), ("pooling", (64, 10, 12, 12)),
                      ("conv2", (64, 20, 8, 8)), ("pooling", (64, 20, 4, 4)), ("view", (64, 320)), ("fc", (64, 10))]


def test_seed_002s_cifar_network_maps_colour_images_to_ten_scores():
    shapes = dict(layer_shapes(cifar_net(), torch.zeros(2, 3, 32, 32)))
    assert shapes["5: MaxPool2d"] == (2, 64, 4, 4) and shapes["6: Flatten"] == (2, 1024)
    assert shapes["8: Linear"] == (2, 10) and "view" not in shapes  # nn.Flatten is a layer, not a view


def test_feature_maps_number_a_layer_used_twice_and_kernels_are_the_first_conv():
    model = CourseCNN()
    maps = feature_maps(model, torch.randn(1, 1, 28, 28))
    assert [(name, tuple(m.shape)) for name, m in maps] == [
        ("conv1", (10, 24, 24)), ("pooling 1", (10, 12, 12)), ("conv2", (20, 8, 8)), ("pooling 2", (20, 4, 4))]
    assert torch.equal(first_kernels(model), model.conv1.weight)
    assert parameter_count(model) == 10 * 25 + 10 + 20 * 10 * 25 + 20 + 320 * 10 + 10


def test_each_network_keeps_its_notes_settings():
    course, cifar = (MODELS[name].settings.defaults() for name in ("course", "cifar"))
    assert (course.dataset, course.optimizer, course.lr, course.momentum, course.batch_size, course.epochs) == \
        ("mnist", "SGD", 0.01, 0.5, 64, 10)
    assert (cifar.dataset, cifar.optimizer, cifar.lr, cifar.momentum, cifar.batch_size, cifar.epochs) == \
        ("cifar10", "SGD", 0.01, 0.0, 64, 10)


def test_the_tracer_leaves_no_hooks_behind():
    model = CourseCNN()
    layer_shapes(model, torch.zeros(1, 1, 28, 28))
    assert all(not module._forward_hooks for module in model.modules())


@pytest.mark.skipif(not __import__("os").environ.get("DL_CLASSROOM_DATA"), reason="needs the local MNIST mirror")
def test_one_short_epoch_on_real_mnist_beats_90_percent():
    data = load_images("mnist", download=False)
    torch.set_num_threads(1)
    values = {**MODELS["course"].settings.defaults(), "epochs": 1, "train_size": 20000}  # lr 0.01, momentum 0.5, 64
    model, trainer, _ = new_classifier(CourseCNN, data, values, "cpu", seed=0)
    trainer.fit()
    assert accuracy(model, data.test_x, data.test_y) > 0.90
