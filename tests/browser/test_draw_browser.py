"""Draw a digit in a real browser: lecture 10's CNN trained two epochs with the page's button reads a 0, a 1 and a 7
drawn with the mouse, Clear empties the canvas and the reading, and a small 7 in a corner is still read right."""
import re

from playwright.sync_api import expect

from browsertools import ARTIFACTS, button, wait_for_app
from strokes import clear_canvas, draw_digit

VERDICT = re.compile(r"It reads (\S+) · \d+% sure")


def test_the_cnn_reads_digits_drawn_with_the_mouse(server, page):
    page.goto(f"{server}/draw")
    wait_for_app(page)
    expect(page.get_by_text("No model has been trained in this session yet")).to_be_visible()
    button(page, "Train lecture 10's CNN for 2 epochs").click()
    page.get_by_role("progressbar").first.wait_for(state="attached")
    expect(page.get_by_text(re.compile(r"training now, epoch \d/2")).first).to_be_visible()
    page.get_by_role("progressbar").first.wait_for(state="detached", timeout=300_000)  # trained: ~10 s of work
    wait_for_app(page)
    accuracy = page.get_by_text(re.compile(r"^[\d.]+% of the test images right$")).inner_text()
    assert float(accuracy.split("%")[0]) > 96
    canvas = page.locator("canvas.upper-canvas")
    verdict = page.get_by_text(VERDICT)
    for digit, place in ((0, "centred"), (1, "centred"), (7, "centred"), (7, "corner")):
        clear_canvas(page, canvas)
        expect(page.get_by_text("The canvas is empty")).to_be_visible()
        expect(verdict).to_have_count(0)  # Clear forgets the reading too
        draw_digit(page, canvas, digit, place)
        expect(verdict).to_have_text(re.compile(rf"It reads {digit} · "))
        expect(page.locator(".gtitle").filter(has_text="conv1: 10 × 24 × 24")).to_have_count(1)
        if place == "corner":
            page.screenshot(path=ARTIFACTS / "draw-corner-seven.png")
    expect(page.get_by_test_id("stException")).to_have_count(0)
