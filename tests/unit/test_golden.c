/*
 * test_golden.c: runs every golden case in the .txt files of
 * tests/data/golden/ through the engine and checks it against what the case
 * expects.
 *
 * One Criterion test per file (a parameterized test over the sorted file
 * list), so the report is per file; each case is one assertion, and a file's
 * test fails if any of its cases fails. For every failing case the test
 * prints file:line, id, the text and context, what was expected and what the
 * engine said: verdict, hateful, hate_score and every span with its signal,
 * flags and reason. Each file test ends with "golden: FILE: k/n passed"; when
 * all files have run, a report hook prints the per-file table and
 * "golden: N/M passed (P%)".
 *
 * What a case checks (format in tests/data/golden/README.md):
 * - verdict is one of the listed alternatives, hateful matches;
 * - every `signals:` name is on some span without DECORUM_SPAN_MITIGATING;
 * - no `not-signals:` name is on such a span;
 * - every `span: SUB = SIG` has some span with signal SIG (mitigating or
 *   not) overlapping the first occurrence of SUB, in bytes of the text.
 * A malformed case (see golden.h) fails with file:line messages; so does an
 * id used in two files.
 *
 * Environment, for tuning runs of this executable by hand:
 *   DECORUM_GOLDEN_FILTER=sub   only files whose name contains sub
 *   DECORUM_GOLDEN_VERBOSE=1    print passing cases too
 */
#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decorum.h"
#include "golden.h"

#define GOLDEN_DIR DECORUM_SOURCE_DIR "/tests/data/golden"

/* ------------------------------------------------------------------ */
/* Reporting helpers                                                    */
/* ------------------------------------------------------------------ */

/* Writes s to fp with newlines, tabs and control bytes escaped, so each case
 * stays on one line. */
static void put_escaped(FILE *fp, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", fp);
        else if (c == '\\')
            fputs("\\\\", fp);
        else if (c < 0x20 || c == 0x7f)
            fprintf(fp, "\\x%02x", c);
        else
            fputc(c, fp);
    }
}

static void put_signal_set(FILE *fp, uint32_t set)
{
    int any = 0;
    for (int s = 0; s < DECORUM_N_SIGNALS; s++)
        if (set & (1u << s)) {
            fprintf(fp, "%s%s", any ? " " : "",
                    decorum_signal_name((decorum_signal)s));
            any = 1;
        }
    if (!any)
        fputs("-", fp);
}

static void put_verdicts(FILE *fp, unsigned set)
{
    int any = 0;
    for (int v = DECORUM_ALLOW; v <= DECORUM_REJECT; v++)
        if (set & (1u << v)) {
            fprintf(fp, "%s%s", any ? "|" : "",
                    decorum_verdict_name((decorum_verdict)v));
            any = 1;
        }
}

/* Prints the spans of r over text, one per line, with a prefix. */
static void put_spans(FILE *fp, const char *text, const decorum_result *r,
                      const char *indent)
{
    if (r->n_spans == 0) {
        fprintf(fp, "%s(no spans)\n", indent);
        return;
    }
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *s = &r->spans[i];
        fprintf(fp, "%s[%zu,%zu) \"", indent, s->begin, s->end);
        put_escaped(fp, text + s->begin, s->end - s->begin);
        fprintf(fp, "\" %s score=%.2f", decorum_signal_name(s->signal),
                (double)s->score);
        if (s->flags & DECORUM_SPAN_MITIGATING)
            fputs(" mitigating", fp);
        if (s->flags & DECORUM_SPAN_EVASION)
            fputs(" evasion", fp);
        if (s->flags & DECORUM_SPAN_CONTEXT)
            fputs(" context", fp);
        for (int c = 0; c < DECORUM_N_CATEGORIES; c++)
            if (s->category & (1u << c))
                fprintf(fp, " %s", decorum_category_name((decorum_category)c));
        fprintf(fp, " -- %s\n", s->reason ? s->reason : "(no reason)");
    }
}

/* ------------------------------------------------------------------ */
/* Judging one case                                                     */
/* ------------------------------------------------------------------ */

/* Bit set of signals on non-mitigating spans. */
static uint32_t attack_signals(const decorum_result *r)
{
    uint32_t set = 0;
    for (size_t i = 0; i < r->n_spans; i++)
        if (!(r->spans[i].flags & DECORUM_SPAN_MITIGATING))
            set |= 1u << r->spans[i].signal;
    return set;
}

/* Checks r against c; writes one line per problem to fp. Returns 1 when the
 * case passes. */
static int judge(const golden_case *c, const decorum_result *r, FILE *fp)
{
    int ok = 1;
    if (!(c->verdicts & (1u << r->verdict))) {
        fprintf(fp, "    - verdict %s is not ", decorum_verdict_name(r->verdict));
        put_verdicts(fp, c->verdicts);
        fputc('\n', fp);
        ok = 0;
    }
    if ((r->hateful != 0) != c->hateful) {
        fprintf(fp, "    - hateful %s, expected %s (hate_score %.3f)\n",
                r->hateful ? "yes" : "no", c->hateful ? "yes" : "no",
                (double)r->hate_score);
        ok = 0;
    }
    uint32_t got = attack_signals(r);
    uint32_t missing = c->signals & ~got;
    uint32_t forbidden = c->not_signals & got;
    if (missing) {
        fputs("    - missing signals: ", fp);
        put_signal_set(fp, missing);
        fputc('\n', fp);
        ok = 0;
    }
    if (forbidden) {
        fputs("    - forbidden signals fired: ", fp);
        put_signal_set(fp, forbidden);
        fputc('\n', fp);
        ok = 0;
    }
    for (size_t i = 0; i < c->n_spans; i++) {
        const golden_span *gs = &c->spans[i];
        const char *at = strstr(c->text, gs->substr);
        size_t b = (size_t)(at - c->text), e = b + strlen(gs->substr);
        int found = 0;
        for (size_t k = 0; k < r->n_spans && !found; k++) {
            const decorum_span *s = &r->spans[k];
            if (s->signal == gs->signal && s->begin < e && s->end > b)
                found = 1;
        }
        if (!found) {
            fprintf(fp, "    - no %s span over \"", decorum_signal_name(gs->signal));
            put_escaped(fp, gs->substr, strlen(gs->substr));
            fprintf(fp, "\" [%zu,%zu) (line %zu)\n", b, e, gs->line);
            ok = 0;
        }
    }
    return ok;
}

static void put_case_header(FILE *fp, const char *file, const golden_case *c,
                            const char *status)
{
    fprintf(fp, "%s %s:%zu %s\n", status, file, c->line, c->id);
    if (c->text) {
        fputs("    text:   ", fp);
        put_escaped(fp, c->text, c->text_len);
        fputc('\n', fp);
    }
    if (c->title) {
        fputs("    title:  ", fp);
        put_escaped(fp, c->title, c->title_len);
        fputc('\n', fp);
    }
    if (c->parent) {
        fputs("    parent: ", fp);
        put_escaped(fp, c->parent, c->parent_len);
        fputc('\n', fp);
    }
}

static void put_expected_got(FILE *fp, const golden_case *c,
                             const decorum_result *r)
{
    fputs("    expected: verdict ", fp);
    put_verdicts(fp, c->verdicts);
    fprintf(fp, ", hateful %s, signals ", c->hateful ? "yes" : "no");
    put_signal_set(fp, c->signals);
    fputs(", not-signals ", fp);
    put_signal_set(fp, c->not_signals);
    fputc('\n', fp);
    fprintf(fp, "    got:      verdict %s, hateful %s, hate_score %.3f, "
                "signals ",
            decorum_verdict_name(r->verdict), r->hateful ? "yes" : "no",
            (double)r->hate_score);
    put_signal_set(fp, attack_signals(r));
    fputc('\n', fp);
    put_spans(fp, c->text, r, "      ");
}

/* ------------------------------------------------------------------ */
/* The per-file test                                                    */
/* ------------------------------------------------------------------ */

struct golden_param {
    char name[128]; /* file base name; fixed size: params cross processes */
};

/* ------------------------------------------------------------------ */
/* Known failures                                                       */
/* ------------------------------------------------------------------ */

/* tests/data/golden/KNOWN_FAILURES lists, one per line, the ids of cases
 * the engine is known to get wrong today, each with a reason after '#'.
 * A listed case that fails is reported but does not fail the suite; a
 * listed case that passes does, so the list only ever shrinks. The real
 * pass rate is printed by golden::summary. */
#define KNOWN_PATH GOLDEN_DIR "/KNOWN_FAILURES"

typedef struct known_set {
    char **ids;
    size_t n;
} known_set;

static void known_load(known_set *k)
{
    memset(k, 0, sizeof *k);
    FILE *fp = fopen(KNOWN_PATH, "r");
    if (!fp)
        return;
    char line[512];
    size_t cap = 0;
    while (fgets(line, sizeof line, fp)) {
        char *h = strchr(line, '#');
        if (h)
            *h = '\0';
        char *b = line;
        while (*b == ' ' || *b == '\t')
            b++;
        char *e = b + strcspn(b, " \t\r\n");
        *e = '\0';
        if (!*b)
            continue;
        if (k->n == cap) {
            cap = cap ? cap * 2 : 64;
            char **ids = realloc(k->ids, cap * sizeof *ids);
            if (!ids)
                break;
            k->ids = ids;
        }
        k->ids[k->n++] = strdup(b);
    }
    fclose(fp);
}

static int known_has(const known_set *k, const char *id)
{
    for (size_t i = 0; i < k->n; i++)
        if (k->ids[i] && strcmp(k->ids[i], id) == 0)
            return 1;
    return 0;
}

static void known_free(known_set *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->ids[i]);
    free(k->ids);
    memset(k, 0, sizeof *k);
}

/* Runs one case; returns 1 when the engine judged it as written. When fp
 * is not NULL, writes the report of the case there. */
static int run_case(decorum_engine *eng, decorum_scratch *scr,
                    const golden_file *f, const golden_case *c, FILE *fp);

static void free_params(struct criterion_test_params *crp)
{
    cr_free(crp->params);
}

ParameterizedTestParameters(golden, file)
{
    char **names = NULL;
    size_t n = 0;
    const char *filter = getenv("DECORUM_GOLDEN_FILTER");
    if (golden_list(GOLDEN_DIR, filter, &names, &n) != 0 || n == 0) {
        golden_names_free(names, n);
        fprintf(stderr, "golden: no case files in %s%s%s\n", GOLDEN_DIR,
                filter ? " matching " : "", filter ? filter : "");
        return cr_make_param_array(struct golden_param, NULL, 0, NULL);
    }
    struct golden_param *p = cr_malloc(n * sizeof *p);
    for (size_t i = 0; p && i < n; i++)
        snprintf(p[i].name, sizeof p[i].name, "%s", names[i]);
    golden_names_free(names, n);
    if (!p)
        return cr_make_param_array(struct golden_param, NULL, 0, NULL);
    return cr_make_param_array(struct golden_param, p, n, free_params);
}

/* Marks cases of f whose id is also used in another golden file. */
static void mark_cross_file_duplicates(golden_file *f)
{
    char **names = NULL;
    size_t n = 0;
    if (golden_list(GOLDEN_DIR, NULL, &names, &n) != 0)
        return;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], f->name) == 0)
            continue;
        char path[1024];
        golden_file other;
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, names[i]);
        if (golden_load(path, names[i], &other) != 0)
            continue;
        for (size_t a = 0; a < f->n_cases; a++)
            for (size_t b = 0; b < other.n_cases; b++)
                if (strcmp(f->cases[a].id, other.cases[b].id) == 0) {
                    char msg[512];
                    snprintf(msg, sizeof msg, "duplicate id '%s' (also at %s:%zu)",
                             f->cases[a].id, other.name, other.cases[b].line);
                    golden_add_error(&f->cases[a].errors, f->name,
                                     f->cases[a].line, msg);
                }
        golden_file_free(&other);
    }
    golden_names_free(names, n);
}

ParameterizedTest(struct golden_param *prm, golden, file)
{
    const char *v = getenv("DECORUM_GOLDEN_VERBOSE");
    int verbose = v && *v && strcmp(v, "0") != 0;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, prm->name);
    /* Only the per-case cr_expect below may count as an assertion, because
     * the summary hook counts assertions as cases; setup failures therefore
     * use cr_assert_fail, which counts only when it fires. */
    golden_file f;
    if (golden_load(path, prm->name, &f) != 0)
        cr_assert_fail("cannot read %s", path);
    mark_cross_file_duplicates(&f);

    decorum_engine *eng = NULL;
    decorum_scratch *scr = NULL;
    decorum_error err;
    memset(&err, 0, sizeof err);
    if (decorum_engine_open(NULL, &eng, &err) != DECORUM_OK)
        cr_assert_fail("decorum_engine_open: %s", err.message);
    if (decorum_scratch_alloc(eng, &scr, &err) != DECORUM_OK)
        cr_assert_fail("decorum_scratch_alloc: %s", err.message);

    known_set ks;
    known_load(&ks);
    size_t passed = 0, n_known = 0;
    for (size_t i = 0; i < f.n_cases; i++) {
        const golden_case *c = &f.cases[i];
        char *buf = NULL;
        size_t blen = 0;
        FILE *fp = open_memstream(&buf, &blen);
        if (!fp)
            cr_assert_fail("open_memstream failed");
        int ok = run_case(eng, scr, &f, c, fp);
        fclose(fp);
        int known = known_has(&ks, c->id);
        if ((!ok && !known) || verbose)
            fwrite(buf, 1, blen, stderr);
        else if (!ok)
            fprintf(stderr, "KNOWN FAIL %s:%zu %s\n", f.name, c->line, c->id);
        free(buf);
        passed += (size_t)ok;
        n_known += (size_t)(known && !ok);
        if (known && ok)
            cr_expect(0, "%s:%zu %s passes now: remove it from KNOWN_FAILURES",
                      f.name, c->line, c->id);
        else
            cr_expect(ok || known, "%s:%zu %s", f.name, c->line, c->id);
    }
    fprintf(stderr, "golden: %s: %zu/%zu passed, %zu known failures\n", f.name,
            passed, f.n_cases, n_known);
    fflush(stderr);
    known_free(&ks);
    decorum_scratch_free(scr);
    decorum_engine_free(eng);
    golden_file_free(&f);
}

static int run_case(decorum_engine *eng, decorum_scratch *scr,
                    const golden_file *f, const golden_case *c, FILE *fp)
{
    decorum_error err;
    memset(&err, 0, sizeof err);
    FILE *sink = NULL;
    if (!fp)
        fp = sink = fopen("/dev/null", "w");
    if (!fp)
        return 0;
    int ok = 0;
    if (c->errors) {
        put_case_header(fp, f->name, c, "BROKEN");
        fputs("    malformed case:\n", fp);
        for (const char *l = c->errors; *l;) {
            const char *nl = strchr(l, '\n');
            size_t n = nl ? (size_t)(nl - l) : strlen(l);
            fprintf(fp, "      %.*s\n", (int)n, l);
            l += n + (nl ? 1 : 0);
        }
    } else {
        decorum_context ctx;
        memset(&ctx, 0, sizeof ctx);
        ctx.parent = c->parent;
        ctx.parent_len = c->parent_len;
        ctx.title = c->title;
        ctx.title_len = c->title_len;
        const decorum_result *r = NULL;
        decorum_status st = decorum_analyze(eng, scr, c->text, c->text_len,
                                            &ctx, &r, &err);
        if (st != DECORUM_OK) {
            put_case_header(fp, f->name, c, "FAIL");
            fprintf(fp, "    decorum_analyze: %s (%s)\n",
                    decorum_status_name(st), err.message);
        } else {
            char *pbuf = NULL;
            size_t plen = 0;
            FILE *pp = open_memstream(&pbuf, &plen);
            if (!pp)
                { if (sink) fclose(sink); return 0; }
            ok = judge(c, r, pp);
            fclose(pp);
            put_case_header(fp, f->name, c, ok ? "PASS" : "FAIL");
            if (c->note)
                fprintf(fp, "    note:   %s\n", c->note);
            fputs(pbuf, fp);
            free(pbuf);
            put_expected_got(fp, c, r);
        }
    }
    if (sink)
        fclose(sink);
    return ok;
}

/* The real pass rate over every case file, and the known-failure list kept
 * honest: every id in it must name an existing case. */
Test(golden, summary)
{
    if (getenv("DECORUM_GOLDEN_FILTER"))
        return;
    char **names = NULL;
    size_t n = 0;
    cr_assert_eq(golden_list(GOLDEN_DIR, NULL, &names, &n), 0);
    known_set ks;
    known_load(&ks);
    decorum_engine *eng = NULL;
    decorum_scratch *scr = NULL;
    decorum_error err;
    cr_assert_eq(decorum_engine_open(NULL, &eng, &err), DECORUM_OK);
    cr_assert_eq(decorum_scratch_alloc(eng, &scr, &err), DECORUM_OK);
    size_t total = 0, passed = 0, listed_found = 0;
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        golden_file f;
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, names[i]);
        if (golden_load(path, names[i], &f) != 0)
            continue;
        for (size_t j = 0; j < f.n_cases; j++) {
            total++;
            passed += (size_t)run_case(eng, scr, &f, &f.cases[j], NULL);
            listed_found += (size_t)known_has(&ks, f.cases[j].id);
        }
        golden_file_free(&f);
    }
    fprintf(stderr,
            "golden: %zu/%zu passed (%.1f%%), %zu known failures listed\n",
            passed, total, total ? 100.0 * (double)passed / (double)total : 0.0,
            ks.n);
    cr_expect_eq(listed_found, ks.n,
                 "KNOWN_FAILURES names %zu ids that are not golden cases",
                 ks.n - listed_found);
    known_free(&ks);
    golden_names_free(names, n);
    decorum_scratch_free(scr);
    decorum_engine_free(eng);
}

/* ------------------------------------------------------------------ */
/* The summary                                                          */
/* ------------------------------------------------------------------ */

/* Each file test reports one assertion per case. Report hooks run in the
 * runner process, which does not see the tests' memory, so the summary is
 * rebuilt from the per-test assertion counts: POST_TEST events arrive in
 * parameter order when tests run one at a time (ctest passes --jobs 1). The
 * per-file table is printed only when every count matches its file's case
 * count; the total is printed always. */
#define GOLDEN_MAX_FILES 256
static struct {
    int passed, failed, crashed;
} golden_runs[GOLDEN_MAX_FILES];
static size_t golden_n_runs;

ReportHook(POST_TEST)(struct criterion_test_stats *stats)
{
    if (strcmp(stats->test->category, "golden") != 0 ||
        strcmp(stats->test->name, "file") != 0 ||
        golden_n_runs >= GOLDEN_MAX_FILES)
        return;
    golden_runs[golden_n_runs].passed = stats->passed_asserts;
    golden_runs[golden_n_runs].failed = stats->failed_asserts;
    golden_runs[golden_n_runs].crashed = stats->crashed || stats->timed_out;
    golden_n_runs++;
}

ReportHook(POST_ALL)(struct criterion_global_stats *stats)
{
    (void)stats;
    if (golden_n_runs == 0)
        return; /* no file test ran, e.g. under --filter golden_parser */
    char **names = NULL;
    size_t n = 0;
    if (golden_list(GOLDEN_DIR, getenv("DECORUM_GOLDEN_FILTER"), &names, &n) !=
        0)
        return;
    size_t sizes[GOLDEN_MAX_FILES];
    int table = n > 0 && n == golden_n_runs && n <= GOLDEN_MAX_FILES;
    size_t total = 0, passed = 0;
    for (size_t i = 0; i < n && i < GOLDEN_MAX_FILES; i++) {
        char path[1024];
        golden_file f;
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, names[i]);
        sizes[i] = golden_load(path, names[i], &f) == 0 ? f.n_cases : 0;
        golden_file_free(&f);
        total += sizes[i];
        if (table && !golden_runs[i].crashed &&
            (size_t)(golden_runs[i].passed + golden_runs[i].failed) != sizes[i])
            table = 0;
    }
    for (size_t i = 0; i < golden_n_runs; i++)
        passed += (size_t)golden_runs[i].passed;
    if (table) {
        fputs("golden: per file\n", stderr);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "  %-24s %4d/%-4zu as expected%s\n", names[i],
                    golden_runs[i].passed, sizes[i],
                    golden_runs[i].crashed ? " CRASHED" : "");
    }
    fprintf(stderr, "golden: %zu/%zu as expected (passing or listed in "
            "KNOWN_FAILURES)\n", passed, total);
    golden_names_free(names, n);
}

/* ------------------------------------------------------------------ */
/* The parser's own test                                                */
/* ------------------------------------------------------------------ */

static const golden_case *find_case(const golden_file *f, const char *id)
{
    for (size_t i = 0; i < f->n_cases; i++)
        if (strcmp(f->cases[i].id, id) == 0)
            return &f->cases[i];
    return NULL;
}

static int has_error(const golden_case *c, const char *needle)
{
    return c && c->errors && strstr(c->errors, needle) != NULL;
}

Test(golden_parser, accepts_a_good_case)
{
    static const char src[] =
        "# a comment\n"
        "id: good-01\n"
        "text: line one\\nback\\\\slash \"quoted\" a = b = c\n"
        "parent: p\n"
        "title: t\n"
        "verdict: review|reject\n"
        "hateful: yes\n"
        "signals: dehumanization coded.echo\n"
        "not-signals: profanity\n"
        "span: line one = dehumanization\n"
        "span: a = b = c = coded.echo\n"
        "note: why\n"
        "\n\n"
        "id: good-02\r\n"
        "text: last case without a final newline\r\n"
        "verdict: allow\r\n"
        "hateful: no";
    golden_file f;
    cr_assert_eq(golden_parse("inline.txt", src, sizeof src - 1, &f), 0);
    cr_assert_eq(f.n_cases, 2);
    const golden_case *c = &f.cases[0];
    cr_assert_null(c->errors, "%s", c->errors);
    cr_assert_str_eq(c->id, "good-01");
    cr_assert_eq(c->line, 2);
    cr_assert_str_eq(c->text, "line one\nback\\slash \"quoted\" a = b = c");
    cr_assert_eq(c->text_len, strlen(c->text));
    cr_assert_str_eq(c->parent, "p");
    cr_assert_str_eq(c->title, "t");
    cr_assert_eq(c->verdicts, (1u << DECORUM_REVIEW) | (1u << DECORUM_REJECT));
    cr_assert_eq(c->hateful, 1);
    cr_assert_eq(c->signals, (1u << DECORUM_SIGNAL_DEHUMANIZATION) |
                                 (1u << DECORUM_SIGNAL_CODED_ECHO));
    cr_assert_eq(c->not_signals, 1u << DECORUM_SIGNAL_PROFANITY);
    cr_assert_eq(c->n_spans, 2);
    cr_assert_str_eq(c->spans[0].substr, "line one");
    /* the last " = " splits, so a substring may contain one */
    cr_assert_str_eq(c->spans[1].substr, "a = b = c");
    cr_assert_eq(c->spans[1].line, 11);
    golden_file_free(&f);
}

Test(golden_parser, rejects_malformed_cases)
{
    static const char src[] =
        "id: unknown-key\n"           /* 1 */
        "text: hello\n"
        "verdict: allow\n"
        "hateful: no\n"
        "colour: blue\n"              /* 5 */
        "\n"
        "id: missing-verdict\n"       /* 7 */
        "text: hello\n"
        "hateful: no\n"
        "\n"
        "id: span-not-in-text\n"      /* 11 */
        "text: hello there\n"
        "verdict: reject\n"
        "hateful: yes\n"
        "signals: slur\n"
        "span: goodbye = slur\n"      /* 16 */
        "\n"
        "id: unknown-key\n"           /* 18: duplicate id */
        "text: again\n"
        "verdict: allow\n"
        "hateful: no\n"
        "\n"
        "id: bad-tokens\n"            /* 23 */
        "text: bad \\t escape\n"
        "verdict: allow|maybe\n"
        "hateful: perhaps\n"
        "signals: slur hatred\n"
        "span: nothing-here\n"        /* 28 */
        "\n"
        "id: repeated\n"              /* 30 */
        "text: one\n"
        "text: two\n"
        "verdict: allow\n"
        "hateful: no\n"
        "signals: slur\n"
        "not-signals: slur\n"
        "Id: capital\n"               /* 37 */
        "verdict:allow\n";            /* 38 */
    golden_file f;
    cr_assert_eq(golden_parse("bad.txt", src, sizeof src - 1, &f), 0);
    cr_assert_eq(f.n_cases, 6, "got %zu cases", f.n_cases);
    for (size_t i = 0; i < f.n_cases; i++)
        cr_assert_not_null(f.cases[i].errors, "case %s should be broken",
                           f.cases[i].id);
    cr_assert(has_error(&f.cases[0], "bad.txt:5: unknown key 'colour'"), "%s",
              f.cases[0].errors);
    cr_assert(has_error(find_case(&f, "missing-verdict"),
                        "bad.txt:7: missing required key 'verdict'"));
    cr_assert(has_error(find_case(&f, "span-not-in-text"),
                        "bad.txt:16: span substring 'goodbye' is not in the "
                        "text"));
    cr_assert(has_error(&f.cases[3], "bad.txt:18: duplicate id 'unknown-key' "
                                     "(first at line 1)"),
              "%s", f.cases[3].errors);
    const golden_case *b = find_case(&f, "bad-tokens");
    cr_assert(has_error(b, "bad.txt:24: bad escape in text"), "%s", b->errors);
    cr_assert(has_error(b, "bad.txt:25: bad verdict 'allow|maybe'"));
    cr_assert(has_error(b, "bad.txt:26: hateful must be yes or no"));
    cr_assert(has_error(b, "bad.txt:27: unknown or repeated signal 'hatred'"));
    cr_assert(has_error(b, "bad.txt:28: span must be 'SUBSTRING = SIGNAL'"));
    const golden_case *r = find_case(&f, "repeated");
    cr_assert(has_error(r, "bad.txt:32: key 'text' given twice"), "%s",
              r->errors);
    cr_assert(has_error(r, "both in signals and not-signals"));
    cr_assert(has_error(r, "bad.txt:37: expected 'key: value'"));
    cr_assert(has_error(r, "bad.txt:38: expected a space after ':'"));
    golden_file_free(&f);
}

Test(golden_parser, every_file_parses)
{
    /* Reports all malformed cases at once, independent of the engine. */
    char **names = NULL;
    size_t n = 0;
    cr_assert_eq(golden_list(GOLDEN_DIR, NULL, &names, &n), 0,
                 "cannot list %s", GOLDEN_DIR);
    cr_expect_gt(n, 0, "no golden files in %s", GOLDEN_DIR);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        golden_file f;
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, names[i]);
        cr_assert_eq(golden_load(path, names[i], &f), 0, "cannot read %s",
                     path);
        mark_cross_file_duplicates(&f);
        for (size_t k = 0; k < f.n_cases; k++)
            cr_expect_null(f.cases[k].errors, "%s", f.cases[k].errors);
        golden_file_free(&f);
    }
    golden_names_free(names, n);
}
