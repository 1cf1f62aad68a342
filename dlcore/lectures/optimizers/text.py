"""Optimizers on a loss surface (lecture 5's torch.optim optimizers, d2l's optimisation chapter)."""
STRINGS = {
    "lecture.optimizers": ("Optimizers on a loss surface", "损失曲面上的优化器"),
    "lecture.optimizers.about": (
        "SGD, momentum, Nesterov, Adagrad, RMSprop and Adam walk side by side over a bowl, a saddle, Rosenbrock's "
        "valley and Himmelblau's four minima.",
        "SGD、动量、Nesterov、Adagrad、RMSprop 和 Adam 在碗、鞍点、Rosenbrock 山谷和 Himmelblau 的四个极小值上并排行走。",
    ),
    "app.demo.adam_valley": ("Lecture 5 · Rosenbrock: Adam rounds the valley, SGD zig-zags",
                             "第 5 讲 · Rosenbrock：Adam 绕过山谷，SGD 来回折返"),
    "app.demo.adam_valley.help": (
        "From (−1.5, 2), 300 steps: plain SGD (rate 0.001) zig-zags across the valley's walls and then crawls — it "
        "ends 2.3 from the minimum (1, 1) — while Adam (rate 0.2) follows the curved valley floor and ends 0.7 away.",
        "从 (−1.5, 2) 出发走 300 步：普通 SGD（学习率 0.001）在山谷两壁之间来回折返，然后缓慢爬行，最后离极小值 (1, 1) "
        "还有 2.3；Adam（学习率 0.2）沿着弯曲的谷底前进，最后只差 0.7。",
    ),
    "optimizers.title": ("Lecture 5 · Optimizers on a loss surface", "第 5 讲 · 损失曲面上的优化器"),
    "optimizers.intro": (
        "Lecture 5 lists PyTorch's optimizers; here they race. Each optimizer moves its own point (x, y) — an "
        "`nn.Parameter` — downhill on the same function f(x, y): `optimizer.zero_grad()`, `f(point).backward()`, "
        "`optimizer.step()`, the very loop that trains a network. Set the start point and each optimizer's learning "
        "rate, click **Train**, and watch the paths grow. One epoch is one step here, so **Step** moves every point "
        "once and the replay slider goes step by step. A point that flies far off the picture stops and says so.",
        "第 5 讲列出了 PyTorch 的优化器；这里让它们赛跑。每个优化器在同一个函数 f(x, y) 上移动自己的点 (x, y)（一个 "
        "`nn.Parameter`）往低处走：`optimizer.zero_grad()`、`f(point).backward()`、`optimizer.step()`，正是训练网络的"
        "那个循环。设定起点和每个优化器的学习率，点击**训练**，看路径逐步延伸。这里一轮就是一步，所以**单步**让每个点走一步，"
        "回放滑块也逐步回放。飞出画面很远的点会停下并注明。",
    ),
    "optimizers.surface": ("Surface", "曲面"),
    "optimizers.surface.bowl": ("Elongated bowl 0.1x² + 2y²", "狭长的碗 0.1x² + 2y²"),
    "optimizers.surface.saddle": ("Saddle x² − y²", "鞍面 x² − y²"),
    "optimizers.surface.rosenbrock": ("Rosenbrock's valley (1 − x)² + 100(y − x²)²", "Rosenbrock 山谷 (1 − x)² + 100(y − x²)²"),
    "optimizers.surface.himmelblau": ("Himmelblau (x² + y − 11)² + (x + y² − 7)²", "Himmelblau (x² + y − 11)² + (x + y² − 7)²"),
    "optimizers.about.bowl": (
        "d2l's bowl: 20 times steeper across (y) than along (x). A rate large enough to move along x makes SGD "
        "overshoot across y, so it zig-zags; momentum averages the zig-zag out, Adagrad and RMSprop scale each "
        "direction by its own gradients.",
        "d2l 的碗：横向（y）比纵向（x）陡 20 倍。学习率大到足以沿 x 前进时，SGD 在 y 方向上会冲过头，于是来回折返；"
        "动量把折返平均掉，Adagrad 和 RMSprop 按各自方向的梯度缩放步长。",
    ),
    "optimizers.about.saddle": (
        "The gradient vanishes at (0, 0) although it is no minimum. Started a hair off y = 0, plain SGD lingers near "
        "the saddle point before it escapes; Adam and RMSprop, which divide by the gradient's size, leave at once.",
        "在 (0, 0) 处梯度为零，但那不是极小值。起点在 y = 0 旁边一点点时，普通 SGD 会在鞍点附近徘徊一阵才逃开；"
        "Adam 和 RMSprop 按梯度的大小归一化步长，立刻就离开了。",
    ),
    "optimizers.about.rosenbrock": (
        "A narrow curved valley whose floor falls gently to (1, 1). Its walls are steep, so plain SGD needs a tiny "
        "rate and then crawls along the floor; momentum and Adam keep their speed along it.",
        "一条狭窄弯曲的山谷，谷底缓缓降到 (1, 1)。谷壁很陡，所以普通 SGD 需要很小的学习率，随后沿谷底缓慢爬行；"
        "动量和 Adam 能沿谷底保持速度。",
    ),
    "optimizers.about.himmelblau": (
        "Four minima, all with f = 0. Which one an optimizer reaches depends on where it starts and how it steps: "
        "from near the hilltop (−0.27, −0.92) they part ways.",
        "四个极小值，f 都等于 0。优化器到达哪一个取决于起点和它的步法：从山顶 (−0.27, −0.92) 附近出发，它们会分道扬镳。",
    ),
    "optimizers.x0": ("Start x", "起点 x"),
    "optimizers.y0": ("Start y", "起点 y"),
    "optimizers.steps": ("Steps", "步数"),
    "optimizers.group.start": ("Start", "起点"),
    "optimizers.group.momentum": ("Gradient and momentum", "梯度与动量"),
    "optimizers.group.adaptive": ("Adaptive rates", "自适应学习率"),
    "optimizers.name.sgd": ("SGD", "SGD"),
    "optimizers.name.momentum": ("SGD + momentum 0.9", "SGD + 动量 0.9"),
    "optimizers.name.nesterov": ("Nesterov 0.9", "Nesterov 0.9"),
    "optimizers.name.adagrad": ("Adagrad", "Adagrad"),
    "optimizers.name.rmsprop": ("RMSprop", "RMSprop"),
    "optimizers.name.adam": ("Adam", "Adam"),
    "optimizers.rate.sgd": ("SGD's learning rate", "SGD 的学习率"),
    "optimizers.rate.momentum": ("Momentum's learning rate", "动量法的学习率"),
    "optimizers.rate.nesterov": ("Nesterov's learning rate", "Nesterov 的学习率"),
    "optimizers.rate.adagrad": ("Adagrad's learning rate", "Adagrad 的学习率"),
    "optimizers.rate.rmsprop": ("RMSprop's learning rate", "RMSprop 的学习率"),
    "optimizers.rate.adam": ("Adam's learning rate", "Adam 的学习率"),
    "optimizers.none_chosen": ("Choose at least one optimizer to walk.", "请至少选择一个优化器。"),
    "optimizers.surface_title": ("Paths over {surface}", "{surface} 上的路径"),
    "optimizers.loss_title": ("Loss against steps", "损失随步数的变化"),
    "optimizers.step": ("Step", "步"),
    "optimizers.minimum": ("minimum", "极小值"),
    "optimizers.saddle_point": ("saddle point", "鞍点"),
    "optimizers.start": ("start", "起点"),
    "optimizers.diverged": ("diverged", "发散"),
    "optimizers.escaped": ("escaped", "已逃离"),
    "optimizers.col.optimizer": ("Optimizer", "优化器"),
    "optimizers.col.point": ("Point (x, y)", "位置 (x, y)"),
    "optimizers.col.loss": ("f(x, y)", "f(x, y)"),
    "optimizers.col.distance": ("Distance to the nearest minimum", "到最近极小值的距离"),
    "optimizers.col.saddle_distance": ("Distance to the saddle point", "到鞍点的距离"),
}
