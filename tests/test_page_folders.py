"""The folders-and-transforms page in AppTest: the ants and bees with their counts and the skipped GIF; the pipeline's
table and draws; a bad pipeline's message; a zip uploaded, good and bad, kept across a page switch; Chinese; the
message when the data set is missing and cannot be downloaded."""

import pytest

from dlcore.datasets.folders import find_hymenoptera
from pagetools import plotly_specs, texts
from test_folders import jpeg, zipped

PAGE, KEY = "pages/folders.py", "folders"


@pytest.fixture(autouse=True)
def ants_and_bees():
    if find_hymenoptera() is None:
        pytest.skip("hymenoptera_data is not in the data directory")


def upload(at, content: bytes, name: str = "mine.zip"):
    at.selectbox(key=f"{KEY}:images").set_value("upload").run()
    at.file_uploader(key=f"{KEY}:zip").set_value((name, content, "application/zip")).run()
    assert not at.exception, at.exception
    return at


def steps_table(at):
    return next(frame.value for frame in at.dataframe if "min" in frame.value.columns)


def notes_code(at) -> str:
    return next(block.value for block in at.code if "datasets.ImageFolder(" in block.value)


def set_pipeline(at, text: str):
    at.text_input(key=f"{KEY}:pipeline").set_value(text).run()
    assert not at.exception, at.exception
    return at


def test_the_ants_and_bees_show_their_counts_the_skipped_gif_and_the_pipeline(app):
    at = app(PAGE)
    counts = at.dataframe[0].value
    assert counts.iloc[:, 0].tolist() == ["ants", "bees"] and counts["class_to_idx"].tolist() == [0, 1]
    assert counts["train"].tolist() == [123, 121] and counts["val"].tolist() == [70, 83]
    assert "244 images in 2 classes" in texts(at)
    assert "`ants/imageNotFound.gif`: not one of the image types" in at.warning[0].value
    titles = [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]
    assert titles == ["12 photos of train: class (class_to_idx) · index",
                      "The same photo through the pipeline 8 times (seed 14000)"]
    table = steps_table(at)
    assert table.iloc[:, 1].tolist() == ["PIL.Image"] * 5 + ["Tensor"] * 2
    assert table.iloc[-1, 2] == "(3, 224, 224), float32" and table["min"].iloc[-1] < 0 < table["max"].iloc[-1]
    code = [block.value for block in at.code]
    assert code[0].startswith("Compose(\n    Resize(size=256") and "Normalize(mean=[0.485, 0.456, 0.406]" in code[0]
    assert "# torch.Size([4, 3, 224, 224]) tensor([" in notes_code(at)

    draws = plotly_specs(at)[1]["data"][0]["source"]
    at.button(key=f"{KEY}:draw_again").click().run()
    assert "(seed 14001)" in plotly_specs(at)[1]["layout"]["title"]["text"]
    assert plotly_specs(at)[1]["data"][0]["source"] != draws

    at.selectbox(key=f"{KEY}:split").set_value("val").run()
    assert "153 images in 2 classes" in texts(at) and not at.warning


def test_a_bad_pipeline_names_its_step_and_keeps_the_rest(app):
    at = set_pipeline(app(PAGE), "Resize(256), Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5]), ToTensor()")
    assert len(at.error) == 1 and at.error[0].value.startswith("Step 2, `Normalize(mean=[0.5, 0.5, 0.5]")
    assert "put `ToTensor()` before it" in at.error[0].value
    assert at.text_input(key=f"{KEY}:pipeline").value.startswith("Resize(256), Normalize")  # what was typed stays
    assert len(plotly_specs(at)) == 1 and at.dataframe[0].value["train"].tolist() == [123, 121]
    set_pipeline(at, "Resize(64), RandomCrop(100)")
    assert "Step 2, `RandomCrop(size=(100, 100)" in at.error[0].value and "larger than input image size" in at.error[0].value
    set_pipeline(at, "Resize(32), ToTensor()")  # runs on one photo, but photos of other shapes do not stack
    assert not at.error and "# The DataLoader could not make a batch" in notes_code(at)


def test_steps_are_added_moved_and_removed(app):
    at = set_pipeline(app(PAGE), "Resize(64), ToTensor()")
    at.selectbox(key=f"{KEY}:add_choice").set_value("RandomRotation").run()
    at.button(key=f"{KEY}:add").click().run()
    assert at.text_input(key=f"{KEY}:pipeline").value == "Resize(64), ToTensor(), RandomRotation(30)"
    at.button(key=f"{KEY}:up:2").click().run()
    assert at.text_input(key=f"{KEY}:pipeline").value == "Resize(64), RandomRotation(30), ToTensor()"
    at.button(key=f"{KEY}:remove:0").click().run()
    assert at.text_input(key=f"{KEY}:pipeline").value == "RandomRotation(30), ToTensor()"
    assert steps_table(at).iloc[:, 1].tolist() == ["PIL.Image", "PIL.Image", "Tensor"]
    at.button(key=f"{KEY}:reset").click().run()
    assert at.text_input(key=f"{KEY}:pipeline").value.startswith("Resize(256), RandomResizedCrop(224)")


def test_an_uploaded_zip_is_shown_and_kept_and_a_bad_one_is_explained(app):
    at = upload(app(PAGE), zipped({"my photos/cats/1.jpg": jpeg((300, 260), "orange"), "my photos/cats/2.jpg": jpeg((300, 260), "orange"),
                                   "my photos/dogs/1.jpg": jpeg((300, 260), "brown"), "my photos/dogs/notes.txt": b"hi"}))
    assert "3 images in 2 classes" in texts(at) and at.dataframe[0].value.iloc[:, 0].tolist() == ["cats", "dogs"]
    assert "`dogs/notes.txt`: not one of the image types" in at.warning[0].value
    assert steps_table(at).iloc[0, 2] == "300 × 260, RGB"
    at.switch_page("pages/logistic_regression.py").run()
    at.switch_page(PAGE).run()
    assert "3 images in 2 classes" in texts(at) and "Using `mine.zip`" in texts(at)

    upload(at, zipped({"ants/a.jpg": jpeg((300, 260), "red"), "../escape.jpg": jpeg((300, 260), "red")}), "evil.zip")
    assert "`../escape.jpg` would be written outside its folder" in at.error[0].value
    assert at.get("plotly_chart") and "3 images in 2 classes" in texts(at)  # the last good zip is kept
    upload(at, b"definitely not a zip", "notes.zip")
    assert "not a zip archive" in at.error[0].value
    upload(at, zipped({"train/ants/a.jpg": jpeg((300, 260), "red")}), "one.zip")
    assert "one class folder only (`ants`)" in at.error[0].value and "Using `mine.zip`" in texts(at)


def test_chinese(app):
    at = app(PAGE, lang="zh")
    assert at.title[0].value == "第 8 讲 · 文件夹中的图像与 transforms"
    assert "244 张图像，2 个类别" in texts(at) and "ImageFolder 跳过了 1 个文件" in at.warning[0].value
    set_pipeline(at, "ToTensor(), ToTensor()")
    assert at.error[0].value.startswith("第 2 步 `ToTensor()` 需要图片")


def test_a_missing_data_set_says_what_to_download_and_where(app, monkeypatch, tmp_path):
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))

    def offline(*args, **kwargs):
        raise OSError("no network here")

    monkeypatch.setattr("dlcore.datasets.folders.download", offline)
    at = app(PAGE)
    message = at.error[0].value
    assert "https://download.pytorch.org/tutorial/hymenoptera_data.zip" in message and "no network here" in message
    assert f"`{tmp_path / 'data' / 'hymenoptera_data'}/train/<class>/`" in message
    assert "My own zip of class folders" in texts(at)
    upload(at, zipped({"a/1.jpg": jpeg((300, 260), "red"), "b/1.jpg": jpeg((300, 260), "blue")}))  # the upload still works
    assert "2 images in 2 classes" in texts(at)
