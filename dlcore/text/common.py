STRINGS = {
    # app shell
    "app.title": ("Live Deep-Learning Classroom", "深度学习实时课堂"),
    "app.tagline": (
        "Move a slider, click **Train**, and watch a real PyTorch model learn — the models, data and "
        "hyper-parameters of the PyTorch course, running live on your CPU or GPU.",
        "拖动滑块、点击 **训练**，看一个真正的 PyTorch 模型实时学习——使用 PyTorch 课程中的模型、数据和超参数，"
        "在你的 CPU 或 GPU 上实时运行。",
    ),
    "app.lectures": ("Lectures", "课程"),
    "app.open": ("Open", "打开"),
    "app.coming_soon": ("coming soon", "即将推出"),
    "app.home": ("Home", "首页"),
    "app.in_use": ("Device in use: **{device}** · data directory: `{data_dir}`", "当前设备：**{device}** · 数据目录：`{data_dir}`"),
    "app.lecture_n": ("Lecture {n}", "第 {n} 讲"),
    # sidebar
    "sidebar.language": ("Language", "语言"),
    "sidebar.device": ("Device", "设备"),
    "sidebar.seed": ("Random seed", "随机种子"),
    "sidebar.seed_help": ("The same seed gives the same initial weights and data order.", "相同的种子给出相同的初始权重和数据顺序。"),
    "sidebar.data_dir": ("Data directory", "数据目录"),
    "sidebar.data_dir_help": ("Set the {env} environment variable to change it.", "设置环境变量 {env} 来更改它。"),
    # training controls
    "train.lr": ("Learning rate", "学习率"),
    "train.lr_exact": ("Learning rate (exact)", "学习率（精确值）"),
    "train.epochs": ("Epochs", "训练轮数 (epochs)"),
    "train.optimizer": ("Optimizer", "优化器"),
    "train.train": ("Train", "训练"),
    "train.stop": ("Stop", "停止"),
    "train.reset": ("Reset", "重置"),
    "train.progress": ("Epoch {epoch}/{epochs} · loss {loss}", "第 {epoch}/{epochs} 轮 · 损失 {loss}"),
    "train.finished": ("Finished {epochs} epochs in {seconds:.1f} s on {device}.", "在 {device} 上用 {seconds:.1f} 秒完成 {epochs} 轮训练。"),
    "train.stopped": ("Stopped at epoch {epoch} of {epochs}; the model and curves are kept as they were.", "在第 {epoch}/{epochs} 轮停止；模型和曲线保持停止时的状态。"),
    "train.nonfinite": ("The loss became {value} at epoch {epoch} — try a smaller learning rate.", "损失在第 {epoch} 轮变成了 {value}——请尝试更小的学习率。"),
    "train.diverged": (
        "The loss is diverging: it grew to {value} (over a million times its start) by epoch {epoch} — try a smaller learning rate.",
        "损失在发散：到第 {epoch} 轮增长到 {value}（超过初始值的一百万倍）——请尝试更小的学习率。",
    ),
    "train.bad_lr": ("The learning rate must be a positive number; it is {value}.", "学习率必须是正数；当前为 {value}。"),
    "train.bad_epochs": ("Choose at least one epoch.", "请至少选择 1 轮。"),
    "train.failed": ("Training failed: {error}", "训练失败：{error}"),
    "train.nothing_yet": ("Set the hyper-parameters and click **Train**.", "设置超参数，然后点击 **训练**。"),
    "train.code": ("The code", "代码"),
    "train.code_caption": ("The source of the model and training step that ran, read from the running code.", "实际运行的模型与训练步骤的源代码，直接读取自正在运行的代码。"),
    # chart labels
    "chart.loss": ("Loss", "损失"),
    "chart.epoch": ("Epoch", "轮次"),
    "chart.batch": ("Batch", "批次"),
    "chart.loss_curve": ("Loss per epoch", "每轮损失"),
}

STRINGS.update({
    "weights.title": ("Weights", "权重"),
    "weights.download": ("Download the trained weights (state_dict)", "下载训练好的权重 (state_dict)"),
    "weights.upload": ("Load weights from a file", "从文件加载权重"),
    "weights.loaded": ("Loaded the weights from {name}.", "已从 {name} 加载权重。"),
    "weights.unreadable": ("This file is not a PyTorch weights file (torch.load could not read it).", "这个文件不是 PyTorch 权重文件（torch.load 无法读取）。"),
    "weights.not_state_dict": ("This file holds something other than a state_dict of tensors.", "这个文件里不是由张量组成的 state_dict。"),
    "weights.other_model": (
        "These weights belong to another model. Missing: {missing}. Not in this model: {unexpected}.",
        "这些权重属于另一个模型。缺少：{missing}。本模型没有：{unexpected}。",
    ),
    "weights.shape": ("The weights do not fit: {name} has shape {got}, this model needs {want}.", "权重形状不匹配：{name} 的形状是 {got}，本模型需要 {want}。"),
})
