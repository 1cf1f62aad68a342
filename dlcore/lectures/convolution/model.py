"""Lectures 10–11: convolution arithmetic — what a Conv2d computes, its output size, its weights and its cost.

Every computation is a real `torch.nn.functional` call; the arithmetic functions say in advance what torch will do.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

# The lecture's worked examples (seeds 001 and 002).
LECTURE_INPUT = [[3, 4, 6, 5, 7], [2, 4, 6, 8, 2], [1, 6, 7, 8, 4], [9, 7, 4, 6, 2], [3, 7, 5, 4, 1]]
LECTURE_KERNEL = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
POOLING_INPUT = [[3, 4, 6, 5], [2, 4, 6, 8], [1, 6, 7, 8], [9, 7, 4, 6]]
SEED_002_INPUT = [[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]
SEED_002_KERNEL = [[1, 2, 1], [0, 1, 0], [2, 1, 0]]


def as_image_batch(matrix, device="cpu") -> torch.Tensor:
    """A 2-D matrix as the (batch=1, channels=1, H, W) float tensor that conv2d and max_pool2d expect."""
    tensor = torch.as_tensor(matrix, dtype=torch.float32, device=device)
    return tensor.reshape(1, 1, *tensor.shape)


def convolve(matrix, kernel, *, stride: int = 1, padding: int = 0, dilation: int = 1, device="cpu") -> torch.Tensor:
    """One input channel, one kernel, no bias: `F.conv2d` on the device, the 2-D result back on the CPU."""
    output = F.conv2d(as_image_batch(matrix, device), as_image_batch(kernel, device),
                      stride=stride, padding=padding, dilation=dilation)
    return output[0, 0].cpu()


def max_pool(matrix, size: int, device="cpu") -> torch.Tensor:
    """`MaxPool2d(size)`: the largest value of each size×size block (the stride is the size)."""
    return F.max_pool2d(as_image_batch(matrix, device), size)[0, 0].cpu()


def dilated_kernel_size(kernel: int, dilation: int = 1) -> int:
    """How many input cells a dilated kernel spans: d·(k − 1) + 1."""
    return dilation * (kernel - 1) + 1


def output_size(size: int, kernel: int, padding: int = 0, stride: int = 1, dilation: int = 1) -> int:
    """floor((H + 2p − d(k−1) − 1) / s) + 1; below 1 when the dilated kernel is larger than the padded input."""
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def output_size_formula(size: int, kernel: int, padding: int = 0, stride: int = 1, dilation: int = 1) -> str:
    """The output-size formula with these numbers filled in, step by step."""
    numerator = size + 2 * padding - dilation * (kernel - 1) - 1
    return (f"⌊({size} + 2·{padding} − {dilation}·({kernel} − 1) − 1) / {stride}⌋ + 1 = ⌊{numerator} / {stride}⌋ + 1"
            f" = {output_size(size, kernel, padding, stride, dilation)}")


def receptive_cells(row: int, column: int, kernel: int, stride: int = 1, dilation: int = 1) -> list[tuple[int, int]]:
    """The padded input's cells that output (row, column) multiplies with the kernel: every d-th cell from (s·row, s·column)."""
    return [(stride * row + dilation * i, stride * column + dilation * j) for i in range(kernel) for j in range(kernel)]


def example_tensors(values: str, in_channels: int, out_channels: int, size: int, kernel: int, seed: int,
                    device="cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """An input (1, in, size, size) and a weight (out, in, k, k): all ones, or seeded random integers
    (input 0…9, weight −1…1) so every output can be checked by hand."""
    input_shape, weight_shape = (1, in_channels, size, size), (out_channels, in_channels, kernel, kernel)
    if values == "ones":
        return torch.ones(input_shape, device=device), torch.ones(weight_shape, device=device)
    generator = torch.Generator().manual_seed(seed)
    image = torch.randint(0, 10, input_shape, generator=generator).float()
    weight = torch.randint(-1, 2, weight_shape, generator=generator).float()
    return image.to(device), weight.to(device)


def conv_layer(weight: torch.Tensor, *, stride: int = 1, padding: int = 0, dilation: int = 1) -> torch.nn.Conv2d:
    """An `nn.Conv2d` (no bias) holding this weight of shape (out_channels, in_channels, k, k)."""
    out_channels, in_channels, kernel, _ = weight.shape
    layer = torch.nn.Conv2d(in_channels, out_channels, kernel, stride=stride, padding=padding, dilation=dilation,
                            bias=False, device=weight.device)
    with torch.no_grad():
        layer.weight.copy_(weight)
    return layer


def conv_shapes(input_shape: tuple, out_channels: int, kernel: int, device="cpu", **settings) -> dict:
    """What a real `nn.Conv2d(in, out, kernel, **settings)` does to an input of this shape: shapes and parameter count."""
    layer = torch.nn.Conv2d(input_shape[1], out_channels, kernel, device=device, **settings)
    with torch.no_grad():
        output = layer(torch.zeros(input_shape, device=device))
    return {"output": tuple(output.shape), "weight": tuple(layer.weight.shape), "bias": tuple(layer.bias.shape),
            "parameters": sum(p.numel() for p in layer.parameters())}


def conv_parameters(in_channels: int, out_channels: int, kernel: int) -> tuple[tuple, int]:
    """(weight shape, parameter count with the bias) of `nn.Conv2d(in, out, kernel)`, read off a real layer
    (on the meta device: shapes without memory)."""
    layer = torch.nn.Conv2d(in_channels, out_channels, kernel, device="meta")
    return tuple(layer.weight.shape), sum(p.numel() for p in layer.parameters())


def conv_multiplications(in_channels: int, out_channels: int, kernel: int, out_height: int, out_width: int) -> int:
    """Multiplications of one conv layer: each of out·H·W outputs multiplies in·k·k inputs by weights."""
    return out_channels * out_height * out_width * in_channels * kernel * kernel


def bottleneck_costs(in_channels: int, out_channels: int, middle_channels: int, size: int,
                     kernel: int = 5) -> tuple[int, int]:
    """(direct, with a 1×1 bottleneck): a k×k 'same' conv in → out channels on size×size, against
    a 1×1 conv in → middle channels followed by the k×k conv middle → out (lecture 11)."""
    out = output_size(size, kernel, padding=kernel // 2)
    direct = conv_multiplications(in_channels, out_channels, kernel, out, out)
    squeeze = conv_multiplications(in_channels, middle_channels, 1, size, size)
    return direct, squeeze + conv_multiplications(middle_channels, out_channels, kernel, out, out)
