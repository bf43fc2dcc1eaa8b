#!/usr/bin/env python3
"""case_sweep.py [--allowed FILE] DECORUM [GOLDEN_DIR]: scores every golden
case's text three ways (lower case, a first capital, capitals throughout),
each with the case's parent and title as written, and lists the texts
whose verdict or `hateful` flag depends on case. A
verdict that moves with case is either a name read in title case by design
("Rashford 🐒") or an evasion by shouting; each line says which way it
moved.

With --allowed FILE (tests/data/golden/CASE_DEPENDENT: golden ids, one a
line, '#' comments), it is a test (ctest's golden_case_sweep): it fails
when a text not listed depends on case, when a listed id no longer does
(delete its line then), and when a listed id is no golden case."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402


def score(binary, texts, contexts):
    """texts[i] scored with contexts[i], a dict of its parent and title."""
    lines = ''.join(json.dumps(dict({'id': str(i), 'text': t}, **c)) + '\n'
                    for i, (t, c) in enumerate(zip(texts, contexts)))
    out = subprocess.run([binary, 'score', '-j', '2', '--no-progress', '-'],
                         input=lines.encode(), capture_output=True,
                         check=True).stdout.decode().splitlines()
    if len(out) != len(texts):
        sys.exit('case_sweep.py: %d outputs for %d texts' %
                 (len(out), len(texts)))
    return [json.loads(o) for o in out]


def golden_cases(golden_dir):
    """(id, text, context) of every case, in file order; context holds the
    case's parent and title as `score` reads them (parent, context)."""
    out = []
    for c in golden.cases(golden_dir):
        if 'text' not in c:
            continue
        ctx = {}
        if 'parent' in c:
            ctx['parent'] = c['parent']
        if 'title' in c:
            ctx['context'] = c['title']
        out.append((c.get('id'), c['text'], ctx))
    return out


def read_allowed(path):
    allowed = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            word = line.split('#', 1)[0].strip()
            if word:
                allowed.add(word)
    return allowed


def main(argv):
    allowed = None
    if len(argv) > 2 and argv[1] == '--allowed':
        allowed = read_allowed(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) < 2:
        sys.exit(__doc__)
    golden = argv[2] if len(argv) > 2 else 'tests/data/golden'
    cases = golden_cases(golden)
    texts = [t for _, t, _ in cases]
    ctx = [c for _, _, c in cases]
    low = score(argv[1], [t.lower() for t in texts], ctx)
    first = score(argv[1], [t[:1].upper() + t[1:].lower() for t in texts],
                  ctx)
    up = score(argv[1], [t.upper() for t in texts], ctx)
    n = 0
    bad = []
    found = set()
    for (cid, t, _), a, b, c in zip(cases, low, first, up):
        if len({a['verdict'], b['verdict'], c['verdict']}) > 1 or \
                len({a.get('hateful'), b.get('hateful'), c.get('hateful')}) > 1:
            n += 1
            found.add(cid)
            listed = allowed is not None and cid in allowed
            print('%-7s %-7s %-7s %s%s' % (a['verdict'], b['verdict'],
                                           c['verdict'], t[:120],
                                           '' if allowed is None or listed
                                           else '   <- NOT LISTED (%s)' % cid))
            if allowed is not None and not listed:
                bad.append(cid)
    print('%d of %d texts depend on case (lower / First / UPPER)' %
          (n, len(texts)))
    if allowed is None:
        return
    ids = {cid for cid, _, _ in cases}
    for cid in sorted(allowed - found):
        if cid in ids:
            print('%s no longer depends on case: delete its line' % cid)
        else:
            print('%s is listed but is no golden case' % cid)
        bad.append(cid)
    if bad:
        print('FAIL: %d case dependences not as listed in %s' %
              (len(bad), sys.argv[2]))
        sys.exit(1)


if __name__ == '__main__':
    main(sys.argv)
