#!/bin/sh
# make_corpus.sh: builds the fixed benchmark corpus from the shared datasets.
#
# Takes every STRIDE-th row (the 1st, the STRIDE+1-th, ...) of each dev and
# train file, datasets in C-locale name order, dev before train, and writes
#   OUT/corpus.jsonl  {"id": ..., "text": ...} one comment a line
#   OUT/corpus.txt    the texts alone, one a line; inside a text "\" is
#                     written "\\", a line feed "\n" and a carriage return
#                     "\r", so every text stays on its own line
# The selection depends only on the data files and STRIDE, so two runs on
# the same data give byte-identical files (the script prints their SHA-256).
# The corpus is generated, never committed.
#
# Usage: bench/make_corpus.sh [DATA_DIR [OUT_DIR]]
#   DATA_DIR defaults to ../shared/data beside the repository,
#   OUT_DIR to bench/out; STRIDE (environment) defaults to 5.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
data=${1:-$root/../shared/data}
out=${2:-$here/out}
stride=${STRIDE:-5}
command -v jq >/dev/null || { echo "make_corpus.sh: jq is required" >&2; exit 2; }
[ -d "$data" ] || { echo "make_corpus.sh: no data directory $data" >&2; exit 2; }
mkdir -p "$out"
tmp="$out/corpus.jsonl.tmp"
: > "$tmp"
n_files=0
for ds in $(cd "$data" && LC_ALL=C ls -d */ | tr -d /); do
  for split in dev train; do
    f="$data/$ds/$split.jsonl"
    [ -f "$f" ] || continue
    n_files=$((n_files + 1))
    awk -v s="$stride" '(NR - 1) % s == 0' "$f" | jq -c '{id, text}' >> "$tmp"
  done
done
[ "$n_files" -gt 0 ] || { echo "make_corpus.sh: no dev/train files in $data" >&2; exit 2; }
mv "$tmp" "$out/corpus.jsonl"
jq -r '.text | gsub("\\\\"; "\\\\") | gsub("\n"; "\\n") | gsub("\r"; "\\r")' \
  "$out/corpus.jsonl" > "$out/corpus.txt"
rows=$(wc -l < "$out/corpus.jsonl")
lines=$(wc -l < "$out/corpus.txt")
[ "$rows" -eq "$lines" ] || { echo "make_corpus.sh: $rows rows but $lines text lines" >&2; exit 1; }
bytes=$(jq -j '.text' "$out/corpus.jsonl" | wc -c)
echo "corpus: $rows comments, $bytes text bytes, from $n_files files (every ${stride}th row)"
(cd "$out" && sha256sum corpus.jsonl corpus.txt)
