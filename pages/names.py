"""Lecture 13: a GRU reads a surname character by character and names its language."""
import streamlit as st
import torch

from dlcore import figures, image_figures, sequence_figures, ui
from dlcore.data import data_dir
from dlcore.names import (DEFAULTS, NameClassifier, NamesDataMissing, load_names_data, majority_baseline, name_step,
                          names_trainer, top_languages)

page = ui.page_setup("names")
st.title(page.t("names.title"))


@ui.cached_resource
def names_tensors(folder: str, device: str):
    """The names as padded index tensors on the device, made once per data folder and device."""
    return load_names_data(folder).to(device)


try:
    data = names_tensors(str(data_dir()), str(page.device))
except NamesDataMissing as error:
    st.error(page.t(error.key, **error.values))
    st.stop()

majority, baseline = majority_baseline(data)
st.markdown(page.t("names.intro", names=len(data.train) + len(data.test), languages=len(data.languages),
                   test=len(data.test), majority=majority, baseline=baseline))

left, middle, right = st.columns(3)
hidden_size = ui.kept(left.slider, page.t("names.hidden_size"), f"{page.key}:hidden", DEFAULTS["hidden_size"],
                      min_value=8, max_value=256, step=8)
num_layers = ui.kept(middle.slider, page.t("names.layers"), f"{page.key}:layers", DEFAULTS["num_layers"],
                     min_value=1, max_value=3)
bidirectional = ui.kept(right.checkbox, page.t("names.bidirectional"), f"{page.key}:bidirectional",
                        DEFAULTS["bidirectional"])
batch_size = ui.choice(page, "names.batch_size", "batch_size", [32, 64, 128, 256, 512], DEFAULTS["batch_size"])
lr = ui.lr_control(page, default=DEFAULTS["lr"])
epochs = ui.epochs_control(page, default=DEFAULTS["epochs"], maximum=50)
action = ui.train_buttons(page)


def build():
    torch.manual_seed(page.seed)
    shuffle = torch.Generator().manual_seed(page.seed)
    trainer, model, evaluation = names_trainer(data, hidden_size=hidden_size, num_layers=num_layers,
                                               bidirectional=bidirectional, lr=lr, epochs=epochs,
                                               batch_size=batch_size, generator=shuffle)
    return ui.Run(trainer, model=model, extras={"evaluation": evaluation}, device=str(page.device))


def draw(run):
    charts = {}
    if run is not None:
        charts["loss"] = figures.loss_curve(run.trainer.history, page.lang)
        accuracies = run.trainer.history.series("accuracy")
        charts["accuracy"] = sequence_figures.accuracy_curve(accuracies, baseline, page.lang)
        confusion = run.extras["evaluation"].confusion
        if confusion is not None:
            charts["confusion"] = image_figures.confusion_heatmap(confusion, data.languages, page.lang)
    return charts


run = ui.train(page, action, build, draw, lr=lr, epochs=epochs, code=[NameClassifier, name_step])
if run is not None and run.trainer.history.epochs:
    last = run.trainer.history.epochs[-1]
    st.markdown(page.t("names.result", epoch=last["epoch"], accuracy=last["accuracy"]))
ui.weights_section(page, build)


@st.fragment
def try_a_name():
    """Typing reruns only this part of the page: the top three languages follow the name as it is typed."""
    st.subheader(page.t("names.try"))
    name = st.text_input(page.t("names.type_name"), key=f"{page.key}:name", live=True, help=page.t("names.type_help"),
                         placeholder="Nakamura")
    run = st.session_state.get(f"run:{page.key}")
    if run is None:
        st.info(page.t("names.train_first"))
        return
    if not name.strip():
        st.info(page.t("names.empty"))
        return
    ranked, unseen = top_languages(run.model, data, name)
    if unseen:
        st.warning(page.t("names.unseen", characters=" ".join(f"`{c}`" for c in unseen)))
    if not ranked:
        st.error(page.t("names.nothing_known"))
        return
    st.plotly_chart(sequence_figures.top_predictions(ranked, name.strip(), page.lang), key=f"{page.key}:top",
                    width="stretch")


try_a_name()
