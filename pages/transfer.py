"""Lecture 11 (seed 002): transfer learning — an ImageNet network with a new last layer learns ants and bees, beside
the same network from random weights."""
import streamlit as st

from dlcore import ui
from dlcore.engine.data import data_dir
from dlcore.engine.figures import waiting_note
from dlcore.datasets.folders import HYMENOPTERA, HYMENOPTERA_URL, download_hymenoptera, find_hymenoptera, read_image_folder
from dlcore.engine.training import supervised_step
from dlcore.lectures.transfer.model import (NETWORKS, SETTINGS, Comparison, accuracy_chart, answers_grid, comparison_run,
                             eval_transform, features, download_weights, find_weights, learner_names, loss_chart,
                             replaced_layer, train_transform, transfer_network, weights_folders, weights_problem)


@ui.cached_resource
def checked_weights(name: str, path: str, modified: tuple):
    """Why the file is not the network's weights (None: it is), once per server for each version of the file."""
    return weights_problem(name, path)


page = ui.page_setup("transfer")
ui.lecture_header(page, "transfer.title", "transfer.intro")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)
    st.caption(page.t("transfer.size_note"))

folder, error = ui.local_or_downloaded("hymenoptera", find_hymenoptera,
                                       lambda progress: download_hymenoptera(progress=progress),
                                       lambda mb: page.t("transfer.downloading_data", mb=mb))
if folder is None:
    st.error(page.t("folders.missing", url=HYMENOPTERA_URL, folder=data_dir() / HYMENOPTERA, error=error))
    st.stop()
splits = {split: ui.cached_resource(read_image_folder)(folder / split) for split in ("train", "val")}
counts = splits["train"].counts()
network = NETWORKS[values.model]
model_name = page.t(f"transfer.model.{values.model}")
weights, error = ui.local_or_downloaded(
    f"weights:{values.model}", lambda: find_weights(network), lambda progress: download_weights(network, progress=progress),
    lambda mb: page.t("transfer.downloading", file=network.file_name, mb=mb, total=network.megabytes))
problem = None
if weights is not None:
    stat = weights.stat()
    problem = checked_weights(values.model, str(weights), (stat.st_mtime_ns, stat.st_size))

with ui.folded(page, "transfer.sources"):  # on a projector the charts' legends say which weights trained
    st.caption(page.t("transfer.data", folder=folder, train=len(splits["train"]), val=len(splits["val"]),
                      counts=", ".join(f"{count} {name}" for name, count in counts.items())))
    skipped = [item.path.name for split in splits.values() for item in split.skipped]
    if skipped:
        st.caption(page.t("transfer.skipped", names=", ".join(skipped)))
    if weights is None:
        st.warning(page.t("transfer.weights_missing", model=model_name, file=network.file_name,
                          folder=weights_folders()[0], hub=weights_folders()[-1], url=network.weights.url,
                          mb=network.megabytes, error=error))
    elif problem is None:
        st.caption(page.t("transfer.weights_found", path=weights, mb=weights.stat().st_size / 2**20))
    else:
        st.warning(page.t("transfer.weights_bad", path=weights, model=model_name, file=network.file_name,
                          reason=page.t(problem.key, **problem.values)))
        weights = None
val_counts = splits["val"].counts()
majority = max(val_counts.values()) / sum(val_counts.values())


def build(spec):  # the photos' folder and the weights file as the page found them
    return comparison_run(folder, spec.values, weights, spec.device, spec.seed)


def speed(comparison: Comparison, history) -> str:
    size, epochs = comparison.size, history.series("seconds")
    if comparison.mode == "finetune":
        return page.t("transfer.speed_finetune", model=model_name, size=size, epoch=sum(epochs) / len(epochs),
                      load=comparison.load_seconds)
    made = sum(comparison.feature_seconds.values())  # 0 when the features were computed by an earlier run
    shown = page.t("transfer.features_seconds", seconds=made) if made > 0.05 else page.t("transfer.features_kept")
    return page.t("transfer.speed_last", model=model_name, size=size, features=shown,
                  epoch=f"{1000 * sum(epochs) / len(epochs):.0f} ms", load=comparison.load_seconds)


def draw(frame):
    if frame is None:
        return {}
    comparison, history = frame.extras["comparison"], frame.history
    names = learner_names(comparison, page.lang)
    charts = {"loss": loss_chart(history, names, page.lang),
              "accuracy": accuracy_chart(history, names, majority, page.lang)}
    if comparison.preparing is not None:  # said on the charts, which stay empty until the features are made
        done, total = comparison.preparing
        for chart in charts.values():
            waiting_note(chart, page.t("transfer.preparing", done=done, total=total))
    if frame.epoch >= 1:
        for learner, name in names.items():
            charts[f"grid {learner}"] = answers_grid(comparison, learner, frame.epoch, name, page.lang)
        charts["speed"] = speed(comparison, history)
    return charts


ui.live_run(page, values, build, draw, compare={"accuracy": "pretrained:val_acc"},
            code=[transfer_network, eval_transform, train_transform, features, Comparison.batches, Comparison.step,
                  supervised_step])

layer = ui.cached_resource(replaced_layer)(values.model, len(counts), values.mode)
ui.prose(page, f"**{page.t('transfer.shapes')}** · " + page.t("transfer.shapes_text", **layer,
                                                             share=100 * layer["trainable"] / layer["total"]),
         "transfer.shapes")
