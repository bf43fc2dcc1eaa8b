#!/usr/bin/env python3
"""moves.py BASE NEW [--probes DIR] [--data DIR] [-v] [-r] [--no-rows]:
what a change did to verdicts, between two decorum programs.

Scores every probe line (DIR/*.jsonl, default tests/data/probes) and every
labelled dataset row (DIR/*/*.jsonl, default ../shared/data) with both
programs. Prints probe lines right before and after (a "hate" line is right
when the verdict is review or reject, an "ok" line when it is allow, as in
tools/probe.py), the verdict moves by label, every line that went right ->
wrong (file:line and text), and the dataset rows whose verdict crossed
allow <-> review/reject, counted by label ("flagged": to review or reject,
"cleared": to allow). -v lists the probe lines won too, -r the rows that
moved (40 a kind). Every session recreated this in /tmp before; it is the
measure each rule branch reports (docs/RULES.md)."""
import collections
import glob
import json
import os
import subprocess
import sys


def score(binary, texts):
    lines = ''.join(json.dumps({'id': str(i), 'text': t}) + '\n'
                    for i, t in enumerate(texts))
    out = subprocess.run([binary, 'score', '-j', '2', '--no-progress', '-'],
                         input=lines.encode(), capture_output=True,
                         check=False).stdout.decode().splitlines()
    if len(out) != len(texts):
        sys.exit('moves.py: %s: %d outputs for %d lines'
                 % (binary, len(out), len(texts)))
    return [json.loads(o)['verdict'] for o in out]


def right(label, verdict):
    return verdict != 'allow' if label == 'hate' else verdict == 'allow'


def option(args, name, default):
    if name in args:
        i = args.index(name)
        value = args[i + 1]
        del args[i:i + 2]
        return value
    return default


def probes(base, new, pdir, verbose):
    lines = []
    for path in sorted(glob.glob(os.path.join(pdir, '*.jsonl'))):
        with open(path, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    d = json.loads(line)
                    lines.append((os.path.basename(path), n, d['label'],
                                  d['text']))
    if not lines:
        sys.exit('moves.py: no probe lines in ' + pdir)
    texts = [p[3] for p in lines]
    old, now = score(base, texts), score(new, texts)
    before = sum(right(p[2], v) for p, v in zip(lines, old))
    after = sum(right(p[2], v) for p, v in zip(lines, now))
    print('probes right %d -> %d of %d' % (before, after, len(lines)))
    moved = collections.Counter()
    lost, won = [], []
    for p, a, b in zip(lines, old, now):
        if a == b:
            continue
        moved[(p[2], a, b)] += 1
        if right(p[2], a) and not right(p[2], b):
            lost.append((p, a, b))
        elif right(p[2], b) and not right(p[2], a):
            won.append((p, a, b))
    for (label, a, b), c in sorted(moved.items()):
        print('  %s %s -> %s %d' % (label, a, b, c))
    shown = [('right -> wrong', lost)] + ([('wrong -> right', won)]
                                          if verbose else [])
    for title, which in shown:
        print('%s %d:' % (title, len(which)))
        for p, a, b in which:
            print('  %s:%d %s %s -> %s %s' % (p[0], p[1], p[2], a, b,
                                            p[3][:150]))


def rows(base, new, ddir, verbose):
    data = []
    for path in sorted(glob.glob(os.path.join(ddir, '*', '*.jsonl'))):
        with open(path, encoding='utf-8') as f:
            data.extend(json.loads(line) for line in f if line.strip())
    if not data:
        sys.exit('moves.py: no dataset rows in ' + ddir)
    texts = [r['text'] for r in data]
    old, now = score(base, texts), score(new, texts)
    moved = collections.Counter()
    examples = collections.defaultdict(list)
    for r, a, b in zip(data, old, now):
        if (a == 'allow') == (b == 'allow'):
            continue
        key = (r['label'], 'flagged' if b != 'allow' else 'cleared')
        moved[key] += 1
        examples[key].append((r['id'], a, b, r['text']))
    print('rows moved (allow <-> review/reject): %d of %d'
          % (sum(moved.values()), len(data)))
    for (label, way), c in sorted(moved.items()):
        print('  %s %s %d' % (label, way, c))
    if verbose:
        for key, which in sorted(examples.items()):
            print('## %s %s' % key)
            for i, a, b, t in which[:40]:
                print('  %s %s -> %s %s' % (i, a, b, t[:160]))


def main(argv):
    args = argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    pdir = option(args, '--probes',
                  os.path.join(here, '..', 'tests', 'data', 'probes'))
    ddir = option(args, '--data', os.path.join(here, '..', '..', 'shared',
                                               'data'))
    verbose, row_list = '-v' in args, '-r' in args
    no_rows = '--no-rows' in args
    pos = [a for a in args if not a.startswith('-')]
    if len(pos) != 2:
        sys.exit(__doc__)
    probes(pos[0], pos[1], pdir, verbose)
    if not no_rows:
        rows(pos[0], pos[1], ddir, row_list)


if __name__ == '__main__':
    main(sys.argv)
