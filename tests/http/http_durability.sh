#!/bin/bash
# SIGKILL under load, restart, and every acknowledged comment is there.
# usage: http_durability.sh path/to/decorum
set -euo pipefail
exec python3 "$(dirname "$0")/durability.py" "$1"
