"""The own-data page in AppTest: scikit-learn's breast cancer table trains on the first click and its predictions
download as CSV; an uploaded CSV (with or without a header, word labels, another label column) trains; each bad
file gets its message and the earlier run stays; the upload survives a page switch; a link opens a table; Chinese."""
import io

import pandas as pd
import pytest
from streamlit.delta_generator import DeltaGenerator

from dlcore.lectures.own_table import model as tables
from dlcore.text import translate
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

KEY = "own_table"
PAGE = "pages/own_table.py"


@pytest.fixture
def downloads(monkeypatch):
    """What the page offers to download, by button label: the data of every download button it draws in a column."""
    offered = {}
    original = DeltaGenerator.download_button

    def record(self, label, data, *args, **kwargs):
        offered[label] = data
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", record)
    return offered


def titles(at) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]


def blobs_csv(header: str | None = "weight,height,label", labels=("0", "1"), rows: int = 120) -> bytes:
    lines = [header] if header else []
    for i in range(rows):
        side = i % 2
        lines.append(f"{(4 if side else -4) + (i % 7) / 7:.3f},{(3 if side else -3) - (i % 5) / 5:.3f},{labels[side]}")
    return ("\n".join(lines) + "\n").encode()


def upload(at, data: bytes, name: str = "mine.csv"):
    at.selectbox(key="own_table:table").set_value("upload").run()
    at.file_uploader(key="own_table:file").set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception
    return at


def test_the_first_click_learns_breast_cancer_and_the_predictions_download(app, downloads):
    at = app(PAGE)
    assert "569 rows, 30 features → **class**: 2 classes (benign 63%, malignant 37%)" in texts(at)
    assert titles(at) == ["The features, standardised (mean 0, spread 1), by class"]
    train(at, KEY)
    last = run_of(at, KEY).trainer.history.epochs[-1]
    assert last["val_score"] > 0.9 and len(run_of(at, KEY).trainer.history.epochs) == 100
    assert f"Validation accuracy **{last['val_score']:.1%}** (one answer for every row: 63.2%)." in texts(at)
    confusion = next(spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"].startswith("Confusion"))
    assert confusion["layout"]["title"]["text"] == (
        f"Confusion matrix on the validation rows · accuracy {100 * last['val_score']:.1f} %")
    assert sum(map(sum, confusion["data"][0]["z"])) == 114 and confusion["data"][0]["x"] == ["benign", "malignant"]
    answers = pd.read_csv(io.BytesIO(downloads["Download the predictions (CSV)"]), encoding="utf-8-sig")
    assert len(answers) == 569 and list(answers.columns[-4:]) == ["class", "split", "prediction", "probability"]
    assert (answers["split"] == "validation").sum() == 114
    assert (answers["prediction"] == answers["class"]).mean() > 0.9
    assert "class TableNet" in "\n".join(block.value for block in at.code)


def test_a_quantity_is_predicted_with_r2_and_a_chart_of_answers_against_truth(app, downloads):
    at = app(PAGE)
    at.query_params.update({"table": "diabetes_progression", "epochs": "30", "autorun": "1"})
    at.run()
    wait_for_run(at, KEY)
    assert "442 rows, 10 features → **progression**: a quantity from 25 to 346" in texts(at)
    assert at.selectbox(key="own_table:task").value == "regression"
    last = run_of(at, KEY).trainer.history.epochs[-1]
    assert f"Validation R² **{last['val_score']:.3f}**" in texts(at) and last["val_score"] > 0.2
    assert {"R² per epoch (1: exact; 0: no better than the mean)",
            "Validation rows: the network's answer against the true value",
            "How each feature goes with progression (correlation)"} <= set(titles(at))
    answers = pd.read_csv(io.BytesIO(downloads["Download the predictions (CSV)"]), encoding="utf-8-sig")
    assert 100 < answers["prediction"].mean() < 200  # in the label's units, not standardised


def test_an_uploaded_csv_without_a_header_trains(app):
    at = upload(app(PAGE), blobs_csv(header=None))
    assert at.checkbox(key="own_table:header").value is False
    assert "120 rows, 2 features → **x3**: 2 classes (0 50%, 1 50%)" in texts(at)
    train(at, KEY)
    assert run_of(at, KEY).trainer.history.epochs[-1]["val_score"] == 1.0


def test_word_labels_a_header_and_another_label_column(app):
    at = upload(app(PAGE), blobs_csv(labels=("cat", "dog")))
    assert at.checkbox(key="own_table:header").value is True
    assert at.selectbox(key="own_table:label").value == "label" and at.selectbox(key="own_table:task").options == [
        "a class (classification)"]
    assert "→ **label**: 2 classes (cat 50%, dog 50%)" in texts(at)
    at.selectbox(key="own_table:label").set_value("weight").run()
    assert "not a number" in at.error[0].value and "column **label**" in at.error[0].value  # words as a feature
    at.selectbox(key="own_table:label").set_value("height").run()
    assert "not a number" in at.error[0].value  # still the words as a feature
    at.checkbox(key="own_table:header").uncheck().run()
    assert "Row 1, column **x1** holds “weight”" in at.error[0].value


BAD = {
    "empty": (b"", "The file is empty"),
    "not CSV": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a CSV file"),
    "not numeric": (blobs_csv().replace(b"\n4.143", b"\nabc", 1), "Row 3, column **weight** holds “abc”"),
    "missing": (blobs_csv().replace(b"\n4.143,", b"\n,", 1), "Row 3, column **weight** has no value"),
    "one column": (b"\n".join(str(i).encode() for i in range(30)), "The file has one column only"),
    "one class": (blobs_csv(labels=("1", "1")), "The label column **label** has one value only (1)"),
    "too many columns": (("\n".join(",".join("1" * 1200) for _ in range(12))).encode(), "1,200 columns"),
    "too large": (b"1,2\n" * (tables.UPLOAD_LIMIT_MB * 2**18 + 1), "the page takes files up to 20 MB"),
}


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_file_says_what_is_wrong_and_the_earlier_run_stays(app, bad):
    at = app(PAGE)
    at.query_params.update({"epochs": "3"})
    at.run()
    train(at, KEY)
    before = run_of(at, KEY)
    data, message = BAD[bad]
    upload(at, data)
    assert len(at.error) == 1 and message in at.error[0].value
    at.button(key=f"{KEY}:train").click().run()
    assert not at.exception and run_of(at, KEY) is before  # nothing to train on: the run stays
    assert len(at.get("plotly_chart")) >= 2  # its charts are still there


def test_the_upload_is_kept_when_the_page_is_left_and_forgotten_when_removed(app):
    data = blobs_csv(labels=("cat", "dog"))
    at = upload(app(PAGE), data, name="pets.csv")
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.selectbox(key="own_table:table").value == "upload" and "(cat 50%, dog 50%)" in texts(at)
    assert f"Using `pets.csv` ({len(data) / 1024:.1f} KB), uploaded before you left the page." in texts(at)
    at.button(key="own_table:forget").click().run()
    assert "Choose a CSV file above" in texts(at) and "own_table:label" not in [box.key for box in at.selectbox]


def test_the_page_speaks_chinese(app):
    at = app(PAGE, lang="zh")
    assert at.title[0].value == translate("own_table.title", "zh")
    assert "569 行，30 个特征" in texts(at)
    upload(at, b"")
    assert at.error[0].value == translate("own_table.problem.empty", "zh")
