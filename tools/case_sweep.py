#!/usr/bin/env python3
"""case_sweep.py DECORUM [GOLDEN_DIR]: scores every golden case's text
three ways (lower case, a first capital, capitals throughout) and lists
the texts whose verdict or `hateful` flag depends on case. A verdict that
moves with case is either a name read in title case by design ("Rashford
🐒") or an evasion by shouting; each line says which way it moved."""
import glob
import json
import subprocess
import sys


def score(binary, texts):
    lines = ''.join(json.dumps({'id': str(i), 'text': t}) + '\n'
                    for i, t in enumerate(texts))
    out = subprocess.run([binary, 'score', '-j', '2', '--no-progress', '-'],
                         input=lines.encode(), capture_output=True,
                         check=True).stdout.decode().splitlines()
    if len(out) != len(texts):
        sys.exit('case_sweep.py: %d outputs for %d texts' %
                 (len(out), len(texts)))
    return [json.loads(o) for o in out]


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    golden = argv[2] if len(argv) > 2 else 'tests/data/golden'
    texts = []
    for path in sorted(glob.glob(golden + '/*.txt')):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.startswith('text: '):
                    texts.append(line[6:].rstrip('\n').replace('\\n', '\n')
                                 .replace('\\\\', '\\'))
    low = score(argv[1], [t.lower() for t in texts])
    first = score(argv[1], [t[:1].upper() + t[1:].lower() for t in texts])
    up = score(argv[1], [t.upper() for t in texts])
    n = 0
    for t, a, b, c in zip(texts, low, first, up):
        if len({a['verdict'], b['verdict'], c['verdict']}) > 1 or \
                len({a.get('hateful'), b.get('hateful'), c.get('hateful')}) > 1:
            n += 1
            print('%-7s %-7s %-7s %s' % (a['verdict'], b['verdict'],
                                         c['verdict'], t[:120]))
    print('%d of %d texts depend on case (lower / First / UPPER)' %
          (n, len(texts)))


if __name__ == '__main__':
    main(sys.argv)
