"""Lecture 5: torch.optim's optimizers walking side by side over a loss surface, their paths growing live."""
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.lectures.optimizers import figures
from dlcore.lectures.optimizers.lecture import SETTINGS, SURFACE, build as build_walk
from dlcore.lectures.optimizers.model import OPTIMIZERS, SURFACES, Walk

PACE = 50  # steps a second: Rosenbrock's 300 steps take 6 s on screen
GROUPS = {
    "optimizers.group.start": ("x0", "y0", "epochs"),
    "optimizers.group.momentum": ("sgd", "lr_sgd", "momentum", "lr_momentum", "nesterov", "lr_nesterov"),
    "optimizers.group.adaptive": ("adagrad", "lr_adagrad", "rmsprop", "lr_rmsprop", "adam", "lr_adam"),
}

page = ui.page_setup("optimizers")
ui.lecture_header(page, "optimizers.title", "optimizers.intro")
with ui.folded(page):
    surface_key = ui.setting_widget(page, SURFACE, {})
    surface, variant = SURFACES[surface_key], page.variant(surface_key)
    st.caption(page.t(f"optimizers.about.{surface_key}"))
    values = ui.settings_columns(variant, SETTINGS[surface_key], GROUPS, widths=[1, 1.5, 1.5])
chosen = [name for name in OPTIMIZERS if values[name]]
if not chosen:
    st.warning(page.t("optimizers.none_chosen"))


def build(spec):
    return build_walk(spec) if chosen else None  # the page has said what is missing; the last run stays


def summary(walk: Walk, steps: int) -> pd.DataFrame:
    """Where each optimizer stands after `steps` steps: its point, the loss there and how far the nearest minimum is."""
    ends = {name: path[-1] for name, path in walk.paths_until(steps).items()}
    distance = "optimizers.col.distance" if walk.surface.bounded else "optimizers.col.saddle_distance"
    return pd.DataFrame({
        page.t("optimizers.col.optimizer"): [page.t(f"optimizers.name.{name}") for name in ends],
        page.t("optimizers.col.point"): [f"({x:.3f}, {y:.3f})" for x, y in ends.values()],
        page.t("optimizers.col.loss"): [walk.surface.at(end) for end in ends.values()],
        page.t(distance): [walk.surface.distance(end) for end in ends.values()]}).round(4)


def draw(frame):
    if frame is None:
        start = (values.x0, values.y0)
        return {"surface": figures.surface_plot(surface, start, {}, set(), page.lang, page.present)}
    walk, history = frame.extras["walk"], frame.history
    losses = {name: history.series(f"{name}:loss") for name in walk.optimizers}
    return {"surface": figures.surface_plot(walk.surface, walk.start, walk.paths_until(frame.batches),
                                            walk.stopped_by(frame.batches), page.lang, page.present),
            "loss": figures.loss_plot(losses, walk.surface, page.lang, page.present),
            "table": summary(walk, frame.batches)}


ui.live_run(variant, values, build, draw, code=[Walk], pace=PACE)
