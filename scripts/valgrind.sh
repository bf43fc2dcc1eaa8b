#!/bin/bash
# valgrind.sh: the unit tests under valgrind memcheck, as `make valgrind`
# runs them.
#
#   scripts/valgrind.sh BUILD_DIR
#
# Criterion runs every test in a child process and collects results over a
# pipe, so valgrind's --error-exitcode never reaches the runner's exit
# status. Instead valgrind follows the children (--trace-children=yes:
# Criterion's children are re-executed test binaries) and writes one log per
# process; the script fails when any log reports an error (invalid read or
# write, use of uninitialised memory, bad free) or a definite or indirect
# leak, and prints that log. Each binary runs its tests one at a time
# (--jobs 1); VALGRIND_JOBS binaries (default: the CPUs) run at once.
# Reachable memory at exit (ICU's and Vectorscan's caches) is not an error.
# DECORUM_NO_ARENA=1: a scratch's blocks come from malloc, where memcheck
# sees them, not from its arena (a mapping memcheck does not look into).
set -uo pipefail
export DECORUM_NO_ARENA=1
build=$(cd "${1:?usage: valgrind.sh BUILD_DIR}" && pwd)
logs=$build/valgrind-logs
rm -rf "$logs"
mkdir -p "$logs"
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed"; exit 1; }
# One test binary under valgrind; prints its report; exit status 1 on
# failure.
one() {
  local t=$1 name start rc bad secs
  name=$(basename "$t")
  start=$(date +%s)
  valgrind --trace-children=yes --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --track-origins=no --error-exitcode=99 --num-callers=30 \
    --log-file="$logs/$name.%p.log" "$t" --jobs 1 > "$logs/$name.out" 2>&1
  rc=$?
  bad=$(grep -L 'ERROR SUMMARY: 0 errors' "$logs/$name".*.log 2>/dev/null)
  secs=$(( $(date +%s) - start ))
  if [ -n "$bad" ] || [ $rc -ne 0 ]; then
    echo "FAIL: $name (exit $rc, ${secs}s)"
    tail -3 "$logs/$name.out"
    for f in $bad; do echo "--- $f"; grep -v '^==[0-9]*== *$' "$f" | head -60; done
    return 1
  fi
  echo "ok: $name (${secs}s, $(ls "$logs/$name".*.log | wc -l) processes, $(tail -1 "$logs/$name.out"))"
}

# VALGRIND_JOBS binaries (default: the number of CPUs) run at once.
jobs=${VALGRIND_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
failed=""
n=0
running=0
names=""
for t in "$build"/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  names="$names $name"
  n=$((n + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  { one "$t"; echo $? > "$logs/$name.status"; } > "$logs/$name.report" 2>&1 &
  running=$((running + 1))
done
wait
for name in $names; do
  cat "$logs/$name.report"
  [ "$(cat "$logs/$name.status" 2>/dev/null)" = 0 ] || failed="$failed $name"
done
[ $n -gt 0 ] || { echo "valgrind.sh: no test binaries in $build"; exit 1; }
if [ -n "$failed" ]; then
  echo "valgrind: $((n - $(echo $failed | wc -w))) passed, $(echo $failed | wc -w) failed:$failed"
  exit 1
fi
echo "valgrind: $n passed, 0 failed"
