#!/bin/sh
# contrast.sh: writes the contrast training rows (JSONL) to standard output:
# every template of data/train/contrast.txt filled with PER_TEMPLATE group
# words from data/lexicon/identity.tsv, chosen by a fixed stride so the
# rows are the same on every run. `make model` trains on them as clean
# negatives (label "none", source "contrast"); see docs/MODEL_CARD.md.
#   tools/contrast.sh [PER_TEMPLATE]     (default 24)
# {a}: identity adjectives (entries with `adj`, not `ambiguous`, one word);
# {p}: their plurals where English adds -s (muslims, mexicans, refugees),
#      and the plural group nouns of the lexicon (jews, women, minorities).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
k=${1:-24}
LC_ALL=C awk -F'\t' -v k="$k" '
function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
FILENAME ~ /identity.tsv$/ {
  if ($0 ~ /^#/ || NF < 5 || $1 ~ /[ -]/ || $5 ~ /ambiguous/) next
  if ($5 ~ /adj/) {
    adj[na++] = $1
    if ($1 ~ /(an|in|im|ee|ant|ent|ist|ic|i)$/) pl[np++] = $1 "s"
  } else if ($5 ~ /noun/ && $1 ~ /(s|men)$/ && $1 !~ /(ss|us)$/) {
    pl[np++] = $1
  }
  next
}
/^#/ || /^[ \t]*$/ { next }
{
  t++
  if (index($0, "{a}")) { n = na; ph = "{a}" } else { n = np; ph = "{p}" }
  for (j = 0; j < k && j < n; j++) {
    i = (t * 37 + j * 11) % n
    g = (ph == "{a}") ? adj[i] : pl[i]
    s = $0
    sub(/\{[ap]\}/, g, s)
    if (s ~ /^[a-z]/) s = toupper(substr(s, 1, 1)) substr(s, 2)
    printf "{\"id\": \"contrast:%d:%d\", \"text\": \"%s\", \"label\": \"none\", \"source\": \"contrast\"}\n", t, j, esc(s)
  }
}' "$root/data/lexicon/identity.tsv" "$root/data/train/contrast.txt"
