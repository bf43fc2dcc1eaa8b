#!/bin/bash
# CONTENT checks: the service carries a smart engine's judgement through
# (attacks score high and wait in the queue, contrasts pass). They fail on
# a stub engine, so they run only when asked: DECORUM_CONTENT_TESTS=1.
# usage: http_content.sh path/to/decorum
set -euo pipefail
if [ "${DECORUM_CONTENT_TESTS:-0}" != "1" ]; then
  echo "content checks skipped: set DECORUM_CONTENT_TESTS=1 to run them"
  exit 0
fi
exec python3 "$(dirname "$0")/content.py" "$1"
