"""Draw a digit: every MNIST model trained in this session reads it, shows what it sees inside, and learns your
handwriting."""
import pandas as pd
import streamlit as st
import torch

from dlcore import lectures, ui
from dlcore.lectures.cnn_basics import figures as convnet_figures
from dlcore.lectures.classifiers import figures as image_figures
from dlcore.lectures.advanced_cnns.model import MODELS as ADVANCED_MODELS
from dlcore.lectures.cnn_basics.model import MODELS as CNN_MODELS
from dlcore.lectures.draw.drawing import centred_digit, drawing_ink, model_input, picture_ink
from dlcore.lectures.draw.readers import (BATCH_SIZE, OWN_PER_BATCH, ROUND_STEPS, ROUNDS, SHIFT, fine_tuning_run,
                                          has_convolutions, inside_figures, label_of, own_digits_accuracy, read, readers,
                                          tuning_values, tuned_key)
from dlcore.lectures.softmax.model import VARIANTS
from dlcore.datasets.uploads import refusal

QUICK, QUICK_EPOCHS = ("cnn_basics", "course"), 2
CANVAS = 280  # pixels a side: the canvas and its toolbar fit their column at 1280×720
PICTURE_TYPES = ["png", "jpg", "jpeg", "bmp", "gif", "webp", "heic", "heif", "svg"]  # HEIC and SVG: to say what to do
MODELS = {**{("softmax", name): variant for name, variant in VARIANTS.items()}, ("cnn_basics", "course"): CNN_MODELS["course"],
          **{("advanced_cnns", name): variant for name, variant in ADVANCED_MODELS.items()}}
# every model of the lectures that reads 28×28 digits, by (page, model): what weights can be loaded into

page = ui.page_setup("draw")
keys = ui.state(page, ui.DrawState)
ui.lecture_header(page, "draw.title", "draw.intro")


def session_readers():
    return readers(ui.runs())


def page_of(lecture: str, name: str) -> ui.Page:
    """A lecture's model (its page's variant), as that page has it: the draw page starts and loads its runs."""
    return page.of(f"{lecture}:{name}")


def default_values(key: tuple[str, str], epochs: int | None = None):
    """The settings of a lecture's model as its page has them (its notes' defaults), with these epochs."""
    declared = MODELS[key].settings
    return declared.with_defaults(epochs=epochs).defaults() if epochs else declared.defaults()


def add_a_model(none_yet: bool) -> None:
    """Train lecture 10's CNN in one click, or load weights into any of the lectures' models."""
    with st.expander(page.t("draw.add_model"), expanded=none_yet):
        if none_yet:
            st.info(page.t("draw.no_model"))
        ui.image_data(page, "mnist")  # downloaded first when it is missing
        clicked = st.button(page.t("draw.quick_train", epochs=QUICK_EPOCHS), type="primary", key="draw:quick_train")
        if clicked or (ui.autorun_requested() and ui.state(page_of(*QUICK)).run is None):
            ui.start_run(page_of(*QUICK), default_values(QUICK, QUICK_EPOCHS), lectures.build)
            keys.next_reader = ":".join(QUICK)
            st.rerun()
        st.caption(page.t("draw.quick_train_help", epochs=QUICK_EPOCHS))
        target = ui.kept(st.selectbox, page.t("draw.weights_for"), "draw:weights_for", QUICK, options=list(MODELS),
                         format_func=lambda key: label_of(":".join(key), page.lang))
        if MODELS[target].data != "mnist":
            ui.image_data(page, MODELS[target].data)
        ui.weights_section(page_of(*target), default_values(target), lectures.build)


def clear_canvas() -> None:
    """A fresh canvas (under a new key): the component's own 🗑 clears only what the browser shows."""
    keys.canvas_round += 1


def drawing_input():
    """The canvas or an uploaded picture: (ink (H, W) in [0, 1] or None, the function that made it, a message)."""
    choice = ui.kept(st.radio, page.t("draw.input"), "draw:input", "canvas", options=["canvas", "upload"],
                     format_func=lambda name: page.t(f"draw.input.{name}"), horizontal=True, label_visibility="collapsed")
    if choice == "upload":
        file = st.file_uploader(page.t("draw.upload"), type=PICTURE_TYPES, key="draw:upload",
                                help=page.t("draw.upload_help"))
        if file is None:
            return None, picture_ink, ("info", "draw.upload_empty", {})
        try:
            keys.last_picture = (file.name, file.getvalue(), picture_ink(file.getvalue()))
            problem = None
        except Exception as error:  # UnreadablePicture, or what no check foresaw: said, and the last good one kept
            problem = ("error", *refusal(file.name, error))
        if keys.last_picture is None:
            return None, picture_ink, problem
        name, data, ink = keys.last_picture
        st.image(data, width=160, caption=name, alt=name)
        return ink, picture_ink, problem
    from streamlit_drawable_canvas import st_canvas

    stroke = ui.kept(st.slider, page.t("draw.stroke"), "draw:stroke", 20, min_value=8, max_value=40, step=2)
    round_ = keys.canvas_round
    canvas = st_canvas(stroke_width=stroke, stroke_color="#FFFFFF", background_color="#000000", height=CANVAS,
                       width=CANVAS, drawing_mode="freedraw", key=f"draw:canvas:{round_}", return_image_data=True)
    st.button(page.t("draw.clear"), icon="🧽", key="draw:clear", on_click=clear_canvas)
    if canvas.image_data is None or not (drawing_ink(canvas.image_data) > 0.1).any():
        return None, drawing_ink, ("info", "draw.empty", {})
    return drawing_ink(canvas.image_data), drawing_ink, None



def status(reader) -> str:
    """"97.9 % on the test images · training now, epoch 1/2"."""
    accuracy = reader.accuracy()
    parts = [page.t("draw.accuracy", accuracy=accuracy) if accuracy is not None else page.t("draw.no_accuracy")]
    trainer = reader.run.trainer
    if reader.busy:
        parts.append(page.t("draw.training_now", epoch=trainer.epoch, epochs=trainer.epochs))
    elif reader.run.state == "paused":
        parts.append(page.t("draw.paused", epoch=trainer.epoch, epochs=trainer.epochs))
    return " · ".join(parts)


def choose_reader(found):
    names = [reader.key for reader in found]
    pending, keys.next_reader = keys.next_reader, None
    if pending in names:
        ui.set_kept("draw:reader", pending)
    default = ui.remembered_choice("draw:reader", names, "cnn_basics:course")
    chosen = ui.kept(st.selectbox, page.t("draw.reader"), "draw:reader", default, options=names,
                     format_func=lambda key: found[names.index(key)].label(page.lang))
    return found[names.index(chosen)]


def training_now(found) -> None:
    """The progress line and Stop of every model that trains (a race's three models train in one run)."""
    lines = {}
    for reader in found:
        name = page.t("draw.race_run") if reader.race_model else reader.label(page.lang)
        lines.setdefault(reader.key.partition("/")[0], (name, reader.run))  # a race's models: "<run's key>/<model>"
    ui.training_lines(page, lines)


def verdict(reading, where) -> None:
    names = reading.names
    first, second = reading.ranked[:2]
    where.markdown(page.t("draw.reads", label=names[first], probability=reading.confidence))
    if reading.close_call:
        where.warning(page.t("draw.close_call", first=names[first], second=names[second],
                             p1=reading.probabilities[first].item(), p2=reading.probabilities[second].item()))


def every_model(found, pixels) -> None:
    """One row per model: its guess, how sure it is, its second guess, its test accuracy."""
    st.subheader(page.t("draw.every_model"))
    rows = []
    for reader in found:
        reading = read(reader.model(), pixels, reader.data, page.lang)
        first, second = reading.ranked[:2]
        rows.append({page.t("draw.col.model"): reader.label(page.lang), page.t("draw.col.guess"): reading.names[first],
                     page.t("draw.col.sure"): reading.confidence,
                     page.t("draw.col.second"): f"{reading.names[second]} ({reading.probabilities[second].item():.0%})",
                     page.t("draw.col.status"): status(reader)})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="draw:every_model",
                 column_config={page.t("draw.col.sure"): st.column_config.ProgressColumn(
                     page.t("draw.col.sure"), format="percent", min_value=0.0, max_value=1.0)})


def own_digits(reader, pixels, reading) -> None:
    """The student's digits: add this one with its right label, see which the model reads right, fine-tune on them."""
    st.subheader(page.t("draw.own_title"))
    st.caption(page.t("draw.own_help"))
    own = keys.own
    names = reading.names if reading else [str(digit) for digit in range(10)]
    label_column, add_column, clear_column = st.columns([2, 1.2, 1.2], vertical_alignment="bottom")
    label = label_column.selectbox(page.t("draw.own_label"), range(len(names)), format_func=names.__getitem__,
                                   index=reading.guess if reading else 0)
    if add_column.button(page.t("draw.own_add"), icon="➕", disabled=pixels is None, width="stretch", key="draw:own_add"):
        keys.own = own = [*own, (pixels, label)]
    if clear_column.button(page.t("draw.own_clear"), disabled=not own, width="stretch", key="draw:own_clear"):
        keys.own = own = []
    if not own:
        return
    digits = torch.stack([digit for digit, _ in own])
    labels = torch.tensor([label for _, label in own])
    guesses, right = own_digits_accuracy(reader, digits, labels)
    grid = image_figures.image_grid(digits[:, None], guesses, labels, names, page.lang)
    grid.update_layout(title=dict(text=page.t("draw.own_grid", n=len(own), right=right)))
    st.plotly_chart(grid, key="draw:own_grid", width="stretch")
    history = reader.run.trainer.history
    if "own_digits" in reader.run.extras and history.epochs:
        st.caption(page.t("draw.tuned_result", steps=", ".join(str(ROUND_STEPS * n) for n in range(1, len(history.epochs) + 1)),
                          own=" → ".join(f"{value:.0%}" for value in history.series("own_acc")),
                          test=" → ".join(f"{value:.1%}" for value in history.series("test_acc"))))
    tune = st.button(page.t("draw.tune", steps=ROUND_STEPS * ROUNDS), icon="🎯", disabled=reader.busy, key="draw:tune")
    st.caption(page.t("draw.tune_mix", batch=BATCH_SIZE, own=OWN_PER_BATCH, mnist=BATCH_SIZE - OWN_PER_BATCH,
                      steps=ROUND_STEPS * ROUNDS, shift=SHIFT, every=ROUND_STEPS))
    if tune:
        key = tuned_key(reader)
        ui.start_run(page.of(key), tuning_values(reader, len(own)),
                     lambda spec: fine_tuning_run(reader, digits, labels, spec.device, spec.seed))
        keys.next_reader = key
        st.rerun()


def draw_and_read() -> list:
    """The drawing, what the chosen model reads in it and sees inside, every model's reading, the student's digits.
    While a model trains this part is redrawn every second, so its reading improves before your eyes."""
    found = session_readers()
    left, middle, right = st.columns([1.3, 0.75, 1.3])
    with left:
        ink, made_by, problem = drawing_input()
    pixels = None if ink is None else centred_digit(ink)
    with right:
        reader = choose_reader(found) if found else None
        if reader is not None:
            st.caption(status(reader))
    if problem is not None:
        kind, key, values = problem
        getattr(right, kind)(page.t(key, **values))
    reading = None
    if reader is not None and pixels is not None:
        model = reader.model()
        reading = read(model, pixels, reader.data, page.lang)
        middle.plotly_chart(convnet_figures.input_image(pixels[None], "28×28", page.lang), key="draw:seen",
                            width="stretch")
        middle.caption(page.t("draw.seen_help"))
        verdict(reading, right)
        right.plotly_chart(image_figures.class_probabilities(reading.probabilities, reading.names, page.lang),
                           key="draw:probabilities", width="stretch")
    training_now(found)
    if reading is not None:
        st.subheader(page.t("draw.inside_title"))
        st.caption(page.t("draw.inside_cnn" if has_convolutions(model) else "draw.inside_mlp"))
        x = model_input(pixels, reader.data, next(model.parameters()).device)
        charts = inside_figures(model, x, page.lang)
        if charts:
            ui.ChartGrid(page.variant("inside")).show(charts)
        else:
            st.info(page.t("draw.no_hidden_layer"))
        every_model(found, pixels)
    if reader is not None:
        own_digits(reader, pixels, reading)
    ui.show_code(page, [made_by, centred_digit, model_input, read] + ([reader.code] if reader is not None else []))
    return [reader.run for reader in session_readers()]


found = session_readers()
add_a_model(none_yet=not found)
ui.while_training(draw_and_read, [reader.run for reader in found])
