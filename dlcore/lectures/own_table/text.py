"""Your own table: a CSV or a table scikit-learn ships, through lecture 7's network."""
STRINGS = {
    "own_table.title": ("Your own data · a table through lecture 7's network", "你自己的数据 · 用第 7 讲的网络学一张表"),
    "own_table.intro": (
        "Lecture 7's network, `Linear(F, 6) → Linear(6, 4) → Linear(4, out)`, for any table: each row a sample, "
        "each column a feature, one column the label. Upload a CSV of your own (the label in the last column, as the "
        "notes have it; a header row is fine) or start with one of the small tables scikit-learn ships. The page "
        "guesses from the label whether to predict a **class** (cross-entropy, accuracy) or a **quantity** "
        "(mean squared error, R²), standardises every feature with the training rows' mean and spread, and keeps "
        "a fifth of the rows aside to validate on.",
        "把第 7 讲的网络 `Linear(F, 6) → Linear(6, 4) → Linear(4, out)` 用在任意一张表上：每行一个样本，每列一个特征，"
        "其中一列是标签。上传你自己的 CSV（标签在最后一列，与讲义一致；可以有表头行），或者先用 scikit-learn 自带的小数据表。"
        "页面根据标签猜测是预测**类别**（交叉熵，准确率）还是预测**数值**（均方误差，R²），用训练行的均值和标准差把每个特征"
        "标准化，并留出五分之一的行做验证。",
    ),
    "own_table.source": ("Table", "数据表"),
    "own_table.source.breast_cancer": ("Breast cancer (569 × 30, two classes)", "乳腺癌（569 × 30，两类）"),
    "own_table.source.wine": ("Wine (178 × 13, three cultivars)", "葡萄酒（178 × 13，三个品种）"),
    "own_table.source.iris": ("Iris (150 × 4, three species)", "鸢尾花（150 × 4，三个品种）"),
    "own_table.source.diabetes_progression": ("Diabetes progression (442 × 10, a quantity)",
                                          "糖尿病进展（442 × 10，一个数值）"),
    "own_table.source.upload": ("My own CSV file…", "我自己的 CSV 文件…"),
    "own_table.builtin": ("scikit-learn's `{name}` table", "scikit-learn 自带的 `{name}` 数据表"),
    "own_table.upload": ("Your CSV file", "你的 CSV 文件"),
    "own_table.upload_help": (
        "Comma-, semicolon- or tab-separated numbers, one sample a row, the label in the last column (another can be "
        "chosen below). Up to {limit} MB and 1,000 columns; labels may be words.",
        "用逗号、分号或制表符分隔的数字，每行一个样本，标签在最后一列（可在下方另选）。最大 {limit} MB、1,000 列；"
        "标签可以是文字。",
    ),
    "own_table.upload_first": ("Choose a CSV file above, or pick one of the tables scikit-learn ships.",
                           "请在上方选择一个 CSV 文件，或选用 scikit-learn 自带的数据表。"),
    "own_table.kept_file": ("📄 Using `{name}` ({size:,.1f} KB), uploaded before you left the page.",
                        "📄 仍在使用离开本页前上传的 `{name}`（{size:,.1f} KB）。"),
    "own_table.forget_file": ("Forget it", "移除"),
    "own_table.header": ("The first row holds the column names", "第一行是列名"),
    "own_table.header_help": ("Guessed from the file: a first row of words over columns of numbers.",
                          "根据文件猜测：第一行是文字，下面各列是数字。"),
    "own_table.label": ("Label column", "标签列"),
    "own_table.task": ("Predict", "预测"),
    "own_table.task.classification": ("a class (classification)", "类别（分类）"),
    "own_table.task.regression": ("a quantity (regression)", "数值（回归）"),
    "own_table.summary.classification": (
        "{rows} rows, {features} features → **{label}**: {classes} classes ({shares}). {train} rows to train on, "
        "{val} to validate on.",
        "{rows} 行，{features} 个特征 → **{label}**：{classes} 个类别（{shares}）。{train} 行用于训练，{val} 行用于验证。",
    ),
    "own_table.summary.regression": (
        "{rows} rows, {features} features → **{label}**: a quantity from {low:.4g} to {high:.4g} (mean {mean:.4g}). "
        "{train} rows to train on, {val} to validate on.",
        "{rows} 行，{features} 个特征 → **{label}**：取值从 {low:.4g} 到 {high:.4g} 的数值（均值 {mean:.4g}）。"
        "{train} 行用于训练，{val} 行用于验证。",
    ),
    "own_table.problem.empty": ("The file is empty: there is no row to read.", "文件是空的：没有可读的行。"),
    "own_table.last_good": ("The last table that could be read, `{name}`, is still shown below; its run is kept.",
                        "下面仍显示最后一个能读取的表格 `{name}`；它的训练结果也保留着。"),
    "own_table.read_as": ("Read as {encoding} text.", "按 {encoding} 编码读取。"),
    "own_table.note.empty_columns": ("Dropped {n} empty column(s) at the end of every line (a separator ending each line, "
                                 "as spreadsheets save).",
                                 "已删除每行末尾的 {n} 个空列（每行以分隔符结尾，电子表格常这样保存）。"),
    "own_table.note.decimal_comma": ("Read decimal commas as numbers (3,14 → 3.14) in: {columns}.",
                                 "已把小数逗号读作数字（3,14 → 3.14）：{columns}。"),
    "own_table.note.thousands": ("Read thousands separators as numbers (\"1,234.5\" → 1234.5) in: {columns}.",
                             "已把千位分隔符读作数字（\"1,234.5\" → 1234.5）：{columns}。"),
    "own_table.problem.not_csv": (
        "This is not a CSV file: it holds binary data (a spreadsheet workbook, a picture, a zip…). Save the table as "
        "CSV (comma-separated values) and upload that.",
        "这不是 CSV 文件：它包含二进制数据（电子表格工作簿、图片、压缩包……）。请把表格另存为 CSV（逗号分隔值）再上传。",
    ),
    "own_table.problem.not_csv_line": ("This is not a readable CSV file: line {line}: {error}.",
                                   "这不是可读的 CSV 文件：第 {line} 行：{error}。"),
    "own_table.problem.too_large": ("The file is {size:.1f} MB; the page takes files up to {limit} MB.",
                                "文件大小为 {size:.1f} MB；本页最多接受 {limit} MB 的文件。"),
    "own_table.problem.too_many_columns": (
        "The table has {columns:,} columns; the page takes at most {limit:,} (this network is for tables, not for "
        "images flattened into rows).",
        "这张表有 {columns:,} 列；本页最多接受 {limit:,} 列（这个网络用于表格数据，不适合展平成行的图像）。",
    ),
    "own_table.problem.one_column": (
        "The file has one column only: a table needs at least one feature and a label. If its values are separated "
        "by something other than a comma, semicolon or tab, save it again as CSV.",
        "文件只有一列：表格至少需要一个特征和一个标签。如果它的值用逗号、分号或制表符以外的符号分隔，请重新另存为 CSV。",
    ),
    "own_table.problem.ragged": ("Row {row} has {found} values where the first row has {expected}.",
                             "第 {row} 行有 {found} 个值，而第一行有 {expected} 个。"),
    "own_table.problem.too_few_rows": ("The table has {rows} rows of data; it needs at least {least} to train and "
                                   "validate on.", "这张表只有 {rows} 行数据；训练和验证至少需要 {least} 行。"),
    "own_table.problem.missing": (
        "Row {row}, column **{column}** has no value (and {more} more cells like it). Fill in or remove the rows with "
        "missing values, then upload the file again.",
        "第 {row} 行、**{column}** 列没有值（另有 {more} 个这样的单元格）。请补全或删除有缺失值的行后重新上传。",
    ),
    "own_table.problem.not_numeric": (
        "Row {row}, column **{column}** holds “{value}”, which is not a number (and {more} more cells like it). "
        "Features must be numbers; only the label may be words (predicting a class). Choose another label column, "
        "or turn the words into numbers.",
        "第 {row} 行、**{column}** 列的值是“{value}”，不是数字（另有 {more} 个这样的单元格）。特征必须是数字，只有标签可以是"
        "文字（预测类别）。请另选标签列，或把文字换成数字。",
    ),
    "own_table.problem.one_class": (
        "The label column **{column}** has one value only ({value}) in every row: there is nothing to learn. "
        "Choose another label column.",
        "标签列 **{column}** 每一行都是同一个值（{value}）：没有可学的东西。请另选标签列。",
    ),
    "own_table.problem.too_many_classes": (
        "The label column **{column}** has {classes} different values, too many classes (at most {limit}). "
        "Predict a quantity (regression) instead, or choose another label column.",
        "标签列 **{column}** 有 {classes} 个不同的值，类别太多（最多 {limit} 个）。请改为预测数值（回归），或另选标签列。",
    ),
    "own_table.loss_title": ("Loss per epoch", "每轮的损失"),
    "own_table.score_title.classification": ("Accuracy per epoch", "每轮的准确率"),
    "own_table.score_title.regression": ("R² per epoch (1: exact; 0: no better than the mean)",
                                     "每轮的 R²（1：完全准确；0：不比均值好）"),
    "own_table.score.classification": ("Accuracy", "准确率"),
    "own_table.score.regression": ("R²", "R²"),
    "own_table.reference.classification": ("one answer for every row:", "对每一行给同一个答案："),
    "own_table.reference.regression": ("always the mean:", "总是回答均值："),
    "own_table.train": ("training", "训练"),
    "own_table.validation": ("validation", "验证"),
    "own_table.result.classification": ("Validation accuracy **{score:.1%}** (one answer for every row: {reference:.1%}).",
                                    "验证准确率 **{score:.1%}**（对每一行给同一答案：{reference:.1%}）。"),
    "own_table.result.regression": (
        "Validation R² **{score:.3f}** (always answering the training mean: 0): the answers are off by "
        "{error:.3g} on average (root mean squared error, in the label's units).",
        "验证 R² **{score:.3f}**（总是回答训练集均值：0）：答案平均偏差 {error:.3g}（均方根误差，单位与标签相同）。",
    ),
    "own_table.one_class": (
        "**The network answers {answer} for every row.** Its validation accuracy, {accuracy:.1%}, is the share of "
        "that class: it has learned how common each class is, not which row is which. Train longer, or try ReLU, "
        "mini-batches or Adam (lecture 7's page shows the same on the diabetes table).",
        "**网络对每一行都回答 {answer}。**它的验证准确率 {accuracy:.1%} 就是这一类所占的比例：它只学会了各类有多常见，"
        "而没有学会区分每一行。请训练更久，或试试 ReLU、小批量或 Adam（第 7 讲的页面在糖尿病数据上展示了同样的现象）。",
    ),
    "own_table.confusion": ("Confusion matrix on the validation rows · accuracy {accuracy:.1f} %",
                        "验证行上的混淆矩阵 · 准确率 {accuracy:.1f} %"),
    "own_table.predicted_title": ("Validation rows: the network's answer against the true value",
                              "验证行：网络的答案与真实值"),
    "own_table.true": ("true {label}", "真实的 {label}"),
    "own_table.predicted": ("predicted {label}", "预测的 {label}"),
    "own_table.download": ("Download the predictions (CSV)", "下载预测结果（CSV）"),
    "own_table.download_help": ("Every row of the table with its split (training or validation) and the trained "
                            "network's answer.", "表中的每一行，附上它属于训练还是验证，以及训练好的网络给出的答案。"),
    "own_table.column.split": ("split", "划分"),
    "own_table.column.prediction": ("prediction", "预测"),
    "own_table.column.probability": ("probability", "概率"),
    "own_table.split.train": ("training", "训练"),
    "own_table.split.validation": ("validation", "验证"),
    "own_table.data_title": ("Look at the table", "先看看这张表"),
    "own_table.first_rows": ("The first rows, as read:", "读入的前几行："),
    "own_table.features_title": ("The features, standardised (mean 0, spread 1), by class",
                             "标准化后的特征（均值 0，标准差 1），按类别"),
    "own_table.feature": ("feature", "特征"),
    "own_table.standardised": ("standardised value", "标准化后的值"),
    "own_table.correlation_title": ("How each feature goes with {label} (correlation)", "每个特征与 {label} 的相关系数"),
    "own_table.correlation": ("correlation", "相关系数"),
    # its card and menu entry, its step on a student's path, its demos
    "lecture.own_table": ("Your own data", "你自己的数据"),
    "lecture.own_table.about": ("Your CSV, or scikit-learn's iris, wine or breast cancer, through lecture 7's network.",
                                "你的 CSV，或 scikit-learn 的鸢尾花、葡萄酒、乳腺癌数据，用第 7 讲的网络来学。"),
}
