"""The standalone scripts of lecture 5's runs, the course's points and d2l's data (dlcore.export)."""
from dlcore.engine import training
from dlcore.export import OPTIMIZER_USES, Recipe
from dlcore.lectures.regression import model as regression


def recipe(variant: str | None = None) -> Recipe:
    if variant == "course":
        return Recipe(
        "Lecture 5: linear regression with nn.Linear", "lecture05_linear_regression.py",
        (regression.course_points, regression.LinearModel, regression.predict, training.full_batch, *OPTIMIZER_USES),
        """
    torch.manual_seed(SEED)
    x, y = course_points(DEVICE)
    model = LinearModel(x.shape[1]).to(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.MSELoss(reduction="sum"), optimizer)
    batches = full_batch(x, y)
    evaluate = None

    def report():
        print(f"RESULT w {model.linear.weight.item():.6f}")
        print(f"RESULT b {model.linear.bias.item():.6f}")
        print(f"RESULT predict(4) {predict(model, [4.0])[0]:.6f}")
""", ("LR", "EPOCHS", "OPTIMIZER"))
    return Recipe(
        "Lecture 5: linear regression on d2l's synthetic data", "lecture05_linear_regression_d2l.py",
        (regression.synthetic_data, regression.LinearModel, training.minibatches, *OPTIMIZER_USES),
        """
    torch.manual_seed(SEED)
    x, y = synthetic_data(D2L_TRUE_W, D2L_TRUE_B, generator=torch.Generator().manual_seed(SEED))
    x, y = x.to(DEVICE), y.to(DEVICE)
    model = LinearModel(x.shape[1]).to(DEVICE)
    optimizer = make_optimizer(OPTIMIZER, model.parameters(), LR)
    step = supervised_step(model, nn.MSELoss(), optimizer)
    batches = minibatches(x, y, BATCH_SIZE, torch.Generator().manual_seed(SEED))
    evaluate = None

    def report():
        for name, value in zip(["w1", "w2"], model.linear.weight.flatten().tolist()):
            print(f"RESULT {name} {value:.6f}")
        print(f"RESULT b {model.linear.bias.item():.6f}")
""", ("LR", "EPOCHS", "OPTIMIZER", "BATCH_SIZE", "D2L_TRUE_W", "D2L_TRUE_B"),
        fixed={"D2L_TRUE_W": regression.D2L_TRUE_W, "D2L_TRUE_B": regression.D2L_TRUE_B})
