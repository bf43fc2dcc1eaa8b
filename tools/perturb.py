#!/usr/bin/env python3
"""Robustness of verdicts to edits that keep a comment's meaning.

    python3 tools/perturb.py BIN [FILE...] [--spec SPEC.json] [--only RE]
                             [--lost OUT.json] [-j N]

Takes every probe line (tests/data/probes/*.jsonl when no FILE is given)
that BIN judges right (a hate line flagged, an ok line allowed), applies
each edit family to it, judges the edited lines, and prints for each family
how many hate lines stay flagged and how many ok lines stay allowed. Real
comments are full of such edits: a discourse marker in front ("ngl", "i
mean"), a tag after ("lol", "just saying"), an adverb inside ("they are
basically ..."), an unrelated sentence after, a group said as "them X" or
"all these X", "every last X". A rule that reads a sentence's first word,
or the word after "are", loses its line to one of them; the model's
probability moves with every word added. The families are edits, not new
content, so a right verdict should survive each of them.

Families (the built-in spec, edits applied to the line's text t):
  pre    a marker put in front: "ngl " + t
  app    a tag put after: t + " lol"
  next   an unrelated sentence after: t + ". anyway see you all tomorrow"
  adv    an adverb after the first "are"/"were" whose subject is a plural
         or a pronoun: "they are just ...", only where such a copula is
  np     the first group word (identity.tsv, plural) said with "them" or
         "all these" in place of its determiner
  every  "every X" as "every last X" / "every single X"
  upper  the whole line in capitals

--spec FILE adds families from JSON, {"name": {"pre": "..."}} or {"name":
{"app": "..."}} or {"name": {"adv": "..."}} (a held-out set the lead keeps
out of a branch's reach, to see whether a fix holds for words it was not
written for). --only RE keeps the families whose name matches RE. --lost
writes the edited lines that lost their verdict, by family.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

BUILTIN = {
    "pre_ngl": {"pre": "ngl "},
    "pre_tbh": {"pre": "tbh "},
    "pre_honestly": {"pre": "honestly "},
    "pre_lol": {"pre": "lol "},
    "pre_look": {"pre": "look, "},
    "pre_i_mean": {"pre": "i mean "},
    "pre_so_yeah": {"pre": "so yeah "},
    "pre_mate": {"pre": "mate "},
    "pre_well": {"pre": "well "},
    "app_lol": {"app": " lol"},
    "app_tbh": {"app": " tbh"},
    "app_saying": {"app": " just saying"},
    "app_roll": {"app": " \U0001f644"},
    "next_sport": {"app": ". anyway the match starts at 8"},
    "next_tomorrow": {"app": ". anyway see you all tomorrow"},
    "next_cents": {"app": ". thats my two cents"},
    "adv_just": {"adv": "just"},
    "adv_basically": {"adv": "basically"},
    "adv_honestly": {"adv": "honestly"},
    "adv_literally": {"adv": "literally"},
    "adv_biologically": {"adv": "biologically"},
    "np_them": {"np": "them"},
    "np_all_these": {"np": "all these"},
    "every_last": {"every": "last"},
    "every_single": {"every": "single"},
    "upper": {"upper": True},
}


def group_words():
    """Plural group words from identity.tsv: nouns and adjectives that name
    a group without another sense (not `ambiguous`), one word each."""
    words = set()
    with open(os.path.join(ROOT, "data/lexicon/identity.tsv"),
              encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            col = line.rstrip("\n").split("\t")
            if len(col) < 5 or col[1] != "identity" or " " in col[0]:
                continue
            flags = col[4].split(",")
            if "ambiguous" in flags or len(col[0]) < 3:
                continue
            w = col[0]
            if w.endswith("s") or w in ("women", "men", "people"):
                words.add(w)
            elif "noun" in flags or "adj" in flags:
                words.add(w + "s")
    return words


def compile_patterns():
    words = sorted(group_words(), key=len, reverse=True)
    grp = re.compile(r"\b(?:(?:the|these|those|all the|all)\s+)?(%s)\b"
                     % "|".join(map(re.escape, words)), re.I)
    cop = re.compile(r"\b(?:they|we|[a-z]{3,}s|women|men)\s+(?:are|were|r)\s+"
                     r"(?!not\b|n't\b|they\b|there\b|we\b)", re.I)
    every = re.compile(r"\bevery\s+(?!single\b|last\b|one\b|time\b|day\b)",
                       re.I)
    return grp, cop, every


def edit(t, spec, pats):
    grp, cop, every = pats
    if "pre" in spec:
        return spec["pre"] + t
    if "app" in spec:
        return t.rstrip() + spec["app"]
    if "adv" in spec:
        m = cop.search(t)
        return t[:m.end()] + spec["adv"] + " " + t[m.end():] if m else None
    if "np" in spec:
        m = grp.search(t)
        return (t[:m.start()] + spec["np"] + " " + m.group(1) + t[m.end():]
                if m else None)
    if "every" in spec:
        m = every.search(t)
        return t[:m.end()] + spec["every"] + " " + t[m.end():] if m else None
    if spec.get("upper"):
        return t.upper()
    raise SystemExit("perturb: unknown family spec %r" % (spec,))


def judge(binary, texts, jobs):
    data = "".join(json.dumps({"id": str(i), "text": x}) + "\n"
                   for i, x in enumerate(texts))
    p = subprocess.run([binary, "score", "-j", str(jobs), "--no-progress",
                        "-"], input=data, capture_output=True, text=True)
    out = p.stdout.splitlines()
    if p.returncode != 0 or len(out) != len(texts):
        sys.exit("perturb: %s score failed (rc %d, %d of %d lines): %s"
                 % (binary, p.returncode, len(out), len(texts),
                    p.stderr[:400]))
    return [json.loads(x)["verdict"] for x in out]


def right(label, verdict):
    return (verdict != "allow") == (label == "hate")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--spec", help="JSON file of more families")
    ap.add_argument("--only", help="keep families whose name matches")
    ap.add_argument("--lost", help="write the lines that lost, by family")
    ap.add_argument("-j", type=int, default=2)
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(
        ROOT, "tests/data/probes/*.jsonl")))
    fams = dict(BUILTIN)
    if a.spec:
        with open(a.spec, encoding="utf-8") as f:
            fams = json.load(f)
    if a.only:
        fams = {k: v for k, v in fams.items() if re.search(a.only, k)}
    rows = []
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                if line.strip():
                    r = json.loads(line)
                    rows.append(("%s:%d" % (os.path.basename(fn), i),
                                 r["text"], r["label"]))
    verdicts = judge(a.binary, [r[1] for r in rows], a.j)
    base = [r for r, v in zip(rows, verdicts) if right(r[2], v)]
    pats = compile_patterns()
    work = []
    for r in base:
        for name, spec in fams.items():
            t = edit(r[1], spec, pats)
            if t is not None and t != r[1]:
                work.append((r, name, t))
    verdicts = judge(a.binary, [w[2] for w in work], a.j)
    count = collections.defaultdict(lambda: [0, 0, 0, 0])
    lost = collections.defaultdict(list)
    for (r, name, t), v in zip(work, verdicts):
        c = count[name]
        i = 0 if r[2] == "hate" else 2
        c[i] += 1
        if right(r[2], v):
            c[i + 1] += 1
        else:
            lost[name].append({"id": r[0], "label": r[2], "text": t,
                               "verdict": v})
    print("%-18s %16s %8s %16s %8s" % ("family", "hate kept/n", "", "ok kept/n",
                                      ""))
    tot = [0, 0, 0, 0]
    for name in fams:
        if name not in count:
            continue
        c = count[name]
        tot = [x + y for x, y in zip(tot, c)]
        print("%-18s %7d/%-8d %7.1f%% %7d/%-8d %7.1f%%"
              % (name, c[1], c[0], 100.0 * c[1] / max(1, c[0]), c[3], c[2],
                 100.0 * c[3] / max(1, c[2])))
    print("%-18s %7d/%-8d %7.1f%% %7d/%-8d %7.1f%%"
          % ("all", tot[1], tot[0], 100.0 * tot[1] / max(1, tot[0]), tot[3],
             tot[2], 100.0 * tot[3] / max(1, tot[2])))
    print("(%d lines judged right of %d; %d edited lines)"
          % (len(base), len(rows), len(work)))
    if a.lost:
        with open(a.lost, "w", encoding="utf-8") as f:
            json.dump(lost, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
