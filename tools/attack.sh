#!/bin/sh
# attack.sh: writes the attack training rows (JSONL) to standard output:
# every template of data/train/attack.txt filled with PER_TEMPLATE group
# words from data/lexicon/identity.tsv (label "hate", source "attack", the
# section's type), and, where the section names a pair label, with
# PER_PAIR non-protected targets from the file's `@targets` line (that
# label: "offensive" or "none"). Templates of a section of type "contrast"
# are filled with PER_CONTRAST group words as clean negatives (label
# "none", source "contrast", as tools/contrast.sh writes them). Group words
# are chosen as tools/contrast.sh chooses them (same lists, a fixed stride),
# so the rows are the same on every run. Only `make eval-seeds ATTACK=1`
# trains on them: measured, they did not earn a place in `make model`
# (docs/MODEL_CARD.md, "Attack templates").
#   tools/attack.sh [PER_TEMPLATE [PER_PAIR [PER_CONTRAST]]]  (24, 6, 48)
# {a}: identity adjectives; {p}: plural group nouns (as in contrast.sh);
# {w}: the plural nouns and plural adjectives of the sex:female entries.
# A line "= TYPE PAIR" opens a section: TYPE goes into each row's "type"
# (train.c reads "threat" and "dehuman" in it), PAIR is the label of the
# same sentence aimed at a non-protected target, or "-" for none.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
k=${1:-24}
m=${2:-6}
c=${3:-48}
LC_ALL=C awk -F'\t' -v k="$k" -v m="$m" -v c="$c" '
function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
function cap(s) { return (s ~ /^[a-z]/) ? toupper(substr(s, 1, 1)) substr(s, 2) : s }
function row(id, s, label, type) {
  if (type == "contrast")
    printf "{\"id\": \"attack:%s\", \"text\": \"%s\", \"label\": \"none\", \"source\": \"contrast\"}\n", id, esc(cap(s))
  else
    printf "{\"id\": \"attack:%s\", \"text\": \"%s\", \"label\": \"%s\", \"type\": \"%s\", \"source\": \"attack\"}\n", id, esc(cap(s)), label, type
}
FILENAME ~ /identity.tsv$/ {
  if ($0 ~ /^#/ || NF < 5 || $1 ~ /[ -]/ || $5 ~ /ambiguous/) next
  fem = ($3 ~ /sex:female/)
  if ($5 ~ /adj/) {
    adj[na++] = $1
    if ($1 ~ /(an|in|im|ee|ant|ent|ist|ic|i)$/) pl[np++] = $1 "s"
    else if (fem && $1 ~ /e$/) wn[nw++] = $1 "s"
  } else if ($5 ~ /noun/ && $1 ~ /(s|men)$/ && $1 !~ /(ss|us)$/) {
    pl[np++] = $1
    # The sex:female entries also list a word for feminists, a view and not
    # women as such: the misogyny rows want nouns for women.
    if (fem && $1 !~ /istas$/) wn[nw++] = $1
  }
  next
}
/^@targets[ \t]/ {
  s = $0; sub(/^@targets[ \t]+/, "", s)
  nt = split(s, tg, /[ \t]*,[ \t]*/)
  next
}
/^= / { split($0, f, " "); type = f[2]; pair = f[3]; next }
/^#/ || /^[ \t]*$/ { next }
{
  t++
  if (index($0, "{a}")) { n = na; ph = "{a}" }
  else if (index($0, "{w}")) { n = nw; ph = "{w}" }
  else { n = np; ph = "{p}" }
  per = (type == "contrast") ? c : k
  for (j = 0; j < per && j < n; j++) {
    i = (t * 37 + j * 11) % n
    g = (ph == "{a}") ? adj[i] : (ph == "{w}") ? wn[i] : pl[i]
    s = $0
    sub(/\{[apw]\}/, g, s)
    row(t ":" j, s, "hate", type)
  }
  if (pair == "-" || ph != "{p}") next
  for (j = 0; j < m && j < nt; j++) {
    s = $0
    sub(/\{p\}/, tg[1 + (t * 5 + j * 7) % nt], s)
    row(t ":t" j, s, pair, type)
  }
}' "$root/data/lexicon/identity.tsv" "$root/data/train/attack.txt"
