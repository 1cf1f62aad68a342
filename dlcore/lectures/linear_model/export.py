"""The standalone script of a run of lectures 2-3 (dlcore.export)."""
from dlcore.engine import training
from dlcore.export import Recipe
from dlcore.lectures.gradient_descent import model as gradient_descent
from dlcore.lectures.gradient_descent.export import HAND_WRITTEN


def recipe(variant: str | None = None) -> Recipe:
    return Recipe(
        "Lectures 2-3: gradient descent on y_hat = x * w", "lecture02_gradient_descent.py",
        (gradient_descent.course_data, gradient_descent.ScalarModel, gradient_descent.gradient_descent_step,
         gradient_descent.sample_batches, gradient_descent.forward, training.ManualRate),
        HAND_WRITTEN + """
    model = ScalarModel.starting_at(1.0, DEVICE)
    step = gradient_descent_step(model, rate)
    batches = sample_batches(x, y, MODE == "stochastic")
    evaluate = None

    def report():
        print(f"RESULT w {model.w.item():.6f}")
        print(f"RESULT predict(4) {forward(4.0, model.w.item()):.6f}")
""", ("MODE", "LR", "EPOCHS"), rate="rate")
