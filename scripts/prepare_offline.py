"""Prepare a folder with everything the app may download, to start it where there is no network.

    .venv/bin/python scripts/prepare_offline.py FOLDER [--from SOURCE] [--only mnist names ...]

MNIST, Fashion-MNIST, CIFAR-10, the tutorial's surnames and ants/bees photos, the course's diabetes table and
ResNet-18's and VGG16's ImageNet weights (about 840 MB), in the layout the app reads. Each is kept when FOLDER has it,
else copied from SOURCE (another data folder) when that has it, else downloaded from its official source (resumed
where an interrupted run stopped; the diabetes table has no public download and comes only from SOURCE); then
checked (dlcore.offline). Run it again after a failure: what is done stays done. Then, in the classroom:

    DL_CLASSROOM_DATA=FOLDER DL_CLASSROOM_OFFLINE=1 .venv/bin/python -m streamlit run app.py
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dlcore.engine.data import OFFLINE_ENV  # noqa: E402
from dlcore.offline import items, prepare  # noqa: E402

BAR = 30


def progress_bar(name: str):
    """A progress callback drawing `name [#####.....] 52 %  5.1 / 9.9 MB` on stderr, at most ten times a second."""
    shown = 0.0

    def draw(done: int, total: int | None) -> None:
        nonlocal shown
        if time.monotonic() - shown < 0.1 and done != total:
            return
        shown = time.monotonic()
        fraction = done / total if total else 0.0
        filled = int(BAR * fraction)
        size = f"{done / 2**20:.1f} / {total / 2**20:.1f} MB" if total else f"{done / 2**20:.1f} MB"
        print(f"\r{name:<14} [{'#' * filled}{'.' * (BAR - filled)}] {100 * fraction:3.0f} %  {size}  ",
              end="\n" if done == total else "", file=sys.stderr, flush=True)

    return draw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the data folder to prepare (DL_CLASSROOM_DATA in the classroom)")
    parser.add_argument("--from", dest="source", type=Path, help="a data folder to copy from before downloading")
    parser.add_argument("--only", nargs="+", choices=[item.name for item in items()], help="prepare only these")
    options = parser.parse_args(argv)
    os.environ.pop(OFFLINE_ENV, None)  # this is the one command meant to download
    outcomes = prepare(options.folder, options.source, options.only, progress_for=progress_bar)
    print(file=sys.stderr)
    for outcome in outcomes:
        print(f"{outcome.name:<14} {outcome.status:<10} {outcome.path or outcome.error}")
    missing = [outcome.name for outcome in outcomes if outcome.status == "missing"]
    if missing:
        print(f"\nNot ready: {', '.join(missing)}. Run the command again, or give --from a folder that has them.")
        return 1
    print(f"\nReady. In the classroom: DL_CLASSROOM_DATA={options.folder} {OFFLINE_ENV}=1 "
          ".venv/bin/python -m streamlit run app.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
