"""Lectures 2-4: the linear model y_hat = x * w, fitted by hand-written gradient descent and by autograd."""
from __future__ import annotations

from dataclasses import dataclass, field

import torch

from dlcore.engine.training import ManualRate

COURSE_X = [1.0, 2.0, 3.0]
COURSE_Y = [2.0, 4.0, 6.0]


def course_data(device="cpu"):
    """The course's three points, x = [1, 2, 3], y = [2, 4, 6]."""
    return (torch.tensor(COURSE_X, device=device), torch.tensor(COURSE_Y, device=device))


def forward(x, w):
    return x * w


def mse(x, y, w):
    """Mean squared error of the linear model over the samples given."""
    return ((forward(x, w) - y) ** 2).mean()


def gradient(x, y, w):
    """d MSE / dw = mean(2x(xw - y)); on one sample it is the course's SGD gradient 2x(xw - y)."""
    return (2 * x * (x * w - y)).mean()


def costs_at(x, y, ws) -> list[float]:
    """MSE(w) for each w in ws, all at once."""
    ws = torch.as_tensor(ws, dtype=x.dtype, device=x.device)
    return ((x[None, :] * ws[:, None] - y[None, :]) ** 2).mean(dim=1).tolist()


def cost_curve(x, y, start=0.0, stop=4.0, step=0.1):
    """Exhaustive search: MSE(w) for w swept over [start, stop] (the course's cost curve)."""
    ws = torch.arange(start, stop + step / 2, step, device=x.device)
    return ws.tolist(), costs_at(x, y, ws)


@dataclass
class ScalarModel:
    """The weight w of y_hat = x * w, and the path it walked during training."""

    w: torch.Tensor
    path: list[float] = field(default_factory=list)

    @classmethod
    def starting_at(cls, w0: float, device="cpu"):
        return cls(torch.tensor(w0, device=device), [w0])


def gradient_descent_step(model: ScalarModel, rate: ManualRate):
    """One step of gradient descent: compute the cost, then w -= lr * gradient (rate.lr may change during a run)."""

    def step(batch):
        x, y = batch
        cost = mse(x, y, model.w)
        model.w = model.w - rate.lr * gradient(x, y, model.w)
        model.path.append(model.w.item())
        return cost

    return step


def sample_batches(x, y, stochastic: bool):
    """Batch GD sees all samples at once; stochastic GD one sample at a time, in order."""
    if stochastic:
        return lambda: [(x[i : i + 1], y[i : i + 1]) for i in range(len(x))]
    return lambda: [(x, y)]


@dataclass
class AutogradRecord:
    """What one autograd step saw: the sample, w before the update, its gradient and the loss."""

    x: float
    y: float
    w: float
    grad: float
    loss: float


def autograd_step(w: torch.Tensor, rate: ManualRate, records: list[AutogradRecord]):
    """Lecture 4: the loss builds a graph, backward() fills w.grad, we update w and zero the gradient.

    The notes write `w.data = w.data - lr * w.grad.data`; `torch.no_grad()` is the
    same update without recording it in the graph.  rate.lr may change during a run.
    """

    def step(batch):
        x, y = batch
        loss = ((x * w - y) ** 2).sum()
        loss.backward()
        records.append(AutogradRecord(x.item(), y.item(), w.item(), w.grad.item(), loss.item()))
        with torch.no_grad():
            w.sub_(rate.lr * w.grad)
        w.grad.zero_()
        return loss

    return step


@dataclass
class GraphNode:
    name: str  # what the node computes
    value: float  # its forward value
    grad: float | None  # d loss / d (its output), filled in by backward()


def explain_step(x: float, y: float, w: float) -> tuple[list[GraphNode], list[tuple[int, int]]]:
    """Run one sample forward and backward and return autograd's graph with every node's value and gradient.

    The graph is read from loss.grad_fn, so it is the one autograd really built:
    w -> (x * w) -> (y_hat - y) -> (...)^2 -> loss, edges in forward order.
    """
    w = torch.tensor(w, requires_grad=True)
    y_hat = x * w
    residual = y_hat - y
    loss = residual**2
    for tensor in (y_hat, residual):
        tensor.retain_grad()
    loss.backward()
    known = {
        loss.grad_fn: ("loss = (ŷ − y)²", loss, torch.tensor(1.0)),
        residual.grad_fn: ("ŷ − y", residual, residual.grad),
        y_hat.grad_fn: ("ŷ = x · w", y_hat, y_hat.grad),
    }
    nodes: list[GraphNode] = []
    edges: list[tuple[int, int]] = []
    index: dict[object, int] = {}

    def visit(fn) -> int:
        if fn not in index:
            if fn in known:
                name, tensor, grad = known[fn]
                node = GraphNode(f"{name}  [{type(fn).__name__}]", tensor.item(), grad.item())
            else:  # AccumulateGrad: where the gradient of the leaf w is stored
                node = GraphNode(f"w  [{type(fn).__name__}]", w.item(), w.grad.item())
            index[fn] = len(nodes)
            nodes.append(node)
            for parent, _ in fn.next_functions:
                if parent is not None:
                    edges.append((visit(parent), index[fn]))
        return index[fn]

    visit(loss.grad_fn)
    return nodes, edges
