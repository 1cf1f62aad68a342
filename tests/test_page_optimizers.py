"""The optimizers lecture's page in AppTest: the surface is drawn before Train; a run grows every chosen optimizer's
path and loss curve; a link sets the surface and the start point up and trains; Chinese; bad input."""
import pytest

from pagetools import plotly_specs, run_of, texts, train, wait_for_run

PAGE, KEY = "pages/optimizers.py", "optimizers:bowl"


@pytest.mark.parametrize("lang, title", [("en", "Paths over Elongated bowl"), ("zh", "狭长的碗")])
def test_the_surface_is_drawn_before_train_and_the_paths_grow_as_it_trains(app, lang, title):
    at = app(PAGE, lang=lang)
    before = plotly_specs(at)
    assert len(before) == 1 and title in before[0]["layout"]["title"]["text"]
    assert [trace["type"] for trace in before[0]["data"]] == ["contour", "scatter", "scatter"]  # the minimum, the start
    assert before[0]["data"][2]["x"] == [-4.5] and before[0]["data"][2]["y"] == [2]
    at.slider(key=f"{KEY}:epochs").set_value(40).run()
    train(at, KEY)
    assert not at.exception
    surface, loss = plotly_specs(at)
    paths = [trace for trace in surface["data"] if trace.get("mode") == "lines+markers"]
    assert len(paths) == 6 and all(len(path["x"]) == 41 for path in paths)  # the start and 40 steps each
    assert [trace["name"] for trace in loss["data"]][:6] == [path["name"] for path in paths]
    assert all(len(trace["y"]) == 40 for trace in loss["data"][:6])
    assert len(at.dataframe[0].value) == 6


def test_a_link_sets_the_surface_and_the_start_point_and_trains(app):
    at = app()
    at.switch_page(PAGE)
    at.query_params.update({"surface": "himmelblau", "x0": "1", "y0": "-1", "adagrad": "0", "lr_adam": "0.05",
                            "epochs": "20", "autorun": "1"})
    at.run()
    wait_for_run(at, "optimizers:himmelblau")
    run = run_of(at, "optimizers:himmelblau")
    walk = run.extras["walk"]
    assert walk.start == (1.0, -1.0) and walk.surface.key == "himmelblau" and "adagrad" not in walk.optimizers
    assert walk.optimizers["adam"].param_groups[0]["lr"] == 0.05 and run.epochs_done == 20
    assert "Paths over Himmelblau" in plotly_specs(at)[0]["layout"]["title"]["text"]


def test_no_optimizer_chosen_is_said_and_trains_nothing(app):
    at = app(PAGE)
    for name in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"):
        at.checkbox(key=f"{KEY}:{name}").uncheck()
    at.run()
    at.button(key=f"{KEY}:train").click().run()
    assert "Choose at least one optimizer" in texts(at) and run_of(at, KEY) is None
    assert not at.exception


def test_another_surface_where_a_path_diverges_says_so_and_the_view_stays_on_the_surface(app):
    at = app(PAGE)
    at.selectbox(key="optimizers:surface").set_value("rosenbrock").run()
    key = "optimizers:rosenbrock"
    assert at.number_input(key=f"{key}:x0").value == -1.5 and at.number_input(key=f"{key}:lr_adam").value == 0.2
    at.number_input(key=f"{key}:lr_sgd").set_value(0.01).run()
    at.slider(key=f"{key}:epochs").set_value(20).run()
    train(at, key)
    surface = plotly_specs(at)[0]
    sgd = next(trace for trace in surface["data"] if trace.get("name", "").startswith("SGD"))
    assert sgd["name"] == "SGD · diverged" and surface["layout"]["xaxis"]["range"] == [-2, 2]


def test_replay_goes_step_by_step_and_an_earlier_run_stays_faintly_on_the_loss_chart(app):
    at = app(PAGE)
    at.slider(key=f"{KEY}:epochs").set_value(20).run()
    train(at, KEY)
    at.slider(key=f"{KEY}:replay").set_value(5).run()
    surface, loss = plotly_specs(at)
    assert all(len(trace["x"]) == 6 for trace in surface["data"] if trace.get("mode") == "lines+markers")
    assert all(len(trace["y"]) == 5 for trace in loss["data"])
    at.number_input(key=f"{KEY}:lr_sgd").set_value(0.1).run()
    train(at, KEY)
    names = [trace["name"] for trace in plotly_specs(at)[1]["data"]]
    assert names[-1] == "earlier: SGD's learning rate 0.4 → 0.1"
