#!/usr/bin/env python3
"""probe.py DECORUM FILE [-v] [--by-class] [--grep WORD]: scores a probe set.

FILE is JSONL, one {"text": ..., "label": "hate" | "ok", ...} a line
(tests/data/probes/README.md). A "hate" line is right when the verdict is
review or reject, an "ok" line when it is allow. Prints right/total by
label; -v lists the wrong lines with the verdict and IDENTITY_ATTACK;
--by-class prints right/total for each label and class (what a held-out
round reports without showing its lines); --grep keeps the lines whose
text contains WORD (any case)."""
import json
import subprocess
import sys


def main(argv):
    args = argv[1:]
    verbose = '-v' in args
    by_class = '--by-class' in args
    grep = None
    if '--grep' in args:
        grep = args[args.index('--grep') + 1].lower()
    pos = [a for i, a in enumerate(args)
           if not a.startswith('-') and (i == 0 or args[i - 1] != '--grep')]
    if len(pos) != 2:
        sys.exit(__doc__)
    binary, path = pos
    with open(path, encoding='utf-8') as f:
        cases = [json.loads(line) for line in f if line.strip()]
    if grep:
        cases = [c for c in cases if grep in c['text'].lower()]
    lines = ''.join(json.dumps({'id': i, 'text': c['text']}) + '\n'
                    for i, c in enumerate(cases))
    out = subprocess.run([binary, 'score', '-j', '1', '--no-progress', '-'],
                         input=lines.encode(), capture_output=True,
                         check=False).stdout.decode().splitlines()
    if len(out) != len(cases):
        sys.exit('probe.py: %d outputs for %d lines' % (len(out), len(cases)))
    right = {'hate': [0, 0], 'ok': [0, 0]}
    classes = {}
    for case, line in zip(cases, out):
        res = json.loads(line)
        label = 'hate' if case['label'] == 'hate' else 'ok'
        ok = (res['verdict'] != 'allow') if label == 'hate' \
            else (res['verdict'] == 'allow')
        right[label][0] += ok
        right[label][1] += 1
        cls = classes.setdefault((label, case.get('class', '-')), [0, 0])
        cls[0] += ok
        cls[1] += 1
        if verbose and not ok:
            print('WRONG %-4s %-6s %.3f %s' % (
                label, res['verdict'], res['attributes']['IDENTITY_ATTACK'],
                case['text'][:200]))
    if by_class:
        for (label, name), (r, n) in sorted(classes.items()):
            print('%-4s %-28s %d/%d' % (label, name, r, n))
    total = right['hate'][0] + right['ok'][0]
    print('%d/%d  (hate %d/%d, ok %d/%d)' % (
        total, len(cases), right['hate'][0], right['hate'][1],
        right['ok'][0], right['ok'][1]))


if __name__ == '__main__':
    main(sys.argv)
