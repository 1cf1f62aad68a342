STRINGS = {
    # the course's groups (dlcore.lectures.GROUPS)
    "app.group.basics": ("Foundations: a model, its loss and its gradient", "基础：模型、损失与梯度"),
    "app.group.pytorch": ("PyTorch's way: nn.Module, losses, optimizers, data", "PyTorch 的方式：nn.Module、损失、优化器、数据"),
    "app.group.cnn": ("Convolutional networks", "卷积神经网络"),
    "app.group.rnn": ("Recurrent networks", "循环神经网络"),
    # a student's path (dlcore.lectures.START_HERE)
    "app.start_here": ("Start here", "从这里开始"),
    "app.start_here_about": ("New to the course? Take the lectures in this order; each builds on the last.",
                             "第一次学这门课？按这个顺序学习，每一讲都建立在前一讲之上。"),
    "app.path.linear_model": ("what a model, a loss and a gradient step are, on three points",
                              "在三个点上理解模型、损失和一步梯度下降"),
    "app.path.backprop": ("the same step with autograd doing the derivative", "同样的一步，由 autograd 求导"),
    "app.path.linear_regression": ("the same model the PyTorch way: nn.Linear, a loss, an optimizer",
                                   "用 PyTorch 的方式写同一个模型：nn.Linear、损失函数、优化器"),
    "app.path.logistic_regression": ("from numbers to yes/no: the sigmoid", "从数值到是/否：sigmoid"),
    "app.path.softmax": ("ten classes and real images: MNIST", "十个类别和真实图像：MNIST"),
    "app.path.cnn": ("convolutions, and the feature maps they learn", "卷积，以及它们学到的特征图"),
    "app.path.rnn_basics": ("sequences: a hidden state carried from step to step", "序列：在时间步之间传递的隐藏状态"),
    # the lecturer's quick links (dlcore.lectures.DEMOS)
    "app.quick_links": ("Lecturer's quick links", "讲师快捷链接"),
    "app.quick_links_about": (
        "Each opens a page set up for a demo and starts training. Make your own: set a page up, then "
        "**🔗 Copy link** in the sidebar.",
        "每个链接都会打开一个为演示设置好的页面并开始训练。制作你自己的链接：设置好页面后，点侧边栏的 **🔗 复制链接**。",
    ),
    "app.demo.diverge": ("Lectures 2–3 · a learning rate of 0.3 diverges", "第 2–3 讲 · 学习率 0.3 时发散"),
    "app.demo.adam": ("Lecture 5 · Adam at 0.1 against the SGD curve", "第 5 讲 · Adam（0.1）对比 SGD"),
    "app.demo.logistic_fast": ("Lecture 6 · the sigmoid at a rate of 5", "第 6 讲 · 学习率为 5 时的 sigmoid"),
    "app.demo.mnist_quick": ("Lecture 9 · MNIST on 2,000 images in seconds", "第 9 讲 · 用 2,000 张图像几秒训练 MNIST"),
    "app.demo.feature_maps": ("Lecture 10 · feature maps sharpening, projector view", "第 10 讲 · 特征图逐渐清晰（投影模式）"),
    "app.demo.gru": ("Lecture 12 · the GRU learns ohlol", "第 12 讲 · GRU 学会 ohlol"),
}
