"""How much watching costs: the same training with and without the live page drawing it.

Trains lecture 6's logistic regression (10,000 full-batch epochs, about 0.2 ms each)
several times each way, alternating, on the CPU:
  - live: the real page at full speed, in headless Chromium against `streamlit run` (the
    browser on the same machine); its run trains in a worker thread while the page's fragment
    redraws the charts from the run's record four times a second.  The time is the one the
    page reports ("Finished 10000 epochs in 1.9 s");
  - bare: the same Trainer with no page, in this process.
Prints the best and median seconds of each way and the median ratio of back-to-back pairs
(target: at most 1.05).  With --apptest the page runs in Streamlit's AppTest instead, rerun
whole every 0.25 s (a pessimistic stand-in for the fragment), and the share spent drawing.

    python bench/live_overhead.py [--epochs 10000] [--repeats 5] [--apptest] [--quick]

--quick (CI: the benchmark still runs) trains 300 epochs once each way.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dlcore.engine.devices import set_training_threads  # noqa: E402
from dlcore.lectures.regression.model import LogisticRegressionModel, hours_passed  # noqa: E402
from dlcore.engine.training import Trainer, full_batch, make_optimizer, supervised_step  # noqa: E402
from dlcore.ui.state import PageState  # noqa: E402

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


def watch(at, page_key: str, poll: float = POLL_SECONDS) -> tuple[float, int]:
    """Redraw the page every `poll` seconds until its run stops training: (seconds spent drawing, redraws)."""
    run, drawing, redraws = PageState(page_key, at.session_state).run, 0.0, 0
    while run.busy:
        time.sleep(poll)
        started = time.perf_counter()
        at.run()
        drawing += time.perf_counter() - started
        redraws += 1
    return drawing, redraws


def live_in_apptest(epochs: int) -> tuple[float, int, float]:
    """(training seconds, epochs done, share of the run spent drawing) of the lecture-6 page in AppTest."""
    from streamlit.testing.v1 import AppTest

    quiet_apptest()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    at.switch_page("pages/logistic_regression.py").run()
    at.slider(key="logistic_regression:epochs").set_value(epochs).run()
    at.select_slider(key="logistic_regression:speed").set_value(0).run()  # as fast as possible
    at.button(key="logistic_regression:train").click().run()
    assert not at.exception, at.exception
    drawing, _ = watch(at, "logistic_regression")
    run = PageState("logistic_regression", at.session_state).run
    assert run.trainer.outcome.kind == "finished", run.trainer.outcome
    return run.trainer.seconds, run.epochs_done, drawing / run.trainer.seconds


def in_browser(epochs: int) -> tuple[float, int, float]:
    """(training seconds, epochs done, nan) of the lecture-6 page in Chromium against a real server."""
    from sessions import settled, train_in_browser

    def at_full_speed(tab):
        label = tab.get_by_test_id("stWidgetLabel").get_by_text("Speed", exact=True)  # the live run's own slider
        tab.get_by_test_id("stSlider").filter(has=label).get_by_role("slider").focus()
        tab.keyboard.press("Home")  # as fast as possible
        settled(tab)

    done, seconds = train_in_browser(f"logistic_regression?epochs={epochs}", at_full_speed)
    assert done == epochs, f"set {epochs} epochs, the page ran {done}"
    return seconds, done, float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--apptest", action="store_true", help="the page in AppTest instead of a browser")
    parser.add_argument("--quick", action="store_true", help="300 epochs, once each way (seconds: for CI)")
    args = parser.parse_args()
    if args.quick:
        args.epochs, args.repeats = 300, 1
    live = live_in_apptest if args.apptest else in_browser
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
    if args.apptest:
        print(f"drawing       : {100 * statistics.median(drawing_shares):.1f} % of a live run's time (median), "
              f"on the other core while the worker trains")


if __name__ == "__main__":
    main()
