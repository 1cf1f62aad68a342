"""A page's setup in its address, in a real browser: a link opens a ready demo, and the address follows the user."""
import re

from browsertools import wait_for_app
from playwright.sync_api import expect


def test_a_link_opens_a_ready_demo_and_the_address_follows_the_settings(server, page):
    tab = page
    tab.goto(f"{server}/logistic_regression?lr=0.5&epochs=300&autorun=1&bogus=1")
    wait_for_app(tab)
    expect(tab.get_by_text("`bogus=1`").or_(tab.get_by_text("bogus=1")).first).to_be_visible()
    expect(tab.get_by_test_id("stProgress").first).to_contain_text("/300")  # it trains at once, with the link's epochs
    expect(tab.get_by_label("Learning rate (exact)")).to_have_value("0.5")
    expect(tab).to_have_url(re.compile(r"lr=0\.5&epochs=300$"))  # autorun and the unknown name are not written back

    epochs = tab.get_by_test_id("stSlider").filter(has_text="Epochs").locator('input[type="range"]')
    epochs.focus()
    tab.keyboard.press("ArrowRight")
    wait_for_app(tab)
    expect(tab).to_have_url(re.compile(r"epochs=301"))

    tab.locator('a[data-testid="stPageLink-NavLink"]').filter(has_text="Back-propagation").click()
    wait_for_app(tab)
    expect(tab).to_have_url(re.compile(r"/backprop$"))  # another page: its own (default) setup
    tab.locator('a[data-testid="stPageLink-NavLink"]').filter(has_text="Logistic").click()
    wait_for_app(tab)
    expect(tab).to_have_url(re.compile(r"/logistic_regression\?lr=0\.5&epochs=301$"))  # the settings were kept

    tab.get_by_text("Copy link", exact=True).click()
    expect(tab.get_by_test_id("stCode").filter(has_text="epochs=301")).to_contain_text(
        f"{server}/logistic_regression?lr=0.5&epochs=301")
