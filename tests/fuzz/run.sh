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
failed=""
for t in $targets; do
  [ -x "$bin/$t" ] || { echo "run.sh: $t not built"; failed="$failed $t"; continue; }
  work=$build/fuzz-corpus/$t
  mkdir -p "$work"
  seeds=$here/corpus/$t
  args=(-timeout=20 -rss_limit_mb=2560 -max_len=16384 -print_final_stats=1
        "-artifact_prefix=$build/fuzz-artifacts/$t-")
  [ -f "$here/$t.dict" ] && args+=("-dict=$here/$t.dict")
  if [ "$secs" = 0 ]; then args+=(-runs=0); else args+=("-max_total_time=$secs"); fi
  dirs=("$work")
  [ -d "$seeds" ] && dirs+=("$seeds")
  echo "== $t: ${secs}s"
  log=$build/fuzz-logs/$t.log
  if "$bin/$t" "${args[@]}" "${dirs[@]}" > "$log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$log" | tr '\n' ' '
    echo
    echo "   corpus: $(ls "$work" | wc -l) found + $(ls "$seeds" 2>/dev/null | wc -l) seeds"
  else
    echo "   FAILED; log: $log"
    grep -E 'ERROR|invariant failed|SUMMARY|Test unit written|runtime error' "$log" | head -20
    failed="$failed $t"
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz: failed:$failed"
  exit 1
fi
echo "fuzz: all targets ran ${secs}s without a crash"
