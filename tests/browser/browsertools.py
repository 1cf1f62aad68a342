"""Helpers for the browser tests (import: `from browsertools import wait_for_app`)."""
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def wait_for_app(tab) -> None:
    """Wait until the page has drawn its sidebar and the script run has finished."""
    tab.get_by_test_id("stSidebar").get_by_text("Language · 语言").wait_for()
    tab.get_by_test_id("stSidebar").get_by_text("Random seed").or_(tab.get_by_text("随机种子")).first.wait_for()
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
