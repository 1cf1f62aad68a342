STRINGS = {
    "linear_model.title": ("Lectures 2–3 · Linear model and gradient descent", "第 2–3 讲 · 线性模型与梯度下降"),
    "linear_model.intro": (
        "The model is ŷ = x · w on the course's data x = [1, 2, 3], y = [2, 4, 6]. Sweeping w over [0, 4] draws the "
        "cost curve (the mean squared error, lowest at w = 2). Gradient descent starts at w = 1 and walks down it: "
        "`grad = mean(2x(xw − y))`, `w -= lr * grad`.",
        "模型为 ŷ = x · w，数据为课程中的 x = [1, 2, 3]，y = [2, 4, 6]。让 w 遍历 [0, 4] 就得到代价曲线（均方误差，在 w = 2 处最低）。"
        "梯度下降从 w = 1 出发沿曲线下降：`grad = mean(2x(xw − y))`，`w -= lr * grad`。",
    ),
    "linear_model.mode": ("Gradient descent", "梯度下降方式"),
    "linear_model.mode.batch": ("Batch: one step per epoch on all three samples", "批量：每轮用全部三个样本走一步"),
    "linear_model.mode.stochastic": ("Stochastic: one step per sample", "随机：每个样本走一步"),
    "linear_model.cost_title": ("Cost curve MSE(w) and the path of w", "代价曲线 MSE(w) 与 w 的路径"),
    "linear_model.cost_axis": ("cost (MSE)", "代价 (MSE)"),
    "linear_model.path": ("path of w", "w 的路径"),
    "linear_model.result": ("Learned w = **{w:.4f}** · prediction for x = 4: **{y:.4f}** (the true value is 8)", "学到的 w = **{w:.4f}** · x = 4 的预测：**{y:.4f}**（真实值为 8）"),
    "linear_model.diverge_hint": (
        "Try a learning rate of 0.3 or more: each step overshoots the minimum by more than it gains, and w runs away.",
        "试试 0.3 或更大的学习率：每一步都越过最低点，而且越走越远，w 就发散了。",
    ),
    "linear_model.nonconvex": (
        "This cost is convex: one minimum. Deep networks' costs are not — they have local minima and saddle points, "
        "which is why stochastic steps (noisy, one sample at a time) help.",
        "这里的代价函数是凸的，只有一个最小值。深度网络的代价函数不是凸的——有局部极小值和鞍点，所以带噪声的随机梯度下降反而有帮助。",
    ),
    "lecture.linear_model": ("Linear model & gradient descent", "线性模型与梯度下降"),
    "lecture.linear_model.about": ("Sweep w to draw the cost curve, then watch gradient descent walk down it.", "遍历 w 画出代价曲线，再看梯度下降一步步走到谷底。"),
    "app.path.linear_model": ("what a model, a loss and a gradient step are, on three points",
                              "在三个点上理解模型、损失和一步梯度下降"),
    "app.demo.diverge": ("Lectures 2–3 · a rate of 0.3 diverges", "第 2–3 讲 · 学习率 0.3 发散"),
    "app.demo.diverge.help": (
        "w jumps across the valley, further at every step, until the page stops the run and says so (epoch 13). "
        "The course's 0.01 walks down instead.",
        "w 每一步都越过谷底、越跳越远，直到页面停下训练并说明原因（第 13 轮）。课程的 0.01 则一步步走到谷底。",
    ),
}
