"""Devices, translations, weights files, and the rule that dlcore works without Streamlit."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from dlcore.checkpoints import WeightsError, load_weights, weights_bytes
from dlcore.devices import THREADS_VARIABLE, available_devices, pick_device, set_training_threads
from dlcore.text import LANGUAGES, STRINGS, translate
from dlcore.training import Trainer

ROOT = Path(__file__).resolve().parent.parent


def test_only_existing_devices_are_offered():
    devices = available_devices()
    assert list(devices)[0] == "cpu"
    assert sum(d.startswith("cuda") for d in devices) == torch.cuda.device_count()
    assert pick_device("cuda:7" if torch.cuda.device_count() < 8 else "nope") == torch.device("cpu")


def test_every_string_exists_in_both_languages_with_the_same_placeholders():
    assert set(LANGUAGES) == {"en", "zh"}
    for key, (english, chinese) in STRINGS.items():
        assert english.strip() and chinese.strip(), key
        assert set(re.findall(r"{(\w+)", english)) == set(re.findall(r"{(\w+)", chinese)), key
    assert translate("train.stopped", "zh", epoch=3, epochs=10).startswith("在第 3/10 轮")


def test_pages_use_only_known_text_keys():
    used = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py")]:
        used |= set(re.findall(r"""\.t\(\s*f?["']([\w.]+)["']""", path.read_text()))
    unknown = {key for key in used if key not in STRINGS and not key.endswith(".")}
    assert not unknown


def test_dlcore_imports_without_streamlit_except_its_adapter():
    modules = sorted(p.stem for p in (ROOT / "dlcore").glob("*.py") if p.stem not in ("__init__", "ui"))
    script = ("import sys; sys.modules['streamlit'] = None\n"
              + "".join(f"import dlcore.{m}\n" for m in modules) + "import dlcore.text\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    importers = [p.name for p in (ROOT / "dlcore").rglob("*.py")
                 if re.search(r"^\s*(import|from) streamlit", p.read_text(), re.M)]
    assert importers == ["ui.py"]


def test_weights_round_trip_and_mismatches_are_explained():
    source, target = torch.nn.Linear(3, 2), torch.nn.Linear(3, 2)
    load_weights(target, weights_bytes(source))
    assert torch.equal(source.weight, target.weight)
    with pytest.raises(WeightsError) as error:
        load_weights(torch.nn.Linear(4, 2), weights_bytes(source))
    assert error.value.key == "weights.shape" and error.value.values["name"] == "weight"
    with pytest.raises(WeightsError) as error:
        load_weights(torch.nn.Sequential(torch.nn.Linear(3, 2)), weights_bytes(source))
    assert error.value.key == "weights.other_model"
    with pytest.raises(WeightsError) as error:
        load_weights(target, b"not a weights file")
    assert error.value.key == "weights.unreadable"


def test_training_leaves_a_core_for_the_browser_unless_told_otherwise(monkeypatch):
    all_but_one = max(1, len(os.sched_getaffinity(0)) - 1)
    monkeypatch.delenv(THREADS_VARIABLE, raising=False)
    assert set_training_threads() == torch.get_num_threads() == all_but_one
    try:
        monkeypatch.setenv(THREADS_VARIABLE, "3")
        assert set_training_threads() == torch.get_num_threads() == 3
        monkeypatch.setenv(THREADS_VARIABLE, "many")
        assert set_training_threads() == torch.get_num_threads() == all_but_one
    finally:
        monkeypatch.delenv(THREADS_VARIABLE)
        set_training_threads()


def test_a_run_still_training_in_an_earlier_script_run_is_stopped_before_it_is_shown():
    """Streamlit may start the run for a Stop click before the training loop of the earlier run has ended."""
    import threading
    import time

    from dlcore import ui

    trainer = Trainer(lambda batch: time.sleep(0.01) or 1.0, lambda: range(100), 100)
    assert not trainer.running
    earlier_run = threading.Thread(target=trainer.fit)
    earlier_run.start()
    while len(trainer.history.batch_loss) < 3:
        time.sleep(0.01)
    assert trainer.running and trainer.outcome is None
    ui._let_it_stop(ui.Run(trainer))
    assert not trainer.running and trainer.outcome.kind == "stopped"
    assert len(trainer.history.batch_loss) < 100
    earlier_run.join(timeout=5)
    ui._let_it_stop(ui.Run(trainer))  # a finished run: nothing to wait for


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize("draw_seconds", [0.001, 0.05, 0.5])
def test_live_charts_redraw_a_few_times_a_second_and_slow_charts_take_little_of_the_run(monkeypatch, draw_seconds):
    """A run of 60 s in batches of 10 ms, on a fake clock: how often the charts are redrawn, and what that costs."""
    from dlcore import ui

    clock = FakeClock()
    monkeypatch.setattr(ui.time, "perf_counter", clock)
    monkeypatch.setattr(ui, "CHECKPOINT_SECONDS", float("inf"))  # no Streamlit script runs here to be stopped

    def draw(run):
        clock.now += draw_seconds
        return {}

    class Slot:
        def show(self, figures, suffix):
            pass

        def progress(self, fraction, text):
            pass

    trainer = Trainer(lambda x, y: 0.0, lambda: [], 1)
    live = ui.LiveCharts(ui.Page("test", "en", "cpu", 0), ui.Run(trainer), draw, Slot(), Slot())
    live.on_train_start(trainer)
    while clock.now < 60:
        clock.now += 0.01
        live.on_batch_end(trainer)
    per_second = live.redraws / clock.now
    assert 1 / (1 + draw_seconds) - 0.01 <= per_second <= 1 / ui.REDRAW_SECONDS + 0.1, per_second  # never a second without one
    drawing_share = live.redraws * draw_seconds / clock.now
    assert drawing_share <= max(ui.DRAWING_SHARE, draw_seconds / (1 + draw_seconds)) + 0.01, drawing_share
