"""The home page as a course map: the course's parts, a picture of each lecture's live chart, a student's path, and
quick links that open prepared demos (each checked here: its settings are the page's own, and it shows what its
text says)."""
import re
from urllib.parse import parse_qs

import pytest

from dlcore.lectures import PARTS, PREVIEW_SIZE, Lecture, demos, lectures, student_path
from dlcore.text import LANGUAGES, translate
from dlcore.ui.state import runs
from pagetools import run_of, texts, wait_for_run

LECTURES = lectures()
BUILT = [lecture for lecture in LECTURES if lecture.built]
DEMOS = demos()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_shows_the_course_in_its_parts_with_every_lecture(app, lang):
    at = app(lang=lang)
    assert [header.value for header in at.header] == [translate(f"app.group.{part}", lang) for part in PARTS]
    shown = texts(at)
    for lecture in LECTURES:
        assert f"{lecture.icon} {translate(f'lecture.{lecture.key}', lang)}" in shown
        assert translate(f"lecture.{lecture.key}.about", lang) in shown
        assert translate("app.lecture_n", lang, n=lecture.number) in shown
    assert shown.count(translate("app.coming_soon", lang)) == len(LECTURES) - len(BUILT) == 0
    opens = [link.proto.page for link in at.get("page_link") if link.proto.label == translate("app.open", lang)]
    assert opens == [lecture.page.removeprefix("pages/").removesuffix(".py") for lecture in BUILT]
    assert len(at.get("image")) == len(LECTURES)  # a picture on every card (a grey one on those still to come)


def test_the_course_groups_are_the_curriculums_in_its_order():
    assert [lecture.part for lecture in LECTURES] == sorted((lecture.part for lecture in LECTURES), key=PARTS.index)
    # the curriculum's parts: lectures 2–4, 5–9, 10–11, 12–13; a page that spans lectures ("6–9") goes with its last
    within = {"basics": range(2, 5), "pytorch": range(5, 10), "cnn": range(10, 12), "rnn": range(12, 14)}
    assert all(int(lecture.number.split("–")[-1]) in within[lecture.part] for lecture in LECTURES)
    assert {part for part in PARTS if any(lecture.part == part for lecture in LECTURES)} == set(within)
    assert all(lecture.built for lecture in LECTURES)  # no lecture is "coming soon" any more


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_shows_the_students_path_and_the_lecturers_quick_links(app, lang):
    at = app(lang=lang)
    subheaders = " ".join(subheader.value for subheader in at.subheader)
    assert translate("app.start_here", lang) in subheaders and translate("app.quick_links", lang) in subheaders
    assert translate("app.start_here_about", lang) in texts(at) and translate("app.quick_links_about", lang) in texts(at)
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    for step, lecture in enumerate(student_path(), start=1):
        assert links[f"{step}. {translate(f'lecture.{lecture.key}', lang)}"].page == lecture.key
        assert translate(f"app.path.{lecture.key}", lang) in texts(at)
    for demo in DEMOS:
        link = links[translate(f"app.demo.{demo.key}", lang)]
        assert link.help == translate(f"app.demo.{demo.key}.help", lang)
        assert {name: values[0] for name, values in parse_qs(link.query_string).items()} == demo.query


def test_the_students_path_goes_through_built_lectures_in_course_order():
    path = student_path()
    assert [lecture.key for lecture in path] == [lecture.key for lecture in LECTURES if lecture in path]
    assert [lecture.path_step for lecture in path] == list(range(1, len(path) + 1))
    assert all(lecture.built for lecture in path)


@pytest.mark.parametrize("lecture", BUILT, ids=[lecture.key for lecture in BUILT])
def test_every_built_lecture_has_a_small_preview_picture_in_each_language(lecture):
    from PIL import Image

    for lang in LANGUAGES:
        path = lecture.preview_file(lang)
        assert path.exists(), f"run scripts/previews.py {lecture.key}: {path} is missing"
        assert Image.open(path).size == PREVIEW_SIZE and path.stat().st_size < 40_000


def test_a_missing_picture_leaves_a_grey_one_in_its_place(app, monkeypatch, tmp_path):
    monkeypatch.setattr(Lecture, "preview_file", lambda lecture, lang="en": tmp_path / f"{lecture.key}.png")
    at = app(lang="zh")
    assert not at.exception and len(at.get("image")) == len(LECTURES)
    assert translate("lecture.names.about", "zh") in texts(at)


@pytest.mark.parametrize("demo", DEMOS, ids=[demo.key for demo in DEMOS])
def test_every_quick_link_opens_a_built_page_with_its_own_settings(app, demo):
    assert demo.page in [lecture.page for lecture in BUILT]
    at = app()
    at.switch_page(demo.page)
    at.query_params.update(demo.settings)  # without autorun: the setup is what is checked here
    at.run()
    assert not at.exception and not at.warning, [warning.value for warning in at.warning]  # nothing ignored:
    assert dict(at.query_params) == demo.settings  # every name is a setting the page declares, every value valid
    assert demo.query == {**demo.settings, "autorun": "1"}


def shown_number(at, label: str) -> float:
    return float(re.search(re.escape(label) + r"[^\d-]*(-?[\d.]+)", texts(at)).group(1))


@pytest.mark.parametrize("demo", DEMOS, ids=[demo.key for demo in DEMOS])
def test_every_quick_link_trains_at_once_and_shows_what_its_help_says(app, demo, monkeypatch):
    monkeypatch.setenv("DL_CLASSROOM_THREADS", "2")  # no browser here to leave a core to
    at = app()
    at.switch_page(demo.page)
    at.query_params.update(demo.query)
    at.run()
    [key] = runs(at.session_state)  # the one run the link started
    wait_for_run(at, key, timeout=600)
    run = run_of(at, key)
    losses = run.trainer.history.series("loss")
    if demo.key == "diverge":
        assert run.trainer.outcome.kind == "diverged" and run.trainer.outcome.epoch == 13
        return
    assert run.trainer.outcome.kind == "finished"
    if demo.key == "lbfgs":
        assert losses[0] > 70 and losses[1] < 0.01  # from 74 to almost 0 in the first epoch
        assert shown_number(at, "Prediction for x = 4:") == pytest.approx(8.0, abs=0.01)
    elif demo.key == "sigmoid_stuck":
        assert all(loss == pytest.approx(41, abs=1) for loss in losses[2:])  # stuck from the third epoch on
        assert shown_number(at, "Decision boundary:") == pytest.approx(-1.1, abs=0.1)
    elif demo.key == "mnist_epoch":
        assert 87 <= shown_number(at, "Test accuracy on all 10,000 test images:") <= 93
    elif demo.key == "feature_maps":
        assert shown_number(at, "Test accuracy on all 10,000 test images:") >= 93
        assert at.session_state["present"] is True
    elif demo.key == "overfit":
        last = run.trainer.history.epochs[-1]
        assert last["train_loss"] < 5 and last["test_loss"] > 1000 * last["train_loss"]
        assert "**Over-fitting**" in texts(at)
    elif demo.key == "spiral":
        assert shown_number(at, "Test accuracy") > 90
    elif demo.key == "adam_valley":
        walk = run.extras["walk"]  # the help's distances from (1, 1) after 300 steps: Adam 0.7, SGD 2.3
        assert walk.surface.distance(walk.paths["adam"][-1]) < 0.75 < 2.2 < walk.surface.distance(walk.paths["sgd"][-1])
    elif demo.key == "gru":
        assert "**ohlol**" in texts(at) and "epoch 10" in texts(at)
