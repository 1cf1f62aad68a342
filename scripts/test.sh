#!/usr/bin/env bash
# Set everything up on a fresh machine and run all tests (dlcore, every page in AppTest, the browser, the install).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v zip >/dev/null || ! command -v haproxy >/dev/null; then
  apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei zip haproxy >/dev/null
fi
# The packages go into the project's .venv (the README's first command makes it) when it exists or when python3
# refuses packages outside a virtual environment (PEP 668: Debian's, Ubuntu's, Homebrew's); else into python3.
python=python3
if [ -d .venv ] || python3 -c 'import pathlib, sys, sysconfig
sys.exit(sys.prefix != sys.base_prefix or not pathlib.Path(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED").exists())'
then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  python=.venv/bin/python
fi
"$python" -m pip install -q -r requirements-dev.txt
"$python" -m pytest "$@"
