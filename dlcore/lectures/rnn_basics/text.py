STRINGS = {
    # lecture 12 · RNN basics
    "rnn_basics.title": ("Lecture 12 · RNN basics: hello → ohlol", "第 12 讲 · RNN 基础：hello → ohlol"),
    "rnn_basics.intro": (
        "Each character is a class. At every time step the network reads one character of the input and scores every "
        "character of the vocabulary for the same position of the target; `CrossEntropyLoss` compares the scores with "
        "the target. The hidden state carries what came before: the input has **l** twice, but the target wants **l** "
        "the first time and **o** the second, which only the hidden state can tell apart.",
        "每个字符都是一个类别。在每个时间步，网络读入输入的一个字符，并为目标串同一位置给词表里的每个字符打分；"
        "`CrossEntropyLoss` 把这些分数与目标比较。隐藏状态携带之前的信息：输入中 **l** 出现两次，但目标第一次要 **l**、"
        "第二次要 **o**，只有隐藏状态能区分它们。",
    ),
    "rnn_basics.source": ("Input string", "输入字符串"),
    "rnn_basics.target_input": ("Target string", "目标字符串"),
    "rnn_basics.vocabulary": (
        "Vocabulary (idx2char): {vocabulary} · x_data = {x} · y_data = {y}",
        "词表 (idx2char)：{vocabulary} · x_data = {x} · y_data = {y}",
    ),
    "rnn_basics.error_empty": ("Type both an input and a target string: neither may be empty.", "请同时输入输入串和目标串：两者都不能为空。"),
    "rnn_basics.error_long": (
        "The strings may have at most {limit} characters (input: {source}, target: {target}).",
        "字符串最多 {limit} 个字符（输入：{source}，目标：{target}）。",
    ),
    "rnn_basics.error_lengths": (
        "The input and the target need the same length, one target character per input character "
        "(input: {source}, target: {target}).",
        "输入串和目标串的长度必须相同，每个输入字符对应一个目标字符（输入：{source}，目标：{target}）。",
    ),
    "rnn_basics.variant": ("Model", "模型"),
    "rnn_basics.variant.rnncell": ("RNNCell, unrolled by hand", "RNNCell，手动展开"),
    "rnn_basics.variant.rnn": ("nn.RNN", "nn.RNN"),
    "rnn_basics.variant.embedding": ("Embedding + RNN + Linear", "Embedding + RNN + Linear"),
    "rnn_basics.variant.lstm": ("nn.LSTM + Linear", "nn.LSTM + Linear"),
    "rnn_basics.variant.gru": ("nn.GRU + Linear", "nn.GRU + Linear"),
    "rnn_basics.variant.rnncell.about": (
        "The course's first version: a loop feeds one character at a time to `RNNCell(input_size, hidden_size)`, "
        "input (batch, input_size), hidden (batch, hidden_size); the loss is **summed** over the steps.",
        "课程的第一个版本：循环把字符一个个送入 `RNNCell(input_size, hidden_size)`，输入 (batch, input_size)，"
        "隐藏状态 (batch, hidden_size)；损失在各时间步上**求和**。",
    ),
    "rnn_basics.variant.rnn.about": (
        "`nn.RNN` takes the whole sequence, input (seq, batch, input_size), h0 (num_layers, batch, hidden_size), and "
        "returns out = h1…hn, viewed to (seq·batch, hidden_size) for `CrossEntropyLoss`.",
        "`nn.RNN` 一次接收整个序列，输入 (seq, batch, input_size)，h0 (num_layers, batch, hidden_size)，"
        "返回 out = h1…hn，再 view 成 (seq·batch, hidden_size) 交给 `CrossEntropyLoss`。",
    ),
    "rnn_basics.variant.embedding.about": (
        "Characters go in as indices: `nn.Embedding` turns each into a dense vector of 10 numbers (instead of a one-hot "
        "vector), `nn.RNN` reads them, and `nn.Linear` maps each hidden state to the vocabulary.",
        "字符以索引输入：`nn.Embedding` 把每个字符变成 10 维稠密向量（而不是独热向量），`nn.RNN` 读入它们，"
        "`nn.Linear` 把每个隐藏状态映射到词表。",
    ),
    "rnn_basics.variant.lstm.about": (
        "`nn.LSTM` adds a cell state c and three gates (input, forget, output) that decide what to keep; a "
        "`nn.Linear` layer reads the hidden state.",
        "`nn.LSTM` 增加了细胞状态 c 和三个门（输入门、遗忘门、输出门）来决定保留什么；由 `nn.Linear` 读出隐藏状态。",
    ),
    "rnn_basics.variant.gru.about": (
        "`nn.GRU` has two gates (reset, update) and no separate cell state: lighter than the LSTM; a `nn.Linear` layer "
        "reads the hidden state.",
        "`nn.GRU` 只有两个门（重置门、更新门），没有单独的细胞状态，比 LSTM 更轻；由 `nn.Linear` 读出隐藏状态。",
    ),
    "rnn_basics.hidden_is_scores": (
        "Hidden size = vocabulary size = **{size}**: in the course's model the hidden state itself is the class scores.",
        "隐藏层大小 = 词表大小 = **{size}**：在课程的模型中，隐藏状态本身就是各类别的分数。",
    ),
    "rnn_basics.hidden_size": ("Hidden size", "隐藏层大小"),
    "rnn_basics.layers": ("Layers (num_layers)", "层数 (num_layers)"),
    "rnn_basics.one_cell": ("One cell, applied at every step (num_layers = 1).", "一个单元，在每个时间步重复使用（num_layers = 1）。"),
    "rnn_basics.predicted": ("Predicted string", "预测的字符串"),
    "rnn_basics.correct": ("Right", "正确"),
    "rnn_basics.table_title": ("Predicted string per epoch (target: {target})", "每轮预测的字符串（目标：{target}）"),
    "rnn_basics.step": ("Time step: input → target", "时间步：输入 → 目标"),
    "rnn_basics.hidden_title": ("Hidden state h_t at each step (epoch {epoch})", "每个时间步的隐藏状态 h_t（第 {epoch} 轮）"),
    "rnn_basics.softmax_title": ("softmax over the vocabulary at each step (epoch {epoch})", "每个时间步在词表上的 softmax（第 {epoch} 轮）"),
    "rnn_basics.character": ("Character", "字符"),
    "rnn_basics.target": ("target", "目标"),
    "rnn_basics.learned": (
        "{variant} predicts **{target}**; it first got the whole string right in epoch {epoch}.",
        "{variant} 预测出了 **{target}**；它在第 {epoch} 轮第一次完全预测正确。",
    ),
    "rnn_basics.not_learned": (
        "{variant} ends at **{predicted}**, not **{target}**. Some initial weights get stuck (often on the two l's) — "
        "try another random seed in the sidebar, more epochs, or another model.",
        "{variant} 最终预测为 **{predicted}**，而不是 **{target}**。有些初始权重会卡住（常常卡在两个 l 上）——"
        "试试侧边栏里另一个随机种子、更多轮数，或者换一个模型。",
    ),
    "rnn_basics.shapes": (
        "**Shapes, as in the course:** `RNNCell` input (batch, input_size), hidden (batch, hidden_size); `RNN` input "
        "(seq, batch, input_size), hidden (num_layers, batch, hidden_size), output (seq, batch, hidden_size). "
        "Here seq = length of the string, batch = 1.",
        "**形状（与课程一致）：** `RNNCell` 输入 (batch, input_size)，隐藏状态 (batch, hidden_size)；`RNN` 输入 "
        "(seq, batch, input_size)，隐藏状态 (num_layers, batch, hidden_size)，输出 (seq, batch, hidden_size)。"
        "这里 seq = 字符串长度，batch = 1。",
    ),
    # lecture 13 · names
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
}
