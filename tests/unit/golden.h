/*
 * golden.h: a header-only parser for the golden case files in
 * tests/data/golden/ (the .txt files), shared by the tests that read them.
 *
 * The format is described in tests/data/golden/README.md. In short: a case is
 * a block of "key: value" lines, blank lines separate cases, lines starting
 * with '#' are comments, and in text/parent/title "\n" is a newline and "\\"
 * a backslash. Keys: id, text, verdict, hateful (required); parent, title,
 * signals, not-signals, note (optional, at most once); span (repeatable,
 * "SUBSTRING = SIGNAL", split at the last " = ").
 *
 * The parser is strict, because a case that silently means something else
 * than its author intended tests nothing: an unknown key, a repeated key, a
 * missing required key, a bad verdict/hateful/signal token, an unknown
 * escape, invalid UTF-8, a span substring that is not in the text, a signal
 * both required and forbidden, or an id used twice makes the case *broken*.
 * A broken case is kept as one item with its messages, each naming
 * file:line, so the runner can fail it instead of dropping it.
 *
 * Everything here is static: include this header in one translation unit.
 */
#ifndef DECORUM_TESTS_GOLDEN_H
#define DECORUM_TESTS_GOLDEN_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decorum.h"

typedef struct golden_span {
    char *substr;     /* as written; matched against the unescaped text */
    decorum_signal signal;
    size_t line;      /* line of the span: key */
} golden_span;

typedef struct golden_case {
    size_t line; /* line of the case's first key */
    char *id;
    char *text, *parent, *title; /* unescaped, NUL-terminated; parent and
                                    title may be NULL */
    size_t text_len, parent_len, title_len;
    char *note;
    unsigned verdicts;    /* bit set of (1u << decorum_verdict) */
    int hateful;          /* 0 or 1 */
    uint32_t signals;     /* bit set of (1u << decorum_signal) */
    uint32_t not_signals; /* bit set of (1u << decorum_signal) */
    golden_span *spans;
    size_t n_spans;
    /* Non-NULL when the case is broken: one or more lines
     * "file:line: message\n". A broken case must not be run. */
    char *errors;
} golden_case;

typedef struct golden_file {
    char *name; /* base name, e.g. "slurs.txt" */
    golden_case *cases;
    size_t n_cases;
} golden_file;

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */
/* ------------------------------------------------------------------ */

static char *golden_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* Appends "name:line: message\n" to *errs (a malloc'd string or NULL). */
static void golden_add_error(char **errs, const char *name, size_t line,
                             const char *msg)
{
    size_t old = *errs ? strlen(*errs) : 0;
    size_t need = old + strlen(name) + strlen(msg) + 32;
    char *p = realloc(*errs, need);
    if (!p)
        return; /* the case stays as broken as it was; nothing better to do */
    snprintf(p + old, need - old, "%s:%zu: %s\n", name, line, msg);
    *errs = p;
}

static void golden_add_errorf2(char **errs, const char *name, size_t line,
                               const char *prefix, const char *what,
                               const char *suffix)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s%s%s", prefix, what, suffix);
    golden_add_error(errs, name, line, msg);
}

/* Unescapes a text value: "\n" -> newline, "\\" -> backslash. Any other
 * backslash sequence is an error (returns NULL and sets *bad). */
static char *golden_unescape(const char *s, size_t n, size_t *out_len,
                             int *bad)
{
    char *p = malloc(n + 1);
    size_t j = 0;
    *bad = 0;
    if (!p)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            p[j++] = s[i];
            continue;
        }
        if (i + 1 < n && s[i + 1] == 'n') {
            p[j++] = '\n';
            i++;
        } else if (i + 1 < n && s[i + 1] == '\\') {
            p[j++] = '\\';
            i++;
        } else {
            free(p);
            *bad = 1;
            return NULL;
        }
    }
    p[j] = '\0';
    *out_len = j;
    return p;
}

/* Parses space-separated signal names into a bit set. Returns 0, or -1 with
 * the offending token copied into bad_tok. */
static int golden_parse_signals(const char *v, uint32_t *out, char *bad_tok,
                                size_t bad_cap)
{
    uint32_t set = 0;
    const char *p = v;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *b = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        decorum_signal s;
        if (decorum_signal_parse(b, (size_t)(p - b), &s) != DECORUM_OK ||
            (set & (1u << s))) {
            snprintf(bad_tok, bad_cap, "%.*s", (int)(p - b), b);
            return -1;
        }
        set |= 1u << s;
    }
    if (!set) {
        snprintf(bad_tok, bad_cap, "(empty)");
        return -1;
    }
    *out = set;
    return 0;
}

static int golden_parse_verdicts(const char *v, unsigned *out)
{
    unsigned set = 0;
    const char *p = v;
    for (;;) {
        const char *b = p;
        while (*p && *p != '|')
            p++;
        size_t n = (size_t)(p - b);
        int found = -1;
        for (int k = DECORUM_ALLOW; k <= DECORUM_REJECT; k++) {
            const char *name = decorum_verdict_name((decorum_verdict)k);
            if (strlen(name) == n && memcmp(name, b, n) == 0)
                found = k;
        }
        if (found < 0 || (set & (1u << found)))
            return -1;
        set |= 1u << found;
        if (!*p)
            break;
        p++;
    }
    *out = set;
    return 0;
}

static int golden_valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return 0;
    }
    return 1;
}

static void golden_case_free(golden_case *c)
{
    free(c->id);
    free(c->text);
    free(c->parent);
    free(c->title);
    free(c->note);
    for (size_t i = 0; i < c->n_spans; i++)
        free(c->spans[i].substr);
    free(c->spans);
    free(c->errors);
    memset(c, 0, sizeof *c);
}

static void golden_file_free(golden_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_cases; i++)
        golden_case_free(&f->cases[i]);
    free(f->cases);
    free(f->name);
    memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------------ */
/* The parser                                                           */
/* ------------------------------------------------------------------ */

enum {
    GOLDEN_K_ID = 1u << 0,
    GOLDEN_K_TEXT = 1u << 1,
    GOLDEN_K_PARENT = 1u << 2,
    GOLDEN_K_TITLE = 1u << 3,
    GOLDEN_K_VERDICT = 1u << 4,
    GOLDEN_K_HATEFUL = 1u << 5,
    GOLDEN_K_SIGNALS = 1u << 6,
    GOLDEN_K_NOT_SIGNALS = 1u << 7,
    GOLDEN_K_NOTE = 1u << 8,
    GOLDEN_K_SPAN = 1u << 9
};

static const struct {
    const char *name;
    unsigned bit;
} golden_keys[] = {
    {"id", GOLDEN_K_ID},           {"text", GOLDEN_K_TEXT},
    {"parent", GOLDEN_K_PARENT},   {"title", GOLDEN_K_TITLE},
    {"verdict", GOLDEN_K_VERDICT}, {"hateful", GOLDEN_K_HATEFUL},
    {"signals", GOLDEN_K_SIGNALS}, {"not-signals", GOLDEN_K_NOT_SIGNALS},
    {"note", GOLDEN_K_NOTE},       {"span", GOLDEN_K_SPAN},
};

/* Checks that need the whole block: required keys, spans against the text,
 * signals against not-signals. */
static void golden_finish_case(golden_case *c, unsigned seen, const char *name)
{
    static const struct {
        unsigned bit;
        const char *key;
    } req[] = {{GOLDEN_K_ID, "id"},
               {GOLDEN_K_TEXT, "text"},
               {GOLDEN_K_VERDICT, "verdict"},
               {GOLDEN_K_HATEFUL, "hateful"}};
    for (size_t i = 0; i < sizeof req / sizeof req[0]; i++)
        if (!(seen & req[i].bit))
            golden_add_errorf2(&c->errors, name, c->line,
                               "missing required key '", req[i].key, "'");
    if (c->signals & c->not_signals)
        golden_add_error(&c->errors, name, c->line,
                         "a signal is both in signals and not-signals");
    for (size_t i = 0; i < c->n_spans; i++) {
        golden_span *s = &c->spans[i];
        if (c->text && !strstr(c->text, s->substr))
            golden_add_errorf2(&c->errors, name, s->line, "span substring '",
                               s->substr, "' is not in the text");
        if (c->not_signals & (1u << s->signal))
            golden_add_errorf2(&c->errors, name, s->line, "span signal ",
                               decorum_signal_name(s->signal),
                               " is also in not-signals");
    }
    if (c->text && decorum_utf8_check(c->text, c->text_len, NULL) != DECORUM_OK)
        golden_add_error(&c->errors, name, c->line, "text is not valid UTF-8");
    if (!c->id) {
        char buf[48];
        snprintf(buf, sizeof buf, "(no id, line %zu)", c->line);
        c->id = golden_strndup(buf, strlen(buf));
    }
}

/* Closes the case being read, if any, and appends it to out. Returns 0, or
 * -1 when memory runs out. */
static int golden_push_case(golden_file *out, size_t *cap, golden_case *cur,
                            unsigned *seen, int *in_case, const char *name)
{
    if (!*in_case)
        return 0;
    golden_finish_case(cur, *seen, name);
    if (out->n_cases == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        golden_case *p = realloc(out->cases, ncap * sizeof *p);
        if (!p)
            return -1;
        out->cases = p;
        *cap = ncap;
    }
    out->cases[out->n_cases++] = *cur;
    memset(cur, 0, sizeof *cur);
    *seen = 0;
    *in_case = 0;
    return 0;
}

/* Parses buf[0..len) as the golden file `name` into *out. Returns 0, or -1
 * when memory runs out. Malformed cases come back with errors set. */
static int golden_parse(const char *name, const char *buf, size_t len,
                        golden_file *out)
{
    memset(out, 0, sizeof *out);
    out->name = golden_strndup(name, strlen(name));
    if (!out->name)
        return -1;
    size_t cap = 0;
    golden_case cur;
    memset(&cur, 0, sizeof cur);
    unsigned seen = 0;
    int in_case = 0;
    size_t lineno = 0;
    size_t pos = 0;
    while (pos < len) {
        /* One line, without its terminator; the last may lack one. */
        const char *line = buf + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        lineno++;
        if (n && line[n - 1] == '\r')
            n--;
        int blank = 1;
        for (size_t i = 0; i < n; i++)
            if (line[i] != ' ' && line[i] != '\t')
                blank = 0;
        if (blank) {
            if (golden_push_case(out, &cap, &cur, &seen, &in_case, name) != 0)
                goto nomem;
            continue;
        }
        if (line[0] == '#')
            continue;
        if (!in_case) {
            in_case = 1;
            cur.line = lineno;
        }
        /* key ": " value */
        size_t k = 0;
        while (k < n && ((line[k] >= 'a' && line[k] <= 'z') || line[k] == '-'))
            k++;
        if (k == 0 || k >= n || line[k] != ':') {
            golden_add_error(&cur.errors, name, lineno,
                             "expected 'key: value' (keys are lower case)");
            continue;
        }
        char key[32];
        snprintf(key, sizeof key, "%.*s", (int)k, line);
        size_t vb = k + 1;
        if (vb < n && line[vb] == ' ')
            vb++;
        else if (vb < n) {
            golden_add_error(&cur.errors, name, lineno,
                             "expected a space after ':'");
            continue;
        }
        const char *val = line + vb;
        size_t vlen = n - vb;
        unsigned bit = 0;
        for (size_t i = 0; i < sizeof golden_keys / sizeof golden_keys[0]; i++)
            if (strcmp(golden_keys[i].name, key) == 0)
                bit = golden_keys[i].bit;
        if (!bit) {
            golden_add_errorf2(&cur.errors, name, lineno, "unknown key '", key,
                               "'");
            continue;
        }
        if ((seen & bit) && bit != GOLDEN_K_SPAN) {
            golden_add_errorf2(&cur.errors, name, lineno, "key '", key,
                               "' given twice in one case");
            continue;
        }
        seen |= bit;
        if (vlen == 0) {
            golden_add_errorf2(&cur.errors, name, lineno, "key '", key,
                               "' has an empty value");
            continue;
        }
        char *v = golden_strndup(val, vlen);
        if (!v)
            goto nomem;
        switch (bit) {
        case GOLDEN_K_ID:
            if (!golden_valid_id(v))
                golden_add_errorf2(&cur.errors, name, lineno, "bad id '", v,
                                   "' (letters, digits, . _ - only)");
            cur.id = v;
            v = NULL;
            break;
        case GOLDEN_K_TEXT:
        case GOLDEN_K_PARENT:
        case GOLDEN_K_TITLE: {
            int bad = 0;
            size_t ulen = 0;
            char *u = golden_unescape(v, vlen, &ulen, &bad);
            if (bad) {
                golden_add_errorf2(&cur.errors, name, lineno, "bad escape in ",
                                   key, " (only \\n and \\\\ are known)");
                break;
            }
            if (!u) {
                free(v);
                goto nomem;
            }
            if (bit == GOLDEN_K_TEXT) {
                cur.text = u;
                cur.text_len = ulen;
            } else if (bit == GOLDEN_K_PARENT) {
                cur.parent = u;
                cur.parent_len = ulen;
            } else {
                cur.title = u;
                cur.title_len = ulen;
            }
            break;
        }
        case GOLDEN_K_VERDICT:
            if (golden_parse_verdicts(v, &cur.verdicts) != 0)
                golden_add_errorf2(&cur.errors, name, lineno, "bad verdict '",
                                   v, "' (allow, review, reject joined by |)");
            break;
        case GOLDEN_K_HATEFUL:
            if (strcmp(v, "yes") == 0)
                cur.hateful = 1;
            else if (strcmp(v, "no") == 0)
                cur.hateful = 0;
            else
                golden_add_errorf2(&cur.errors, name, lineno,
                                   "hateful must be yes or no, not '", v, "'");
            break;
        case GOLDEN_K_SIGNALS:
        case GOLDEN_K_NOT_SIGNALS: {
            char tok[64];
            uint32_t set = 0;
            if (golden_parse_signals(v, &set, tok, sizeof tok) != 0)
                golden_add_errorf2(&cur.errors, name, lineno,
                                   "unknown or repeated signal '", tok, "'");
            else if (bit == GOLDEN_K_SIGNALS)
                cur.signals = set;
            else
                cur.not_signals = set;
            break;
        }
        case GOLDEN_K_NOTE:
            cur.note = v;
            v = NULL;
            break;
        case GOLDEN_K_SPAN: {
            /* split at the last " = " so the substring may contain one */
            char *eq = NULL;
            for (char *p = strstr(v, " = "); p; p = strstr(p + 1, " = "))
                eq = p;
            decorum_signal sig;
            if (!eq || eq == v) {
                golden_add_error(&cur.errors, name, lineno,
                                 "span must be 'SUBSTRING = SIGNAL'");
                break;
            }
            if (decorum_signal_parse(eq + 3, strlen(eq + 3), &sig) !=
                DECORUM_OK) {
                golden_add_errorf2(&cur.errors, name, lineno,
                                   "unknown span signal '", eq + 3, "'");
                break;
            }
            golden_span *p =
                realloc(cur.spans, (cur.n_spans + 1) * sizeof *cur.spans);
            if (p)
                cur.spans = p;
            char *sub = p ? golden_strndup(v, (size_t)(eq - v)) : NULL;
            if (!sub) {
                free(v);
                goto nomem;
            }
            cur.spans[cur.n_spans].substr = sub;
            cur.spans[cur.n_spans].signal = sig;
            cur.spans[cur.n_spans].line = lineno;
            cur.n_spans++;
            break;
        }
        default:
            break;
        }
        free(v);
    }
    if (golden_push_case(out, &cap, &cur, &seen, &in_case, name) != 0)
        goto nomem;
    /* Duplicate ids within the file. */
    for (size_t i = 0; i < out->n_cases; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(out->cases[i].id, out->cases[j].id) == 0) {
                char msg[256];
                snprintf(msg, sizeof msg, "duplicate id '%s' (first at line %zu)",
                         out->cases[i].id, out->cases[j].line);
                golden_add_error(&out->cases[i].errors, name,
                                 out->cases[i].line, msg);
                break;
            }
    return 0;
nomem:
    golden_case_free(&cur);
    golden_file_free(out);
    return -1;
}

/* Reads and parses a file. Returns 0, or -1 when it cannot be read. */
static int golden_load(const char *path, const char *name, golden_file *out)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = -1;
    if (!fp)
        return -1;
    for (;;) {
        if (len + 4096 > cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *p = realloc(buf, ncap);
            if (!p)
                goto done;
            buf = p;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp))
        goto done;
    rc = golden_parse(name, buf, len, out);
done:
    free(buf);
    fclose(fp);
    return rc;
}

static int golden_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the *.txt files of dir whose name contains filter (NULL or "": all),
 * sorted. *names is a malloc'd array of malloc'd strings; free both.
 * Returns 0, or -1 when the directory cannot be read. */
static int golden_list(const char *dir, const char *filter, char ***names,
                       size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0 ||
            e->d_name[0] == '.')
            continue;
        if (filter && *filter && !strstr(e->d_name, filter))
            continue;
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **p = realloc(*names, ncap * sizeof *p);
            if (!p)
                break;
            *names = p;
            cap = ncap;
        }
        (*names)[*n] = golden_strndup(e->d_name, l);
        if ((*names)[*n])
            (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(*names, *n, sizeof **names, golden_cmp_names);
    return 0;
}

static void golden_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

#endif /* DECORUM_TESTS_GOLDEN_H */
