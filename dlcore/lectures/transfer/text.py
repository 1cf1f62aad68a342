"""Transfer learning: a pretrained torchvision network with a new last layer (seed 002)."""
STRINGS = {
    "transfer.title": ("Lecture 11 · Transfer learning: a pretrained network, a new last layer",
                       "第 11 讲 · 迁移学习：预训练网络，换上新的最后一层"),
    "transfer.intro": (
        "The notes take torchvision's **VGG16** trained on ImageNet (1.3 million photos, 1,000 classes) and change "
        "its classifier for a new task. Here the task is the notes' ants and bees: **244** training photos, 153 to "
        "validate. The network's last layer (`fc` of ResNet-18, `classifier[6]` of VGG16: 1,000 outputs) is replaced "
        "by a new `nn.Linear(…, 2)`. **Train the last layer only** freezes everything else (`requires_grad = False`): "
        "the frozen layers give each photo the same features every epoch, so they are computed once and the new "
        "layer trains on them in milliseconds. **Fine-tune everything** trains all the weights, on randomly cropped "
        "and flipped photos. Beside it, the **same network from random weights** trains the same way on the same "
        "batches: with 244 photos, what the network learnt on ImageNet is what makes it work.",
        "讲义用 torchvision 在 ImageNet（130 万张照片，1000 类）上训练好的 **VGG16**，并为新任务修改它的分类器。这里的新任务是讲义中的"
        "蚂蚁和蜜蜂：**244** 张训练照片，153 张用于验证。网络的最后一层（ResNet-18 的 `fc`、VGG16 的 `classifier[6]`：1000 个输出）"
        "被换成新的 `nn.Linear(…, 2)`。**只训练最后一层**会冻结其余所有层（`requires_grad = False`）：冻结的层每轮给每张照片相同的特征，"
        "所以特征只算一次，新的一层在这些特征上训练，只需几毫秒。**微调全部**则训练所有权重，照片经过随机裁剪和翻转。旁边，"
        "**同一个网络从随机权重开始**，以同样的方式在同样的批次上训练：只有 244 张照片时，网络在 ImageNet 上学到的东西才是它起作用的原因。",
    ),
    "transfer.model": ("Network", "网络"),
    "transfer.model.resnet18": ("ResNet-18", "ResNet-18"),
    "transfer.model.vgg16": ("VGG16 (the notes')", "VGG16（讲义中的）"),
    "transfer.mode": ("What trains", "训练哪些层"),
    "transfer.mode.last": ("the last layer only", "只训练最后一层"),
    "transfer.mode.finetune": ("fine-tune everything", "微调全部"),
    "transfer.image_size": ("Image size", "图像大小"),
    "transfer.size.224": ("224 px (ImageNet's)", "224 像素（ImageNet 的）"),
    "transfer.size.160": ("160 px (2× faster)", "160 像素（快 2 倍）"),
    "transfer.size.112": ("112 px (4× faster)", "112 像素（快 4 倍）"),
    "transfer.batch_size": ("Batch size", "批大小"),
    "transfer.compare": ("Compare with random weights", "与随机权重对比"),
    "transfer.data": ("Data: `{folder}`: {train} training photos ({counts}), {val} to validate.",
                      "数据：`{folder}`：{train} 张训练照片（{counts}），{val} 张用于验证。"),
    "transfer.skipped": ("Left out (not an image ImageFolder reads): {names}.",
                         "已跳过（不是 ImageFolder 能读取的图像）：{names}。"),
    "transfer.sources": ("Data and weights", "数据与权重"),
    "transfer.downloading_data": ("Downloading the ants and bees ({mb:.1f} MB so far)…", "正在下载蚂蚁和蜜蜂数据集（已下载 {mb:.1f} MB）…"),
    "transfer.downloading": ("Downloading torchvision's {file} ({mb:.0f} of {total:.0f} MB)…",
                             "正在下载 torchvision 的 {file}（{mb:.0f} / {total:.0f} MB）…"),
    "transfer.weights_found": ("Pretrained weights: `{path}` (torchvision's ImageNet weights, {mb:.0f} MB).",
                               "预训练权重：`{path}`（torchvision 的 ImageNet 权重，{mb:.0f} MB）。"),
    "transfer.weights_missing": (
        "No pretrained weights for {model}: `{file}` is not in `{folder}` (nor in torch hub's `{hub}`), and the "
        "download did not work ({error}). Download {url} ({mb:.0f} MB) and put it in `{folder}`, then reload the page. "
        "Until then the page trains **from random weights only**, which is the comparison's other half.",
        "没有 {model} 的预训练权重：`{file}` 不在 `{folder}` 中（也不在 torch hub 的 `{hub}` 中），下载也没有成功（{error}）。"
        "请下载 {url}（{mb:.0f} MB），放到 `{folder}`，然后重新加载本页。在此之前，本页**只从随机权重开始**训练，也就是对比中的另一半。"),
    "transfer.weights_bad": ("`{path}` cannot be used as {model}'s weights: {reason} The page trains from random "
                             "weights only; replace the file with torchvision's `{file}` and reload the page.",
                             "`{path}` 不能用作 {model} 的权重：{reason}本页只从随机权重开始训练；请把该文件换成 torchvision 的 "
                             "`{file}` 并重新加载本页。"),
    "transfer.learner.pretrained": ("{model} pretrained on ImageNet", "在 ImageNet 上预训练的 {model}"),
    "transfer.learner.random": ("{model} from random weights", "从随机权重开始的 {model}"),
    "transfer.loss": ("train", "训练"),
    "transfer.val_loss": ("val", "验证"),
    "transfer.loss_title": ("Loss per epoch (solid: training photos, dashed: validation)",
                            "每轮的损失（实线：训练照片，虚线：验证照片）"),
    "transfer.accuracy_title": ("Accuracy on the 153 validation photos", "在 153 张验证照片上的准确率"),
    "transfer.majority": ("always the commoner class: {share:.1f} %", "总答较多的一类：{share:.1f} %"),
    "transfer.grid_title": ("{name}, epoch {epoch}", "{name}，第 {epoch} 轮"),
    "transfer.preparing": ("Computing the frozen network's features: {done}/{total} photos…",
                           "正在计算冻结网络的特征：{done}/{total} 张照片…"),
    "transfer.speed_last": (
        "**Features computed once** — {model} at {size} px: {features} (the photos through every frozen layer "
        "of each network). Without precomputing, every epoch would pass the photos through the whole frozen network "
        "again and take about as long; on the features an epoch of the new last layers takes **{epoch}**. "
        "Building the networks and reading the weights: {load:.2f} s. Precomputing needs one fixed picture per "
        "photo, so the training photos are not augmented here (fine-tuning crops and flips them).",
        "**特征只计算一次**——{model}，{size} 像素：{features}（照片经过每个网络所有冻结的层）。如果不预先计算，每一轮都要让照片"
        "再次经过整个冻结网络，耗时大致相同；在特征上，新的最后一层训练一轮只需 **{epoch}**。构建网络并读取权重：{load:.2f} 秒。"
        "预先计算要求每张照片的图像固定，所以这里训练照片不做数据增强（微调时会随机裁剪和翻转）。"),
    "transfer.features_kept": ("kept from an earlier run", "沿用之前运行的结果"),
    "transfer.features_seconds": ("{seconds:.1f} s", "{seconds:.1f} 秒"),
    "transfer.speed_finetune": (
        "Fine-tuning {model} at {size} px: an epoch of both networks takes **{epoch:.1f} s** here (every photo "
        "through the whole network and back). Building the networks and reading the weights: {load:.2f} s.",
        "以 {size} 像素微调 {model}：两个网络训练一轮在这里需要 **{epoch:.1f} 秒**（每张照片都要经过整个网络并反向传播）。"
        "构建网络并读取权重：{load:.2f} 秒。"),
    "transfer.size_note": (
        "On this machine's CPU (one thread) ResNet-18 reads a photo in about 38 ms at 224 px, 17 ms at 160 px and 9 ms "
        "at 112 px, and fine-tuning (forward and backward) takes about three times that; VGG16 takes about 8 times "
        "ResNet-18's. The network learnt ImageNet at 224 px: smaller photos are faster but show it objects smaller "
        "than it knows them, so expect lower accuracy from the pretrained network (compare the runs: the accuracy "
        "chart keeps the earlier ones).",
        "在本机 CPU（单线程）上，ResNet-18 读一张照片在 224 像素时约 38 毫秒，160 像素时 17 毫秒，112 像素时 9 毫秒；微调（前向加反向）"
        "约为三倍；VGG16 约为 ResNet-18 的 8 倍。网络是在 224 像素上学会 ImageNet 的：照片越小越快，但物体比它熟悉的要小，"
        "所以预训练网络的准确率会低一些（比较几次运行：准确率图会保留之前的运行）。"),
    "transfer.shapes": ("The replaced layer", "被替换的层"),
    "transfer.shapes_text": ("`{path}`: `{old}` → `{new}` · {trainable:,} of {total:,} parameters train ({share:.3g} %).",
                             "`{path}`：`{old}` → `{new}` · {total:,} 个参数中有 {trainable:,} 个参与训练（{share:.3g} %）。"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.transfer": ("Transfer learning: a pretrained ResNet", "迁移学习：预训练的 ResNet"),
    "lecture.transfer.about": ("An ImageNet network with a new last layer learns ants and bees from 244 photos.",
                               "换上新的最后一层，ImageNet 预训练网络只用 244 张照片就学会分辨蚂蚁和蜜蜂。"),
}
