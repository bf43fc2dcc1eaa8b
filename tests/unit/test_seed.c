/*
 * test_seed.c: the seed thread (tests/data/seed-thread.json), judged as a
 * careful moderator would judge it.
 *
 * The file holds an article (title, paragraphs) and its comments; a comment's
 * "parent" is the id of the comment it replies to, or null. Each comment is
 * analyzed with the article title as `title` and its parent comment's text as
 * `parent`; article paragraphs are analyzed with the title. What is asserted:
 * - comment 2: "(((US)))" and "(((those responsible)))" are each covered by
 *   a coded.echo span (the antisemitic "echo");
 * - comment 4: hateful and not allowed; a conspiracy span over the Soros
 *   "funding invaders" sentence; stereotype spans over the two ethnic
 *   generalizations; every "invaders" marked dehumanization;
 * - comment 1: every "invader" marked dehumanization;
 * - reply 2.1 (about a comic book): allowed, no attack span;
 * - the plain reporting paragraphs (those that do not say "invaders"):
 *   allowed and not hateful;
 * - comment 3 ("arm the returning disheartened illegals"): not rejected;
 * - the title itself: not allowed, "Invaders" marked dehumanization.
 * Every failing assertion prints the spans the engine found.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "decorum.h"

#define SEED_PATH DECORUM_SOURCE_DIR "/tests/data/seed-thread.json"

static json_t *seed;
static decorum_engine *eng;
static decorum_scratch *scr;

static void setup(void)
{
    json_error_t jerr;
    decorum_error err;
    seed = json_load_file(SEED_PATH, 0, &jerr);
    cr_assert_not_null(seed, "%s:%d: %s", SEED_PATH, jerr.line, jerr.text);
    cr_assert_eq(decorum_engine_open(NULL, &eng, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(decorum_scratch_alloc(eng, &scr, &err), DECORUM_OK, "%s",
                 err.message);
}

static void teardown(void)
{
    decorum_scratch_free(scr);
    decorum_engine_free(eng);
    json_decref(seed);
}

TestSuite(seed, .init = setup, .fini = teardown);

/* ------------------------------------------------------------------ */
/* Access to the thread                                                 */
/* ------------------------------------------------------------------ */

static const char *title(void)
{
    const char *t = json_string_value(
        json_object_get(json_object_get(seed, "article"), "title"));
    cr_assert_not_null(t, "article.title missing");
    return t;
}

static json_t *comment(const char *id)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(seed, "comments"), i, c)
    {
        if (strcmp(json_string_value(json_object_get(c, "id")), id) == 0)
            return c;
    }
    cr_assert_fail("no comment %s in %s", id, SEED_PATH);
    return NULL;
}

static const char *comment_text(const char *id)
{
    const char *t = json_string_value(json_object_get(comment(id), "text"));
    cr_assert_not_null(t, "comment %s has no text", id);
    return t;
}

/* Paragraph n, numbered from 1 as in seed-thread.jsonl (article.pN). */
static const char *paragraph(size_t n)
{
    json_t *ps = json_object_get(json_object_get(seed, "article"), "paragraphs");
    const char *t = json_string_value(json_array_get(ps, n - 1));
    cr_assert_not_null(t, "no paragraph %zu", n);
    return t;
}

/* Analyzes a text with the article title and an optional parent text. */
static const decorum_result *analyze(const char *text, const char *parent)
{
    decorum_context ctx;
    decorum_error err;
    const decorum_result *r = NULL;
    memset(&ctx, 0, sizeof ctx);
    ctx.title = title();
    ctx.title_len = strlen(ctx.title);
    if (parent) {
        ctx.parent = parent;
        ctx.parent_len = strlen(parent);
    }
    decorum_status st =
        decorum_analyze(eng, scr, text, strlen(text), &ctx, &r, &err);
    cr_assert_eq(st, DECORUM_OK, "decorum_analyze: %s (%s)",
                 decorum_status_name(st), err.message);
    return r;
}

static const decorum_result *analyze_comment(const char *id)
{
    json_t *p = json_object_get(comment(id), "parent");
    const char *parent = json_is_string(p) ? comment_text(json_string_value(p))
                                           : NULL;
    return analyze(comment_text(id), parent);
}

/* ------------------------------------------------------------------ */
/* Span checks                                                          */
/* ------------------------------------------------------------------ */

/* Describes the result: verdict, hate score and every span, for assertion
 * messages. Returns a static buffer. */
static const char *describe(const char *text, const decorum_result *r)
{
    static char buf[16384];
    size_t o = 0;
    o += (size_t)snprintf(buf + o, sizeof buf - o,
                          "verdict %s, hateful %d, hate_score %.3f, %zu spans:",
                          decorum_verdict_name(r->verdict), r->hateful,
                          (double)r->hate_score, r->n_spans);
    for (size_t i = 0; i < r->n_spans && o < sizeof buf - 1; i++) {
        const decorum_span *s = &r->spans[i];
        int n = (int)(s->end - s->begin);
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "\n    [%zu,%zu) \"%.*s\" %s%s -- %s", s->begin,
                              s->end, n > 80 ? 80 : n, text + s->begin,
                              decorum_signal_name(s->signal),
                              (s->flags & DECORUM_SPAN_MITIGATING)
                                  ? " (mitigating)"
                                  : "",
                              s->reason ? s->reason : "");
    }
    if (r->n_spans == 0 && o < sizeof buf)
        snprintf(buf + o, sizeof buf - o, " (none)");
    return buf;
}

/* Byte offset of the nth (from 0) occurrence of needle, or -1. */
static long find_nth(const char *text, const char *needle, int nth)
{
    const char *p = text;
    for (;;) {
        p = strstr(p, needle);
        if (!p)
            return -1;
        if (nth-- == 0)
            return (long)(p - text);
        p++;
    }
}

static int overlaps(const decorum_result *r, decorum_signal sig, size_t b,
                    size_t e)
{
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *s = &r->spans[i];
        if (s->signal == sig && !(s->flags & DECORUM_SPAN_MITIGATING) &&
            s->begin < e && s->end > b)
            return 1;
    }
    return 0;
}

static int covers(const decorum_result *r, decorum_signal sig, size_t b,
                  size_t e)
{
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *s = &r->spans[i];
        if (s->signal == sig && !(s->flags & DECORUM_SPAN_MITIGATING) &&
            s->begin <= b && s->end >= e)
            return 1;
    }
    return 0;
}

static void expect_overlap(const char *id, const char *text,
                           const decorum_result *r, const char *needle,
                           decorum_signal sig)
{
    long b = find_nth(text, needle, 0);
    cr_assert_geq(b, 0, "comment %s: \"%s\" not in the text", id, needle);
    cr_expect(overlaps(r, sig, (size_t)b, (size_t)b + strlen(needle)),
              "comment %s: no %s span over \"%s\" [%ld,%zu)\n  got %s", id,
              decorum_signal_name(sig), needle, b, (size_t)b + strlen(needle),
              describe(text, r));
}

static int is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-';
}

/* Expects every whole-word, case-insensitive occurrence of word to be
 * overlapped by a span with sig. Returns the number of occurrences. */
static int expect_every_word(const char *id, const char *text,
                             const decorum_result *r, const char *word,
                             decorum_signal sig)
{
    size_t wl = strlen(word), tl = strlen(text);
    int count = 0;
    for (size_t i = 0; i + wl <= tl; i++) {
        if (strncasecmp(text + i, word, wl) != 0 ||
            (i > 0 && is_word_byte(text[i - 1])) ||
            (i + wl < tl && is_word_byte(text[i + wl])))
            continue;
        count++;
        cr_expect(overlaps(r, sig, i, i + wl),
                  "comment %s: occurrence %d of \"%s\" at [%zu,%zu) (\"...%.30s\") "
                  "is not marked %s\n  got %s",
                  id, count, word, i, i + wl, text + i,
                  decorum_signal_name(sig), describe(text, r));
    }
    return count;
}

static int is_attack(decorum_signal s)
{
    switch (s) {
    case DECORUM_SIGNAL_COUNTER_SPEECH:
    case DECORUM_SIGNAL_RECLAIMED:
    case DECORUM_SIGNAL_NEGATED:
    case DECORUM_SIGNAL_QUOTED:
    case DECORUM_SIGNAL_MODEL:
        return 0;
    default:
        return 1;
    }
}

/* ------------------------------------------------------------------ */
/* The moderator's judgement                                            */
/* ------------------------------------------------------------------ */

Test(seed, comment2_echoes_are_coded_hate)
{
    const char *text = comment_text("2");
    const decorum_result *r = analyze_comment("2");
    static const char *const echoes[] = {"(((US)))", "(((those responsible)))"};
    for (size_t i = 0; i < 2; i++) {
        long b = find_nth(text, echoes[i], 0);
        cr_assert_geq(b, 0, "\"%s\" not in comment 2", echoes[i]);
        size_t e = (size_t)b + strlen(echoes[i]);
        cr_expect(covers(r, DECORUM_SIGNAL_CODED_ECHO, (size_t)b, e),
                  "comment 2: \"%s\" [%ld,%zu) is not covered by a coded.echo "
                  "span\n  got %s",
                  echoes[i], b, e, describe(text, r));
    }
}

Test(seed, comment4_is_hateful)
{
    const char *text = comment_text("4");
    const decorum_result *r = analyze_comment("4");
    cr_expect(r->hateful, "comment 4 should be hateful\n  got %s",
              describe(text, r));
    cr_expect_neq(r->verdict, DECORUM_ALLOW,
                  "comment 4 should not be allowed\n  got %s",
                  describe(text, r));
}

Test(seed, comment4_soros_funding_invaders_is_conspiracy)
{
    const char *text = comment_text("4");
    const decorum_result *r = analyze_comment("4");
    expect_overlap("4", text, r,
                   "George Soros & his ilk come in, funding invaders",
                   DECORUM_SIGNAL_CONSPIRACY);
}

Test(seed, comment4_ethnic_generalizations_are_stereotypes)
{
    const char *text = comment_text("4");
    const decorum_result *r = analyze_comment("4");
    expect_overlap("4", text, r,
                   "Indian Subcontinentals are known for pooling their money",
                   DECORUM_SIGNAL_STEREOTYPE);
    expect_overlap("4", text, r,
                   "the Chinese can amass these amounts by their extreme "
                   "thriftiness",
                   DECORUM_SIGNAL_STEREOTYPE);
}

Test(seed, comment4_invaders_dehumanize)
{
    const char *text = comment_text("4");
    const decorum_result *r = analyze_comment("4");
    int n = expect_every_word("4", text, r, "invaders",
                              DECORUM_SIGNAL_DEHUMANIZATION);
    cr_assert_geq(n, 3, "comment 4 should say \"invaders\" several times");
}

Test(seed, comment1_invader_dehumanizes)
{
    const char *text = comment_text("1");
    const decorum_result *r = analyze_comment("1");
    int n = expect_every_word("1", text, r, "invader",
                              DECORUM_SIGNAL_DEHUMANIZATION);
    cr_assert_geq(n, 1, "comment 1 should say \"invader\"");
}

Test(seed, reply21_is_harmless)
{
    const char *text = comment_text("2.1");
    const decorum_result *r = analyze_comment("2.1");
    cr_expect_eq(r->verdict, DECORUM_ALLOW, "reply 2.1 should be allowed\n  got %s",
                 describe(text, r));
    cr_expect_not(r->hateful, "reply 2.1 is not hateful\n  got %s",
                  describe(text, r));
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *s = &r->spans[i];
        cr_expect(!is_attack(s->signal) || (s->flags & DECORUM_SPAN_MITIGATING),
                  "reply 2.1 has an attack span %s\n  got %s",
                  decorum_signal_name(s->signal), describe(text, r));
    }
}

Test(seed, plain_reporting_paragraphs_are_allowed)
{
    /* The paragraphs that report without calling anyone "invaders". */
    static const size_t plain[] = {2, 3, 4, 5, 7, 9, 11, 12, 13, 14};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        const char *text = paragraph(plain[i]);
        const decorum_result *r = analyze(text, NULL);
        cr_expect_eq(r->verdict, DECORUM_ALLOW,
                     "article.p%zu should be allowed: \"%.60s...\"\n  got %s",
                     plain[i], text, describe(text, r));
        cr_expect_not(r->hateful,
                      "article.p%zu is not hateful: \"%.60s...\"\n  got %s",
                      plain[i], text, describe(text, r));
    }
}

/* The title itself ("Mexico Won't Take Back "Foreign" Invaders"): the
 * object of "take back" is migrants, and "won't" denies the act, not the
 * word. Judged as a comment with no context. */
Test(seed, title_invaders_dehumanize)
{
    const char *text = title();
    const decorum_result *r = NULL;
    decorum_error err;
    cr_assert_eq(decorum_analyze(eng, scr, text, strlen(text), NULL, &r, &err),
                 DECORUM_OK, "%s", err.message);
    cr_expect_neq(r->verdict, DECORUM_ALLOW,
                  "the title should not be allowed\n  got %s",
                  describe(text, r));
    expect_every_word("title", text, r, "Invaders",
                      DECORUM_SIGNAL_DEHUMANIZATION);
}

Test(seed, comment3_is_not_rejected)
{
    const char *text = comment_text("3");
    const decorum_result *r = analyze_comment("3");
    cr_expect_neq(r->verdict, DECORUM_REJECT,
                  "comment 3 (\"arm the returning disheartened illegals\") "
                  "should not be rejected\n  got %s",
                  describe(text, r));
}
