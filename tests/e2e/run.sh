#!/bin/bash
# The moderator page in headless Chromium (make e2e). Needs chromium,
# chromium-driver and python3-selenium: scripts/deps.sh e2e.
# usage: tests/e2e/run.sh path/to/decorum
set -euo pipefail
# Debian's python3, where python3-selenium lives, even when another python3
# (pyenv, a venv) comes first in PATH.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" "$(dirname "$0")/moderator.py" "$1"
