"""Charts told in a sentence and shown as tables (dlcore.engine.chart_text), on the app's own figure builders."""
import numpy as np

from dlcore.engine import chart_text
from dlcore.engine import figures
from dlcore.lectures.classifiers import figures as image_figures
from dlcore.lectures.gradient_descent import figures as descent_figures
from dlcore.lectures.regression import figures as regression_figures
from dlcore.engine.training import History


def history(losses, batches_per_epoch: int = 1, **metrics) -> History:
    rows = [{"epoch": n + 1, "loss": loss, "batches": batches_per_epoch,
             **{name: values[n] for name, values in metrics.items()}} for n, loss in enumerate(losses)]
    return History(batch_loss=[loss for loss in losses for _ in range(batches_per_epoch)], epochs=rows)


def confusion(wrong: dict) -> np.ndarray:
    counts = np.diag([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    for (true, predicted), times in wrong.items():
        counts[true, predicted] = times
    return counts


def test_a_falling_loss_curve_is_told_with_its_epochs_its_ends_and_its_trend():
    losses = np.geomspace(2.3, 0.05, 10)
    assert chart_text.summary(figures.loss_curve(history(losses))) == (
        "Loss per epoch: 10 epochs, from 2.30 to 0.0500, still falling.")
    assert chart_text.summary(figures.loss_curve(history(losses), "zh"), "zh") == (
        "每轮损失：10 轮，从 2.30 到 0.0500，仍在下降。")
    flat = figures.loss_curve(history([2.3, 1.0, 0.5] + [0.4] * 12))
    assert chart_text.summary(flat).endswith("from 2.30 to 0.400, levelled off.")
    rising = figures.loss_curve(history([1.0, 0.5, 0.6, 0.9, 2.0]))
    assert chart_text.summary(rising).endswith("still rising.")


def test_a_loss_curve_of_many_batches_tells_the_epochs_not_the_faint_batches_nor_earlier_runs():
    fig = figures.loss_curve(history([2.0, 1.0, 0.5], batches_per_epoch=100))
    figures.add_earlier_runs(fig, [("lr 0.1", [3.0, 2.9, 2.8])])
    assert chart_text.summary(fig) == "Loss per epoch: 3 epochs, from 2 to 0.500, still falling."
    rows = chart_text.table(fig)
    assert set(rows["Series"]) == {"Batch", "Epoch", "earlier: lr 0.1"}
    assert rows[rows["Series"] == "Epoch"]["Loss"].tolist() == [2.0, 1.0, 0.5]


def test_accuracy_curves_are_told_in_percent_each_by_its_name():
    fig = image_figures.accuracy_curve(history([1.0, 0.5, 0.3], train_acc=[0.5, 0.8, 0.9], test_acc=[0.5, 0.79, 0.88]))
    sentence = chart_text.summary(fig)
    assert sentence.startswith("Accuracy per epoch: ")
    assert "from 50.0 % to 90.0 %" in sentence and "from 50.0 % to 88.0 %" in sentence
    assert sentence.count("still rising") == 2


def test_a_confusion_matrix_says_how_much_is_right_and_its_most_common_mistake():
    names = [str(digit) for digit in range(10)]
    fig = image_figures.confusion_heatmap(confusion({(4, 9): 12, (7, 2): 5}), names)
    right = 100 * 9000 / 9017
    assert chart_text.summary(fig).endswith(f": {right:.1f} % right; most confused: 4 read as 9, 12 times.")
    assert chart_text.summary(fig, "zh").endswith(f"：{right:.1f} % 正确；最常混淆：4 被认作 9，12 次。")
    grid = chart_text.table(fig)
    assert grid.loc["4", "9"] == 12 and grid.loc["7", "7"] == 1028 and list(grid.columns) == names
    perfect = image_figures.confusion_heatmap(confusion({}), names)
    assert chart_text.summary(perfect).endswith(": 100.0 % right; nothing confused.")


def test_points_and_a_line_are_each_told_and_tabled():
    fig = regression_figures.fitted_line([1, 2, 3], [2, 4, 6], [0, 4], [0.5, 8.25])
    assert chart_text.summary(fig) == ("The data and the fitted line: data: 3 points; "
                                       "model: from 0.500 to 8.25 as x goes from 0 to 4.")
    rows = chart_text.table(fig)
    assert rows.columns.tolist() == ["Series", "x", "y"]
    assert rows[rows["Series"] == "data"]["y"].tolist() == [2, 4, 6]


def test_a_cost_curve_is_told_by_its_lowest_point_and_the_point_walking_down_it():
    ws = np.linspace(0, 4, 41)
    fig = descent_figures.cost_curve(ws, 3 * (ws - 2) ** 2, [0.5, 1.2, 1.8], [6.75, 1.92, 0.12])
    assert chart_text.summary(fig) == ("Cost curve MSE(w) and the path of w: MSE(w): lowest 0 at w = 2; "
                                       "w = 1.8: at w = 1.80, cost (MSE) = 0.120.")


def test_bars_are_told_by_value_or_by_their_extremes():
    assert chart_text.summary(figures.bars("Votes", "option", "count", {"yes": 3, "no": 1.5})) == (
        "Votes: yes 3, no 1.50.")
    many = {f"class {n}": n / 10 for n in range(12)}
    assert chart_text.summary(figures.bars("Scores", "class", "score", many)) == (
        "Scores: highest class 11 (1.10), lowest class 0 (0).")


def test_a_chart_waiting_for_data_says_what_it_waits_for_and_has_no_table():
    fig = figures.waiting_note(figures.new_figure("Loss per epoch", "Epoch", "Loss"), "Train to see the loss")
    assert chart_text.summary(fig) == "Loss per epoch: Train to see the loss."
    assert chart_text.summary(figures.new_figure("", "x", "y"), "zh") == "图表：尚未绘制任何内容。"
    assert chart_text.table(fig) is None


def test_a_grid_of_values_gives_its_size_and_range_and_a_picture_no_numbers():
    heat = figures.new_figure("Feature map", "", "")
    heat.add_heatmap(z=[[0.0, 0.25], [-1.5, 2.0], [0.5, 0.5]])
    assert chart_text.summary(heat) == "Feature map: a 3 × 2 grid of values from -1.50 to 2."
    assert chart_text.table(heat).shape == (3, 2)
    picture = figures.new_figure("A photo", "", "")
    picture.add_image(z=np.zeros((4, 4, 3), dtype=np.uint8))
    assert chart_text.summary(picture) == "A photo: a picture."
    assert chart_text.table(picture) is None


def test_a_category_axis_is_told_by_its_labels():
    steps = figures.new_figure("Probability of the right letter", "pair", "p", [
        {"type": "scatter", "x": ["1: h→o", "2: o→l"], "y": [0.25, 0.875], "mode": "lines+markers"}])
    assert chart_text.summary(steps) == (
        "Probability of the right letter: from 0.250 to 0.875 as pair goes from 1: h→o to 2: o→l.")
    letters = figures.new_figure("Predicted letters", "step", "letter", [
        {"type": "scatter", "x": [1, 2, 3], "y": ["o", "l", "l"], "mode": "lines+markers"}])
    assert chart_text.summary(letters) == "Predicted letters: 3 points."
    assert chart_text.table(letters)["letter"].tolist() == ["o", "l", "l"]


def test_numbers_are_written_for_reading():
    assert [chart_text.number(v) for v in (2.3, 0.05, 3.0, 12345.6, float("nan"))] == [
        "2.30", "0.0500", "3", "12,346", "nan"]
    assert chart_text.number(0.9887, percent=True) == "98.9 %"
