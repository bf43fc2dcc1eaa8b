"""golden.py: reads the golden cases of tests/data/golden (the format is in
its README.md), for the Python tools and tests that use them
(tools/case_sweep.py, tests/http/content.py), so that there is one reader
of the format besides tests/unit/test_golden.c."""
import glob
import os


def unescape(value):
    """A golden value: "\\n" is a newline, "\\\\" a backslash; any other
    backslash stays as written."""
    out, i = [], 0
    while i < len(value):
        if value[i] == '\\' and i + 1 < len(value) and value[i + 1] in 'n\\':
            out.append('\n' if value[i + 1] == 'n' else '\\')
            i += 2
        else:
            out.append(value[i])
            i += 1
    return ''.join(out)


ESCAPED = ('text', 'parent', 'title')


def cases(golden_dir):
    """Every case of golden_dir/*.txt in file order (files in C-locale
    order), as a dict of its keys: text, parent and title unescaped, the
    `span` lines as a list under 'spans', other values as written."""
    out = []
    for path in sorted(glob.glob(os.path.join(golden_dir, '*.txt'))):
        cur = {}
        with open(path, encoding='utf-8') as f:
            for line in list(f) + ['\n']:
                line = line.rstrip('\n')
                if not line.strip():
                    if cur:
                        out.append(cur)
                    cur = {}
                    continue
                if line.startswith('#') or ': ' not in line:
                    continue
                key, value = line.split(': ', 1)
                if key == 'span':
                    cur.setdefault('spans', []).append(value)
                else:
                    cur[key] = unescape(value) if key in ESCAPED else value
    return out
