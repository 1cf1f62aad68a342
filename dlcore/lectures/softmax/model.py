"""Lecture 9: softmax classifiers on 28×28 images, the course's and the notes' variants, each with its own defaults.

Every model maps (B, 1, 28, 28) to (B, 10) scores (logits); `CrossEntropyLoss` applies
LogSoftmax and NLLLoss to them, so no model ends in a softmax.
"""
from __future__ import annotations

from collections import OrderedDict
import torch.nn.functional as F
from torch import nn

from dlcore.lectures.classifiers.training import IMAGE_SETTINGS, Variant


class Net(nn.Module):
    """The course's MLP: 784 → 512 → 256 → 128 → 64 → 10 with ReLU."""

    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(784, 512)
        self.l2 = nn.Linear(512, 256)
        self.l3 = nn.Linear(256, 128)
        self.l4 = nn.Linear(128, 64)
        self.l5 = nn.Linear(64, 10)

    def forward(self, x):
        x = x.view(-1, 784)  # flatten (B, 1, 28, 28) into (B, 784)
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        x = F.relu(self.l3(x))
        x = F.relu(self.l4(x))
        return self.l5(x)  # no activation: CrossEntropyLoss takes the raw scores


def _normal_init(model: nn.Module, std: float = 0.01) -> nn.Module:
    """d2l's initialisation: weights from N(0, 0.01²), biases 0."""
    for name, parameter in model.named_parameters():
        nn.init.normal_(parameter, std=std) if name.endswith("weight") else nn.init.zeros_(parameter)
    return model


def softmax_regression() -> nn.Module:
    """d2l (seed 003): softmax regression, one Linear(784, 10) layer."""
    return _normal_init(nn.Sequential(OrderedDict(flatten=nn.Flatten(), linear=nn.Linear(784, 10))))


def d2l_mlp() -> nn.Module:
    """d2l (seed 003): a multilayer perceptron with one hidden layer of 256 ReLU units."""
    return _normal_init(nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)))


def logistic_regression() -> nn.Module:
    """Seed 004: multinomial logistic regression, y = Wx without a bias."""
    return nn.Sequential(OrderedDict(flatten=nn.Flatten(), linear=nn.Linear(784, 10, bias=False)))


def sigmoid_mlp() -> nn.Module:
    """Seed 004: one hidden layer of 512 sigmoid units, no biases."""
    return nn.Sequential(OrderedDict(
        flatten=nn.Flatten(),
        linear_1=nn.Linear(784, 512, bias=False), sigmoid_1=nn.Sigmoid(),
        linear_2=nn.Linear(512, 10, bias=False)))


def modern_mlp() -> nn.Module:
    """Seed 004's "modern" network: two hidden layers of 512 ReLU units with Dropout(0.2), trained with Adam."""
    return nn.Sequential(OrderedDict(
        flatten=nn.Flatten(),
        linear_1=nn.Linear(784, 512, bias=False), relu_1=nn.ReLU(), dropout_1=nn.Dropout(0.2),
        linear_2=nn.Linear(512, 512, bias=False), relu_2=nn.ReLU(), dropout_2=nn.Dropout(0.2),
        linear_3=nn.Linear(512, 10, bias=False)))


VARIANTS = {
    "course": Variant(Net, IMAGE_SETTINGS),
    "d2l_softmax": Variant(softmax_regression, IMAGE_SETTINGS.with_defaults(
        dataset="fashion_mnist", lr=0.1, momentum=0.0, batch_size=256, epochs=5)),
    "d2l_mlp": Variant(d2l_mlp, IMAGE_SETTINGS.with_defaults(
        dataset="fashion_mnist", lr=0.5, momentum=0.0, batch_size=256, epochs=5)),
    "logistic": Variant(logistic_regression, IMAGE_SETTINGS.with_defaults(momentum=0.9, batch_size=100, epochs=100)),
    "sigmoid_mlp": Variant(sigmoid_mlp, IMAGE_SETTINGS.with_defaults(momentum=0.9, batch_size=100, epochs=100)),
    "modern_mlp": Variant(modern_mlp, IMAGE_SETTINGS.with_defaults(
        optimizer="Adam", lr=0.001, momentum=0.0, batch_size=100, epochs=100)),
}
"""Each model with the settings of its notes; the course's are IMAGE_SETTINGS' own (MNIST, SGD lr 0.01 momentum 0.5,
batches of 64, 10 epochs), the others differ where listed."""
