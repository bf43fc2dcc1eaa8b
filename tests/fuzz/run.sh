#!/bin/bash
# run.sh: runs every libFuzzer harness for a while, as `make fuzz` does.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#
# Each target fuzzes for SECONDS (-max_total_time) starting from its seed
# corpus tests/fuzz/corpus/<target>/ (never written to) and the inputs it
# found in earlier runs (BUILD_DIR/fuzz-corpus/<target>/, where new ones go),
# with the dictionary tests/fuzz/<target>.dict. SECONDS=0 only replays the
# seeds and the earlier finds (-runs=0): a quick regression check.
# A crash, leak, timeout or sanitizer report fails the target; its input is
# saved as BUILD_DIR/fuzz-artifacts/<target>-crash-<sha1> and the log as
# BUILD_DIR/fuzz-logs/<target>.log. The script exits 1 if any target failed.
# FUZZ_JOBS (default: the number of CPUs) targets run at once, each on one
# core, so every target still gets SECONDS of CPU time and CI waits less.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}" && pwd)
secs=${2:-60}
shift 2 || shift $#
bin=$build/tests/fuzz
if [ $# -gt 0 ]; then
  targets="$*"
else
  targets=$(cd "$bin" && ls fuzz_* 2>/dev/null | grep -v '\.' | sort)
fi
[ -n "$targets" ] || { echo "run.sh: no fuzz targets in $bin"; exit 1; }
mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts" "$build/fuzz-logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1

# Runs one target; prints its report when done; exit status 1 on failure.
one() {
  local t=$1 work=$build/fuzz-corpus/$1 seeds=$here/corpus/$1 log=$build/fuzz-logs/$1.log
  [ -x "$bin/$t" ] || { echo "== $t: not built"; return 1; }
  mkdir -p "$work"
  local args=(-timeout=20 -rss_limit_mb=2560 -max_len=16384 -print_final_stats=1
              "-artifact_prefix=$build/fuzz-artifacts/$t-")
  [ -f "$here/$t.dict" ] && args+=("-dict=$here/$t.dict")
  # A fixed seed makes a run repeatable: CI uses one, so its verdict can be
  # reproduced; without it every run explores new ground.
  [ -n "${FUZZ_SEED:-}" ] && args+=("-seed=$FUZZ_SEED")
  if [ "$secs" = 0 ]; then args+=(-runs=0); else args+=("-max_total_time=$secs"); fi
  local dirs=("$work")
  [ -d "$seeds" ] && dirs+=("$seeds")
  if "$bin/$t" "${args[@]}" "${dirs[@]}" > "$log" 2>&1; then
    echo "== $t: ${secs}s ok: $(grep -a -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr -s ' ' | tr '\n' ' ')corpus $(ls "$work" | wc -l) found + $(ls "$seeds" 2>/dev/null | wc -l) seeds"
  else
    echo "== $t: FAILED; log: $log"
    grep -a -E 'ERROR|invariant failed|SUMMARY|Test unit written|runtime error' "$log" | head -20
    return 1
  fi
}

failed=""
running=0
for t in $targets; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  rm -f "$build/fuzz-logs/$t.status"
  { one "$t"; echo $? > "$build/fuzz-logs/$t.status"; } > "$build/fuzz-logs/$t.report" 2>&1 &
  running=$((running + 1))
done
wait
for t in $targets; do
  cat "$build/fuzz-logs/$t.report"
  [ "$(cat "$build/fuzz-logs/$t.status" 2>/dev/null)" = 0 ] || failed="$failed $t"
done
if [ -n "$failed" ]; then
  echo "fuzz: failed:$failed"
  exit 1
fi
echo "fuzz: all targets ran ${secs}s without a crash"
