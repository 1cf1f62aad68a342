"""Lecture 13: a GRU reads a surname character by character and names its language."""
import streamlit as st

from dlcore import ui
from dlcore.engine import figures
from dlcore.lectures.classifiers import figures as image_figures
from dlcore.lectures.rnn_basics import figures as sequence_figures
from dlcore.engine.data import data_dir
from dlcore.lectures.names.lecture import SETTINGS, build, names_tensors
from dlcore.lectures.names.model import NameClassifier, NamesDataMissing, majority_baseline, name_step, top_languages

page = ui.page_setup("names")
st.title(page.t("names.title"))


try:
    data = names_tensors(str(data_dir()), str(page.device))
except NamesDataMissing as error:
    st.error(page.t(error.key, **error.values))
    st.stop()

majority, baseline = majority_baseline(data)
ui.prose(page, page.t("names.intro", names=len(data.train) + len(data.test), languages=len(data.languages),
                      test=len(data.test), majority=majority, baseline=baseline), "present.about")
with ui.folded(page):
    values = ui.settings(page, SETTINGS)


def draw(frame):
    if frame is None:
        return {}
    charts = {"loss": figures.loss_curve(frame.history, page.lang),
              "accuracy": sequence_figures.accuracy_curve(frame.history.series("accuracy"), baseline, page.lang)}
    if frame.epoch:
        confusion = frame.extras["evaluation"].confusions[frame.epoch - 1]  # measured at the end of that epoch
        charts["confusion"] = image_figures.confusion_heatmap(confusion, data.languages, page.lang)
        last = frame.history.epochs[-1]
        charts["result"] = page.t("names.result", epoch=last["epoch"], accuracy=last["accuracy"])
    return charts


run = ui.live_run(page, values, build, draw, code=[NameClassifier, name_step],
                  compare={"loss": "loss", "accuracy": "accuracy"})
ui.weights_section(page, values, build)


@st.fragment
def try_a_name():
    """Typing reruns only this part of the page: the top three languages follow the name as it is typed."""
    st.subheader(page.t("names.try"))
    name = st.text_input(page.t("names.type_name"), key=f"{page.key}:name", live=True, help=page.t("names.type_help"),
                         placeholder="Nakamura")
    run = ui.state(page).run
    if run is None:
        st.info(page.t("names.train_first"))
        return
    if not name.strip():
        st.info(page.t("names.empty"))
        return
    ranked, unseen = top_languages(run.frame().model, data, name)  # a copy between two steps while it trains
    if unseen:
        st.warning(page.t("names.unseen", characters=" ".join(f"`{c}`" for c in unseen)))
    if not ranked:
        st.error(page.t("names.nothing_known"))
        return
    st.plotly_chart(sequence_figures.top_predictions(ranked, name.strip(), page.lang), key=f"{page.key}:top",
                    width="stretch")


try_a_name()
