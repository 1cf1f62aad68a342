"""The projector view at 1280×720: on every training page, after Train, the controls, the progress bar and the
first chart are inside the window without scrolling.  Screenshots: test-artifacts/projector-<page>-<lang>.png."""
import pytest
from browsertools import ARTIFACTS, button, stop_unless_ended, wait_for_app
from playwright.sync_api import expect

TRAINING_PAGES = ["linear_model", "backprop", "linear_regression", "logistic_regression", "multiple_input",
                  "dataloader", "own_table", "softmax", "generalisation", "playground", "cnn_basics", "advanced_cnns",
                  "rnn_basics", "names", "transfer"]
WIDTH, HEIGHT = 1280, 720


FIRST_CHART = """() => {
    for (const chart of document.querySelectorAll('[data-testid="stMain"] [data-testid="stPlotlyChart"]')) {
        const box = chart.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) return {x: box.x, y: box.y, width: box.width, height: box.height};
    }
    return null;
}"""
"""The first chart drawn on the page, found and measured in one step: a live chart is redrawn a few times a second,
and an element found by one call can be replaced before the next measures it."""


def box_of(element, tab):
    """The box of a locator, or of the first chart (element None); None when there is none for 10 s."""
    for _ in range(100):
        box = tab.evaluate(FIRST_CHART) if element is None else element.bounding_box()
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
        try:
            train, progress = start_training(tab, f"{server}/{name}?present=1&lang={lang}", lang)
        except AssertionError:  # once in CI a page showed no chart for a minute (never reproduced: 2.3 s each time)
            tab.screenshot(path=str(ARTIFACTS / f"projector-{name}-{lang}-stalled.png"))
            print(f"{name} ({lang}): no chart a minute after Train; opened again")
            train, progress = start_training(tab, f"{server}/{name}?present=1&lang={lang}", lang)
        tab.wait_for_timeout(1500)  # a few redraws
        tab.screenshot(path=str(ARTIFACTS / f"projector-{name}-{lang}.png"))
        check(tab, f"{name} training", [progress, None, train], misfits)
        stop_unless_ended(tab, "Stop" if lang == "en" else "停止")
        tab.locator("[data-testid=stAlert]:visible").first.wait_for()  # stopped, or finished (a folded one does not count)
        wait_for_app(tab)
        check(tab, f"{name} ended", [progress, None, train], misfits)
    tab.screenshot(path=str(ARTIFACTS / f"projector-ended-{lang}.png"))
    assert not misfits, misfits


def start_training(tab, url: str, lang: str):
    """Open the page, click Train, wait for the progress bar and a chart; the Train button and the progress bar."""
    tab.goto(url)
    wait_for_app(tab)
    train = button(tab, "Train" if lang == "en" else "训练", exact=True).first
    train.click()
    progress = tab.get_by_test_id("stProgress").first
    expect(progress).to_be_visible()
    expect(tab.locator("[data-testid=stPlotlyChart]:visible").first).to_be_visible()  # a redraw may leave an empty old one
    return train, progress


def check(tab, moment: str, elements, misfits: dict) -> None:
    """Note the elements outside the window (None: the first chart), or a scrolled page, at this moment."""
    scrolled = tab.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollTop || 0")
    boxes = [box_of(element, tab) for element in elements]
    if scrolled or not all(inside_window(box) for box in boxes):
        misfits[moment] = (scrolled, boxes)
