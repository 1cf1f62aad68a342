STRINGS = {
    "names.title": ("Lecture 13 · Which language is a name from?", "第 13 讲 · 这个姓氏来自哪种语言？"),
    "names.intro": (
        "{names:,} surnames from {languages} languages. Each name is a sequence of characters: `nn.Embedding` turns "
        "each into a vector, a (bidirectional) `nn.GRU` reads them, and `nn.Linear` maps its last hidden state to the "
        "languages. Names have different lengths, so each batch is padded to its longest name and packed "
        "(`pack_padded_sequence`) — the GRU stops at each name's own last character. A fixed 80/20 split per "
        "language keeps {test:,} names for testing; always answering the most common language "
        "({majority}) would score {baseline:.0%}.",
        "{names:,} 个姓氏，来自 {languages} 种语言。每个姓氏是一个字符序列：`nn.Embedding` 把每个字符变成向量，"
        "（双向）`nn.GRU` 读入它们，`nn.Linear` 把最后的隐藏状态映射到各语言。姓氏长短不一，所以每个批次都填充到"
        "其中最长的名字并打包（`pack_padded_sequence`）——GRU 在每个名字自己的最后一个字符处停下。每种语言固定按 "
        "80/20 划分，留出 {test:,} 个姓氏用于测试；总是回答最常见的语言（{majority}）的准确率为 {baseline:.0%}。",
    ),
    "names.missing": (
        "The names data is not here and could not be downloaded. Download {url}, and extract its `data/names/` "
        "folder (18 files such as `English.txt`) to `{folder}`.",
        "这里没有姓氏数据，也无法下载。请下载 {url}，并把其中的 `data/names/` 文件夹（18 个文件，如 `English.txt`）"
        "解压到 `{folder}`。",
    ),
    "names.hidden_size": ("Hidden size (= embedding size)", "隐藏层大小（= 嵌入维度）"),
    "names.layers": ("GRU layers", "GRU 层数"),
    "names.bidirectional": ("Bidirectional GRU", "双向 GRU"),
    "names.batch_size": ("Batch size", "批量大小"),
    "names.accuracy": ("Test accuracy", "测试准确率"),
    "names.accuracy_title": ("Test accuracy per epoch", "每轮测试准确率"),
    "names.majority": ("most common language", "最常见的语言"),
    "names.result": ("Test accuracy after epoch {epoch}: **{accuracy:.1%}**.", "第 {epoch} 轮后的测试准确率：**{accuracy:.1%}**。"),
    "names.try": ("Try a name", "试一个姓氏"),
    "names.type_name": ("A surname", "姓氏"),
    "names.type_help": (
        "The top three languages update a moment after you stop typing.",
        "停止输入片刻后，前三种语言会自动更新。",
    ),
    "names.train_first": ("Train the model first, then type a name here.", "请先训练模型，然后在这里输入姓氏。"),
    "names.empty": ("Type a name to see which languages it looks like.", "输入一个姓氏，看看它像哪些语言。"),
    "names.unseen": (
        "Never seen in training, so skipped: {characters}",
        "训练中从未出现过，已跳过：{characters}",
    ),
    "names.nothing_known": (
        "None of these characters appear in the training names, so the model cannot read this name.",
        "这些字符都没有在训练姓氏中出现过，模型无法读取这个名字。",
    ),
    "names.top_title": ("Top languages for {name}", "{name} 最可能的语言"),
    "names.probability": ("Probability", "概率"),
    "lecture.names": ("Name → language with a GRU", "用 GRU 判断姓名的语言"),
    "lecture.names.about": ("Type a surname and see which of 18 languages it comes from.", "输入一个姓氏，看它来自 18 种语言中的哪一种。"),
}
