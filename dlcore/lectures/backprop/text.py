STRINGS = {
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
    "lecture.backprop": ("Back-propagation with autograd", "用 autograd 反向传播"),
    "lecture.backprop.about": ("requires_grad, backward() and w.grad, step by step, with the computational graph.", "requires_grad、backward() 与 w.grad，逐步展示，并画出计算图。"),
    "app.path.backprop": ("the same step with autograd doing the derivative", "同样的一步，由 autograd 求导"),
}
