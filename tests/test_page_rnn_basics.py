"""The lecture 12 page in AppTest: train each model, read the table and charts, bad strings, both languages."""
import pytest

from dlcore.engine.settings import DEFAULT_SEED
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

PAGE, KEY = "pages/rnn_basics.py", "rnn_basics"


def open_page(app, lang="en", paced=False):
    """The page, as fast as possible unless paced (its default: 3 epochs a second)."""
    at = app(PAGE, lang=lang)
    if not paced:
        at.select_slider(key=f"{KEY}:speed").set_value(0).run()
    return at


def title(spec) -> str:
    value = spec["layout"].get("title", "")
    return value.get("text", "") if isinstance(value, dict) else value


def chart(at, part: str) -> dict:
    found = [spec for spec in plotly_specs(at) if part in title(spec)]
    assert len(found) == 1, [title(spec) for spec in plotly_specs(at)]
    return found[0]


def table_rows(at, part="Predicted string per epoch") -> list[list]:
    cells = chart(at, part)["data"][0]["cells"]["values"]
    return [list(row) for row in zip(*cells)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_course_defaults_train_and_fill_the_table_and_charts(app, lang):
    at = open_page(app, lang, paced=lang == "en")
    assert "hello" in [box.value for box in at.text_input] and "ohlol" in [box.value for box in at.text_input]
    train(at, KEY)
    assert len(at.success) == 1 and not at.error
    table = "Predicted string per epoch" if lang == "en" else "每轮预测的字符串"
    rows = table_rows(at, table)
    assert [row[0] for row in rows] == list(range(1, 16))
    assert all(row[-2].endswith("/5") and len(row) == 8 for row in rows)  # epoch, 5 characters, right, loss
    assert float(rows[-1][-1]) < float(rows[0][-1])
    hidden = chart(at, "Hidden state" if lang == "en" else "每个时间步的隐藏状态")
    assert len(hidden["data"][0]["z"]) == 4 and len(hidden["data"][0]["z"][0]) == 5  # 4 units × 5 steps
    softmax = chart(at, "softmax")
    assert softmax["data"][0]["y"] == ["e", "h", "l", "o"]
    assert all(abs(sum(column) - 1) < 1e-4 for column in zip(*softmax["data"][0]["z"]))
    verdict = {"en": ("predicts **ohlol**", "not **ohlol**"), "zh": ("预测出了 **ohlol**", "而不是 **ohlol**")}[lang]
    assert any(part in texts(at) for part in verdict)  # learned, or a message saying it got stuck
    assert at.expander[-1].label in ("The code", "代码") and "RNNCell" in at.code[0].value


@pytest.mark.parametrize("variant", ["rnncell", "rnn", "embedding", "lstm", "gru"])
def test_every_models_first_click_learns_ohlol_in_the_notes_15_epochs(app, variant):
    """The lecture's first click, with the default seed (dlcore.engine.settings.DEFAULT_SEED), as the notes print it."""
    at = open_page(app)
    assert at.number_input(key="seed").value == DEFAULT_SEED and at.slider(key=f"{KEY}:epochs").value == 15
    at.selectbox(key=f"{KEY}:variant").set_value(variant).run()
    train(at, KEY)
    shown = texts(at)
    assert "predicts **ohlol**" in shown, shown
    assert table_rows(at)[-1][1:7] == [*"ohlol", "5/5"]


def test_the_hidden_size_is_fixed_for_the_courses_models_and_free_for_the_others(app):
    at = open_page(app)
    assert "Hidden size = vocabulary size = **4**" in texts(at)
    assert not [s for s in at.slider if s.key == f"{KEY}:hidden_size"]
    at.selectbox(key=f"{KEY}:variant").set_value("lstm").run()
    at.slider(key=f"{KEY}:hidden_size").set_value(8).run()
    at.slider(key=f"{KEY}:num_layers").set_value(2).run()
    train(at, KEY)
    assert len(chart(at, "Hidden state")["data"][0]["z"]) == 8
    assert "nn.LSTM" in at.code[0].value


@pytest.mark.parametrize("source, target, message", [
    ("hello", "ohlo", "same length"),
    ("", "ohlol", "neither may be empty"),
    ("a" * 65, "b" * 65, "at most 64 characters"),
])
def test_bad_strings_give_a_message_and_keep_the_previous_run(app, source, target, message):
    at = train(open_page(app), KEY)
    before = table_rows(at)
    at.text_input(key=f"{KEY}:source").set_value(source)
    at.text_input(key=f"{KEY}:target").set_value(target).run()
    assert message in at.error[0].value
    train(at, KEY)
    assert len(at.error) == 1 and message in at.error[0].value
    assert table_rows(at) == before


def test_bad_strings_are_explained_in_chinese(app):
    at = open_page(app, "zh")
    at.text_input(key=f"{KEY}:target").set_value("ohlo").run()
    assert "长度必须相同" in at.error[0].value


def test_own_unicode_strings_build_their_own_vocabulary(app):
    at = open_page(app)
    at.text_input(key=f"{KEY}:source").set_value("你好世界")
    at.text_input(key=f"{KEY}:target").set_value("界世好你").run()
    assert "Hidden size = vocabulary size = **4**" in texts(at)
    train(at, KEY)
    assert sorted(chart(at, "softmax")["data"][0]["y"]) == sorted("你好世界")
    assert [row[0] for row in table_rows(at)][-1] == 15


def test_the_default_pace_makes_the_course_run_watchable(app):
    at = train(open_page(app, paced=True), KEY)
    run = run_of(at, KEY)
    assert run.trainer.pace == 3 and run.epochs_done == 15
    assert run.trainer.seconds > 3  # 15 epochs at 3 a second: about 5 s on screen


@pytest.mark.parametrize("button", ["step", "step_batch"])
def test_a_step_is_exactly_one_epoch_here(app, button):
    at = open_page(app)
    for expected in (1, 2):
        at.button(key=f"{KEY}:{button}").click().run()
        wait_for_run(at, KEY, timeout=10)
        run = run_of(at, KEY)
        assert run.state == "paused" and run.epochs_done == expected
        assert len(run.trainer.history.batch_loss) == expected  # one batch, the whole string, is one epoch
        assert [row[0] for row in table_rows(at)] == list(range(1, expected + 1))


def test_the_replay_slider_shows_the_table_and_heatmaps_of_an_earlier_epoch(app):
    at = train(open_page(app), KEY)
    assert len(table_rows(at)) == 15
    verdict = texts(at)
    at.slider(key=f"{KEY}:replay").set_value(1).run()
    assert "not **ohlol**" in texts(at)  # the verdict of that epoch: nothing is learned after one
    at.slider(key=f"{KEY}:replay").set_value(4).run()
    assert [row[0] for row in table_rows(at)] == [1, 2, 3, 4]
    assert "epoch 4" in title(chart(at, "Hidden state"))
    at.slider(key=f"{KEY}:replay").set_value(15).run()
    assert len(table_rows(at)) == 15 and texts(at) == verdict
