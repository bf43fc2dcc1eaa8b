#!/bin/bash
# Body limits, slow clients, the connection cap, concurrency, metrics and
# the SIGTERM drain, against the real binary on 127.0.0.1.
# usage: http_robust.sh path/to/decorum
set -euo pipefail
exec python3 "$(dirname "$0")/robust.py" "$1"
