"""Lecture 10's CNN trained two ways on the same machine, in one run.

  course: the course's script as written in seed 001 — a DataLoader over torchvision's
          MNIST with ToTensor + Normalize applied per sample, batch 64, SGD lr 0.01
          momentum 0.5, a test pass after every epoch;
  dlcore: the CNN page of this app in Streamlit's AppTest with its live charts on
          (loss, accuracy, test images, confusion matrix, feature maps, kernels):
          the whole set normalised once into tensors, batches sliced from them.

Prints seconds per epoch of each, their ratio, and test accuracy per epoch.  The
page runs twice: as the app trains by default (all cores but one, left for the
browser), and on all cores as the course's script does (DL_CLASSROOM_THREADS, for a
browser on another machine).  With --to-98 it also trains dlcore's CNN (no charts)
until it reaches 98 % on the 10,000 test images, and prints how long that took.

    DL_CLASSROOM_DATA=../shared/data python bench/cnn_speed.py [--epochs 2] [--to-98]
"""
import argparse
import os
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

from dlcore.data import data_dir  # noqa: E402
from dlcore.devices import THREADS_VARIABLE, set_training_threads  # noqa: E402
from live_overhead import _wait_quietly  # noqa: E402


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


def dlcore_page(epochs: int):
    """The CNN page with its live charts, in AppTest: (seconds per epoch, test accuracy per epoch, final accuracy, redraws)."""
    from streamlit.testing.v1 import AppTest, local_script_runner

    import dlcore.ui as ui

    local_script_runner.require_widgets_deltas = _wait_quietly
    redraws = []
    redraw = ui.LiveCharts.redraw
    ui.LiveCharts.redraw = lambda self: (redraws.append(1), redraw(self))[1]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=1800).run()
    at.switch_page("pages/cnn_basics.py").run()
    at.slider(key="cnn:course:epochs").set_value(epochs).run()
    at.button(key="cnn:course:train").click().run()
    assert not at.exception, at.exception
    run = at.session_state["run:cnn:course"]
    assert run.trainer.outcome.kind == "finished", run.trainer.outcome
    ui.LiveCharts.redraw = redraw
    view = run.extras["view"]
    return (run.trainer.seconds / epochs, run.trainer.history.series("test_acc"),
            view.accuracy(run.model, run.trainer), len(redraws))


def time_to_98() -> tuple[float, int, float]:
    from dlcore.classify import accuracy
    from dlcore.convnets import MODELS
    from dlcore.image_training import Settings, new_classifier
    from dlcore.images import load_images
    from dlcore.training import Callback

    set_training_threads()
    data = load_images("mnist", download=False)
    spec = MODELS["course"]
    settings = Settings(spec.lr, 30, spec.batch_size, spec.optimizer, spec.momentum)
    model, trainer, _ = new_classifier(spec.build, data, settings, "cpu", seed=0)
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
    parser.add_argument("--to-98", action="store_true", help="also time dlcore's CNN to 98 %% test accuracy")
    args = parser.parse_args()
    source = data_dir() / "MNIST"
    with tempfile.TemporaryDirectory() as root:  # torchvision extracts beside the .gz: work on a copy
        shutil.copytree(source, Path(root) / "MNIST")
        threads = torch.get_num_threads()
        course_seconds, course_accuracy = course_script(root, args.epochs)
    course = sum(course_seconds) / len(course_seconds)
    print(f"course script : {course:6.2f} s/epoch on {threads} threads  "
          f"test accuracy per epoch {[f'{100 * a:.2f}' for a in course_accuracy]}")
    for every_core in (False, True):  # the app's default, then as many threads as the course script
        if every_core:
            os.environ[THREADS_VARIABLE] = str(threads)
        page_seconds, page_accuracy, page_final, redraws = dlcore_page(args.epochs)
        page_threads = set_training_threads()  # what the page set in its own thread
        print(f"dlcore + live : {page_seconds:6.2f} s/epoch on {page_threads} thread(s), {redraws} redraws  "
              f"test accuracy per epoch (2,000 images) {[f'{100 * a:.2f}' for a in page_accuracy]}, "
              f"final on 10,000: {100 * page_final:.2f}  -> speed-up {course / page_seconds:.2f}x (target >= 4)")
    os.environ.pop(THREADS_VARIABLE, None)
    if args.to_98:
        seconds, epochs, reached = time_to_98()
        print(f"to 98 %       : {seconds:.1f} s, {epochs} epochs (test accuracy {100 * reached:.2f} %)")


if __name__ == "__main__":
    main()
