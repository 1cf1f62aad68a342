"""Lecture 6: logistic regression, the sigmoid decision curve redrawn as it learns."""
import torch

from dlcore.engine.runs import Run
from dlcore.engine.settings import Settings, epochs, learning_rate, optimizer
from dlcore.engine.spec import RunSpec
from dlcore.engine.training import Trainer, full_batch, make_optimizer, supervised_step
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.regression.model import LogisticRegressionModel, hours_passed

LECTURE = Lecture(
    "6", "🎚️", "pytorch", order=40, path_step=4,
    preview=Preview("present=1&epochs=300&lr=0.05", ("logistic_regression.plot_title",)),
    demos=(
        Demo("sigmoid_stuck", {"lr": "5", "epochs": "100"}),
    ))

SETTINGS = Settings(learning_rate(0.01), epochs(1000, high=10000), optimizer("SGD"))
PACE = 100  # steps a second: the course's 1,000 epochs take 10 s on screen


def build(spec: RunSpec) -> Run:
    torch.manual_seed(spec.seed)
    model = LogisticRegressionModel().to(spec.device)
    x, y = hours_passed(spec.device)
    optimizer = make_optimizer(spec.values["optimizer"], model.parameters(), spec.values["lr"])
    step = supervised_step(model, torch.nn.BCELoss(reduction="sum"), optimizer)
    return Run(Trainer(step, full_batch(x, y), spec.values["epochs"], optimizer=optimizer), model=model,
               device=spec.device)
