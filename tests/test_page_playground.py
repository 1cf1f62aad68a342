"""The playground in AppTest: the data set shown before training, Playground's first screen learning the circles,
a link that opens a whole setup and trains it, bad hidden layers and no feature said while the last run stays, and
Chinese."""
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

KEY = "playground"
PAGE = "pages/playground.py"


def charts(at) -> dict[str, dict]:
    return {spec["layout"]["title"]["text"]: spec for spec in plotly_specs(at)}


def test_the_circles_are_shown_then_learned_with_playgrounds_first_screen(app):
    at = app(PAGE)
    assert "2 inputs → 4 → 2 → 2 classes · 28 weights and biases" in texts(at)
    assert at.slider(key="playground:classes").disabled  # circles have two classes
    data = charts(at)["The data set: training points (dots) and test points (rings)"]
    assert [trace["type"] for trace in data["data"]] == ["scatter"] * 4
    assert sum(len(trace["x"]) for trace in data["data"]) == 500
    train(at, KEY)
    run = run_of(at, KEY)
    last = run.trainer.history.epochs[-1]
    assert len(run.trainer.history.epochs) == 200 and last["test_acc"] > 0.9
    shown = charts(at)
    assert list(shown) == ["What the network answers over the plane", "Loss per epoch",
                           "First hidden layer: its 4 units over the plane",
                           "Accuracy per epoch"]
    regions = shown["What the network answers over the plane"]["data"]
    assert regions[0]["type"] == "heatmap" and len(regions[0]["z"]) == 100
    assert 0 <= min(map(min, regions[0]["z"])) and max(map(max, regions[0]["z"])) < 2
    assert f"Test accuracy **{last['test_acc']:.1%}**" in texts(at)
    assert "class PlaygroundNet" in "\n".join(block.value for block in at.code)


def test_a_link_opens_a_whole_setup_and_trains_it(app):
    at = app()
    at.switch_page(PAGE)
    at.query_params.update({"dataset": "spiral", "classes": "4", "hidden": "16, 16", "activation": "ReLU",
                            "x2": "1", "dropout": "0.1", "optimizer": "Adam", "lr": "0.01", "epochs": "5",
                            "autorun": "1"})
    at.run()
    wait_for_run(at, KEY)
    assert at.selectbox(key="playground:dataset").value == "spiral" and at.slider(key="playground:classes").value == 4
    assert at.checkbox(key="playground:x2").value and at.text_input(key="playground:hidden").value == "16, 16"
    run = run_of(at, KEY)
    assert run.extras["data"].classes == 4 and run.extras["data"].chosen == ["x", "y", "x2"]
    assert [type(layer).__name__ for layer in run.model.hidden] == ["Linear", "ReLU", "Dropout"] * 2
    assert "3 inputs → 16 → 16 → 4 classes" in texts(at)


def test_bad_hidden_layers_and_no_feature_are_said_and_the_last_run_stays(app):
    at = app(PAGE)
    at.slider(key="playground:epochs").set_value(3).run()
    train(at, KEY)
    before = run_of(at, KEY)
    at.text_input(key="playground:hidden").set_value("8, eight").run()
    assert "“8, eight” is not a list of hidden layers" in at.error[0].value
    at.button(key=f"{KEY}:train").click().run()
    assert not at.exception and run_of(at, KEY) is before
    assert "What the network answers over the plane" in charts(at)  # the last run is still drawn
    at.text_input(key="playground:hidden").set_value("").run()
    assert not at.error and "2 inputs → no hidden layer → 2 classes · 6 weights and biases" in texts(at)
    at.checkbox(key="playground:x").uncheck().run()
    at.checkbox(key="playground:y").uncheck().run()
    assert at.error[0].value == "Choose at least one feature for the network to see."


def test_the_page_speaks_chinese(app):
    at = app(PAGE, lang="zh")
    assert at.title[0].value == "游乐场 · 实时的二维分类器"
    assert "数据集：训练点（实心）与测试点（空心）" in charts(at)
