#!/bin/sh
# Evaluates the whole engine (rules plus model) on every dev split in
# DATA_DIR with each MODEL, and prints per split the hate F1 and AUC of each
# model and their mean. `make eval-seeds` trains the models (one per seed,
# as `make model` trains) and calls this.
#   tools/eval_seeds.sh DECORUM_BINARY DATA_DIR MODEL...
set -eu
[ $# -ge 3 ] || { echo "usage: $0 DECORUM_BINARY DATA_DIR MODEL..." >&2; exit 2; }
bin=$1
data=$2
shift 2
printf '%-20s %8s %8s   %s\n' split meanF1 meanAUC 'F1 per model'
for f in "$data"/*/dev.jsonl; do
  name=$(basename "$(dirname "$f")")
  for m in "$@"; do
    "$bin" eval --data "$f" --model "$m" --json 2>/dev/null | python3 -c '
import json, sys
h = json.load(sys.stdin)["all"]["heads"]["hate"]
print(h["f1"], "nan" if h["auc"] is None else h["auc"])
'
  done | awk -v n="$name" '
    { f += $1; a += $2; s = s sprintf(" %.4f", $1); k++ }
    END { printf "%-20s %8.4f %8.4f  %s\n", n, f / k, a / k, s }'
done
