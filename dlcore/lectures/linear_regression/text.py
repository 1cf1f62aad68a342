STRINGS = {
    "linear_regression.title": ("Lecture 5 · Linear regression with nn.Linear", "第 5 讲 · 用 nn.Linear 做线性回归"),
    "linear_regression.intro": (
        "Prepare the data, design the model as an `nn.Module`, pick a loss and an optimizer, then loop: "
        "forward, loss, `zero_grad()`, `backward()`, `step()`.",
        "准备数据，把模型设计为 `nn.Module`，选择损失函数和优化器，然后循环：前向、计算损失、`zero_grad()`、`backward()`、`step()`。",
    ),
    "linear_regression.dataset": ("Data", "数据"),
    "linear_regression.dataset.course": ("The course's three points (x = 1, 2, 3 → y = 2, 4, 6)", "课程中的三个点（x = 1, 2, 3 → y = 2, 4, 6）"),
    "linear_regression.dataset.d2l": ("d2l: 1000 samples, two features, true w = [2, −3.4], b = 4.2", "d2l：1000 个样本、两个特征，真实 w = [2, −3.4]，b = 4.2"),
    "linear_regression.fit_title": ("The data and the fitted line", "数据与拟合直线"),
    "linear_regression.data": ("data", "数据"),
    "linear_regression.model": ("model", "模型"),
    "linear_regression.learned": ("Learned: w = {w}, b = {b}", "学到的参数：w = {w}，b = {b}"),
    "linear_regression.predict": ("Prediction for x = 4: **{y:.4f}** (the true line gives 8)", "x = 4 的预测：**{y:.4f}**（真实直线给出 8）"),
    "linear_regression.compare": ("Learned against true parameters", "学到的参数与真实参数对比"),
    "linear_regression.parameter": ("parameter", "参数"),
    "linear_regression.true": ("true", "真实值"),
    "linear_regression.learned_col": ("learned", "学到的值"),
    "linear_regression.error": ("error", "误差"),
    "linear_regression.batch_size": ("Batch size", "批量大小"),
    "linear_regression.lbfgs_note": ("LBFGS evaluates the loss several times per step, so its step takes a closure.", "LBFGS 每一步会多次计算损失，因此它的 step 需要传入一个闭包 (closure)。"),
    "lecture.linear_regression": ("Linear regression with nn.Linear", "用 nn.Linear 做线性回归"),
    "lecture.linear_regression.about": ("The fitted line moving over the points; eight optimizers to compare.", "拟合直线在数据点上实时移动；比较八种优化器。"),
    "app.path.linear_regression": ("the same model the PyTorch way: nn.Linear, a loss, an optimizer",
                                   "用 PyTorch 的方式写同一个模型：nn.Linear、损失函数、优化器"),
    "app.demo.lbfgs": ("Lecture 5 · LBFGS fits in one epoch", "第 5 讲 · LBFGS 一轮拟合好"),
    "app.demo.lbfgs.help": (
        "Rate 1, 10 epochs: the loss falls from 74 to almost 0 in the first epoch (one LBFGS step evaluates the loss "
        "up to 20 times, through its closure). Train the page's SGD first: its curve stays beside, faint.",
        "学习率 1、10 轮：损失在第一轮就从 74 降到几乎为 0（LBFGS 的一步通过闭包最多计算 20 次损失）。"
        "先用页面默认的 SGD 训练一次：它的曲线会淡淡地留在旁边作对比。",
    ),
    "linear_regression.params_title": ("Parameters during training", "训练过程中的参数"),
    "linear_regression.value": ("value", "值"),
}
