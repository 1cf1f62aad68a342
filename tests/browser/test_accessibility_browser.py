"""WCAG 2.1 AA in Chromium: axe-core on every page (each in one theme and language, the four turns taking
turns) and on pages after Train, and the live run worked from the keyboard.  The whole sweep, every page in every
theme and language, idle and after Train: scripts/axe_sweep.py."""
import re
import time

from a11y import PAGES, axe_violations, count_by_rule, describe, open_page, train_briefly
from browsertools import button, epoch_shown, wait_for_app, wait_for_epoch
from playwright.sync_api import expect

TURNS = [("light", "en"), ("dark", "zh"), ("dark", "en"), ("light", "zh")]
TRAINED = [("logistic_regression", "dark", "zh"), ("linear_model", "light", "en")]
DOCUMENT_LANG = {"en": "en", "zh": "zh-CN"}

FOCUSED = """() => {
  const focus = document.activeElement;
  const slider = focus.closest('[data-testid="stSlider"]');
  const name = slider ? slider.querySelector('[data-testid="stWidgetLabel"]').innerText : focus.innerText;
  const box = focus.getBoundingClientRect(), style = getComputedStyle(focus);
  return {name: name.trim().split("\\n")[0], x: box.x, y: box.y, outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth)};
}"""


def test_no_page_has_a_serious_or_critical_axe_violation(server, browser):
    tabs = {theme: browser.new_context(viewport={"width": 1280, "height": 720}, color_scheme=theme).new_page()
            for theme in ("light", "dark")}
    found = {}
    for number, page in enumerate(PAGES):
        theme, lang = TURNS[number % len(TURNS)]
        open_page(tabs[theme], server, page, lang)
        assert tabs[theme].evaluate("document.documentElement.lang") == DOCUMENT_LANG[lang]
        violations = axe_violations(tabs[theme])
        if count_by_rule(violations):
            found[f"{page or 'home'} ({theme}, {lang})"] = describe(violations)
    for page, theme, lang in TRAINED:
        open_page(tabs[theme], server, page, lang)
        assert train_briefly(tabs[theme], lang)
        violations = axe_violations(tabs[theme])
        if count_by_rule(violations):
            found[f"{page} after Train ({theme}, {lang})"] = describe(violations)
    for tab in tabs.values():
        tab.context.close()
    assert not found, "\n".join(f"{where}:\n{what}" for where, what in found.items())


def focused(tab) -> dict:
    return tab.evaluate(FOCUSED)


def tab_to(tab, name: str, presses: int = 80) -> list[dict]:
    """Press Tab until the control named `name` has the focus; every control visited on the way."""
    visited = []
    for _ in range(presses):
        tab.keyboard.press("Tab")
        visited.append(focused(tab))
        if visited[-1]["name"].startswith(name):
            return visited
    raise AssertionError(f"Tab never reached {name!r}: {[control['name'] for control in visited]}")


def test_the_live_run_is_worked_from_the_keyboard_in_reading_order(server, page):
    page.goto(f"{server}/logistic_regression")
    wait_for_app(page)
    button(page, "Train", exact=True).wait_for(timeout=60_000)  # a cold server draws the sidebar first
    tab_to(page, "Train")
    page.keyboard.press("Enter")
    wait_for_epoch(page, 0)
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("Space")  # the shortcut: pause
    button(page, "Resume").wait_for()
    wait_for_app(page)
    held = epoch_shown(page)
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("ArrowRight")  # the shortcut: one epoch more
    expect(page.get_by_test_id("stProgress").first).to_contain_text(f"Epoch {held + 1}/1000")
    expect(button(page, "Resume")).to_be_enabled()  # the step is done: paused again
    wait_for_app(page)
    time.sleep(1)
    assert epoch_shown(page) == held + 1

    button(page, "Train", exact=True).focus()
    controls = ["Resume", "Step epoch", "Step batch", "Stop", "Reset", "Speed", "Replay"]
    visited = [focused(page)] + tab_to(page, "Replay")
    order = [control for number, control in enumerate(visited)  # a slider's help icon is a stop of its own
             if any(control["name"].startswith(name) for name in ["Train"] + controls)
             and (number == 0 or control["name"] != visited[number - 1]["name"])]
    assert [control["name"].split(":")[0] for control in order] == ["Train"] + controls, visited
    for before, after in zip(order, order[1:]):  # read left to right, then the next row down
        assert after["y"] > before["y"] + 5 or (abs(after["y"] - before["y"]) <= 5 and after["x"] > before["x"])
    assert all(control["outline"] == "solid" and control["width"] >= 2 for control in order), order

    page.keyboard.press("Home")  # the replay slider has the focus: epoch 0, the untrained model
    expect(page.get_by_test_id("stSlider").filter(has_text="Replay")).to_contain_text("0")
    wait_for_app(page)
    speed = page.get_by_test_id("stSlider").filter(has_text="Speed")
    before = speed.inner_text()
    speed.locator("input, [role=slider]").first.focus()
    page.keyboard.press("ArrowLeft")
    expect(speed).not_to_have_text(before)
    wait_for_app(page)
    resume = button(page, "Resume")
    resume.focus()
    page.keyboard.press("Enter")
    pause = button(page, "Pause")
    pause.wait_for()
    pause.focus()
    page.keyboard.press("Space")  # on a focused button, space presses it
    button(page, "Resume").wait_for()
    wait_for_app(page)
    button(page, "Stop", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_text(re.compile(r"Stopped at epoch \d+ of 1000")).wait_for()
    wait_for_app(page)
    told = page.locator('[role="status"][aria-live="polite"] .chart-summary')  # each chart's sentence, announced
    expect(told).to_have_count(2)
    expect(told.first).to_contain_text(re.compile(r"^Loss per epoch: \d+ epochs, from "))
    button(page, "Reset", exact=True).focus()
    page.keyboard.press("Space")  # space on the focused Reset resets: it is not taken by the pause shortcut
    page.get_by_text("Set the hyper-parameters and click").wait_for()
    expect(page.get_by_test_id("stException")).to_have_count(0)
