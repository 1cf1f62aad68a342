"""Peak memory of the app with MNIST and Fashion-MNIST cached (target: under 2 GB).

Runs lecture 9's page in Streamlit's AppTest, in this process, the way a user would:
open it, train the course's MLP on MNIST, switch the data set to Fashion-MNIST and
train again, so both sets end up cached as tensors.  Prints the peak resident set
size (resource.getrusage) and the size of the cached tensors.

    DL_CLASSROOM_DATA=/path/to/data python bench/memory.py [--train-size 2000] [--epochs 1] [--quick]

--quick (CI: the benchmark still runs) trains on MNIST only.
"""
import argparse
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dlcore.ui.state import PageState  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def tensor_mb(data) -> float:
    return sum(t.element_size() * t.nelement() for t in (data.train_x, data.train_y, data.test_x, data.test_y)) / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train-size", type=int, default=2000, choices=[0, 2000, 10000], help="0: all 60,000")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="MNIST only (seconds: for CI)")
    args = parser.parse_args()
    data_sets = ("mnist",) if args.quick else ("mnist", "fashion_mnist")

    from streamlit.testing.v1 import AppTest

    print(f"peak RSS before the app : {peak_rss_mb():7.0f} MB")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    at.switch_page("pages/softmax.py").run()
    at.selectbox(key="softmax:course:train_size").set_value(args.train_size).run()
    at.slider(key="softmax:course:epochs").set_value(args.epochs).run()
    for data_set in data_sets:
        at.selectbox(key="softmax:course:dataset").set_value(data_set).run()
        at.button(key="softmax:course:train").click().run()
        assert not at.exception, at.exception
        PageState("softmax:course", at.session_state).run.join()
        data = PageState("softmax:course", at.session_state).run.extras["view"].data
        assert data.name == data_set, f"{data_set} is not available here: {data.unavailable}"
        print(f"after training on {data_set:13s}: {peak_rss_mb():7.0f} MB peak  ({tensor_mb(data):.0f} MB of tensors cached)")
    peak = peak_rss_mb()
    print(f"peak RSS: {peak:.0f} MB ({'under' if peak < 2048 else 'OVER'} the 2 GB target)")


if __name__ == "__main__":
    main()
