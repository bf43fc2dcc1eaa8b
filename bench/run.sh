#!/bin/bash
# run.sh: the whole benchmark, as `make bench` runs it.
#
#   bench/run.sh BUILD_DIR
#
# 1. builds the corpus (bench/make_corpus.sh) unless bench/out has it;
# 2. the engine in process: bench_engine (whole analysis, 1/2/nproc
#    threads, load time, peak RSS; again with -w, each thread's scratch kept
#    from pass to pass) and bench_stages (each stage alone), plus
#    any other bench_* program another module ships (bench_normalize,
#    bench_match), on the same corpus, and bench_ceiling (the machine's own
#    thread scaling, no decorum code);
# 3. `decorum score -j 1` and `-j $(nproc)` end to end on corpus.jsonl and
#    on corpus5.jsonl (the corpus five times, to weigh process start less),
#    output to /dev/null: hyperfine when installed, else a loop timed with
#    `date +%s.%N`; peak RSS and minor page faults of one run from
#    /usr/bin/time when present;
# 4. the npm peers (bench/npm/peers.js) on corpus.txt, after `npm ci` when
#    node_modules is missing;
# 5. a summary with the decorum/peer ratios: `decorum score -j 1` texts/s
#    over each peer's texts/s, and the in-process figure (bench_engine, one
#    thread) over the same.
# Everything is also written to bench/out/ (summary.txt and raw outputs).
#
# Environment: ROUNDS (bench_engine/bench_stages passes, default 5),
# RUNS (hyperfine runs, default 5), PEERS_MIN_SECONDS (default 2),
# SKIP_PEERS=1, SKIP_CLI=1.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=$(cd "${1:-$root/build-bench}" && pwd)
out=$here/out
rounds=${ROUNDS:-5}
runs=${RUNS:-5}
ncpu=$(nproc 2>/dev/null || echo 1)
mkdir -p "$out"
summary=$out/summary.txt
: > "$summary"
say() { echo "$*" | tee -a "$summary"; }
section() { echo; echo "== $*"; }

if [ ! -s "$out/corpus.jsonl" ] || [ ! -s "$out/corpus.txt" ]; then
  "$here/make_corpus.sh" || exit 1
fi
n=$(wc -l < "$out/corpus.jsonl")
bytes=$(jq -j '.text' "$out/corpus.jsonl" | wc -c)

say "decorum benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
say "machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $ncpu CPUs, $(free -g 2>/dev/null | awk '/^Mem:/{print $2}') GiB"
say "corpus: $n comments, $bytes bytes ($(cd "$out" && sha256sum corpus.jsonl | cut -c1-16))"

status=0
result() { sed -n "s/^result $1 //p" "$2" | head -1; }

section "engine in process (bench_engine, $rounds rounds)"
if ! "$build/bench/bench_engine" -r "$rounds" "$out/corpus.jsonl" | tee "$out/engine.txt"; then
  echo "bench_engine FAILED"; status=1
fi
section "engine in process, scratches kept from pass to pass (bench_engine -w)"
if ! "$build/bench/bench_engine" -w -l 1 -r "$rounds" "$out/corpus.jsonl" | tee "$out/engine-warm.txt"; then
  echo "bench_engine -w FAILED"; status=1
fi
section "stages alone (bench_stages, $rounds rounds)"
if ! "$build/bench/bench_stages" -r "$rounds" "$out/corpus.jsonl" | tee "$out/stages.txt"; then
  echo "bench_stages FAILED"; status=1
fi
for prog in "$build"/bench/bench_*; do
  name=$(basename "$prog")
  case "$name" in bench_engine|bench_stages) continue ;; esac
  [ -x "$prog" ] || continue
  section "$name"
  "$prog" "$out/corpus.jsonl" | tee "$out/$name.txt" || { echo "$name FAILED"; status=1; }
done

# ---- decorum score end to end -------------------------------------------
cli=$build/decorum
cli_rate=""
cli5_rate=""
if [ "${SKIP_CLI:-0}" != 1 ]; then
  section "decorum score end to end ($n comments, output to /dev/null)"
  if ! "$cli" score -j 1 "$out/corpus.jsonl" > "$out/score.jsonl" 2> "$out/score.err"; then
    echo "decorum score does not work yet: $(head -c 300 "$out/score.err")"
  elif [ "$(wc -l < "$out/score.jsonl")" -ne "$n" ]; then
    echo "decorum score gave $(wc -l < "$out/score.jsonl") lines for $n"; status=1
  else
    # The corpus five times over as well: on 92k comments the engine load
    # and process start weigh less, which shows how -j scales end to end.
    for _ in 1 2 3 4 5; do cat "$out/corpus.jsonl"; done > "$out/corpus5.jsonl"
    for input in corpus corpus5; do
      n_in=$(wc -l < "$out/$input.jsonl")
      bytes_in=$((bytes * n_in / n))
      for j in 1 "$ncpu"; do
        if command -v hyperfine >/dev/null; then
          hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/$input-j$j.json" \
            "$cli score -j $j $out/$input.jsonl" > "$out/$input-j$j.hf" 2>&1 \
            || { cat "$out/$input-j$j.hf"; status=1; continue; }
          mean=$(jq '.results[0].mean' "$out/$input-j$j.json")
          sd=$(jq '.results[0].stddev // 0' "$out/$input-j$j.json")
        else
          "$cli" score -j "$j" "$out/$input.jsonl" > /dev/null
          t0=$(date +%s.%N)
          for _ in $(seq "$runs"); do "$cli" score -j "$j" "$out/$input.jsonl" > /dev/null; done
          t1=$(date +%s.%N)
          mean=$(echo "$t0 $t1 $runs" | awk '{printf "%.6f", ($2 - $1) / $3}')
          sd=0
        fi
        rate=$(awk -v n="$n_in" -v t="$mean" 'BEGIN{printf "%.0f", n / t}')
        mbs=$(awk -v b="$bytes_in" -v t="$mean" 'BEGIN{printf "%.2f", b / t / 1e6}')
        rss=""
        if [ -x /usr/bin/time ]; then
          # Minor page faults too: a first touch of a page costs 10-25 us
          # on some virtual machines (docs/BENCHMARKS.md, twelfth session).
          rss=$(/usr/bin/time -f '%M %R' "$cli" score -j "$j" "$out/$input.jsonl" 2>&1 >/dev/null | tail -1)
          rss=$(echo "$rss" | awk '{printf ", peak RSS %.1f MiB, %d page faults", $1 / 1024, $2}')
        fi
        printf '%-8s decorum score -j %-3s %8.3f s +- %.3f  %9s comments/s  %7s MB/s%s\n' \
          "$input" "$j" "$mean" "$sd" "$rate" "$mbs" "$rss" | tee -a "$summary"
        if [ "$j" = 1 ]; then
          j1_rate=$rate
          [ "$input" = corpus ] && cli_rate=$rate
          [ "$input" = corpus5 ] && cli5_rate=$rate
        elif [ -n "${j1_rate:-}" ]; then
          say "  speedup -j $j over -j 1: $(awk -v a="$rate" -v b="$j1_rate" 'BEGIN{printf "%.2fx", a / b}')"
        fi
        [ "$ncpu" = 1 ] && break
      done
    done
  fi
fi

# ---- npm peers ------------------------------------------------------------
if [ "${SKIP_PEERS:-0}" != 1 ]; then
  section "npm peers on corpus.txt (one thread, node $(node --version 2>/dev/null || echo missing))"
  if ! command -v node >/dev/null; then
    echo "node is not installed (scripts/deps.sh all): peers skipped"
  else
    if [ ! -d "$here/npm/node_modules" ]; then
      (cd "$here/npm" && npm ci --no-audit --no-fund --loglevel=error) || status=1
    fi
    node "$here/npm/peers.js" "$out/corpus.txt" > "$out/peers.tsv" || status=1
    column -t -s $'\t' "$out/peers.tsv"
  fi
fi

# ---- summary --------------------------------------------------------------
section "summary"
t1=$(result analyze_t1_comments_per_s "$out/engine.txt")
t2=$(result analyze_t2_comments_per_s "$out/engine.txt")
t1s=$(result analyze_single_t1_comments_per_s "$out/engine.txt")
say "analyze in process, 1 thread:  ${t1:-?} comments/s ($(result batch "$out/engine.txt") a decorum_analyze_batch call; ${t1s:-?} one a decorum_analyze call)"
say "analyze in process, 2 threads: ${t2:-?} comments/s ($(awk -v a="${t2:-0}" -v b="${t1:-1}" 'BEGIN{printf "%.2fx", a / b}'), target >= 1.8x)"
w1=$(result analyze_t1_comments_per_s "$out/engine-warm.txt")
w2=$(result analyze_t2_comments_per_s "$out/engine-warm.txt")
say "  with each thread's scratch kept from pass to pass (bench_engine -w, a server's pool): ${w1:-?} / ${w2:-?} comments/s ($(awk -v a="${w2:-0}" -v b="${w1:-1}" 'BEGIN{printf "%.2fx", a / b}'))"
if [ -s "$out/bench_ceiling.txt" ]; then
  # The machine's own 2-thread scaling with no decorum code (bench_ceiling):
  # what decorum's 2-thread figures are read against.
  say "machine alone, 2 threads: compute $(result ceiling_compute_t2_scaling "$out/bench_ceiling.txt")x, random reads of a shared 4 MiB table $(result ceiling_l3_t2_scaling "$out/bench_ceiling.txt")x, of 256 MiB $(result ceiling_dram_t2_scaling "$out/bench_ceiling.txt")x (bench_ceiling)"
fi
say "engine load: $(result load_ms_min "$out/engine.txt") ms (min of 20; target < 50 ms)"
say "peak RSS: $(result rss_peak_mib "$out/engine.txt") MiB in bench_engine (target < 100 MB)"
if [ -s "$out/peers.tsv" ]; then
  say ""
  # Ratios: decorum score -j 1 on the corpus (process start and engine
  # load included), on the corpus five times over (start amortized, as the
  # peers' warm loops are), and the in-process analysis, each over the peer.
  say "$(printf '%-18s %-6s %12s %12s %12s %12s' peer call texts/s 'score /' 'score x5 /' 'analyze /')"
  tail -n +2 "$out/peers.tsv" | while IFS=$'\t' read -r peer ver call calls secs rate mbs pct seen; do
    [ "$ver" = missing ] && continue
    r1=$( [ -n "$cli_rate" ] && awk -v a="$cli_rate" -v b="$rate" 'BEGIN{printf "%.3f", a / b}' || echo n/a)
    r5=$( [ -n "$cli5_rate" ] && awk -v a="$cli5_rate" -v b="$rate" 'BEGIN{printf "%.3f", a / b}' || echo n/a)
    r2=$( [ -n "$t1" ] && awk -v a="$t1" -v b="$rate" 'BEGIN{printf "%.3f", a / b}' || echo n/a)
    say "$(printf '%-18s %-6s %12s %12s %12s %12s' "$peer" "$call" "$rate" "$r1" "$r5" "$r2")"
  done
fi
echo
echo "written: $summary (raw outputs beside it)"
exit $status
