"""dlcore.lectures.own_table.model: a CSV of your own read with and without a header, each bad file named by its row or column,
the label's task guessed, features standardised on the training rows, the network learning a class and a quantity,
predictions for every row, and scikit-learn's bundled tables."""
import numpy as np
import pytest
import torch

from dlcore.lectures.own_table import model as tables
from dlcore.lectures.own_table.model import TableProblem, builtin_table, guess_task, predictions, prepare, read_csv, table_run


def csv_of(rows, header: str | None = None, delimiter: str = ",") -> bytes:
    lines = ([header] if header else []) + [delimiter.join(str(cell) for cell in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def two_blobs(n: int = 60, seed: int = 0):
    """Rows (a, b, label): label 1 where a + b > 0, far from the line."""
    generator = np.random.default_rng(seed)
    label = generator.integers(0, 2, n)
    ab = generator.normal(0, 0.5, (n, 2)) + np.where(label[:, None] == 1, 2.0, -2.0)
    return [(f"{a:.3f}", f"{b:.3f}", int(y)) for (a, b), y in zip(ab, label)]


def problem(data: bytes, label: str | None = None, task: str | None = None, header=None) -> TableProblem:
    with pytest.raises(TableProblem) as raised:
        table = read_csv(data, header=header)
        label = label or table.columns[-1]
        prepare(table, label, task or guess_task(table, label))
    return raised.value


def test_a_csv_with_a_header_row_names_its_columns_and_counts_rows_as_the_files_lines():
    table = read_csv(csv_of(two_blobs(), header="alcohol,acid,good"), "wine.csv")
    assert table.header and table.columns == ["alcohol", "acid", "good"] and table.name == "wine.csv"
    assert len(table.cells) == 60 and list(table.cells.index[:2]) == [2, 3]  # line 1 is the header


def test_a_csv_without_a_header_is_numbered_and_the_header_can_be_forced_either_way():
    rows = two_blobs()
    table = read_csv(csv_of(rows))
    assert not table.header and table.columns == ["x1", "x2", "x3"] and table.cells.index[0] == 1
    assert read_csv(csv_of(rows), header=True).columns == list(map(str, rows[0]))


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolons_and_tabs_separate_cells_too(delimiter):
    table = read_csv(csv_of(two_blobs(), header=delimiter.join(["a", "b", "y"]), delimiter=delimiter))
    assert table.columns == ["a", "b", "y"]


def test_a_spreadsheet_saved_on_a_chinese_system_is_read():
    text = "年龄,血压,结果\n" + "\n".join(f"{age},{age * 2},{age % 2}" for age in range(20, 40))
    table = read_csv(text.encode("gb18030"))
    assert table.columns == ["年龄", "血压", "结果"] and len(table.cells) == 20


def test_words_as_labels_are_classes_and_a_header_over_them_is_still_seen():
    rows = [(5.1 + i / 10, 3.5, "setosa" if i % 2 else "virginica") for i in range(20)]
    table = read_csv(csv_of(rows, header="length,width,species"))
    assert table.header and guess_task(table, "species") == "classification"
    assert tables.tasks(table, "species") == ("classification",)  # words cannot be a quantity
    assert prepare(table, "species", "classification").classes == ["setosa", "virginica"]


def test_the_task_is_guessed_from_the_label():
    table = read_csv(csv_of([(i, i % 3, i * 0.37, i) for i in range(40)], header="a,b,c,d"))
    assert guess_task(table, "b") == "classification"  # three whole numbers
    assert guess_task(table, "c") == "regression"  # fractions
    assert guess_task(table, "d") == "regression"  # forty whole numbers: a count, not classes
    assert tables.task_setting(table, "b").default == "classification" and tables.label_setting(table).default == "d"


@pytest.mark.parametrize("data, kind", [
    (b"", "empty"),
    (b"\n  \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not_csv"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "not_csv"),  # an Excel workbook is a zip
    (csv_of([(i,) for i in range(20)]), "one_column"),
    (csv_of([(1, 2)] * 5), "too_few_rows"),
])
def test_a_file_that_is_not_a_table_says_so(data, kind):
    assert problem(data).key == f"own_table.problem.{kind}"


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    found = problem(b"1,2\n" * (tables.UPLOAD_LIMIT_MB * 2**18 + 1))
    assert found.key == "own_table.problem.too_large" and found.values["limit"] == tables.UPLOAD_LIMIT_MB
    assert found.values["size"] > tables.UPLOAD_LIMIT_MB


def test_more_than_a_thousand_columns_is_refused():
    found = problem(csv_of([range(1001)] * 12))
    assert found.key == "own_table.problem.too_many_columns" and found.values["columns"] == 1001


def test_a_row_with_too_few_cells_is_named_by_its_line():
    rows = [(1, 2, 0)] * 12
    data = csv_of(rows[:4], header="a,b,y") + b"7,8\n" + csv_of(rows[4:])
    assert problem(data).values == {"row": 6, "found": 2, "expected": 3}


def test_a_word_among_the_features_is_named_by_row_and_column():
    rows = [list(row) for row in two_blobs()]
    rows[3][1] = "high"
    rows[9][1] = "low"
    found = problem(csv_of(rows, header="a,b,y"))
    assert found.key == "own_table.problem.not_numeric"
    assert found.values == {"row": 5, "column": "b", "value": "high", "more": 1}  # line 5: header + 4th row


def test_a_missing_value_is_named_by_row_and_column():
    rows = [list(row) for row in two_blobs()]
    rows[2][0] = ""
    rows[7][2] = "NA"
    found = problem(csv_of(rows))
    assert found.key == "own_table.problem.missing" and found.values == {"row": 3, "column": "x1", "more": 0}
    assert problem(csv_of([rows[0]] * 3 + rows[3:])).values == {"row": 8, "column": "x3", "more": 0}


def test_a_label_with_one_class_or_with_too_many_is_refused():
    found = problem(csv_of([(i, i * 2, 1) for i in range(20)]))
    assert found.key == "own_table.problem.one_class" and found.values == {"column": "x3", "value": "1"}
    rows = [(i, i * 0.5) for i in range(80)]
    assert problem(csv_of(rows), task="classification").key == "own_table.problem.too_many_classes"
    assert problem(csv_of([(i, 2.5) for i in range(20)]), task="regression").key == "own_table.problem.one_class"


def test_features_are_standardised_with_the_training_rows_and_the_split_is_fixed():
    table = read_csv(csv_of([(i, 1000 + i * 10, 7, i % 2) for i in range(50)], header="a,b,constant,y"))
    data = prepare(table, "y", "classification")
    assert len(data.train) == 40 and len(data.val) == 10
    assert sorted(torch.cat([data.train, data.val]).tolist()) == list(range(50))
    assert torch.allclose(data.train_x[:, :2].mean(0), torch.zeros(2), atol=1e-5)
    assert torch.allclose(data.train_x[:, :2].std(0, unbiased=False), torch.ones(2), atol=1e-4)
    assert torch.equal(data.x[:, 2], torch.zeros(50))  # a constant column stays finite
    assert torch.equal(prepare(table, "y", "classification").val, data.val)  # the same split every time
    assert data.classes == ["0", "1"] and data.reference == max(data.val_y.float().mean(), 1 - data.val_y.float().mean())


def test_one_and_one_point_zero_are_one_class():
    table = read_csv(csv_of([(i, "1" if i % 3 else "1.0") for i in range(10)] + [(i, 2) for i in range(10)]))
    assert prepare(table, "x2", "classification").classes == ["1", "2"]


def trained(data, **changes):
    run = table_run(data, {**tables.NETWORK.defaults(), **changes}, "cpu", seed=0)
    run.trainer.fit()
    return run


def test_the_network_learns_two_classes_and_predicts_every_row():
    data = prepare(read_csv(csv_of(two_blobs(200), header="a,b,y"), "blobs.csv"), "y", "classification")
    run = trained(data, epochs=20)
    last = run.trainer.history.epochs[-1]
    assert last["val_score"] > 0.95 and last["classes"] == 2
    answers = predictions(run.model, data)
    assert list(answers.columns) == ["a", "b", "y", "split", "prediction", "probability"]
    assert len(answers) == 200 and (answers["split"] == "validation").sum() == 40
    right = (answers["prediction"] == answers["y"].astype(str)).mean()
    assert right > 0.95 and answers["probability"].between(0.5, 1).all()


def test_the_network_learns_a_quantity_and_answers_in_its_units():
    generator = np.random.default_rng(1)
    ab = generator.normal(size=(300, 2))
    rows = [(f"{a:.4f}", f"{b:.4f}", f"{500 + 40 * a - 25 * b + generator.normal():.3f}") for a, b in ab]
    data = prepare(read_csv(csv_of(rows, header="a,b,price")), "price", "regression")
    run = trained(data, epochs=60)
    assert run.trainer.history.epochs[-1]["val_score"] > 0.9  # R²
    answers = predictions(run.model, data)
    error = (answers["prediction"] - answers["price"].astype(float)).abs()
    assert error.median() < 10 and "probability" not in answers  # within a few units of prices around 500


@pytest.mark.parametrize("name, task, classes", [
    ("breast_cancer", "classification", ["benign", "malignant"]),
    ("wine", "classification", ["class_0", "class_1", "class_2"]),
    ("iris", "classification", ["setosa", "versicolor", "virginica"]),
    ("diabetes_progression", "regression", None),
])
def test_scikit_learns_bundled_tables_come_with_their_label_last(name, task, classes):
    table = builtin_table(name)
    label = table.columns[-1]
    assert guess_task(table, label) == task
    assert prepare(table, label, task).classes == classes
