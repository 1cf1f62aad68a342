STRINGS = {
    "cnn_basics.title": ("Lecture 10 · CNN basics", "第 10 讲 · 卷积神经网络基础"),
    "cnn_basics.intro": (
        "The course's CNN reads 28×28 digits: `Conv2d(1,10,5) → MaxPool(2) → ReLU → Conv2d(10,20,5) → MaxPool(2) → ReLU "
        "→ view → Linear(320,10)`. Train it and watch what each convolution and pooling layer sees in one test image: "
        "the feature maps sharpen as the kernels learn.",
        "课程中的 CNN 读取 28×28 的手写数字：`Conv2d(1,10,5) → MaxPool(2) → ReLU → Conv2d(10,20,5) → MaxPool(2) → ReLU "
        "→ view → Linear(320,10)`。训练它，并观察每个卷积层和池化层在一张测试图像中“看到”了什么：随着卷积核的学习，特征图会越来越清晰。",
    ),
    "cnn_basics.model": ("Model", "模型"),
    "cnn_basics.model.course": ("The course's CNN on MNIST (lecture 10)", "课程中的 CNN，MNIST（第 10 讲）"),
    "cnn_basics.model.cifar": ("Seed 002's nn.Sequential network on CIFAR-10", "种子笔记 002 的 nn.Sequential 网络，CIFAR-10"),
    "cnn_basics.routine": (
        "Seed 002's complete routine: every epoch trains over the training batches in `model.train()` mode, then tests "
        "in `model.eval()` mode under `torch.no_grad()` (the accuracy per epoch), and keeps the weights (**Weights** "
        "below: download any epoch's, as the notes `torch.save` each one). Where a GPU exists, **🏁 CPU vs GPU** times "
        "an epoch on both.",
        "种子笔记 002 的完整训练流程：每一轮先在 `model.train()` 模式下遍历训练批次，再在 `model.eval()` 模式和 "
        "`torch.no_grad()` 下测试（每轮的准确率），并保存权重（见下方 **权重**：可下载任意一轮的权重，就像笔记每轮都 "
        "`torch.save` 一样）。有 GPU 时，**🏁 CPU 对 GPU** 会在两者上各计时一轮。"),
    "cnn_basics.no_data": ("This network cannot train until its data set is there (see above).", "数据集就位之前，这个网络无法训练（见上文）。"),
    "cnn_basics.image": ("Test image whose feature maps are shown", "显示其特征图的测试图像"),
    "cnn_basics.shapes": ("Tensor shapes layer by layer (batch B = {batch})", "逐层的张量形状（批量 B = {batch}）"),
    "cnn_basics.layer": ("layer", "层"),
    "cnn_basics.shape": ("output shape", "输出形状"),
    "cnn_basics.parameters": ("{count:,} parameters", "{count:,} 个参数"),
    "cnn_basics.maps_caption": (
        "Each small square is one channel, scaled to its own range. The pooling layers show the maps after "
        "MaxPool, before the ReLU that follows it in forward().",
        "每个小方块是一个通道，按各自的取值范围缩放。池化层显示的是 MaxPool 之后、forward() 中紧随其后的 ReLU 之前的特征图。",
    ),
    "cnnfig.maps_title": ("{name}: {channels} × {h} × {w}", "{name}：{channels} × {h} × {w}"),
    "cnnfig.kernels_title": ("First-layer kernels: {out} × {inputs} × {k} × {k}", "第一层卷积核：{out} × {inputs} × {k} × {k}"),
    "cnnfig.units_title": ("{name}: {n} units", "{name}：{n} 个单元"),
    "cnnfig.input_title": ("Input image ({label})", "输入图像（{label}）"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.cnn_basics": ("CNN basics", "卷积神经网络基础"),
    "lecture.cnn_basics.about": ("Convolution and pooling feature maps sharpening as the CNN learns.", "看卷积和池化特征图随训练逐渐清晰。"),
    "app.path.cnn_basics": ("convolutions, and the feature maps they learn", "卷积，以及它们学到的特征图"),
    "app.demo.feature_maps": ("Lecture 10 · feature maps, projector view", "第 10 讲 · 特征图（投影模式）"),
    "app.demo.feature_maps.help": (
        "The course's CNN on 10,000 images for 3 epochs (about 95 %), in the projector view: conv1's and conv2's "
        "maps of one digit redrawn as it learns.",
        "课程的 CNN 在 10,000 张图像上训练 3 轮（约 95 %），投影模式：同一个数字在 conv1 和 conv2 的特征图随训练重绘。",
    ),
}
