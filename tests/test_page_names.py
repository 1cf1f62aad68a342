"""The lecture 13 page in AppTest: a short training run, its charts, typed names, missing data, both languages."""
import time

import pytest

from pagetools import plotly_specs, run_of, texts, train, wait_for_run
from dlcore.lectures.names import model as names_module
from dlcore.engine.metrics import confusion_matrix


pytestmark = pytest.mark.usefixtures("one_thread")


PAGE, KEY = "pages/names.py", "names"


def title(spec) -> str:
    value = spec["layout"].get("title", "")
    return value.get("text", "") if isinstance(value, dict) else value


def short_run(at):
    """One epoch of a small GRU: enough to beat the majority class."""
    at.slider(key=f"{KEY}:epochs").set_value(1)
    at.slider(key=f"{KEY}:hidden_size").set_value(32).run()
    return train(at, KEY)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_trains_and_shows_loss_accuracy_and_the_confusion_matrix(app, lang):
    at = app(PAGE, lang=lang)
    assert ("20,074 surnames from 18 languages" if lang == "en" else "20,074 个姓氏") in texts(at)
    assert ("Train the model first" if lang == "en" else "请先训练模型") in texts(at)
    short_run(at)
    assert len(at.success) == 1 and not at.error
    titles = [title(spec) for spec in plotly_specs(at)]
    assert len(titles) == 3, titles
    assert ("Test accuracy after epoch 1" if lang == "en" else "第 1 轮") in texts(at)
    accuracy = next(spec for spec in plotly_specs(at) if "accuracy" in title(spec) or "准确率" in title(spec))
    assert accuracy["data"][0]["y"][0] > 0.6
    confusion = next(spec for spec in plotly_specs(at) if "onfusion" in title(spec) or "混淆矩阵" in title(spec))
    assert len(confusion["data"][0]["z"]) == 18 and "Russian" in confusion["data"][0]["y"]
    assert "pack_padded_sequence" in at.code[0].value


def test_typed_names_show_the_top_three_languages_and_odd_input_is_explained(app):
    at = short_run(app(PAGE))
    at.text_input(key=f"{KEY}:name").input("Nakamura").run()
    assert not at.exception
    top = [spec for spec in plotly_specs(at) if "Top languages" in title(spec)]
    assert len(top) == 1 and len(top[0]["data"][0]["y"]) == 3 and top[0]["data"][0]["y"][0] == "Japanese"
    at.text_input(key=f"{KEY}:name").input("Nakamura☃").run()
    assert "☃" in at.warning[0].value and "skipped" in at.warning[0].value
    at.text_input(key=f"{KEY}:name").input("☃☃").run()
    assert "cannot read this name" in at.error[0].value
    at.text_input(key=f"{KEY}:name").input("").run()
    assert "Type a name" in texts(at) and not at.exception


def test_missing_data_says_what_to_download_and_where(app, tmp_path, monkeypatch):
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path))
    monkeypatch.setattr(names_module, "download", lambda *args, **kwargs: (_ for _ in ()).throw(OSError("offline")))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # the cache folder is searched too
    at = app(PAGE)
    assert "https://download.pytorch.org/tutorial/data.zip" in at.error[0].value
    assert str(tmp_path / "names") in at.error[0].value
    assert not at.exception


def top_three(at) -> list[str]:
    top = [spec for spec in plotly_specs(at) if "Top languages" in title(spec)]
    assert len(top) == 1, [title(spec) for spec in plotly_specs(at)]
    return top[0]["data"][0]["y"]


def test_pause_resume_and_a_name_read_while_paused(app):
    at = app(PAGE)
    at.number_input(key="seed").set_value(0)  # two epochs of this model read Nakamura as Japanese with this seed
    at.slider(key=f"{KEY}:epochs").set_value(2)
    at.slider(key=f"{KEY}:hidden_size").set_value(32).run()
    at.button(key=f"{KEY}:train").click().run()
    run = run_of(at, KEY)
    deadline = time.monotonic() + 60
    while not run.trainer.history.batch_loss and time.monotonic() < deadline:
        time.sleep(0.05)
    at.button(key=f"{KEY}:pause").click().run()  # Pause, in the first epoch
    assert run.state == "paused" and run.epochs_done == 0 and run.trainer.batch >= 1
    paused_at = len(run.trainer.history.batch_loss)
    assert at.button(key=f"{KEY}:pause").label == "Resume"
    at.text_input(key=f"{KEY}:name").input("Nakamura").run()
    assert len(top_three(at)) == 3 and not at.exception
    assert len(run.trainer.history.batch_loss) == paused_at  # reading a name does not train
    at.button(key=f"{KEY}:pause").click().run()  # Resume
    wait_for_run(at, KEY)
    batches_per_epoch = -(-len(run.extras["evaluation"].data.train) // 256)  # batches of 256
    assert run.state == "finished" and run.epochs_done == 2
    assert len(run.trainer.history.batch_loss) == 2 * batches_per_epoch  # no batch lost or repeated by the pause
    assert top_three(at)[0] == "Japanese"


def test_replay_shows_each_epochs_own_confusion_matrix_and_accuracy(app):
    at = app(PAGE)
    at.slider(key=f"{KEY}:epochs").set_value(2)
    at.slider(key=f"{KEY}:hidden_size").set_value(32).run()
    train(at, KEY)
    evaluation = run_of(at, KEY).extras["evaluation"]

    def shown_confusion():
        spec = next(spec for spec in plotly_specs(at) if "onfusion" in title(spec))
        return spec["data"][0]["z"]

    assert shown_confusion() == evaluation.confusions[1]
    at.slider(key=f"{KEY}:replay").set_value(1).run()
    assert shown_confusion() == evaluation.confusions[0] != evaluation.confusions[1]
    assert "after epoch 1" in texts(at)
    test = evaluation.data.test
    first_epoch = names_module.predict_languages(run_of(at, KEY).frame(1).model, test)
    assert shown_confusion() == confusion_matrix(first_epoch, test.languages, 18).tolist()  # the weights of epoch 1
    assert [sum(row) for row in shown_confusion()] == test.languages.bincount().tolist()  # a row per true language
