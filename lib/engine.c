/*
 * engine.c: the public entry points. Loads the immutable engine (lexicons,
 * matcher, rules, model), allocates per-thread scratches, and drives the
 * pipeline for one comment: validate -> normalize -> match -> rules ->
 * model -> combine into a decorum_result whose spans are mapped back to the
 * caller's original byte offsets.
 */
#include "decorum_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

struct decorum_engine {
    dc_alloc al;
    decorum_engine_options opt;
    dc_normalizer *nz;
    dc_lexicon lx;
    dc_matcher *matcher;
    dc_rules *rules;
    dc_model *model;
};

/* Working state for one comment's analysis, plus its context. */
typedef struct pass {
    dc_norm norm;
    dc_hitvec hits;
} pass;

struct decorum_scratch {
    const decorum_engine *eng;
    dc_norm_scratch *ns;
    dc_match_scratch *ms;
    dc_rules_scratch *rs;
    dc_model_scratch *mods;
    pass main, parent, title;
    dc_rules_out rules;
    decorum_span *spans;
    size_t spans_cap;
    decorum_result result;
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

decorum_status decorum_engine_open(const decorum_engine_options *opt,
                                   decorum_engine **out, decorum_error *err)
{
    if (!out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1, "out is NULL");
    decorum_engine_options o;
    decorum_status st = check_options(opt, &o, err);
    if (st != DECORUM_OK)
        return st;
    dc_alloc al;
    dc_alloc_init(&al, o.allocator);
    decorum_engine *e = dc_calloc(&al, 1, sizeof *e);
    if (!e)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    e->al = al;
    e->opt = o;
    e->opt.allocator = NULL; /* copied into e->al */
    st = dc_normalizer_new(&e->al, &e->nz, err);
    if (st != DECORUM_OK)
        goto fail;
    st = dc_lexicon_load(&e->al, &e->lx, o.lexicon_dir, err);
    if (st != DECORUM_OK)
        goto fail;
    st = dc_matcher_new(&e->al, &e->lx, &e->matcher, err);
    if (st != DECORUM_OK)
        goto fail;
    st = dc_rules_new(&e->al, &e->lx, &e->rules, err);
    if (st != DECORUM_OK)
        goto fail;
    if (!(o.flags & DECORUM_OPT_NO_MODEL)) {
        st = dc_model_open(&e->al, o.model_path, &e->model, err);
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
    dc_model_free(&al, e->model);
    dc_rules_free(&al, e->rules);
    dc_matcher_free(&al, e->matcher);
    dc_lexicon_free(&al, &e->lx);
    dc_normalizer_free(&al, e->nz);
    dc_free(&al, e, sizeof *e);
}

size_t decorum_engine_describe(const decorum_engine *e, char *buf, size_t cap)
{
    int n;
    if (!e)
        n = snprintf(buf, cap, "(no engine)");
    else
        n = snprintf(buf, cap, "decorum %s: %zu lexicon entries, model: %s",
                     DECORUM_VERSION, e->lx.n,
                     e->model ? dc_model_describe(e->model) : "none");
    return n < 0 ? 0 : (size_t)n;
}

decorum_status decorum_scratch_alloc(const decorum_engine *e,
                                     decorum_scratch **out, decorum_error *err)
{
    if (!e || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "engine or out is NULL");
    decorum_status st;
    decorum_scratch *s = dc_calloc(&e->al, 1, sizeof *s);
    if (!s)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    s->eng = e;
    if ((st = dc_norm_scratch_new(&e->al, e->nz, &s->ns)) != DECORUM_OK ||
        (st = dc_match_scratch_new(&e->al, e->matcher, &s->ms)) != DECORUM_OK ||
        (st = dc_rules_scratch_new(&e->al, &s->rs)) != DECORUM_OK ||
        (e->model &&
         (st = dc_model_scratch_new(&e->al, e->model, &s->mods)) != DECORUM_OK))
        goto fail;
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
    const dc_alloc *al = &s->eng->al;
    pass_release(al, &s->main);
    pass_release(al, &s->parent);
    pass_release(al, &s->title);
    dc_rules_out_release(al, &s->rules);
    dc_free(al, s->spans, s->spans_cap * sizeof *s->spans);
    dc_model_scratch_free(al, s->mods);
    dc_rules_scratch_free(al, s->rs);
    dc_match_scratch_free(al, s->ms);
    dc_norm_scratch_free(al, s->ns);
    dc_free(al, s, sizeof *s);
}

/* Inline: a call that only passes its arguments on to two more calls. */
__attribute__((always_inline)) static inline decorum_status
run_pass(const decorum_engine *e, decorum_scratch *s, pass *p,
         const char *text, size_t len)
{
    /* Normalized text never grows more than 4 bytes per input byte plus
     * its NUL (docs/NORMALIZE.md: a code point never expands past 4x its
     * own length). */
    decorum_status st = dc_normalize(&e->al, e->nz, s->ns, text, len,
                                     e->opt.max_input * 4 + 64, &p->norm);
    if (st != DECORUM_OK)
        return st;
    return dc_match(&e->al, e->matcher, s->ms, &p->norm, &p->hits);
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
 * short ASCII comment. */
static inline decorum_status check_text(const decorum_engine *e,
                                        const char *text, size_t len,
                                        const char *what, decorum_error *err)
{
    /* decorum_utf8_check refuses a NULL text with a length. */
    if (len > e->opt.max_input ||
        decorum_utf8_check(text, len, NULL) != DECORUM_OK)
        return text_error(e, text, len, what, err);
    return DECORUM_OK;
}

/* Implemented in score.c: turns rule findings and model output into the
 * public result, spans mapped to original offsets. */
decorum_status dc_score(const dc_alloc *al, const decorum_engine_options *opt,
                        const dc_norm *n, const dc_rules_out *ro,
                        const dc_model_out *mo, decorum_span **spans,
                        size_t *spans_cap, decorum_result *res);

decorum_status decorum_analyze(const decorum_engine *e, decorum_scratch *s,
                               const char *text, size_t len,
                               const decorum_context *ctx,
                               const decorum_result **out, decorum_error *err)
{
    if (!e || !s || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "engine, scratch or out is NULL");
    if (s->eng != e)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "scratch belongs to another engine");
    if (ctx && ctx->flags)
        return dc_fail(err, DECORUM_ERR_FLAGS, (size_t)-1,
                       "unknown context flags 0x%x", ctx->flags);
    decorum_status st = check_text(e, text, len, "text", err);
    if (st != DECORUM_OK)
        return st;
    dc_ctx_view cv[2];
    size_t ncv = 0;
    if (ctx && ctx->parent_len) {
        if ((st = check_text(e, ctx->parent, ctx->parent_len, "parent",
                             err)) != DECORUM_OK)
            return st;
        if ((st = run_pass(e, s, &s->parent, ctx->parent, ctx->parent_len)) !=
            DECORUM_OK)
            goto fail;
        cv[ncv++] = (dc_ctx_view){&s->parent.norm, &s->parent.hits};
    }
    if (ctx && ctx->title_len) {
        if ((st = check_text(e, ctx->title, ctx->title_len, "title", err)) !=
            DECORUM_OK)
            return st;
        if ((st = run_pass(e, s, &s->title, ctx->title, ctx->title_len)) !=
            DECORUM_OK)
            goto fail;
        cv[ncv++] = (dc_ctx_view){&s->title.norm, &s->title.hits};
    }
    if ((st = run_pass(e, s, &s->main, text ? text : "", len)) != DECORUM_OK)
        goto fail;
    st = dc_rules_run(&e->al, e->rules, s->rs, &e->lx, text ? text : "", len,
                      &s->main.norm, &s->main.hits, cv, ncv, &s->rules);
    if (st != DECORUM_OK)
        goto fail;
    dc_model_out mo;
    dc_model_out *mop = NULL;
    if (e->model && len) {
        if ((st = dc_model_score(e->model, s->mods, &s->main.norm, s->rules.rf,
                                 &mo)) != DECORUM_OK)
            goto fail;
        mop = &mo;
    }
    st = dc_score(&e->al, &e->opt, &s->main.norm, &s->rules, mop, &s->spans,
                  &s->spans_cap, &s->result);
    if (st != DECORUM_OK)
        goto fail;
    *out = &s->result;
    return DECORUM_OK;
fail:
    return dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
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
    decorum_status st = run_pass(e, s, &s->main, text ? text : "", len);
    if (st != DECORUM_OK)
        return st;
    st = dc_rules_run(&e->al, e->rules, s->rs, &e->lx, text ? text : "", len,
                      &s->main.norm, &s->main.hits, NULL, 0, &s->rules);
    if (st != DECORUM_OK)
        return st;
    *norm = &s->main.norm;
    *ro = &s->rules;
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
