"""Lectures 2-3: the linear model y = x * w, its cost curve and gradient descent walking down it."""
from dlcore.engine.runs import Run
from dlcore.engine.settings import Setting, Settings, epochs, learning_rate
from dlcore.engine.spec import RunSpec
from dlcore.engine.training import ManualRate, Trainer
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.gradient_descent.model import ScalarModel, course_data, gradient_descent_step, sample_batches

LECTURE = Lecture(
    "2–3", "📉", "basics", order=10, path_step=1,
    preview=Preview("present=1", ("linear_model.cost_title",)),
    demos=(
        Demo("diverge", {"lr": "0.3"}),
    ))

SETTINGS = Settings(
    Setting("mode", "batch", "linear_model.mode", widget="select", options=("batch", "stochastic"),
            format="linear_model.mode"),
    learning_rate(0.01), epochs(100, high=1000))
PACE = 10  # steps a second: the course's 100 batch steps take 10 s on screen
START_W = 1.0


def build(spec: RunSpec) -> Run:
    x, y = course_data(spec.device)
    model = ScalarModel.starting_at(START_W, spec.device)
    rate = ManualRate(spec.values["lr"])
    batches = sample_batches(x, y, spec.values["mode"] == "stochastic")
    return Run(Trainer(gradient_descent_step(model, rate), batches, spec.values["epochs"], optimizer=rate),
               model=model, device=spec.device)
