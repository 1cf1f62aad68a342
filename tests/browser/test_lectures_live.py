"""Lectures 2-6 in a real browser against `streamlit run`: each page opened by URL first thing after start-up."""
import re

import pytest
from playwright.sync_api import expect

from browsertools import button, choose, stop_unless_ended, wait_for_app

PAGES = {
    "linear_model": "Lectures 2–3",
    "backprop": "Lecture 4",
    "linear_regression": "Lecture 5",
    "logistic_regression": "Lecture 6",
}


@pytest.mark.parametrize("path, heading", PAGES.items())
def test_page_opened_by_url_has_the_sidebar_and_trains_live(server, page, path, heading):
    page.goto(f"{server}/{path}")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    for label in ("Device", "Random seed", "English", "简体中文"):
        expect(sidebar.get_by_text(label, exact=True).first).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(heading))).to_be_visible()
    assert page.url == f"{server}/{path}"
    menu = sidebar.get_by_role("link")  # the lectures in course order, not the files of pages/
    expect(menu.filter(has_text="4 · Back-propagation with autograd")).to_be_visible()
    expect(menu.filter(has_text="13 · Name → language with a GRU")).to_be_visible()
    expect(sidebar.get_by_text(path.replace("_", " "), exact=True)).to_have_count(0)
    button(page, "Train", exact=True).click()
    page.get_by_text("Loss per epoch").first.wait_for()
    stop_unless_ended(page)  # lecture 5's 100 epochs may be over already
    wait_for_app(page)
    page.get_by_text(re.compile("Finished|Stopped")).first.wait_for()
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_stop_keeps_the_model_and_curves_of_a_long_run(server, page):
    """LBFGS for 2000 epochs runs for tens of seconds: long enough to stop it half-way."""
    page.goto(f"{server}/linear_regression")
    wait_for_app(page)
    choose(page, "Optimizer", "LBFGS")
    expect(page.get_by_text("LBFGS evaluates the loss several times")).to_be_visible()
    page.get_by_test_id("stSlider").filter(has_text="Epochs").get_by_role("slider").focus()
    page.keyboard.press("End")  # 2000 epochs
    wait_for_app(page)
    page.get_by_test_id("stSlider").filter(has_text="Speed").get_by_role("slider").focus()
    page.keyboard.press("Home")  # as fast as possible
    wait_for_app(page)
    button(page, "Train", exact=True).click()
    page.get_by_text("The data and the fitted line").first.wait_for()
    button(page, "Stop").click()
    page.get_by_text(re.compile(r"Stopped at epoch \d+ of 2000")).wait_for()
    expect(page.get_by_text(re.compile("Learned: w = "))).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(3)
    page.get_by_label("More epochs").fill("50")
    page.keyboard.press("Enter")
    button(page, "Train 50 more epochs").click()  # continues the stopped run
    page.get_by_text(re.compile(r"Finished \d+ epochs")).wait_for()


def test_home_links_to_a_lecture_and_the_language_switch_translates_it(server, page):
    page.goto(server)
    wait_for_app(page)
    expect(page.get_by_text("Live Deep-Learning Classroom").first).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_text("简体中文").click()
    page.get_by_text("深度学习实时课堂").first.wait_for()
    page.get_by_role("link", name="打开").first.click()
    page.get_by_role("heading", name=re.compile("第 2–3 讲")).wait_for()
    button(page, "训练", exact=True).click()
    page.get_by_text(re.compile("完成 100 轮训练")).wait_for()
