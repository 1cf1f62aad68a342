"""Lecture 7's page in AppTest: the first click shows the notes' network answering one class, and says so; the
exercise's link beats it; the data and the matrix view; a missing table; Chinese."""
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

KEY = "multiple_input"


def titles(at) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]


def test_the_first_click_shows_the_notes_network_answering_one_class_for_everyone(app):
    at = app("pages/multiple_input.py")
    assert "Lecture 7" in at.title[0].value and "607 patients to train on, 152 to validate on" in texts(at)
    assert titles(at) == ["The 8 features, by label (validation and training patients together)"]
    shapes = at.dataframe[0].value
    assert list(shapes.iloc[:, 0])[:2] == ["input", "linear1"]
    assert list(shapes.iloc[:, 1]) == ["607 × 8", "607 × 6", "607 × 6", "607 × 4", "607 × 4", "607 × 1", "607 × 1"]
    train(at, KEY)
    run = run_of(at, KEY)
    assert run.trainer.outcome.kind == "finished" and len(run.trainer.history.epochs) == 100
    assert "**The network answers label 1 for every patient.** Its validation accuracy, 64.5%" in texts(at)
    accuracy = next(spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"] == "Accuracy per epoch")
    majority = [trace for trace in accuracy["data"] if trace["name"].startswith("one answer for everyone")]
    assert len(majority) == 1 and majority[0]["y"] == [0.6447368264198303] * 2
    links = [link.proto for link in at.main.get("page_link")]
    assert [link.label for link in links] == ["Train the exercise: ReLU, batches of 32"]
    assert "class DiabetesNet" in "\n".join(block.value for block in at.code)


def test_the_exercises_link_beats_the_majority(app):
    at = app()
    at.switch_page("pages/multiple_input.py")
    at.query_params.update({"activation1": "ReLU", "activation2": "ReLU", "batch_size": "32", "autorun": "1"})
    at.run()
    wait_for_run(at, KEY)
    last = run_of(at, KEY).trainer.history.epochs[-1]
    assert last["classes"] == 2 and last["val_acc"] > 0.7
    assert f"Validation accuracy **{last['val_acc']:.1%}** (one answer for everyone: 64.5%)." in texts(at)
    assert "answers label" not in texts(at) and not at.main.get("page_link")


def test_a_missing_table_says_where_to_put_it(app, monkeypatch, tmp_path):
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    at = app("pages/multiple_input.py")
    assert f"`diabetes.csv.gz` is not in `{tmp_path}`" in at.error[0].value
    assert not at.button  # nothing to train


def test_the_page_speaks_chinese(app):
    at = app("pages/multiple_input.py", lang="zh")
    assert at.title[0].value == "第 7 讲 · 多维特征输入"
    train(at, KEY)
    assert "**网络对每位病人都回答 标签 1。**" in texts(at)
