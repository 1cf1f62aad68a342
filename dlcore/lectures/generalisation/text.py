"""Generalisation (seed 003, after d2l): under- and over-fitting, weight decay, dropout."""
STRINGS = {
    "generalisation.title": ("Generalisation · over-fitting, weight decay, dropout", "泛化 · 过拟合、权重衰减与 Dropout"),
    "generalisation.intro": (
        "A model is trained on some points and judged on others it has never seen. Training loss falling is not "
        "enough: **under-fitting** is a training loss that stays high (the model is too simple), **over-fitting** a "
        "test loss far above the training loss (the model has learned its few training points, noise included). "
        "The three experiments follow the d2l book that seed 003 of the course summarises, with its numbers.",
        "模型在一部分点上训练，却要在从未见过的点上接受检验。训练损失下降还不够：**欠拟合**是训练损失一直很高（模型太简单），"
        "**过拟合**是测试损失远高于训练损失（模型记住了它那几个训练点，连噪声一起）。三个实验都按课程第 003 份讲义所总结的 "
        "d2l 书来做，数字与书一致。",
    ),
    "generalisation.experiment": ("Experiment", "实验"),
    "generalisation.experiment.polynomial": ("Polynomial fitting: the degree", "多项式拟合：阶数"),
    "generalisation.experiment.weight_decay": ("Weight decay: the L2 penalty", "权重衰减：L2 惩罚"),
    "generalisation.experiment.dropout": ("Dropout on Fashion-MNIST", "Fashion-MNIST 上的 Dropout"),
    "generalisation.dropout.about": (
        "d2l's MLP 784 → 256 → 256 → 10 on Fashion-MNIST, with `nn.Dropout(p1)` after the first hidden layer's ReLU "
        "and `nn.Dropout(p2)` after the second (d2l's 0.2 and 0.5), weights from N(0, 0.01²), SGD lr 0.5, batches "
        "of 256, 5 epochs. The same network without dropout, from the same first weights, trains on the same "
        "batches beside it: compare their train–test gaps. In training, dropout zeroes each unit with probability "
        "p and scales the others by 1/(1 − p), so the expected value is unchanged; in evaluation (`model.eval()`) it "
        "does nothing. Over five epochs on all 60,000 images neither network over-fits; **Over-fit it** trains on "
        "1,000 images for 200 epochs (lr 0.1: at 0.5 the network without dropout sometimes collapses), where both "
        "learn their images by heart and the one with dropout a little less (measured: a gap 1–2 points smaller).",
        "d2l 的 MLP 784 → 256 → 256 → 10，在 Fashion-MNIST 上训练：第一个隐藏层的 ReLU 后接 `nn.Dropout(p1)`，第二个后接 "
        "`nn.Dropout(p2)`（d2l 的 0.2 与 0.5），权重从 N(0, 0.01²) 初始化，SGD 学习率 0.5，批大小 256，5 轮。没有 Dropout "
        "的同一网络从同样的初始权重出发、用同样的批在旁边一起训练：比较两者训练与测试之间的差距。训练时 Dropout 以概率 p "
        "把每个单元置零，并把其余单元乘以 1/(1 − p)，期望不变；评估时（`model.eval()`）它什么也不做。在全部 60,000 张图像上"
        "训练 5 轮，两个网络都不会过拟合；**让它过拟合**只用 1,000 张图像训练 200 轮（学习率 0.1：0.5 时没有 Dropout 的网络"
        "有时会崩溃），两个网络都会把这些图像背下来，有 Dropout 的背得少一些（实测：差距小 1–2 个百分点）。",
    ),
    "generalisation.p1": ("Dropout after hidden layer 1 (p1)", "第 1 个隐藏层后的 Dropout（p1）"),
    "generalisation.p2": ("Dropout after hidden layer 2 (p2)", "第 2 个隐藏层后的 Dropout（p2）"),
    "generalisation.train_size": ("Training images", "训练图像数"),
    "generalisation.overfit_it": ("Over-fit it: 1,000 images, 200 epochs, lr 0.1", "让它过拟合：1,000 张图像，200 轮，学习率 0.1"),
    "generalisation.accuracy_title": ("Accuracy per epoch, with and without dropout", "每轮的准确率：有无 Dropout"),
    "generalisation.accuracy": ("Accuracy", "准确率"),
    "generalisation.with.train": ("with dropout · training", "有 Dropout · 训练"),
    "generalisation.with.test": ("with dropout · test", "有 Dropout · 测试"),
    "generalisation.without.train": ("without · training", "无 Dropout · 训练"),
    "generalisation.without.test": ("without · test", "无 Dropout · 测试"),
    "generalisation.gap_title": ("The train–test gap (accuracy points)", "训练与测试的差距（准确率百分点）"),
    "generalisation.gap": ("training − test, points", "训练 − 测试（百分点）"),
    "generalisation.with": ("with dropout", "有 Dropout"),
    "generalisation.without": ("without dropout", "无 Dropout"),
    "generalisation.gap_result": (
        "After {epochs} epochs the gap is **{with_gap:.1f}** points with dropout and **{without_gap:.1f}** without "
        "(test accuracy {with_test:.1%} and {without_test:.1%}).",
        "{epochs} 轮后，有 Dropout 的差距为 **{with_gap:.1f}** 个百分点，没有的为 **{without_gap:.1f}** 个百分点"
        "（测试准确率 {with_test:.1%} 与 {without_test:.1%}）。",
    ),
    "generalisation.polynomial.about": (
        "d2l's cubic, y = 5 + 1.2x − 3.4x² + 5.6x³ + noise (σ 0.01), fitted by `nn.Linear` on the powers x, x², …, "
        "x^degree with MSE and SGD (lr 0.01, batches of 10), as the notes do. Degree **3** fits: both losses near the "
        "noise, and the weights it learns are the cubic's own (w ≈ 1.2, −3.4, 5.6, b ≈ 5). Degree **1** under-fits "
        "(both losses stay high). The notes' over-fitting is too **few points**: degree 3 on **2** training points "
        "gets them right and the 100 test points wrong. Higher degrees need **standardised** powers: raw x⁴ already "
        "reaches 100 on these points and SGD at this rate diverges; standardised (each power to mean 0 and spread 1 "
        "on the training points, as d2l's English edition divides x^i by i!), try 15 on 20 points: the training loss "
        "is small, the test loss enormous, the curve swings between the points. The same points for every run.",
        "d2l 的三次多项式 y = 5 + 1.2x − 3.4x² + 5.6x³ + 噪声（σ 0.01），和讲义一样用 `nn.Linear` 在 x, x², …, x^阶数 上"
        "拟合，MSE 损失、SGD（学习率 0.01，批大小 10）。**3** 阶正好：两个损失都接近噪声，学到的权重就是这个三次多项式"
        "自己的系数（w ≈ 1.2, −3.4, 5.6，b ≈ 5）。**1** 阶欠拟合（两个损失都很高）。讲义里的过拟合来自**训练点太少**："
        "只用 **2** 个训练点拟合 3 阶，训练点全对，100 个测试点却差得很远。更高的阶数需要**标准化**的幂次：原始的 x⁴ "
        "在这些点上已达 100，这个学习率下 SGD 会发散；标准化后（每个幂次按训练点变成均值 0、标准差 1，d2l 英文版出于"
        "同样原因把 x^i 除以 i!），试试 20 个点上的 15 阶：训练损失很小，测试损失极大，曲线在点之间剧烈摆动。"
        "每次训练用同样的点。",
    ),
    "generalisation.weight_decay.about": (
        "d2l's over-fitting setup: **20** training samples of **200** inputs, y = 0.05 + Σ 0.01·xᵢ + noise, "
        "`nn.Linear(200, 1)` from weights drawn from N(0, 1), SGD lr 0.003, one sample a step. With λ = 0 the "
        "training loss reaches almost zero while the test loss stays high and ‖w‖ stays large; d2l's **λ = 3** "
        "shrinks the weights and the test loss with them. **How**: the penalty λ/2·‖w‖² added to the loss "
        "(d2l from scratch), or `weight_decay=λ` given to the optimizer for the weight (d2l's concise version): "
        "the same gradient, so the same curves.",
        "d2l 的过拟合设置：**20** 个训练样本、**200** 个输入，y = 0.05 + Σ 0.01·xᵢ + 噪声，`nn.Linear(200, 1)`，权重从 "
        "N(0, 1) 初始化，SGD 学习率 0.003，每步一个样本。λ = 0 时训练损失几乎降到零，测试损失却一直很高，‖w‖ 也很大；"
        "d2l 的 **λ = 3** 让权重变小，测试损失随之下降。**方式**：把惩罚项 λ/2·‖w‖² 加到损失上（d2l 从零实现），"
        "或把 `weight_decay=λ` 交给优化器、只作用于权重（d2l 简洁实现）：梯度相同，所以曲线相同。",
    ),
    "generalisation.degree": ("Degree of the polynomial", "多项式的阶数"),
    "generalisation.powers": ("The powers x, x², …", "幂次 x, x², …"),
    "generalisation.powers.raw": ("as they are (the notes)", "原样（讲义）"),
    "generalisation.powers.standardised": ("standardised (any degree)", "标准化（任意阶数）"),
    "generalisation.learned": ("Learned: ŷ = {learned}  ·  true: y = {true}", "学到的：ŷ = {learned}  ·  真实的：y = {true}"),
    "generalisation.raw_diverged": (
        "Raw powers up to {power} reach {largest:,.0f} on these points: one SGD step at this rate overshoots, and "
        "the loss runs away. Choose **standardised** powers (or degree 3 or less, or a much smaller learning rate).",
        "原始幂次最高到 {power}，在这些点上可达 {largest:,.0f}：这个学习率下 SGD 一步就迈过了头，损失随之失控。"
        "请选择**标准化**的幂次（或 3 阶及以下，或小得多的学习率）。"),
    "generalisation.train_points": ("Training points", "训练点数"),
    "generalisation.lambd": ("λ (weight decay)", "λ（权重衰减）"),
    "generalisation.way": ("How", "方式"),
    "generalisation.way.penalty": ("λ/2·‖w‖² added to the loss", "把 λ/2·‖w‖² 加到损失上"),
    "generalisation.way.weight_decay": ("the optimizer's weight_decay=λ", "优化器的 weight_decay=λ"),
    "generalisation.loss_title": ("Loss per epoch (log scale)", "每轮的损失（对数坐标）"),
    "generalisation.train": ("training", "训练"),
    "generalisation.test": ("test", "测试"),
    "generalisation.fit_title": ("The fitted curve over the points", "拟合曲线与数据点"),
    "generalisation.truth": ("the true cubic", "真实的三次曲线"),
    "generalisation.model": ("the model", "模型"),
    "generalisation.norm_title": ("The weights' L2 norm ‖w‖ per epoch", "每轮权重的 L2 范数 ‖w‖"),
    "generalisation.norm": ("‖w‖", "‖w‖"),
    "generalisation.verdict.under": ("**Under-fitting**: the training loss is still {train:.3g} (test {test:.3g}); the model "
                          "cannot follow the data.", "**欠拟合**：训练损失仍为 {train:.3g}（测试 {test:.3g}）；模型跟不上数据。"),
    "generalisation.verdict.over": ("**Over-fitting**: the test loss, {test:.3g}, is {ratio:,.0f} times the training loss, "
                         "{train:.3g}.", "**过拟合**：测试损失 {test:.3g} 是训练损失 {train:.3g} 的 {ratio:,.0f} 倍。"),
    "generalisation.verdict.good": ("**A good fit**: training loss {train:.3g}, test loss {test:.3g}.",
                         "**拟合良好**：训练损失 {train:.3g}，测试损失 {test:.3g}。"),
    "generalisation.decay_result": ("After {epochs} epochs: training loss {train:.3g}, test loss **{test:.3g}**, "
                         "‖w‖ = **{norm:.3g}** (λ = {lambd:g}).",
                         "{epochs} 轮后：训练损失 {train:.3g}，测试损失 **{test:.3g}**，‖w‖ = **{norm:.3g}**（λ = {lambd:g}）。"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.generalisation": ("Generalisation: over-fitting, weight decay, dropout", "泛化：过拟合、权重衰减与 Dropout"),
    "lecture.generalisation.about": ("d2l's polynomial degrees, weight decay and dropout: training against test, live.",
                                     "d2l 的多项式阶数、权重衰减与 Dropout：训练与测试的实时对比。"),
    "app.demo.overfit": ("Generalisation · 15 degrees on 20 points over-fit", "泛化 · 20 个点上的 15 阶多项式过拟合"),
    "app.demo.overfit.help": (
        "A degree-15 polynomial on 20 of d2l's points: the training loss falls to about 1.5 while the test loss is "
        "thousands of times larger, and the curve swings between the points.",
        "在 d2l 的 20 个点上拟合 15 阶多项式：训练损失降到约 1.5，测试损失却大上几千倍，曲线在点之间剧烈摆动。",
    ),
}
