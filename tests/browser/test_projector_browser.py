"""The projector view at 1280×720: on every training page, after Train, the controls, the progress bar and the
first chart are inside the window without scrolling.  Screenshots: test-artifacts/projector-<page>-<lang>.png."""
import pytest
from browsertools import ARTIFACTS, button, wait_for_app
from playwright.sync_api import expect

TRAINING_PAGES = ["linear_model", "backprop", "linear_regression", "logistic_regression", "softmax", "cnn_basics",
                  "advanced_cnns", "rnn_basics", "names"]
WIDTH, HEIGHT = 1280, 720


def box_of(element, tab):
    """The element's box; a live chart is redrawn a few times a second, so look again when it was being replaced."""
    for _ in range(20):
        box = element.bounding_box()
        if box is not None:
            return box
        tab.wait_for_timeout(100)
    return None


def inside_window(box) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT and box["x"] + box["width"] <= WIDTH


@pytest.fixture
def projector(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_training_page_fits_the_projector(server, projector, lang):
    tab, misfits = projector, {}
    for name in TRAINING_PAGES:
        tab.goto(f"{server}/{name}?present=1&lang={lang}")
        wait_for_app(tab)
        train = button(tab, "Train" if lang == "en" else "训练", exact=True).first
        train.click()
        progress = tab.get_by_test_id("stProgress").first
        chart = tab.get_by_test_id("stPlotlyChart").first
        expect(progress).to_be_visible()
        expect(chart).to_be_visible()
        tab.wait_for_timeout(1500)  # a few redraws
        tab.screenshot(path=str(ARTIFACTS / f"projector-{name}-{lang}.png"))
        check(tab, f"{name} training", [progress, chart, train], misfits)
        stop = button(tab, "Stop" if lang == "en" else "停止", exact=True).first
        if stop.is_enabled():
            stop.click()
        tab.get_by_test_id("stAlert").first.wait_for()  # stopped, or finished: Train more, replay, download appear
        wait_for_app(tab)
        check(tab, f"{name} ended", [progress, chart, train], misfits)
    tab.screenshot(path=str(ARTIFACTS / f"projector-ended-{lang}.png"))
    assert not misfits, misfits


def check(tab, moment: str, elements, misfits: dict) -> None:
    """Note the elements outside the window, or a scrolled page, at this moment."""
    scrolled = tab.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollTop || 0")
    boxes = [box_of(element, tab) for element in elements]
    if scrolled or not all(inside_window(box) for box in boxes):
        misfits[moment] = (scrolled, boxes)
