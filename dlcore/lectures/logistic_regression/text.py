STRINGS = {
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
    "lecture.logistic_regression": ("Logistic regression", "逻辑斯蒂回归"),
    "lecture.logistic_regression.about": ("Hours studied → pass: the sigmoid decision curve redrawn as it learns.", "学习时长 → 是否通过：sigmoid 决策曲线随训练实时重绘。"),
    "app.path.logistic_regression": ("from numbers to yes/no: the sigmoid", "从数值到是/否：sigmoid"),
    "app.demo.sigmoid_stuck": ("Lecture 6 · rate 5: the sigmoid gets stuck", "第 6 讲 · 学习率 5：sigmoid 卡住"),
    "app.demo.sigmoid_stuck.help": (
        "The first steps throw w and b so far that the sigmoid is flat where a point lies: its gradient all but "
        "vanishes, the loss stays near 41 and the boundary lands at −1.1 hours. At 0.5 the same 100 epochs learn it.",
        "最初几步把 w 和 b 推得太远，sigmoid 在某个数据点处变得平坦：梯度几乎消失，损失停在 41 左右，"
        "决策边界落在 −1.1 小时。学习率 0.5 时，同样 100 轮就能学好。",
    ),
}
