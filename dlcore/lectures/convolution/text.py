STRINGS = {
    "convolution.title": ("Lecture 10 · Convolution arithmetic", "第 10 讲 · 卷积运算"),
    "convolution.intro": (
        "A convolution slides a small **kernel** over the input: at each position it multiplies the cells under the "
        "window by the kernel's weights and adds them up (PyTorch's `conv2d` does not flip the kernel). **Padding** adds "
        "rings of zeros around the input, **stride** is how far the window jumps, **dilation** spreads the kernel's cells "
        "apart. Every number on this page is computed by `torch.nn.functional` on the device chosen in the sidebar.",
        "卷积让一个小的**卷积核**在输入上滑动：在每个位置，把窗口下的元素与卷积核的权重逐个相乘再相加"
        "（PyTorch 的 `conv2d` 不翻转卷积核）。**填充（padding）**在输入四周补若干圈 0，**步长（stride）**是窗口每次移动的距离，"
        "**膨胀（dilation）**把卷积核的元素彼此拉开。本页的每个数都由 `torch.nn.functional` 在侧边栏所选的设备上算出。",
    ),
    "convolution.examples": ("The lecture's worked examples", "课上的例题"),
    "convolution.tab.padding": ("Padding 1", "填充 1"),
    "convolution.tab.stride": ("Stride 2", "步长 2"),
    "convolution.tab.pooling": ("Max pooling", "最大池化"),
    "convolution.tab.seed_002": ("Second example", "第二个例子"),
    "convolution.tab.shapes": ("Shapes", "形状"),
    "convolution.input": ("Input", "输入"),
    "convolution.kernel": ("Kernel", "卷积核"),
    "convolution.padded_input_example": ("Input with padding 1", "填充 1 后的输入"),
    "convolution.output": ("Output", "输出"),
    "convolution.printed": ("`{call}` gives `{values}`", "`{call}` 的结果是 `{values}`"),
    "convolution.padding_about": (
        "A 5×5 input, the 3×3 kernel 1…9, `padding=1` and no bias: the output keeps the 5×5 size. The red squares show "
        "the window of output (1, 1): 211 = 1·3 + 2·4 + 3·6 + 4·2 + 5·4 + 6·6 + 7·1 + 8·6 + 9·7.",
        "5×5 的输入，3×3 的卷积核 1…9，`padding=1`，无偏置：输出保持 5×5。红框是输出 (1, 1) 的窗口："
        "211 = 1·3 + 2·4 + 3·6 + 4·2 + 5·4 + 6·6 + 7·1 + 8·6 + 9·7。",
    ),
    "convolution.stride_about": (
        "The same input and kernel with `stride=2` and no padding: the window jumps two cells, so only 2×2 positions fit.",
        "同样的输入和卷积核，`stride=2`、不填充：窗口每次跳两格，只能放下 2×2 个位置。",
    ),
    "convolution.pooling_about": (
        "`MaxPool2d(2)` keeps the largest value of each 2×2 block (its stride is its size, 2): 4×4 → 2×2. "
        "It has no weights, and works on each channel on its own.",
        "`MaxPool2d(2)` 保留每个 2×2 块中的最大值（步长等于窗口大小 2）：4×4 → 2×2。它没有权重，并对每个通道分别计算。",
    ),
    "convolution.seed_002_about": (
        "Another 5×5 input and 3×3 kernel: with stride 1 the output is 3×3, with stride 2 it is 2×2, and with padding 1 "
        "it keeps the 5×5 size.",
        "另一个 5×5 输入和 3×3 卷积核：步长 1 时输出 3×3，步长 2 时输出 2×2，填充 1 时保持 5×5。",
    ),
    "convolution.stride_1": ("Stride 1", "步长 1"),
    "convolution.stride_2": ("Stride 2", "步长 2"),
    "convolution.padding_1": ("Padding 1", "填充 1"),
    "convolution.shapes_about": (
        "A batch of **{batch}** image with **{in_channels}** channels of {size}×{size}, through "
        "`Conv2d({in_channels}, {out_channels}, kernel_size={kernel})`:\n\n"
        "- input `{input}` → output `{output}`\n"
        "- weight `{weight}` = (out_channels, in_channels, k, k), bias `{bias}`: {parameters:,} parameters\n\n"
        "Each of the {out_channels} output channels has its own {in_channels}×{kernel}×{kernel} kernel, "
        "which reads all input channels and adds them up.",
        "一个批次 **{batch}** 张图像，**{in_channels}** 个通道，大小 {size}×{size}，经过 "
        "`Conv2d({in_channels}, {out_channels}, kernel_size={kernel})`：\n\n"
        "- 输入 `{input}` → 输出 `{output}`\n"
        "- 权重 `{weight}` = (out_channels, in_channels, k, k)，偏置 `{bias}`：共 {parameters:,} 个参数\n\n"
        "{out_channels} 个输出通道各有一个 {in_channels}×{kernel}×{kernel} 的卷积核，它读取全部输入通道并把结果相加。",
    ),
    "convolution.playground": ("Try it yourself", "自己试试"),
    "convolution.playground_about": (
        "Change the layer and watch the window slide. The heatmaps show input channel 0 (with its zero padding) and "
        "output channel 0, which adds up the products over all input channels.",
        "改变这一层的设置，看窗口如何滑动。热力图显示输入通道 0（连同补的 0）和输出通道 0，后者把所有输入通道上的乘积相加。",
    ),
    "convolution.size": ("Input size H = W", "输入大小 H = W"),
    "convolution.kernel_size": ("Kernel size k", "卷积核大小 k"),
    "convolution.padding": ("Padding p", "填充 p"),
    "convolution.stride": ("Stride s", "步长 s"),
    "convolution.dilation": ("Dilation d", "膨胀 d"),
    "convolution.in_channels": ("Input channels", "输入通道数"),
    "convolution.out_channels": ("Output channels", "输出通道数"),
    "convolution.values": ("Values", "数值"),
    "convolution.values.random": ("Random integers (input 0…9, kernel −1…1; seeded)", "随机整数（输入 0…9，卷积核 −1…1；按种子）"),
    "convolution.values.ones": ("All ones (each output counts the real input cells under its window, over all channels)",
                         "全为 1（每个输出即其窗口下、所有通道中真实输入元素的个数）"),
    "convolution.formula": ("Output size: `{formula}`", "输出大小：`{formula}`"),
    "convolution.impossible": (
        "Impossible setting: the dilated kernel spans d·(k − 1) + 1 = {span} cells, more than the padded input's "
        "H + 2p = {padded}, so the output size would be {size}. PyTorch would raise an error here: make the kernel or "
        "the dilation smaller, or add padding.",
        "无法计算：膨胀后的卷积核跨越 d·(k − 1) + 1 = {span} 个元素，大于填充后的输入 H + 2p = {padded}，"
        "输出大小会是 {size}。PyTorch 在这里会报错：请减小卷积核或膨胀，或者增加填充。",
    ),
    "convolution.row": ("Output row", "输出行"),
    "convolution.column": ("Output column", "输出列"),
    "convolution.padded_input": ("Padded input, channel 0 ({size}×{size})", "填充后的输入，通道 0（{size}×{size}）"),
    "convolution.real_input": ("the real input", "真实输入"),
    "convolution.kernel_channel": ("Kernel: output 0, input channel 0", "卷积核：输出 0，输入通道 0"),
    "convolution.output_channel": ("Output channel 0 ({size}×{size})", "输出通道 0（{size}×{size}）"),
    "convolution.window": (
        "Output ({row}, {column}) = **{value:g}**: its window starts at padded cell ({top}, {left}) = (s·row, s·column) "
        "and its {cells} cells per input channel lie {dilation} apart (outlined in red).",
        "输出 ({row}, {column}) = **{value:g}**：它的窗口从填充后输入的 ({top}, {left}) = (s·行, s·列) 开始，"
        "每个输入通道取 {cells} 个元素，彼此相隔 {dilation} 格（红框）。",
    ),
    "convolution.layer_shapes": (
        "`nn.Conv2d({in_channels}, {out_channels}, kernel_size={kernel}, stride={stride}, padding={padding}, "
        "dilation={dilation})`: input `{input}` → output `{output}`",
        "`nn.Conv2d({in_channels}, {out_channels}, kernel_size={kernel}, stride={stride}, padding={padding}, "
        "dilation={dilation})`：输入 `{input}` → 输出 `{output}`",
    ),
    "convolution.weights": (
        "Weight shape `{weight}` = (out, in, k, k): {out_channels}·{in_channels}·{kernel}·{kernel} = **{weights:,}** "
        "weights, plus one bias per output channel when `bias=True` (the default) = **{parameters:,}** parameters.",
        "权重形状 `{weight}` = (out, in, k, k)：{out_channels}·{in_channels}·{kernel}·{kernel} = **{weights:,}** 个权重，"
        "`bias=True`（默认）时每个输出通道再加一个偏置 = **{parameters:,}** 个参数。",
    ),
    "convolution.one_by_one": ("Lecture 11 · Why 1×1 convolutions save work", "第 11 讲 · 为什么 1×1 卷积能省计算"),
    "convolution.one_by_one_about": (
        "A conv layer makes out·H·W outputs, each from in·k·k multiplications. Squeezing the channels with a 1×1 "
        "convolution first (as GoogLeNet's Inception does) makes the expensive k×k convolution read far fewer channels. "
        "Both layers keep the image size (padding k // 2).",
        "一个卷积层产生 out·H·W 个输出，每个输出需要 in·k·k 次乘法。先用 1×1 卷积压缩通道（GoogLeNet 的 Inception 就这样做），"
        "昂贵的 k×k 卷积要读的通道就少得多。两层都保持图像大小（padding = k // 2）。",
    ),
    "convolution.cost_in": ("Input channels", "输入通道数"),
    "convolution.cost_out": ("Output channels", "输出通道数"),
    "convolution.cost_middle": ("1×1 conv channels", "1×1 卷积通道数"),
    "convolution.cost_size": ("Image size", "图像大小"),
    "convolution.cost_kernel": ("Kernel size", "卷积核大小"),
    "convolution.cost_direct": (
        "**{kernel}×{kernel} conv, {in_channels} → {out_channels} channels:** "
        "{out_channels}·{size}·{size}·{in_channels}·{kernel}·{kernel} = **{direct:,}** multiplications",
        "**{kernel}×{kernel} 卷积，{in_channels} → {out_channels} 个通道：** "
        "{out_channels}·{size}·{size}·{in_channels}·{kernel}·{kernel} = **{direct:,}** 次乘法",
    ),
    "convolution.cost_bottleneck": (
        "**1×1 conv to {middle} channels first:** {in_channels}·{middle}·{size}·{size} + "
        "{middle}·{out_channels}·{kernel}·{kernel}·{size}·{size} = **{bottleneck:,}** multiplications",
        "**先用 1×1 卷积压缩到 {middle} 个通道：** {in_channels}·{middle}·{size}·{size} + "
        "{middle}·{out_channels}·{kernel}·{kernel}·{size}·{size} = **{bottleneck:,}** 次乘法",
    ),
    "convolution.cost_ratio": ("The bottleneck needs **{percent:.1f} %** of the work ({ratio:.2f}× fewer multiplications).",
                        "加了瓶颈层后只需 **{percent:.1f} %** 的计算量（乘法少 {ratio:.2f} 倍）。"),
    "convolution.cost_more": ("Here the bottleneck costs more: {ratio:.2f}× the multiplications of the direct convolution.",
                       "这里瓶颈层反而更贵：乘法次数是直接卷积的 {ratio:.2f} 倍。"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.convolution": ("Convolution arithmetic", "卷积运算"),
    "lecture.convolution.about": ("Padding, stride, pooling and output sizes, worked by hand.", "填充、步长、池化与输出尺寸，逐步演算。"),
}
