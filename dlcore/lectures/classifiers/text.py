STRINGS = {
    # data sets (dlcore.datasets.images), shared by every image page
    "images.unavailable": (
        "{title} is not on this computer and was not downloaded. Put the files {files} in the folder `{folder}` "
        "(download them from {urls}), or set the DL_CLASSROOM_DATA environment variable to a folder that has them.",
        "本机没有 {title}，也没有下载。请把文件 {files} 放到文件夹 `{folder}` 中（下载地址：{urls}），"
        "或者把环境变量 DL_CLASSROOM_DATA 设为包含这些文件的文件夹。",
    ),
    "images.download_failed": (
        "{title} could not be downloaded ({reason}). Put the files {files} in the folder `{folder}` "
        "(download them from {urls}), or set the DL_CLASSROOM_DATA environment variable to a folder that has them.",
        "无法下载 {title}（{reason}）。请把文件 {files} 放到文件夹 `{folder}` 中（下载地址：{urls}），"
        "或者把环境变量 DL_CLASSROOM_DATA 设为包含这些文件的文件夹。",
    ),
    "images.offline": (
        "{title} is not in `{folder}`, and the app is offline (DL_CLASSROOM_OFFLINE=1): nothing is downloaded. "
        "Prepare the data directory on a connected machine with `{command}`, or put the files {files} there.",
        "{title} 不在 `{folder}` 中，而应用处于离线模式（DL_CLASSROOM_OFFLINE=1），不会下载任何文件。"
        "请在联网的电脑上用 `{command}` 准备数据目录，或者把文件 {files} 放到那里。",
    ),
    "images.no_writable_folder": (
        "{title} is not on this computer and there is no writable folder to download it into. Put the files {files} "
        "in the folder `{folder}` (download them from {urls}).",
        "本机没有 {title}，也没有可写入的文件夹来下载它。请把文件 {files} 放到文件夹 `{folder}` 中（下载地址：{urls}）。",
    ),
    "images.corrupt": ("The file {file} cannot be read ({error}); delete it and fetch it again.",
                       "无法读取文件 {file}（{error}）；请删除它并重新获取。"),
    "images.name.mnist": ("MNIST (handwritten digits)", "MNIST（手写数字）"),
    "images.name.fashion_mnist": ("Fashion-MNIST (clothing)", "Fashion-MNIST（服饰）"),
    "images.name.cifar10": ("CIFAR-10 (colour photos)", "CIFAR-10（彩色照片）"),
    "images.name.digits": ("scikit-learn's 8×8 digits, scaled to 28×28", "scikit-learn 的 8×8 手写数字（放大到 28×28）"),
    "images.source.local": ("Data: **{name}** — {train:,} training and {test:,} test images, read from `{folder}`.",
                            "数据：**{name}**——{train:,} 张训练图像和 {test:,} 张测试图像，读取自 `{folder}`。"),
    "images.source.builtin": ("Data: **{name}** — {train:,} training and {test:,} test images, built into scikit-learn.",
                              "数据：**{name}**——{train:,} 张训练图像和 {test:,} 张测试图像，scikit-learn 自带。"),
    "images.source.fallback": (
        "Data in use: **{name}** ({train:,} training and {test:,} test images), built into scikit-learn, because the "
        "requested data set is not available. Accuracies here are not the lecture's.",
        "正在使用的数据：**{name}**（{train:,} 张训练图像和 {test:,} 张测试图像，scikit-learn 自带），因为所选数据集不可用。"
        "这里的准确率与课程中的不可比。",
    ),
    "images.downloading": ("Downloading {name}…", "正在下载 {name}……"),
    "images.classes.fashion_mnist": ("T-shirt/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot",
                                     "T恤/上衣|裤子|套衫|连衣裙|外套|凉鞋|衬衫|运动鞋|包|短靴"),
    "images.classes.cifar10": ("airplane|automobile|bird|cat|deer|dog|frog|horse|ship|truck",
                               "飞机|汽车|鸟|猫|鹿|狗|青蛙|马|船|卡车"),
}

STRINGS.update({
    # figures (dlcore.lectures.classifiers.figures)
    "imgfig.mistakes_title": ("Some mistakes of the trained model", "训练后模型的一些错误"),
    "imgfig.grid_title": ("Test images: ✓ right · ✗ predicted (true)", "测试图像：✓ 正确 · ✗ 预测（真实）"),
    "imgfig.confusion_title": ("Confusion matrix on the test set · accuracy {accuracy:.2f} %", "测试集上的混淆矩阵 · 准确率 {accuracy:.2f} %"),
    "imgfig.predicted": ("Predicted class", "预测类别"),
    "imgfig.true": ("True class", "真实类别"),
    "imgfig.confusion_hover": ("true %{y}, predicted %{x}: %{z}<extra></extra>", "真实 %{y}，预测 %{x}：%{z}<extra></extra>"),
    "imgfig.accuracy_title": ("Accuracy per epoch", "每轮准确率"),
    "imgfig.accuracy": ("Accuracy (%)", "准确率 (%)"),
    "imgfig.train_acc": ("train", "训练集"),
    "imgfig.test_acc": ("test", "测试集"),
    "imgfig.probabilities_title": ("Class probabilities (softmax of the scores)", "各类别的概率（分数的 softmax）"),
    "imgfig.class": ("Class", "类别"),
    "imgfig.probability": ("Probability", "概率"),
})
