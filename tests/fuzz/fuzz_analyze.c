/*
 * fuzz_analyze.c: decorum_analyze through the public API on arbitrary
 * input, with options drawn from the input's first bytes.
 *
 * Layout of an input: byte 0 picks one of a few engines loaded once
 * (default thresholds; low thresholds; high thresholds; rules only
 * (DECORUM_OPT_NO_MODEL); a 256-byte max_input); byte 1 says whether the
 * remainder is split into parent / title / comment at the first two 0xFF
 * bytes (0xFF never occurs in UTF-8, so the split cannot eat a valid text).
 * Everything after that is the comment. Invalid UTF-8 is fed as is: the
 * engine must refuse it with DECORUM_ERR_UTF8 at the first bad byte.
 *
 * Checked on every DECORUM_OK result:
 *   - every span: begin < end <= len, both on UTF-8 character boundaries,
 *     attribute, signal and flags in range, a reason in valid UTF-8,
 *     score in [0, 1];
 *   - spans sorted by begin then end;
 *   - scores and hate_score in [0, 1] (not NaN), verdict in range, hateful
 *     agrees with hate_score and the engine's hate threshold;
 *   - an empty comment gives allow and no spans;
 *   - the same input twice in a decorum_analyze_batch call, after another
 *     comment, gives the same status, error position and result as alone
 *     (determinism, sound scratch reuse, batch = one at a time).
 * Each piece is copied to its own exact-size heap block so ASan catches a
 * read past its end. The engines' allocations are counted: after the
 * scratch is freed only the engine's own memory remains.
 */
#include "decorum.h"
#include "fuzz_util.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define N_ENGINES 5

static struct {
    decorum_engine *eng;
    fuzz_count count, base;
    decorum_allocator alc;
    float hate;
    size_t max_input;
} E[N_ENGINES];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    for (int i = 0; i < N_ENGINES; i++) {
        decorum_engine_options o;
        decorum_engine_options_init(&o);
        E[i].alc = fuzz_count_allocator(&E[i].count);
        o.allocator = &E[i].alc;
        switch (i) {
        case 1:
            o.review_threshold = 0.05f;
            o.reject_threshold = 0.1f;
            o.hate_threshold = 0.05f;
            break;
        case 2:
            o.review_threshold = 0.99f;
            o.reject_threshold = 1.0f;
            o.hate_threshold = 1.0f;
            break;
        case 3:
            o.flags = DECORUM_OPT_NO_MODEL;
            break;
        case 4:
            o.max_input = 256;
            break;
        }
        decorum_error err;
        if (decorum_engine_open(&o, &E[i].eng, &err) != DECORUM_OK) {
            fprintf(stderr, "fuzz_analyze: engine %d: %s\n", i, err.message);
            abort();
        }
        E[i].base = E[i].count;
        E[i].hate = o.hate_threshold;
        E[i].max_input = o.max_input ? o.max_input : DECORUM_DEFAULT_MAX_INPUT;
    }
    return 0;
}

static int is_boundary(const char *t, size_t len, size_t off)
{
    return off == 0 || off == len || ((unsigned char)t[off] & 0xC0) != 0x80;
}

static void check_result(const decorum_result *r, const char *t, size_t len,
                         float hate_threshold)
{
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++)
        FUZZ_CHECK(r->scores[a] >= 0 && r->scores[a] <= 1,
                   "scores[%d] = %g", a, (double)r->scores[a]);
    FUZZ_CHECK(r->hate_score >= 0 && r->hate_score <= 1, "hate_score %g",
               (double)r->hate_score);
    FUZZ_CHECK(r->hateful == (r->hate_score >= hate_threshold),
               "hateful %d with hate_score %g, threshold %g", r->hateful,
               (double)r->hate_score, (double)hate_threshold);
    FUZZ_CHECK(r->verdict == DECORUM_ALLOW || r->verdict == DECORUM_REVIEW ||
                   r->verdict == DECORUM_REJECT,
               "verdict %d", (int)r->verdict);
    FUZZ_CHECK(r->categories < (1u << DECORUM_N_CATEGORIES), "categories 0x%x",
               r->categories);
    FUZZ_CHECK(r->n_spans == 0 || r->spans, "spans NULL with n_spans %zu",
               r->n_spans);
    if (len == 0)
        FUZZ_CHECK(r->n_spans == 0 && r->verdict == DECORUM_ALLOW,
                   "empty text: %zu spans, verdict %d", r->n_spans,
                   (int)r->verdict);
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *s = &r->spans[i];
        FUZZ_CHECK(s->begin < s->end && s->end <= len,
                   "span %zu: [%zu, %zu) in text of %zu bytes", i, s->begin,
                   s->end, len);
        FUZZ_CHECK(is_boundary(t, len, s->begin) && is_boundary(t, len, s->end),
                   "span %zu: [%zu, %zu) splits a UTF-8 character", i,
                   s->begin, s->end);
        FUZZ_CHECK((unsigned)s->attribute < DECORUM_N_ATTRIBUTES,
                   "span %zu: attribute %d", i, (int)s->attribute);
        FUZZ_CHECK((unsigned)s->signal < DECORUM_N_SIGNALS,
                   "span %zu: signal %d", i, (int)s->signal);
        FUZZ_CHECK((s->flags & ~7u) == 0, "span %zu: flags 0x%x", i, s->flags);
        FUZZ_CHECK(s->score >= 0 && s->score <= 1, "span %zu: score %g", i,
                   (double)s->score);
        FUZZ_CHECK(s->reason != NULL, "span %zu: no reason", i);
        FUZZ_CHECK(decorum_utf8_check(s->reason, strlen(s->reason), NULL) ==
                       DECORUM_OK,
                   "span %zu: reason is not valid UTF-8", i);
        if (i)
            FUZZ_CHECK(r->spans[i - 1].begin < s->begin ||
                           (r->spans[i - 1].begin == s->begin &&
                            r->spans[i - 1].end <= s->end),
                       "spans %zu, %zu out of order", i - 1, i);
    }
}

/* A result flattened for comparison between two runs. */
static uint64_t digest(const decorum_result *r)
{
    uint64_t h = 1469598103934665603ull;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ull)
    MIX(r->verdict);
    MIX(r->hateful);
    MIX(r->categories);
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
        uint32_t u;
        memcpy(&u, &r->scores[a], 4);
        MIX(u);
    }
    MIX(r->n_spans);
    for (size_t i = 0; i < r->n_spans; i++) {
        MIX(r->spans[i].begin);
        MIX(r->spans[i].end);
        MIX(r->spans[i].signal);
        MIX(r->spans[i].flags);
    }
#undef MIX
    return h;
}

static char *dup_exact(const uint8_t *p, size_t n)
{
    char *d = malloc(n ? n : 1);
    if (d && n)
        memcpy(d, p, n);
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > DECORUM_DEFAULT_MAX_INPUT + 2)
        return 0;
    int which = data[0] % N_ENGINES;
    int split = data[1] & 1;
    data += 2;
    size -= 2;
    const uint8_t *piece[3] = {NULL, NULL, data}; /* parent, title, text */
    size_t plen[3] = {0, 0, size};
    if (split) {
        const uint8_t *a = memchr(data, 0xFF, size);
        const uint8_t *b = a ? memchr(a + 1, 0xFF, size - (size_t)(a + 1 - data))
                             : NULL;
        if (a && b) {
            piece[0] = data;
            plen[0] = (size_t)(a - data);
            piece[1] = a + 1;
            plen[1] = (size_t)(b - a - 1);
            piece[2] = b + 1;
            plen[2] = size - (size_t)(b + 1 - data);
        }
    }
    char *p[3];
    for (int k = 0; k < 3; k++) {
        p[k] = dup_exact(piece[k], plen[k]);
        if (!p[k]) {
            for (int j = 0; j < k; j++)
                free(p[j]);
            return 0;
        }
    }
    decorum_context ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.parent = p[0];
    ctx.parent_len = plen[0];
    ctx.title = p[1];
    ctx.title_len = plen[1];

    decorum_engine *eng = E[which].eng;
    decorum_scratch *scr = NULL;
    decorum_error err;
    FUZZ_CHECK(decorum_scratch_alloc(eng, &scr, &err) == DECORUM_OK,
               "scratch: %s", err.message);
    const decorum_result *r = NULL;
    decorum_status st = decorum_analyze(eng, scr, p[2], plen[2],
                                        split ? &ctx : NULL, &r, &err);
    /* What the engine must say: it checks the comment, then the parent,
     * then the title; each for its size, then its UTF-8. */
    size_t bad[3] = {0, 0, 0};
    decorum_status want = DECORUM_OK;
    int culprit = -1;
    static const int order[3] = {2, 0, 1};
    for (int j = 0; j < (split ? 3 : 1) && want == DECORUM_OK; j++) {
        int k = order[j];
        if (plen[k] > E[which].max_input)
            want = DECORUM_ERR_TOOBIG;
        else if (decorum_utf8_check(p[k], plen[k], &bad[k]) != DECORUM_OK)
            want = DECORUM_ERR_UTF8;
        culprit = k;
    }
    FUZZ_CHECK(st == want, "engine %d: status %s, expected %s (%s)", which,
               decorum_status_name(st), decorum_status_name(want),
               st == DECORUM_OK ? "" : err.message);
    if (st == DECORUM_ERR_UTF8)
        FUZZ_CHECK(err.position == bad[culprit],
                   "UTF-8 error at %zu, first bad byte %zu", err.position,
                   bad[culprit]);
    uint64_t d1 = 0;
    if (st == DECORUM_OK) {
        check_result(r, p[2], plen[2], E[which].hate);
        d1 = digest(r);
    }
    /* The same comment twice in a batch, after another comment: the same
     * status, error position and result as alone (and so as each other:
     * the scratch's reuse is sound). */
    static const char other[] = "(((they))) are invaders, send them back";
    const decorum_item items[3] = {
        {other, sizeof other - 1, NULL},
        {p[2], plen[2], split ? &ctx : NULL},
        {p[2], plen[2], split ? &ctx : NULL}};
    const decorum_result *out[3];
    decorum_status bst[3];
    decorum_error berr[3];
    FUZZ_CHECK(decorum_analyze_batch(eng, scr, items, 3, out, bst, berr) ==
                   DECORUM_OK,
               "batch refused: %s", berr[0].message);
    for (int k = 1; k < 3; k++) {
        FUZZ_CHECK(bst[k] == st, "batch item %d: status %s, alone %s", k,
                   decorum_status_name(bst[k]), decorum_status_name(st));
        if (st == DECORUM_OK)
            FUZZ_CHECK(digest(out[k]) == d1,
                       "batch item %d: not the result it had alone", k);
        else
            FUZZ_CHECK(berr[k].position == err.position,
                       "batch item %d: error at %zu, alone at %zu", k,
                       berr[k].position, err.position);
    }
    decorum_scratch_free(scr);
    for (int k = 0; k < 3; k++)
        free(p[k]);
    FUZZ_CHECK(E[which].count.blocks == E[which].base.blocks &&
                   E[which].count.bytes == E[which].base.bytes,
               "engine %d: %zu blocks, %zu bytes outstanding after the "
               "scratch was freed; expected %zu, %zu",
               which, E[which].count.blocks, E[which].count.bytes,
               E[which].base.blocks, E[which].base.bytes);
    return 0;
}
