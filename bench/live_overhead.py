"""How much watching costs: the same training with and without the live charts.

Trains lecture 6's logistic regression (10,000 full-batch epochs, about 0.5 ms each)
several times each way, alternating, on the CPU:
  - live: the real page in Streamlit's AppTest, charts redrawn through dlcore.ui.LiveCharts;
  - bare: the same Trainer with no callbacks.
Prints the best and the median seconds of each way, their ratios, the median ratio of each
live run to the bare run just before it (target: at most 1.05), and the share of the live runs
spent redrawing.  On a shared machine single runs vary by a third; pairs run back to back, and
the time measured inside the redraws, are the steadier numbers.

    python bench/live_overhead.py [--epochs 10000] [--repeats 5]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dlcore.devices import set_training_threads  # noqa: E402
from dlcore.regression import LogisticRegressionModel, hours_passed, make_optimizer  # noqa: E402
from dlcore.training import Trainer, full_batch, supervised_step  # noqa: E402


def bare(epochs: int) -> float:
    set_training_threads()  # as the page does
    torch.manual_seed(0)
    model = LogisticRegressionModel()
    x, y = hours_passed()
    step = supervised_step(model, torch.nn.BCELoss(reduction="sum"), make_optimizer("SGD", model.parameters(), 0.01))
    trainer = Trainer(step, full_batch(x, y), epochs)
    trainer.fit()
    return trainer.seconds


def _wait_quietly(runner, timeout: float = 3) -> None:
    """AppTest waits for the script by waking every millisecond, which takes the GIL from the training
    thread a thousand times a second (a real server does not); wait on the thread instead."""
    runner._script_thread.join(timeout)
    if not runner.script_stopped():
        raise TimeoutError(f"the script ran past {timeout} s")


def live(epochs: int) -> tuple[float, int, float]:
    """(seconds, epochs done, seconds spent redrawing) of the lecture-6 page trained in AppTest."""
    from streamlit.testing.v1 import AppTest, local_script_runner

    import dlcore.ui as ui

    local_script_runner.require_widgets_deltas = _wait_quietly
    drawing = []
    redraw = ui.LiveCharts.redraw

    def timed_redraw(self):
        started = time.perf_counter()
        redraw(self)
        drawing.append(time.perf_counter() - started)

    ui.LiveCharts.redraw = timed_redraw

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    at.switch_page("pages/logistic_regression.py").run()
    at.slider(key="logistic:epochs").set_value(epochs).run()
    at.button(key="logistic:train").click().run()
    assert not at.exception, at.exception
    ui.LiveCharts.redraw = redraw
    run = at.session_state["run:logistic"]
    assert run.trainer.outcome.kind == "finished"
    return run.trainer.seconds, len(run.trainer.history.epochs), sum(drawing)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    bare_times, live_times, drawing_shares = [], [], []
    for _ in range(args.repeats):
        bare_times.append(bare(args.epochs))
        seconds, done, drawing = live(args.epochs)
        assert done == args.epochs
        live_times.append(seconds)
        drawing_shares.append(drawing / seconds)
    for name, times in (("bare training", bare_times), ("live charts", live_times)):
        print(f"{name:14}: best {min(times):.3f} s, median {statistics.median(times):.3f} s  "
              f"(runs: {', '.join(f'{t:.3f}' for t in times)})")
    print(f"overhead ratio: best {min(live_times) / min(bare_times):.3f}, "
          f"median {statistics.median(live_times) / statistics.median(bare_times):.3f}")
    pairs = [live / bare for live, bare in zip(live_times, bare_times)]
    print(f"pairs         : median live/bare {statistics.median(pairs):.3f}  (target <= 1.05; "
          f"pairs: {', '.join(f'{r:.2f}' for r in pairs)})")
    print(f"redrawing     : {100 * statistics.median(drawing_shares):.1f} % of a live run (median)")


if __name__ == "__main__":
    main()
