"""The live run in a real browser: it trains while the page is used, pauses, resumes, replays, and ends with its tab."""
import re
import time

from playwright.sync_api import expect

from browsertools import ARTIFACTS, button, epoch_shown, wait_for_app, wait_for_epoch


def boundary_shown(tab) -> float:
    return float(re.search(r"Decision boundary: ([\d.]+) hours", tab.get_by_text("Decision boundary:").inner_text())
                 .group(1))


def test_lecture_6_is_visibly_in_progress_pauses_resumes_and_replays(server, page):
    page.goto(f"{server}/logistic_regression")
    wait_for_app(page)
    button(page, "Train", exact=True).click()
    time.sleep(2)
    first = wait_for_epoch(page, 0)
    assert first < 1000, "the default run must still be training 2 s after Train (the default pace)"
    page.screenshot(path=str(ARTIFACTS / "lecture6_in_progress.png"))
    button(page, "Pause").click()
    button(page, "Resume").wait_for()
    held = epoch_shown(page)
    time.sleep(3)
    assert epoch_shown(page) == held, "a paused run must not move"
    button(page, "Resume").click()
    wait_for_epoch(page, held)
    button(page, "Pause").wait_for()
    button(page, "Stop").click()
    page.get_by_text(re.compile(r"Stopped at epoch \d+ of 1000")).wait_for()
    wait_for_app(page)
    latest = boundary_shown(page)
    replay = page.get_by_test_id("stSlider").filter(has_text="Replay").get_by_role("slider")
    replay.focus()
    page.keyboard.press("Home")  # epoch 0: the untrained model
    expect(page.get_by_test_id("stSlider").filter(has_text="Replay")).to_contain_text("0")
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    deadline = time.monotonic() + 30
    while boundary_shown(page) == latest and time.monotonic() < deadline:
        time.sleep(0.2)
    assert boundary_shown(page) != latest, "the replay slider must move the sigmoid and its boundary"
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_closing_the_tab_ends_the_worker(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.goto(f"{server}/logistic_regression")
    wait_for_app(tab)
    assert server.workers() == 0
    button(tab, "Train", exact=True).click()
    wait_for_epoch(tab, 1)
    training = server.threads()
    assert server.workers() == 1
    context.close()
    deadline = time.monotonic() + 10
    while server.workers() and time.monotonic() < deadline:
        time.sleep(0.25)
    assert server.workers() == 0, "a worker outlived its closed tab"
    assert server.threads() < training  # the session's threads are gone with it
