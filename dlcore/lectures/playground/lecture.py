"""The playground (lectures 6-9): TensorFlow Playground's 2-D classifier with real PyTorch."""
from dlcore.engine.runs import Run
from dlcore.engine.spec import RunSpec
from dlcore.lectures import Demo, Lecture, Preview
from dlcore.lectures.playground.model import SETTINGS, playground_run

LECTURE = Lecture(
    "6–9", "🛝", "pytorch", order=110,
    preview=Preview("dataset=spiral&points=1000&hidden=16,16,16&activation=ReLU&optimizer=Adam&lr=0.01&epochs=60",
                    ("playground.regions_title",)),
    demos=(
        Demo("spiral", {"dataset": "spiral", "points": "1000", "hidden": "16, 16, 16", "activation": "ReLU",
                        "optimizer": "Adam", "lr": "0.01", "epochs": "40"}),
    ))

__all__ = ["LECTURE", "SETTINGS", "build"]


def build(spec: RunSpec) -> Run:
    """The data set and the network the settings describe (SetupProblem: what cannot be built)."""
    return playground_run(spec.values, spec.device, spec.seed)
