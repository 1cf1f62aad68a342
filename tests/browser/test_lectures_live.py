"""Lectures 2-6 in a real browser: open each page by URL first thing, train, see the loss curve, stop."""
import pytest

from conftest import wait_for_app

PAGES = ["logistic_regression"]


@pytest.mark.parametrize("path", PAGES)
def test_page_opened_by_url_trains_live(server, page, path):
    page.goto(f"{server}/{path}")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.get_by_text("Language · 语言").is_visible()
    assert sidebar.get_by_text("Random seed").is_visible()
    page.get_by_role("button", name="Train").click()
    page.get_by_text("Loss per epoch").first.wait_for()
    page.get_by_role("button", name="Stop").click()
    wait_for_app(page)
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1
