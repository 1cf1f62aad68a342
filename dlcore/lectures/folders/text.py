STRINGS = {
    "folders.no_classes": ("`{folder}` has no class folders: put each class's images in a folder of its own "
                           "(e.g. `train/ants/*.jpg`, `train/bees/*.jpg`).",
                           "`{folder}` 里没有类别文件夹：请把每一类的图像放进各自的文件夹（例如 `train/ants/*.jpg`、`train/bees/*.jpg`）。"),
    "folders.one_class": ("`{folder}` has one class folder only (`{name}`): a classifier needs at least two.",
                          "`{folder}` 里只有一个类别文件夹（`{name}`）：分类器至少需要两类。"),
    "folders.no_images": ("The class folders in `{folder}` hold no image that ImageFolder reads (.jpg, .jpeg, .png, .bmp, "
                          ".ppm, .pgm, .tif, .webp).",
                          "`{folder}` 的类别文件夹里没有 ImageFolder 能读取的图像（.jpg、.jpeg、.png、.bmp、.ppm、.pgm、.tif、.webp）。"),
    "folders.not_zip": ("This file is not a zip archive (or a damaged one): zip a folder that holds one folder per class "
                        "(e.g. `ants/`, `bees/`) and upload the `.zip`.",
                        "这个文件不是 zip 压缩包（或已损坏）：请把一个包含各类别文件夹（例如 `ants/`、`bees/`）的文件夹压缩后上传 `.zip`。"),
    "folders.zip_encrypted": ("This zip is protected by a password: unzip it and zip it again without one.",
                              "这个 zip 设有密码保护：请先解压，再不加密码重新压缩。"),
    "folders.zip_method": ("`{name}` is compressed in a way Python's zipfile cannot read: zip the folder again with the "
                           "usual method (Deflate, as Windows, macOS and `zip` do by default).",
                           "`{name}` 使用了 Python 的 zipfile 无法读取的压缩方式：请用常见方式（Deflate，即 Windows、macOS 和 "
                           "`zip` 的默认方式）重新压缩该文件夹。"),
    "folders.zip_damaged": ("The zip is damaged: `{name}` could not be unpacked. Zip the folder again and upload the new "
                            "file.", "这个 zip 已损坏：`{name}` 无法解压。请重新压缩该文件夹并上传新文件。"),
    "folders.names_encoding": ("The file names in this zip are written in {encoding} (it does not mark them as UTF-8): "
                               "they are read as {encoding}.",
                               "这个 zip 里的文件名是用 {encoding} 编码写的（未标记为 UTF-8）：已按 {encoding} 读取。"),
    "folders.zip_empty": ("The zip holds no files: put one folder per class in it, each with its images.",
                          "这个 zip 里没有文件：请在其中为每一类放一个文件夹，里面放该类的图像。"),
    "folders.zip_too_large": ("The zip is {size:.1f} MB: the page takes zips of up to {limit} MB. Use fewer or smaller "
                              "photos (a few hundred of 500 px are plenty).",
                              "这个 zip 有 {size:.1f} MB：本页最多接受 {limit} MB 的 zip。请减少照片数量或缩小照片（几百张 500 像素的照片就足够了）。"),
    "folders.zip_unpacked_too_large": ("The zip would unpack to {size:.0f} MB: the page unpacks at most {limit} MB.",
                                       "这个 zip 解压后有 {size:.0f} MB：本页最多解压 {limit} MB。"),
    "folders.zip_unsafe": ("The zip was refused: `{name}` would be written outside its folder (an absolute path or `..`). "
                           "Zip the folder again with relative names.",
                           "已拒绝这个 zip：`{name}` 会被写到解压文件夹之外（绝对路径或 `..`）。请用相对路径重新压缩该文件夹。"),
    "folders.title": ("Lecture 8 · Images from folders and transforms", "第 8 讲 · 文件夹中的图像与 transforms"),
    "folders.intro": (
        "The notes' ants and bees: one folder per class, and the folder's name is the label. torchvision's "
        "`ImageFolder` reads such a folder into a `Dataset` (`dataset.classes` from the folder names, "
        "`class_to_idx` their numbers, `dataset[i]` a photo and its label), and a `DataLoader` serves it in batches. "
        "Each photo goes through a `transforms` pipeline first: `ToTensor` turns a picture into a tensor in [0, 1], "
        "`Normalize` shifts and scales each channel, and the random steps (crops, flips, colour jitter) give the "
        "network a slightly different photo every epoch: data augmentation.",
        "课上的蚂蚁和蜜蜂：每一类一个文件夹，文件夹的名字就是标签。torchvision 的 `ImageFolder` 把这样的文件夹读成一个 "
        "`Dataset`（`dataset.classes` 来自文件夹名，`class_to_idx` 是它们的编号，`dataset[i]` 是一张照片和它的标签），"
        "`DataLoader` 再把它按批次送出。每张照片先经过一条 `transforms` 流水线：`ToTensor` 把图片变成取值在 [0, 1] 的张量，"
        "`Normalize` 对每个通道平移和缩放，随机的步骤（裁剪、翻转、颜色抖动）让网络每一轮看到的照片都略有不同：这就是数据增强。"),
    "folders.images": ("Images", "图像"),
    "folders.images.hymenoptera": ("Ants and bees (hymenoptera_data, the notes' data set)",
                                   "蚂蚁和蜜蜂（hymenoptera_data，课上的数据集）"),
    "folders.images.upload": ("My own zip of class folders…", "我自己的类别文件夹 zip…"),
    "folders.split": ("Folder", "文件夹"),
    "folders.split.train": ("train", "train（训练）"),
    "folders.split.val": ("val", "val（验证）"),
    "folders.split.all": ("all (no train/val in the zip)", "全部（zip 中没有 train/val）"),
    "folders.downloading": ("Downloading {url} ({mb:.1f} MB so far)…", "正在下载 {url}（已下载 {mb:.1f} MB）…"),
    "folders.missing": (
        "The ants and bees are not here, and the download did not work ({error}). Download {url}, unzip it and put "
        "its folder at `{folder}`, so that the photos are in `{folder}/train/<class>/` and `{folder}/val/<class>/` "
        "(`ants`, `bees`), then reload the page.",
        "这里没有蚂蚁和蜜蜂数据集，下载也没有成功（{error}）。请下载 {url}，解压后把文件夹放到 `{folder}`，"
        "使照片位于 `{folder}/train/<类别>/` 和 `{folder}/val/<类别>/`（`ants`、`bees`），然后重新加载本页。"),
    "folders.try_upload": ("Meanwhile, choose **My own zip of class folders…** above to look at photos of yours.",
                           "在此期间，可以在上面选择 **我自己的类别文件夹 zip…**，查看你自己的照片。"),
    "folders.upload": ("A zip with one folder per class", "每一类一个文件夹的 zip"),
    "folders.upload_help": (
        "`ants/*.jpg`, `bees/*.jpg` (or `my_photos/ants/…`, or `train/<class>/…` and `val/<class>/…`); up to {limit} MB. "
        "Files that are not images are skipped and listed.",
        "`ants/*.jpg`、`bees/*.jpg`（或 `my_photos/ants/…`，或 `train/<类别>/…` 与 `val/<类别>/…`）；最大 {limit} MB。"
        "不是图像的文件会被跳过并列出。"),
    "folders.upload_first": ("Upload a zip (up to {limit} MB) with one folder of images per class.",
                             "请上传一个 zip（最大 {limit} MB），每一类图像放在一个文件夹里。"),
    "folders.kept_file": ("Using `{name}` ({size:.1f} MB), uploaded before.", "正在使用之前上传的 `{name}`（{size:.1f} MB）。"),
    "folders.forget_file": ("Forget it", "不再使用"),
    "folders.folder_title": ("The folder as ImageFolder reads it", "ImageFolder 读到的文件夹"),
    "folders.source": ("`{folder}`: {n:,} images in {classes} classes", "`{folder}`：{n:,} 张图像，{classes} 个类别"),
    "folders.col.class": ("class (folder name)", "类别（文件夹名）"),
    "folders.skipped": ("ImageFolder left out {n} file(s):", "ImageFolder 跳过了 {n} 个文件："),
    "folders.skipped.type": ("not one of the image types ImageFolder reads (.jpg, .png, …)",
                             "不是 ImageFolder 能读取的图像类型（.jpg、.png 等）"),
    "folders.skipped.unreadable": ("has an image's name but does not open as an image", "文件名像图像，但无法作为图像打开"),
    "folders.skipped.too_large": ("too large: {width:,} × {height:,} pixels (at most {limit:,} pixels are read)",
                                  "太大：{width:,} × {height:,} 像素（最多读取 {limit:,} 像素）"),
    "folders.skipped.truncated": ("its data ends early (a truncated file): it failed when it was decoded",
                                  "数据提前结束（文件不完整）：解码时失败"),
    "folders.samples_title": ("{n} photos of {split}: class (class_to_idx) · index", "{split} 中的 {n} 张照片：类别（class_to_idx）· 索引"),
    "folders.pipeline_title": ("A transforms pipeline", "transforms 流水线"),
    "folders.pipeline_about": (
        "Write the steps as the list inside `transforms.Compose([...])`, separated by commas, or add them below. "
        "The steps on a picture (Resize, the crops, the flip, ColorJitter, Grayscale, RandomRotation) come before "
        "`ToTensor()`; `Normalize` needs a tensor, so it comes after. The photo goes through the pipeline "
        "eight times: the random steps draw anew each time, and the same seed draws the same eight again.",
        "把步骤写成 `transforms.Compose([...])` 里的列表，用逗号分隔，或在下面添加。作用在图片上的步骤（Resize、各种裁剪、"
        "翻转、ColorJitter、Grayscale、RandomRotation）放在 `ToTensor()` 之前；`Normalize` 需要张量，所以放在它之后。"
        "照片经过流水线八次：随机的步骤每次重新抽取，同样的种子会再次得到同样的八张。"),
    "folders.pipeline": ("Steps of transforms.Compose([...])", "transforms.Compose([...]) 的步骤"),
    "folders.add_step": ("Add a step", "添加一步"),
    "folders.add": ("Add", "添加"),
    "folders.reset": ("Default", "默认"),
    "folders.order": ("Move or remove steps", "移动或删除步骤"),
    "folders.up": ("Move up", "上移"),
    "folders.down": ("Move down", "下移"),
    "folders.remove": ("Remove", "删除"),
    "folders.photo_class": ("Photo of class", "照片的类别"),
    "folders.photo_number": ("Photo number (1–{n})", "照片编号（1–{n}）"),
    "folders.draw_again": ("Draw again", "重新抽取"),
    "folders.photo": ("`{path}`, {width} × {height} · the random steps draw from seed {seed} (the sidebar's seed × 1000 "
                      "+ the times Draw again was pressed)",
                      "`{path}`，{width} × {height} · 随机步骤由种子 {seed} 抽取（侧边栏的种子 × 1000 + 按下“重新抽取”的次数）"),
    "folders.ran": ("The {steps} steps ran: each draw ends as a {kind} of {size}.",
                    "{steps} 个步骤都运行成功：每次抽取的结果是 {kind}，大小 {size}。"),
    "folders.original": ("The photo, {width} × {height}", "原照片，{width} × {height}"),
    "folders.draw": ("draw {n}", "第 {n} 次"),
    "folders.draws_title": ("The same photo through the pipeline {n} times (seed {seed})",
                            "同一张照片经过流水线 {n} 次（种子 {seed}）"),
    "folders.undone": ("The tensors are shown with Normalize undone (x · std + mean), as pictures.",
                       "张量显示为图片时撤销了 Normalize（x · std + mean）。"),
    "folders.steps_title": ("What each step gives (draw 1)", "每一步的输出（第 1 次）"),
    "folders.input": ("the photo (ImageFolder's loader: PIL, RGB)", "照片（ImageFolder 的读取函数：PIL，RGB）"),
    "folders.col.step": ("step", "步骤"),
    "folders.col.type": ("output", "输出类型"),
    "folders.col.size": ("size (PIL: W × H, mode; tensor: shape)", "大小（PIL：宽 × 高，模式；张量：形状）"),
    "folders.col.mean": ("mean", "均值"),
    "folders.compose_title": ("The Compose that ran", "实际运行的 Compose"),
    "folders.compose_about": ("torchvision's own description of the pipeline, with every argument's value.",
                              "torchvision 自己对这条流水线的描述，列出每个参数的值。"),
    "folders.cpu": ("Transforms run on the CPU, photo by photo, as a DataLoader runs them; the sidebar's device does "
                    "not change this page.",
                    "transforms 在 CPU 上逐张照片运行，和 DataLoader 中一样；侧边栏的设备不影响本页。"),
    "folders.code_title": ("The notes' code, as it ran", "课上的代码（实际运行的结果）"),
    "transforms.syntax": ("The steps are not a list Python reads ({detail}): write them as `Resize(256), ToTensor()`, "
                          "separated by commas.",
                          "这些步骤不是 Python 能读的列表（{detail}）：请写成 `Resize(256), ToTensor()`，用逗号分隔。"),
    "transforms.unknown": ("Step {step}, `{written}`, is not one of the steps here: {known}.",
                           "第 {step} 步 `{written}` 不是这里提供的步骤：{known}。"),
    "transforms.literal": ("Step {step}, `{written}`: write its arguments as plain numbers, lists or tuples "
                           "(e.g. `(0.08, 1.0)`), without names or arithmetic.",
                           "第 {step} 步 `{written}`：参数请直接写数字、列表或元组（例如 `(0.08, 1.0)`），不要用变量名或算式。"),
    "transforms.too_large": ("Step {step}, `{written}`: every number must be at most {largest} (a photo of the data set "
                             "is about 500 pixels wide).",
                             "第 {step} 步 `{written}`：每个数都不能超过 {largest}（数据集里的照片大约 500 像素宽）。"),
    "transforms.bad_arguments": ("Step {step}, `{written}`, cannot be made: {detail}", "第 {step} 步 `{written}` 无法创建：{detail}"),
    "transforms.failed": ("Step {step}, `{written}`, failed on the photo: {detail}", "第 {step} 步 `{written}` 处理照片时出错：{detail}"),
    "transforms.needs_tensor": ("Step {step}, `{written}`, needs a tensor but gets a {got}: put `ToTensor()` before it. "
                                "(torchvision: {detail})",
                                "第 {step} 步 `{written}` 需要张量，却得到 {got}：请在它前面放 `ToTensor()`。（torchvision：{detail}）"),
    "transforms.needs_picture": ("Step {step}, `{written}`, needs a picture but gets a {got}: `ToTensor()` comes once, "
                                 "after the steps on pictures. (torchvision: {detail})",
                                 "第 {step} 步 `{written}` 需要图片，却得到 {got}：`ToTensor()` 只放一次，放在作用于图片的步骤之后。"
                                 "（torchvision：{detail}）"),
    "transforms.collate": ("The DataLoader could not make a batch: {detail}. A batch needs every photo to come out as a "
                           "tensor of the same size (end with `ToTensor()` after a crop to a fixed size).",
                           "DataLoader 无法组成一个批次：{detail}。一个批次要求每张照片都输出同样大小的张量"
                           "（裁剪到固定大小后，以 `ToTensor()` 结尾）。"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.folders": ("Images from folders and transforms", "文件夹中的图像与 transforms"),
    "lecture.folders.about": ("Ants and bees by folder with ImageFolder; build a transforms pipeline and see augmentation.",
                              "用 ImageFolder 按文件夹读蚂蚁和蜜蜂；搭一条 transforms 流水线，看数据增强的随机性。"),
}
