#!/usr/bin/env python3
"""probe_rows.py [--rounds] [--only-rounds] [--round-fold K/N] [--repeat N]
[--hate-repeat N] [--labels both|hate] [--source NAME] [--no-type]
[--fold A|B] [--not-round K/N] [--list]: writes training rows for the model made from our
own probe lines (JSONL, the shared data schema) to standard output.

Reads tests/data/probes/*.jsonl in name order and leaves out every
held-out file (*heldout*) and, unless --rounds, every blind red-team
round (redteam*). --rounds adds the rounds: a round is blind only until
the session that wrote it ends, and the next session writes a new one,
which is the measure of what carries to wording nobody trained on
(tools/round_cv.py measures the same by cross-validation over the
committed rounds). The default model reads none of these rows: `make
model PROBES=1` trains with --rounds, off since session 53 because it
reads a named group as hate (docs/MODEL_CARD.md).
--only-rounds keeps the rounds and no other file; --round-fold K/N only
the rounds whose number is not K modulo N (the training side of
round_cv.py's fold K). A `hate` line becomes label "hate", an `ok` line label
"none", both with source "probe". "probe" is not a clean source
(src/cli/train.c, vouches_clean): the ok lines hold swearing and personal
insults, so "none" there is a full negative for HATE and IDENTITY_ATTACK
but a weak one for TOXICITY, INSULT, SEVERE_TOXICITY and THREAT. A hate
line whose class names a threat gets type "threatening", so THREAT and
SEVERE_TOXICITY learn it; other hate lines carry no type and THREAT does
not learn from them (a class name is the writer's own word, too loose to
call the rest threat-free).

--repeat N writes each row N times with the same id (the trainer keeps a
row for calibration by the hash of its id, so no copy is both fitted and
calibrated on); --hate-repeat N writes the hate lines N times instead.
--labels hate keeps the hate lines only. --source NAME replaces "probe"
("contrast", a clean source, makes the ok lines full negatives for every
head). --no-type leaves every hate line untyped. --fold A or B keeps one
half of the files for a cross-validation by file: the files of one writer
(names that differ only by -benign, -hateful or -mixed) stay together,
and the writers alternate between the halves in name order.
--not-round K/N leaves out every line that carries a "round" whose
number is K modulo N (s54-round-twins.jsonl: benign twins of a round's
hate lines), for round_cv.py's fold K.
--list prints the chosen files instead of rows. The output is the same on
every run."""
import argparse
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
PROBES = os.path.join(ROOT, 'tests', 'data', 'probes')

# Writers' class names for threats, wished harm and violence approved.
THREAT = re.compile(r'thr|threat|wish|weapon|fire|lynch|violen|vehicle|'
                    r'harm|reckon|purge|fate|deal|armed|method|shrug|'
                    r'eugenic|disaster|approv')


def writer(name):
    """The file's writer: its name without the side it holds."""
    return re.sub(r'-(benign|hateful|mixed)$', '', name[:-len('.jsonl')])


def files(rounds=False):
    """The probe files that may train the model, in name order: with
    rounds, the blind red-team rounds too."""
    return sorted(f for f in os.listdir(PROBES)
                  if f.endswith('.jsonl') and 'heldout' not in f
                  and (rounds or not f.startswith('redteam')))


def round_of(name):
    """A red-team round's number (redteam12.jsonl -> 12), else None."""
    m = re.match(r'redteam(\d+)\.jsonl$', name)
    return int(m.group(1)) if m else None


def fold_of(names):
    """Maps each file to fold A or B, whole writers alternating."""
    writers = sorted({writer(f) for f in names})
    side = {w: 'AB'[i % 2] for i, w in enumerate(writers)}
    return {f: side[writer(f)] for f in names}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('--labels', choices=('both', 'hate'), default='both')
    ap.add_argument('--fold', choices=('A', 'B'))
    ap.add_argument('--hate-repeat', type=int)
    ap.add_argument('--no-type', action='store_true')
    ap.add_argument('--source', default='probe')
    ap.add_argument('--list', action='store_true')
    ap.add_argument('--rounds', action='store_true')
    ap.add_argument('--only-rounds', action='store_true')
    ap.add_argument('--round-fold')
    ap.add_argument('--not-round')
    a = ap.parse_args()
    only = a.only_rounds or a.round_fold is not None
    names = files(a.rounds or only)
    if only:
        names = [f for f in names if round_of(f) is not None]
    if a.round_fold is not None:
        k, n = (int(x) for x in a.round_fold.split('/'))
        if not 0 <= k < n:
            ap.error('--round-fold K/N needs 0 <= K < N')
        names = [f for f in names if round_of(f) % n != k]
    skip = None
    if a.not_round is not None:
        skip = tuple(int(x) for x in a.not_round.split('/'))
    fold = fold_of([f for f in names if round_of(f) is None])
    if a.fold:
        names = [f for f in names if fold.get(f) == a.fold]
    if a.list:
        for f in names:
            print(f)
        return
    out = sys.stdout
    for f in names:
        stem = f[:-len('.jsonl')]
        with open(os.path.join(PROBES, f), encoding='utf-8') as fh:
            lines = [ln for ln in fh if ln.strip()]
        for i, ln in enumerate(lines):
            o = json.loads(ln)
            if skip and isinstance(o.get('round'), int) and \
                    o['round'] % skip[1] == skip[0]:
                continue
            hate = o['label'] == 'hate'
            if not hate and a.labels == 'hate':
                continue
            row = {'id': 'probe:%s:%d' % (stem, i), 'text': o['text'],
                   'label': 'hate' if hate else 'none', 'source': a.source}
            cls = str(o.get('class', ''))
            if hate and not a.no_type and THREAT.search(cls):
                row['type'] = 'threatening'
            s = json.dumps(row, ensure_ascii=False) + '\n'
            n = a.hate_repeat if hate and a.hate_repeat else a.repeat
            for _ in range(n):
                out.write(s)


if __name__ == '__main__':
    main()
