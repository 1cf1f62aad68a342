"""Lecture 12 in a real browser: open /rnn_basics first thing, train, watch the predicted-string table fill in."""
import time

from browsertools import button, wait_for_app
from playwright.sync_api import expect


def column_texts(table, index: int) -> list[str]:
    """The cell texts of one table column, its header left out (Plotly draws the header last)."""
    return [cell.text_content() for cell in table.locator(".y-column").nth(index).locator("text").all()][:-1]


def test_rnn_basics_opened_by_url_fills_the_prediction_table_epoch_by_epoch(server, page):
    page.goto(f"{server}/rnn_basics")
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar").get_by_text("Random seed")).to_be_visible()
    expect(page.get_by_text("3 steps/s")).to_be_visible()  # the default speed: 15 epochs in about 5 s
    button(page, "Train", exact=True).click()
    table = page.locator('[data-testid="stPlotlyChart"]').filter(has_text="Predicted string per epoch (target: ohlol)")
    rows_seen = set()
    deadline = time.time() + 60
    while 15 not in rows_seen and time.time() < deadline:
        try:
            rows_seen.add(len(column_texts(table, 0)))
        except Exception:  # the chart was redrawn while being read
            pass
        time.sleep(0.1)
    assert 15 in rows_seen and rows_seen - {0, 15}, rows_seen  # seen part-filled while training ran
    wait_for_app(page)
    assert column_texts(table, 0) == [str(epoch) for epoch in range(1, 16)]
    predicted = ["".join(chars) for chars in zip(*(column_texts(table, 1 + t) for t in range(5)))]
    assert len(predicted) == 15 and all(len(string) == 5 and set(string) <= set("ehlo") for string in predicted)
    assert column_texts(table, 6)[-1].endswith("/5")
    assert page.get_by_text("Hidden state h_t at each step (epoch 15)", exact=True).is_visible()
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 4
