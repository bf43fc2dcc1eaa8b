#!/usr/bin/env bash
# cli_check.sh: `decorum check` end to end. Usage: cli_check.sh DECORUM_BINARY
# (DECORUM_SOURCE_DIR in the environment).
#
# Whatever the engine decides, the human output must agree with --json
# (verdict, scores, one line per span, brackets exactly around the spans),
# --json must agree with `decorum score`, and the text argument, stdin and
# "-" must be the same input.
set -u
BIN=${1:?usage: cli_check.sh DECORUM_BINARY}
SRC=${DECORUM_SOURCE_DIR:?DECORUM_SOURCE_DIR is not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
export NO_COLOR=   # colour is decided per test below

# --- argument, stdin and "-" ------------------------------------------------
"$BIN" check "You people should all go back where you came from" >"$T/arg.out"; rc=$?
[ $rc -eq 0 ] && ok "check TEXT exits 0" || fail "check TEXT: exit $rc"
printf 'You people should all go back where you came from\n' | "$BIN" check >"$T/stdin.out"
printf 'You people should all go back where you came from' | "$BIN" check - >"$T/dash.out"
cmp -s "$T/arg.out" "$T/stdin.out" && cmp -s "$T/arg.out" "$T/dash.out" \
  && ok "argument, stdin and '-' give the same output" || fail "argument/stdin/'-' outputs differ"
head -1 "$T/arg.out" | grep -Eq '^(allow|review|reject)  hateful: (yes|no)$' \
  && ok "first line: verdict and hateful" || fail "first line: $(head -1 "$T/arg.out")"
sed -n 2p "$T/arg.out" | grep -Eq '^TOXICITY [01]\.[0-9]{2}  SEVERE_TOXICITY [01]\.[0-9]{2}  IDENTITY_ATTACK [01]\.[0-9]{2}  INSULT [01]\.[0-9]{2}  PROFANITY [01]\.[0-9]{2}  THREAT [01]\.[0-9]{2}$' \
  && ok "second line: the six scores" || fail "second line: $(sed -n 2p "$T/arg.out")"
grep -q $'\033' "$T/arg.out" && fail "escape codes on a pipe" || ok "no colour on a pipe"

"$BIN" check "" >"$T/empty.out"; rc=$?
[ $rc -eq 0 ] && head -1 "$T/empty.out" | grep -q '^allow  hateful: no$' && grep -q '^no spans$' "$T/empty.out" \
  && ok "empty text: allow, no spans" || fail "empty text: exit $rc: $(cat "$T/empty.out")"

# --- human output agrees with --json, --json agrees with score ---------------
python3 - "$BIN" "$SRC/tests/data/seed-thread.jsonl" <<'EOF' && ok "human output, --json and score agree on every seed comment" || fail "check output inconsistent"
import json, subprocess, sys
binary, seed = sys.argv[1], sys.argv[2]
lines = [json.loads(l) for l in open(seed, encoding='utf-8')]
score = subprocess.run([binary, "score", "-j", "1", seed], capture_output=True,
                       check=True).stdout.decode().splitlines()
ATTRS = ["TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT",
         "PROFANITY", "THREAT"]
n_spans = 0
for src, sline in zip(lines, score):
    text = src["text"]
    js = subprocess.run([binary, "check", "--json", "--", text],
                        capture_output=True, check=True).stdout.decode()
    assert js.endswith("}\n") and js.count("\n") == 1, js
    j = json.loads(js)
    assert list(j.keys()) == ["verdict", "hateful", "attributes", "spans"]
    # score's line is {"id": ..., then the very same bytes.
    ident = json.dumps(src["id"], ensure_ascii=False)
    assert sline == '{"id": %s, %s' % (ident, js[1:-1]), (sline, js)
    h = subprocess.run([binary, "check", "--color", "never", "--", text],
                       capture_output=True, check=True).stdout.decode()
    out = h.split("\n")
    assert out[0] == "%s  hateful: %s" % (j["verdict"],
                                          "yes" if j["hateful"] else "no"), out[0]
    # Two decimals of the score; --json has four, so a value such as
    # 0.6150 may round either way: within half a hundredth is agreement.
    got = out[1].split("  ")
    assert [g.split(" ")[0] for g in got] == ATTRS, out[1]
    for g, a in zip(got, ATTRS):
        v = float(g.split(" ")[1])
        assert len(g.split(" ")[1]) == 4, g
        assert abs(v - j["attributes"][a]) <= 0.005 + 1e-6, (out[1], j["attributes"])
    assert out[2] == ""
    # The text, with brackets around each maximal run covered by spans.
    b = text.encode()
    cov = [False] * len(b)
    for sp in j["spans"]:
        for i in range(sp["begin"], sp["end"]):
            cov[i] = True
    marked = bytearray()
    for i, c in enumerate(b):
        if cov[i] and (i == 0 or not cov[i - 1]):
            marked += b"["
        marked += bytes([c])
        if c == 0x0a:
            marked += b"  "
        if cov[i] and (i + 1 == len(b) or not cov[i + 1]):
            marked += b"]"
    body = "\n".join(out[3:3 + text.count("\n") + 1])
    assert body == "  " + marked.decode(), (body, marked)
    rest = out[3 + text.count("\n") + 1:]
    assert rest[0] == "", rest
    span_lines = [l for l in rest[1:] if l]
    if not j["spans"]:
        assert span_lines == ["no spans"], span_lines
    else:
        assert len(span_lines) == len(j["spans"]), span_lines
        for sp, l in zip(j["spans"], span_lines):
            head = '  %d-%d  "' % (sp["begin"], sp["end"])
            assert l.startswith(head), (l, head)
            mid = '"  %s  %s%s  ' % (sp["attribute"], sp["signal"],
                                    " (mitigating)" if sp["mitigating"] else "")
            assert mid in l, (l, mid)
    n_spans += len(j["spans"])
print("%d comments, %d spans" % (len(lines), n_spans))
EOF

# --- context options ----------------------------------------------------------
"$BIN" check --parent "What do you think of the new arrivals?" --title "Migrants reach the border" \
  "They are invaders" >/dev/null; rc=$?
[ $rc -eq 0 ] && ok "--parent and --title accepted" || fail "--parent/--title: exit $rc"

# --- colour -------------------------------------------------------------------
"$BIN" check --color always "hello there" >"$T/color.out"
v=$(head -1 "$T/color.out" | sed 's/\x1b\[[0-9;]*m//g' | cut -d' ' -f1)
case $v in allow) c='1;32' ;; review) c='1;33' ;; *) c='1;31' ;; esac
head -1 "$T/color.out" | grep -q $'^\033\['"$c"'m'"$v"$'\033\\[0m' \
  && ok "--color always: the verdict in its colour" || fail "colour: $(head -1 "$T/color.out" | cat -v)"
NO_COLOR=1 "$BIN" check "hello there" | grep -q $'\033' && fail "NO_COLOR ignored" || ok "NO_COLOR honoured"

# --- untrusted text cannot drive the terminal ----------------------------------
"$BIN" check --color always $'a\033]0;pwned\007b\x7f\xc2\x9bc' >"$T/ctl.out"; rc=$?
# Our own colour codes removed (the engine may highlight a span there), what
# is left must be the escaped text and no raw control byte at all.
shown=$(sed -n 4p "$T/ctl.out" | sed 's/\x1b\[[0-9;]*m//g')
[ "$shown" = '  a\x1b]0;pwned\x07b\x7f\u009bc' ] && [ $rc -eq 0 ] \
  && ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1a\x1c-\x1f\x7f]\|\xc2[\x80-\x9f]' "$T/ctl.out" \
  && ok "control characters in the text are shown escaped" || fail "control characters: $(sed -n 4p "$T/ctl.out" | cat -v)"

# --- bad input: exit 1 with a message --------------------------------------------
"$BIN" check $'caf\xe9' >/dev/null 2>"$T/utf8.err"; rc=$?
[ $rc -eq 1 ] && grep -q "UTF-8" "$T/utf8.err" && ok "invalid UTF-8: exit 1" || fail "invalid UTF-8: exit $rc: $(cat "$T/utf8.err")"
printf 'ok\xff\n' | "$BIN" check >/dev/null 2>"$T/utf8b.err"; rc=$?
[ $rc -eq 1 ] && grep -q "UTF-8" "$T/utf8b.err" && ok "invalid UTF-8 on stdin: exit 1" || fail "stdin invalid UTF-8: exit $rc"
for n in 70000 5000000; do   # just past the engine's limit; far past it
  head -c $n /dev/zero | tr '\0' a | "$BIN" check >/dev/null 2>"$T/long.err"; rc=$?
  [ $rc -eq 1 ] && grep -q "limit" "$T/long.err" && ok "$n bytes on stdin: exit 1" \
    || fail "$n bytes on stdin: exit $rc: $(cat "$T/long.err")"
done
"$BIN" check "$(head -c 70000 /dev/zero | tr '\0' a)" >/dev/null 2>"$T/long2.err"; rc=$?
[ $rc -eq 1 ] && [ -s "$T/long2.err" ] && ok "too long argument: exit 1" || fail "too long argument: exit $rc"
"$BIN" check --parent $'\xff' "fine" >/dev/null 2>"$T/parent.err"; rc=$?
[ $rc -eq 1 ] && grep -q "parent" "$T/parent.err" && ok "invalid parent: exit 1" || fail "invalid parent: exit $rc"
"$BIN" check --json $'\xff' >"$T/json.out" 2>/dev/null; rc=$?
[ $rc -eq 1 ] && [ ! -s "$T/json.out" ] && ok "--json on bad input: exit 1, nothing on stdout" || fail "--json bad input: exit $rc"

# --- usage ------------------------------------------------------------------------
"$BIN" check --help >"$T/help.out"; rc=$?
[ $rc -eq 0 ] && grep -q "usage: decorum check" "$T/help.out" && ok "--help exits 0" || fail "--help: exit $rc"
for args in "--bogus x" "a b" "--color sometimes x" "--parent" "--review 1.5 x" "-q x"; do
  # shellcheck disable=SC2086
  "$BIN" check $args </dev/null >/dev/null 2>"$T/usage.err"; rc=$?
  [ $rc -eq 2 ] && grep -q "decorum check --help" "$T/usage.err" \
    && ok "usage error exits 2: $args" || fail "'check $args': exit $rc, stderr: $(cat "$T/usage.err")"
done
"$BIN" check -- "-starts with a dash" >/dev/null; rc=$?
[ $rc -eq 0 ] && ok "-- ends the options" || fail "'--': exit $rc"

if [ $fails -ne 0 ]; then
  echo "$fails check(s) failed" >&2
  exit 1
fi
echo "all check checks passed"
