"""Lecture 6: logistic regression on hours studied -> pass/fail, with the sigmoid redrawn live."""
import torch

from dlcore import figures, ui
from dlcore.regression import LogisticRegressionModel, decision_boundary, hours_passed, predict
from dlcore.runs import Run
from dlcore.settings import Settings, epochs, learning_rate, optimizer
from dlcore.training import Trainer, full_batch, make_optimizer, supervised_step

SETTINGS = Settings(learning_rate(0.01), epochs(1000, high=10000), optimizer("SGD"))
PACE = 100  # steps a second: the course's 1,000 epochs take 10 s on screen

page = ui.page_setup("logistic")
ui.lecture_header(page, "logistic.title", "logistic.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)


def build():
    torch.manual_seed(page.seed)
    model = LogisticRegressionModel().to(page.device)
    x, y = hours_passed(page.device)
    optimizer = make_optimizer(values.optimizer, model.parameters(), values.lr)
    step = supervised_step(model, torch.nn.BCELoss(reduction="sum"), optimizer)
    return Run(Trainer(step, full_batch(x, y), values.epochs, optimizer=optimizer), model=model, device=str(page.device))


HOURS = torch.linspace(0, 10, 200).tolist()
DATA_X, DATA_Y = (t.flatten().tolist() for t in hours_passed())


def draw(frame):
    if frame is None:
        return {}
    boundary = decision_boundary(frame.model)
    return {
        "loss": figures.loss_curve(frame.history, page.lang),
        "sigmoid": figures.sigmoid_decision(HOURS, predict(frame.model, HOURS), boundary, DATA_X, DATA_Y, page.lang),
        "boundary": page.t("logistic.boundary", x=boundary) if boundary == boundary else page.t("logistic.no_boundary"),
    }


ui.live_run(page, values, build, draw, code=[LogisticRegressionModel, supervised_step], pace=PACE, step_batches=True)
