"""Lecture 5: linear regression with nn.Linear and eight optimizers; d2l's two-feature data (seed 003)."""
import torch

from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate, optimizer
from dlcore.engine.spec import RunSpec
from dlcore.engine.training import ParameterTrace, Trainer, full_batch, make_optimizer, minibatches, supervised_step
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.regression.model import D2L_TRUE_B, D2L_TRUE_W, LinearModel, course_points, synthetic_data

DATASET = Setting("dataset", "course", "linear_regression.dataset", widget="select", options=("course", "d2l"),
                  format="linear_regression.dataset")

LECTURE = Lecture(
    "5", "📏", "pytorch", order=30, path_step=3, variant=DATASET,
    preview=Preview("present=1", ("linear_regression.fit_title",)),
    demos=(
        Demo("lbfgs", {"optimizer": "LBFGS", "lr": "1", "epochs": "10"}),
    ))

COURSE = Settings(learning_rate(0.01), epochs(100, high=2000), optimizer("SGD"),
                  Setting("batch_size", 10, "linear_regression.batch_size", widget="select_slider",
                          options=(1, 2, 5, 10, 20, 50, 100)))
SETTINGS = {"course": COURSE, "d2l": COURSE.with_defaults(lr=0.03, epochs=3)}  # d2l's settings (seed 003)
LOSSES = {"course": torch.nn.MSELoss(reduction="sum"), "d2l": torch.nn.MSELoss()}
PACES = {"course": 10, "d2l": 50}  # steps a second: 100 full-batch epochs, or 3 epochs of 100 batches, in 6-10 s


def data(dataset: str, device, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    if dataset == "course":
        return course_points(device)
    x, y = synthetic_data(D2L_TRUE_W, D2L_TRUE_B, generator=torch.Generator().manual_seed(seed))
    return x.to(device), y.to(device)


def build(spec: RunSpec) -> Run:
    values = spec.values
    torch.manual_seed(spec.seed)
    x, y = data(spec.variant, spec.device, spec.seed)
    model = LinearModel(x.shape[1]).to(spec.device)
    optimizer = make_optimizer(values["optimizer"], model.parameters(), values["lr"])
    if spec.variant == "course":  # the course fits its three points in one batch
        batches = full_batch(x, y)
    else:
        batches = minibatches(x, y, values["batch_size"], torch.Generator().manual_seed(spec.seed))
    trace = ParameterTrace(model)
    trainer = Trainer(supervised_step(model, LOSSES[spec.variant], optimizer), batches, values["epochs"],
                      callbacks=[trace], optimizer=optimizer)
    return Run(trainer, model=model, extras={"trace": trace, "x": x, "y": y}, changing=("trace",), device=spec.device)
