#!/usr/bin/env bash
# Set everything up on a fresh machine and run all tests (dlcore, every page in AppTest, the browser).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v zip >/dev/null; then
  apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei zip >/dev/null
fi
python3 -m pip install -q -r requirements-dev.txt
python3 -m pytest "$@"
