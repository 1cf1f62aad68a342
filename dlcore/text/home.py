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
    "app.path.cnn_basics": ("convolutions, and the feature maps they learn", "卷积，以及它们学到的特征图"),
    "app.path.rnn_basics": ("sequences: a hidden state carried from step to step", "序列：在时间步之间传递的隐藏状态"),
    # the lecturer's quick links (dlcore.lectures.DEMOS)
    "app.quick_links": ("Lecturer's quick links", "讲师快捷链接"),
    "app.quick_links_about": (
        "Each opens a page set up for a demo and starts training; point at one to read what to watch. Make your "
        "own: set a page up, then **🔗 Copy link** in the sidebar.",
        "每个链接都会打开一个为演示设置好的页面并开始训练；把鼠标移到链接上可看要观察什么。制作你自己的链接："
        "设置好页面后，点侧边栏的 **🔗 复制链接**。",
    ),
    "app.demo.diverge": ("Lectures 2–3 · a rate of 0.3 diverges", "第 2–3 讲 · 学习率 0.3 发散"),
    "app.demo.diverge.help": (
        "w jumps across the valley, further at every step, until the page stops the run and says so (epoch 13). "
        "The course's 0.01 walks down instead.",
        "w 每一步都越过谷底、越跳越远，直到页面停下训练并说明原因（第 13 轮）。课程的 0.01 则一步步走到谷底。",
    ),
    "app.demo.lbfgs": ("Lecture 5 · LBFGS fits in one epoch", "第 5 讲 · LBFGS 一轮拟合好"),
    "app.demo.lbfgs.help": (
        "Rate 1, 10 epochs: the loss falls from 74 to almost 0 in the first epoch (one LBFGS step evaluates the loss "
        "up to 20 times, through its closure). Train the page's SGD first: its curve stays beside, faint.",
        "学习率 1、10 轮：损失在第一轮就从 74 降到几乎为 0（LBFGS 的一步通过闭包最多计算 20 次损失）。"
        "先用页面默认的 SGD 训练一次：它的曲线会淡淡地留在旁边作对比。",
    ),
    "app.demo.sigmoid_stuck": ("Lecture 6 · rate 5: the sigmoid gets stuck", "第 6 讲 · 学习率 5：sigmoid 卡住"),
    "app.demo.sigmoid_stuck.help": (
        "The first steps throw w and b so far that the sigmoid is flat where a point lies: its gradient all but "
        "vanishes, the loss stays near 41 and the boundary lands at −1.1 hours. At 0.5 the same 100 epochs learn it.",
        "最初几步把 w 和 b 推得太远，sigmoid 在某个数据点处变得平坦：梯度几乎消失，损失停在 41 左右，"
        "决策边界落在 −1.1 小时。学习率 0.5 时，同样 100 轮就能学好。",
    ),
    "app.demo.mnist_epoch": ("Lecture 9 · one epoch of MNIST: about 90 %", "第 9 讲 · MNIST 训练一轮：约 90 %"),
    "app.demo.mnist_epoch.help": (
        "The course's network and settings for one epoch (938 batches of 64): about 90 % of the 10,000 test images "
        "right; the notes' 10 epochs reach about 97 %.",
        "课程的网络和设置，只训练一轮（938 个 64 张的批次）：10,000 张测试图像约 90 % 正确；笔记中的 10 轮约 97 %。",
    ),
    "app.demo.feature_maps": ("Lecture 10 · feature maps, projector view", "第 10 讲 · 特征图（投影模式）"),
    "app.demo.feature_maps.help": (
        "The course's CNN on 10,000 images for 3 epochs (about 95 %), in the projector view: conv1's and conv2's "
        "maps of one digit redrawn as it learns.",
        "课程的 CNN 在 10,000 张图像上训练 3 轮（约 95 %），投影模式：同一个数字在 conv1 和 conv2 的特征图随训练重绘。",
    ),
    "app.demo.gru": ("Lecture 12 · the GRU learns ohlol", "第 12 讲 · GRU 学会 ohlol"),
    "app.demo.gru.help": (
        "nn.GRU on the course's hello → ohlol: the predicted string per epoch turns into ohlol (first all right in "
        "epoch 10).",
        "nn.GRU 学习课程的 hello → ohlol：每轮预测的字符串逐渐变成 ohlol（第 10 轮首次五个字母全对）。",
    ),
    "app.demo.overfit": ("Generalisation · 15 degrees on 20 points over-fit", "泛化 · 20 个点上的 15 阶多项式过拟合"),
    "app.demo.overfit.help": (
        "A degree-15 polynomial on 20 of d2l's points: the training loss falls to about 1.5 while the test loss is "
        "thousands of times larger, and the curve swings between the points.",
        "在 d2l 的 20 个点上拟合 15 阶多项式：训练损失降到约 1.5，测试损失却大上几千倍，曲线在点之间剧烈摆动。",
    ),
    "app.demo.spiral": ("Playground · a three-class spiral unwound", "游乐场 · 解开三类螺旋"),
    "app.demo.spiral.help": (
        "Three ReLU layers of 16 units with Adam unwind a three-arm spiral of 1,000 points in 40 epochs: the plane's "
        "colours follow the arms (test accuracy above 90 %).",
        "三层各 16 个单元的 ReLU 网络用 Adam 在 40 轮内解开 1,000 个点的三臂螺旋：平面的颜色顺着螺旋臂分开（测试准确率超过 "
        "90 %）。",
    ),
}
