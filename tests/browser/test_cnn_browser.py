"""Lecture 10 in a real browser: open /cnn_basics first thing, train on 2,000 images, see the feature maps, Stop."""
import re

from playwright.sync_api import expect

from browsertools import ARTIFACTS, button, choose, wait_for_app


def test_cnn_trains_briefly_and_shows_its_feature_maps(server, page):
    page.goto(f"{server}/cnn_basics")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=re.compile("Lecture 10"))).to_be_visible()
    choose(page, "Training images", "the first 2,000")
    for slider, value in (("Epochs", "10"), ("Batch size", "64")):  # quick first clicks once reset these to their minimum
        expect(page.get_by_test_id("stSlider").filter(has_text=slider).get_by_role("slider")).to_have_attribute(
            "aria-valuetext", value)
    button(page, "Train", exact=True).click()
    charts = page.locator('[data-testid="stPlotlyChart"]')
    for layer in ("conv1: 10 × 24 × 24", "pooling 1: 10 × 12 × 12", "conv2: 20 × 8 × 8", "pooling 2: 20 × 4 × 4"):
        expect(charts.locator(".gtitle").filter(has_text=layer)).to_have_count(1)
    button(page, "Stop").click()
    page.get_by_text(re.compile(r"Stopped at epoch \d+ of 10|Finished 10 epochs")).wait_for()
    wait_for_app(page)
    expect(charts.locator(".gtitle").filter(has_text="First-layer kernels: 10 × 1 × 5 × 5")).to_have_count(1)
    expect(page.get_by_text("(64, 20, 4, 4)")).to_be_attached()  # the shapes table (drawn on a canvas)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    grid = charts.filter(has_text="conv2: 20 × 8 × 8")
    grid.scroll_into_view_if_needed()
    grid.screenshot(path=str(ARTIFACTS / "cnn_feature_maps_conv2.png"))
