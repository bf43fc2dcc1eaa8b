#!/usr/bin/env bash
# cli_train.sh: `decorum train` end to end. Usage: cli_train.sh DECORUM_BINARY
#
# Trains small models on rows written here (no dataset is read) and checks
# what the command promises: the same rows and seed give the same file; a
# model it writes is one `score --model` loads and that separates the rows
# it learned; --fit-only rows are learned from and never calibrated on, and
# --fit-weight changes how much they weigh; bad options and inputs exit
# non-zero with a message and write no model.
set -u
BIN=${1:?usage: cli_train.sh DECORUM_BINARY}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# 400 rows of two kinds with words of their own ("zorbleck" hate rows,
# "quillon" benign ones) so a tiny model learns them in a few epochs; rows
# 300-399 carry source "mine" for --fit-only. The raw scores separate the
# classes outright, the case where Platt's full Newton step once overshot
# to a negative slope and the model scored the benign rows as hate and the
# hate rows as benign (session 55): the score check below catches that.
#
# mixed.jsonl is the same but for the hate rows among "mine", which say the
# benign rows' words: how far the model moves those words toward hate is
# what --fit-weight lets them teach against the other rows. They hold no
# number, since every hate row's number is even and the model would learn
# the last digit instead. (A word only weighted rows hold would not show the
# weight: AdaGrad divides each weight's steps by its own gradients' size,
# so a constant weight on every row that holds a feature cancels out.)
python3 - "$T/rows.jsonl" "$T/mixed.jsonl" <<'EOF'
import json, sys
for path, mixed in ((sys.argv[1], False), (sys.argv[2], True)):
    with open(path, 'w') as f:
        for i in range(400):
            hate = i % 2 == 0
            words = ('zorbleck grumvat' if hate else 'quillon petravine')
            row = {'id': 'r%d' % i,
                   'text': '%s number %d said %s' % (words, i, words),
                   'label': 'hate' if hate else 'none'}
            if i >= 300:
                row['source'] = 'mine'
                if hate and mixed:
                    row['text'] = 'quillon petravine said quillon petravine'
            f.write(json.dumps(row) + '\n')
        f.write('not json\n')
        f.write('{"text": "no label"}\n')
EOF
train() { "$BIN" train --quiet --buckets 2^12 --epochs 3 --data "$T/rows.jsonl" "$@"; }
train_mixed() { "$BIN" train --quiet --buckets 2^12 --epochs 3 --data "$T/mixed.jsonl" "$@"; }

train --out "$T/a.model" 2>"$T/a.err" || fail "train exited $?: $(cat "$T/a.err")"
train --out "$T/b.model" 2>/dev/null
if cmp -s "$T/a.model" "$T/b.model"; then
  ok "the same rows and seed give a byte-identical model"
else
  fail "two runs on the same rows differ"
fi
if grep -q "400 training rows" "$T/a.err" && grep -q "2 unreadable" "$T/a.err"; then
  ok "the report counts 400 rows and the 2 unreadable lines"
else
  fail "report: $(head -1 "$T/a.err")"
fi

# The model it wrote loads and tells the two kinds apart.
printf '%s\n' '{"id":"h","text":"zorbleck grumvat"}' \
  '{"id":"b","text":"quillon petravine"}' >"$T/two.jsonl"
if "$BIN" score -j 1 --no-progress --model "$T/a.model" "$T/two.jsonl" \
  >"$T/two.out" 2>"$T/two.err"; then
  python3 - "$T/two.out" <<'EOF' && ok "score --model: the learned hate words score above the benign ones" \
    || fail "score --model: $(cat "$T/two.out")"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
h, b = (x['attributes']['IDENTITY_ATTACK'] for x in r)
assert h > b + 0.3 and r[0]['hateful'] and not r[1]['hateful'], (h, b)
EOF
else
  fail "score --model exited $?: $(cat "$T/two.err")"
fi

# --fit-only: source "mine" leaves the calibration set, whatever its weight.
train_mixed --out "$T/f1.model" --fit-only mine 2>"$T/f1.err"
train_mixed --out "$T/f2.model" --fit-only mine --fit-weight 0.05 2>"$T/f2.err"
cal() { sed -n 's/.*(\([0-9]*\) fit, \([0-9]*\) calibration).*/\1 \2/p' "$1"; }
read -r fit_all cal_all <<<"$(cal "$T/a.err")"
read -r fit_f1 cal_f1 <<<"$(cal "$T/f1.err")"
read -r fit_f2 cal_f2 <<<"$(cal "$T/f2.err")"
if [ "${cal_f1:-x}" -lt "${cal_all:-0}" ] 2>/dev/null &&
  [ $((fit_f1 + cal_f1)) -eq $((fit_all + cal_all)) ] &&
  [ "$cal_f1" = "$cal_f2" ]; then
  ok "--fit-only: calibration rows $cal_all -> $cal_f1, none lost"
else
  fail "--fit-only: fit/calibration $fit_all/$cal_all -> $fit_f1/$cal_f1, $fit_f2/$cal_f2"
fi
# --fit-weight: the benign words the fit-only rows call hate score lower when
# those rows weigh less; the same at both weights would mean the option is
# not read, higher that it works backwards.
printf '%s\n' '{"id":"v","text":"quillon petravine"}' >"$T/v.jsonl"
vscore() {
  "$BIN" score -j 1 --no-progress --model "$1" "$T/v.jsonl" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["attributes"]["IDENTITY_ATTACK"])'
}
v1=$(vscore "$T/f1.model")
v2=$(vscore "$T/f2.model")
if python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if a > b + 0.01 else 1)" "$v1" "$v2"; then
  ok "--fit-weight 0.05: the words the fit-only rows call hate score $v1 -> $v2"
else
  fail "--fit-weight 0.05: the words the fit-only rows call hate score $v1 -> $v2 (want lower)"
fi

# Bad options and inputs: non-zero, a message, no model written.
expect_refused() { # WANT_RC WHAT ARGS...
  local want=$1 what=$2
  shift 2
  rm -f "$T/bad.model"
  "$BIN" train --quiet --out "$T/bad.model" "$@" >/dev/null 2>"$T/bad.err"
  local rc=$?
  if [ "$rc" -eq "$want" ] && [ -s "$T/bad.err" ] && [ ! -e "$T/bad.model" ]; then
    ok "$what: exit $rc, $(head -1 "$T/bad.err")"
  else
    fail "$what: exit $rc (want $want), model written: $([ -e "$T/bad.model" ] && echo yes || echo no)"
  fi
}
expect_refused 2 "--fit-weight 0" --data "$T/rows.jsonl" --fit-only mine --fit-weight 0
expect_refused 2 "--fit-weight abc" --data "$T/rows.jsonl" --fit-weight abc
expect_refused 2 "--epochs 0" --data "$T/rows.jsonl" --epochs 0
expect_refused 2 "an unknown option" --data "$T/rows.jsonl" --frobnicate 1
expect_refused 1 "a missing data file" --data "$T/nope.jsonl"
printf 'not json\n\n' >"$T/junk.jsonl"
expect_refused 1 "no readable row" --data "$T/junk.jsonl"

if [ "$fails" -ne 0 ]; then
  echo "$fails check(s) failed" >&2
  exit 1
fi
echo "all train checks passed"
