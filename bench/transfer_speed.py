"""The transfer page's last-layer-only training, one epoch of ResNet-18 (random weights: the timing is the same)
before and after precomputing: every photo through the whole frozen network, against the new last layer on the
features computed once.  One thread.

    DL_CLASSROOM_DATA=../shared/data python3 bench/transfer_speed.py [--size 224] [--quick]

--quick (CI: the benchmark still runs) reads the photos at 32 px.
"""
import argparse
import sys
import time
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dlcore.engine.metrics import predict as predictions  # noqa: E402
from dlcore.datasets.folders import find_hymenoptera  # noqa: E402
from dlcore.engine.training import make_optimizer, minibatches, supervised_step  # noqa: E402
from dlcore.lectures.transfer.model import features, head, split_images, transfer_network  # noqa: E402


def epoch(step, batches, evaluate) -> float:
    started = time.perf_counter()
    for batch in batches():
        step(batch)
    evaluate()
    return time.perf_counter() - started


def main(size: int, batch_size: int) -> None:
    torch.set_num_threads(1)
    folder = find_hymenoptera()
    started = time.perf_counter()
    (train_x, train_y), (val_x, _) = split_images(folder, "train", size), split_images(folder, "val", size)
    print(f"reading {len(train_y) + len(val_x)} photos at {size} px: {time.perf_counter() - started:.1f} s")
    model = transfer_network("resnet18", 2, None, "last")
    last = head(model, "resnet18")
    model.eval()  # BatchNorm keeps its statistics, as for the features
    whole = supervised_step(model, nn.CrossEntropyLoss(), make_optimizer("SGD", last.parameters(), 0.001, 0.9))
    before = epoch(whole, minibatches(train_x, train_y, batch_size), lambda: predictions(model, val_x))
    print(f"before: an epoch through the whole frozen network {before:.2f} s")
    started = time.perf_counter()
    train_f, val_f = features(model, "resnet18", train_x), features(model, "resnet18", val_x)
    print(f"features of both splits, once: {time.perf_counter() - started:.2f} s")
    on_features = supervised_step(last, nn.CrossEntropyLoss(), make_optimizer("SGD", last.parameters(), 0.001, 0.9))
    after = epoch(on_features, minibatches(train_f, train_y, batch_size), lambda: predictions(last, val_f))
    print(f"after: an epoch of the last layer on the features {1000 * after:.1f} ms ({before / after:,.0f}x)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--quick", action="store_true", help="photos at 32 px (seconds: for CI)")
    args = parser.parse_args()
    main(32 if args.quick else args.size, args.batch_size)
