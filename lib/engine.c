/*
 * engine.c: the public entry points. Loads the immutable engine (lexicons,
 * matcher, rules, model), allocates per-thread scratches, and drives the
 * pipeline for one comment: validate -> normalize -> match -> (the
 * canonical text, canon.c, matched again where it differs) -> rules ->
 * model -> combine into a decorum_result whose spans are mapped back to the
 * caller's original byte offsets.
 */
#include "dcx_analyze.h"
#include "decorum_int.h"
#include "ucd.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct decorum_engine {
    dc_alloc al;
    /* What the engine's tables are allocated with at load: an arena (the
     * lexicon's 4,585 entries alone were 63 page faults at every start),
     * or al (alloc.c, dc_arena_init). Only used at open and free. */
    const dc_alloc *lal;
    dc_arena arena;
    decorum_engine_options opt;
    dc_normalizer *nz;
    dc_lexicon lx;
    dc_matcher *matcher;
    dc_rules *rules;
    dc_canon *canon;
    dc_model *model;
};

/* One text's normalization and matches. */
typedef struct pass {
    dc_norm norm;
    dc_hitvec hits;
} pass;

/* One comment's analysis from its text to its result, with its context.
 * A scratch has DECORUM_BATCH_MAX of them: decorum_analyze_batch takes
 * each stage over all its comments before the next stage, so a stage's
 * code and tables stay in cache from one comment to the next; the whole
 * pipeline's code does not fit in L1i (docs/BENCHMARKS.md). */
typedef struct lane {
    /* canon: the buffers of a canonical text (canon.c), the parent's, the
     * title's, the comment's in turn; where one differs from the
     * normalized text, the two passes are swapped, so that main (parent,
     * title) is always the one the later stages read. */
    pass main, parent, title, canon;
    pass *ctx[2]; /* the context's passes in use, parent first */
    size_t nctx;
    dc_rules_out rules;
    dc_model_out mo;
    decorum_span *spans;
    size_t spans_cap;
    decorum_result result;
} lane;

struct decorum_scratch {
    const decorum_engine *eng;
    /* What the stages allocate with: the arena's allocator, or the
     * engine's where there is no arena (alloc.c, dc_arena_init). */
    const dc_alloc *al;
    dc_arena arena;
    dc_norm_scratch *ns;
    dc_match_scratch *ms;
    dc_rules_scratch *rs;
    dc_model_scratch *mods;
    dc_rules_out parent_rules; /* a parent read for a reply that agrees */
    dc_edit *ed;               /* [ed_cap]: canonize's edits */
    size_t ed_cap;
    lane lanes[DECORUM_BATCH_MAX];
};

void decorum_engine_options_init(decorum_engine_options *opt)
{
    if (!opt)
        return;
    memset(opt, 0, sizeof *opt);
    opt->struct_size = sizeof *opt;
    opt->review_threshold = DECORUM_DEFAULT_REVIEW;
    opt->reject_threshold = DECORUM_DEFAULT_REJECT;
    opt->hate_threshold = DECORUM_DEFAULT_HATE;
    opt->max_input = DECORUM_DEFAULT_MAX_INPUT;
}

static decorum_status check_options(const decorum_engine_options *in,
                                    decorum_engine_options *o,
                                    decorum_error *err)
{
    decorum_engine_options_init(o);
    if (!in)
        return DECORUM_OK;
    if (in->struct_size != sizeof *in)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "options.struct_size is %u, expected %zu: call "
                       "decorum_engine_options_init()",
                       in->struct_size, sizeof *in);
    if (in->flags & ~DECORUM_OPT_ALL_FLAGS)
        return dc_fail(err, DECORUM_ERR_FLAGS, (size_t)-1,
                       "unknown option flags 0x%x",
                       in->flags & ~DECORUM_OPT_ALL_FLAGS);
    for (size_t i = 0; i < sizeof in->reserved / sizeof in->reserved[0]; i++)
        if (in->reserved[i])
            return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                           "options.reserved[%zu] must be NULL", i);
    *o = *in;
    if (o->review_threshold == 0)
        o->review_threshold = DECORUM_DEFAULT_REVIEW;
    if (o->reject_threshold == 0)
        o->reject_threshold = DECORUM_DEFAULT_REJECT;
    if (o->hate_threshold == 0)
        o->hate_threshold = DECORUM_DEFAULT_HATE;
    if (o->max_input == 0)
        o->max_input = DECORUM_DEFAULT_MAX_INPUT;
    if (!(o->review_threshold > 0 && o->review_threshold <= o->reject_threshold &&
          o->reject_threshold <= 1) ||
        !(o->hate_threshold > 0 && o->hate_threshold <= 1))
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "thresholds must satisfy 0 < review <= reject <= 1 "
                       "and 0 < hate <= 1");
    if (o->max_input > DECORUM_MAX_INPUT_LIMIT)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "max_input %zu exceeds the limit %u", o->max_input,
                       DECORUM_MAX_INPUT_LIMIT);
    return DECORUM_OK;
}

/* The built-in matcher blobs, whose tables scoring reads at random,
 * advised once a process before anything reads them (alloc.c,
 * dc_advise_huge). Not the model: its 1 MiB weight table holds no whole
 * huge page, and a copy of it on one measured no faster. */
static pthread_once_t advise_once = PTHREAD_ONCE_INIT;

static void advise_builtin(void)
{
    for (size_t i = 0; i < dc_builtin_matchdb_count; i++)
        dc_advise_huge(dc_builtin_matchdb[i].data, dc_builtin_matchdb[i].len);
}

decorum_status decorum_engine_open(const decorum_engine_options *opt,
                                   decorum_engine **out, decorum_error *err)
{
    if (!out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1, "out is NULL");
    decorum_engine_options o;
    decorum_status st = check_options(opt, &o, err);
    if (st != DECORUM_OK)
        return st;
    (void)pthread_once(&advise_once, advise_builtin);
    dc_alloc al;
    dc_alloc_init(&al, o.allocator);
    decorum_engine *e = dc_calloc(&al, 1, sizeof *e);
    if (!e)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    e->al = al;
    e->opt = o;
    e->opt.allocator = NULL; /* copied into e->al */
    e->lal = dc_arena_init(&e->arena, &e->al, DC_ARENA_ENGINE);
    st = dc_normalizer_new(e->lal, &e->nz, err);
    if (st != DECORUM_OK)
        goto fail;
    /* The rules and the scorer read the offset map through dc_norm_src_*. */
    dc_normalizer_set_lazy_map(e->nz, true);
    st = dc_lexicon_load(e->lal, &e->lx, o.lexicon_dir, err);
    if (st != DECORUM_OK)
        goto fail;
    st = dc_matcher_new(e->lal, &e->lx, &e->matcher, err);
    if (st != DECORUM_OK)
        goto fail;
    st = dc_rules_new(e->lal, &e->lx, &e->rules, err);
    if (st != DECORUM_OK)
        goto fail;
    st = dc_canon_new(e->lal, &e->lx, &e->canon);
    if (st != DECORUM_OK)
        goto fail;
    if (!(o.flags & DECORUM_OPT_NO_MODEL)) {
        st = dc_model_open(e->lal, o.model_path, &e->model, err);
        if (st != DECORUM_OK)
            goto fail;
    }
    e->opt.lexicon_dir = NULL; /* caller's strings are not kept */
    e->opt.model_path = NULL;
    *out = e;
    return DECORUM_OK;
fail:
    if (err && err->status != st)
        dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
    decorum_engine_free(e);
    return st;
}

void decorum_engine_free(decorum_engine *e)
{
    if (!e)
        return;
    dc_alloc al = e->al;
    const dc_alloc *lal = e->lal ? e->lal : &e->al;
    dc_model_free(lal, e->model);
    dc_canon_free(lal, e->canon);
    dc_rules_free(lal, e->rules);
    dc_matcher_free(lal, e->matcher);
    dc_lexicon_free(lal, &e->lx);
    dc_normalizer_free(lal, e->nz);
    dc_arena_release(&e->arena);
    dc_free(&al, e, sizeof *e);
}

size_t decorum_engine_describe(const decorum_engine *e, char *buf, size_t cap)
{
    int n;
    if (!e)
        n = snprintf(buf, cap, "(no engine)");
    else
        n = snprintf(buf, cap,
                     "decorum %s: %zu lexicon entries, model: %s, "
                     "normalization: %s",
                     DECORUM_VERSION, e->lx.n,
                     e->model ? dc_model_describe(e->model) : "none",
                     dc_ucd_source);
    return n < 0 ? 0 : (size_t)n;
}

decorum_status decorum_scratch_alloc(const decorum_engine *e,
                                     decorum_scratch **out, decorum_error *err)
{
    if (!e || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "engine or out is NULL");
    decorum_status st;
    uint32_t lo, span;
    decorum_scratch *s = dc_calloc(&e->al, 1, sizeof *s);
    if (!s)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    s->eng = e;
    s->al = dc_arena_init(&s->arena, &e->al, DC_ARENA_SCRATCH);
    if ((st = dc_norm_scratch_new(s->al, e->nz, &s->ns)) != DECORUM_OK ||
        (st = dc_match_scratch_new(s->al, e->matcher, &s->ms)) != DECORUM_OK ||
        (st = dc_rules_scratch_new(s->al, &s->rs)) != DECORUM_OK ||
        (e->model &&
         /* One per-word table for the matcher's memo and the model's
          * word cache (dc_word_entry): the matcher scratch's, freed after
          * the model scratch (its own when the matcher keeps no memo). */
         (st = dc_model_scratch_new_words(s->al, e->model,
                                          dc_match_scratch_words(s->ms),
                                          &s->mods)) != DECORUM_OK))
        goto fail;
    /* dc_match watches for the fillers' entries (canonize) */
    dc_canon_fillers(e->canon, &lo, &span);
    dc_match_scratch_watch(s->ms, lo, span);
    /* and keeps the glue apart (the rules read it where they defer it) */
    dc_match_scratch_glue(s->ms, &e->lx);
    *out = s;
    return DECORUM_OK;
fail:
    decorum_scratch_free(s);
    return dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
}

static void pass_release(const dc_alloc *al, pass *p)
{
    dc_norm_release(al, &p->norm);
    dc_hitvec_release(al, &p->hits);
}

void decorum_scratch_free(decorum_scratch *s)
{
    if (!s)
        return;
    const dc_alloc *al = s->al;
    for (size_t i = 0; i < DECORUM_BATCH_MAX; i++) {
        lane *l = &s->lanes[i];
        pass_release(al, &l->main);
        pass_release(al, &l->parent);
        pass_release(al, &l->title);
        pass_release(al, &l->canon);
        dc_rules_out_release(al, &l->rules);
        dc_free(al, l->spans, l->spans_cap * sizeof *l->spans);
    }
    dc_rules_out_release(al, &s->parent_rules);
    dc_free(al, s->ed, s->ed_cap * sizeof *s->ed);
    dc_model_scratch_free(al, s->mods);
    dc_rules_scratch_free(al, s->rs);
    dc_match_scratch_free(al, s->ms);
    dc_norm_scratch_free(al, s->ns);
    dc_arena_release(&s->arena);
    dc_free(&s->eng->al, s, sizeof *s);
}

/* Normalizes one text of a lane. */
static inline decorum_status normalize(const decorum_engine *e,
                                       decorum_scratch *s, pass *p,
                                       const char *text, size_t len)
{
    /* Normalized text never grows more than 4 bytes per input byte plus
     * its NUL (docs/NORMALIZE.md: a code point never expands past 4x its
     * own length). */
    return dc_normalize(s->al, e->nz, s->ns, text ? text : "", len,
                        e->opt.max_input * 4 + 64, &p->norm);
}

static inline decorum_status match(const decorum_engine *e,
                                   decorum_scratch *s, pass *p)
{
    return dc_match(s->al, e->matcher, s->ms, &p->norm, &p->hits);
}

/* A text's canonical text (canon.c), where it differs from its
 * normalized text: made in spare, matched, and swapped into p, which
 * every later stage reads (the comment's, and its parent's and title's,
 * which the rules read for a reply: "so true" under "your days are
 * basically numbered"). A text with no filler among its hits (dc_match
 * watched for them: dc_hitvec.watched, 81% of the bench corpus) is its
 * own; only one with a filler where its sense drops it pays more than
 * the look at its hits. */
static __attribute__((noinline)) decorum_status
canonize_watched(const decorum_engine *e, decorum_scratch *s, pass *p,
                 pass *spare)
{
    const dc_hitvec *hv = &p->hits;
    if (s->ed_cap < hv->n) {
        size_t cap = s->ed_cap ? s->ed_cap : 16;
        while (cap < hv->n)
            cap *= 2;
        dc_edit *ed = dc_malloc(s->al, cap * sizeof *ed);
        if (!ed)
            return DECORUM_ERR_NOMEM;
        dc_free(s->al, s->ed, s->ed_cap * sizeof *s->ed);
        s->ed = ed;
        s->ed_cap = cap;
    }
    size_t n = dc_canon_edits(e->canon, &p->norm, hv, s->ed, s->ed_cap);
    if (!n)
        return DECORUM_OK;
    decorum_status st = dc_norm_edit(s->al, &p->norm, s->ed, n,
                                     e->opt.max_input * 4 + 64, &spare->norm);
    if (st == DECORUM_OK)
        st = match(e, s, spare);
    if (st != DECORUM_OK)
        return st;
    pass t = *p;
    *p = *spare;
    *spare = t;
    return DECORUM_OK;
}

/* (the test of hv->watched inline where the stages call it: most texts
 * have no filler, and paid a call and a frame for it, 11 instructions a
 * text on the bench corpus; session 61) */
static inline __attribute__((always_inline)) decorum_status
canonize(const decorum_engine *e, decorum_scratch *s, pass *p, pass *spare)
{
    return p->hits.watched ? canonize_watched(e, s, p, spare) : DECORUM_OK;
}

/* What is wrong with a text check_text refused, reported in err. */
__attribute__((cold, noinline)) static decorum_status
text_error(const decorum_engine *e, const char *text, size_t len,
           const char *what, decorum_error *err)
{
    if (len && !text)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "%s is NULL with length %zu", what, len);
    if (len > e->opt.max_input)
        return dc_fail(err, DECORUM_ERR_TOOBIG, e->opt.max_input,
                       "%s is %zu bytes; the limit is %zu", what, len,
                       e->opt.max_input);
    size_t bad = 0;
    decorum_utf8_check(text, len, &bad);
    return dc_fail(err, DECORUM_ERR_UTF8, bad,
                   "%s is not valid UTF-8 at byte %zu", what, bad);
}

/* Inline, its messages apart: it runs for every comment, and the call with
 * the register saves of the error paths cost as much as the check of a
 * short ASCII comment. valid: the caller has checked that the text is
 * UTF-8 (dcx_analyze_batch_valid), so only its pointer and length are
 * left. */
static inline decorum_status check_text(const decorum_engine *e,
                                        const char *text, size_t len,
                                        bool valid, const char *what,
                                        decorum_error *err)
{
    /* decorum_utf8_check refuses a NULL text with a length. */
    if (len > e->opt.max_input || (valid && len && !text) ||
        (!valid && decorum_utf8_check(text, len, NULL) != DECORUM_OK))
        return text_error(e, text, len, what, err);
    return DECORUM_OK;
}

/* Implemented in score.c: turns rule findings and model output into the
 * public result, spans mapped to original offsets. */
decorum_status dc_score(const dc_alloc *al, const decorum_engine_options *opt,
                        const dc_norm *n, const dc_rules_out *ro,
                        const dc_model *m, dc_model_scratch *ms,
                        dc_model_out *mo, decorum_span **spans,
                        size_t *spans_cap, decorum_result *res);

/* decorum_analyze_batch's checks of one item, and its texts normalized.
 * An error is reported in err (may be NULL) and returned. Inline in the
 * loop over the items (always_inline: GCC kept it out of line, a frame a
 * comment, 57 instructions a lane on the bench corpus, of which the loop
 * keeps 32; session 61). */
static inline __attribute__((always_inline)) decorum_status
lane_start(const decorum_engine *e, decorum_scratch *s, lane *l,
           const decorum_item *it, bool valid, decorum_error *err)
{
    const decorum_context *ctx = it->ctx;
    if (ctx && ctx->flags)
        return dc_fail(err, DECORUM_ERR_FLAGS, (size_t)-1,
                       "unknown context flags 0x%x", ctx->flags);
    decorum_status st = check_text(e, it->text, it->len, valid, "text", err);
    if (st != DECORUM_OK)
        return st;
    l->nctx = 0;
    if (ctx && ctx->parent_len) {
        if ((st = check_text(e, ctx->parent, ctx->parent_len, valid,
                             "parent", err)) != DECORUM_OK)
            return st;
        if ((st = normalize(e, s, &l->parent, ctx->parent,
                            ctx->parent_len)) != DECORUM_OK)
            goto fail;
        l->ctx[l->nctx++] = &l->parent;
    }
    if (ctx && ctx->title_len) {
        if ((st = check_text(e, ctx->title, ctx->title_len, valid, "title",
                             err)) != DECORUM_OK)
            return st;
        if ((st = normalize(e, s, &l->title, ctx->title, ctx->title_len)) !=
            DECORUM_OK)
            goto fail;
        l->ctx[l->nctx++] = &l->title;
    }
    if ((st = normalize(e, s, &l->main, it->text, it->len)) == DECORUM_OK)
        return DECORUM_OK;
fail:
    return dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
}

/* Marks item i failed in a stage: its message is the status's, as
 * decorum_analyze gives it. */
static void lane_fail(decorum_status *st, decorum_error *err, size_t i,
                      decorum_status why)
{
    st[i] = why;
    dc_fail(err ? &err[i] : NULL, why, (size_t)-1, "%s", decorum_strerror(why));
}

/* The stages after normalization, for one lane each, inline in
 * run_stage's loop (as stage_model_score is): out of line, stage_match
 * and stage_rules each cost every comment a frame (30 and 47 instructions
 * a lane on the bench corpus), of which the loop, inline, keeps less than
 * half (session 61: -0.22M and -0.46M). */
static inline __attribute__((always_inline)) decorum_status
stage_match(const decorum_engine *e, decorum_scratch *s, lane *l,
            const decorum_item *it)
{
    (void)it;
    decorum_status r = DECORUM_OK;
    /* (each canonized in l->canon, whose buffers then hold the text it
     * replaced and serve the next) */
    for (size_t k = 0; k < l->nctx && r == DECORUM_OK; k++) {
        r = match(e, s, l->ctx[k]);
        if (r == DECORUM_OK)
            r = canonize(e, s, l->ctx[k], &l->canon);
    }
    if (r == DECORUM_OK)
        r = match(e, s, &l->main);
    return r == DECORUM_OK ? canonize(e, s, &l->main, &l->canon) : r;
}

/* (inline: above) */
static inline __attribute__((always_inline)) decorum_status
stage_rules(const decorum_engine *e, decorum_scratch *s, lane *l,
            const decorum_item *it)
{
    dc_ctx_view cv[2];
    for (size_t k = 0; k < l->nctx; k++)
        cv[k] = (dc_ctx_view){&l->ctx[k]->norm, &l->ctx[k]->hits,
                              l->ctx[k] == &l->parent};
    decorum_status st = dc_rules_run(
        s->al, e->rules, s->rs, &e->lx, it->text ? it->text : "", it->len,
        &l->main.norm, &l->main.hits, cv, l->nctx, &l->rules);
    /* "Exactly." under a hateful comment: the parent is read by the rules
     * too (its normalization and matches are there already), and the
     * reply takes on what it agrees with. The run reuses s->rs, which
     * holds nothing the reply still needs once its own dc_rules_out is
     * filled, and s->parent_rules, which one lane uses at a time and
     * dc_rules_agree copies what it keeps from (the reason text). */
    if (st == DECORUM_OK && l->rules.agrees && l->nctx &&
        l->ctx[0] == &l->parent) {
        st = dc_rules_run(s->al, e->rules, s->rs, &e->lx, it->ctx->parent,
                          it->ctx->parent_len, &l->parent.norm,
                          &l->parent.hits, NULL, 0, &s->parent_rules);
        if (st == DECORUM_OK)
            st = dc_rules_agree(s->al, &l->rules, &s->parent_rules);
    }
    return st;
}

/* An empty comment, or an engine without a model, has no model output.
 * The rules then read what the model weighed of their predicates. The
 * model's evidence is left in s->mods for dc_score, which asks for it
 * only where the model moved the verdict. */
static inline __attribute__((always_inline)) decorum_status
stage_model(const decorum_engine *e, decorum_scratch *s,
                                  lane *l, const decorum_item *it)
{
    if (!e->model || !it->len)
        return DECORUM_OK;
    decorum_status st = dc_model_score_runs_later(
        e->model, s->mods, &l->main.norm, &l->main.hits, l->rules.rf,
        l->rules.pred, l->rules.npred, &l->mo);
    if (st != DECORUM_OK || __builtin_expect(l->mo.npred == 0, 1))
        return st;
    return dc_rules_weigh_pred(s->al, &l->rules, &l->main.norm, &l->mo);
}

/* The model and the scorer, one lane after the other: the evidence the
 * scorer may ask for is the scratch's, of the lane the model scored last.
 * Inline, as stage_model was before it (a call a lane more: +0.23M). */
static inline __attribute__((always_inline)) decorum_status
stage_model_score(const decorum_engine *e, decorum_scratch *s, lane *l,
                  const decorum_item *it)
{
    decorum_status st = stage_model(e, s, l, it);
    if (st != DECORUM_OK)
        return st;
    return dc_score(s->al, &e->opt, &l->main.norm, &l->rules, e->model,
                    s->mods, e->model && it->len ? &l->mo : NULL, &l->spans,
                    &l->spans_cap, &l->result);
}

typedef decorum_status (*stage_fn)(const decorum_engine *, decorum_scratch *,
                                   lane *, const decorum_item *);

/* One stage over the items that have not failed. Inline, so that each
 * call site calls its stage directly. */
__attribute__((always_inline)) static inline void
run_stage(stage_fn stage, const decorum_engine *e, decorum_scratch *s,
          const decorum_item *items, size_t n, decorum_status *st,
          decorum_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (st[i] != DECORUM_OK)
            continue;
        decorum_status r = stage(e, s, &s->lanes[i], &items[i]);
        if (r != DECORUM_OK)
            lane_fail(st, err, i, r);
    }
}

/* decorum_analyze_batch, and dcx_analyze_batch_valid with valid set.
 * Inline in both: the tests of valid fold away in each. */
__attribute__((always_inline)) static inline decorum_status
analyze_batch(const decorum_engine *e, decorum_scratch *s,
              const decorum_item *items, size_t n, bool valid,
              const decorum_result **out, decorum_status *st,
              decorum_error *err)
{
    if (!e || !s || (n && (!items || !out || !st)))
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "engine, scratch, items, out or st is NULL");
    if (s->eng != e)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "scratch belongs to another engine");
    if (n > DECORUM_BATCH_MAX)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "%zu items; at most %u a call", n, DECORUM_BATCH_MAX);
    /* Each stage over all the items; an item that failed sits out the
     * stages after. */
    for (size_t i = 0; i < n; i++) {
        out[i] = NULL;
        st[i] = lane_start(e, s, &s->lanes[i], &items[i], valid,
                           err ? &err[i] : NULL);
    }
    /* The matcher's memo pairs are fetched as its word pass starts
     * (word_keys: docs/MATCH.md, sixteenth round); its word table is the
     * model's word cache, so the model finds the sets it reads where the
     * matcher left them (no fetch ahead of the model stage: docs/MODEL.md,
     * "Session 49"). */
    run_stage(stage_match, e, s, items, n, st, err);
    run_stage(stage_rules, e, s, items, n, st, err);
    run_stage(stage_model_score, e, s, items, n, st, err);
    for (size_t i = 0; i < n; i++)
        if (st[i] == DECORUM_OK)
            out[i] = &s->lanes[i].result;
    return DECORUM_OK;
}

decorum_status decorum_analyze_batch(const decorum_engine *e,
                                     decorum_scratch *s,
                                     const decorum_item *items, size_t n,
                                     const decorum_result **out,
                                     decorum_status *st, decorum_error *err)
{
    return analyze_batch(e, s, items, n, false, out, st, err);
}

decorum_status dcx_analyze_batch_valid(const decorum_engine *e,
                                       decorum_scratch *s,
                                       const decorum_item *items, size_t n,
                                       const decorum_result **out,
                                       decorum_status *st, decorum_error *err)
{
    return analyze_batch(e, s, items, n, true, out, st, err);
}

/* One comment is a batch of one. */
decorum_status decorum_analyze(const decorum_engine *e, decorum_scratch *s,
                               const char *text, size_t len,
                               const decorum_context *ctx,
                               const decorum_result **out, decorum_error *err)
{
    if (!e || !s || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "engine, scratch or out is NULL");
    decorum_item it = {text, len, ctx};
    const decorum_result *res;
    decorum_status st;
    decorum_status r = decorum_analyze_batch(e, s, &it, 1, &res, &st, err);
    if (r != DECORUM_OK)
        return r;
    if (st == DECORUM_OK)
        *out = res;
    return st;
}

/* For the trainer (train.c), which needs the engine's own normalization
 * and rule features for each training row: runs normalize, match and rules
 * on one comment with s, without the model. */
decorum_status dc_engine_rules(const decorum_engine *e, decorum_scratch *s,
                               const char *text, size_t len,
                               const dc_norm **norm, const dc_rules_out **ro)
{
    if (!e || !s || s->eng != e || (len && !text))
        return DECORUM_ERR_INVALID;
    if (len > e->opt.max_input)
        return DECORUM_ERR_TOOBIG;
    if (decorum_utf8_check(text, len, NULL) != DECORUM_OK)
        return DECORUM_ERR_UTF8;
    lane *l = &s->lanes[0];
    decorum_status st = normalize(e, s, &l->main, text, len);
    if (st == DECORUM_OK)
        st = match(e, s, &l->main);
    if (st == DECORUM_OK)
        st = canonize(e, s, &l->main, &l->canon);
    if (st == DECORUM_OK)
        st = dc_rules_run(s->al, e->rules, s->rs, &e->lx, text ? text : "",
                          len, &l->main.norm, &l->main.hits, NULL, 0,
                          &l->rules);
    if (st != DECORUM_OK)
        return st;
    *norm = &l->main.norm;
    *ro = &l->rules;
    return DECORUM_OK;
}

const dc_alloc *dc_engine_alloc(const decorum_engine *e)
{
    return &e->al;
}

const dc_lexicon *dc_engine_lexicon(const decorum_engine *e)
{
    return &e->lx;
}
