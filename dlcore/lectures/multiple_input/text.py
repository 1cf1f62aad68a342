"""Lecture 7: multiple-dimension input on the diabetes table."""
STRINGS = {
    "multiple_input.title": ("Lecture 7 · Multiple-dimension input", "第 7 讲 · 多维特征输入"),
    "multiple_input.intro": (
        "From one number in to **eight**: each of 759 patients is a row of 8 features (already scaled to [−1, 1]) "
        "and a 0/1 label, so a batch is an N × 8 matrix and `Linear(8, 6)` turns it into N × 6 in one matrix "
        "product. Three linear layers with a sigmoid after each squeeze 8 → 6 → 4 → 1: the probability that the "
        "disease progresses, trained with `BCELoss`. 152 patients are kept aside to validate on; the dashed line is "
        "what a model gets that always answers the commoner class.",
        "从一个输入变成**八个**：759 位病人，每人是一行 8 个特征（已缩放到 [−1, 1]）和一个 0/1 标签，所以一批数据是 N × 8 "
        "的矩阵，`Linear(8, 6)` 用一次矩阵乘法把它变成 N × 6。三个线性层、每层后接 sigmoid，把 8 → 6 → 4 → 1 压缩成"
        "病情发展的概率，用 `BCELoss` 训练。留出 152 位病人做验证；虚线是总回答较多那一类的模型能得到的准确率。",
    ),
    "multiple_input.activation1": ("Activation after layer 1", "第 1 层后的激活函数"),
    "multiple_input.activation2": ("Activation after layer 2", "第 2 层后的激活函数"),
    "multiple_input.activation.Sigmoid": ("Sigmoid (the notes')", "Sigmoid（讲义）"),
    "multiple_input.activation.ReLU": ("ReLU", "ReLU"),
    "multiple_input.activation.Tanh": ("Tanh", "Tanh"),
    "multiple_input.activation.LeakyReLU": ("LeakyReLU", "LeakyReLU"),
    "multiple_input.activation.ELU": ("ELU", "ELU"),
    "multiple_input.batch_size": ("Batch size", "批大小"),
    "multiple_input.batch.0": ("the whole table (the notes')", "整张表（讲义）"),
    "multiple_input.batch.1": ("1 (one patient a step)", "1（每步一位病人）"),
    "multiple_input.batch.8": ("8", "8"), "multiple_input.batch.16": ("16", "16"), "multiple_input.batch.32": ("32", "32"),
    "multiple_input.batch.64": ("64", "64"), "multiple_input.batch.128": ("128", "128"), "multiple_input.batch.256": ("256", "256"),
    "multiple_input.missing": (
        "The course's table `diabetes.csv.gz` is not in `{folder}`. Put the file there (759 rows of 8 features and "
        "a 0/1 label, comma-separated; the course's materials ship it), or set the data directory "
        "(`DL_CLASSROOM_DATA`) to a folder that holds it.",
        "课程的数据表 `diabetes.csv.gz` 不在 `{folder}` 中。请把文件放到那里（759 行，8 个特征和一个 0/1 标签，逗号分隔；"
        "课程资料中附带此文件），或把数据目录（`DL_CLASSROOM_DATA`）设为包含它的文件夹。",
    ),
    "multiple_input.source": ("Data: `{path}` — {train} patients to train on, {val} to validate on.",
                        "数据：`{path}` —— {train} 位病人用于训练，{val} 位用于验证。"),
    "multiple_input.data_title": ("Look at the data", "先看看数据"),
    "multiple_input.features_title": ("The 8 features, by label (validation and training patients together)",
                                "8 个特征按标签分布（训练与验证病人合计）"),
    "multiple_input.feature": ("feature", "特征"),
    "multiple_input.value": ("value (scaled to [−1, 1])", "取值（缩放到 [−1, 1]）"),
    "multiple_input.label.0": ("label 0", "标签 0"),
    "multiple_input.label.1": ("label 1", "标签 1"),
    "multiple_input.matrix": (
        "The matrix view of the notes: the whole batch goes through each layer at once, **N × 8 → N × 6 → N × 4 → "
        "N × 1** (here N = {n}, the training patients). Each layer's output, for the batch the notes use:",
        "讲义中的矩阵视角：整批数据一次通过每一层，**N × 8 → N × 6 → N × 4 → N × 1**（这里 N = {n}，即训练病人数）。"
        "讲义所用那一批数据在每一层的输出形状：",
    ),
    "multiple_input.layer": ("layer", "层"),
    "multiple_input.shape": ("output shape", "输出形状"),
    "multiple_input.loss_title": ("Loss (BCE) per epoch", "每轮的损失（BCE）"),
    "multiple_input.accuracy_title": ("Accuracy per epoch", "每轮的准确率"),
    "multiple_input.accuracy": ("Accuracy", "准确率"),
    "multiple_input.train": ("training", "训练"),
    "multiple_input.validation": ("validation", "验证"),
    "multiple_input.majority": ("one answer for everyone:", "对所有人给同一个答案："),
    "multiple_input.one_class": (
        "**The network answers {answer} for every patient.** Its validation accuracy, {accuracy:.1%}, is exactly "
        "the share of the commoner class: the loss fell to {loss:.3f} because it learned how common the disease "
        "is, not which patient has it. This is what the notes' settings do in 100 epochs (they need about 10,000). "
        "The exercise beats it: ReLU after both hidden layers with batches of 32 reaches about 77 % in the same "
        "100 epochs.",
        "**网络对每位病人都回答 {answer}。**它的验证准确率 {accuracy:.1%} 恰好等于较多那一类所占的比例：损失降到 {loss:.3f}，"
        "是因为它学会了这种病有多常见，而不是哪位病人会得。讲义的设置在 100 轮内就是这样（大约需要 10,000 轮）。"
        "练习可以做得更好：两个隐藏层都用 ReLU、批大小 32，同样 100 轮约达到 77 %。",
    ),
    "multiple_input.try_exercise": ("Train the exercise: ReLU, batches of 32", "训练练习：ReLU，批大小 32"),
    "multiple_input.result": ("Validation accuracy **{accuracy:.1%}** (one answer for everyone: {majority:.1%}).",
                        "验证准确率 **{accuracy:.1%}**（对所有人给同一答案：{majority:.1%}）。"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.multiple_input": ("Multiple-dimension input", "多维特征输入"),
    "lecture.multiple_input.about": ("The diabetes data set through three stacked linear layers.", "糖尿病数据集与三层线性网络。"),
}
