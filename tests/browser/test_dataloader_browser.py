"""Lecture 8 in a real browser: the comparison trains and its two charts show three curves each, per epoch and per
second of training."""
import re

from playwright.sync_api import expect

from browsertools import button, wait_for_app


def test_the_batch_size_comparison_draws_three_curves(server, page):
    page.goto(f"{server}/dataloader?epochs=5")
    wait_for_app(page)
    button(page, "Train", exact=True).click()
    page.get_by_text(re.compile(r"Finished 5 epochs")).wait_for(timeout=120_000)
    wait_for_app(page)
    for title in ("Loss per epoch", "Loss against seconds of training"):
        chart = page.get_by_test_id("stPlotlyChart").filter(has_text=title).first  # a redraw may show two a moment
        expect(chart.locator(".scatterlayer .trace")).to_have_count(3)
        for name in ("whole table (batch 759)", "mini-batches of 32", "one patient (batch 1)"):
            expect(chart.locator(".legendtext").filter(has_text=name)).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)
