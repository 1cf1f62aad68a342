"""The folders-and-transforms page in a real browser: Draw again draws the photo through the pipeline anew (a new seed,
other pictures), and a step typed into the pipeline changes the table of steps."""
from playwright.sync_api import expect

from browsertools import button, wait_for_app


def draws_picture(page) -> str:
    chart = page.get_by_test_id("stPlotlyChart").filter(has_text="through the pipeline").first
    return chart.locator("image").first.get_attribute("href")


def test_draw_again_and_a_new_step_change_what_is_shown(server, page):
    page.goto(f"{server}/folders")
    wait_for_app(page)
    expect(page.get_by_text("(seed 14000)")).to_be_visible()
    before = draws_picture(page)
    button(page, "Draw again").click()
    wait_for_app(page)
    expect(page.get_by_text("(seed 14001)")).to_be_visible()
    assert draws_picture(page) != before
    box = page.get_by_label("Steps of transforms.Compose([...])")
    box.fill("Resize(100), Grayscale(), ToTensor()")
    box.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Grayscale(num_output_channels=1)").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
