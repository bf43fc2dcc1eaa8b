#!/usr/bin/env python3
"""probe_transfer.py DECORUM DATA OUT [--seeds 1,2,3] [--attack]
[--all REF START] [-- ROWARGS...]: measures what training on our own probe
lines (tools/probe_rows.py ROWARGS) carries to wording nobody trained on.

For each seed it trains a model as `make model` does (the seven train splits
of DATA and tools/contrast.sh; --attack adds tools/attack.sh 24 6 48) plus
the probe rows, and two more with one half of the probe files each
(probe_rows.py --fold A, --fold B). It then prints the means over the seeds
of the whole engine (DECORUM score --model) on:
- the blind red-team rounds 12-21 (never training data): hate lines right
  (review or reject), ok lines right (allow), and round 21 by class;
- the cross-validation by file: each half of the trainable probe files
  measured with the model trained on the other half;
- hate F1 and AUC on every dev split of DATA (decorum eval);
- with --all, verdict flips on REF (JSONL of {"id", "text"}) against START
  (score output of the start's engine on REF), counted by the label DATA
  gives each id: toward a flag (allow -> review/reject) and away from one.
Without ROWARGS it measures the model without probe rows (the baseline):
its cross-validation is the one model on every file. Models and rows go
to OUT. Training reads only DATA's train splits and our own rows."""
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
PROBES = os.path.join(ROOT, 'tests', 'data', 'probes')
TRAIN = ['davidson', 'hatexplain', 'implicit_hate', 'ethos', 'stormfront',
         'hatemoji_build', 'jigsaw_toxic_slice']


def run(cmd, out=None):
    r = subprocess.run(cmd, capture_output=True, check=True)
    if out:
        with open(out, 'wb') as f:
            f.write(r.stdout)
    return r.stdout


def train(bin_, data, rows, extra, seed, out):
    """One training with the Makefile's TRAIN_ARGS."""
    files = [os.path.join(data, d, 'train.jsonl') for d in TRAIN] + rows
    files += [extra] if extra else []
    run([bin_, 'train', '--quiet', '--seed', str(seed), '--epochs', '4',
         '--buckets', '2^17', '--ngrams', 'word,bigram,char4',
         '--data', ','.join(files), '--name', os.path.basename(out),
         '--out', out])


def score(bin_, model, path):
    out = run([bin_, 'score', '-j', '2', '--no-progress', '--model', model,
               path]).decode().splitlines()
    return [json.loads(x) for x in out]


def per_file(bin_, model, lines, path):
    """[hate right, hate n, ok right, ok n] for each probe file, and the
    round 21 counts by class."""
    res = score(bin_, model, path)
    files = collections.defaultdict(lambda: [0, 0, 0, 0])
    cls = collections.defaultdict(lambda: [0, 0])
    for (name, c), r in zip(lines, res):
        hate = c['label'] == 'hate'
        ok = (r['verdict'] != 'allow') if hate else (r['verdict'] == 'allow')
        k = 0 if hate else 2
        files[name][k] += ok
        files[name][k + 1] += 1
        if name == 'redteam21.jsonl':
            x = cls[('hate ' if hate else 'ok ') + c.get('class', '-')]
            x[0] += ok
            x[1] += 1
    return files, cls


def main(argv):
    rowargs = []
    if '--' in argv:
        rowargs = argv[argv.index('--') + 1:]
        argv = argv[:argv.index('--')]
    seeds, attack, ref = [1, 2, 3], False, None
    pos = []
    i = 1
    while i < len(argv):
        if argv[i] == '--seeds':
            seeds = [int(s) for s in argv[i + 1].split(',')]
            i += 2
        elif argv[i] == '--attack':
            attack = True
            i += 1
        elif argv[i] == '--all':
            ref = (argv[i + 1], argv[i + 2])
            i += 3
        else:
            pos.append(argv[i])
            i += 1
    if len(pos) != 3:
        sys.exit(__doc__)
    bin_, data, out = pos
    os.makedirs(out, exist_ok=True)
    contrast = os.path.join(out, 'contrast.jsonl')
    run(['sh', os.path.join(ROOT, 'tools', 'contrast.sh')], contrast)
    extra = None
    if attack:
        extra = os.path.join(out, 'attack.jsonl')
        run(['sh', os.path.join(ROOT, 'tools', 'attack.sh'), '24', '6', '48'],
            extra)
    rows_py = [sys.executable, os.path.join(ROOT, 'tools', 'probe_rows.py')]
    fold = {}
    for f in 'AB':
        for name in run(rows_py + ['--fold', f, '--list']).decode().split():
            fold[name] = f
    # Every probe line, labelled, to score in one run per model.
    lines = []
    for name in sorted(os.listdir(PROBES)):
        if name.endswith('.jsonl'):
            with open(os.path.join(PROBES, name), encoding='utf-8') as fh:
                lines += [(name, json.loads(x)) for x in fh if x.strip()]
    allp = os.path.join(out, 'probes.jsonl')
    with open(allp, 'w', encoding='utf-8') as fh:
        for k, (_, c) in enumerate(lines):
            fh.write(json.dumps({'id': k, 'text': c['text']}) + '\n')
    rows = {}
    if rowargs:
        for part in ('', 'A', 'B'):
            p = os.path.join(out, 'probe%s.jsonl' % part)
            run(rows_py + rowargs + (['--fold', part] if part else []), p)
            rows[part] = [p]
    label = {}
    if ref:
        for d in sorted(os.listdir(data)):
            for split in ('train', 'dev'):
                p = os.path.join(data, d, split + '.jsonl')
                if os.path.exists(p):
                    with open(p, encoding='utf-8') as fh:
                        for x in fh:
                            o = json.loads(x)
                            label[o['id']] = o['label']
        with open(ref[1], encoding='utf-8') as fh:
            start = {o['id']: o['verdict'] for o in map(json.loads, fh)}
    acc = collections.defaultdict(float)
    r21 = collections.defaultdict(float)
    dev = collections.defaultdict(lambda: [0.0, 0.0])  # F1, AUC or None
    flips = collections.defaultdict(lambda: [0.0, 0.0])
    n = len(seeds)
    for s in seeds:
        m = os.path.join(out, 'full-s%d.model' % s)
        train(bin_, data, [contrast] + rows.get('', []), extra, s, m)
        files, cls = per_file(bin_, m, lines, allp)
        for name, v in files.items():
            if name.startswith('redteam'):
                for k, key in enumerate(('rt hate', 'rt hate n', 'rt ok',
                                         'rt ok n')):
                    acc[key] += v[k] / n
        for c, v in cls.items():
            r21[c] += v[0] / n
            r21[c + ' n'] = v[1]
        # The cross-validation: fold A's files by the model of fold B's.
        by = {'A': files, 'B': files}
        if rows:
            for f, other in (('A', 'B'), ('B', 'A')):
                mf = os.path.join(out, 'fold%s-s%d.model' % (other, s))
                train(bin_, data, [contrast] + rows[other], extra, s, mf)
                by[f] = per_file(bin_, mf, lines, allp)[0]
        for name, f in fold.items():
            v = by[f][name]
            for k, key in enumerate(('cv hate', 'cv hate n', 'cv ok',
                                     'cv ok n')):
                acc[key] += v[k] / n
        for d in sorted(os.listdir(data)):
            p = os.path.join(data, d, 'dev.jsonl')
            if not os.path.exists(p):
                continue
            h = json.loads(run([bin_, 'eval', '--data', p, '--model', m,
                                '--json']))['all']['heads']['hate']
            dev[d][0] += h['f1'] / n
            dev[d][1] = None if h['auc'] is None else \
                (dev[d][1] or 0.0) + h['auc'] / n
        if ref:
            for r in score(bin_, m, ref[0]):
                a, b = start[r['id']], r['verdict']
                if (a == 'allow') != (b == 'allow'):
                    flips[label.get(r['id'], '?')][a != 'allow'] += 1 / n
    print('red-team 12-21: hate %.1f/%d, ok %.1f/%d, total %.1f' % (
        acc['rt hate'], acc['rt hate n'], acc['rt ok'], acc['rt ok n'],
        acc['rt hate'] + acc['rt ok']))
    print('cross-validation by file: hate %.1f/%d, ok %.1f/%d' % (
        acc['cv hate'], acc['cv hate n'], acc['cv ok'], acc['cv ok n']))
    print('round 21 by class: ' + ', '.join(
        '%s %.1f/%d' % (c, r21[c], r21[c + ' n'])
        for c in sorted(r21) if not c.endswith(' n')))
    for d, (f1, auc) in sorted(dev.items()):
        print('dev %-20s hate F1 %.3f AUC %s' % (
            d, f1, '-' if auc is None else '%.3f' % auc))
    for lab, (tow, away) in sorted(flips.items()):
        print('flips %-10s toward %.1f away %.1f' % (lab, tow, away))


if __name__ == '__main__':
    main(sys.argv)
