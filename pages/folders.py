"""Lecture 8 (seed 002): images from folders — ImageFolder over the ants and bees, or a zip of yours — and a transforms
pipeline run step by step on one photo, several times, so that augmentation's randomness is seen."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from dlcore import ui
from dlcore.engine.data import data_dir
from dlcore.lectures.folders.figures import photo_grid
from dlcore.datasets.folders import (HYMENOPTERA, HYMENOPTERA_URL, MAX_PIXELS, SPLITS, UPLOAD_LIMIT_MB, FolderError, FolderImages,
                            download_hymenoptera, find_hymenoptera, read_image_folder, unpack_zip)
from dlcore.engine.settings import Setting
from dlcore.datasets.transforms import (DEFAULT_PIPELINE, EXAMPLES, STEPS, PipelineError, as_code, build_pipeline, describe,
                               draws, first_batch, join_steps, normalized, picture, split_steps)
from dlcore.datasets.uploads import refusal

IMAGES = Setting("images", "hymenoptera", "folders.images", widget="select", options=("hymenoptera", "upload"),
                 format="folders.images")
SPLIT = Setting("split", "train", "folders.split", widget="select", options=(*SPLITS, "all"), format="folders.split")
PIPELINE = Setting("pipeline", DEFAULT_PIPELINE, "folders.pipeline", widget="text")
DRAWS, SAMPLES, BATCH = 8, 12, 4

page = ui.page_setup("folders")
keys = ui.state(page, ui.FoldersState)
ui.lecture_header(page, "folders.title", "folders.intro")
read_folder = ui.cached_resource(read_image_folder)


@dataclass
class Unpacked:
    """An uploaded zip: its folders of class folders by split, in a temporary folder removed with it (when another
    zip is uploaded, the file is forgotten, or the session ends), or why it cannot be used."""

    name: str
    size: int
    splits: dict[str, Path] = field(default_factory=dict)
    folder: tempfile.TemporaryDirectory | None = None
    problem: tuple[str, dict] | None = None  # why the last zip uploaded was refused (these are the last good one's)
    encoding: str | None = None  # the code page its file names were written in, when not UTF-8


def forget_upload() -> None:
    kept = keys.unpacked
    del keys.unpacked
    if kept is not None and kept.folder is not None:
        kept.folder.cleanup()


def keep_upload() -> None:
    """The uploader changed: unpack the new zip (once) into a folder of its own; a zip refused leaves the last good
    one in place, with the reason."""
    upload = keys.upload
    if upload is None:
        forget_upload()
        return
    folder = tempfile.TemporaryDirectory(prefix="dl-classroom-zip-")
    try:
        splits = unpack_zip(upload.getvalue(), Path(folder.name))
        read, problem = read_splits(splits)
        if not read:  # nothing to show (one class, no images): refused like a bad zip
            raise problem
    except Exception as error:  # a FolderError, or what no check foresaw
        folder.cleanup()
        kept = keys.unpacked or Unpacked(upload.name, upload.size)
        keys.unpacked = replace(kept, problem=refusal(upload.name, error))
    else:
        forget_upload()
        keys.unpacked = Unpacked(upload.name, upload.size, splits, folder, encoding=splits.encoding)


def uploaded_zip() -> Unpacked | None:
    """The zip uploaded, or the one uploaded before the page was left (the uploader then shows none: say which)."""
    st.file_uploader(page.t("folders.upload"), type="zip", key=keys.widget_key("upload"), max_upload_size=UPLOAD_LIMIT_MB,
                     help=page.t("folders.upload_help", limit=UPLOAD_LIMIT_MB), on_change=keep_upload)
    kept = keys.unpacked
    if kept is not None and keys.upload is None:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.caption(page.t("folders.kept_file", name=kept.name, size=kept.size / 2**20))
        right.button(page.t("folders.forget_file"), icon="✖️", on_click=forget_upload, key="folders:forget")
    return keys.unpacked


def hymenoptera() -> dict[str, Path]:
    """The ants and bees by split: local first, else the tutorial's zip downloaded (once per session, with a
    progress bar); when neither works, a message saying what to fetch and where, and no splits."""
    folder, error = ui.local_or_downloaded("hymenoptera", find_hymenoptera,
                                           lambda progress: download_hymenoptera(progress=progress),
                                           lambda mb: page.t("folders.downloading", url=HYMENOPTERA_URL, mb=mb))
    if folder is None:
        st.error(page.t("folders.missing", url=HYMENOPTERA_URL, folder=data_dir() / HYMENOPTERA, error=error))
        return {}
    return {split: folder / split for split in SPLITS}


def skipped_size(item) -> dict:
    """A skipped image's size, for its message ("too large: 14,000 × 14,000 pixels")."""
    return {"width": item.size[0], "height": item.size[1], "limit": MAX_PIXELS} if item.size else {}


def read_splits(splits: dict[str, Path]) -> tuple[dict[str, FolderImages], FolderError | None]:
    """Each split's images (read once per server); the first split that cannot be used, and why."""
    read, problem = {}, None
    for split, folder in splits.items():
        try:
            read[split] = read_folder(folder)
        except FolderError as error:
            problem = problem or error
    return read, problem


# --- The images: ants and bees, or your zip ---------------------------------------------------------------------
with ui.folded(page):
    left, right = st.columns(2)
    with left:
        source = ui.setting_widget(page, IMAGES, {})
    splits = hymenoptera() if source == "hymenoptera" else {}
    if source == "upload":
        unpacked = uploaded_zip()
        if unpacked is None:
            st.info(page.t("folders.upload_first", limit=UPLOAD_LIMIT_MB))
        else:
            if unpacked.problem is not None:
                st.error(page.t(unpacked.problem[0], **unpacked.problem[1]))
                if unpacked.splits:
                    st.caption(page.t("folders.kept_file", name=unpacked.name, size=unpacked.size / 2**20))
            if unpacked.encoding:
                st.info(page.t("folders.names_encoding", encoding=unpacked.encoding))
            splits = unpacked.splits
    read, problem = read_splits(splits)
    if read:
        with right:
            split = ui.setting_widget(page, replace(SPLIT, options=tuple(read), default=next(iter(read))), {})
if problem is not None:
    st.error(page.t(problem.key, **problem.values))
if not read:
    if source == "hymenoptera":
        st.info(page.t("folders.try_upload"))
    ui.finish_page()
    st.stop()
images = read[split]
classes = images.classes

st.header(page.t("folders.folder_title"))
st.caption(page.t("folders.source", folder=images.root, n=len(images), classes=len(classes)))
counts = pd.DataFrame({page.t("folders.col.class"): classes,
                       "class_to_idx": [images.dataset.class_to_idx[name] for name in classes],
                       **{page.t(f"folders.split.{name}"): [read[name].counts().get(c, 0) for c in classes]
                          for name in read}})
st.dataframe(counts, hide_index=True)
if images.skipped:
    st.warning(page.t("folders.skipped", n=len(images.skipped)) + "\n" + "\n".join(
        f"- `{item.path.relative_to(images.root)}`: "
        f"{page.t(f'folders.skipped.{item.reason}', **skipped_size(item))}"
        for item in images.skipped))
shown = np.linspace(0, len(images) - 1, min(SAMPLES, len(images))).round().astype(int)
samples = [images.dataset.samples[index] for index in shown]
st.plotly_chart(photo_grid([images.dataset.loader(path) for path, _ in samples],
                           [f"{classes[label]} ({label}) · #{index}" for index, (_, label) in zip(shown, samples)],
                           page.t("folders.samples_title", split=page.t(f"folders.split.{split}"), n=len(shown))),
                key="folders:samples", width="stretch")

# --- The transforms pipeline ------------------------------------------------------------------------------------
st.header(page.t("folders.pipeline_title"))
ui.prose(page, page.t("folders.pipeline_about"))
PIPELINE_KEY = f"{page.key}:{PIPELINE.name}"


def set_pipeline(text: str) -> None:
    ui.set_kept(PIPELINE_KEY, text)


def written_steps(text: str) -> list[str]:
    """The pipeline's steps as written (a text that is no list of steps: as one step, for the user to fix)."""
    try:
        return split_steps(text) if text.strip() else []
    except PipelineError:
        return [text]


def add_step() -> None:
    set_pipeline(join_steps([*written_steps(ui.kept_value(PIPELINE_KEY, DEFAULT_PIPELINE)),
                             EXAMPLES[keys.add_choice]]))


def edited(steps: list[str], index: int, move: int) -> None:
    """Move the step at `index` by `move` places (0: remove it)."""
    steps = list(steps)
    step = steps.pop(index)
    if move:
        steps.insert(index + move, step)
    set_pipeline(join_steps(steps))


def draw_again() -> None:
    keys.draws_round += 1


with ui.folded(page):
    text = ui.setting_widget(page, PIPELINE, {})
    left, middle, right = st.columns([3, 1, 1], vertical_alignment="bottom")
    left.selectbox(page.t("folders.add_step"), list(STEPS), key=keys.widget_key("add_choice"), format_func=EXAMPLES.get)
    middle.button(page.t("folders.add"), icon=":material/add:", key="folders:add", width="stretch", on_click=add_step)
    right.button(page.t("folders.reset"), icon=":material/undo:", key="folders:reset", width="stretch",
                 on_click=set_pipeline, args=(DEFAULT_PIPELINE,))
steps = written_steps(text)
with st.expander(page.t("folders.order")):
    for index, step in enumerate(steps):
        row = st.columns([8, 1, 1, 1], vertical_alignment="center")
        row[0].markdown(f"{index + 1}. `{step}`")
        for column, (icon, move, name) in zip(row[1:], ((":material/arrow_upward:", -1, "up"),
                                                        (":material/arrow_downward:", 1, "down"),
                                                        (":material/close:", 0, "remove"))):
            column.button("", icon=icon, key=f"folders:{name}:{index}", help=page.t(f"folders.{name}"),
                          disabled=(name == "up" and index == 0) or (name == "down" and index == len(steps) - 1),
                          on_click=edited, args=(steps, index, move))

left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
with left:
    photo_class = ui.kept(st.selectbox, page.t("folders.photo_class"), "folders:photo_class",
                          ui.remembered_choice("folders:photo_class", classes, classes[0]), options=classes,
                          format_func=lambda name: f"{name} ({images.dataset.class_to_idx[name]})")
in_class = [path for path, label in images.dataset.samples if classes[label] == photo_class]
ui.clamp_kept("folders:photo_number", len(in_class), default=1)
with middle:
    number = ui.kept(st.number_input, page.t("folders.photo_number", n=len(in_class)), "folders:photo_number", 1,
                     min_value=1, max_value=len(in_class), step=1)
rounds = keys.draws_round
right.button(page.t("folders.draw_again"), icon=":material/casino:", key="folders:draw_again", width="stretch", on_click=draw_again)
path = in_class[number - 1]
photo = images.dataset.loader(path)
seed = page.seed * 1000 + rounds
st.caption(page.t("folders.photo", path=Path(path).relative_to(images.root), width=photo.width, height=photo.height,
                  seed=seed))

try:
    pipeline = build_pipeline(text)
    drawn = draws(pipeline, photo, DRAWS, seed)
except PipelineError as error:
    st.error(page.t(error.key, **error.values))
    pipeline = drawn = None
if drawn is not None:
    last = describe(drawn[0][-1])
    st.success(page.t("folders.ran", steps=len(pipeline.transforms), kind=last.kind, size=last.size))
    left, right = st.columns([1, 3])
    original = page.t("folders.original", width=photo.width, height=photo.height)
    left.image(photo, caption=original, alt=original)
    right.plotly_chart(photo_grid([picture(outputs[-1], pipeline) for outputs in drawn],
                                  [page.t("folders.draw", n=n) for n in range(1, DRAWS + 1)],
                                  page.t("folders.draws_title", n=DRAWS, seed=seed), columns=4, tile=180),
                       key="folders:draws", width="stretch")
    if normalized(pipeline):
        right.caption(page.t("folders.undone"))
    st.subheader(page.t("folders.steps_title"))
    described = [describe(output) for output in drawn[0]]
    st.dataframe(pd.DataFrame({
        page.t("folders.col.step"): [page.t("folders.input"), *steps],
        page.t("folders.col.type"): [item.kind for item in described],
        page.t("folders.col.size"): [item.size for item in described],
        "min": [item.low for item in described], "max": [item.high for item in described],
        page.t("folders.col.mean"): [item.mean for item in described]}).round(3), hide_index=True)
    st.subheader(page.t("folders.compose_title"))
    st.caption(page.t("folders.compose_about"))
    st.code(repr(pipeline), language="python")
st.caption(page.t("folders.cpu"))

# --- The notes' code: ImageFolder and DataLoader, as they ran -----------------------------------------------------
st.header(page.t("folders.code_title"))
lines = ["from torch.utils.data import DataLoader", "from torchvision import datasets, transforms", "",
         f"dataset = datasets.ImageFolder({str(images.root)!r},",
         f"                               transform=transforms.Compose([{as_code(text)}]))",
         "print(dataset.classes, dataset.class_to_idx, len(dataset))",
         f"# {classes} {images.dataset.class_to_idx} {len(images)}",
         f"loader = DataLoader(dataset, batch_size={BATCH}, shuffle=True)",
         "images, labels = next(iter(loader))", "print(images.shape, labels)"]
if pipeline is not None:
    try:
        batch, labels = first_batch(images.with_transform(pipeline), BATCH, seed)
        lines.append(f"# {batch.shape} {labels}")
    except PipelineError as error:
        lines.append(f"# {page.t(error.key, **error.values)}")
st.code("\n".join(lines), language="python")

ui.finish_page()  # no run on this page: its address is written here
