"""Digits drawn with the mouse on the Draw-a-digit page's canvas: each digit as pen strokes in a unit square
(x to the right, y down), the way a person writes it, and where on the canvas it goes."""
from __future__ import annotations

import math

from playwright.sync_api import expect


def _curve(points: int, x, y, start: float = 0.0, end: float = 2 * math.pi) -> list[tuple[float, float]]:
    steps = [start + (end - start) * i / (points - 1) for i in range(points)]
    return [(x(t), y(t)) for t in steps]


DIGITS: dict[int, list[list[tuple[float, float]]]] = {
    0: [_curve(28, lambda t: 0.5 + 0.28 * math.sin(t), lambda t: 0.5 - 0.42 * math.cos(t))],
    1: [[(0.42, 0.2), (0.55, 0.08), (0.55, 0.92)]],
    2: [[(0.25, 0.28), (0.35, 0.13), (0.55, 0.08), (0.72, 0.18), (0.73, 0.36), (0.55, 0.56), (0.24, 0.9),
         (0.8, 0.9)]],
    3: [[(0.25, 0.15), (0.55, 0.08), (0.72, 0.22), (0.65, 0.4), (0.42, 0.48), (0.68, 0.58), (0.76, 0.75),
         (0.6, 0.92), (0.25, 0.85)]],
    4: [[(0.55, 0.08), (0.2, 0.62), (0.82, 0.62)], [(0.64, 0.3), (0.64, 0.94)]],
    5: [[(0.74, 0.1), (0.33, 0.1), (0.29, 0.46), (0.55, 0.42), (0.73, 0.58), (0.71, 0.8), (0.5, 0.92),
         (0.25, 0.83)]],
    6: [[(0.66, 0.08), (0.43, 0.28), (0.3, 0.58), (0.34, 0.84), (0.54, 0.92), (0.71, 0.77), (0.66, 0.56),
         (0.46, 0.52), (0.31, 0.63)]],
    7: [[(0.2, 0.12), (0.8, 0.12), (0.45, 0.92)]],
    8: [_curve(40, lambda t: 0.5 + 0.2 * math.sin(2 * t), lambda t: 0.5 + 0.42 * math.cos(t))],
    9: [_curve(22, lambda t: 0.5 + 0.2 * math.cos(t), lambda t: 0.3 - 0.2 * math.sin(t)) + [(0.68, 0.92)]],
}

PLACES = {  # (left, top, size) as shares of the canvas
    "centred": (0.15, 0.1, 0.75),
    "small": (0.4, 0.38, 0.25),
    "corner": (0.05, 0.05, 0.35),
}


def clear_canvas(tab, canvas) -> None:
    """Click the page's Clear and wait until the canvas it replaces has left the page (before that, the old canvas
    still takes strokes that the new one will not have)."""
    old = canvas.element_handle()
    tab.get_by_role("button", name="Clear").click()
    tab.wait_for_function("canvas => !canvas.isConnected", arg=old, timeout=60_000)


def draw_digit(tab, canvas, digit: int, place: str = "centred") -> None:
    """Draw the digit on the canvas (a Playwright locator) with mouse strokes, at one of PLACES; waits for the canvas
    to be the only one and in place (after Clear a new one replaces it)."""
    expect(canvas).to_have_count(1)
    canvas.wait_for(state="visible")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    left, top, size = PLACES[place]
    for stroke in DIGITS[digit]:
        points = [(box["x"] + box["width"] * (left + size * x), box["y"] + box["height"] * (top + size * y))
                  for x, y in stroke]
        tab.mouse.move(*points[0])
        tab.mouse.down()
        for point in points[1:]:
            tab.mouse.move(*point, steps=4)
        tab.mouse.up()
