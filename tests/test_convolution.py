"""Lectures 10–11's convolution arithmetic (dlcore.lectures.convolution.model) against the curriculum's numbers and real torch."""
import itertools

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode

from dlcore.lectures.convolution.model import (LECTURE_INPUT, LECTURE_KERNEL, POOLING_INPUT, SEED_002_INPUT, SEED_002_KERNEL,
                                bottleneck_costs, conv_layer, conv_multiplications, conv_parameters, conv_shapes,
                                convolve, dilated_kernel_size, example_tensors, max_pool, output_size,
                                output_size_formula, receptive_cells)
from dlcore.lectures.convolution.figures import matrix_heatmap


@pytest.mark.parametrize("matrix, kernel, settings, expected", [
    (LECTURE_INPUT, LECTURE_KERNEL, dict(padding=1),
     [[91, 168, 224, 215, 127], [114, 211, 295, 262, 149], [192, 259, 282, 214, 122], [194, 251, 253, 169, 86],
      [96, 112, 110, 68, 31]]),
    (LECTURE_INPUT, LECTURE_KERNEL, dict(stride=2), [[211, 262], [251, 169]]),
    (SEED_002_INPUT, SEED_002_KERNEL, dict(stride=1), [[10, 12, 12], [18, 16, 16], [13, 9, 3]]),
    (SEED_002_INPUT, SEED_002_KERNEL, dict(stride=2), [[10, 12], [13, 3]]),
])
def test_the_lecture_convolutions(matrix, kernel, settings, expected):
    assert convolve(matrix, kernel, **settings).tolist() == expected


def test_the_worked_inputs_are_the_curriculums():
    assert sum(LECTURE_INPUT, []) == [3, 4, 6, 5, 7, 2, 4, 6, 8, 2, 1, 6, 7, 8, 4, 9, 7, 4, 6, 2, 3, 7, 5, 4, 1]
    assert sum(LECTURE_KERNEL, []) == list(range(1, 10))
    assert sum(POOLING_INPUT, []) == [3, 4, 6, 5, 2, 4, 6, 8, 1, 6, 7, 8, 9, 7, 4, 6]


def test_seed_002_with_padding_keeps_the_size():
    output = convolve(SEED_002_INPUT, SEED_002_KERNEL, padding=1)
    assert output.shape == (5, 5) and output[0].tolist() == [1, 3, 4, 10, 8]
    assert output[1:4, 1:4].tolist() == convolve(SEED_002_INPUT, SEED_002_KERNEL).tolist()  # the unpadded part


def test_max_pooling():
    assert max_pool(POOLING_INPUT, 2).tolist() == [[4, 8], [9, 8]]


def test_the_shapes_example():
    shapes = conv_shapes((1, 5, 100, 100), 10, 3)
    assert shapes["output"] == (1, 10, 98, 98) and shapes["weight"] == (10, 5, 3, 3) and shapes["bias"] == (10,)
    assert shapes["parameters"] == 10 * 5 * 3 * 3 + 10
    assert conv_parameters(5, 10, 3) == ((10, 5, 3, 3), 460)
    assert conv_parameters(3, 16, 7) == (tuple(torch.nn.Conv2d(3, 16, 7).weight.shape), 3 * 16 * 49 + 16)


GRID = list(itertools.product(range(1, 8), range(1, 6), range(0, 3), range(1, 4), range(1, 4)))


def test_output_size_matches_torch_and_says_when_torch_refuses():
    impossible = 0
    for size, kernel, padding, stride, dilation in GRID:
        predicted = output_size(size, kernel, padding, stride, dilation)
        image, weight = torch.zeros(1, 1, size, size), torch.zeros(1, 1, kernel, kernel)
        if predicted < 1:
            impossible += 1
            assert dilated_kernel_size(kernel, dilation) > size + 2 * padding
            with pytest.raises(RuntimeError):
                F.conv2d(image, weight, stride=stride, padding=padding, dilation=dilation)
        else:
            output = F.conv2d(image, weight, stride=stride, padding=padding, dilation=dilation)
            assert output.shape[-2:] == (predicted, predicted), (size, kernel, padding, stride, dilation)
    assert 0 < impossible < len(GRID)  # the grid holds both kinds


def test_the_formula_is_written_out_with_the_numbers():
    assert output_size_formula(7, 3, 1, 2, 2) == "⌊(7 + 2·1 − 2·(3 − 1) − 1) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = 3"
    assert output_size_formula(2, 3).endswith("= 0")


@pytest.mark.parametrize("size, kernel, padding, stride, dilation", [(5, 3, 0, 1, 1), (7, 3, 1, 2, 2), (6, 2, 2, 3, 3)])
def test_receptive_cells_are_what_conv2d_adds_up(size, kernel, padding, stride, dilation):
    image, weight = example_tensors("random", 1, 1, size, kernel, seed=3)
    output = conv_layer(torch.ones_like(weight), stride=stride, padding=padding, dilation=dilation)(image).detach()
    padded = F.pad(image, (padding,) * 4)[0, 0]
    out = output_size(size, kernel, padding, stride, dilation)
    for row, column in itertools.product(range(out), repeat=2):
        cells = receptive_cells(row, column, kernel, stride, dilation)
        assert output[0, 0, row, column] == sum(padded[r, c] for r, c in cells)


def test_example_tensors():
    image, weight = example_tensors("random", 3, 4, 6, 3, seed=1)
    assert image.shape == (1, 3, 6, 6) and weight.shape == (4, 3, 3, 3)
    assert image.min() >= 0 and image.max() <= 9 and set(weight.unique().tolist()) <= {-1, 0, 1}
    again, _ = example_tensors("random", 3, 4, 6, 3, seed=1)
    other, _ = example_tensors("random", 3, 4, 6, 3, seed=2)
    assert torch.equal(image, again) and not torch.equal(image, other)
    ones, ones_weight = example_tensors("ones", 2, 1, 4, 3, seed=0)
    counts = conv_layer(ones_weight, padding=1)(ones).detach()[0, 0]
    assert counts[0, 0] == 2 * 4 and counts[1, 1] == 2 * 9  # a corner's window holds 4 real cells of each channel


def test_the_cost_of_a_convolution():
    assert conv_multiplications(192, 32, 5, 28, 28) == 120_422_400
    direct, bottleneck = bottleneck_costs(192, 32, 16, 28, kernel=5)
    assert (direct, bottleneck) == (120_422_400, 12_443_648)
    assert 0.09 < bottleneck / direct < 0.11  # about a tenth
    layer = torch.nn.Conv2d(192, 32, 5, padding=2, bias=False)
    with FlopCounterMode(display=False) as counter:
        layer(torch.zeros(1, 192, 28, 28))
    assert counter.get_total_flops() == 2 * direct  # torch counts a multiply and an add


def test_matrix_heatmap_shows_the_numbers_and_outlines():
    fig = matrix_heatmap(np.arange(6).reshape(2, 3), "m", outlined=[(0, 0), (1, 2)], frame=(0, 0, 1, 1))
    heatmap, frame, window = fig.data
    assert np.asarray(heatmap.z).tolist() == [[0, 1, 2], [3, 4, 5]] and heatmap.texttemplate == "%{z:.4~g}"
    assert list(frame.x) == [-0.5, 1.5, 1.5, -0.5, -0.5]
    assert np.isnan(window.x).sum() == 2  # two squares
    assert list(fig.layout.yaxis.range) == [1.5, -0.5]  # row 0 on top
