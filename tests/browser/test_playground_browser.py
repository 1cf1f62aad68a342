"""The playground in a real browser: a link opens its whole setup; it trains with the decision regions changing
between two moments, holds still when paused, and the plane shows the network's answers beside the loss."""
import time

from playwright.sync_api import expect

from browsertools import ARTIFACTS, button, epoch_shown, wait_for_app, wait_for_epoch

REGIONS = "What the network answers over the plane"


def regions_now(tab) -> str:
    """What the decision-region heatmap shows now: Plotly draws a heatmap as one picture (a data: URL)."""
    chart = tab.get_by_test_id("stPlotlyChart").filter(has_text=REGIONS).first
    return chart.locator("g.hm image").first.get_attribute("href")


def test_a_link_sets_the_playground_up_and_the_regions_move_while_it_trains(server, page):
    page.goto(f"{server}/playground?dataset=moons&noise=0.1&hidden=8,%208&optimizer=Adam&lr=0.003&epochs=3000")
    wait_for_app(page)
    expect(page.get_by_test_id("stSelectbox").filter(has_text="Data set")).to_match_aria_snapshot(
        '- combobox "Data set": Two moons')
    expect(page.get_by_label("Hidden layers (units each, comma-separated)")).to_have_value("8, 8")
    expect(page.get_by_text("2 inputs → 8 → 8 → 2 classes · 114 weights and biases")).to_be_visible()
    button(page, "Train", exact=True).click()
    wait_for_epoch(page, 3)
    page.get_by_test_id("stPlotlyChart").filter(has_text=REGIONS).first.wait_for()
    earlier = regions_now(page)
    shown = wait_for_epoch(page, epoch_shown(page) + 5)
    deadline = time.monotonic() + 30
    while regions_now(page) == earlier and time.monotonic() < deadline:
        time.sleep(0.25)
    assert regions_now(page) != earlier, f"the regions did not change from epoch {shown - 5} to {shown}"
    page.screenshot(path=ARTIFACTS / "playground-training.png")
    button(page, "Pause").click()
    button(page, "Resume").wait_for()
    wait_for_app(page)
    held, regions = epoch_shown(page), regions_now(page)
    time.sleep(3)
    assert epoch_shown(page) == held and regions_now(page) == regions, "a paused playground must hold still"
    button(page, "Stop").click()
    wait_for_app(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
