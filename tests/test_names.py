"""Lecture 13 in dlcore: finding and reading the surnames, padding and packing, and a classifier that learns."""
import time
import zipfile

import pytest
import torch

from dlcore.lectures.classifiers import figures as image_figures
from dlcore.lectures.names.model import (NAMES_URL, NameClassifier, NamesDataMissing, encode_name, load_names_data,
                          majority_baseline, names_data, names_folder, names_trainer, pad_names, read_names,
                          stratified_split, top_languages)
from dlcore.text import translate


@pytest.fixture(scope="module")
def names():
    return read_names(names_folder(download=False))


@pytest.fixture(scope="module")
def data(names):
    return names_data(names)


@pytest.fixture(scope="module")
def trained(data):
    """A short run on the real data: two epochs."""
    torch.manual_seed(0)
    trainer, model, evaluation = names_trainer(data, epochs=2, generator=torch.Generator().manual_seed(0))
    started = time.perf_counter()
    trainer.fit()
    print(f"names: {trainer.history.series('accuracy')} in {time.perf_counter() - started:.1f} s")
    return trainer, model, evaluation


def test_the_tutorial_data_has_18_languages_and_20074_names(names):
    assert len(names.languages) == 18 and len(names.names) == 20_074
    assert names.languages == sorted(names.languages) and "Russian" in names.languages
    russian = names.languages.index("Russian")
    assert names.labels.count(russian) == 9_408
    assert any(not name.isascii() for name in names.names)  # UTF-8 is read as such (e.g. Polish, Czech names)


def test_the_split_is_stratified_fixed_and_disjoint(names):
    train, test = stratified_split(names.labels)
    again_train, again_test = stratified_split(names.labels)
    assert torch.equal(train, again_train) and torch.equal(test, again_test)
    assert len(set(train.tolist()) & set(test.tolist())) == 0 and len(train) + len(test) == len(names.names)
    labels = torch.tensor(names.labels)
    for label in range(len(names.languages)):
        share = (labels[test] == label).sum().item() / (labels == label).sum().item()
        assert share == pytest.approx(0.2, abs=0.02)


def test_the_majority_class_alone_gives_47_percent(data):
    language, accuracy = majority_baseline(data)
    assert language == "Russian" and accuracy == pytest.approx(0.47, abs=0.01)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty home, so that the cache folder (~/.cache/dl-classroom) holds nothing yet."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def names_zip(folder, files: dict[str, str]) -> str:
    """A data.zip like the tutorial's in folder, holding files (path in the archive: text), as a file:// URL."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(folder / "data.zip", "w") as zipped:
        for name, text in files.items():
            zipped.writestr(name, text)
    return (folder / "data.zip").as_uri()


def test_a_missing_folder_says_what_to_download_and_where(tmp_path, home):
    with pytest.raises(NamesDataMissing) as raised:
        names_folder(tmp_path, download=False)
    assert raised.value.reason is None
    message = translate(raised.value.key, "en", **raised.value.values)
    assert NAMES_URL in message and str(tmp_path / "names") in message
    assert str(tmp_path / "names") in translate(raised.value.key, "zh", **raised.value.values)


def test_a_failed_download_says_the_same_and_leaves_nothing_behind(tmp_path, home):
    root = tmp_path / "data"
    root.mkdir()
    with pytest.raises(NamesDataMissing) as raised:
        names_folder(root, url=(tmp_path / "nowhere" / "data.zip").as_uri())
    assert raised.value.values["folder"] == str(root / "names") and "nowhere" in raised.value.reason
    assert list(root.iterdir()) == []
    not_a_zip = tmp_path / "mirror" / "data.zip"
    not_a_zip.parent.mkdir()
    not_a_zip.write_bytes(b"an error page")
    with pytest.raises(NamesDataMissing):
        names_folder(root, url=not_a_zip.as_uri())
    assert list(root.iterdir()) == []


def test_the_download_extracts_only_the_names(tmp_path, home):
    url = names_zip(tmp_path / "mirror", {"data/names/Czech.txt": "Novák\nDvořák\n", "data/eng-fra.txt": "not needed"})
    progress = []
    folder = names_folder(tmp_path, url=url, progress=lambda done, total: progress.append((done, total)))
    assert folder == tmp_path / "data" / "names"
    assert read_names(folder).names == ["Novák", "Dvořák"]
    assert not (tmp_path / "data" / "eng-fra.txt").exists() and not list(tmp_path.glob("*.zip*"))
    assert progress and progress[-1][0] == progress[-1][1] == (tmp_path / "mirror" / "data.zip").stat().st_size


def test_a_read_only_data_directory_downloads_into_the_cache_and_finds_it_there(tmp_path, home):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    try:
        url = names_zip(tmp_path / "mirror", {"data/names/Greek.txt": "Papadopoulos\nNikolaidis\nGeorgiou\nPappas\nDimitriou\n"})
        folder = names_folder(read_only, url=url)
        assert folder == home / ".cache" / "dl-classroom" / "data" / "names"
        assert names_folder(read_only, download=False) == folder  # the next start finds it: no second download
        assert load_names_data(read_only, download=False).languages == ["Greek"]
    finally:
        read_only.chmod(0o755)


def test_the_data_zip_layout_is_found_in_the_data_directory(tmp_path, home):
    (tmp_path / "data" / "names").mkdir(parents=True)
    (tmp_path / "data" / "names" / "Greek.txt").write_text("Papadopoulos\nNikolaidis\nGeorgiou\nPappas\nDimitriou\n",
                                                                encoding="utf-8")
    assert load_names_data(tmp_path, download=False).languages == ["Greek"]


def test_padding_does_not_change_what_the_packed_gru_reads(data):
    torch.manual_seed(0)
    model = NameClassifier(len(data.vocabulary), len(data.languages), hidden_size=16).eval()
    short, _ = encode_name("Li", data.char_index)
    long, _ = encode_name("Abramovich", data.char_index)
    alone = model(torch.tensor([short]), torch.tensor([2]))
    padded, lengths = pad_names([long, short])
    assert padded.shape == (2, 10) and lengths.tolist() == [10, 2] and padded[1, 2:].eq(0).all()
    together = model(padded, lengths)
    assert torch.allclose(together[1], alone[0], atol=1e-6)


def test_the_classifier_beats_70_percent_after_a_short_run(trained, data):
    trainer, _, evaluation = trained
    accuracy = trainer.history.series("accuracy")[-1]
    assert accuracy >= 0.70
    confusion = torch.tensor(evaluation.confusion)
    assert confusion.shape == (18, 18) and confusion.sum() == len(data.test)
    assert confusion.diag().sum().item() / len(data.test) == pytest.approx(accuracy)
    figure = image_figures.confusion_heatmap(evaluation.confusion, data.languages, "en")
    assert list(figure.data[0].x) == data.languages


def test_typed_names_get_three_languages_and_unseen_characters_are_skipped(trained, data):
    _, model, _ = trained
    ranked, unseen = top_languages(model, data, "Nakamura")
    assert len(ranked) == 3 and unseen == [] and ranked[0][0] == "Japanese"
    assert ranked[0][1] >= ranked[1][1] >= ranked[2][1] and sum(p for _, p in ranked) <= 1 + 1e-6
    ranked, unseen = top_languages(model, data, "Nakamura☃")
    assert unseen == ["☃"] and ranked[0][0] == "Japanese"
    assert top_languages(model, data, "☃☃") == ([], ["☃"])
    assert top_languages(model, data, "   ") == ([], [])
