"""Helpers for the browser tests (import: `from browsertools import choose, wait_for_app`)."""
import re
import time
from pathlib import Path

from playwright.sync_api import TimeoutError, expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def button(tab, name: str, **options):
    """A button of the page itself (the app's header has Streamlit's own Stop and Rerun while a script runs)."""
    return tab.get_by_test_id("stMainBlockContainer").get_by_role("button", name=name, **options)


def stop_unless_ended(tab, label: str = "Stop") -> None:
    """Click the run's Stop, unless the run has ended on its own (a short run may end before the click lands)."""
    stop = button(tab, label, exact=True).first
    if stop.is_enabled():
        try:
            stop.click(timeout=5_000)
        except TimeoutError:
            pass  # it ended meanwhile: Stop was disabled under the pointer


def wait_for_app(tab) -> None:
    """Wait until the page has drawn its sidebar and the script run has finished."""
    tab.get_by_test_id("stSidebar").get_by_text("Language · 语言").wait_for()
    tab.get_by_test_id("stSidebar").get_by_text("Random seed").or_(tab.get_by_text("随机种子")).first.wait_for()
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)


def choose(tab, selectbox_label: str, option: str) -> None:
    """Pick an option of a select box, opening it again if a rerun redrew it and closed its list."""
    box = tab.get_by_test_id("stSelectbox").filter(has_text=selectbox_label)
    choice = tab.get_by_role("option", name=option)
    for _ in range(5):
        box.click()
        try:
            choice.click(timeout=5_000)
            break
        except TimeoutError:
            wait_for_app(tab)
    else:
        raise AssertionError(f"{selectbox_label!r} never offered {option!r}")
    wait_for_app(tab)
    expect(box).to_match_aria_snapshot(f"- combobox \"{selectbox_label}\": {option}")


EPOCH = re.compile(r"(?:Epoch |第 )(\d+)/(\d+)")


def epoch_shown(tab) -> int:
    """The epoch the progress line of the live run shows now ("Epoch 12/1000 · ..." or "第 12/1000 轮 · ...")."""
    text = tab.get_by_test_id("stProgress").first.inner_text()
    return int(EPOCH.search(text).group(1))


def wait_for_epoch(tab, above: int, timeout: float = 60) -> int:
    """Wait until the progress line shows an epoch past `above`; return it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            shown = epoch_shown(tab)
            if shown > above:
                return shown
        except (AttributeError, TimeoutError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"the epoch never went past {above}")
