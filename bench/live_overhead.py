"""How much watching costs: the same training with and without the live page drawing it.

Trains lecture 6's logistic regression (10,000 full-batch epochs, about 0.2 ms each)
several times each way, alternating, on the CPU:
  - live: the real page in Streamlit's AppTest at full speed; its run trains in a worker thread
    while the page is drawn from the run's record every 0.25 s (what the polling fragment does
    in a browser; here the whole page is rerun, which costs more than the fragment alone);
  - bare: the same Trainer with no page, in the calling thread.
Prints the best and median seconds of each way, the median ratio of back-to-back pairs
(target: at most 1.05), and the share of the live run's time the page spent drawing.

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
from dlcore.regression import LogisticRegressionModel, hours_passed  # noqa: E402
from dlcore.training import Trainer, full_batch, make_optimizer, supervised_step  # noqa: E402

POLL_SECONDS = 0.25


def bare(epochs: int) -> float:
    set_training_threads()  # as the page does
    torch.manual_seed(0)
    model = LogisticRegressionModel()
    x, y = hours_passed()
    optimizer = make_optimizer("SGD", model.parameters(), 0.01)
    trainer = Trainer(supervised_step(model, torch.nn.BCELoss(reduction="sum"), optimizer), full_batch(x, y), epochs)
    trainer.fit()
    return trainer.seconds


def quiet_apptest():
    """AppTest waits for a script run by waking every millisecond, which takes the GIL from the worker
    a thousand times a second (a real server does not): wait on the script thread instead."""
    from streamlit.testing.v1 import local_script_runner

    def wait(runner, timeout: float = 60) -> None:
        runner._script_thread.join(timeout)
        if not runner.script_stopped():
            raise TimeoutError(f"the script ran past {timeout} s")

    local_script_runner.require_widgets_deltas = wait


def watch(at, run_key: str, poll: float = POLL_SECONDS) -> tuple[float, int]:
    """Redraw the page every `poll` seconds until its run stops training: (seconds spent drawing, redraws)."""
    run, drawing, redraws = at.session_state[run_key], 0.0, 0
    while run.busy:
        time.sleep(poll)
        started = time.perf_counter()
        at.run()
        drawing += time.perf_counter() - started
        redraws += 1
    return drawing, redraws


def live(epochs: int) -> tuple[float, int, float]:
    """(training seconds, epochs done, share of the run spent drawing) of the lecture-6 page in AppTest."""
    from streamlit.testing.v1 import AppTest

    quiet_apptest()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    at.switch_page("pages/logistic_regression.py").run()
    at.slider(key="logistic:epochs").set_value(epochs).run()
    at.select_slider(key="logistic:speed").set_value(0).run()  # as fast as possible
    at.button(key="logistic:train").click().run()
    assert not at.exception, at.exception
    drawing, _ = watch(at, "run:logistic")
    run = at.session_state["run:logistic"]
    assert run.trainer.outcome.kind == "finished", run.trainer.outcome
    return run.trainer.seconds, run.epochs_done, drawing / run.trainer.seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    bare_times, live_times, drawing_shares = [], [], []
    for _ in range(args.repeats):
        bare_times.append(bare(args.epochs))
        seconds, done, share = live(args.epochs)
        assert done == args.epochs
        live_times.append(seconds)
        drawing_shares.append(share)
    for name, times in (("bare training", bare_times), ("live page", live_times)):
        print(f"{name:14}: best {min(times):.3f} s, median {statistics.median(times):.3f} s  "
              f"(runs: {', '.join(f'{t:.3f}' for t in times)})")
    pairs = [live / bare for live, bare in zip(live_times, bare_times)]
    print(f"pairs         : median live/bare {statistics.median(pairs):.3f}  (target <= 1.05; "
          f"pairs: {', '.join(f'{r:.2f}' for r in pairs)})")
    print(f"drawing       : {100 * statistics.median(drawing_shares):.1f} % of a live run's time (median), "
          f"on the other core while the worker trains")


if __name__ == "__main__":
    main()
