"""Lecture 8: Dataset and DataLoader."""
STRINGS = {
    "dataloader.title": ("Lecture 8 · Dataset and DataLoader", "第 8 讲 · Dataset 与 DataLoader"),
    "dataloader.intro": (
        "A `Dataset` says how many samples there are (`__len__`) and how to get one (`__getitem__`); a `DataLoader` "
        "shuffles the indices each epoch and stacks samples into batches. Terms: an **epoch** is one pass over all "
        "samples; the **batch size** is how many samples one update sees; an **iteration** is one update, so an "
        "epoch has samples / batch size of them. Here the same network (the notes' 8-6-4-1 with sigmoids, SGD lr "
        "0.1, the same first weights) trains three ways side by side: the **whole table** in one batch (one exact "
        "gradient per epoch), **mini-batches** of the chosen size, and **one patient** at a time (759 noisy steps per "
        "epoch). Per epoch the single patient learns fastest; per second, watch which wins.",
        "`Dataset` 说明有多少样本（`__len__`）以及如何取出一个（`__getitem__`）；`DataLoader` 每轮打乱索引并把样本叠成批。"
        "术语：**epoch（轮）**是把全部样本过一遍；**batch size（批大小）**是一次更新看到的样本数；**iteration（迭代）**是一次更新，"
        "所以一轮有 样本数 / 批大小 次迭代。这里同一个网络（讲义的 8-6-4-1 加 sigmoid，SGD lr 0.1，相同的初始权重）用三种方式并排训练："
        "**整张表**作为一批（每轮一次精确的梯度）、所选大小的 **mini-batch**、每次**一位病人**（每轮 759 次带噪声的更新）。"
        "按轮数比，单个样本学得最快；按秒数比，看看谁赢。",
    ),
    "dataloader.batch_size": ("Mini-batch size", "mini-batch 大小"),
    "dataloader.shuffle": ("Shuffle each epoch (shuffle=True)", "每轮打乱（shuffle=True）"),
    "dataloader.source": ("Data: `{path}`, read by `DiabetesDataset`: {n} patients.", "数据：`{path}`，由 `DiabetesDataset` 读取：{n} 位病人。"),
    "dataloader.way.full": ("whole table (batch {n})", "整张表（批大小 {n}）"),
    "dataloader.way.mini": ("mini-batches of {n}", "mini-batch（批大小 {n}）"),
    "dataloader.way.single": ("one patient (batch {n})", "一位病人（批大小 {n}）"),
    "dataloader.by_epoch": ("Loss per epoch", "每轮的损失"),
    "dataloader.by_second": ("Loss against seconds of training", "损失与训练秒数"),
    "dataloader.seconds": ("Seconds of training", "训练秒数"),
    "dataloader.col.way": ("Batches", "分批方式"),
    "dataloader.col.iterations": ("Iterations per epoch", "每轮迭代次数"),
    "dataloader.col.epoch_ms": ("ms per epoch", "每轮毫秒数"),
    "dataloader.col.loss": ("Loss in the last epoch", "最后一轮的损失"),
    "dataloader.folders_link": ("Seed 002's Dataset of photos, the folder's name the label: ImageFolder and transforms",
                            "种子笔记 002 中以文件夹名为标签的照片 Dataset：ImageFolder 与 transforms"),
    "dataloader.workers": (
        "The notes pass `num_workers=2`: two worker processes load the batches. For a table already in memory that "
        "only costs: measured on this course's 2-core machine, one epoch of loading alone took 2.2 ms with "
        "`num_workers=0` and 91 ms with 2 (batches of 32), 15 ms against 796 ms one patient at a time — starting the "
        "workers every epoch and sending the tensors between processes. Workers pay off when `__getitem__` is slow "
        "(reading and decoding image files), so this page loads in the training process.",
        "讲义中传入 `num_workers=2`：两个工作进程加载批数据。对于已经在内存中的表，这只会增加开销：在本课程的 2 核机器上测得，"
        "仅加载一轮，`num_workers=0` 用 2.2 毫秒，设为 2 则用 91 毫秒（批大小 32）；逐个病人时为 15 毫秒对 796 毫秒——"
        "每轮都要启动工作进程并在进程间传送张量。当 `__getitem__` 很慢（读取并解码图像文件）时工作进程才划算，所以本页在训练进程中加载。",
    ),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.dataloader": ("Dataset and DataLoader", "Dataset 与 DataLoader"),
    "lecture.dataloader.about": ("Epochs, batches and iterations, with a real Dataset.", "用真实的 Dataset 理解 epoch、batch 与 iteration。"),
}
