"""Pages for keyboard and screen-reader users, in AppTest: every chart of the live run is told in a sentence and
shown as a table on request, the sentence changes at most every few seconds while a run trains, the document says
its language, and the live run's shortcuts (space, →) are on its buttons and in their help."""
import html
import re

from pagetools import plotly_specs, run_of, train
from plotly import graph_objects as go

from dlcore.engine import chart_text
from dlcore.ui.a11y import ANNOUNCE_SECONDS, announced
from test_pages_lectures_2_to_6 import open_fast


def sentences(at) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", element.proto.body)).strip() for element in at.get("html")
            if element.proto.body.startswith('<p class="chart-summary"')]


def figure_of(spec: dict) -> go.Figure:
    return go.Figure(spec, skip_invalid=True)


def test_every_chart_of_a_trained_run_is_told_in_a_sentence_in_each_language(app):
    for lang, ending in (("en", "levelled off."), ("zh", "已趋于平稳。")):
        at = train(open_fast(app, "pages/linear_model.py", lang), "linear_model")
        specs, told = plotly_specs(at), sentences(at)
        assert len(told) == len(specs) >= 2
        for spec, sentence in zip(specs, told):
            assert sentence == chart_text.summary(figure_of(spec), lang)
        loss = next(sentence for sentence in told if sentence.startswith(("Loss per epoch", "每轮损失")))
        assert loss.endswith(ending), loss
        assert re.search(r"(100 epochs|100 轮)", loss), loss


def test_show_as_table_gives_the_numbers_behind_the_chart(app):
    at = train(open_fast(app, "pages/linear_model.py"), "linear_model")
    assert not at.dataframe
    at.toggle(key="linear_model:as_table:loss").set_value(True).run()
    shown = at.dataframe[0].value
    loss = next(spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"] == "Loss per epoch")
    assert shown["Loss"].tolist() == loss["data"][-1]["y"]
    assert len(shown) == len(run_of(at, "linear_model").trainer.history.epochs)


def test_a_sentence_changes_at_most_every_few_seconds_while_a_run_trains():
    first = announced(None, "Loss per epoch: 1 epochs, from 2.30 to 2.30.", ANNOUNCE_SECONDS, now=100.0)
    assert first == ("Loss per epoch: 1 epochs, from 2.30 to 2.30.", 100.0)
    soon = announced(first, "Loss per epoch: 5 epochs, from 2.30 to 1.10, still falling.", ANNOUNCE_SECONDS, 102.0)
    assert soon == first  # too soon: the region keeps its sentence, a screen reader hears nothing new
    later = announced(soon, "Loss per epoch: 9 epochs, from 2.30 to 0.40, still falling.", ANNOUNCE_SECONDS, 105.5)
    assert later == ("Loss per epoch: 9 epochs, from 2.30 to 0.40, still falling.", 105.5)
    assert announced(later, later[0], ANNOUNCE_SECONDS, 200.0) == later  # the same sentence is not said again
    assert announced(later, "ended", 0.0, 105.6) == ("ended", 105.6)  # a run that is not training: at once


def test_the_document_says_its_language(app):
    for lang, code in (("en", '"en"'), ("zh", '"zh-CN"')):
        at = app("pages/logistic_regression.py", lang=lang)
        scripts = [element.proto.body for element in at.get("html") if "documentElement.lang" in element.proto.body]
        assert len(scripts) == 1 and f"documentElement.lang = {code}" in scripts[0]


def test_space_pauses_and_right_steps_and_their_help_says_so(app):
    for lang in ("en", "zh"):
        at = app("pages/logistic_regression.py", lang=lang)
        pause, step = at.button(key="logistic_regression:pause"), at.button(key="logistic_regression:step")
        assert (pause.proto.shortcut, step.proto.shortcut) == ("space", "right")
        assert ("Space" in pause.help or "空格" in pause.help) and "→" in step.help
        others = [button for button in at.button if button.key not in ("logistic_regression:pause", "logistic_regression:step")]
        assert not any(button.proto.shortcut for button in others)


def test_a_page_with_two_runs_gives_the_keys_to_its_first(app):
    at = app("pages/advanced_cnns.py")
    pauses = [button for button in at.button if button.key.endswith(":pause")]
    assert len(pauses) == 2
    assert [bool(button.proto.shortcut) for button in pauses] == [True, False]
