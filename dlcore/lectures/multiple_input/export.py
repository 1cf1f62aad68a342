"""The standalone script of a run of lecture 7 (dlcore.export)."""
from dlcore.engine import training
from dlcore.export import OPTIMIZER_USES, Recipe
from dlcore.lectures.multiple_input import model as diabetes


def recipe(variant: str | None = None) -> Recipe:
    return Recipe(
        "Lecture 7: eight features in, one probability out (the diabetes table)", "lecture07_diabetes.py",
        (diabetes.read_table, diabetes.split, diabetes.DiabetesNet, diabetes.evaluator, training.full_batch,
         training.minibatches, *OPTIMIZER_USES),
        """
    data = split(*read_table(options.data / "diabetes.csv.gz")).to(DEVICE)
    torch.manual_seed(SEED)
    model = DiabetesNet(ACTIVATION1, ACTIVATION2).to(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.BCELoss(), optimizer)
    if BATCH_SIZE == 0:  # the whole training table at once, as the notes do
        batches = full_batch(data.train_x, data.train_y)
    else:
        batches = minibatches(data.train_x, data.train_y, BATCH_SIZE, generator=torch.Generator().manual_seed(SEED))
    evaluate = evaluator(model, data)  # validation loss, train and validation accuracy, classes answered

    def report():
        print(f"RESULT val_acc {history[-1]['val_acc']:.6f}")
""", ("ACTIVATION1", "ACTIVATION2", "OPTIMIZER", "LR", "EPOCHS", "BATCH_SIZE"))
