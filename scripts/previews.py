"""Make the home page's preview pictures: each lecture's live chart after a short run, in Chromium, in both languages.

    python scripts/previews.py [lecture key ...]     (all built lectures by default)

Needs playwright and /usr/bin/chromium, and the data sets in $DL_CLASSROOM_DATA (../shared/data when it is not set).
Starts the app on a free loopback port, opens each lecture's page by a link that sets a short run up and starts it
(dlcore.ui.link), waits for the run to end, photographs the charts its LECTURE.preview names, trims their white margins and
writes static/previews/<lecture key>.png (English) and <lecture key>.zh.png (简体中文): 360 × 250, a palette of 128
colours (5-20 KB each). Takes about three minutes on two cores.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from apptools import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402
from dlcore.lectures import PREVIEW_SIZE, lectures  # noqa: E402
from dlcore.text import LANGUAGES, STRINGS, translate  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from strokes import draw_digit  # noqa: E402  (the browser tests' mouse-drawn digits)

WIDTH, HEIGHT = PREVIEW_SIZE


def title_words(name: str, lang: str) -> str:
    return translate(name, lang).split("{")[0] if name in STRINGS else name


def trimmed(picture: Image.Image, margin: int = 4) -> Image.Image:
    """The picture without its white margins."""
    ink = ImageChops.difference(picture, Image.new("RGB", picture.size, "white")).convert("L").point(
        lambda value: 255 if value > 12 else 0)
    box = ink.getbbox()
    if box is None:
        return picture
    left, top, right, bottom = box
    return picture.crop((max(0, left - margin), max(0, top - margin),
                         min(picture.width, right + margin), min(picture.height, bottom + margin)))


def squeezed(picture: Image.Image, most: int = 14) -> Image.Image:
    """The picture with every blank band across it (a chart's empty space) cut to `most` pixels high."""
    ink = ImageChops.difference(picture, Image.new("RGB", picture.size, "white")).convert("L").point(
        lambda value: 255 if value > 12 else 0)
    width = picture.width
    blank = [ink.crop((0, y, width, y + 1)).getbbox() is None for y in range(picture.height)]
    keep, run = [], 0
    for y, empty in enumerate(blank):
        run = run + 1 if empty else 0
        if run <= most:
            keep.append(y)
    squeezed = Image.new("RGB", (width, len(keep)), "white")
    for row, y in enumerate(keep):
        squeezed.paste(picture.crop((0, y, width, y + 1)), (0, row))
    return squeezed


def stacked(pictures: list[Image.Image], gap: int = 8) -> Image.Image:
    width = max(picture.width for picture in pictures)
    whole = Image.new("RGB", (width, sum(picture.height for picture in pictures) + gap * (len(pictures) - 1)), "white")
    y = 0
    for picture in pictures:
        whole.paste(picture, (0, y))
        y += picture.height + gap
    return whole


def card_picture(picture: Image.Image, top: bool) -> Image.Image:
    """The picture in a WIDTH × HEIGHT card: the whole of it made to fit, centred, or (top) its top at full width."""
    if top:
        scale = WIDTH / picture.width
    else:
        scale = min(WIDTH / picture.width, HEIGHT / picture.height)
    picture = picture.resize((round(picture.width * scale), round(picture.height * scale)), Image.LANCZOS)
    card = Image.new("RGB", (WIDTH, HEIGHT), "white")
    if top:
        card.paste(picture.crop((0, 0, WIDTH, min(HEIGHT, picture.height))), (0, 0))
    else:
        card.paste(picture, ((WIDTH - picture.width) // 2, (HEIGHT - picture.height) // 2))
    return card


def save(picture: Image.Image, path: Path) -> None:
    picture.quantize(colors=128, dither=Image.Dither.NONE).save(path, optimize=True)


def photograph(tab, url: str, lecture, lang: str) -> Image.Image:
    recipe = lecture.preview
    query = "&".join(part for part in (f"lang={lang}", "" if recipe.train is not None else "autorun=1", recipe.query)
                     if part)
    tab.goto(f"{url}/{Path(lecture.page).stem}?{query}")
    charts = tab.get_by_test_id("stPlotlyChart")
    if recipe.train is not None:
        tab.get_by_test_id("stSidebar").get_by_text("Language · 语言").wait_for(timeout=120_000)
        tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
        tab.get_by_test_id("stMainBlockContainer").get_by_role(
            "button", name=translate("train.train", lang), exact=True).nth(
            recipe.train).click()
    wanted = [charts.filter(has_text=title_words(name, lang)).first for name in recipe.charts] or [charts.first]
    if recipe.digit is not None:  # the page's one-click model (autorun) has trained: draw on its canvas
        tab.get_by_text(translate("draw.reader", lang)).wait_for(timeout=120_000)
        tab.get_by_role("progressbar").first.wait_for(state="detached", timeout=120_000)
        draw_digit(tab, tab.locator("canvas.upper-canvas"), recipe.digit)
    wanted[0].wait_for(timeout=120_000)
    done = tab.get_by_test_id("stAlertContentSuccess").or_(tab.get_by_test_id("stAlertContentError"))
    try:
        done.first.wait_for(timeout=300_000 if recipe.digit is None else 1)
    except Exception:  # a page with no run (convolution arithmetic) shows its charts at once
        pass
    tab.wait_for_timeout(1500)  # the last frame drawn
    pictures = [squeezed(trimmed(Image.open(io.BytesIO(chart.screenshot())).convert("RGB"))) for chart in wanted]
    return card_picture(stacked(pictures), recipe.top)


def main(keys: list[str]) -> None:
    with running_app() as url:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lecture in lectures():
                if not lecture.built or (keys and lecture.key not in keys):
                    continue
                for lang in LANGUAGES:
                    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
                    path = lecture.preview_file(lang)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    save(photograph(tab, url, lecture, lang), path)
                    tab.close()
                    print(path.relative_to(ROOT), path.stat().st_size, "bytes", flush=True)
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
