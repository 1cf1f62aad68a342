STRINGS = {
    # lecture 5
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
    # lecture 6
    "logistic_regression.title": ("Lecture 6 · Logistic regression", "第 6 讲 · 逻辑斯蒂回归"),
    "logistic_regression.intro": (
        "Hours studied → pass or fail. The model is `sigmoid(Linear(1, 1))`, trained with the binary cross-entropy "
        "`-(y log ŷ + (1 − y) log(1 − ŷ))` summed over the samples.",
        "学习时长 → 是否通过。模型为 `sigmoid(Linear(1, 1))`，用二元交叉熵 `-(y log ŷ + (1 − y) log(1 − ŷ))` 对样本求和来训练。",
    ),
    "logistic_regression.plot_title": ("Probability of passing", "通过的概率"),
    "logistic_regression.hours": ("Hours studied", "学习时长（小时）"),
    "logistic_regression.probability": ("P(pass)", "P(通过)"),
    "logistic_regression.boundary_at": ("boundary {x:.2f} h", "决策边界 {x:.2f} 小时"),
    "logistic_regression.boundary": (
        "Decision boundary: **{x:.2f} hours** — a student who studies longer is predicted to pass.",
        "决策边界：**{x:.2f} 小时**——学习时间超过它的学生被预测为通过。",
    ),
    "logistic_regression.no_boundary": ("The model has no decision boundary yet (w = 0).", "模型还没有决策边界（w = 0）。"),
}

STRINGS.update({
    "linear_regression.params_title": ("Parameters during training", "训练过程中的参数"),
    "linear_regression.value": ("value", "值"),
})
