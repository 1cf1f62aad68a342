"""What drawing the playground costs: the decision regions (a 100 × 100 grid through the network), the first
layer's units, the loss and accuracy charts, each redraw as Streamlit sends it (the figures as JSON).

  - per redraw: the milliseconds the page's draw() and Plotly's JSON take for a frame of a training run;
  - share: that cost at the page's redraw rate (at most four a second, fewer when drawing is slow: see
    dlcore.ui.live.redraw_period), as a share of one core;
  - live/bare: the same training in the real page in Chromium ("Finished N epochs in X s") against a bare
    Trainer in this process.

    python bench/playground_drawing.py [--epochs 300] [--repeats 3] [--no-browser] [--quick]

--quick (CI: the benchmark still runs) trains 30 epochs, once each way.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dlcore.engine import figures
from dlcore.lectures.playground import figures as playground_figures  # noqa: E402
from dlcore.engine.devices import set_training_threads  # noqa: E402
from dlcore.lectures.playground.model import SETTINGS, first_layer_units, playground_run, regions  # noqa: E402
from dlcore.ui.live import REDRAW_SECONDS, redraw_period  # noqa: E402

SETUP = {"dataset": "spiral", "classes": 3, "points": 1000, "hidden": "16, 16, 16", "activation": "ReLU",
         "optimizer": "Adam", "lr": 0.01}
"""A setup with a lot to draw: three classes, 16 units in the first layer."""


def charts(frame) -> list:
    """The page's charts for a frame (pages/playground.py's draw, without the texts)."""
    data, history = frame.extras["data"], frame.history
    axis, probabilities = regions(frame.model, data.chosen)
    names = [f"class {k}" for k in range(data.classes)]
    return [playground_figures.decision_regions(axis, probabilities, data, names),
            figures.lines("loss", "epoch", "loss", {"train": history.series("loss"),
                                                    "test": history.series("test_loss")}),
            playground_figures.first_layer(first_layer_units(frame.model, data.chosen)),
            figures.lines("accuracy", "epoch", "accuracy", {"train": history.series("train_acc"),
                                                            "test": history.series("test_acc")})]


def redraw_ms(epochs: int, redraws: int = 20) -> float:
    """The median milliseconds of one redraw (frame, figures, JSON) while a run trains in its worker."""
    run = playground_run({**SETTINGS.defaults(), **SETUP, "epochs": epochs}, "cpu", seed=14)
    run.start()
    times = []
    while run.busy and len(times) < redraws:
        time.sleep(REDRAW_SECONDS)
        started = time.perf_counter()
        for figure in charts(run.frame()):
            figure.to_json()
        times.append(1000 * (time.perf_counter() - started))
    run.stop()
    run.join(10)
    return statistics.median(times)


def bare(epochs: int) -> float:
    run = playground_run({**SETTINGS.defaults(), **SETUP, "epochs": epochs}, "cpu", seed=14)
    run.trainer.fit()
    return run.trainer.seconds


def in_browser(epochs: int) -> float:
    """The training seconds the real page reports for the same setup, trained and drawn in Chromium."""
    from urllib.parse import urlencode

    from sessions import train_in_browser

    done, seconds = train_in_browser(f"playground?{urlencode({**SETUP, 'epochs': epochs})}")
    assert done == epochs, f"set {epochs} epochs, the page ran {done}"
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="only the cost of a redraw")
    parser.add_argument("--quick", action="store_true", help="30 epochs, once each way (seconds: for CI)")
    args = parser.parse_args()
    if args.quick:
        args.epochs, args.repeats = 30, 1
    set_training_threads()  # as the app does
    cost = redraw_ms(args.epochs, 5 if args.quick else 20)
    period = redraw_period(cost / 1000)  # as the page paces it, alone on its server
    rate = 1 / period
    print(f"a redraw      : {cost:.1f} ms (regions 100 x 100, units, two line charts, as JSON); "
          f"{rate:.1f} redraws/s -> {cost * rate / 10:.1f} % of one core")
    if args.no_browser:
        return
    pairs = []
    for _ in range(args.repeats):
        alone, live = bare(args.epochs), in_browser(args.epochs)
        pairs.append(live / alone)
        print(f"bare {alone:.2f} s, live page {live:.2f} s -> {live / alone:.2f}")
    print(f"live/bare     : median {statistics.median(pairs):.2f} over {args.repeats} pairs")


if __name__ == "__main__":
    main()
