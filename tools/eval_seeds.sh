#!/bin/sh
# Evaluates the whole engine (rules plus model) on every dev split in
# DATA_DIR with each MODEL, and prints per split the hate F1 and AUC of each
# model and their mean. `make eval-seeds` trains the models (one per seed,
# as `make model` trains) and calls this. Fails when any evaluation does.
#   tools/eval_seeds.sh DECORUM_BINARY DATA_DIR MODEL...
set -eu
[ $# -ge 3 ] || { echo "usage: $0 DECORUM_BINARY DATA_DIR MODEL..." >&2; exit 2; }
bin=$1
data=$2
shift 2
printf '%-20s %8s %8s   %s\n' split meanF1 meanAUC 'F1 per model'
for f in "$data"/*/dev.jsonl; do
  name=$(basename "$(dirname "$f")")
  rows=""
  for m in "$@"; do
    json=$("$bin" eval --data "$f" --model "$m" --json) ||
      { echo "$0: decorum eval failed on $f with $m" >&2; exit 1; }
    row=$(printf '%s' "$json" | python3 -c '
import json, sys
h = json.load(sys.stdin)["all"]["heads"]["hate"]
print(h["f1"], "-" if h["auc"] is None else h["auc"])
') || { echo "$0: unreadable eval output for $f with $m" >&2; exit 1; }
    rows="$rows$row
"
  done
  # AUC is "-" where a split has no hate rows: its mean is then "-" too.
  printf '%s' "$rows" | awk -v n="$name" -v want=$# '
    { f += $1; if ($2 != "-") { a += $2; na++ }; s = s sprintf(" %.4f", $1); k++ }
    END {
      if (k != want) exit 1
      printf "%-20s %8.4f %8s  %s\n", n, f / k, na ? sprintf("%.4f", a / na) : "-", s
    }'
done
