"""Devices, translations, weights files, and the rule that dlcore works without Streamlit."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from dlcore.engine.checkpoints import WeightsError, load_weights, weights_bytes
from dlcore.engine.devices import THREADS_VARIABLE, available_devices, pick_device, set_training_threads
from dlcore.text import LANGUAGES, STRINGS, translate

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


def _modules(folder: Path) -> list[str]:
    """The dotted names of the modules in this folder of dlcore and below it."""
    return sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                  for p in folder.rglob("*.py"))


def test_dlcore_imports_without_streamlit_except_its_ui_package():
    modules = [m for m in _modules(ROOT / "dlcore") if not m.startswith("dlcore.ui")]
    script = "import sys; sys.modules['streamlit'] = None\n" + "".join(f"import {m}\n" for m in modules)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    importers = {p.relative_to(ROOT / "dlcore").parts[0] for p in (ROOT / "dlcore").rglob("*.py")
                 if re.search(r"^\s*(import|from) streamlit", p.read_text(), re.M)}
    assert importers == {"ui"}


def _lecture_imports(path: Path) -> set[str]:
    """The lecture packages a module imports (dlcore.lectures.<key>...; the registry itself is not one)."""
    return set(re.findall(r"^\s*(?:from|import) dlcore\.lectures\.(\w+)", path.read_text(), re.M))


def test_the_engine_and_the_generic_ui_modules_import_no_lecture():
    engine = sorted((ROOT / "dlcore" / "engine").rglob("*.py"))
    generic_ui = [ROOT / "dlcore" / "ui" / f"{name}.py" for name in ("frame", "widgets", "live", "weights")]
    assert engine and all(path.exists() for path in generic_ui)
    for path in engine + generic_ui:
        assert not _lecture_imports(path) - {"course"}, path.name
    script = ("import sys\n" + "".join(f"import {m}\n" for m in _modules(ROOT / "dlcore" / "engine"))
              + "print(sorted(m for m in sys.modules if m.startswith('dlcore.lectures.') and m.count('.') > 2"
                 " and not m.endswith('.text')))")  # a lecture's strings are found by dlcore.text, not imported
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr


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


def test_one_key_names_each_lecture_its_folder_page_texts_and_preview():
    from dlcore.lectures import lectures

    for lecture in lectures():
        assert f'ui.page_setup("{lecture.key}")' in (ROOT / lecture.page).read_text(), lecture.key
        assert (ROOT / "dlcore" / "lectures" / lecture.key / "lecture.py").exists()
        assert f"lecture.{lecture.key}" in STRINGS and any(key.startswith(f"{lecture.key}.") for key in STRINGS)
        assert lecture.preview_file().name == f"{lecture.key}.png"


def test_a_movable_dataclass_moves_its_tensors_and_keeps_what_stays():
    from dlcore.engine.devices import Movable
    from dlcore.lectures.names.model import NamesData, NameSet
    names = NameSet(torch.zeros(2, 3, dtype=torch.long), torch.tensor([3, 2]), torch.tensor([0, 1]))
    moved = NamesData(["Czech"], ["<pad>", "a"], names, names).to("meta")  # a device with no data: shapes only
    assert moved.train.names.device.type == "meta" and moved.test.languages.device.type == "meta"
    assert moved.train.lengths.device.type == "cpu" and moved.vocabulary == ["<pad>", "a"]  # lengths stay
    assert isinstance(moved, Movable) and names.names.device.type == "cpu"  # the original is untouched
