"""Lecture 10 while it trains, in a real browser: the page stays usable, pauses, resumes, and survives a page switch."""
import re
import time

from playwright.sync_api import expect

from browsertools import ARTIFACTS, button, epoch_shown, wait_for_app, wait_for_epoch


def test_the_cnn_keeps_training_while_the_page_is_used_and_after_a_page_switch(server, page):
    page.goto(f"{server}/cnn_basics?train_size=10000&epochs=30")  # a minute or more, to use the page while it trains
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Training images")).to_match_aria_snapshot(
        '- combobox "Training images": the first 10,000')
    button(page, "Train", exact=True).click()
    first = wait_for_epoch(page, 0)

    image = page.get_by_test_id("stSlider").filter(has_text="Test image").get_by_role("slider")
    image.focus()
    page.keyboard.press("ArrowRight")  # another test image for the feature maps: the run goes on
    page.get_by_text(re.compile("Input image")).first.wait_for()
    after_slider = wait_for_epoch(page, first)
    page.get_by_test_id("stSidebar").get_by_text("简体中文").click()  # the language too
    button(page, "暂停").first.wait_for()
    after_language = wait_for_epoch(page, after_slider)
    expect(page.get_by_role("combobox", name="训练图像数量")).to_match_aria_snapshot(
        '- combobox "训练图像数量": 前 10,000 张')  # the chosen option in the new language too
    page.screenshot(path=str(ARTIFACTS / "cnn_training_zh.png"))

    button(page, "暂停").first.click()  # .first: a redraw may briefly hold the old controls beside the new
    button(page, "继续").first.wait_for()
    held = epoch_shown(page)
    assert held >= after_language
    time.sleep(3)
    assert epoch_shown(page) == held, "a paused run must not move"
    button(page, "继续").first.click()
    wait_for_epoch(page, held)

    page.get_by_test_id("stSidebar").get_by_role("link", name=re.compile("6 · ")).click()  # another page...
    page.get_by_role("heading", name=re.compile("第 6 讲")).wait_for()
    time.sleep(2)
    page.get_by_test_id("stSidebar").get_by_role("link", name=re.compile("10 · 卷积神经网络基础")).click()  # ...and back
    page.get_by_role("heading", name=re.compile("第 10 讲")).wait_for()
    back = wait_for_epoch(page, held)
    assert back > held, "the run went on while another page was shown"
    charts = page.locator('[data-testid="stPlotlyChart"]')
    expect(charts.first).to_be_visible()
    button(page, "停止").first.click()
    page.get_by_text(re.compile(r"在第 \d+/30 轮停止|完成 30 轮训练")).wait_for()  # a slow machine may get there
    expect(page.get_by_test_id("stException")).to_have_count(0)
