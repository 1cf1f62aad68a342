"""Lecture mode: settings in the page's address, autorun, the projector view, the timing of a run and the race."""
import math
import time

import pytest
import torch

from dlcore.engine import figures
from dlcore.lectures.regression import figures as regression_figures
from dlcore.engine.settings import Setting, epochs, learning_rate, optimizer, parse_switch
from dlcore.engine.training import History, Trainer, full_batch, minibatches
from dlcore.ui.state import PageState
from pagetools import run_of, texts, wait_for_run

# -- dlcore: a setting's value as a link writes it ------------------------------------------------------------


@pytest.mark.parametrize("setting, value", [
    (learning_rate(0.01), 0.01), (learning_rate(0.01), 5.0), (epochs(100, high=2000), 30), (optimizer(), "Adam"),
    (Setting("batch_size", 10, "x", widget="select_slider", options=(1, 2, 5, 10)), 5),
    (Setting("on", False, "x", widget="checkbox"), True), (Setting("source", "hello", "x", widget="text"), "hi there"),
])
def test_a_value_written_into_a_link_reads_back_the_same(setting, value):
    assert setting.parse(setting.text(value)) == value
    assert type(setting.parse(setting.text(value))) is type(value)


def test_a_whole_number_rate_is_written_short():
    assert learning_rate(0.01).text(5.0) == "5"


@pytest.mark.parametrize("setting, text", [
    (learning_rate(0.01), "abc"), (learning_rate(0.01), "-1"), (learning_rate(0.01), "nan"), (learning_rate(0.01), "inf"),
    (epochs(100, high=2000), "2.5"), (epochs(100, high=2000), "5000"), (epochs(100, high=2000), "-3"),
    (optimizer(), "Adamm"), (Setting("batch_size", 10, "x", widget="select", options=(1, 10)), "3"),
    (Setting("on", False, "x", widget="checkbox"), "maybe"),
])
def test_a_value_that_is_not_one_of_the_settings_values_is_refused(setting, text):
    with pytest.raises(ValueError):
        setting.parse(text)


def test_switches_read_the_usual_words():
    assert [parse_switch(text) for text in ("1", "true", "ON", "0", "no")] == [True, True, True, False, False]


# -- dlcore: the timing of a run ------------------------------------------------------------------------------


def test_timing_counts_the_samples_and_batches_of_every_step():
    x, y = torch.randn(100, 3), torch.randn(100, 1)
    model = torch.nn.Linear(3, 1)
    optimizer_ = torch.optim.SGD(model.parameters(), lr=0.01)

    def step(batch):
        loss = torch.nn.functional.mse_loss(model(batch[0]), batch[1])
        optimizer_.zero_grad()
        loss.backward()
        optimizer_.step()
        return loss

    trainer = Trainer(step, minibatches(x, y, 30, torch.Generator().manual_seed(0)), 3)
    trainer.fit()
    timing = trainer.timing
    assert (timing.samples, timing.batches, timing.epochs) == (300, 12, 3)  # 30+30+30+10 a epoch
    assert timing.samples_per_second == pytest.approx(300 / timing.step_seconds)
    assert timing.ms_per_batch == pytest.approx(1000 * timing.step_seconds / 12)
    assert 0 < timing.step_seconds <= timing.working_seconds <= trainer.seconds


def test_a_slowed_down_run_does_not_count_its_waits_as_work():
    trainer = Trainer(lambda batch: 1.0, full_batch(torch.zeros(4, 1)), 5, pace=10)  # 5 steps at 10 a second
    trainer.fit()
    assert trainer.seconds >= 0.35  # four waits of a tenth of a second
    assert trainer.timing.working_seconds < 0.1
    assert trainer.timing.seconds_per_epoch == pytest.approx(trainer.timing.working_seconds / 5)
    assert trainer.timing.samples == 20


def test_sequences_count_one_string_a_step():
    from dlcore.lectures.rnn_basics.model import char_task, sequence_trainer

    trainer, _, _ = sequence_trainer("rnn", char_task("hello", "ohlol"), epochs=2)
    trainer.fit()
    assert trainer.timing.samples == 2


# -- dlcore: the colour-blind-safe palette --------------------------------------------------------------------


def test_charts_draw_with_the_colour_blind_safe_palette():
    history = History(batch_loss=[1.0, 0.5, 0.4, 0.3], epochs=[{"epoch": 1, "loss": 0.75, "batches": 2},
                                                                {"epoch": 2, "loss": 0.35, "batches": 2}])
    history.lr_changes.append({"batch": 2, "epoch": 2, "lr": 0.1})
    loss = figures.loss_curve(history)
    sigmoid = regression_figures.sigmoid_decision([0, 5, 10], [0.1, 0.5, 0.9], 5.0, [1, 2], [0, 1])
    allowed = set(figures.PALETTE) | {figures.GREY, "gray"} | {figures.faint(c, a) for c in figures.PALETTE
                                                               for a in (0.35, 0.5)}
    colours = [trace.line.color for fig in (loss, sigmoid) for trace in fig.data if trace.line.color is not None]
    colours += [trace.marker.color for fig in (loss, sigmoid) for trace in fig.data
                if isinstance(trace.marker.color, str)]
    assert colours and set(colours) <= allowed, set(colours) - allowed
    assert list(loss.layout.colorway) == figures.PALETTE


# -- pages: links, autorun, projector view ---------------------------------------------------------------------


def open_with_link(app, page: str, query: dict):
    at = app()
    at.switch_page(page)
    at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_link_sets_the_pages_settings_and_the_sidebar_and_is_written_back(app):
    at = open_with_link(app, "pages/logistic_regression.py", {"lr": "5", "epochs": "300", "lang": "zh", "seed": "7"})
    assert at.session_state["logistic_regression:lr"] == 5.0 and at.session_state["logistic_regression:epochs"] == 300
    assert at.session_state["lang"] == "zh" and at.session_state["seed"] == 7
    assert at.title[0].value == "逻辑回归" or "逻辑" in at.title[0].value
    assert dict(at.query_params) == {"lang": "zh", "seed": "7", "lr": "5", "epochs": "300"}
    assert not at.warning  # nothing in the link was refused
    at.slider(key="logistic_regression:epochs").set_value(500).run()  # a change is written into the address once settled:
    assert dict(at.query_params)["epochs"] == "300"  # the run after a change sets a timer (a fragment) instead,
    at.run()  # and the run that timer starts, with nothing changed, writes it
    assert dict(at.query_params)["epochs"] == "500"
    assert at.session_state["logistic_regression:epochs"] == 500  # the link's 300 was applied once, never again
    at.slider(key="logistic_regression:epochs").set_value(1000).run()
    at.run()
    assert "epochs" not in dict(at.query_params)  # the default is left out of it


def test_bad_and_unknown_values_in_a_link_are_named_and_ignored(app):
    at = open_with_link(app, "pages/logistic_regression.py",
                        {"lr": "abc", "epochs": "99999", "device": "cuda:7", "seed": "-1", "colour": "red", "lang": "fr"})
    note = " ".join(warning.value for warning in at.warning)
    for item in ("lr=abc", "epochs=99999", "device=cuda:7", "seed=-1", "colour=red", "lang=fr"):
        assert item in note
    assert at.session_state["logistic_regression:lr"] == 0.01 and at.session_state["logistic_regression:epochs"] == 1000  # the defaults
    assert at.session_state["device"] == "cpu" and at.session_state["lang"] == "en"
    assert dict(at.query_params) == {}  # what was ignored is not written back
    at.run()
    assert "lr=abc" in " ".join(warning.value for warning in at.warning)  # the note stays while on the page


def test_a_link_with_autorun_trains_as_the_page_opens(app):
    at = open_with_link(app, "pages/linear_regression.py", {"epochs": "20", "optimizer": "Adam", "autorun": "1"})
    run = run_of(at, "linear_regression:course")
    wait_for_run(at, "linear_regression:course")
    assert run.trainer.epochs == 20 and run.settings["optimizer"] == "Adam"
    assert run.trainer.outcome.kind == "finished"
    assert "autorun" not in dict(at.query_params)  # a reload does not train again
    at.run()
    assert run_of(at, "linear_regression:course") is run


def test_a_variant_and_its_settings_come_from_the_link(app):
    at = open_with_link(app, "pages/linear_regression.py", {"dataset": "d2l", "batch_size": "50"})
    assert at.session_state["linear_regression:dataset"] == "d2l"
    assert at.session_state["linear_regression:d2l:batch_size"] == 50
    assert dict(at.query_params) == {"dataset": "d2l", "batch_size": "50"}


def test_the_copy_link_box_holds_the_address_of_the_setup(app):
    at = open_with_link(app, "pages/rnn_basics.py", {"variant": "gru", "epochs": "20"})
    addresses = [code.value for code in at.code if "variant=gru" in code.value]
    assert addresses and "epochs=20" in addresses[0], [code.value for code in at.code]
    at.checkbox(key="link:with_autorun").check().run()
    assert any("autorun=1" in code.value for code in at.code)


def test_the_projector_view_folds_the_prose_and_is_in_the_link(app):
    at = open_with_link(app, "pages/logistic_regression.py", {"present": "1"})
    assert at.session_state["present"] is True
    assert any(expander.label == "About this lecture" for expander in at.expander)
    assert dict(at.query_params) == {"present": "1"}
    at.toggle(key="present").set_value(False).run()
    assert not any(expander.label == "About this lecture" for expander in at.expander)
    at.run()  # settled
    assert dict(at.query_params) == {}


# -- pages: the timing line and the CPU-against-GPU race ---------------------------------------------------------


def test_every_run_says_where_and_how_fast_it_trained(app):
    at = open_with_link(app, "pages/logistic_regression.py", {"epochs": "50", "autorun": "1"})
    wait_for_run(at, "logistic_regression")
    line = next(caption.value for caption in at.caption if "samples/s" in caption.value)
    assert "CPU" in line and f"{torch.get_num_threads()} CPU thread" in line and "ms a batch" in line


def test_the_race_is_offered_only_where_there_is_a_gpu(app):
    at = app("pages/logistic_regression.py")
    assert ("logistic_regression:race" in [button.key for button in at.button]) == torch.cuda.is_available()


def test_the_race_trains_the_same_run_on_both_devices_and_says_how_much_faster(app, monkeypatch):
    """On a machine without a GPU the race's path runs CPU against CPU: two runs, the same settings, a factor."""
    import dlcore.ui.live

    monkeypatch.setattr(dlcore.ui.live, "race_devices", lambda: ["cpu", "cpu"])
    at = open_with_link(app, "pages/logistic_regression.py", {"epochs": "200"})
    at.button(key="logistic_regression:race").click().run()
    racers = PageState("logistic_regression", at.session_state).race
    assert len(racers) == 2 and all(racer.trainer.epochs == 200 for racer in racers)
    deadline = time.time() + 120
    for racer in racers:
        assert racer.join(max(1, deadline - time.time()))
    at.run()
    assert all(racer.trainer.outcome.kind == "finished" for racer in racers)
    assert run_of(at, "logistic_regression") is None  # the race leaves the page's own run alone
    factor = racers[1].trainer.timing.samples_per_second / racers[0].trainer.timing.samples_per_second
    assert f"{factor:.1f}×" in texts(at)
    assert math.isclose(racers[0].model.linear.weight.item(), racers[1].model.linear.weight.item(), rel_tol=1e-6)
