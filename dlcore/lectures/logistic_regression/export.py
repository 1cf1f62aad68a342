"""The standalone script of a run of lecture 6 (dlcore.export)."""
from dlcore.engine import training
from dlcore.export import OPTIMIZER_USES, Recipe
from dlcore.lectures.regression import model as regression


def recipe(variant: str | None = None) -> Recipe:
    return Recipe(
        "Lecture 6: logistic regression", "lecture06_logistic_regression.py",
        (regression.hours_passed, regression.LogisticRegressionModel, regression.decision_boundary,
         training.full_batch, *OPTIMIZER_USES),
        """
    torch.manual_seed(SEED)
    model = LogisticRegressionModel().to(DEVICE)
    x, y = hours_passed(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.BCELoss(reduction="sum"), optimizer)
    batches = full_batch(x, y)
    evaluate = None

    def report():
        print(f"RESULT boundary {decision_boundary(model):.6f}")
""", ("LR", "EPOCHS", "OPTIMIZER"))
