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
    "sidebar.ray_unreachable": ("Ray ({address}) could not be used, so runs train in this server's threads: {error}",
                                "无法使用 Ray（{address}），训练改在本服务器的线程中进行：{error}"),
    "sidebar.offline": ("Offline: nothing is downloaded. Prepare this folder on a connected machine with `{command}`.",
                        "离线模式：不下载任何文件。请在联网的电脑上用 `{command}` 准备这个文件夹。"),
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
    "train.pause": ("Pause", "暂停"),
    "train.resume": ("Resume", "继续"),
    "train.step_epoch": ("Step epoch", "单步一轮"),
    "train.step_batch": ("Step batch", "单步一批"),
    "train.more_epochs": ("More epochs", "追加轮数"),
    "train.more": ("Train {n} more epochs", "再训练 {n} 轮"),
    "train.speed": ("Speed", "速度"),
    "train.speed.fast": ("as fast as possible", "尽可能快"),
    "train.speed.n": ("{n} steps/s", "每秒 {n} 步"),
    "train.speed_help": (
        "How many training steps a second; slow it down to watch each step, or let it run as fast as it can. It applies at once, also during a run.",
        "每秒训练多少步；放慢以观察每一步，或让它尽可能快地运行。立即生效，训练中也可调整。",
    ),
    "train.waiting": ("waiting for a free core ({place} in line)", "正在等待空闲的 CPU 核心（排在{place}）"),
    "train.waiting_worker": ("waiting for a free worker ({place} in line)", "正在等待空闲的训练进程（排在{place}）"),
    "train.lost": ("Training failed: the worker training this run was lost (at epoch {epoch}). The curves and replay "
                   "show the run up to then.", "训练失败：训练这次运行的工作进程丢失了（第 {epoch} 轮）。曲线和回放显示到那时为止的运行。"),
    "train.paused_at": ("paused at epoch {epoch}, batch {batch}", "暂停于第 {epoch} 轮、第 {batch} 批"),
    "train.replay": ("Replay: show the run at the end of epoch", "回放：显示该轮结束时的状态"),
    "train.replay_help": (
        "Drag back to see every chart as it was at the end of that epoch (0: before training); at the right end the charts follow the run.",
        "向左拖动，查看每个图表在该轮结束时的样子（0：训练之前）；拖到最右端时图表跟随训练实时更新。",
    ),
    "train.next_run": (
        "Changed since this run: {changes}. **Train** starts a new run with them; Resume, Step and Train more continue this one.",
        "自本次训练以来已更改：{changes}。点击 **训练** 将用新设置开始新的训练；继续、单步和追加训练沿用本次训练。",
    ),
    "train.nothing_yet": ("Set the hyper-parameters and click **Train**.", "设置超参数，然后点击 **训练**。"),
    "train.code": ("The code", "代码"),
    "train.code_caption": ("The source of the model and training step that ran, read from the running code.", "实际运行的模型与训练步骤的源代码，直接读取自正在运行的代码。"),
    # chart labels
    "chart.loss": ("Loss", "损失"),
    "chart.epoch": ("Epoch", "轮次"),
    "chart.batch": ("Batch", "批次"),
    "chart.loss_curve": ("Loss per epoch", "每轮损失"),
    "chart.earlier": ("earlier: {label}", "之前：{label}"),
}

STRINGS.update({
    "weights.title": ("Weights", "权重"),
    "weights.download": ("Download the trained weights (state_dict)", "下载训练好的权重 (state_dict)"),
    "weights.epoch": ("Weights after epoch", "第几轮之后的权重"),
    "weights.epoch_help": (
        "The notes save the model after every epoch; these are the replay's weights of each epoch (on a long run, "
        "evenly thinned to at most 200 epochs).",
        "笔记在每一轮之后都保存模型；这里是回放所保存的每一轮的权重（训练很长时，均匀抽取，最多 200 轮）。"),
    "weights.epoch_download": ("Download epoch {epoch}'s weights", "下载第 {epoch} 轮的权重"),
    "weights.upload": ("Load weights from a file", "从文件加载权重"),
    "weights.loaded": ("Loaded the weights from {name}.", "已从 {name} 加载权重。"),
    "weights.unreadable": ("This file is not a PyTorch weights file (torch.load could not read it).", "这个文件不是 PyTorch 权重文件（torch.load 无法读取）。"),
    "weights.not_state_dict": ("This file holds something other than a state_dict of tensors.", "这个文件里不是由张量组成的 state_dict。"),
    "weights.other_model": (
        "These weights belong to another model. Missing: {missing}. Not in this model: {unexpected}.",
        "这些权重属于另一个模型。缺少：{missing}。本模型没有：{unexpected}。",
    ),
    "weights.shape": ("The weights do not fit: {name} has shape {got}, this model needs {want}.", "权重形状不匹配：{name} 的形状是 {got}，本模型需要 {want}。"),
    "weights.not_finite": ("These weights are broken: {name} holds {bad:,} NaN or infinite value(s) of {total:,} (a "
                           "run that diverged saved them). Train again with a lower learning rate and save again.",
                           "这些权重已损坏：{name} 的 {total:,} 个值中有 {bad:,} 个是 NaN 或无穷大（保存自一次发散的训练）。"
                           "请用更小的学习率重新训练后再保存。"),
    "upload.unexpected": ("`{name}` could not be read ({error}). Nothing was changed: the page keeps what it had.",
                          "无法读取 `{name}`（{error}）。没有任何改动：页面保留原来的内容。"),
})
