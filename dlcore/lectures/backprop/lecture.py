"""Lecture 4: back-propagation with autograd, the computational graph read from loss.grad_fn."""
import torch

from dlcore.engine.runs import Run
from dlcore.engine.settings import Settings, epochs, learning_rate
from dlcore.engine.spec import RunSpec
from dlcore.engine.training import ManualRate, Trainer
from dlcore.lectures import Lecture, Preview
from dlcore.lectures.gradient_descent.model import autograd_step, course_data, sample_batches

LECTURE = Lecture(
    "4", "🔁", "basics", order=20, path_step=2,
    preview=Preview("", ("backprop.graph_title",)))

SETTINGS = Settings(learning_rate(0.01), epochs(100, high=1000))
PACE = 50  # steps a second: the course's 100 epochs of 3 samples take 6 s on screen (a speed the control offers)
START_W = 1.0


def build(spec: RunSpec) -> Run:
    x, y = course_data(spec.device)
    w = torch.tensor([START_W], device=spec.device, requires_grad=True)
    records = []  # what every step saw: the sample, w, its gradient, the loss
    rate = ManualRate(spec.values["lr"])
    trainer = Trainer(autograd_step(w, rate, records), sample_batches(x, y, stochastic=True), spec.values["epochs"],
                      optimizer=rate)
    return Run(trainer, model=w, extras={"records": records}, changing=("records",), device=spec.device)
