#!/bin/sh
# Evaluates the engine on every dev split in ../shared/data, rules alone
# against rules plus the built-in model, and prints one table.
#   tools/eval_all.sh [DECORUM_BINARY] [DATA_DIR]
set -eu
bin=${1:-build/decorum}
data=${2:-../shared/data}
printf '%-20s %-12s %6s %6s %6s %6s\n' split engine acc hateF1 macroF1 AUC
for f in "$data"/*/dev.jsonl; do
  name=$(basename "$(dirname "$f")")
  for mode in rules rules+model; do
    flag=""
    [ "$mode" = rules ] && flag=--no-model
    # shellcheck disable=SC2086
    "$bin" eval --data "$f" $flag --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
h = d["all"]["heads"]["hate"]; v = d["all"]["heads"]["verdict"]
f = lambda x: "%6s" % "-" if x is None else "%6.3f" % x
print("%-20s %-12s %s %s %s %s" % (sys.argv[1], sys.argv[2], f(v["accuracy"]), f(h["f1"]), f(h["macro_f1"]), f(h["auc"])))
' "$name" "$mode"
  done
done
