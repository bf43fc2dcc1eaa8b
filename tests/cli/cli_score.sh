#!/usr/bin/env bash
# cli_score.sh: `decorum score` end to end. Usage: cli_score.sh DECORUM_BINARY
# (DECORUM_SOURCE_DIR in the environment).
#
# Content checks rely only on the output contract and on decorum_analyze
# being deterministic, so they keep holding as the engine learns: output
# shape and key order, ids echoed in order, span texts equal to the bytes
# they point at, -j 1 == -j N byte for byte, a line's result independent of
# its neighbours, and `check --json` agreeing with `score`.
set -u
BIN=${1:?usage: cli_score.sh DECORUM_BINARY}
SRC=${DECORUM_SOURCE_DIR:?DECORUM_SOURCE_DIR is not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# check_output INPUT OUTPUT: every output line is a well-formed result or
# error object, one per input line, ids as given (or the line number), and
# every span's text is the slice of the decoded input text it points at.
# Prints "line<TAB>code" for error lines, "line<TAB>ok" for scored ones.
check_output() {
  python3 - "$1" "$2" <<'EOF'
import json, re, sys
inp = open(sys.argv[1], 'rb').read()
out = open(sys.argv[2], 'rb').read()
ATTRS = ["TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT",
         "PROFANITY", "THREAT"]
in_lines = inp.split(b'\n')
if in_lines and in_lines[-1] == b'':
    in_lines.pop()
assert out.endswith(b'\n') or not out, "output must end with a newline"
out_lines = out.split(b'\n')[:-1]
assert len(out_lines) == len(in_lines), \
    "%d output lines for %d input lines" % (len(out_lines), len(in_lines))
for n, (il, ol) in enumerate(zip(in_lines, out_lines), 1):
    o = json.loads(ol.decode('utf-8'))      # strict UTF-8 and JSON
    keys = list(o.keys())
    src = None
    try:
        raw = il[3:] if n == 1 and il.startswith(b'\xef\xbb\xbf') else il
        src = json.loads(raw.decode('utf-8'))
    except Exception:
        pass
    want_id = n
    if isinstance(src, dict) and 'id' in src:
        want_id = src['id']
    if keys == ['id', 'error']:
        e = o['error']
        assert list(e.keys()) == ['code', 'message'], ol
        assert re.fullmatch(r'[a-z0-9_]+', e['code']), ol
        assert e['message'], ol
        # The id is echoed when it could be read (even from a line that is
        # not JSON: the exact cases are in the bad-lines table), else the
        # line number.
        assert o['id'] in (want_id, n) or b'"id"' in il, (n, o['id'], want_id)
        print("%d\t%s\t%s" % (n, e['code'], json.dumps(o['id'])))
        continue
    assert keys == ['id', 'verdict', 'hateful', 'attributes', 'spans'], keys
    assert o['id'] == want_id, (n, o['id'], want_id)
    assert o['verdict'] in ('allow', 'review', 'reject'), ol
    assert isinstance(o['hateful'], bool), ol
    assert list(o['attributes'].keys()) == ATTRS, ol
    for a, v in o['attributes'].items():
        assert isinstance(v, (int, float)) and 0 <= v <= 1, (a, v)
    # Scores carry at most four decimals, written as the minimal form.
    for m in re.finditer(rb'"(%s)": ([0-9.]+)' % b'|'.join(a.encode() for a in ATTRS), ol):
        assert re.fullmatch(rb'0|1|0\.[0-9]{0,3}[1-9]', m.group(2)), m.group(0)
    text = src['text'].encode('utf-8')
    for sp in o['spans']:
        assert list(sp.keys()) == ['begin', 'end', 'text', 'attribute',
                                   'signal', 'reason', 'mitigating'], sp
        assert 0 <= sp['begin'] < sp['end'] <= len(text), sp
        assert text[sp['begin']:sp['end']] == sp['text'].encode('utf-8'), sp
        assert sp['attribute'] in ATTRS, sp
        assert isinstance(sp['mitigating'], bool), sp
    print("%d\tok\t%s" % (n, json.dumps(o['id'])))
EOF
}

# --- the seed thread ---------------------------------------------------
seed="$SRC/tests/data/seed-thread.jsonl"
"$BIN" score -j 1 "$seed" >"$T/seed.out" 2>"$T/seed.err"
rc=$?
[ $rc -eq 0 ] || fail "seed thread: exit $rc: $(cat "$T/seed.err")"
if check_output "$seed" "$T/seed.out" >"$T/seed.codes"; then
  ids_in=$(python3 -c 'import json,sys; [print(json.dumps(json.loads(l)["id"])) for l in open(sys.argv[1])]' "$seed")
  ids_out=$(cut -f3 "$T/seed.codes")
  [ "$ids_in" = "$ids_out" ] && ok "seed thread: one valid line per input, ids in order" \
    || fail "seed thread: ids differ"
  grep -qv "	ok	" "$T/seed.codes" && fail "seed thread: error lines: $(grep -v '	ok	' "$T/seed.codes")"
else
  fail "seed thread: malformed output"
fi
[ -s "$T/seed.err" ] && fail "seed thread: unexpected stderr (progress on a pipe?): $(head -c 200 "$T/seed.err")"

# stdin, "-" and the file argument give the same bytes
"$BIN" score -j 1 <"$seed" >"$T/stdin.out" && "$BIN" score -j 1 - <"$seed" >"$T/dash.out" \
  && cmp -s "$T/seed.out" "$T/stdin.out" && cmp -s "$T/seed.out" "$T/dash.out" \
  && ok "stdin and '-' read the same input" || fail "stdin or '-' differ from the file argument"

# --- many generated lines: -j 1 == -j 2 == -j 3 == default ----------------
python3 - "$T/gen.jsonl" <<'EOF'
import json, random, sys
random.seed(7)
words = ["they", "are", "vermin", "invaders", "go", "back", "love", "the",
         "Jews", "Muslims", "immigrants", "fucking", "idiot", "kill", "all",
         "of", "you", "not", "great", "article", "(((", ")))", "88", "14",
         "caf\u00e9", "\U0001F600", "\u201cquoted\u201d", "\\", "\"", "\n",
         "\t", "h4te", "k i l l", "\u0430", "thanks", "I", "disagree"]
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    for i in range(3000):
        n = random.randint(0, 25)
        o = {"id": i if i % 3 else "c%d" % i,
             "text": " ".join(random.choice(words) for _ in range(n))}
        if i % 5 == 0:
            o["parent"] = " ".join(random.choice(words) for _ in range(5))
        if i % 7 == 0:
            o["context"] = "Immigration article"
        if i % 11 == 0:
            o["meta"] = {"x": [1, 2, {"y": None}]}
        line = json.dumps(o, ensure_ascii=(i % 2 == 0))
        if i % 97 == 0:
            line = line[:-3]          # a broken line now and then
        f.write(line + "\n")
EOF
"$BIN" score -j 1 "$T/gen.jsonl" >"$T/gen1.out"; rc1=$?
"$BIN" score -j 2 "$T/gen.jsonl" >"$T/gen2.out"; rc2=$?
"$BIN" score -j 3 "$T/gen.jsonl" >"$T/gen3.out"; rc3=$?
"$BIN" score "$T/gen.jsonl" >"$T/gen0.out"; rc0=$?
"$BIN" score -j 2 <"$T/gen.jsonl" >"$T/gen2p.out"
if cmp -s "$T/gen1.out" "$T/gen2.out" && cmp -s "$T/gen1.out" "$T/gen3.out" &&
   cmp -s "$T/gen1.out" "$T/gen0.out" && cmp -s "$T/gen1.out" "$T/gen2p.out"; then
  ok "-j 1, -j 2, -j 3, default and a pipe give identical output"
else
  fail "output depends on the thread count"
fi
[ $rc1 -eq 1 ] && [ $rc2 -eq 1 ] && [ $rc3 -eq 1 ] && [ $rc0 -eq 1 ] \
  && ok "broken lines make the exit status 1" || fail "exit statuses $rc1 $rc2 $rc3 $rc0, want 1"
if check_output "$T/gen.jsonl" "$T/gen1.out" >"$T/gen.codes"; then
  bad=$(grep -cv "	ok	" "$T/gen.codes")
  [ "$bad" -eq 31 ] && ok "3000 generated lines well formed, 31 broken ones flagged" \
    || fail "$bad error lines, want 31"
else
  fail "generated lines: malformed output"
fi

# A line's result does not depend on its neighbours (scratch reuse): the
# reversed input gives the reversed output.
tac "$T/gen.jsonl" >"$T/rev.jsonl"
"$BIN" score -j 2 "$T/rev.jsonl" | tac >"$T/rev.out"
python3 - "$T/gen1.out" "$T/rev.out" <<'EOF' && ok "results independent of neighbouring lines" || fail "results depend on neighbours"
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
assert len(a) == len(b)
for x, y in zip(a, b):
    if 'error' in x:       # error lines may fall back to line numbers
        assert x['error']['code'] == y['error']['code']
        continue
    assert x == y, (x, y)
EOF

# --- bad lines among good ones --------------------------------------------
python3 - "$T/bad.jsonl" <<'EOF'
import sys
L = [
    b'{"id": "a", "text": "a fine comment"}',
    b'{"id": "b", "text": "x"',                              # invalid_json
    b'{"id": "c"}',                                          # missing_text
    b'{"id": "d", "text": 42}',                              # wrong_type
    b'{"id": "e", "text": "bad \xff byte"}',                 # invalid_utf8
    b'{"id": "f", "text": "' + b'a' * 70000 + b'"}',         # too_long (engine)
    b'',                                                     # empty_line
    b'{"id": "h", "text": "caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\/"}',
    b'{"text": "no id here"}',                               # id = 9
    b'{"id": "j", "text": "a\\u0000b"}',                     # nul_in_text
    b'[1, 2]',                                               # not_object
    b'{"id": "l", "text": "\\ud800"}',                       # invalid_utf8
    b'{"id": "m", "text": "' + b'b' * (5 << 20) + b'"}',     # too_long (line)
    b'{"id": "n", "text": "crlf line"}\r',
    b'{"id": 15.50, "text": "raw id"}',
    b'   ',                                                  # empty_line
    b'{"id": {"k": [1, "v"]}, "text": "object id"}',
    b'{"text": "' + b'c' * (5 << 20),                        # too_long, no id
    b'{"id": "last", "text": "no final newline"}',
]
sys.stdout = open(sys.argv[1], 'wb')
sys.stdout.write(b'\n'.join(L))
EOF
"$BIN" score -j 1 "$T/bad.jsonl" >"$T/bad1.out" 2>"$T/bad.err"; rc=$?
"$BIN" score -j 2 "$T/bad.jsonl" >"$T/bad2.out" 2>>"$T/bad.err"
[ $rc -eq 1 ] && ok "bad lines: exit status 1" || fail "bad lines: exit $rc"
cmp -s "$T/bad1.out" "$T/bad2.out" && ok "bad lines: -j 1 == -j 2" || fail "bad lines: -j 1 != -j 2"
if check_output "$T/bad.jsonl" "$T/bad1.out" >"$T/bad.codes"; then
  cat >"$T/bad.want" <<'EOF'
1	ok	"a"
2	invalid_json	"b"
3	missing_text	"c"
4	wrong_type	"d"
5	invalid_utf8	"e"
6	too_long	"f"
7	empty_line	7
8	ok	"h"
9	ok	9
10	nul_in_text	"j"
11	not_object	11
12	invalid_utf8	"l"
13	too_long	"m"
14	ok	"n"
15	ok	15.5
16	empty_line	16
17	ok	{"k": [1, "v"]}
18	too_long	18
19	ok	"last"
EOF
  diff "$T/bad.want" "$T/bad.codes" >"$T/bad.diff" && ok "each bad line gets its code, neighbours are scored" \
    || fail "bad lines: codes differ (want < > got):
$(cat "$T/bad.diff")"
else
  fail "bad lines: malformed output"
fi
grep -q '^{"id": 15.50, ' "$T/bad1.out" && ok "numeric ids echoed as written" || fail "id 15.50 not echoed as written"
[ -s "$T/bad.err" ] && fail "bad lines: unexpected stderr: $(head -c 300 "$T/bad.err")"

# The escaped text was decoded before analysis: check --json on the decoded
# text gives the same object (without the id).
line8=$(sed -n 8p "$T/bad1.out")
want8=$(printf '{"id": "h", %s' "$("$BIN" check --json "café 😀 \"q\" \\ /" | cut -c2-)")
[ "$line8" = "$want8" ] && ok "score and check --json agree on an escaped text" \
  || fail "score/check disagree:
$line8
$want8"

# --- BOM and CRLF ---------------------------------------------------------
printf '\xef\xbb\xbf{"id": "bom", "text": "first"}\r\n{"id": "two", "text": "second"}\r\n' >"$T/bom.jsonl"
"$BIN" score "$T/bom.jsonl" >"$T/bom.out"; rc=$?
printf '{"id": "bom", "text": "first"}\n{"id": "two", "text": "second"}\n' >"$T/plain.jsonl"
"$BIN" score "$T/plain.jsonl" >"$T/plain.out"
[ $rc -eq 0 ] && cmp -s "$T/bom.out" "$T/plain.out" && ok "BOM and CRLF are transparent" \
  || fail "BOM/CRLF input differs from plain input (exit $rc)"
printf '{"id": 1, "text": "x"}\n\xef\xbb\xbf{"id": 2, "text": "y"}\n' | "$BIN" score -j 1 >"$T/bom2.out"
sed -n 2p "$T/bom2.out" | grep -q '"code": "invalid_json"' && ok "a BOM after the first line is an error" \
  || fail "BOM on line 2 accepted: $(sed -n 2p "$T/bom2.out")"

# --- all good: exit 0; empty input: no output -----------------------------
printf '{"text": "one"}\n{"text": "two"}' | "$BIN" score >"$T/two.out"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l <"$T/two.out")" -eq 2 ] && ok "clean input: exit 0, final line without newline scored" \
  || fail "clean input: exit $rc, $(wc -l <"$T/two.out") lines"
"$BIN" score </dev/null >"$T/empty.out"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$T/empty.out" ] && ok "empty input: no output, exit 0" || fail "empty input: exit $rc"

# --- bounded memory on a huge line -----------------------------------------
python3 - "$T/huge.jsonl" <<'EOF'
import sys
with open(sys.argv[1], 'wb') as f:
    f.write(b'{"id": "huge", "text": "' + b'x' * (64 << 20) + b'"}\n')
    f.write(b'{"id": "after", "text": "still scored"}\n')
EOF
# Peak RSS of a command in MiB, by GNU time when it is installed (a
# measurement from python would include python's own pages: fork before
# exec carries them into the child's high-water mark).
peak_mb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ print int($1 / 1024) }'
  else
    echo 0
  fi
}
for j in 1 2; do
  base=$(peak_mb "$BIN" score -j "$j" "$seed")
  peak=$(peak_mb "$BIN" score -j "$j" "$T/huge.jsonl")
  "$BIN" score -j "$j" "$T/huge.jsonl" >"$T/huge.out"
  if head -c 60 "$T/huge.out" | grep -q '^{"id": "huge", "error": {"code": "too_long"' &&
     sed -n 2p "$T/huge.out" | grep -q '^{"id": "after", "verdict": ' &&
     [ "$(wc -l <"$T/huge.out")" -eq 2 ] && [ "$peak" -lt $((base + 24)) ]; then
    ok "-j $j: a 64 MiB line is skipped in bounded memory ($peak MiB peak, $base MiB baseline)"
  else
    fail "-j $j: huge line: peak $peak MiB (baseline $base), output: $(head -c 200 "$T/huge.out")"
  fi
done

# --- streaming: an answer per line on a pipe, before the input ends -------
for j in 1 2; do
  python3 - "$BIN" "$j" <<'EOF' && ok "-j $j: answers each line of a pipe as it comes" || fail "-j $j: no answer before end of input"
import select, subprocess, sys
p = subprocess.Popen([sys.argv[1], "score", "-j", sys.argv[2]],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
for i in range(3):
    p.stdin.write(b'{"id": %d, "text": "hello"}\n' % i)
    p.stdin.flush()
    r, _, _ = select.select([p.stdout], [], [], 10)
    assert r, "no output within 10 s"
    line = p.stdout.readline()
    assert line.startswith(b'{"id": %d, ' % i), line
p.stdin.close()
assert p.wait(10) == 0
EOF
done

# --- progress bar: on a terminal stderr, for a regular file only ------------
python3 - "$BIN" "$T/gen.jsonl" <<'EOF' && ok "progress bar on a terminal for file input, not otherwise" || fail "progress bar"
import os, pty, subprocess, sys
binary, path = sys.argv[1], sys.argv[2]
def stderr_on_tty(args, stdin=None):
    master, slave = pty.openpty()
    p = subprocess.Popen([binary] + args, stdin=stdin, stdout=subprocess.DEVNULL,
                         stderr=slave)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:        # EIO: the child closed the terminal
            break
        if not chunk:
            break
        data += chunk
    p.wait()
    os.close(master)
    return data.decode("utf-8", "replace")
shown = stderr_on_tty(["score", "-j", "2", path])
assert "100%" in shown and "comments/s" in shown and "3000 comments" in shown, shown
assert stderr_on_tty(["score", "--no-progress", path]) == ""
# A pipe has no size to show progress against.
p = subprocess.Popen(["cat", path], stdout=subprocess.PIPE)
assert stderr_on_tty(["score", "-"], stdin=p.stdout) == ""
p.wait()
EOF

# --- usage -----------------------------------------------------------------
"$BIN" score --help >"$T/help.out"; rc=$?
[ $rc -eq 0 ] && grep -q "usage: decorum score" "$T/help.out" && ok "--help exits 0" || fail "--help: exit $rc"
for args in "--bogus" "-j" "-j x" "-j -1" "-j 100000" "--review 2" "--reject 0" \
            "--review 0.9 --reject 0.5" "a b" "-x"; do
  # shellcheck disable=SC2086
  "$BIN" score $args </dev/null >/dev/null 2>"$T/usage.err"; rc=$?
  [ $rc -eq 2 ] && grep -q "decorum score --help" "$T/usage.err" \
    && ok "usage error exits 2: $args" || fail "'score $args': exit $rc, stderr: $(cat "$T/usage.err")"
done
"$BIN" score "$T/does-not-exist.jsonl" >/dev/null 2>"$T/nofile.err"; rc=$?
[ $rc -eq 1 ] && grep -q "does-not-exist" "$T/nofile.err" && ok "missing file: exit 1 with its name" \
  || fail "missing file: exit $rc"
"$BIN" score --lexicon "$T/no-such-dir" "$seed" >/dev/null 2>"$T/lex.err"; rc=$?
[ $rc -eq 1 ] && [ -s "$T/lex.err" ] && ok "unloadable lexicon: exit 1 with a message" \
  || fail "bad --lexicon: exit $rc"
# A word class the rules read holds at most 64 words: a lexicon whose class
# outgrows it is refused, naming the file, line and sense, never loaded with
# the extra words silently left out. The bound itself: filled to 64 the
# `menace` class loads, one word more is refused.
mkdir -p "$T/lexfull"
cp "$SRC/data/lexicon/"*.tsv "$T/lexfull/"
have=$(awk -F'\t' '!/^#/ && NF >= 5 { n = split($5, f, ","); for (i = 1; i <= n; i++) if (f[i] == "menace") c++ } END { print c + 0 }' "$T/lexfull/"*.tsv)
i=$have
while [ "$i" -lt 64 ]; do
  i=$((i + 1))
  printf 'zzmenace%d\tword\t-\t-\tmenace\ta test word\n' "$i" >>"$T/lexfull/grammar.tsv"
done
"$BIN" score --lexicon "$T/lexfull" "$seed" >/dev/null 2>"$T/full.err"; rc=$?
[ "$have" -gt 0 ] && [ $rc -eq 0 ] && ok "a word class of 64 words loads" \
  || fail "menace class at 64 ($have listed): exit $rc, stderr: $(cat "$T/full.err")"
printf 'zzmenace65\tword\t-\t-\tmenace\ta test word\n' >>"$T/lexfull/grammar.tsv"
"$BIN" score --lexicon "$T/lexfull" "$seed" >/dev/null 2>"$T/full.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'grammar.tsv:[0-9]*: "zzmenace65": the sense "menace" holds more than 64 words' "$T/full.err" \
  && ok "a word class of 65 words: exit 1 naming the entry" \
  || fail "full word class: exit $rc, stderr: $(cat "$T/full.err")"

if [ $fails -ne 0 ]; then
  echo "$fails check(s) failed" >&2
  exit 1
fi
echo "all score checks passed"
