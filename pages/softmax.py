"""Lecture 9: a softmax classifier on MNIST — the course's MLP and the notes' variants, each with its own defaults."""
import streamlit as st
import torch

from dlcore import figures, image_figures, ui
from dlcore.classify import (accuracy_evaluator, confusion_matrix, fixed_subset, mistakes, predict, probabilities,
                             weights_fingerprint)
from dlcore.images import class_names, denormalize, drawing_to_image
from dlcore.softmax import OPTIMIZERS, VARIANTS, make_optimizer
from dlcore.training import Trainer, minibatches, supervised_step

DATA_SETS = ["mnist", "fashion_mnist"]
BATCH_SIZES = [1, 8, 16, 32, 64, 100, 128, 256, 512, 1024]
TRAIN_SIZES = [0, 10000, 2000]  # 0: the whole training set
GRID_IMAGES = 16

page = ui.page_setup("softmax")
st.title(page.t("softmax.title"))
st.markdown(page.t("softmax.intro"))

model_name = ui.choice(page, "softmax.model", "model", list(VARIANTS), "course",
                       format_func=lambda name: page.t(f"softmax.model.{name}"))
variant, spec = page.variant(model_name), VARIANTS[model_name]
st.caption(page.t(f"softmax.about.{model_name}"))

data_name = ui.choice(variant, "softmax.dataset", "dataset", DATA_SETS, spec.data,
                      format_func=lambda name: page.t(f"images.name.{name}"))
data = ui.image_data(page, data_name)
lr = ui.lr_control(variant, default=spec.lr)
epochs = ui.epochs_control(variant, default=spec.epochs, maximum=100)
left, middle, right = st.columns(3)
with left:
    batch_size = ui.kept(st.select_slider, page.t("softmax.batch_size"), f"{variant.key}:batch_size", spec.batch_size,
                         options=BATCH_SIZES)
with middle:
    optimizer_name = ui.choice(variant, "train.optimizer", "optimizer", OPTIMIZERS, spec.optimizer)
    momentum = ui.kept(st.number_input, page.t("softmax.momentum"), f"{variant.key}:momentum", spec.momentum,
                       min_value=0.0, max_value=0.99, step=0.1, disabled=optimizer_name != "SGD")
with right:
    train_size = ui.choice(variant, "softmax.train_size", "train_size", TRAIN_SIZES, 0, format_func=lambda n: page.t(
        "softmax.train_size.all", n=len(data.train_y)) if n == 0 else page.t("softmax.train_size.n", n=n))
action = ui.train_buttons(variant)


def build():
    torch.manual_seed(page.seed)
    model = spec.build().to(page.device)
    n = train_size or len(data.train_y)
    x, y = data.train_x[:n], data.train_y[:n]
    optimizer = make_optimizer(optimizer_name, model.parameters(), lr, momentum)
    step = supervised_step(model, torch.nn.CrossEntropyLoss(), optimizer)
    batches = minibatches(x, y, batch_size, generator=torch.Generator().manual_seed(page.seed))
    sample = fixed_subset(len(data.test_y), GRID_IMAGES, seed=page.seed).to(data.device)
    extras = {"data": data, "sample": sample, "pictures": denormalize(data.test_x[sample], data)}
    trainer = Trainer(step, batches, max(epochs, 1), evaluate=accuracy_evaluator(model, data))
    return ui.Run(trainer, model=model, extras=extras, device=str(page.device))


def predictions_on_test_set(run) -> torch.Tensor:
    """The model's predictions on the whole test set: while training, computed again only after each epoch."""
    trainer, extras = run.trainer, run.extras
    training = trainer.outcome is None and trainer.history.batch_loss
    moment = ("epoch", len(trainer.history.epochs)) if training else ("weights", weights_fingerprint(run.model))
    if extras.get("predicted_at") != moment:
        extras["predicted"] = predict(run.model, extras["data"].test_x).cpu()
        extras["predicted_at"] = moment
    return extras["predicted"]


def draw(run):
    if run is None:
        return {}
    history, extras = run.trainer.history, run.extras
    run_data, sample = extras["data"], extras["sample"]
    names = class_names(run_data, page.lang)
    predicted = predictions_on_test_set(run)
    targets = run_data.test_y.cpu()
    charts = {
        "loss": figures.loss_curve(history, page.lang),
        "accuracy": image_figures.accuracy_curve(history, page.lang),
        "grid": image_figures.image_grid(extras["pictures"], predict(run.model, run_data.test_x[sample]),
                                         run_data.test_y[sample], names, page.lang),
        "confusion": image_figures.confusion_heatmap(confusion_matrix(predicted, targets, len(names)), names, page.lang),
    }
    if run.trainer.outcome is not None:
        wrong = mistakes(predicted, targets, GRID_IMAGES).to(run_data.device)
        if len(wrong):
            grid = image_figures.image_grid(denormalize(run_data.test_x[wrong], run_data), predicted[wrong.cpu()],
                                            targets[wrong.cpu()], names, page.lang)
            charts["mistakes"] = grid.update_layout(title=page.t("softmax.mistakes_title"))
    return charts


run = ui.train(variant, action, build, draw, lr=lr, epochs=epochs, code=[spec.build, supervised_step])
if run is not None:
    accuracy = (predictions_on_test_set(run) == run.extras["data"].test_y.cpu()).float().mean().item()
    st.markdown(page.t("softmax.result", n=len(run.extras["data"].test_y), accuracy=100 * accuracy)
                + (" " + page.t("softmax.lecture_result") if model_name == "course" else ""))
ui.weights_section(variant, build)


@st.fragment
def draw_a_digit():
    """Drawing reruns only this part of the page: the model reads each stroke as it is made."""
    from streamlit_drawable_canvas import st_canvas

    st.subheader(page.t("softmax.draw_title"))
    st.caption(page.t("softmax.draw_help"))
    left, middle, right = st.columns([2, 1, 3])
    with left:
        canvas = st_canvas(stroke_width=20, stroke_color="#FFFFFF", background_color="#000000", height=280, width=280,
                           drawing_mode="freedraw", key=f"{variant.key}:canvas", return_image_data=True)
    run = st.session_state.get(f"run:{variant.key}")
    if run is None:
        right.info(page.t("softmax.draw_train_first"))
        return
    run_data = run.extras["data"]
    image = None if canvas.image_data is None else drawing_to_image(canvas.image_data, run_data)
    if image is None:
        right.info(page.t("softmax.draw_empty"))
        return
    middle.image(denormalize(image, run_data)[0, 0].numpy(), caption=page.t("softmax.draw_seen"), width=140, clamp=True)
    names = class_names(run_data, page.lang)
    chances = probabilities(run.model, image.to(run_data.device))[0].cpu()
    best = int(chances.argmax())
    right.markdown(page.t("softmax.draw_reads", label=names[best], probability=chances[best].item()))
    right.plotly_chart(image_figures.class_probabilities(chances, names, page.lang), key=f"{variant.key}:chances",
                       width="stretch")


draw_a_digit()
