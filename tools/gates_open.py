#!/usr/bin/env python3
"""gates_open.py DECORUM DECORUM_NOGATES PROBES_DIR GOLDEN_DIR: scores every
line of PROBES_DIR/*.jsonl and every golden case (with its parent and
title) with the decorum command and with decorum-nogates, the same
program with lib/rules.c built with DC_RULES_NO_GATES (every gate of words
before a rule open: lib/rules.c's GATE), and fails when any output differs
(verdict, scores, spans: the whole JSON line). Each difference is named
by its file and line (or golden id), the text, and the spans (signal and
reason) one output has and the other lacks: the rule whose findings a
gate dropped. ctest's gates_open (docs/RULES.md, session
37, gt37): a word added to a gated rule and not to its gate fails here,
when a probe line or golden case holds it.

decorum-nogates also opens needs_rules, the short way of dc_rules_run
(session 38, spd38g): every comment goes the full way there, so a rule
that learns to fire on a comment the short way passes over fails here
too. The inputs the two ways are known to differ on (KNOWN_SHORT) are
allowed by name and text; any other difference fails."""
import hashlib
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402

# Known differences of the short way (needs_rules) from the full pass,
# left by session 37 (docs/RULES.md, gt37 and spd38g): where -> the start
# of its text and the digest of both output lines. Scores move (and one
# "negated" span), no verdict. Each is for needs_rules' own argument, not
# for a gate of words. The digests hold the model's scores: after `make
# model` changes the model, check that the four still differ only as before
# and record them again (GATES_OPEN_DIGESTS=1 python3 tools/gates_open.py
# ... prints them).
KNOWN_SHORT = {
    'golden s19-gen5-spelled-01-c': ('Does anyone know what Zionist means?',
                                     '05e611c17d309271f5905db66dee390e612c1d2b'),
    's27-review-benign.jsonl:118': ('Coffee beans from Africa have',
                                    'fdf3a3fd341fd78abf8d0e42c5e20d6da4f83833'),
    # (session 42: blind round 29's line, committed after the round; no
    # finding either way, the model's scores only, allow both ways)
    'redteam29.jsonl:182': ('forget bigfoot, the real missing link',
                            '7734b1dc9f17a97c26a4526e23ec7d9fcdebbc51'),
    # (session 53: the benign group lines; no finding either way, the
    # model's scores only, allow both ways; session 54, p54: the full
    # pass now reads labour migration there, labour_sought, and hedges the
    # model: 0.18 identity attack, the short way 0.04; a new digest)
    's53-benign-groups.jsonl:493': ('recruiting nurses from ghana and nigeria',
                                    'b59e09f5851375d6b47b99ab2f2bb1031d8468e6'),
    # (session 54, fx54a's probe line: the same labour migration told
    # with a need, labour_sought hedging the model in the full pass only;
    # 0.23 identity attack gated, 0.43 opened, allow both ways)
    # (session 55: blind round 42's line, committed after the round; no
    # finding either way, the model's scores only, allow both ways)
    'redteam42.jsonl:84': ('our cohort is half international students',
                           'e1ab986bb6918edadbe3175d503ee279ba327adc'),
    's54-fx54a.jsonl:18': ('stop recruiting teachers from pakistan',
                           'd85b0259ec58789bad5696f56b63ce09113cec20'),
}


def digest(a, b):
    """The sha1 of both whole output lines (spans, scores, verdict; not the
    line's id, which moves as probe files are added), gated then opened:
    fix38 (session 38) records each known difference whole, so that any
    other change on these inputs fails (rv38, item 4)."""
    def strip(doc):
        return {k: v for k, v in doc.items() if k != 'id'}
    both = json.dumps([strip(a), strip(b)], sort_keys=True)
    return hashlib.sha1(both.encode()).hexdigest()


def known_short(where, text, a, b):
    """Is this difference one of KNOWN_SHORT: the same input (name and
    text) and the same two output lines as recorded?"""
    known = KNOWN_SHORT.get(where)
    if known is None or not text.startswith(known[0]):
        return False
    if os.environ.get('GATES_OPEN_DIGESTS'):
        print('digest %s %s' % (where, digest(a, b)))
    return digest(a, b) == known[1]


def inputs(probes_dir, golden_dir):
    """(where, input dict) of every probe line and golden case"""
    out = []
    for path in sorted(glob.glob(os.path.join(probes_dir, '*.jsonl'))):
        with open(path, encoding='utf-8') as f:
            for no, line in enumerate(f, 1):
                if not line.strip():
                    continue
                d = json.loads(line)
                where = '%s:%d' % (os.path.basename(path), no)
                out.append((where, {'text': d['text']}))
    for c in golden.cases(golden_dir):
        if 'text' not in c:
            continue
        d = {'text': c['text']}
        if 'parent' in c:
            d['parent'] = c['parent']
        if 'title' in c:
            d['context'] = c['title']
        out.append(('golden %s' % c.get('id'), d))
    return out


def score(binary, cases):
    lines = ''.join(json.dumps(dict(d, id=str(i))) + '\n'
                    for i, (_, d) in enumerate(cases))
    res = subprocess.run([binary, 'score', '-j', '2', '--no-progress', '-'],
                         input=lines.encode(), capture_output=True)
    if res.returncode != 0:
        sys.exit('gates_open.py: %s failed (%d): %s' %
                 (binary, res.returncode, res.stderr.decode()[-500:]))
    out = res.stdout.decode().splitlines()
    if len(out) != len(cases):
        sys.exit('gates_open.py: %s: %d outputs for %d inputs' %
                 (binary, len(out), len(cases)))
    return [json.loads(o) for o in out]


def reasons(doc):
    """what an output's spans found: each span's signal and the start of
    its reason, which names the rule's finding"""
    return set('%s (%s)' % (sp.get('signal'), str(sp.get('reason'))[:110])
               for sp in doc.get('spans') or ())


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    cases = inputs(argv[3], argv[4])
    gated = score(argv[1], cases)
    opened = score(argv[2], cases)
    bad = 0
    known = []
    for (where, d), a, b in zip(cases, gated, opened):
        if a == b:
            continue
        if known_short(where, d['text'], a, b):
            known.append(where)
            continue
        bad += 1
        if bad <= 40:
            print('%s: %s' % (where, json.dumps(d['text'])[:160]))
            only_open = sorted(reasons(b) - reasons(a))
            only_gated = sorted(reasons(a) - reasons(b))
            print('  found with the gates open only: %s' %
                  ('; '.join(only_open) or '-'))
            if only_gated:
                print('  found with the gates only: %s' %
                      '; '.join(only_gated))
            for k in sorted(set(a) | set(b)):
                if a.get(k) != b.get(k) and k != 'spans':
                    print('  %s: %s -> %s (gates open)' %
                          (k, json.dumps(a.get(k))[:120],
                           json.dumps(b.get(k))[:120]))
    print('gates_open: %d inputs (probe lines and golden cases), %d differ '
          '(and %d known differences of the short way, allowed: %s)' %
          (len(cases), bad, len(known), ', '.join(known) or '-'))
    gone = sorted(set(KNOWN_SHORT) - set(known))
    if gone:
        print('gates_open: no longer differ (take them out of KNOWN_SHORT): '
              '%s' % ', '.join(gone))
    if bad:
        print('A gate dropped what its rule finds: the word the rule learnt '
              'goes into its gate too (docs/RULES.md, spd37g, "Adding a word '
              'to a gated rule"). Or the short way (needs_rules) passed over '
              'a comment the full pass finds something in: the kinds that '
              'rule needs go into needs_rules (docs/RULES.md, spd38g).')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
