STRINGS = {
    "softmax.title": ("Lecture 9 · Softmax classifier on MNIST", "第 9 讲 · MNIST 上的 Softmax 分类器"),
    "softmax.intro": (
        "Each 28×28 image is flattened with `view(-1, 784)` and fed through fully connected layers that end in "
        "**10 scores**, one per class. `CrossEntropyLoss` = `LogSoftmax` + `NLLLoss`: it turns the scores into "
        "probabilities with softmax and takes −log of the true class's probability, so the targets are class indices "
        "(a `LongTensor`), not one-hot vectors. MNIST is transformed once with `ToTensor()` and "
        "`Normalize((0.1307,), (0.3081,))`, Fashion-MNIST with `ToTensor()` alone as in d2l, and the images are kept as "
        "tensors on the chosen device.",
        "每张 28×28 的图像用 `view(-1, 784)` 展平，经过若干全连接层，最后输出 **10 个分数**，每个类别一个。"
        "`CrossEntropyLoss` = `LogSoftmax` + `NLLLoss`：先用 softmax 把分数变成概率，再取真实类别概率的 −log，"
        "因此目标是类别下标（`LongTensor`），而不是 one-hot 向量。MNIST 只用 `ToTensor()` 和 "
        "`Normalize((0.1307,), (0.3081,))` 变换一次，Fashion-MNIST 与 d2l 一样只用 `ToTensor()`，"
        "之后图像以张量形式保存在所选设备上。",
    ),
    "softmax.model": ("Model", "模型"),
    "softmax.model.course": ("The course's MLP 784-512-256-128-64-10 (ReLU)", "课程的 MLP 784-512-256-128-64-10（ReLU）"),
    "softmax.model.d2l_softmax": ("d2l: softmax regression 784→10", "d2l：softmax 回归 784→10"),
    "softmax.model.d2l_mlp": ("d2l: MLP 784→256→10 (ReLU)", "d2l：多层感知机 784→256→10（ReLU）"),
    "softmax.model.logistic": ("Seed 004: logistic regression 784→10, no bias", "笔记 004：逻辑回归 784→10，无偏置"),
    "softmax.model.sigmoid_mlp": ("Seed 004: MLP 784→512→10 (sigmoid)", "笔记 004：多层感知机 784→512→10（sigmoid）"),
    "softmax.model.modern_mlp": ("Seed 004: \"modern\" MLP 784→512→512→10 (ReLU + Dropout, Adam)",
                                 "笔记 004：“现代”多层感知机 784→512→512→10（ReLU + Dropout，Adam）"),
    "softmax.about.course": (
        "The lecture's network: SGD with lr 0.01 and momentum 0.5, batches of 64, 10 epochs → about **97 %** test accuracy.",
        "课程中的网络：SGD，学习率 0.01，动量 0.5，批量 64，10 轮 → 测试准确率约 **97 %**。",
    ),
    "softmax.about.d2l_softmax": (
        "d2l's softmax regression on Fashion-MNIST: one linear layer, weights from N(0, 0.01²); SGD lr 0.1, batches of 256, "
        "5 epochs. d2l checks: train loss < 0.5, train and test accuracy > 70 %.",
        "d2l 的 softmax 回归（Fashion-MNIST）：一个线性层，权重取自 N(0, 0.01²)；SGD 学习率 0.1，批量 256，5 轮。"
        "d2l 的检查：训练损失 < 0.5，训练和测试准确率 > 70 %。",
    ),
    "softmax.about.d2l_mlp": (
        "d2l's multilayer perceptron on Fashion-MNIST: 256 hidden ReLU units; SGD lr 0.5, batches of 256, 5 epochs.",
        "d2l 的多层感知机（Fashion-MNIST）：256 个 ReLU 隐藏单元；SGD 学习率 0.5，批量 256，5 轮。",
    ),
    "softmax.about.logistic": (
        "Seed 004's logistic regression `y = Wx` (no bias) on MNIST: SGD lr 0.01, momentum 0.9, batches of 100, 100 epochs.",
        "笔记 004 的逻辑回归 `y = Wx`（无偏置，MNIST）：SGD 学习率 0.01，动量 0.9，批量 100，100 轮。",
    ),
    "softmax.about.sigmoid_mlp": (
        "Seed 004's neural network: 512 sigmoid hidden units, no biases; SGD lr 0.01, momentum 0.9, batches of 100, 100 epochs.",
        "笔记 004 的神经网络：512 个 sigmoid 隐藏单元，无偏置；SGD 学习率 0.01，动量 0.9，批量 100，100 轮。",
    ),
    "softmax.about.modern_mlp": (
        "Seed 004's \"modern deep learning\": ReLU against vanishing gradients, Dropout(0.2) against over-fitting "
        "(active in `train()` mode only), Adam with its default lr 0.001; batches of 100, 100 epochs.",
        "笔记 004 的“现代深度学习”：ReLU 缓解梯度消失，Dropout(0.2) 防止过拟合（只在 `train()` 模式下生效），"
        "Adam 使用默认学习率 0.001；批量 100，100 轮。",
    ),
    "softmax.dataset": ("Data set", "数据集"),
    "softmax.batch_size": ("Batch size", "批量大小"),
    "softmax.momentum": ("Momentum (SGD)", "动量（SGD）"),
    "softmax.train_size": ("Training images", "训练图像数量"),
    "softmax.train_size.all": ("all {n:,}", "全部 {n:,} 张"),
    "softmax.train_size.n": ("the first {n:,}", "前 {n:,} 张"),
    "softmax.result": ("Test accuracy on all {n:,} test images: **{accuracy:.2f} %**.", "在全部 {n:,} 张测试图像上的准确率：**{accuracy:.2f} %**。"),
    "softmax.lecture_result": ("The lecture reaches about 97 % after 10 epochs.", "课程中 10 轮后约为 97 %。"),
    "softmax.draw_link": ("Draw a digit for this model (and for every other model you trained) to read",
                          "手写一个数字，让这个模型（以及你训练的其他模型）来读"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.softmax": ("Softmax classifier on MNIST", "MNIST 上的 Softmax 分类器"),
    "lecture.softmax.about": ("Fully connected networks reading handwritten digits.", "全连接网络识别手写数字。"),
    "app.path.softmax": ("ten classes and real images: MNIST", "十个类别和真实图像：MNIST"),
    "app.demo.mnist_epoch": ("Lecture 9 · one epoch of MNIST: about 90 %", "第 9 讲 · MNIST 训练一轮：约 90 %"),
    "app.demo.mnist_epoch.help": (
        "The course's network and settings for one epoch (938 batches of 64): about 90 % of the 10,000 test images "
        "right; the notes' 10 epochs reach about 97 %.",
        "课程的网络和设置，只训练一轮（938 个 64 张的批次）：10,000 张测试图像约 90 % 正确；笔记中的 10 轮约 97 %。",
    ),
}
