"""Make the home page's preview pictures: each lecture's first live chart after a short run, in Chromium.

    python scripts/previews.py [lecture key ...]     (all lectures by default; needs playwright and /usr/bin/chromium; data in $DL_CLASSROOM_DATA)

Writes static/previews/<lecture key>.png (360×250).
"""
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dlcore.lectures import LECTURES  # noqa: E402

OUT = ROOT / "static" / "previews"
WIDTH, HEIGHT = 360, 250
SHORT = {"softmax": "epochs=2", "cnn": "train_size=2000&epochs=2",
         "advanced_cnn": "train_size=10000&epochs=1", "names": "epochs=1", "logistic_regression": "epochs=300&lr=0.05"}
"""Link settings that keep a preview's run short."""
CHART = {"linear_regression": "The data and the fitted line", "logistic_regression": "Probability of passing",
         "softmax": "Test images", "cnn": "conv1:", "advanced_cnn": "Test images", "names": "Confusion matrix"}
"""The chart a lecture's picture shows (a words of its title), when not its first one."""


def main() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                               "--server.port", str(port), "--server.address", "127.0.0.1"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync"])
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            for lecture in LECTURES:
                if not lecture.built or (sys.argv[1:] and lecture.key not in sys.argv[1:]):
                    continue
                path = Path(lecture.page).stem
                query = SHORT.get(lecture.key, "")
                tab.goto(f"http://127.0.0.1:{port}/{path}?autorun=1&{query}")
                chart = tab.get_by_test_id("stPlotlyChart").filter(has_text=CHART.get(lecture.key, "")).first
                chart.wait_for(timeout=120_000)
                done = tab.get_by_test_id("stAlertContentSuccess").or_(tab.get_by_test_id("stAlertContentError"))
                try:
                    done.first.wait_for(timeout=180_000)
                except Exception:  # a page with no run (convolution arithmetic) shows its charts at once
                    pass
                tab.wait_for_timeout(1500)
                picture = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
                picture = picture.resize((WIDTH, round(picture.height * WIDTH / picture.width)), Image.LANCZOS)
                card = Image.new("RGB", (WIDTH, HEIGHT), "white")  # every card's picture the same size:
                card.paste(picture.crop((0, 0, WIDTH, min(HEIGHT, picture.height))))  # the top of a tall chart
                picture = card
                picture.save(OUT / f"{lecture.key}.png", optimize=True)
                print(lecture.key, picture.size, (OUT / f"{lecture.key}.png").stat().st_size, "bytes", flush=True)
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    os.environ.setdefault("DL_CLASSROOM_DATA", str(ROOT.parent / "shared" / "data"))
    main()
