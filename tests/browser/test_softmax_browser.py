"""Lecture 9 in a real browser: open /softmax first thing, train on the whole of MNIST, watch the charts, Stop; its
link to Draw a digit, where the model it trained reads a drawing."""
import re

from playwright.sync_api import expect

from browsertools import button, wait_for_app
from strokes import draw_digit


def test_softmax_trains_live_and_stops(server, page):
    page.goto(f"{server}/softmax")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=re.compile("Lecture 9"))).to_be_visible()
    expect(page.get_by_text(re.compile("60,000 training and 10,000 test images"))).to_be_visible()
    button(page, "Train", exact=True).click()
    charts = page.locator('[data-testid="stPlotlyChart"]')
    grid = charts.filter(has_text="Test images").first  # a redraw may briefly show the old chart beside the new
    grid.wait_for()
    expect(grid.locator("image")).to_have_count(1)  # the 16 test images, drawn as one picture
    expect(grid.get_by_text(re.compile("^[✓✗] \\d"))).to_have_count(16)
    expect(charts.filter(has_text="Confusion matrix").first).to_be_visible()
    page.get_by_text(re.compile(r"Epoch 1/10 · loss \d")).wait_for()  # some batches are done
    button(page, "Stop").click()
    page.get_by_text(re.compile(r"Stopped at epoch \d+ of 10")).wait_for()
    wait_for_app(page)
    titles = charts.locator(".gtitle")
    expect(titles).to_have_text(["Loss per epoch", "Accuracy per epoch", re.compile("^Test images"),
                                 re.compile("^Confusion matrix"), "Some mistakes of the trained model"])
    expect(page.get_by_text(re.compile("Test accuracy on all 10,000 test images"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    # the page's link opens Draw a digit, where the model it trained reads a "1" drawn with the mouse
    page.get_by_role("link", name=re.compile("Draw a digit for this model")).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stSelectbox").filter(has_text="The model that reads it")).to_match_aria_snapshot(
        "- combobox \"The model that reads it\": Lecture 9 · The course's MLP 784-512-256-128-64-10 (ReLU)")
    draw_digit(page, page.locator("canvas.upper-canvas"), 1)
    expect(page.get_by_text(re.compile(r"It reads \S+ · \d+% sure"))).to_be_visible()
    expect(charts.locator(".gtitle").filter(has_text="Class probabilities")).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)
