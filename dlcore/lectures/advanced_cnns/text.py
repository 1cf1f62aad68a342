STRINGS = {
    "advanced_cnns.title": ("Lecture 11 · Advanced CNNs: Inception and ResNet", "第 11 讲 · 高级 CNN：Inception 与 ResNet"),
    "advanced_cnns.intro": (
        "Lecture 10's CNN stacks convolutions in a single line. Two ideas make deeper networks work better. "
        "**Inception** (GoogLeNet) does not choose a kernel size: it runs several branches side by side — 1×1, 3×3, 5×5 "
        "convolutions and an average pooling — and joins their maps along the channels with `torch.cat(outputs, dim=1)`. "
        "Every branch keeps H×W (padding), and cheap 1×1 convolutions first cut the channels. "
        "**Residual blocks** (ResNet) add the block's input to its output, `relu(x + F(x))`: the layers only learn what to "
        "add, and the gradient flows back through the `+ x` unchanged, so deep stacks still train.",
        "第 10 讲的 CNN 把卷积排成一条直线。有两个思路能让更深的网络表现更好。"
        "**Inception**（GoogLeNet）不去挑选卷积核大小：它让多个分支并行计算——1×1、3×3、5×5 卷积以及平均池化——"
        "再用 `torch.cat(outputs, dim=1)` 沿通道把它们的特征图拼接起来。每个分支都通过填充保持 H×W 不变，"
        "并先用计算量小的 1×1 卷积减少通道数。**残差块**（ResNet）把块的输入加到输出上，即 `relu(x + F(x))`："
        "这些层只需学习要加上的部分，梯度也能经由 `+ x` 原样传回，因此很深的网络依然可以训练。",
    ),
    "advanced_cnns.model": ("Model", "模型"),
    "advanced_cnns.model.inception": ("Inception network (seed 001)", "Inception 网络（笔记 001）"),
    "advanced_cnns.model.resnet": ("Residual network (the course's)", "残差网络（课程版本）"),
    "advanced_cnns.model.basic": ("Basic CNN (lecture 10)", "基础 CNN（第 10 讲）"),
    "advanced_cnns.about.inception": (
        "`InceptionA(in_channels)` has four branches: average pooling 3×3 (stride 1, padding 1) → 1×1 conv to 24; 1×1 conv "
        "to 16; 1×1 conv to 16 → 5×5 conv to 24 (padding 2); 1×1 conv to 16 → 3×3 conv to 24 → 3×3 conv to 24 (padding 1). "
        "Joined: 24 + 16 + 24 + 24 = **88 channels**, hence `Conv2d(88, 20, 5)` after it and `Linear(1408, 10)` at the end "
        "(88 × 4 × 4 = 1408). The notes' code has bugs that are fixed here: `forwad`, `self.conv1` without `x`, "
        "`self.incep2()` without its argument, and `import torch.functional as F` (it is `torch.nn.functional`).",
        "`InceptionA(in_channels)` 有四个分支：3×3 平均池化（步长 1，填充 1）→ 1×1 卷积到 24 通道；1×1 卷积到 16 通道；"
        "1×1 卷积到 16 → 5×5 卷积到 24（填充 2）；1×1 卷积到 16 → 3×3 卷积到 24 → 3×3 卷积到 24（填充 1）。"
        "拼接后共 24 + 16 + 24 + 24 = **88 个通道**，所以其后是 `Conv2d(88, 20, 5)`，最后是 `Linear(1408, 10)`"
        "（88 × 4 × 4 = 1408）。笔记中的代码有几处错误，这里已改正：`forwad`、`self.conv1` 没有传入 `x`、"
        "`self.incep2()` 缺少参数，以及 `import torch.functional as F`（应为 `torch.nn.functional`）。",
    ),
    "advanced_cnns.about.resnet": (
        "`ResidualBlock(c)` computes `relu(x + conv2(relu(conv1(x))))` with two 3×3 convolutions (padding 1) that keep "
        "c channels, so `x` and the result can be added. The network: Conv2d(1,16,5) → MaxPool → ReLU → ResidualBlock(16) "
        "→ Conv2d(16,32,5) → MaxPool → ReLU → ResidualBlock(32) → view → Linear(512, 10) (32 × 4 × 4 = 512). "
        "The notes' \"Residual Net\" section is empty; this is the course's version.",
        "`ResidualBlock(c)` 计算 `relu(x + conv2(relu(conv1(x))))`，其中两个 3×3 卷积（填充 1）保持 c 个通道，"
        "因此 `x` 与结果可以相加。网络结构：Conv2d(1,16,5) → MaxPool → ReLU → ResidualBlock(16) → Conv2d(16,32,5) → "
        "MaxPool → ReLU → ResidualBlock(32) → view → Linear(512, 10)（32 × 4 × 4 = 512）。"
        "笔记中的“Residual Net”一节是空的；这里是课程中的版本。",
    ),
    "advanced_cnns.settings": (
        "Trained like lecture 10's CNN: SGD with lr 0.01 and momentum 0.5, batches of 64, 10 epochs.",
        "与第 10 讲的 CNN 一样训练：SGD，学习率 0.01，动量 0.5，批量 64，10 轮。",
    ),
    "advanced_cnns.parameters": ("**{count:,}** parameters (the basic CNN of lecture 10 has {basic:,}).",
                       "共 **{count:,}** 个参数（第 10 讲的基础 CNN 有 {basic:,} 个）。"),
    "advanced_cnns.shapes_title": ("The shapes, layer by layer", "逐层的张量形状"),
    "advanced_cnns.shapes_help": (
        "One 28×28 image (B = 1) through the network, read with forward hooks on every layer in the order they run. "
        "Inside a block all branches keep H×W; `concat` shows the joined channels. After `view` the maps are one row of "
        "C numbers per image. ReLU and average pooling are functions (`F.relu`, `F.avg_pool2d`), not layers, so they "
        "have no row.",
        "把一张 28×28 的图像（B = 1）送入网络，用前向钩子按运行顺序读取每一层的输出。块内各分支都保持 H×W；"
        "`concat` 一行显示拼接后的通道数。`view` 之后，每张图像的特征图变成一行 C 个数。ReLU 和平均池化是函数"
        "（`F.relu`、`F.avg_pool2d`），不是层，所以没有对应的行。",
    ),
    "advanced_cnns.layer": ("Layer", "层"),
    "advanced_cnns.train_title": ("Train it", "训练它"),
    "advanced_cnns.compare_title": ("Compare with the basic CNN", "与基础 CNN 比较"),
    "advanced_cnns.compare_intro": (
        "The basic CNN of lecture 10, the Inception network and the residual network, trained side by side (each step "
        "trains every model on the same batch) on the same images for the same number of epochs, each with the "
        "course's settings (SGD lr 0.01, momentum 0.5, batches of 64) and the same seed. The defaults (10,000 images, "
        "2 epochs) take about a minute on a CPU, most of it for Inception.",
        "第 10 讲的基础 CNN、Inception 网络和残差网络并排训练（每一步都用同一批数据训练每个模型），"
        "在相同的图像上训练相同的轮数，都使用课程的设置"
        "（SGD 学习率 0.01，动量 0.5，批量 64）和相同的随机种子。默认设置（10,000 张图像，2 轮）在 CPU 上"
        "大约需要一分钟，大部分时间花在 Inception 上。",
    ),
    "advanced_cnns.compare_data": ("Data: {name} (the data set chosen above).", "数据：{name}（即上面选择的数据集）。"),
    "advanced_cnns.table.model": ("Model", "模型"),
    "advanced_cnns.table.parameters": ("Parameters", "参数数量"),
    "advanced_cnns.table.test_accuracy": ("Test accuracy (%)", "测试准确率（%）"),
    "advanced_cnns.table.seconds": ("Seconds", "秒"),
    "advanced_cnns.table_caption": (
        "Test accuracy after the last epoch, on the same 2,000 test images for every model; seconds of training "
        "(with the accuracy checks after each epoch) on {device}.",
        "最后一轮后的测试准确率，所有模型都在同样的 2,000 张测试图像上计算；秒数为在 {device} 上的训练时间"
        "（含每轮后的准确率检查）。",
    ),
    "advanced_cnns.fig.accuracy_title": ("Test accuracy per epoch", "每轮测试准确率"),
    "advanced_cnns.fig.test_accuracy": ("Test accuracy (%)", "测试准确率（%）"),
    "advanced_cnns.fig.loss_title": ("Training loss per batch", "每批次训练损失"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.advanced_cnns": ("Advanced CNNs: Inception and ResNet", "高级 CNN：Inception 与 ResNet"),
    "lecture.advanced_cnns.about": ("1×1 convolutions, Inception blocks and residual connections.", "1×1 卷积、Inception 模块与残差连接。"),
}
