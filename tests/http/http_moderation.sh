#!/bin/bash
# The native API, moderation queue, auth refusals and the Coral webhook
# against the real binary on 127.0.0.1.
# usage: http_moderation.sh path/to/decorum
set -euo pipefail
exec python3 "$(dirname "$0")/moderation.py" "$1"
