"""Lecture 11's page in AppTest: the shapes table, a brief training run, the comparison (paused and resumed),
both languages, bad input."""
import time

from dlcore.lectures.cnn_basics.model import parameter_count
from dlcore.lectures.advanced_cnns.model import InceptionNet, ResNet
from pagetools import plotly_specs, run_of, texts, train, wait_for_run

PAGE = "pages/advanced_cnns.py"



def titles(at) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]


def test_the_page_shows_the_inception_shapes_and_size(app):
    at = app(PAGE)
    assert "Lecture 11" in at.title[0].value
    shapes = at.dataframe[0].value
    assert list(shapes.columns) == ["Layer", "B", "C", "H", "W"]
    rows = shapes.set_index("Layer")
    assert tuple(rows.loc["incep1.concat"]) == (1, 88, 12, 12) and rows.loc["view", "C"] == 1408
    assert f"**{parameter_count(InceptionNet()):,}** parameters" in texts(at)
    assert "Set the hyper-parameters and click **Train**." in texts(at)
    assert not at.exception


def test_resnet_trains_briefly_and_shows_its_charts(app, one_thread):
    at = app(PAGE)
    at.selectbox(key="advanced_cnns:model").set_value("resnet").run()
    assert at.dataframe[0].value.set_index("Layer").loc["view", "C"] == 512
    assert f"**{parameter_count(ResNet()):,}** parameters" in texts(at)
    at.selectbox(key="advanced_cnns:resnet:train_size").set_value(2000).run()
    at.slider(key="advanced_cnns:resnet:epochs").set_value(1).run()
    train(at, "advanced_cnns:resnet")
    run = run_of(at, "advanced_cnns:resnet")
    assert isinstance(run.model, ResNet) and run.trainer.outcome.kind == "finished"
    assert len(run.trainer.history.batch_loss) == 32  # 2,000 images in batches of 64
    shown = titles(at)
    assert shown[:2] == ["Loss per epoch", "Accuracy per epoch"] and shown[3].startswith("Confusion matrix")
    assert "Test accuracy on all 10,000 test images" in texts(at)
    assert at.get("download_button")


def test_the_comparison_trains_three_models_side_by_side_and_can_pause(app, one_thread):
    at = app(PAGE)
    assert at.slider(key="advanced_cnns:compare:epochs").value == 2
    assert at.selectbox(key="advanced_cnns:compare:train_size").value == 10000
    at.selectbox(key="advanced_cnns:compare:train_size").set_value(2000).run()
    at.slider(key="advanced_cnns:compare:epochs").set_value(1).run()
    at.select_slider(key="advanced_cnns:compare:speed").set_value(5).run()  # 32 steps: at least 6 s, time to pause
    at.button(key="advanced_cnns:compare:train").click().run()
    run = run_of(at, "advanced_cnns:compare")
    while not run.trainer.history.batch_loss:
        time.sleep(0.05)
    at.button(key="advanced_cnns:compare:pause").click().run()
    run.join()
    at.run()
    race = run.extras["race"]
    done = len(run.trainer.history.batch_loss)
    assert run.state == "paused" and 0 < done < 32
    assert [len(losses) for losses in race.losses.values()] == [done] * 3  # each step trains every model
    at.select_slider(key="advanced_cnns:compare:speed").set_value(0).run()
    at.button(key="advanced_cnns:compare:pause").click().run()  # Resume
    wait_for_run(at, "advanced_cnns:compare")
    assert run_of(at, "advanced_cnns:compare") is run and run.trainer.outcome.kind == "finished"
    assert [len(losses) for losses in race.losses.values()] == [32, 32, 32]
    accuracy = next(spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"] == "Test accuracy per epoch")
    assert [trace["name"] for trace in accuracy["data"]] == [
        "Basic CNN (lecture 10)", "Inception network (seed 001)", "Residual network (the course's)"]
    assert all(len(trace["y"]) == 1 and 0 <= trace["y"][0] <= 1 for trace in accuracy["data"])
    assert "Training loss per batch" in titles(at)
    table = at.dataframe[-1].value
    assert list(table.columns) == ["Model", "Parameters", "Test accuracy (%)", "Seconds"]
    assert list(table["Model"]) == [trace["name"] for trace in accuracy["data"]]
    assert list(table["Parameters"]) == [8490, parameter_count(InceptionNet()), parameter_count(ResNet())]
    assert list(table["Test accuracy (%)"]) == [round(100 * trace["y"][0], 2) for trace in accuracy["data"]]
    assert all(table["Seconds"] > 0)
    assert run_of(at, "advanced_cnns:inception") is None  # the model section above was left alone
    at.button(key="advanced_cnns:compare:reset").click().run()
    assert run_of(at, "advanced_cnns:compare") is None and not at.exception


def test_chinese_page(app):
    at = app(PAGE, lang="zh")
    assert "第 11 讲" in at.title[0].value and "Lecture" not in texts(at)
    assert list(at.dataframe[0].value.columns)[0] == "层"
    assert "与基础 CNN 比较" in texts(at)
    assert not at.exception


def test_a_bad_learning_rate_is_explained_and_nothing_is_lost(app):
    at = app(PAGE)
    at.number_input(key="advanced_cnns:inception:lr").set_value(-1.0).run()
    train(at, "advanced_cnns:inception")
    assert "learning rate must be a positive number" in at.error[0].value
    assert run_of(at, "advanced_cnns:inception") is None
    assert at.dataframe[0].value.shape[0] > 0  # the rest of the page is still there


def test_without_mnist_the_page_trains_on_the_digits(app, monkeypatch, tmp_path, one_thread):
    from dlcore.datasets import images

    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path / "empty"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))

    def no_network(name, root=None, progress=None, mirrors=None):
        raise images.DataUnavailable("images.download_failed", title="MNIST", files="train-images-idx3-ubyte.gz",
                                     folder=str(root), urls="https://example.invalid", reason="no network")

    monkeypatch.setattr(images, "download_files", no_network)
    at = app(PAGE)
    assert "scikit-learn's 8×8 digits" in at.warning[0].value
    at.selectbox(key="advanced_cnns:model").set_value("resnet").run()
    at.slider(key="advanced_cnns:resnet:epochs").set_value(1).run()
    train(at, "advanced_cnns:resnet")
    assert run_of(at, "advanced_cnns:resnet").extras["view"].data.name == "digits"
    assert "Test accuracy on all 359 test images" in texts(at)
