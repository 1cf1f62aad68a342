"""Lecture 9's page in AppTest: it trains briefly, draws its charts, pauses and resumes, speaks both languages,
falls back to the digits."""
import time


from dlcore.datasets import images
from pagetools import plotly_specs, run_of, texts, train, wait_for_run


def train_briefly(at, model="course", train_size=2000, epochs=1):
    at.selectbox(key="softmax:model").set_value(model).run()
    at.selectbox(key=f"softmax:{model}:train_size").set_value(train_size).run()
    at.slider(key=f"softmax:{model}:epochs").set_value(epochs).run()
    train(at, f"softmax:{model}")
    return run_of(at, f"softmax:{model}")


def titles(at) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]


def result(at) -> str:
    return next(line for line in texts(at).splitlines() if line.startswith("Test accuracy on all"))


def test_the_course_mlp_trains_and_shows_its_charts(app):
    at = app("pages/softmax.py")
    assert "Lecture 9" in at.title[0].value
    assert "MNIST (handwritten digits)" in texts(at) and "60,000 training" in texts(at)
    run = train_briefly(at, epochs=2)
    assert run.trainer.outcome.kind == "finished" and len(run.trainer.history.batch_loss) == 2 * 32  # 2000 / 64
    assert [row["epoch"] for row in run.trainer.history.epochs] == [1, 2]
    shown = titles(at)
    assert shown[:2] == ["Loss per epoch", "Accuracy per epoch"]
    assert shown[2].startswith("Test images") and shown[3].startswith("Confusion matrix")
    assert shown[4] == "Some mistakes of the trained model"  # after training: the first wrong test images
    grid = plotly_specs(at)[2]
    assert len(grid["data"][1]["text"]) == 16  # 16 test images with their labels
    confusion = plotly_specs(at)[3]["data"][0]["z"]
    assert sum(map(sum, confusion)) == 10000
    accuracy = plotly_specs(at)[1]
    assert accuracy["layout"]["yaxis"]["tickformat"] == ".0%"  # fractions, shown in %
    assert len(accuracy["data"][1]["y"]) == 2 and 0 <= accuracy["data"][1]["y"][-1] <= 1
    assert "Test accuracy on all 10,000 test images" in texts(at) and "about 97 %" in texts(at)
    assert at.success[0].value.startswith("Finished 2 epochs")
    assert at.get("download_button")  # the trained weights can be downloaded


def test_pause_and_resume_end_as_an_uninterrupted_run(app):
    at = app("pages/softmax.py")
    straight = train_briefly(at, epochs=2)
    uninterrupted = result(at)
    at.select_slider(key="softmax:course:speed").set_value(10).run()  # 64 steps: at least 6 s, time to pause
    at.button(key="softmax:course:train").click().run()
    run = run_of(at, "softmax:course")
    assert run is not straight
    while not run.trainer.history.batch_loss:
        time.sleep(0.05)
    at.button(key="softmax:course:pause").click().run()
    run.join()
    at.run()
    assert run.state == "paused" and 0 < len(run.trainer.history.batch_loss) < 64
    assert at.button(key="softmax:course:pause").label == "Resume"
    at.select_slider(key="softmax:course:speed").set_value(0).run()
    at.button(key="softmax:course:pause").click().run()  # the same button now says Resume
    wait_for_run(at, "softmax:course")
    assert run_of(at, "softmax:course") is run and run.trainer.outcome.kind == "finished"
    assert run.trainer.history.batch_loss == straight.trainer.history.batch_loss
    assert run.trainer.history.series("test_acc") == straight.trainer.history.series("test_acc")
    assert result(at) == uninterrupted
    accuracy = plotly_specs(at)[1]["data"]
    earlier = next(trace for trace in accuracy if trace["name"] == "earlier: #1")  # the first run, faint, in %
    assert earlier["y"] == straight.trainer.history.series("test_acc") == accuracy[1]["y"]


def test_each_model_brings_its_own_defaults(app):
    at = app("pages/softmax.py")
    assert at.number_input(key="softmax:course:lr").value == 0.01
    assert at.slider(key="softmax:course:epochs").value == 10
    assert at.number_input(key="softmax:course:momentum").value == 0.5
    at.selectbox(key="softmax:model").set_value("d2l_softmax").run()
    assert at.selectbox(key="softmax:d2l_softmax:dataset").value == "fashion_mnist"
    assert at.number_input(key="softmax:d2l_softmax:lr").value == 0.1
    assert at.slider(key="softmax:d2l_softmax:epochs").value == 5
    assert at.select_slider(key="softmax:d2l_softmax:batch_size").value == 256
    at.selectbox(key="softmax:model").set_value("modern_mlp").run()
    assert at.selectbox(key="softmax:modern_mlp:optimizer").value == "Adam"
    assert at.number_input(key="softmax:modern_mlp:momentum").disabled
    assert not at.exception


def test_chinese_page_with_fashion_mnist_names_the_classes_in_chinese(app):
    at = app("pages/softmax.py", lang="zh")
    assert "第 9 讲" in at.title[0].value and "Lecture" not in texts(at)
    run = train_briefly(at, model="d2l_softmax", epochs=1)
    assert run.extras["view"].data.name == "fashion_mnist"
    specs = plotly_specs(at)
    assert specs[0]["layout"]["title"]["text"] == "每轮损失"
    assert "短靴" in specs[3]["data"][0]["x"]  # the confusion matrix's classes
    assert "在全部 10,000 张测试图像上的准确率" in texts(at)
    assert not at.exception


def test_a_bad_learning_rate_is_explained_and_nothing_is_lost(app):
    at = app("pages/softmax.py")
    at.number_input(key="softmax:course:lr").set_value(0.0).run()
    train(at, "softmax:course")
    assert "learning rate must be a positive number" in at.error[0].value
    assert run_of(at, "softmax:course") is None


def test_without_the_files_the_page_trains_on_the_digits(app, monkeypatch, tmp_path):
    monkeypatch.setenv("DL_CLASSROOM_DATA", str(tmp_path / "empty"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))

    def no_network(name, root=None, progress=None, mirrors=None):
        progress(0.5)
        raise images.DataUnavailable("images.download_failed", title="MNIST", files="train-images-idx3-ubyte.gz",
                                     folder=str(root), urls="https://example.invalid", reason="no network")

    monkeypatch.setattr(images, "download_files", no_network)
    at = app("pages/softmax.py")
    warning = at.warning[0].value
    assert "scikit-learn's 8×8 digits" in warning and "no network" in warning and "train-images-idx3-ubyte.gz" in warning
    run = train_briefly(at, train_size=0, epochs=1)
    assert run.extras["view"].data.name == "digits"
    assert len(run.trainer.history.batch_loss) == -(-len(run.extras["view"].data.train_y) // 64)
    assert "Test accuracy on all 359 test images" in texts(at)


def test_the_page_sends_drawings_to_the_draw_a_digit_page(app):
    at = app("pages/softmax.py")
    links = [link.proto for link in at.main.get("page_link")]
    assert [link.label for link in links if link.page.endswith("draw")] == [
        "Draw a digit for this model (and for every other model you trained) to read"]
    assert not [element for element in at.get("bidi_component")]  # no canvas of its own
