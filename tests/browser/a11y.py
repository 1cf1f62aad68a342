"""Accessibility checks in the browser (import: `from a11y import axe_violations, open_page, train_briefly`): axe-core's
WCAG 2.1 A/AA rules run on the page as it is, every page of the menu, and a page taken to "after Train"."""
from __future__ import annotations

import time
from collections import Counter

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError

from browsertools import wait_for_app
from dlcore.text import translate

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")
PAGES = ["", "linear_model", "backprop", "linear_regression", "logistic_regression", "multiple_input", "dataloader",
         "own_table", "folders", "softmax", "generalisation", "playground", "convolution", "cnn_basics",
         "advanced_cnns", "transfer", "draw", "rnn_basics", "names"]
"""Every page of the menu by its address ("" is the home page)."""

_AXE = Axe()


def open_page(tab, server: str, page: str, lang: str) -> None:
    """Open a page (a new session) in a language and wait until it has drawn."""
    tab.goto(f"{server}/{page}?lang={lang}")
    wait_for_app(tab)


def axe_violations(tab) -> list[dict]:
    """axe-core's violations of the WCAG 2.1 A and AA rules on the page as it is now: {id, impact, nodes, ...}."""
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    return _AXE.run(tab, options=options).response["violations"]


def count_by_rule(violations: list[dict], impacts=SERIOUS) -> Counter:
    """How many elements break each rule ("color-contrast (serious)": 12), for the impacts asked."""
    return Counter({f"{rule['id']} ({rule['impact']})": len(rule["nodes"])
                    for rule in violations if rule["impact"] in impacts})


def describe(violations: list[dict], impacts=SERIOUS) -> str:
    """Each element that breaks a rule, with axe's reason (for a failing test's message)."""
    return "\n".join(f"{rule['id']}: {node['target']} {node.get('failureSummary', '')}".replace("\n", " ")
                     for rule in violations if rule["impact"] in impacts for node in rule["nodes"])


def train_briefly(tab, lang: str, seconds: float = 15) -> bool:
    """Click the live run's Train, let it train until an epoch is done (at most `seconds`), Stop it unless it has
    ended, and wait for the page to settle.  False when the page has no Train button."""
    main = tab.get_by_test_id("stMainBlockContainer")
    train = main.get_by_role("button", name=translate("train.train", lang), exact=True)
    if not train.count():
        return False
    train.first.click()
    deadline = time.monotonic() + seconds
    replay = main.get_by_test_id("stSlider").filter(has_text=translate("train.replay", lang))
    while time.monotonic() < deadline and not replay.count():  # the replay slider comes with the first epoch done
        time.sleep(0.3)
    stop = main.get_by_role("button", name=translate("train.stop", lang), exact=True).first
    if stop.is_enabled():
        try:
            stop.click(timeout=5_000)
        except TimeoutError:
            pass  # it ended meanwhile
    wait_for_app(tab)
    return True
