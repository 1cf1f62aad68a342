"""Lecture 8's page in AppTest: the three ways train side by side, per epoch and per second, with the table of
iterations and time per epoch; the notes' code is shown; Chinese."""
from torch.utils.data import SequentialSampler

from pagetools import plotly_specs, run_of, texts, train

KEY = "dataloader"


def test_the_three_ways_train_side_by_side_with_their_iterations_and_times(app):
    at = app("pages/dataloader.py")
    assert "Lecture 8" in at.title[0].value and "759 patients" in texts(at)
    at.slider(key=f"{KEY}:epochs").set_value(10).run()
    train(at, KEY)
    specs = plotly_specs(at)
    assert [spec["layout"]["title"]["text"] for spec in specs] == ["Loss per epoch", "Loss against seconds of training"]
    for spec in specs:
        assert [trace["name"] for trace in spec["data"]] == ["whole table (batch 759)", "mini-batches of 32",
                                                            "one patient (batch 1)"]
        assert all(len(trace["y"]) == 10 for trace in spec["data"])
    table = at.dataframe[0].value
    assert list(table["Iterations per epoch"]) == [1, 24, 759]
    comparison = run_of(at, KEY).extras["comparison"]
    measured = [round(1000 * comparison.seconds[way] / 10, 3) for way in ("full", "mini", "single")]
    assert list(table["ms per epoch"]) == measured and all(ms > 0 for ms in measured)  # which is slower: bench, README
    code = "\n".join(block.value for block in at.code)
    assert "class DiabetesDataset(Dataset)" in code and "for inputs, labels in loader:" in code
    assert "num_workers=0" in texts(at)


def test_another_mini_batch_size_and_no_shuffling(app):
    at = app("pages/dataloader.py")
    at.selectbox(key=f"{KEY}:batch_size").set_value(128).run()
    at.checkbox(key=f"{KEY}:shuffle").uncheck().run()
    at.slider(key=f"{KEY}:epochs").set_value(2).run()
    train(at, KEY)
    comparison = run_of(at, KEY).extras["comparison"]
    assert comparison.iterations("mini") == 6 and list(at.dataframe[0].value["Iterations per epoch"]) == [1, 6, 759]
    assert all(isinstance(loader.sampler, SequentialSampler) for loader in comparison.loaders.values())


def test_the_page_speaks_chinese(app):
    at = app("pages/dataloader.py", lang="zh")
    assert at.title[0].value == "第 8 讲 · Dataset 与 DataLoader" and "759 位病人" in texts(at)


def test_a_missing_table_says_where_to_put_it(app, monkeypatch, tmp_path):
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    at = app("pages/dataloader.py")
    assert f"`diabetes.csv.gz` is not in `{tmp_path}`" in at.error[0].value and not at.button


def test_the_page_links_to_seed_002s_folders_of_photos(app):
    at = app("pages/dataloader.py")
    links = [element for element in at.get("page_link") if "ImageFolder" in element.proto.label]
    assert len(links) == 1 and links[0].proto.page.endswith("folders")
