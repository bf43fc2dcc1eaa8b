#!/usr/bin/env python3
"""round_cv.py DECORUM DATA OUT [--folds N] [--seed S] [--rows-args A]
[--train-args A] [--add FILE]: measures what our own rows (tools/probe_rows.py
--rounds: our probe lines and the blind red-team rounds; `make model
PROBES=1`) carry to lines the model never saw, by cross-validation,
against the model trained without them (the default model's way).

Trains as `make model` does (the seven train splits of DATA and
tools/contrast.sh, seed S; with our rows, as `make model PROBES=1` does:
rows of source "probe" are fitted, never calibrated on) and scores the whole engine
(DECORUM score --model) two ways:
- by round: for each fold K of N, a model trained on the probe files and
  the rounds whose number is not K modulo N scores the rounds that are;
  summed over the folds, every committed round is measured by a model
  that never read it;
- by file: a model trained on every round and one half of the probe files
  (probe_rows.py --fold A or B, whole writers) scores the other half.
The baseline, one model without any probe row, scores the same lines.
Hate lines are right at review or reject, ok lines at allow. Last, the
golden cases (tests/data/golden, verdict and hateful as expected) that
fail with the baseline and with a model trained on every row. --rows-args
passes options to probe_rows.py (say "--repeat 2 --hate-repeat 1"),
--train-args to decorum train (say "--hold-target"); --add FILE (again
for more) adds a rows file to every model but the baseline (rows
written from a round's lines belong in a probe file with a "round"
field, which fold K leaves out: probe_rows.py --not-round). Models and rows go
to OUT. Session 53 (docs/MODEL_CARD.md has the figures)."""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402
from probe_transfer import PROBES, ROOT, TRAIN, run  # noqa: E402

ROWS = os.path.join(ROOT, 'tools', 'probe_rows.py')


def train(a, rows, name):
    """One training with the Makefile's TRAIN_ARGS plus the rows files
    (the baseline: none, and no --train-args)."""
    files = [os.path.join(a.data, d, 'train.jsonl') for d in TRAIN]
    files += [os.path.join(a.out, 'contrast.jsonl')] + rows
    if rows:
        files += a.add
    model = os.path.join(a.out, name + '.model')
    run([a.decorum, 'train', '--quiet', '--seed', str(a.seed), '--epochs',
         '4', '--buckets', '2^17', '--ngrams', 'word,bigram,char4', '--data',
         ','.join(files), '--name', name, '--out', model] +
        (['--fit-only', 'probe'] + shlex.split(a.train_args) if rows
         else []))
    return model


def rows(a, name, *args):
    path = os.path.join(a.out, name + '.jsonl')
    run([sys.executable, ROWS] + list(args) + shlex.split(a.rows_args), path)
    return path


def golden_failures(a, model):
    """Golden cases whose verdict or hateful is not as expected."""
    cases = golden.cases(os.path.join(ROOT, 'tests', 'data', 'golden'))
    inp = ''
    for i, c in enumerate(cases):
        o = {'id': str(i), 'text': c['text']}
        if 'parent' in c:
            o['parent'] = c['parent']
        if 'title' in c:
            o['context'] = c['title']
        inp += json.dumps(o) + '\n'
    out = run_in([a.decorum, 'score', '-j', '2', '--no-progress', '--model',
                  model], inp)
    bad = [0, 0]
    for c, x in zip(cases, out):
        ok = x.get('verdict') in c['verdict'].split('|')
        if 'hateful' in c:
            ok = ok and ('yes' if x.get('hateful') else 'no') in \
                c['hateful'].split('|')
        if not ok:
            bad['allow' not in c['verdict'].split('|')] += 1
    return bad, len(cases)


def run_in(cmd, inp):
    r = subprocess.run(cmd, input=inp.encode(), capture_output=True,
                       check=False)
    return [json.loads(x) for x in r.stdout.decode().splitlines()]


def lines(names):
    out = []
    for f in names:
        with open(os.path.join(PROBES, f), encoding='utf-8') as fh:
            for ln in fh:
                if ln.strip():
                    o = json.loads(ln)
                    if o.get('label') in ('hate', 'ok'):
                        out.append(o)
    return out


def right(a, model, ls):
    """[hate right, hate n, ok right, ok n] of the lines ls."""
    inp = ''.join(json.dumps({'id': str(i), 'text': o['text']}) + '\n'
                  for i, o in enumerate(ls))
    res = run_in([a.decorum, 'score', '-j', '2', '--no-progress', '--model',
                  model], inp)
    if len(res) != len(ls):
        sys.exit('round_cv: %d results for %d lines' % (len(res), len(ls)))
    c = [0, 0, 0, 0]
    for o, x in zip(ls, res):
        flagged = x.get('verdict', 'allow') != 'allow'
        if o['label'] == 'hate':
            c[0] += flagged
            c[1] += 1
        else:
            c[2] += not flagged
            c[3] += 1
    return c


def add(s, c):
    return [x + y for x, y in zip(s, c)]


def show(what, c):
    print('%-34s hate %5d/%-5d ok %5d/%-5d' % (what, c[0], c[1], c[2], c[3]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('decorum')
    ap.add_argument('data')
    ap.add_argument('out')
    ap.add_argument('--folds', type=int, default=4)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--rows-args', default='')
    ap.add_argument('--train-args', default='')
    ap.add_argument('--add', action='append', default=[])
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    run(['sh', os.path.join(ROOT, 'tools', 'contrast.sh')],
        os.path.join(a.out, 'contrast.jsonl'))
    names = sorted(f for f in os.listdir(PROBES) if f.endswith('.jsonl'))
    rounds = [f for f in names if re.match(r'redteam\d+\.jsonl$', f)]
    num = {f: int(re.sub(r'\D', '', f)) for f in rounds}
    base = train(a, [], 'baseline')
    b = cv = [0, 0, 0, 0]
    for k in range(a.folds):
        test = lines([f for f in rounds if num[f] % a.folds == k])
        kn = '%d/%d' % (k, a.folds)
        # the probe files, no round, and no twin of fold K's lines
        files = rows(a, 'files-%d' % k, '--not-round', kn)
        fold = rows(a, 'rounds-%d' % k, '--round-fold', kn)
        m = train(a, [files, fold], 'round-fold-%d' % k)
        b = add(b, right(a, base, test))
        cv = add(cv, right(a, m, test))
    show('rounds, baseline', b)
    show('rounds, by round (%d folds)' % a.folds, cv)
    every = rows(a, 'rounds', '--only-rounds')
    fb = fcv = [0, 0, 0, 0]
    for side, other in (('A', 'B'), ('B', 'A')):
        half = rows(a, 'files-' + side, '--fold', side)
        m = train(a, [every, half], 'file-fold-' + side)
        listed = run([sys.executable, ROWS, '--fold', other, '--list'])
        test = lines(listed.decode().split())
        fb = add(fb, right(a, base, test))
        fcv = add(fcv, right(a, m, test))
    show('probe files, baseline', fb)
    show('probe files, by file (2 halves)', fcv)
    full = train(a, [rows(a, 'all', '--rounds')], 'all')
    for what, m in (('baseline', base), ('every row', full)):
        (benign, flagged), n = golden_failures(a, m)
        print('golden cases failing, %-14s %d of %d (%d benign, %d hateful)'
              % (what + ':', benign + flagged, n, benign, flagged))


if __name__ == '__main__':
    main()
