"""Check in a real headless Chromium whether the drawing page's canvas (pages/draw.py, streamlit-drawable-canvas on
Fabric.js, drawing surface `canvas.upper-canvas`) takes strokes from a mouse, a finger (touch events) and a pen
(pointer events of pointerType "pen"), and whether a finger on the canvas scrolls the page instead of drawing.

    python scripts/touch_check.py [--train]

Needs playwright and /usr/bin/chromium, and the data sets in $DL_CLASSROOM_DATA (../shared/data when it is not set).
Starts the app on a free loopback port and stops it at the end. Every check runs in a fresh browser context (a fresh
Streamlit session, an empty canvas): it draws, photographs the canvas (white strokes on black: it counts the white
pixels before and after) and waits for the app to receive the drawing ("The canvas is empty" goes away). With --train
each context first trains lecture 10's CNN for 2 epochs (about 20 s each) and then waits for "It reads <digit>".
Finger and pen input go through the DevTools protocol (Input.dispatchTouchEvent, Input.dispatchMouseEvent with
pointerType "pen"), the way Chromium's own input reaches a page. Prints one line per check.
"""
from __future__ import annotations

import argparse
import io
import re
import time

from PIL import Image
from playwright.sync_api import sync_playwright

from apptools import CHROMIUM, CHROMIUM_ARGS, running_app

DESKTOP = dict(viewport={"width": 1280, "height": 900})
TABLET = dict(viewport={"width": 820, "height": 1180}, has_touch=True, is_mobile=True, device_scale_factor=1)
EMPTY = "The canvas is empty"
TRAIN = "Train lecture 10's CNN for 2 epochs"
# a "1" drawn from the bottom up: a finger moving up is what would scroll the page down
STROKE = [(0.5, 0.85), (0.5, 0.15), (0.35, 0.3)]
STEPS = 12  # moves between two corners of the stroke

SCROLL_JS = """() => {
  const found = {window: window.scrollY};
  document.querySelectorAll('*').forEach((el, i) => {
    if (el.scrollTop > 0) found[(el.getAttribute('data-testid') || el.tagName.toLowerCase()) + '#' + i] = el.scrollTop;
  });
  return found;
}"""


def points(box: dict, stroke=STROKE) -> list[tuple[float, float]]:
    """The stroke's corners in the viewport, with STEPS moves between each two."""
    corners = [(box["x"] + fx * box["width"], box["y"] + fy * box["height"]) for fx, fy in stroke]
    out = [corners[0]]
    for (x0, y0), (x1, y1) in zip(corners, corners[1:]):
        out += [(x0 + (x1 - x0) * k / STEPS, y0 + (y1 - y0) * k / STEPS) for k in range(1, STEPS + 1)]
    return out


def white_pixels(canvas) -> int:
    """White pixels in a screenshot of the part of the canvas the page shows (where the page clips the canvas its box
    shows other things: the page's background, the next column's charts), its 3-pixel border left out."""
    picture = Image.open(io.BytesIO(canvas.screenshot())).convert("L")
    w, h = picture.size
    shown = round(canvas.evaluate(VISIBLE_JS) * w / canvas.bounding_box()["width"])
    return picture.crop((3, 3, shown - 3, h - 3)).point(lambda v: 255 if v > 240 else 0).histogram()[255]


INK_JS = """el => {  // white pixels of what Fabric has drawn on the lower canvas (the finished strokes)
  const lower = el.parentElement.querySelector('canvas.lower-canvas');
  const d = lower.getContext('2d').getImageData(0, 0, lower.width, lower.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240) n++;
  return n;
}"""

VISIBLE_JS = """el => {  // how much of the canvas the page shows: the nearest clipping ancestor's width, in CSS pixels
  const r = el.getBoundingClientRect();
  let node = el.parentElement || el.getRootNode().host, right = r.right;
  while (node && node !== document.documentElement) {
    if (node.nodeType === 1 && getComputedStyle(node).overflowX !== 'visible') {
      right = Math.min(right, node.getBoundingClientRect().right);
    }
    node = node.parentElement || (node.getRootNode && node.getRootNode().host);
  }
  return Math.max(0, right - r.left);
}"""


def mouse_stroke(page, cdp, box):
    xs = points(box)
    page.mouse.move(*xs[0])
    page.mouse.down()
    for x, y in xs[1:]:
        page.mouse.move(x, y)
    page.mouse.up()


def mouse_click(page, cdp, box):
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def touch_stroke(page, cdp, box, stroke=STROKE):
    xs = points(box, stroke)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": xs[0][0], "y": xs[0][1]}]})
    for x, y in xs[1:]:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        time.sleep(0.01)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def touch_tap(page, cdp, box):
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def pen_stroke(page, cdp, box):
    xs = points(box)

    def send(kind, x, y, **extra):
        cdp.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "pointerType": "pen", **extra})

    send("mouseMoved", *xs[0], button="none", buttons=0)
    send("mousePressed", *xs[0], button="left", buttons=1, clickCount=1, force=0.5)
    for x, y in xs[1:]:
        send("mouseMoved", x, y, button="left", buttons=1, force=0.5)
    send("mouseReleased", *xs[-1], button="left", buttons=0, clickCount=1)


def page_events(page) -> None:
    """Count the input events that reach the canvas (capture phase on the document, shadow roots included)."""
    page.evaluate("""() => {
      window.__seen = {};
      for (const t of ['pointerdown', 'pointermove', 'pointerup', 'mousedown', 'mousemove', 'mouseup',
                       'touchstart', 'touchmove', 'touchend']) {
        document.addEventListener(t, e => {
          const target = e.composedPath()[0];
          if (!(target instanceof HTMLCanvasElement)) return;
          const k = t + (e.pointerType ? ':' + e.pointerType : '');
          window.__seen[k] = (window.__seen[k] || 0) + 1;
        }, {capture: true, passive: true});
      }
    }""")


def check(browser, url: str, name: str, options: dict, draw, train: bool, outside: bool = False) -> str:
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        page.goto(f"{url}/draw")
        page.get_by_text(EMPTY).wait_for(timeout=60_000)
        if train:
            page.get_by_role("button", name=TRAIN).click()
            page.locator('[data-testid="stProgress"]').first.wait_for(timeout=60_000)
            page.locator('[data-testid="stProgress"]').first.wait_for(state="detached", timeout=300_000)
            page.get_by_text(EMPTY).wait_for(timeout=60_000)
        canvas = page.locator("canvas.upper-canvas").first
        canvas.scroll_into_view_if_needed()
        time.sleep(1.0)
        page_events(page)
        touch_action = canvas.evaluate("el => getComputedStyle(el).touchAction")
        before_px, before_ink = white_pixels(canvas), canvas.evaluate(INK_JS)
        shown = f"{canvas.evaluate(VISIBLE_JS):.0f} of {canvas.bounding_box()['width']:.0f} px wide"
        before_scroll = page.evaluate(SCROLL_JS)
        cdp = context.new_cdp_session(page)
        box = canvas.bounding_box()
        if outside:  # the same finger stroke on the page's title, not on the canvas: does the page scroll at all?
            title = page.locator("h1").first.bounding_box()
            box = {"x": title["x"], "y": title["y"], "width": min(title["width"], 300), "height": 300}
            touch_stroke(page, cdp, box, stroke=[(0.2, 0.9), (0.2, 0.1)])
        else:
            draw(page, cdp, box)
        time.sleep(1.5)
        after_scroll = page.evaluate(SCROLL_JS)
        seen = page.evaluate("() => window.__seen")
        after_px, after_ink = white_pixels(canvas), canvas.evaluate(INK_JS)
        try:
            page.get_by_text(EMPTY).wait_for(state="hidden", timeout=15_000)
            received = True
        except Exception:
            received = False
        reads = ""
        if train and received:
            try:
                heading = page.get_by_text(re.compile(r"It reads")).first
                heading.wait_for(timeout=30_000)
                reads = f'; page says "{heading.inner_text().strip()}"'
            except Exception:
                reads = '; no "It reads" on the page'
        scrolled = "scrolled" if before_scroll != after_scroll else "did not scroll"
        drawn = after_px > before_px and after_ink > before_ink  # seen on the screen, and in Fabric's canvas
        verdict = ("WORKED" if drawn and received else "DID NOT WORK") if not outside else \
            ("page " + scrolled)
        return (f"{name}: {verdict} | canvas ink px {before_ink} -> {after_ink}, screenshot white px +"
                f"{after_px - before_px} | app received: {received}{reads} | page {scrolled} "
                f"({before_scroll} -> {after_scroll}) | canvas shown {shown}, touch-action {touch_action} | "
                f"events on the canvas {seen}")
    except Exception as error:  # a check that breaks says so and the others go on
        return f"{name}: ERROR {type(error).__name__}: {str(error).splitlines()[0]}"
    finally:
        context.close()


CHECKS = [
    ("1 mouse stroke (desktop)", DESKTOP, mouse_stroke, False),
    ("1b mouse click = dot (desktop)", DESKTOP, mouse_click, False),
    ("2 touch stroke, CDP dispatchTouchEvent (tablet)", TABLET, touch_stroke, False),
    ("2b touch tap = dot, page.touchscreen.tap (tablet)", TABLET, touch_tap, False),
    ("2c control: same touch swipe on the page title (tablet)", TABLET, touch_stroke, True),
    ("3 pen stroke, CDP dispatchMouseEvent pointerType=pen (tablet)", TABLET, pen_stroke, False),
    ("3b pen stroke, CDP dispatchMouseEvent pointerType=pen (desktop)", DESKTOP, pen_stroke, False),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="train lecture 10's CNN first and wait for 'It reads'")
    args = parser.parse_args()
    with running_app() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, options, draw, outside in CHECKS:
                print(check(browser, url, name, options, draw, args.train, outside), flush=True)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
