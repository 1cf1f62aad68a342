"""The playground: a 2-D classifier in the manner of TensorFlow Playground, with real PyTorch."""
STRINGS = {
    "playground.title": ("Playground · a 2-D classifier, live", "游乐场 · 实时的二维分类器"),
    "playground.intro": (
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
    "playground.group.data": ("Data", "数据"),
    "playground.group.features": ("Features in", "输入特征"),
    "playground.group.network": ("Network", "网络"),
    "playground.group.training": ("Training", "训练"),
    "playground.dataset": ("Data set", "数据集"),
    "playground.dataset.circles": ("Circles", "同心圆"),
    "playground.dataset.xor": ("XOR", "异或（XOR）"),
    "playground.dataset.moons": ("Two moons", "双月牙"),
    "playground.dataset.spiral": ("Spiral", "螺旋"),
    "playground.dataset.blobs": ("Gaussian blobs", "高斯团"),
    "playground.classes": ("Classes (spiral, blobs)", "类别数（螺旋、高斯团）"),
    "playground.noise": ("Noise", "噪声"),
    "playground.points": ("Points", "点数"),
    "playground.test_share": ("Share of points kept to test", "留作测试的点所占比例"),
    "playground.feature.x": ("x", "x"),
    "playground.feature.y": ("y", "y"),
    "playground.feature.x2": ("x²", "x²"),
    "playground.feature.y2": ("y²", "y²"),
    "playground.feature.xy": ("x·y", "x·y"),
    "playground.feature.sinx": ("sin x", "sin x"),
    "playground.feature.siny": ("sin y", "sin y"),
    "playground.features_help": ("x and y are divided by 6, so each feature lies in [−1, 1].",
                           "x 和 y 先除以 6，因此每个特征都在 [−1, 1] 之间。"),
    "playground.hidden": ("Hidden layers (units each, comma-separated)", "隐藏层（每层单元数，逗号分隔）"),
    "playground.activation": ("Activation", "激活函数"),
    "playground.activation.Tanh": ("Tanh", "Tanh"),
    "playground.activation.ReLU": ("ReLU", "ReLU"),
    "playground.activation.Sigmoid": ("Sigmoid", "Sigmoid"),
    "playground.activation.Identity": ("Linear (none)", "线性（无）"),
    "playground.dropout": ("Dropout after each hidden layer", "每个隐藏层后的 Dropout"),
    "playground.batch_size": ("Batch size", "批大小"),
    "playground.batch.0": ("all training points", "全部训练点"),
    **{f"playground.batch.{n}": (str(n), str(n)) for n in (1, 5, 10, 20, 50, 100)},
    "playground.weight_decay": ("Weight decay (L2)", "权重衰减（L2）"),
    "playground.network": ("{inputs} inputs → {layers} → {classes} classes · {parameters:,} weights and biases",
                     "{inputs} 个输入 → {layers} → {classes} 个类别 · {parameters:,} 个权重和偏置"),
    "playground.no_hidden": ("no hidden layer", "无隐藏层"),
    "playground.problem.hidden": (
        "“{text}” is not a list of hidden layers: write up to {layers} whole numbers from 1 to {units}, separated by "
        "commas (“8, 8”), or nothing for no hidden layer.",
        "“{text}” 不是有效的隐藏层列表：请写最多 {layers} 个 1 到 {units} 之间的整数，用逗号分隔（如“8, 8”），或留空表示没有"
        "隐藏层。",
    ),
    "playground.problem.no_feature": ("Choose at least one feature for the network to see.", "请至少选择一个输入特征。"),
    "playground.class": ("class {k}", "类别 {k}"),
    "playground.regions_title": ("What the network answers over the plane", "网络在平面上各处给出的答案"),
    "playground.data_title": ("The data set: training points (dots) and test points (rings)",
                        "数据集：训练点（实心）与测试点（空心）"),
    "playground.train_points": ("training · {name}", "训练 · {name}"),
    "playground.test_points": ("test · {name}", "测试 · {name}"),
    "playground.units_title": ("First hidden layer: its {n} units over the plane", "第一个隐藏层：{n} 个单元在平面上的输出"),
    "playground.loss_title": ("Loss per epoch", "每轮的损失"),
    "playground.accuracy_title": ("Accuracy per epoch", "每轮的准确率"),
    "playground.accuracy": ("Accuracy", "准确率"),
    "playground.train": ("training", "训练"),
    "playground.test": ("test", "测试"),
    "playground.result": ("Test accuracy **{test:.1%}** (training points: {train:.1%}); test loss {loss:.3f}.",
                    "测试准确率 **{test:.1%}**（训练点：{train:.1%}）；测试损失 {loss:.3f}。"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.playground": ("Playground: a 2-D classifier", "游乐场：二维分类器"),
    "lecture.playground.about": ("TensorFlow Playground with real PyTorch: decision regions and units, live.",
                                 "用真正的 PyTorch 玩 TensorFlow Playground：实时的决策区域与神经元。"),
    "app.demo.spiral": ("Playground · a three-class spiral unwound", "游乐场 · 解开三类螺旋"),
    "app.demo.spiral.help": (
        "Three ReLU layers of 16 units with Adam unwind a three-arm spiral of 1,000 points in 40 epochs: the plane's "
        "colours follow the arms (test accuracy above 90 %).",
        "三层各 16 个单元的 ReLU 网络用 Adam 在 40 轮内解开 1,000 个点的三臂螺旋：平面的颜色顺着螺旋臂分开（测试准确率超过 "
        "90 %）。",
    ),
}
