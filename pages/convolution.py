"""Lectures 10–11: convolution arithmetic — the worked examples, a free Conv2d to play with, and what 1×1 convs save."""
import streamlit as st
import torch
import torch.nn.functional as F

from dlcore import ui
from dlcore.lectures.convolution.model import (LECTURE_INPUT, LECTURE_KERNEL, POOLING_INPUT, SEED_002_INPUT, SEED_002_KERNEL,
                                bottleneck_costs, conv_layer, conv_multiplications, conv_parameters, conv_shapes, convolve,
                                dilated_kernel_size, example_tensors, max_pool, output_size, output_size_formula,
                                receptive_cells)
from dlcore.lectures.convolution.figures import matrix_heatmap
from dlcore.engine.settings import Setting, Settings

PLAYGROUND = Settings(*(Setting(name, default, f"convolution.{name}", low=low, high=high) for name, low, high, default in (
    ("size", 1, 12, 5), ("kernel_size", 1, 7, 3), ("padding", 0, 3, 0), ("stride", 1, 4, 1), ("dilation", 1, 3, 1),
    ("in_channels", 1, 8, 1), ("out_channels", 1, 16, 1))),
    Setting("values", "random", "convolution.values", widget="select", options=("random", "ones"), format="convolution.values"))
# lecture 11's 1×1 convolution: 192 → 32 channels on 28×28 with 5×5 kernels, or through 16 channels in between
COSTS = Settings(*(Setting(name, default, f"convolution.{name}", widget="number", low=1, high=4096, step=1)
                   for name, default in (("cost_in", 192), ("cost_out", 32), ("cost_middle", 16), ("cost_size", 28))),
                 Setting("cost_kernel", 5, "convolution.cost_kernel", widget="select_slider", options=(1, 3, 5, 7)))

page = ui.page_setup("convolution")
ui.lecture_header(page, "convolution.title", "convolution.intro")


def as_list(matrix) -> str:
    return str(torch.as_tensor(matrix).int().tolist())


def show_matrices(matrices: list, key: str) -> None:
    """(title, values, outlined cells) side by side."""
    for column, (title, values, outlined) in zip(st.columns(len(matrices)), matrices):
        column.plotly_chart(matrix_heatmap(values, title, outlined=outlined), key=f"{page.key}:{key}:{title}",
                            width="stretch")


def printed(call: str, values) -> None:
    st.markdown(page.t("convolution.printed", call=call, values=as_list(values)))


# --- The lecture's worked examples -------------------------------------------------------------------------------
st.header(page.t("convolution.examples"))
device = page.device
tabs = st.tabs([page.t(f"convolution.tab.{name}") for name in ("padding", "stride", "pooling", "seed_002", "shapes")])
with tabs[0]:
    st.markdown(page.t("convolution.padding_about"))
    padded = convolve(LECTURE_INPUT, LECTURE_KERNEL, padding=1, device=device)
    zero_padded = F.pad(torch.tensor(LECTURE_INPUT), (1, 1, 1, 1))
    show_matrices([(page.t("convolution.padded_input_example"), zero_padded, receptive_cells(1, 1, 3)),
                   (page.t("convolution.kernel"), LECTURE_KERNEL, ()), (page.t("convolution.output"), padded, [(1, 1)])], "padding")
    printed("F.conv2d(input, kernel, padding=1)", padded)
with tabs[1]:
    st.markdown(page.t("convolution.stride_about"))
    strided = convolve(LECTURE_INPUT, LECTURE_KERNEL, stride=2, device=device)
    show_matrices([(page.t("convolution.input"), LECTURE_INPUT, receptive_cells(0, 1, 3, stride=2)),
                   (page.t("convolution.output"), strided, [(0, 1)])], "stride")
    printed("F.conv2d(input, kernel, stride=2)", strided)
with tabs[2]:
    st.markdown(page.t("convolution.pooling_about"))
    pooled = max_pool(POOLING_INPUT, 2, device=device)
    show_matrices([(page.t("convolution.input"), POOLING_INPUT, receptive_cells(0, 1, 2, stride=2)),
                   (page.t("convolution.output"), pooled, [(0, 1)])], "pooling")
    printed("F.max_pool2d(input, 2)", pooled)
with tabs[3]:
    st.markdown(page.t("convolution.seed_002_about"))
    show_matrices([(page.t("convolution.input"), SEED_002_INPUT, ()), (page.t("convolution.kernel"), SEED_002_KERNEL, ())], "seed_002")
    outputs = {"stride_1": ("stride", 1), "stride_2": ("stride", 2), "padding_1": ("padding", 1)}
    results = {name: convolve(SEED_002_INPUT, SEED_002_KERNEL, device=device, **{argument: value})
               for name, (argument, value) in outputs.items()}
    show_matrices([(page.t(f"convolution.{name}"), values, ()) for name, values in results.items()], "seed_002_outputs")
    for name, (argument, value) in outputs.items():
        printed(f"F.conv2d(input, kernel, {argument}={value})", results[name])
with tabs[4]:
    shapes = conv_shapes((1, 5, 100, 100), 10, 3, device=device)
    st.markdown(page.t("convolution.shapes_about", batch=1, in_channels=5, out_channels=10, kernel=3, size=100,
                       input=(1, 5, 100, 100), **shapes))

# --- A convolution to play with ----------------------------------------------------------------------------------
st.header(page.t("convolution.playground"))
st.markdown(page.t("convolution.playground_about"))
setting = ui.settings(page, PLAYGROUND, columns=4)
values = setting["values"]
size, kernel, padding, stride, dilation = (setting[name] for name in ("size", "kernel_size", "padding", "stride", "dilation"))
in_channels, out_channels = setting["in_channels"], setting["out_channels"]
out_size = output_size(size, kernel, padding, stride, dilation)
st.markdown(page.t("convolution.formula", formula=output_size_formula(size, kernel, padding, stride, dilation)))


def position(name: str, count: int) -> int:
    """A slider over 0…count−1 for the output position, its remembered value clamped when the output shrinks."""
    key = f"{page.key}:{name}"
    ui.clamp_kept(key, count - 1)
    if count == 1:
        return 0
    return ui.kept(st.slider, page.t(f"convolution.{name}"), key, 0, min_value=0, max_value=count - 1)


if out_size < 1:
    st.error(page.t("convolution.impossible", span=dilated_kernel_size(kernel, dilation), padded=size + 2 * padding,
                    size=out_size))
else:
    image, weight = example_tensors(values, in_channels, out_channels, size, kernel, page.seed, device=device)
    layer = conv_layer(weight, stride=stride, padding=padding, dilation=dilation)
    with torch.no_grad():
        output = layer(image)
    st.markdown(page.t("convolution.layer_shapes", in_channels=in_channels, out_channels=out_channels, kernel=kernel,
                       stride=stride, padding=padding, dilation=dilation, input=tuple(image.shape),
                       output=tuple(output.shape)))
    left, right = st.columns(2)
    with left:
        row = position("row", out_size)
    with right:
        column = position("column", out_size)
    padded_input = F.pad(image, (padding,) * 4)[0, 0].cpu().numpy()
    cells = receptive_cells(row, column, kernel, stride, dilation)
    first = padded_input.shape[0] - padding - 1
    figures = [
        matrix_heatmap(padded_input, page.t("convolution.padded_input", size=size + 2 * padding), outlined=cells,
                       frame=(padding, padding, first, first) if padding else None, frame_name=page.t("convolution.real_input")),
        matrix_heatmap(weight[0, 0].cpu().numpy(), page.t("convolution.kernel_channel"), colorscale="RdBu"),
        matrix_heatmap(output[0, 0].cpu().numpy(), page.t("convolution.output_channel", size=out_size), outlined=[(row, column)]),
    ]
    for place, (name, figure) in zip(st.columns(3), zip(("input", "kernel", "output"), figures)):
        place.plotly_chart(figure, key=f"{page.key}:play:{name}", width="stretch")
    st.markdown(page.t("convolution.window", row=row, column=column, value=output[0, 0, row, column].item(),
                       top=stride * row, left=stride * column, dilation=dilation, cells=kernel * kernel))
weight_shape, parameters = conv_parameters(in_channels, out_channels, kernel)
st.markdown(page.t("convolution.weights", weight=weight_shape, out_channels=out_channels, in_channels=in_channels, kernel=kernel,
                   weights=parameters - out_channels, parameters=parameters))

# --- Lecture 11: the cost of a convolution, with and without a 1×1 bottleneck -----------------------------------
st.header(page.t("convolution.one_by_one"))
st.markdown(page.t("convolution.one_by_one_about"))
cost = ui.settings(page, COSTS, columns=5)
cost_kernel = cost["cost_kernel"]
numbers = dict(in_channels=cost["cost_in"], out_channels=cost["cost_out"], middle=cost["cost_middle"],
               size=cost["cost_size"], kernel=cost_kernel)
direct, bottleneck = bottleneck_costs(numbers["in_channels"], numbers["out_channels"], numbers["middle"],
                                      numbers["size"], cost_kernel)
st.markdown(page.t("convolution.cost_direct", direct=direct, **numbers))
st.markdown(page.t("convolution.cost_bottleneck", bottleneck=bottleneck, **numbers))
if bottleneck <= direct:
    st.success(page.t("convolution.cost_ratio", percent=100 * bottleneck / direct, ratio=direct / bottleneck))
else:
    st.warning(page.t("convolution.cost_more", ratio=bottleneck / direct))

ui.show_code(page, [convolve, max_pool, output_size, receptive_cells, example_tensors, conv_layer, conv_parameters,
                    conv_multiplications, bottleneck_costs])

ui.finish_page()  # no run on this page: its address is written here
