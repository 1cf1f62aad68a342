"""The Draw-a-digit page."""
STRINGS = {
    "draw.title": ("✏️ Draw a digit", "✏️ 手写一个数字"),
    "draw.intro": (
        "Draw a digit, or upload a photo of one, and every MNIST model you trained in this session reads it: "
        "lecture 9's MLPs, lecture 10's CNN, lecture 11's Inception and ResNet. The drawing is made into the 28×28 "
        "image the model receives the way MNIST's digits were made (cropped to the ink, scaled to fit 20×20, its "
        "centre of mass put in the middle, then normalized like the training images). A model that is still "
        "training reads your drawing again every second, and gets better at it. When it gets one wrong, add the "
        "drawing to **my digits** with its right label and fine-tune the model on them.",
        "写一个数字，或上传一张数字的照片，本次会话中训练过的每个 MNIST 模型都会来读它：第 9 讲的多层感知机、"
        "第 10 讲的 CNN、第 11 讲的 Inception 和 ResNet。你的笔迹会按 MNIST 制作数字的方式变成模型接收的 28×28 "
        "图像（裁剪到笔迹范围，缩放到 20×20 以内，把质心放到中央，再像训练图像一样标准化）。仍在训练的模型每秒重新读一次，"
        "会越读越准。读错时，把这幅图以正确的标签加入**我的数字**，再用它们微调模型。",
    ),
    "draw.add_model": ("Add a model: train one in a click, or load weights", "添加模型：一键训练，或加载权重"),
    "draw.no_model": (
        "No model has been trained in this session yet. Train lecture 10's CNN here in one click, or load weights; "
        "every model you train on the pages of lectures 9–11 appears here too.",
        "本次会话还没有训练过模型。可以在这里一键训练第 10 讲的 CNN，或加载权重；你在第 9–11 讲页面上训练的每个模型也会出现在这里。",
    ),
    "draw.quick_train": ("Train lecture 10's CNN for {epochs} epochs", "训练第 10 讲的 CNN {epochs} 轮"),
    "draw.quick_train_help": (
        "The course's CNN with the lecture's settings (MNIST, SGD lr 0.01, momentum 0.5, batches of 64) for {epochs} "
        "epochs: about 98 % of the test images right, in about 10 seconds on one CPU core. It is lecture 10's run: its "
        "page shows its charts.",
        "课程中的 CNN，使用讲义的设置（MNIST，SGD lr 0.01，动量 0.5，批大小 64）训练 {epochs} 轮：测试图像约 98 % 正确，"
        "单个 CPU 核心约 10 秒。这就是第 10 讲的那次训练：它的页面会显示其图表。",
    ),
    "draw.weights_for": ("Load weights into", "把权重加载到"),
    "draw.input": ("Input", "输入"),
    "draw.input.canvas": ("✏️ Draw", "✏️ 手写"),
    "draw.input.upload": ("🖼️ Upload a picture", "🖼️ 上传图片"),
    "draw.stroke": ("Pen width", "笔的粗细"),
    "draw.clear": ("Clear", "清空"),
    "draw.upload": ("A picture of one digit (PNG, JPEG…)", "一张只有一个数字的图片（PNG、JPEG…）"),
    "draw.upload_help": (
        "Dark on light (a pen on paper, shadows and uneven light allowed: the paper's light is measured around each "
        "stroke) or light on dark, any size up to 4000 pixels a side; a phone photo is turned upright as the phone "
        "recorded it.",
        "深色字浅色底（纸上的笔迹，允许有阴影和光照不均：纸的亮度在每一笔周围测量）或浅色字深色底都可以，边长不超过 "
        "4000 像素；手机照片会按手机记录的方向摆正。",
    ),
    "draw.upload_empty": ("Upload a picture of a digit.", "请上传一张数字图片。"),
    "draw.empty": ("The canvas is empty: draw a digit on it (mouse, finger or pen).",
                   "画布是空的：请在上面写一个数字（鼠标、手指或触控笔）。"),
    "draw.not_a_picture": ("{name} is not a picture this page can read (a PNG, JPEG, GIF, BMP or WebP file).",
                           "{name} 不是本页能读取的图片（PNG、JPEG、GIF、BMP 或 WebP 文件）。"),
    "draw.blank": ("{name} is blank: no stroke stands out from its background.",
                   "{name} 是空白的：没有与背景区分开的笔迹。"),
    "draw.too_large": ("{name} is {width} × {height} pixels: at most {limit} a side, please (crop it to the digit).",
                       "{name} 有 {width} × {height} 像素：边长最多 {limit}（请裁剪到数字附近）。"),
    "draw.too_many_bytes": ("{name} is {mb:.1f} MB: at most {limit:g} MB, please.", "{name} 有 {mb:.1f} MB：最多 {limit:g} MB。"),
    "draw.foreign_format": ("{name} is a {kind} file, which this page cannot read: save it as PNG or JPEG (an iPhone "
                            "photo: share it as JPEG, or set Settings › Camera › Formats › Most Compatible).",
                            "{name} 是 {kind} 文件，本页无法读取：请另存为 PNG 或 JPEG（iPhone 照片：以 JPEG 分享，或在"
                            "“设置 › 相机 › 格式”中选择“兼容性最佳”）。"),
    "draw.reader": ("The model that reads it", "读它的模型"),
    "draw.lecture_label": ("Lecture {number} · {model}", "第 {number} 讲 · {model}"),
    "draw.race_label": ("{model}, in the race", "{model}（对比赛跑中）"),
    "draw.race_run": ("Lecture 11's race of three models", "第 11 讲三个模型的对比赛跑"),
    "draw.tuned_label": ("{base}, fine-tuned on my {n} digits", "{base}，用我的 {n} 个数字微调"),
    "draw.accuracy": ("{accuracy:.1%} of the test images right", "测试图像正确率 {accuracy:.1%}"),
    "draw.no_accuracy": ("not measured yet", "尚未测量"),
    "draw.training_now": ("training now, epoch {epoch}/{epochs}", "正在训练，第 {epoch}/{epochs} 轮"),
    "draw.paused": ("paused in epoch {epoch}/{epochs}", "暂停于第 {epoch}/{epochs} 轮"),
    "draw.reads": ("### It reads **{label}** · {probability:.0%} sure", "### 读作 **{label}** · 把握 {probability:.0%}"),
    "draw.close_call": (
        "A close call: **{first}** ({p1:.0%}) or **{second}** ({p2:.0%}). Mistakes live here. If it is wrong, add "
        "the drawing to my digits below with its right label.",
        "难以抉择：**{first}**（{p1:.0%}）还是 **{second}**（{p2:.0%}）？错误往往出在这里。如果读错了，"
        "请在下方以正确的标签把它加入我的数字。",
    ),
    "draw.seen_help": ("What the model receives: your ink cropped, scaled to 20×20 and centred by its mass, as MNIST's "
                       "digits are.", "模型接收的图像：把笔迹裁剪、缩放到 20×20 并按质心居中，和 MNIST 的数字一样。"),
    "draw.inside_title": ("What it sees inside", "模型内部看到了什么"),
    "draw.inside_cnn": (
        "The output of every convolution and pooling layer for your drawing, each channel scaled to its own range "
        "(for Inception, each branch of its two blocks). Early maps find strokes and edges; later ones, parts of digits.",
        "你的笔迹经过每个卷积层和池化层后的输出，每个通道按各自的取值范围缩放（Inception 显示其两个模块的每个分支）。"
        "前面的特征图找笔画和边缘，后面的找数字的部件。",
    ),
    "draw.inside_mlp": (
        "The values of every hidden layer for your drawing, 32 units a row. Where ReLU is called inside forward(), "
        "the layer's output is shown before it: blue units are the ones ReLU sets to zero.",
        "你的笔迹在每个隐藏层中的取值，每行 32 个单元。若 ReLU 是在 forward() 里调用的，这里显示的是它之前的输出："
        "蓝色单元就是会被 ReLU 置零的那些。",
    ),
    "draw.no_hidden_layer": ("This model has no hidden layer: its ten scores, made probabilities, are the bars above.",
                             "这个模型没有隐藏层：它的十个分数（变成概率后）就是上面的柱状图。"),
    "draw.every_model": ("Read with every model", "用每个模型来读"),
    "draw.col.model": ("Model", "模型"),
    "draw.col.guess": ("Reads", "读作"),
    "draw.col.sure": ("Sure", "把握"),
    "draw.col.second": ("Second guess", "第二选择"),
    "draw.col.status": ("Test accuracy · state", "测试准确率 · 状态"),
    "draw.own_title": ("My digits", "我的数字"),
    "draw.own_help": (
        "Add drawings with their right label; the model chosen above reads each (✓ right, ✗ wrong). Fine-tune it on "
        "them and watch it learn your handwriting.",
        "以正确的标签加入你的笔迹；上面选中的模型会读每一个（✓ 正确，✗ 错误）。用它们微调模型，看它学会你的笔迹。",
    ),
    "draw.own_label": ("Its right label", "正确的标签"),
    "draw.own_add": ("Add to my digits", "加入我的数字"),
    "draw.own_clear": ("Forget my digits", "清除我的数字"),
    "draw.own_grid": ("My {n} digits: {right:.0%} read right", "我的 {n} 个数字：{right:.0%} 读对"),
    "draw.tune": ("Fine-tune the chosen model on MNIST + my digits ({steps} steps)", "用 MNIST + 我的数字微调所选模型（{steps} 步）"),
    "draw.tune_mix": (
        "How the mix is weighted: each batch of {batch} holds {mnist} random MNIST training images and {own} of your "
        "digits (drawn again and again, each moved by up to {shift} pixels), so your few digits make a quarter of "
        "every step while MNIST keeps the model from forgetting the rest. {steps} steps of the course's SGD "
        "(lr 0.01, momentum 0.5) on a copy of the model, measured every {every}; the copy joins the list of models.",
        "混合的权重：每批 {batch} 张图像中有 {mnist} 张随机的 MNIST 训练图像和 {own} 张你的数字（反复抽取，每次随机平移最多 "
        "{shift} 像素），因此你的少量数字占每一步的四分之一，而 MNIST 让模型不忘记其余的内容。在模型的副本上用课程的 SGD"
        "（lr 0.01，动量 0.5）训练 {steps} 步，每 {every} 步测量一次；副本会加入模型列表。",
    ),
    "draw.tuned_result": (
        "After {steps} steps: my digits read right {own}; test images {test}.",
        "经过 {steps} 步：我的数字正确率 {own}；测试图像 {test}。",
    ),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.draw": ("Draw a digit", "手写一个数字"),
    "lecture.draw.about": ("Every model you trained reads your handwriting, shows what it sees inside, and learns it.",
                           "你训练的每个模型都来读你的笔迹，展示它内部看到了什么，并学会你的笔迹。"),
}
