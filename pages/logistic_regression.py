"""Lecture 6: logistic regression on hours studied -> pass/fail, with the sigmoid redrawn live."""
import torch

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.regression import figures as regression_figures
from dlcore.engine.training import supervised_step
from dlcore.lectures.logistic_regression.lecture import PACE, SETTINGS, build
from dlcore.lectures.regression.model import LogisticRegressionModel, decision_boundary, hours_passed, predict

page = ui.page_setup("logistic_regression")
ui.lecture_header(page, "logistic_regression.title", "logistic_regression.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)


HOURS = torch.linspace(0, 10, 200).tolist()
DATA_X, DATA_Y = (t.flatten().tolist() for t in hours_passed())


def draw(frame):
    if frame is None:
        return {}
    boundary = decision_boundary(frame.model)
    return {
        "loss": figures.loss_curve(frame.history, page.lang),
        "sigmoid": regression_figures.sigmoid_decision(HOURS, predict(frame.model, HOURS), boundary, DATA_X, DATA_Y, page.lang),
        "boundary": page.t("logistic_regression.boundary", x=boundary) if boundary == boundary else page.t("logistic_regression.no_boundary"),
    }


ui.live_run(page, values, build, draw, code=[LogisticRegressionModel, supervised_step], pace=PACE, step_batches=True)
