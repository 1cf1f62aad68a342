"""Lectures 5-6: linear and logistic regression with nn.Module, a loss and an optimizer."""
from __future__ import annotations

import torch
from torch import nn

def course_points(device="cpu"):
    """Lecture 5's data as (3, 1) columns: x = [[1], [2], [3]], y = [[2], [4], [6]]."""
    x = torch.tensor([[1.0], [2.0], [3.0]], device=device)
    return x, 2 * x


class LinearModel(nn.Module):
    def __init__(self, in_features: int = 1):
        super().__init__()
        self.linear = nn.Linear(in_features, 1)

    def forward(self, x):
        return self.linear(x)


D2L_TRUE_W, D2L_TRUE_B = [2.0, -3.4], 4.2
"""The true parameters of d2l's synthetic data (lecture 5's d2l variant, seed 003)."""


def synthetic_data(true_w, true_b, n: int = 1000, noise: float = 0.01, generator=None):
    """d2l's data: X ~ N(0, 1), y = X w + b + N(0, noise^2)."""
    true_w = torch.as_tensor(true_w, dtype=torch.float32)
    x = torch.randn(n, len(true_w), generator=generator)
    y = x @ true_w + true_b + noise * torch.randn(n, generator=generator)
    return x, y.reshape(-1, 1)


def hours_passed(device="cpu"):
    """Lecture 6's data: hours studied [[1], [2], [3]] -> passed [[0], [0], [1]]."""
    x = torch.tensor([[1.0], [2.0], [3.0]], device=device)
    return x, torch.tensor([[0.0], [0.0], [1.0]], device=device)


class LogisticRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return torch.sigmoid(self.linear(x))


def decision_boundary(model: LogisticRegressionModel) -> float:
    """The x where sigmoid(w x + b) = 0.5, i.e. x = -b / w."""
    w = model.linear.weight.item()
    b = model.linear.bias.item()
    return -b / w if w != 0 else float("nan")


@torch.no_grad()
def predict(model: nn.Module, xs) -> list[float]:
    """The model's outputs for plain numbers xs, as numbers."""
    device = next(model.parameters()).device
    x = torch.as_tensor(xs, dtype=torch.float32, device=device).reshape(-1, 1)
    return model(x).flatten().tolist()
