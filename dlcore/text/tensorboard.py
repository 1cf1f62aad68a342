STRINGS = {
    "sidebar.tensorboard": ("Log runs to TensorBoard", "把训练记录到 TensorBoard"),
    "sidebar.tensorboard_help": (
        "Every run started from now on writes its loss, metrics and learning rate, its weights' histograms, the model's "
        "graph and (on image pages) the first batch's pictures with torch.utils.tensorboard's SummaryWriter, as the notes "
        "do: one folder per run. The app's own charts stay as they are.",
        "从现在起开始的每次训练，都会像笔记里那样用 torch.utils.tensorboard 的 SummaryWriter 写下损失、指标和学习率、"
        "权重的直方图、模型的计算图，以及（图像页面上）第一个批次的图片：每次训练一个文件夹。应用自己的图表不变。"),
    "sidebar.tensorboard_command": ("Open them with `tensorboard --logdir {folder}`", "用 `tensorboard --logdir {folder}` 打开它们"),
    "tensorboard.logged": ("📈 Logged to TensorBoard: `{folder}`", "📈 已记录到 TensorBoard：`{folder}`"),
}
