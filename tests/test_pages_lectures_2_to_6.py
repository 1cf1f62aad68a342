"""Home and the lecture 2-6 pages in AppTest: train, pause, step, train more, replay, compare runs, bad values,
persistence, both languages."""
import re
import time

import pytest
import torch


from dlcore.lectures.gradient_descent import model as gd
from dlcore.lectures.regression import model as reg
from dlcore.lectures import lectures
from dlcore.engine.settings import DEFAULT_SEED
from dlcore.engine.training import ManualRate, Trainer, full_batch, supervised_step
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

PAGES = {
    "pages/linear_model.py": "linear_model",
    "pages/backprop.py": "backprop",
    "pages/linear_regression.py": "linear_regression:course",
    "pages/logistic_regression.py": "logistic_regression",
}
LOSS_TITLES = ("Loss per epoch", "每轮损失")


def number_after(text: str, label: str) -> float:
    return float(re.search(re.escape(label) + r"\D*?(-?[\d.]+)", text).group(1))


def fast(at, key: str):
    """Train as fast as possible (the pages' default pace makes a run last seconds on screen)."""
    at.select_slider(key=f"{key}:speed").set_value(0).run()
    return at


def open_fast(app, path: str, lang: str = "en"):
    return fast(app(path, lang=lang), PAGES[path])


def click(at, key: str, button: str):
    """Click one of the run's buttons and wait for the worker to let go (a pause, a step, the end)."""
    at.button(key=f"{key}:{button}").click().run()
    assert not at.exception, at.exception
    run = run_of(at, key)
    run.join(60)
    at.run()
    return run


def chart(at, title: str) -> dict:
    return next(spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"] == title)


def loss_chart(at) -> dict:
    return next(spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"] in LOSS_TITLES)


def weights(model) -> list[torch.Tensor]:
    return [parameter.detach().clone() for parameter in model.parameters()]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_lists_the_lectures_in_course_order_with_device_and_data(app, lang):
    at = app(lang=lang)
    shown = texts(at)
    title = {"en": "Live Deep-Learning Classroom", "zh": "深度学习实时课堂"}[lang]
    assert title in shown
    assert ("Device in use: **CPU**" if lang == "en" else "当前设备：**CPU**") in shown
    assert "/shared/data" in shown or ".cache/dl-classroom" in shown
    soon = {"en": "coming soon", "zh": "即将推出"}[lang]
    assert shown.count(soon) == 0  # every lecture is built
    headings = [m.value for m in at.markdown if m.value.startswith("####")]
    assert "Linear model" in headings[0] or "线性模型" in headings[0]
    assert len(headings) == len(lectures()) >= 18  # twelve lecture topics, Draw a digit, your own data,
    # generalisation, the playground, images from folders and transfer learning


@pytest.mark.parametrize("path, key", PAGES.items())
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_page_trains_with_the_courses_defaults(app, path, key, lang):
    at = train(open_fast(app, path, lang), key)
    assert len(at.success) == 1 and not at.error
    assert ("Finished" if lang == "en" else "完成") in at.success[0].value
    specs = plotly_specs(at)
    loss = [s for s in specs if s["layout"]["title"]["text"] in LOSS_TITLES]
    assert len(loss) == 1
    epochs = {"linear_model": 100, "backprop": 100, "linear_regression:course": 100, "logistic_regression": 1000}[key]
    assert max(loss[0]["data"][-1]["x"]) == epochs
    assert at.expander[-1].label in ("The code", "代码")
    assert any("def " in code.value for code in at.code)


def test_each_page_offers_step_batch_and_a_pace_that_shows_its_default_run_in_seconds(app):
    paces = {"linear_model": 10, "backprop": 50, "linear_regression:course": 10, "logistic_regression": 100}
    for path, key in PAGES.items():
        at = app(path)
        assert at.select_slider(key=f"{key}:speed").value == paces[key]
        assert at.button(key=f"{key}:step_batch").label == "Step batch"
    at = app("pages/linear_regression.py")
    at.selectbox(key="linear_regression:dataset").set_value("d2l").run()
    assert at.select_slider(key="linear_regression:d2l:speed").value == 50


def test_the_default_pace_makes_the_logistic_run_last_more_than_five_seconds(app):
    at = train(app("pages/logistic_regression.py"), "logistic_regression")
    run = run_of(at, "logistic_regression")
    assert run.trainer.outcome.kind == "finished" and len(run.trainer.history.epochs) == 1000
    assert run.trainer.seconds > 5  # 1000 steps at 100 a second: 10 s


def test_linear_model_walks_w_to_two_and_reports_a_diverging_rate(app):
    at = train(open_fast(app, "pages/linear_model.py"), "linear_model")
    assert number_after(texts(at), "prediction for x = 4:") == pytest.approx(8.0, abs=0.01)
    cost = plotly_specs(at)[0]
    current = cost["data"][-1]
    assert current["x"][0] == pytest.approx(2.0, abs=0.01)  # the point ended at the minimum
    at.number_input(key="linear_model:lr").set_value(0.3).run()
    train(at, "linear_model")
    assert "diverging" in at.error[0].value and "smaller learning rate" in at.error[0].value


def test_stochastic_mode_takes_one_step_per_sample(app):
    at = open_fast(app, "pages/linear_model.py")
    at.selectbox(key="linear_model:mode").set_value("stochastic").run()
    train(at, "linear_model")
    path = plotly_specs(at)[0]["data"][1]
    assert len(path["x"]) == 301


def test_the_replay_slider_moves_the_point_on_the_cost_curve(app):
    at = train(open_fast(app, "pages/linear_model.py"), "linear_model")
    x, y = gd.course_data()
    model = gd.ScalarModel.starting_at(1.0)
    Trainer(gd.gradient_descent_step(model, ManualRate(0.01)), gd.sample_batches(x, y, False), 50).fit()
    at.slider(key="linear_model:replay").set_value(50).run()
    cost = plotly_specs(at)[0]
    assert cost["data"][-1]["x"][0] == pytest.approx(model.path[-1]) and len(cost["data"][1]["x"]) == 51
    assert number_after(texts(at), "Learned w =") == pytest.approx(model.path[-1], abs=1e-4)
    assert max(loss_chart(at)["data"][-1]["x"]) == 50
    at.slider(key="linear_model:replay").set_value(0).run()
    assert plotly_specs(at)[0]["data"][-1]["x"][0] == 1.0  # where gradient descent started
    at.slider(key="linear_model:replay").set_value(100).run()
    assert plotly_specs(at)[0]["data"][-1]["x"][0] == pytest.approx(2.0, abs=0.01)


def test_train_more_continues_a_finished_run(app):
    at = train(open_fast(app, "pages/linear_model.py"), "linear_model")
    run = run_of(at, "linear_model")
    first = run.trainer.history.series("loss")
    at.number_input(key="linear_model:more_epochs").set_value(50).run()
    assert click(at, "linear_model", "more") is run
    assert run.trainer.history.series("epoch") == list(range(1, 151))
    assert run.trainer.history.series("loss")[:100] == first  # the curve goes on from where it was
    assert at.success[0].value.startswith("Finished 150 epochs")
    assert max(loss_chart(at)["data"][-1]["x"]) == 150
    assert len(plotly_specs(at)[0]["data"][1]["x"]) == 151  # the path of w: the start and 150 steps


def place_of(block, element, path=()) -> tuple | None:
    """Where an element is in the page: the indices of the blocks holding it (what the browser's redraw goes by)."""
    for index, child in getattr(block, "children", {}).items():
        if child is element:
            return path + (index,)
        found = place_of(child, element, path + (index,))
        if found is not None:
            return found
    return None


def test_the_live_view_keeps_its_place_when_train_more_appears_above_it(app):
    """The browser redraws an element in place only at the same place: the row of "Train N more" that an ended run
    gets must not move the progress line, the charts and the outcome (they would show twice a moment)."""
    at = open_fast(app, "pages/linear_model.py")
    click(at, "linear_model", "step")
    paused = place_of(at.main, at.get("progress")[0])
    assert "linear_model:more_epochs" not in [box.key for box in at.number_input]
    click(at, "linear_model", "stop")
    assert "linear_model:more_epochs" in [box.key for box in at.number_input]
    assert place_of(at.main, at.get("progress")[0]) == paused
    assert at.info[0].value.startswith("Stopped at epoch 1")


def test_step_batch_trains_one_batch_and_step_epoch_finishes_the_epoch(app):
    at = open_fast(app, "pages/backprop.py")  # three samples: three batches an epoch
    done = []
    for button in ("step_batch", "step", "step_batch", "step"):
        run = click(at, "backprop", button)
        assert run.state == "paused" and not at.exception
        done.append((len(run.trainer.history.batch_loss), run.epochs_done, len(at.dataframe[0].value)))
    assert done == [(1, 0, 1), (3, 1, 3), (4, 1, 4), (6, 2, 6)]
    assert at.button(key="backprop:pause").label == "Resume"


@pytest.mark.parametrize("path, key", PAGES.items())
def test_a_learning_rate_typed_while_paused_applies_from_the_next_batch(app, path, key):
    at = open_fast(app, path)
    run = click(at, key, "step_batch")
    at.number_input(key=f"{key}:lr").set_value(0.05).run()
    click(at, key, "step_batch")
    assert run.trainer.history.lr_changes == [{"batch": 1, "epoch": run.trainer.epoch, "lr": 0.05}]
    assert run.trainer.lr == 0.05
    annotations = [note["text"] for note in loss_chart(at)["layout"].get("annotations", [])]
    assert "lr → 0.05" in annotations
    if key == "linear_model":  # the second step of w used the new rate
        x, y = gd.course_data()
        w1 = run.model.path[1]
        assert run.model.path[2] == pytest.approx(w1 - 0.05 * gd.gradient(x, y, torch.tensor(w1)).item())


def test_pause_keeps_the_weights_and_resume_ends_where_an_uninterrupted_run_does(app):
    at = app("pages/logistic_regression.py")
    at.select_slider(key="logistic_regression:speed").set_value(200).run()  # 1000 steps in 5 s: time to pause
    at.button(key="logistic_regression:train").click().run()
    time.sleep(0.5)
    at.button(key="logistic_regression:pause").click().run()
    run = run_of(at, "logistic_regression")
    assert run.state == "paused" and 0 < run.epochs_done < 1000
    paused, epochs = weights(run.model), run.epochs_done
    time.sleep(0.3)
    at.run()
    assert run.state == "paused" and run.epochs_done == epochs
    assert all(torch.equal(a, b) for a, b in zip(paused, weights(run.model)))
    assert at.button(key="logistic_regression:pause").label == "Resume" and not at.success
    fast(at, "logistic_regression")
    at.button(key="logistic_regression:pause").click().run()
    wait_for_run(at, "logistic_regression")
    assert run.trainer.outcome.kind == "finished" and run.epochs_done == 1000
    resumed = number_after(texts(at), "Decision boundary:")
    uninterrupted = train(open_fast(app, "pages/logistic_regression.py"), "logistic_regression")
    other = run_of(uninterrupted, "logistic_regression")
    assert all(torch.equal(a, b) for a, b in zip(weights(run.model), weights(other.model)))
    assert number_after(texts(uninterrupted), "Decision boundary:") == resumed


@pytest.mark.parametrize("lr", [0.0, -0.5])
def test_a_bad_learning_rate_typed_during_a_paused_run_is_explained_and_loses_nothing(app, lr):
    at = open_fast(app, "pages/logistic_regression.py")
    run = click(at, "logistic_regression", "step")
    before = weights(run.model)
    at.number_input(key="logistic_regression:lr").set_value(lr).run()
    assert "must be a positive number" in at.error[0].value
    for button in ("pause", "step", "step_batch"):  # Resume and the steps are refused
        click(at, "logistic_regression", button)
        assert "must be a positive number" in at.error[0].value
        assert run.state == "paused" and run.epochs_done == 1 and run.trainer.lr == 0.01
    assert all(torch.equal(a, b) for a, b in zip(before, weights(run.model)))
    at.number_input(key="logistic_regression:lr").set_value(0.01).run()
    click(at, "logistic_regression", "pause")
    assert run.trainer.outcome.kind == "finished" and not at.error and not run.trainer.history.lr_changes


def test_backprop_shows_the_graph_the_steps_and_the_prediction(app):
    at = train(open_fast(app, "pages/backprop.py"), "backprop")
    titles = [s["layout"]["title"]["text"] for s in plotly_specs(at)]
    assert "The computational graph of one step" in titles and "w and its gradient at every step" in titles
    assert number_after(texts(at), "after") == pytest.approx(8.0, abs=0.01)
    table = at.dataframe[0].value
    assert len(table) == 300 and table["grad"].iloc[0] == pytest.approx(-2.0)


def test_the_backprop_replay_shows_the_graph_and_the_steps_of_that_epoch(app):
    at = train(open_fast(app, "pages/backprop.py"), "backprop")
    records = run_of(at, "backprop").extras["records"]
    at.slider(key="backprop:replay").set_value(1).run()
    table = at.dataframe[0].value
    assert len(table) == 3 and list(table["w"]) == pytest.approx([r.w for r in records[:3]])
    graph = chart(at, "The computational graph of one step")
    w_node = next(label for label in graph["data"][0]["text"] if "AccumulateGrad" in label)
    assert f"value = {records[3].w:.4g}" in w_node  # w after the first epoch: the w of the fourth step
    steps = chart(at, "w and its gradient at every step")
    assert len(steps["data"][0]["y"]) == 3
    assert number_after(texts(at), "after") == pytest.approx(4 * records[3].w, abs=1e-4)


def test_linear_regression_lbfgs_and_the_d2l_variant(app):
    at = open_fast(app, "pages/linear_regression.py")
    at.selectbox(key="linear_regression:course:optimizer").set_value("LBFGS").run()
    train(at, "linear_regression:course")
    assert number_after(texts(at), "Prediction for x = 4:") == pytest.approx(8.0, abs=0.05)
    at.selectbox(key="linear_regression:dataset").set_value("d2l").run()
    assert at.number_input(key="linear_regression:d2l:lr").value == 0.03
    assert at.slider(key="linear_regression:d2l:epochs").value == 3
    assert at.select_slider(key="linear_regression:d2l:batch_size").value == 10
    fast(at, "linear_regression:d2l")
    train(at, "linear_regression:d2l")
    table = at.dataframe[0].value
    assert table["error"].abs().max() < 0.01
    at.selectbox(key="linear_regression:dataset").set_value("course").run()
    assert "Prediction for x = 4" in texts(at)  # the course run is still there


def test_the_linear_regression_replay_moves_the_line_and_the_parameter_trace(app):
    key = "linear_regression:course"
    at = train(open_fast(app, "pages/linear_regression.py"), key)
    at.slider(key=f"{key}:replay").set_value(10).run()
    trace = {line["name"]: line["y"] for line in chart(at, "Parameters during training")["data"]}
    w, b = trace["linear.weight[0]"], trace["linear.bias[0]"]
    assert len(w) == len(b) == 10
    line = chart(at, "The data and the fitted line")["data"][1]
    assert line["y"] == pytest.approx([b[-1], 4.5 * w[-1] + b[-1]], abs=1e-5)  # the line of epoch 10
    assert number_after(texts(at), "Prediction for x = 4:") == pytest.approx(4 * w[-1] + b[-1], abs=1e-4)


def test_logistic_boundary_and_sigmoid_plot(app):
    at = train(open_fast(app, "pages/logistic_regression.py"), "logistic_regression")
    boundary = number_after(texts(at), "Decision boundary:")
    assert 2.0 < boundary < 3.0
    sigmoid = chart(at, "Probability of passing")
    probabilities = sigmoid["data"][0]["y"]
    assert len(probabilities) == 200 and probabilities[0] < 0.5 < probabilities[-1]
    assert any(trace["y"] == [0.5, 0.5] for trace in sigmoid["data"])  # the 0.5 line


def test_the_replay_slider_moves_the_sigmoid(app):
    at = train(open_fast(app, "pages/logistic_regression.py"), "logistic_regression")
    final = chart(at, "Probability of passing")["data"][0]["y"]
    torch.manual_seed(DEFAULT_SEED)  # the page's seed
    model = reg.LogisticRegressionModel()
    x, y = reg.hours_passed()
    step = supervised_step(model, torch.nn.BCELoss(reduction="sum"), torch.optim.SGD(model.parameters(), lr=0.01))
    Trainer(step, full_batch(x, y), 200).fit()
    at.slider(key="logistic_regression:replay").set_value(200).run()
    replayed = chart(at, "Probability of passing")["data"][0]["y"]
    assert replayed == pytest.approx(reg.predict(model, torch.linspace(0, 10, 200).tolist()), abs=1e-6)
    assert replayed != pytest.approx(final, abs=1e-3)
    assert max(loss_chart(at)["data"][-1]["x"]) == 200
    at.slider(key="logistic_regression:replay").set_value(1000).run()
    assert chart(at, "Probability of passing")["data"][0]["y"] == final


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_earlier_runs_are_faint_curves_labelled_by_what_changed_and_reset_clears_them(app, lang):
    at = train(open_fast(app, "pages/logistic_regression.py", lang), "logistic_regression")
    at.number_input(key="logistic_regression:lr").set_value(0.1).run()
    train(at, "logistic_regression")
    label = {"en": "earlier: lr 0.01 → 0.1", "zh": "之前：lr 0.01 → 0.1"}[lang]
    earlier = [line for line in loss_chart(at)["data"] if line.get("name") == label]
    assert len(earlier) == 1 and len(earlier[0]["y"]) == 1000
    at.button(key="logistic_regression:reset").click().run()
    assert not at.get("plotly_chart")
    train(at, "logistic_regression")
    assert [line.get("name") for line in loss_chart(at)["data"]] == [{"en": "Epoch", "zh": "轮次"}[lang]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_changed_optimizer_applies_to_the_next_run_and_the_learning_rate_to_this_one(app, lang):
    at = train(open_fast(app, "pages/logistic_regression.py", lang), "logistic_regression")
    changed = {"en": "Changed since this run: ", "zh": "自本次训练以来已更改："}[lang]
    assert changed not in texts(at)
    at.selectbox(key="logistic_regression:optimizer").set_value("Adam").run()
    at.number_input(key="logistic_regression:lr").set_value(0.1).run()
    said = {"en": f"{changed}Optimizer SGD → Adam.", "zh": f"{changed}优化器 SGD → Adam。"}[lang]
    assert said in texts(at)  # the learning rate applies during a run: it is not listed
    at.selectbox(key="logistic_regression:optimizer").set_value("SGD").run()
    assert changed not in texts(at)


@pytest.mark.parametrize("lr", [0.0, -0.5])
def test_a_bad_learning_rate_is_explained_and_the_last_run_is_kept(app, lr):
    at = train(open_fast(app, "pages/logistic_regression.py"), "logistic_regression")
    before = texts(at)
    at.number_input(key="logistic_regression:lr").set_value(lr).run()
    train(at, "logistic_regression")
    assert "must be a positive number" in at.error[0].value
    assert "Decision boundary" in texts(at) and len(at.success) == 1
    assert number_after(texts(at), "Decision boundary:") == number_after(before, "Decision boundary:")


def test_zero_epochs_is_explained(app):
    at = app("pages/backprop.py")
    at.slider(key="backprop:epochs").set_value(0).run()
    train(at, "backprop")
    assert at.error[0].value == "Choose at least one epoch."
    assert not at.success


def test_results_and_settings_survive_a_page_switch_and_reset_clears_them(app):
    at = open_fast(app, "pages/logistic_regression.py")
    at.slider(key="logistic_regression:epochs").set_value(500).run()
    train(at, "logistic_regression")
    at.switch_page("pages/backprop.py").run()
    at.switch_page("pages/logistic_regression.py").run()
    assert not at.exception
    assert at.slider(key="logistic_regression:epochs").value == 500
    assert "Finished 500 epochs" in at.success[0].value and len(at.get("plotly_chart")) == 2
    at.button(key="logistic_regression:reset").click().run()
    assert not at.success and "Decision boundary" not in texts(at)
    assert at.slider(key="logistic_regression:epochs").value == 500


def test_the_sidebar_has_device_seed_and_language_and_switches_language(app):
    at = app("pages/linear_model.py")
    assert at.selectbox(key="device").options == ["CPU"] or at.selectbox(key="device").value == "cpu"
    at.radio(key="lang").set_value("zh").run()
    assert not at.exception
    assert at.title[0].value.startswith("第 2–3 讲")
    assert at.sidebar.selectbox[0].label == "设备"
