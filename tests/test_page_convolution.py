"""The convolution arithmetic page in AppTest: worked examples, the free Conv2d, impossible settings, both languages."""
import numpy as np

from dlcore.lectures.convolution.model import bottleneck_costs
from pagetools import plotly_specs, texts

PAGE, KEY = "pages/convolution.py", "convolution"


def chart(at, title: str) -> dict:
    found = [spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"].startswith(title)]
    assert len(found) == 1, [spec["layout"]["title"]["text"] for spec in plotly_specs(at)]
    return found[0]


def set_layer(at, **values):
    for name, value in values.items():
        at.slider(key=f"{KEY}:{name}").set_value(value)
    at.run()
    assert not at.exception, at.exception
    return at


def outlined_cells(spec) -> set:
    """The (row, column) cells outlined by the red squares of a heatmap."""
    window = spec["data"][-1]
    xs, ys = np.asarray(window["x"], dtype=float), np.asarray(window["y"], dtype=float)
    return {(int(ys[i] + 0.5), int(xs[i] + 0.5)) for i in range(0, len(xs), 6)}


def test_the_worked_examples_appear_with_their_numbers(app):
    at = app(PAGE)
    assert at.title[0].value.startswith("Lecture 10")
    shown = texts(at)
    for printed in ["[[91, 168, 224, 215, 127], [114, 211, 295, 262, 149], [192, 259, 282, 214, 122], "
                    "[194, 251, 253, 169, 86], [96, 112, 110, 68, 31]]", "[[211, 262], [251, 169]]", "[[4, 8], [9, 8]]",
                    "[[10, 12, 12], [18, 16, 16], [13, 9, 3]]", "[[10, 12], [13, 3]]", "[[1, 3, 4, 10, 8], ",
                    "(1, 5, 100, 100)` → output `(1, 10, 98, 98)`", "weight `(10, 5, 3, 3)`",
                    "**120,422,400**", "**12,443,648**", "10.3 %"]:
        assert printed in shown, printed
    outputs = [spec for spec in plotly_specs(at) if spec["layout"]["title"]["text"] == "Output"]
    assert [spec["data"][0]["z"] for spec in outputs] == [
        [[91, 168, 224, 215, 127], [114, 211, 295, 262, 149], [192, 259, 282, 214, 122], [194, 251, 253, 169, 86],
         [96, 112, 110, 68, 31]], [[211, 262], [251, 169]], [[4, 8], [9, 8]]]
    padded = chart(at, "Input with padding 1")
    assert np.asarray(padded["data"][0]["z"]).shape == (7, 7)
    assert outlined_cells(padded) == {(r, c) for r in range(1, 4) for c in range(1, 4)}  # output (1, 1) = 211


def test_the_sliders_change_the_formula_the_shapes_and_the_window(app):
    at = app(PAGE)
    assert "Output size: `⌊(5 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = ⌊2 / 1⌋ + 1 = 3`" in texts(at)
    set_layer(at, size=7, padding=1, stride=2, dilation=2, in_channels=2, out_channels=4)
    shown = texts(at)
    assert "`⌊(7 + 2·1 − 2·(3 − 1) − 1) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = 3`" in shown
    assert "input `(1, 2, 7, 7)` → output `(1, 4, 3, 3)`" in shown
    assert "Weight shape `(4, 2, 3, 3)`" in shown and "**76** parameters" in shown  # 4·2·3·3 + 4
    assert np.asarray(chart(at, "Output channel 0")["data"][0]["z"]).shape == (3, 3)
    assert np.asarray(chart(at, "Padded input")["data"][0]["z"]).shape == (9, 9)

    at.selectbox(key=f"{KEY}:values").set_value("ones").run()
    at.slider(key=f"{KEY}:row").set_value(1).run()
    at.slider(key=f"{KEY}:column").set_value(2).run()
    assert not at.exception, at.exception
    # output (1, 2) starts at padded cell (2, 4) and takes every second cell: rows 2, 4, 6 and columns 4, 6, 8
    assert outlined_cells(chart(at, "Padded input")) == {(r, c) for r in (2, 4, 6) for c in (4, 6, 8)}
    assert outlined_cells(chart(at, "Output channel 0")) == {(1, 2)}
    counts = np.asarray(chart(at, "Output channel 0")["data"][0]["z"])
    assert counts[1, 2] == 2 * 6  # column 8 is padding: 2 channels × 6 real cells
    assert "Output (1, 2) = **12**" in texts(at)

    set_layer(at, stride=4)  # the output shrinks to 2×2: the remembered position follows
    assert "output `(1, 4, 2, 2)`" in texts(at) and at.slider(key=f"{KEY}:column").value == 1


def test_an_impossible_setting_says_so_and_keeps_the_page(app):
    at = app(PAGE)
    set_layer(at, size=3, kernel_size=3, dilation=2)
    assert len(at.error) == 1 and "Impossible setting" in at.error[0].value
    assert "spans d·(k − 1) + 1 = 5 cells" in at.error[0].value and "H + 2p = 3" in at.error[0].value
    assert not any(spec["layout"]["title"]["text"].startswith("Padded input") for spec in plotly_specs(at))
    assert "Weight shape `(1, 1, 3, 3)`" in texts(at) and "**120,422,400**" in texts(at)
    set_layer(at, padding=1)  # 3 + 2 = 5 cells: now it fits
    assert not at.error and "output `(1, 1, 1, 1)`" in texts(at)


def test_the_bottleneck_channels_can_be_changed(app):
    at = app(PAGE)
    at.number_input(key=f"{KEY}:cost_middle").set_value(8).run()
    direct, bottleneck = bottleneck_costs(192, 32, 8, 28)
    assert f"= **{bottleneck:,}** multiplications" in texts(at) and f"**{direct:,}**" in texts(at)
    at.number_input(key=f"{KEY}:cost_middle").set_value(400).run()
    assert len(at.warning) >= 1 and "costs more" in at.warning[-1].value


def test_the_settings_survive_a_page_switch(app):
    at = app(PAGE)
    set_layer(at, size=9, stride=3)
    at.switch_page("pages/logistic_regression.py").run()
    at.switch_page(PAGE).run()
    assert at.slider(key=f"{KEY}:size").value == 9 and at.slider(key=f"{KEY}:stride").value == 3


def test_chinese(app):
    at = app(PAGE, lang="zh")
    assert at.title[0].value.startswith("第 10 讲")
    assert "的结果是 `[[211, 262], [251, 169]]`" in texts(at) and "输出大小：" in texts(at)
    set_layer(at, size=2, kernel_size=5)
    assert "无法计算" in at.error[0].value
