"""The four uploaders in AppTest, with files as real machines make them: what was read otherwise than written is
said (a zip's code page, a CSV's encoding and decimal commas); a refused file gets one message and the page keeps its
last good table, zip or picture; an error no reader foresaw is one message with the file's name, never a traceback."""
import io

import numpy as np
from PIL import Image

from dlcore.engine.checkpoints import state_bytes
from dlcore.ui.state import DrawState
from dlcore.lectures.cnn_basics.model import CourseCNN
from pagetools import run_of, texts
from test_real_uploads import bomb_png, zip_named


def png(color: str, size=(80, 60)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def digit_png() -> bytes:
    gray = np.full((200, 160), 235, np.uint8)
    gray[30:170, 70:90] = 20  # a 1, dark on light
    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, format="PNG")
    return buffer.getvalue()


def broken(monkeypatch, reader: str):
    """Make a reader (its dotted name) fail as no check foresaw."""
    def fail(*args, **kwargs):
        raise RuntimeError("disk quota exceeded\nsecond line")

    monkeypatch.setattr(reader, fail)


# ---------------------------------------------------------------- your own CSV

def upload_csv(at, data: bytes, name: str):
    at.file_uploader(key="own_table:file").set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception


def spreadsheet_csv(rows: int = 40) -> bytes:
    """Excel on a French Windows: semicolons, decimal commas, Windows-1252, a semicolon ending every line."""
    lines = ["poids;taille;catégorie;"] + [f"{(4 if i % 2 else -4) + i / 100:.2f};{i % 5};{'élevé' if i % 2 else 'bas'};"
                                           .replace(".", ",") for i in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def test_a_spreadsheets_csv_is_read_as_saved_and_a_refused_file_keeps_the_last_good_table(app, monkeypatch):
    at = app("pages/own_table.py")
    at.selectbox(key="own_table:table").set_value("upload").run()
    upload_csv(at, spreadsheet_csv(), "mesures.csv")
    shown = texts(at)
    assert not at.error and "Read as Windows-1252 text" in shown and "(bas 50%, élevé 50%)" in shown
    assert "Dropped 1 empty column(s)" in shown and "Read decimal commas as numbers (3,14 → 3.14) in: poids" in shown
    upload_csv(at, b"\x89PNG\r\n\x1a\n\x00\x00 a picture", "photo.csv")
    assert len(at.error) == 1 and "This is not a CSV file" in at.error[0].value
    assert "The last table that could be read, `mesures.csv`, is still shown" in texts(at)
    assert list(at.dataframe[0].value.columns) == ["poids", "taille", "catégorie"]
    broken(monkeypatch, "dlcore.lectures.own_table.model.read_csv")
    upload_csv(at, b"a,b\n1,2\n", "other.csv")
    assert len(at.error) == 1 and at.error[0].value == (
        "`other.csv` could not be read (RuntimeError: disk quota exceeded). Nothing was changed: the page keeps what "
        "it had.")
    assert "`mesures.csv`, is still shown" in texts(at)


# ---------------------------------------------------------------- a zip of class folders

def upload_zip(at, data: bytes, name: str):
    at.file_uploader(key="folders:zip").set_value((name, data, "application/zip")).run()
    assert not at.exception, at.exception


def encrypted_zip() -> bytes:
    """A zip whose members are flagged as encrypted (zipfile cannot write one; the `zip -P` one is in
    test_real_uploads): bit 0 of the flags set in every local header and central-directory entry."""
    data = bytearray(zip_named({"a/1.png": png("red"), "b/1.png": png("blue")}, None))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset] |= 0x1
            start = data.find(signature, start + 1)
    return bytes(data)


def test_a_chinese_windows_zip_shows_its_classes_and_a_refused_zip_keeps_the_last_good_one(app, monkeypatch):
    at = app("pages/folders.py")
    at.selectbox(key="folders:images").set_value("upload").run()
    files = {f"{name}/{number}.png": png(color) for name, color in (("猫", "orange"), ("狗", "brown")) for number in (1, 2)}
    upload_zip(at, zip_named({**files, "狗/huge.png": bomb_png()}, "gbk"), "宠物.zip")
    assert not at.error and "written in GBK/GB18030" in texts(at)
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["狗", "猫"]
    assert "`狗/huge.png`: too large: 14,000 × 14,000 pixels" in texts(at)
    upload_zip(at, encrypted_zip(), "locked.zip")
    assert len(at.error) == 1 and "protected by a password: unzip it and zip it again without one" in at.error[0].value
    assert "Using `宠物.zip`" in texts(at) and list(at.dataframe[0].value.iloc[:, 0]) == ["狗", "猫"]
    broken(monkeypatch, "dlcore.datasets.folders.unpack_zip")
    at.run()  # the uploader's callback is the one the last run defined: a run that imports the broken reader
    upload_zip(at, b"PK whatever", "third.zip")
    assert len(at.error) == 1 and "`third.zip` could not be read (RuntimeError: disk quota exceeded)" in at.error[0].value
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["狗", "猫"]


# ---------------------------------------------------------------- a picture of a digit, and weights

def test_a_refused_picture_keeps_the_last_good_one_and_refused_weights_say_why(app, monkeypatch):
    at = app("pages/draw.py")
    at.radio(key="draw:input").set_value("upload").run()
    at.file_uploader(key="draw:upload").set_value(("one.png", digit_png(), "image/png")).run()
    assert not at.exception and not at.error and DrawState("draw", at.session_state).last_picture[0] == "one.png"
    at.file_uploader(key="draw:upload").set_value(("IMG_0042.HEIC", b"\x00\x00\x00\x18ftypheic" + bytes(64),
                                                  "image/heic")).run()
    assert not at.exception and len(at.error) == 1
    assert "IMG_0042.HEIC is a HEIC file, which this page cannot read: save it as PNG or JPEG" in at.error[0].value
    assert [image.proto.imgs[0].caption for image in at.get("image")] == ["one.png"]  # the last good one, still shown

    nan_weights = CourseCNN().state_dict()
    nan_weights["fc.bias"][3] = float("inf")
    at.file_uploader(key="cnn_basics:course:weights_upload").set_value(("diverged.pt", state_bytes(nan_weights),
                                                                 "application/octet-stream")).run()
    assert "These weights are broken: fc.bias holds 1 NaN or infinite value(s) of 10" in texts(at)
    assert run_of(at, "cnn_basics:course") is None
    broken(monkeypatch, "dlcore.ui.weights.load_weights")
    at.file_uploader(key="cnn_basics:course:weights_upload").set_value(("any.pt", b"x", "application/octet-stream")).run()
    assert not at.exception and "`any.pt` could not be read (RuntimeError: disk quota exceeded)" in texts(at)
