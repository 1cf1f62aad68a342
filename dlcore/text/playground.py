"""The playground: a 2-D classifier in the manner of TensorFlow Playground, with real PyTorch."""
STRINGS = {
    "play.title": ("Playground · a 2-D classifier, live", "游乐场 · 实时的二维分类器"),
    "play.intro": (
        "TensorFlow Playground's experiment with the real thing: points on a plane, an MLP built from `nn.Linear` "
        "layers, `CrossEntropyLoss` and a `torch.optim` optimizer. Pick a data set and the features the network "
        "sees, shape its hidden layers, click **Train**, and watch the plane take the colour of the class the "
        "network answers there (paler where it is less sure). Filled dots are the training points, rings the test "
        "points it never trains on. Pause, step, and compare with the faint curves of earlier runs; the address "
        "holds the whole setup, so a link opens the same experiment.",
        "用真正的 PyTorch 重做 TensorFlow Playground 的实验：平面上的点，由 `nn.Linear` 层搭成的 MLP，`CrossEntropyLoss` "
        "和 `torch.optim` 优化器。选择数据集和网络看到的特征，设定隐藏层，点击**训练**，看平面逐渐染上网络在该处给出的类别的"
        "颜色（越不确定颜色越淡）。实心点是训练点，空心圈是从不参与训练的测试点。可以暂停、单步，并与之前几次训练的淡色曲线"
        "比较；地址中保存了全部设置，一个链接就能打开同样的实验。",
    ),
    "play.group.data": ("Data", "数据"),
    "play.group.features": ("Features in", "输入特征"),
    "play.group.network": ("Network", "网络"),
    "play.group.training": ("Training", "训练"),
    "play.dataset": ("Data set", "数据集"),
    "play.dataset.circles": ("Circles", "同心圆"),
    "play.dataset.xor": ("XOR", "异或（XOR）"),
    "play.dataset.moons": ("Two moons", "双月牙"),
    "play.dataset.spiral": ("Spiral", "螺旋"),
    "play.dataset.blobs": ("Gaussian blobs", "高斯团"),
    "play.classes": ("Classes (spiral, blobs)", "类别数（螺旋、高斯团）"),
    "play.noise": ("Noise", "噪声"),
    "play.points": ("Points", "点数"),
    "play.test_share": ("Share of points kept to test", "留作测试的点所占比例"),
    "play.feature.x": ("x", "x"),
    "play.feature.y": ("y", "y"),
    "play.feature.x2": ("x²", "x²"),
    "play.feature.y2": ("y²", "y²"),
    "play.feature.xy": ("x·y", "x·y"),
    "play.feature.sinx": ("sin x", "sin x"),
    "play.feature.siny": ("sin y", "sin y"),
    "play.features_help": ("x and y are divided by 6, so each feature lies in [−1, 1].",
                           "x 和 y 先除以 6，因此每个特征都在 [−1, 1] 之间。"),
    "play.hidden": ("Hidden layers (units each, comma-separated)", "隐藏层（每层单元数，逗号分隔）"),
    "play.activation": ("Activation", "激活函数"),
    "play.activation.Tanh": ("Tanh", "Tanh"),
    "play.activation.ReLU": ("ReLU", "ReLU"),
    "play.activation.Sigmoid": ("Sigmoid", "Sigmoid"),
    "play.activation.Identity": ("Linear (none)", "线性（无）"),
    "play.dropout": ("Dropout after each hidden layer", "每个隐藏层后的 Dropout"),
    "play.batch_size": ("Batch size", "批大小"),
    "play.batch.0": ("all training points", "全部训练点"),
    **{f"play.batch.{n}": (str(n), str(n)) for n in (1, 5, 10, 20, 50, 100)},
    "play.weight_decay": ("Weight decay (L2)", "权重衰减（L2）"),
    "play.network": ("{inputs} inputs → {layers} → {classes} classes · {parameters:,} weights and biases",
                     "{inputs} 个输入 → {layers} → {classes} 个类别 · {parameters:,} 个权重和偏置"),
    "play.no_hidden": ("no hidden layer", "无隐藏层"),
    "play.problem.hidden": (
        "“{text}” is not a list of hidden layers: write up to {layers} whole numbers from 1 to {units}, separated by "
        "commas (“8, 8”), or nothing for no hidden layer.",
        "“{text}” 不是有效的隐藏层列表：请写最多 {layers} 个 1 到 {units} 之间的整数，用逗号分隔（如“8, 8”），或留空表示没有"
        "隐藏层。",
    ),
    "play.problem.no_feature": ("Choose at least one feature for the network to see.", "请至少选择一个输入特征。"),
    "play.class": ("class {k}", "类别 {k}"),
    "play.regions_title": ("What the network answers over the plane", "网络在平面上各处给出的答案"),
    "play.data_title": ("The data set: training points (dots) and test points (rings)",
                        "数据集：训练点（实心）与测试点（空心）"),
    "play.train_points": ("training · {name}", "训练 · {name}"),
    "play.test_points": ("test · {name}", "测试 · {name}"),
    "play.units_title": ("First hidden layer: its {n} units over the plane", "第一个隐藏层：{n} 个单元在平面上的输出"),
    "play.loss_title": ("Loss per epoch", "每轮的损失"),
    "play.accuracy_title": ("Accuracy per epoch", "每轮的准确率"),
    "play.accuracy": ("Accuracy", "准确率"),
    "play.train": ("training", "训练"),
    "play.test": ("test", "测试"),
    "play.result": ("Test accuracy **{test:.1%}** (training points: {train:.1%}); test loss {loss:.3f}.",
                    "测试准确率 **{test:.1%}**（训练点：{train:.1%}）；测试损失 {loss:.3f}。"),
}
