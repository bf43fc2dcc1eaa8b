#!/bin/bash
# serve.sh: the service benchmark, as `make bench-serve` runs it.
#
#   bench/serve.sh BUILD_DIR
#
# Starts `decorum serve` on a free loopback port with a temporary database
# (comments up to 20480 bytes, Perspective's own limit, so no corpus text is
# refused; one worker thread per CPU),
# waits for /healthz, and drives POST /v1alpha1/comments:analyze with wrk
# for DURATION seconds (default 10) over CONNECTIONS connections (default
# 16) and THREADS wrk threads (default 2): first with bench/wrk/analyze.lua
# (the bench corpus, all six attributes), then with every other script in
# bench/wrk/ (the service author's coral.lua: Coral Talk's request on the
# golden texts). The server is stopped by its pid afterwards. Traffic goes to 127.0.0.1
# only and the run is bounded by DURATION.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=$(cd "${1:-$root/build-bench}" && pwd)
out=$here/out
duration=${DURATION:-10}
conns=${CONNECTIONS:-16}
threads=${THREADS:-2}
command -v wrk >/dev/null || { echo "serve.sh: wrk is not installed (scripts/deps.sh all)"; exit 2; }
[ -s "$out/corpus.txt" ] || "$here/make_corpus.sh" || exit 1
scripts="$here/wrk/analyze.lua"
for s in "$here"/wrk/*.lua; do
  [ "$(basename "$s")" = analyze.lua ] || scripts="$scripts $s"
done

tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
"$build/decorum" serve --listen "127.0.0.1:$port" --db "$tmp/bench.db" \
  --max-comment-bytes 20480 --threads "$(nproc)" > "$tmp/serve.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
up=0
for _ in $(seq 100); do
  if curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; then up=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ "$up" != 1 ]; then
  echo "serve.sh: the service did not come up:"; cat "$tmp/serve.log"; exit 1
fi
: > "$out/serve.txt"
status=0
for script in $scripts; do
  echo "== decorum serve on 127.0.0.1:$port; wrk -t$threads -c$conns -d${duration}s -s $(basename "$script")" \
    | tee -a "$out/serve.txt"
  (cd "$root" && CORPUS="$out/corpus.txt" wrk -t"$threads" -c"$conns" -d"${duration}s" --latency \
    -s "$script" "http://127.0.0.1:$port") 2>&1 | tee -a "$out/serve.txt" || status=1
done
exit $status
