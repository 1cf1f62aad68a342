STRINGS = {
    # lecture 5
    "reg.title": ("Lecture 5 · Linear regression with nn.Linear", "第 5 讲 · 用 nn.Linear 做线性回归"),
    "reg.intro": (
        "Prepare the data, design the model as an `nn.Module`, pick a loss and an optimizer, then loop: "
        "forward, loss, `zero_grad()`, `backward()`, `step()`.",
        "准备数据，把模型设计为 `nn.Module`，选择损失函数和优化器，然后循环：前向、计算损失、`zero_grad()`、`backward()`、`step()`。",
    ),
    "reg.dataset": ("Data", "数据"),
    "reg.dataset.course": ("The course's three points (x = 1, 2, 3 → y = 2, 4, 6)", "课程中的三个点（x = 1, 2, 3 → y = 2, 4, 6）"),
    "reg.dataset.d2l": ("d2l: 1000 samples, two features, true w = [2, −3.4], b = 4.2", "d2l：1000 个样本、两个特征，真实 w = [2, −3.4]，b = 4.2"),
    "reg.fit_title": ("The data and the fitted line", "数据与拟合直线"),
    "reg.data": ("data", "数据"),
    "reg.model": ("model", "模型"),
    "reg.learned": ("Learned: w = {w}, b = {b}", "学到的参数：w = {w}，b = {b}"),
    "reg.predict": ("Prediction for x = 4: **{y:.4f}** (the true line gives 8)", "x = 4 的预测：**{y:.4f}**（真实直线给出 8）"),
    "reg.compare": ("Learned against true parameters", "学到的参数与真实参数对比"),
    "reg.parameter": ("parameter", "参数"),
    "reg.true": ("true", "真实值"),
    "reg.learned_col": ("learned", "学到的值"),
    "reg.error": ("error", "误差"),
    "reg.batch_size": ("Batch size", "批量大小"),
    "reg.lbfgs_note": ("LBFGS evaluates the loss several times per step, so its step takes a closure.", "LBFGS 每一步会多次计算损失，因此它的 step 需要传入一个闭包 (closure)。"),
    # lecture 6
    "logistic.title": ("Lecture 6 · Logistic regression", "第 6 讲 · 逻辑斯蒂回归"),
    "logistic.intro": (
        "Hours studied → pass or fail. The model is `sigmoid(Linear(1, 1))`, trained with the binary cross-entropy "
        "`-(y log ŷ + (1 − y) log(1 − ŷ))` summed over the samples.",
        "学习时长 → 是否通过。模型为 `sigmoid(Linear(1, 1))`，用二元交叉熵 `-(y log ŷ + (1 − y) log(1 − ŷ))` 对样本求和来训练。",
    ),
    "logistic.plot_title": ("Probability of passing", "通过的概率"),
    "logistic.hours": ("Hours studied", "学习时长（小时）"),
    "logistic.probability": ("P(pass)", "P(通过)"),
    "logistic.boundary_at": ("boundary {x:.2f} h", "决策边界 {x:.2f} 小时"),
    "logistic.boundary": (
        "Decision boundary: **{x:.2f} hours** — a student who studies longer is predicted to pass.",
        "决策边界：**{x:.2f} 小时**——学习时间超过它的学生被预测为通过。",
    ),
    "logistic.no_boundary": ("The model has no decision boundary yet (w = 0).", "模型还没有决策边界（w = 0）。"),
}

STRINGS.update({
    "reg.params_title": ("Parameters during training", "训练过程中的参数"),
    "reg.value": ("value", "值"),
})
