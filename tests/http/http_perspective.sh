#!/bin/bash
# The Perspective-compatible routes against the real binary on 127.0.0.1.
# usage: http_perspective.sh path/to/decorum
set -euo pipefail
exec python3 "$(dirname "$0")/perspective.py" "$1"
