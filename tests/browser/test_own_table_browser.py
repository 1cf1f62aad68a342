"""Your own data in a real browser: a CSV uploaded through the file chooser trains, its predictions download as CSV,
and a file with a word among the numbers is named by row and column while the trained run stays on the page."""
import csv
import io
import re

from playwright.sync_api import expect

from browsertools import ARTIFACTS, button, choose, wait_for_app


def test_an_uploaded_csv_trains_and_its_predictions_download(server, page, tmp_path):
    rows = [(f"{(2 if i % 2 else -2) + (i % 7) / 10:.2f}", f"{(i % 5) / 10:.2f}", "yes" if i % 2 else "no")
            for i in range(80)]
    good = tmp_path / "passes.csv"
    good.write_text("hours,sleep,passed\n" + "\n".join(",".join(row) for row in rows) + "\n")
    page.goto(f"{server}/own_table?epochs=20")
    wait_for_app(page)
    choose(page, "Table", "My own CSV file…")
    page.locator("input[type=file]").set_input_files(good)
    expect(page.get_by_text(re.compile(r"80 rows, 2 features → passed: 2 classes \(no 50%, yes 50%\)"))).to_be_visible()
    button(page, "Train", exact=True).click()
    page.get_by_text(re.compile(r"Finished 20 epochs")).first.wait_for(timeout=120_000)
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Validation accuracy 100\.0%"))).to_be_visible()
    with page.expect_download() as download:
        button(page, "Download the predictions (CSV)").click()
    assert download.value.suggested_filename == "passes-predictions.csv"
    answers = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert len(answers) == 80 and all(row["prediction"] == row["passed"] for row in answers)
    page.screenshot(path=ARTIFACTS / "own-table-trained.png")

    bad = tmp_path / "typo.csv"
    bad.write_text(good.read_text().replace("\n2.30,", "\ntwo,", 1))
    page.locator("input[type=file]").set_input_files(bad)
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text("Row 5, column hours holds “two”")
    expect(page.get_by_text(re.compile(r"Finished 20 epochs")).first).to_be_visible()  # the trained run stays
    expect(page.get_by_test_id("stException")).to_have_count(0)
