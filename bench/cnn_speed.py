"""Lecture 10's CNN: the live page against a bare tensor loop, and the course's own script, on one machine.

  bare:   the same model (channels-last on the CPU) and the same batches (64, sliced from the data set
          already in tensors), SGD lr 0.01 momentum 0.5: a plain PyTorch loop, nothing else;
  page:   the CNN page of this app in Streamlit's AppTest, at full speed: its run trains in a worker thread,
          measures its accuracy after each epoch, and the page is drawn from the run's record (loss,
          accuracy, test images, confusion matrix, feature maps, kernels) as often as the browser's fragment
          would (every 0.25 s, or less often when drawing is slow; here the whole page is rerun, which costs
          more than the fragment alone);
  course: (with --course) seed 001's script as written: a DataLoader over torchvision's MNIST.

Prints seconds per epoch and the page/bare ratio (target at most 1.15), all at the thread count the app
uses (all cores but one).  With --to-98 it also trains the CNN until 98 % on the 10,000 test images.

    DL_CLASSROOM_DATA=../shared/data python bench/cnn_speed.py [--epochs 2] [--course] [--to-98] [--quick]

--quick (CI: the benchmark still runs) trains one epoch on the first 2,000 training images.
"""
import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import optim
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dlcore.engine.data import data_dir  # noqa: E402
from dlcore.engine.devices import set_training_threads  # noqa: E402
from dlcore.engine.executors import RAY_ENV, ray_address  # noqa: E402
from dlcore.ui.state import PageState  # noqa: E402
from live_overhead import quiet_apptest  # noqa: E402


def course_script(mnist_root: str, epochs: int) -> tuple[list[float], list[float]]:
    """Seed 001's CNN script, kept as written (its prints aside): seconds and test accuracy per epoch."""
    batch_size = 64
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_dataset = datasets.MNIST(root=mnist_root, train=True, download=True, transform=transform)
    train_loader = DataLoader(train_dataset, shuffle=True, batch_size=batch_size)
    test_dataset = datasets.MNIST(root=mnist_root, train=False, download=True, transform=transform)
    test_loader = DataLoader(test_dataset, shuffle=False, batch_size=batch_size)

    class Net(torch.nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv1 = torch.nn.Conv2d(1, 10, kernel_size=5)
            self.conv2 = torch.nn.Conv2d(10, 20, kernel_size=5)
            self.pooling = torch.nn.MaxPool2d(2)
            self.fc = torch.nn.Linear(320, 10)

        def forward(self, x):
            batch_size = x.size(0)
            x = F.relu(self.pooling(self.conv1(x)))
            x = F.relu(self.pooling(self.conv2(x)))
            x = x.view(batch_size, -1)
            x = self.fc(x)
            return x

    torch.manual_seed(0)
    model = Net()
    device = torch.device("cpu")
    model.to(device)
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5)

    def train(epoch):
        running_loss = 0.0
        for batch_idx, data in enumerate(train_loader, 0):
            inputs, target = data
            inputs, target = inputs.to(device), target.to(device)
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = criterion(outputs, target)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()

    def test():
        correct = 0
        total = 0
        with torch.no_grad():
            for data in test_loader:
                images, labels = data
                images, labels = images.to(device), labels.to(device)
                outputs = model(images)
                _, predicted = torch.max(outputs.data, dim=1)
                total += labels.size(0)
                correct += (predicted == labels).sum().item()
        return correct / total

    seconds, accuracies = [], []
    for epoch in range(epochs):
        start = time.perf_counter()
        train(epoch)
        accuracies.append(test())
        seconds.append(time.perf_counter() - start)
    return seconds, accuracies


def bare_loop(epochs: int, train_size: int = 0) -> float:
    """Seconds per epoch of the page's model and batches in a plain loop."""
    from dlcore.lectures.cnn_basics.model import MODELS
    from dlcore.lectures.classifiers.training import seeded_model, training_batches
    from dlcore.datasets.images import load_images

    set_training_threads()
    data = load_images("mnist", download=False)
    model = seeded_model(MODELS["course"].build, "cpu", seed=0)
    optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5)
    criterion = torch.nn.CrossEntropyLoss()
    batches = training_batches(data, 64, train_size, seed=0)
    started = time.perf_counter()
    for _ in range(epochs):
        for inputs, targets in batches():
            loss = criterion(model(inputs), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return (time.perf_counter() - started) / epochs


def dlcore_page(epochs: int, train_size: int = 0):
    """The CNN page in AppTest, drawn while it trains: (seconds per epoch, test accuracy per epoch, redraws, drawing)."""
    from streamlit.testing.v1 import AppTest

    from dlcore.ui.live import redraw_period

    quiet_apptest()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    at.switch_page("pages/cnn_basics.py").run()
    at.slider(key="cnn_basics:course:epochs").set_value(epochs).run()
    at.selectbox(key="cnn_basics:course:train_size").set_value(train_size).run()
    at.select_slider(key="cnn_basics:course:speed").set_value(0).run()
    at.button(key="cnn_basics:course:train").click().run()
    assert not at.exception, at.exception
    run = PageState("cnn_basics:course", at.session_state).run
    redraws, drawing, cost = 0, 0.0, 0.0
    while run.busy:
        time.sleep(redraw_period(cost))
        started = time.perf_counter()
        at.run()
        cost = time.perf_counter() - started
        drawing += cost
        redraws += 1
    assert run.trainer.outcome.kind == "finished", run.trainer.outcome
    return run.trainer.seconds / epochs, run.trainer.history.series("test_acc"), redraws, drawing


def responsiveness(train_size: int = 0) -> dict:
    """Seconds the server takes to answer Train (the run started and its first charts drawn), Pause and Stop
    (the worker let go and the page drawn), and from Train to the page drawn with the run's first batch, for the
    first run and for the next one (on Ray: on a new worker, then on the first run's), on the CNN page with the data
    cached: the browser adds its drawing."""
    from streamlit.testing.v1 import AppTest

    quiet_apptest()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    at.switch_page("pages/cnn_basics.py").run()
    at.selectbox(key="cnn_basics:course:train_size").set_value(train_size).run()
    at.slider(key="cnn_basics:course:epochs").set_value(100).run()  # still training when Pause and Stop come
    timings = {}

    def timed(name: str, button: str) -> None:
        started = time.perf_counter()
        at.button(key=f"cnn_basics:course:{button}").click().run()
        timings[name] = time.perf_counter() - started
        assert not at.exception, at.exception

    def first_batch(name: str) -> None:
        started = time.perf_counter()
        at.button(key="cnn_basics:course:train").click().run()
        run = PageState("cnn_basics:course", at.session_state).run
        while run.state == "waiting" or not run.trainer.history.batch_loss:  # looking at a Ray run pulls it
            time.sleep(0.01)
        at.run()
        timings[name] = time.perf_counter() - started

    first_batch("Train → first batch drawn")
    timed("Stop → stopped and drawn", "stop")
    first_batch("Train again → first batch")
    timed("Train → first charts drawn", "train")
    time.sleep(2 if train_size == 0 else 0.5)
    timed("Pause → paused and drawn", "pause")
    assert PageState("cnn_basics:course", at.session_state).run.state == "paused"
    timed("Resume", "pause")
    time.sleep(1 if train_size == 0 else 0.2)
    timed("Stop → stopped and drawn", "stop")
    assert PageState("cnn_basics:course", at.session_state).run.state == "stopped"
    return timings


def time_to_98() -> tuple[float, int, float]:
    from dlcore.engine.metrics import accuracy
    from dlcore.lectures.cnn_basics.model import MODELS
    from dlcore.lectures.classifiers.training import new_classifier
    from dlcore.datasets.images import load_images
    from dlcore.engine.training import Callback

    set_training_threads()
    data = load_images("mnist", download=False)
    spec = MODELS["course"]
    model, trainer, _ = new_classifier(spec.build, data, {**spec.settings.defaults(), "epochs": 30}, "cpu", seed=0)
    reached = []

    class StopAt98(Callback):
        def on_epoch_end(self, trainer):
            test = accuracy(model, data.test_x, data.test_y)
            if test >= 0.98:
                reached.append((time.perf_counter() - start, trainer.epoch, test))
                trainer.request_stop()

    trainer.callbacks.append(StopAt98())
    start = time.perf_counter()
    trainer.fit()
    return reached[0] if reached else (float("nan"), trainer.epoch, accuracy(model, data.test_x, data.test_y))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--course", action="store_true", help="also time the course's script (seed 001)")
    parser.add_argument("--to-98", action="store_true", help="also time the CNN to 98 %% test accuracy")
    parser.add_argument("--quick", action="store_true", help="one epoch of 2,000 images (seconds: for CI)")
    args = parser.parse_args()
    train_size = 2000 if args.quick else 0
    if args.quick:
        args.epochs = 1
    threads = set_training_threads()
    print(f"runs train in : {f'Ray ({RAY_ENV}={ray_address()})' if ray_address() else 'threads of the server'}")
    bare = bare_loop(args.epochs, train_size)
    print(f"bare loop     : {bare:6.2f} s/epoch on {threads} thread(s)")
    page, page_accuracy, redraws, drawing = dlcore_page(args.epochs, train_size)
    print(f"live page     : {page:6.2f} s/epoch on {threads} thread(s), {redraws} redraws taking {drawing:.1f} s "
          f"(test accuracy per epoch on 2,000 images {[f'{100 * a:.2f}' for a in page_accuracy]})")
    print(f"page / bare   : {page / bare:.2f}  (target <= 1.15)")
    for name, seconds in responsiveness(train_size).items():
        print(f"{name:27}: {seconds:.2f} s on the server (targets: Train 1 s, Pause and Stop 0.5 s)")
    if args.course:
        with tempfile.TemporaryDirectory() as root:  # torchvision extracts beside the .gz: work on a copy
            shutil.copytree(data_dir() / "MNIST", Path(root) / "MNIST")
            seconds, accuracies = course_script(root, args.epochs)
        course = sum(seconds) / len(seconds)
        print(f"course script : {course:6.2f} s/epoch  test accuracy per epoch {[f'{100 * a:.2f}' for a in accuracies]}"
              f"  -> the page is {course / page:.2f}x faster")
    if args.to_98:
        seconds, epochs, reached = time_to_98()
        print(f"to 98 %       : {seconds:.1f} s, {epochs} epochs (test accuracy {100 * reached:.2f} %)")


if __name__ == "__main__":
    main()
