STRINGS = {
    # lectures 2-3
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
    # lecture 4
    "backprop.title": ("Lecture 4 · Back-propagation with autograd", "第 4 讲 · 用 autograd 实现反向传播"),
    "backprop.intro": (
        "The same task, but the gradient comes from autograd: `w.requires_grad = True`; for each sample "
        "`l = (x * w − y) ** 2`, `l.backward()` fills `w.grad`, we update w without recording it in the graph, "
        "and zero the gradient — otherwise the next backward() would add to it.",
        "同样的任务，但梯度由 autograd 计算：`w.requires_grad = True`；对每个样本计算 `l = (x * w − y) ** 2`，"
        "`l.backward()` 填好 `w.grad`，在不记录计算图的情况下更新 w，然后把梯度清零——否则下一次 backward() 会累加上去。",
    ),
    "backprop.graph_title": ("The computational graph of one step", "一步的计算图"),
    "backprop.graph_caption": (
        "Read from `loss.grad_fn` after one forward and backward pass on the first sample with the current w. "
        "x and y do not require gradients, so autograd does not track them; the chain rule multiplies the "
        "local gradients from right to left: ∂loss/∂w = 2(ŷ − y) · x.",
        "在第一个样本上用当前的 w 做一次前向和反向传播后，从 `loss.grad_fn` 读出。x 和 y 不需要梯度，所以 autograd 不跟踪它们；"
        "链式法则从右向左把局部梯度相乘：∂loss/∂w = 2(ŷ − y) · x。",
    ),
    "backprop.value": ("value", "值"),
    "backprop.steps_title": ("w and its gradient at every step", "每一步的 w 与梯度"),
    "backprop.step": ("Step", "步"),
    "backprop.table": ("Every step: the sample, w before the update, w.grad and the loss", "每一步：样本、更新前的 w、w.grad 和损失"),
    "backprop.predict": ("Prediction for x = 4: before training **{before:.4f}**, after **{after:.4f}**", "x = 4 的预测：训练前 **{before:.4f}**，训练后 **{after:.4f}**"),
}
