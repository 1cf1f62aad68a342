"""The standalone script of a run of lecture 4 (dlcore.export)."""
from dlcore.engine import training
from dlcore.export import Recipe
from dlcore.lectures.gradient_descent import model as gradient_descent
from dlcore.lectures.gradient_descent.export import HAND_WRITTEN


def recipe(variant: str | None = None) -> Recipe:
    return Recipe(
        "Lecture 4: back-propagation with autograd", "lecture04_backprop.py",
        (gradient_descent.course_data, gradient_descent.autograd_step, gradient_descent.AutogradRecord,
         gradient_descent.sample_batches, gradient_descent.forward, training.ManualRate),
        HAND_WRITTEN + """
    model = w = torch.tensor([1.0], device=DEVICE, requires_grad=True)
    records = []  # what every step saw: the sample, w, its gradient, the loss
    step = autograd_step(w, rate, records)
    batches = sample_batches(x, y, stochastic=True)
    evaluate = None

    def report():
        print(f"RESULT w {w.item():.6f}")
        print(f"RESULT predict(4) {forward(4.0, w.item()):.6f}")
""", ("LR", "EPOCHS"), rate="rate")
