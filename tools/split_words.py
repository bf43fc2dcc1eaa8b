#!/usr/bin/env python3
"""split_words.py: writes data/split/common_words.txt, the common English
words that may be a fragment of a split slur (docs/MATCH.md, "Split
spellings"). The matcher joins fragments only when one of them is not a
common word ("go ok" stays apart, "sp ic" is joined), so it needs to know
the common words among the fragments: every dictionary word that is part
of a slur of the lexicon, and only those (the file stays small and the
dictionary is not needed at run time).

    python3 tools/split_words.py /usr/share/dict/words data/lexicon \
        > data/split/common_words.txt

The file records a digest of the slurs it was made from; a slur added to
the lexicon later can have fragments that are common words the file does
not list ("mud race" for "mudrace"), which the matcher would then join.
The test suite runs

    python3 tools/split_words.py --check data/split/common_words.txt data/lexicon

which needs no dictionary and fails until the file is made again.

/usr/share/dict/words is Debian's wamerican (SCOWL, whose licence allows
copying and redistribution with its notice: /usr/share/doc/wamerican/
copyright). Words are lower-cased ("Muslim", "Jew" and "Nazi" are
common words; so are names such as "Ike") and possessives dropped. A few
tokens of online text that no dictionary lists (rt, im, ppl) are added
from CHAT below, by hand.
"""
import glob
import hashlib
import os
import re
import sys

# Frequent in comments, in no dictionary (or capitalized there: "OK"),
# or an abbreviation ("pak is a muslim country": Pakistan), and parts of slurs ("rt" in
# "schvartze", "im" in "muzlim", "ppl" in "cripple"): as common as words.
CHAT = "ok kk rt ll im ppl tf pic pics wo en lol ur pak fb gt wn".split()


def slur_words(lexicon_dir):
    """The one-word slurs of the lexicon, with their plurals."""
    slurs = set()
    for path in sorted(glob.glob(os.path.join(lexicon_dir, "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\r\n").split("\t")
                if line.startswith("#") or len(c) != 6 or c[1] != "slur":
                    continue
                t = c[0]
                if re.fullmatch("[a-z]+", t):
                    slurs.update((t, t + "s", t + "es"))
    return slurs


def digest(slurs):
    return hashlib.sha256("\n".join(sorted(slurs)).encode()).hexdigest()


DIGEST_TAG = "# slurs-sha256: "


def check(words_file, lexicon_dir):
    """Exit 1 unless words_file was made from the lexicon's slurs as they are."""
    want = digest(slur_words(lexicon_dir))
    with open(words_file, encoding="utf-8") as f:
        have = [l[len(DIGEST_TAG):].strip() for l in f if l.startswith(DIGEST_TAG)]
    if have != [want]:
        sys.exit("%s was made from other slurs than %s has now: run\n"
                 "  python3 tools/split_words.py /usr/share/dict/words %s > %s"
                 % (words_file, lexicon_dir, lexicon_dir, words_file))
    print("split_words: %s is up to date" % words_file)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--check":
        check(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) != 3:
        sys.exit("usage: split_words.py DICT LEXICON_DIR\n"
                 "       split_words.py --check WORDS_FILE LEXICON_DIR")
    words = set()
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        for w in f:
            w = w.strip().lower()
            if w.endswith("'s"):
                w = w[:-2]
            if re.fullmatch("[a-z]+", w):
                words.add(w)
    slurs = slur_words(sys.argv[2])
    out = set(CHAT)
    for s in slurs:
        for i in range(len(s)):
            for j in range(i + 1, min(len(s), i + 15) + 1):
                if s[i:j] in words:
                    out.add(s[i:j])
    print("# Common words that may be fragments of a split slur: made by")
    print("#   python3 tools/split_words.py /usr/share/dict/words data/lexicon")
    print("# from Debian's wamerican (SCOWL, Copyright 2000-2011 Kevin Atkinson and")
    print("# others; copying and distribution permitted with this notice) and the")
    print("# hand list CHAT in that script. One word a line. Do not edit: run it again.")
    print(DIGEST_TAG + digest(slurs))
    for w in sorted(out):
        print(w)


if __name__ == "__main__":
    main()
