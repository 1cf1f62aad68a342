"""The standalone script of a run of the optimizers on a loss surface (dlcore.export)."""
from dlcore.export import Recipe
from dlcore.lectures.optimizers import model
from dlcore.lectures.optimizers.lecture import SURFACE
from dlcore.lectures.optimizers.model import OPTIMIZERS, Walk


def recipe(variant: str | None = None) -> Recipe:
    """The surface is the page's variant; each optimizer walks when its box is ticked, at its own rate."""
    switches = tuple(name.upper() for name in OPTIMIZERS)
    chosen = ", ".join(f'"{name}": ({name.upper()}, LR_{name.upper()})' for name in OPTIMIZERS)
    return Recipe(
        "Lecture 5: optimizers on a loss surface", "lecture05_optimizers.py",
        (Walk, (model, "SURFACES"), (model, "OPTIMIZERS")),
        f"""
    chosen = {{{chosen}}}  # (walks, rate)
    rates = {{name: rate for name, (walks, rate) in chosen.items() if walks}}
    walk = Walk(SURFACES[SURFACE], rates, (X0, Y0))
    model, step, evaluate = walk.walkers, walk.step, walk.evaluate

    def batches():
        return [None]  # one step of every optimizer is one epoch of the page's run

    def report():
        for name, path in walk.paths.items():
            print(f"RESULT {{name}} {{path[-1][0]:.6f}},{{path[-1][1]:.6f}}")
""", ("SURFACE", "X0", "Y0", "EPOCHS", *switches, *(f"LR_{name}" for name in switches)),
        rate="", fixed={"SURFACE": variant or SURFACE.default})
