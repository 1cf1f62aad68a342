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
    # its card and menu entry, its step on a student's path, its demos
    "lecture.rnn_basics": ("RNN basics: hello → ohlol", "RNN 基础：hello → ohlol"),
    "lecture.rnn_basics.about": ("RNNCell, RNN, LSTM and GRU learning to turn one string into another.", "RNNCell、RNN、LSTM 与 GRU 学习把一个字符串变成另一个。"),
    "app.path.rnn_basics": ("sequences: a hidden state carried from step to step", "序列：在时间步之间传递的隐藏状态"),
    "app.demo.gru": ("Lecture 12 · the GRU learns ohlol", "第 12 讲 · GRU 学会 ohlol"),
    "app.demo.gru.help": (
        "nn.GRU on the course's hello → ohlol: the predicted string per epoch turns into ohlol (first all right in "
        "epoch 10).",
        "nn.GRU 学习课程的 hello → ohlol：每轮预测的字符串逐渐变成 ohlol（第 10 轮首次五个字母全对）。",
    ),
}
