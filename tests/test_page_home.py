"""The home page as a course map: the course's parts, a picture of each lecture's live chart, a student's path, and
quick links that open prepared demos."""
import pytest

from dlcore.lectures import DEMOS, GROUPS, LECTURES, START_HERE
from dlcore.text import translate
from pagetools import texts


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_shows_the_course_in_its_parts_with_the_path_and_the_demos(app, lang):
    at = app(lang=lang)
    headers = [header.value for header in at.header]
    assert headers == [translate(f"app.group.{group}", lang) for group in GROUPS]
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    for step, key in enumerate(START_HERE, start=1):
        assert f"{step}. {translate(f'lecture.{key}', lang)}" in links
        assert translate(f"app.path.{key}", lang) in texts(at)
    for demo in DEMOS:
        assert translate(f"app.demo.{demo.key}", lang) in links
    assert len(at.get("image")) == sum(lecture.built for lecture in LECTURES)  # a picture on every built lecture's card
    subheaders = " ".join(subheader.value for subheader in at.subheader)
    assert translate("app.start_here", lang) in subheaders and translate("app.quick_links", lang) in subheaders
    assert translate("app.start_here_about", lang) in texts(at)


def test_every_built_lecture_has_a_small_preview_picture():
    from PIL import Image

    for lecture in LECTURES:
        if lecture.built:
            assert lecture.preview.exists(), f"run scripts/previews.py: {lecture.preview} is missing"
            picture = Image.open(lecture.preview)
            assert picture.width == 360 and lecture.preview.stat().st_size < 60_000


@pytest.mark.parametrize("demo", DEMOS, ids=[demo.key for demo in DEMOS])
def test_every_quick_link_opens_its_page_set_up_as_the_demo_says(app, demo):
    at = app()
    at.switch_page(demo.page)
    at.query_params.update(demo.settings)  # without autorun: the setup is what is checked here
    at.run()
    assert not at.exception and not at.warning, [warning.value for warning in at.warning]  # nothing ignored
    assert dict(at.query_params) == demo.settings  # every value was taken by a widget and written back
    assert "autorun" in demo.query and demo.query["autorun"] == "1"
