"""How many mouse-drawn digits the lectures' models read right, on the Draw-a-digit page, in Chromium.

    python scripts/read_my_digits.py [places ...]     (default: centred small corner)

Needs playwright and /usr/bin/chromium, and MNIST in $DL_CLASSROOM_DATA (../shared/data when it is not set). Starts
the app on a free loopback port; trains lecture 9's MLP with its page's defaults (10 epochs) and lecture 10's CNN with
the Draw page's button (2 epochs); then draws each digit 0-9 with mouse strokes (tests/browser/strokes.py) at each
place (centred, small in the middle, in the top-left corner), reads what each model says, and prints a table and
the counts. Takes about four minutes on two cores.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))
from apptools import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402
from strokes import DIGITS, PLACES, clear_canvas, draw_digit  # noqa: E402

MODELS = {"MLP": "Lecture 9 · The course's MLP", "CNN": "Lecture 10 · The course's CNN"}
VERDICT = re.compile(r"It reads (\S+) · (\d+)% sure")


def settle(tab) -> None:
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)


def reading(tab) -> tuple[str, int]:
    text = tab.get_by_text(VERDICT).inner_text(timeout=30_000)
    guess, sure = VERDICT.search(text).groups()
    return guess, int(sure)


def choose(tab, label: str) -> None:
    box = tab.get_by_test_id("stSelectbox").filter(has_text="The model that reads it")
    if label in box.inner_text():
        return
    box.click()
    tab.get_by_role("option", name=re.compile(re.escape(label))).click()
    settle(tab)
    tab.wait_for_timeout(500)


def main(places: list[str]) -> None:
    right = {name: 0 for name in MODELS}
    with running_app() as url:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.goto(f"{url}/softmax?autorun=1")
            tab.get_by_text(re.compile("Finished 10 epochs")).wait_for(timeout=600_000)
            tab.get_by_role("link", name=re.compile("Draw a digit for this model")).click()
            tab.get_by_text("The model that reads it").wait_for(timeout=120_000)
            settle(tab)
            tab.get_by_text("Add a model: train one in a click, or load weights").click()  # folded: a model exists
            tab.get_by_role("button", name=re.compile("Train lecture 10's CNN")).click()
            tab.get_by_role("progressbar").first.wait_for(state="attached", timeout=60_000)
            tab.get_by_role("progressbar").first.wait_for(state="detached", timeout=300_000)
            settle(tab)
            print(f"{'digit':>5} {'place':>8}  " + "  ".join(f"{name:>10}" for name in MODELS))
            for place in places:
                for digit in DIGITS:
                    canvas = tab.locator("canvas.upper-canvas")
                    clear_canvas(tab, canvas)
                    tab.get_by_text("The canvas is empty").wait_for()
                    draw_digit(tab, canvas, digit, place)
                    tab.get_by_text(VERDICT).wait_for()
                    settle(tab)
                    row = []
                    for name, label in MODELS.items():
                        choose(tab, label)
                        guess, sure = reading(tab)
                        right[name] += guess == str(digit)
                        row.append(f"{guess} {sure:>3}% {'✓' if guess == str(digit) else '✗'}")
                    print(f"{digit:>5} {place:>8}  " + "  ".join(f"{cell:>10}" for cell in row), flush=True)
            browser.close()
    total = len(places) * len(DIGITS)
    print("read right: " + ", ".join(f"{name} {count}/{total}" for name, count in right.items()))


if __name__ == "__main__":
    main(sys.argv[1:] or list(PLACES))
