/*
 * analysis.c: the one engine shared by every request thread, a pool of
 * scratches (one per thread that is analyzing at the moment), and the JSON
 * form of a verdict: the "decorum" extension object that both the
 * Perspective and the native API return.
 *
 * Why a pool and not thread-local scratches: MHD owns its worker threads,
 * so there is no hook to free a thread-local scratch when a worker exits;
 * a pool is freed in one place after the daemon has stopped. The pool
 * never holds more scratches than requests ever ran at once (the thread
 * count), and taking one is a mutex and a pointer pop.
 *
 * Offsets: decorum reports byte offsets. Perspective counts characters;
 * the service reports code points (what Python's len() and most server
 * languages count, and what Perspective's own Python examples slice with)
 * as "begin"/"end", and also UTF-16 units ("utf16_begin"/"utf16_end",
 * for JavaScript's String indices) and the original bytes.
 */
#include "server/server.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct srv_pool {
    const decorum_engine *eng;
    pthread_mutex_t mu;
    decorum_scratch **free_list; /* [n_free], capacity cap */
    size_t n_free, cap;
};

srv_pool *srv_pool_new(const decorum_engine *eng)
{
    srv_pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->eng = eng;
    pthread_mutex_init(&p->mu, NULL);
    return p;
}

void srv_pool_free(srv_pool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_free; i++)
        decorum_scratch_free(p->free_list[i]);
    free(p->free_list);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

static decorum_scratch *pool_take(srv_pool *p, decorum_error *err)
{
    decorum_scratch *s = NULL;
    pthread_mutex_lock(&p->mu);
    if (p->n_free > 0)
        s = p->free_list[--p->n_free];
    pthread_mutex_unlock(&p->mu);
    if (!s && decorum_scratch_alloc(p->eng, &s, err) != DECORUM_OK)
        return NULL;
    return s;
}

static void pool_give(srv_pool *p, decorum_scratch *s)
{
    pthread_mutex_lock(&p->mu);
    if (p->n_free == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 8;
        decorum_scratch **nl = realloc(p->free_list, ncap * sizeof *nl);
        if (!nl) {
            /* Dropping the scratch costs an allocation later, nothing
             * more. */
            pthread_mutex_unlock(&p->mu);
            decorum_scratch_free(s);
            return;
        }
        p->free_list = nl;
        p->cap = ncap;
    }
    p->free_list[p->n_free++] = s;
    pthread_mutex_unlock(&p->mu);
}

size_t srv_cp_offset(const char *text, size_t byte_off)
{
    size_t n = 0;
    for (size_t i = 0; i < byte_off; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t srv_utf16_offset(const char *text, size_t byte_off)
{
    size_t n = 0;
    for (size_t i = 0; i < byte_off; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c & 0xC0) == 0x80)
            continue;
        /* A four-byte sequence is a code point above U+FFFF: a surrogate
         * pair in UTF-16. */
        n += c >= 0xF0 ? 2 : 1;
    }
    return n;
}

static json_t *category_list(uint32_t bits)
{
    json_t *a = json_array();
    for (int c = 0; a && c < DECORUM_N_CATEGORIES; c++)
        if (bits & (1u << c))
            json_array_append_new(
                a, json_string(decorum_category_name((decorum_category)c)));
    return a;
}

/* Scores are rounded to 4 decimals: more digits are noise from float32
 * and make responses longer for nothing. */
static double round4(float f)
{
    double d = (double)f;
    if (d < 0)
        d = 0;
    if (d > 1)
        d = 1;
    return (double)(long)(d * 10000.0 + 0.5) / 10000.0;
}

static json_t *span_json(const char *text, const decorum_span *sp)
{
    const char *sig = decorum_signal_name(sp->signal);
    const char *attr = decorum_attribute_name(sp->attribute);
    return json_pack(
        "{s:I, s:I, s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:f, s:o, s:b, s:b,"
        " s:b, s:s%}",
        "begin", (json_int_t)srv_cp_offset(text, sp->begin), "end",
        (json_int_t)srv_cp_offset(text, sp->end), "utf16_begin",
        (json_int_t)srv_utf16_offset(text, sp->begin), "utf16_end",
        (json_int_t)srv_utf16_offset(text, sp->end), "byte_begin",
        (json_int_t)sp->begin, "byte_end", (json_int_t)sp->end, "signal",
        sig ? sig : "unknown", "attribute", attr ? attr : "TOXICITY", "reason",
        sp->reason ? sp->reason : "", "score", round4(sp->score), "categories",
        category_list(sp->category), "mitigating",
        (sp->flags & DECORUM_SPAN_MITIGATING) != 0, "evasion",
        (sp->flags & DECORUM_SPAN_EVASION) != 0, "context",
        (sp->flags & DECORUM_SPAN_CONTEXT) != 0, "text", text + sp->begin,
        (size_t)(sp->end - sp->begin));
}

static json_t *result_json(const char *text, size_t len,
                           const decorum_result *r)
{
    json_t *scores = json_object(), *spans = json_array();
    if (!scores || !spans)
        goto fail;
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++)
        if (json_object_set_new(scores,
                                decorum_attribute_name((decorum_attribute)a),
                                json_real(round4(r->scores[a]))) != 0)
            goto fail;
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *sp = &r->spans[i];
        /* A span outside the text would be an engine bug; dropping it
         * keeps the response (and the offset walk) safe. */
        if (sp->end > len || sp->begin >= sp->end)
            continue;
        json_t *o = span_json(text, sp);
        if (!o || json_array_append_new(spans, o) != 0)
            goto fail;
    }
    return json_pack("{s:s, s:b, s:f, s:o, s:o, s:o, s:s, s:I}", "verdict",
                     decorum_verdict_name(r->verdict), "hateful", r->hateful,
                     "hate_score", round4(r->hate_score), "categories",
                     category_list(r->categories), "scores", scores, "spans",
                     spans, "offsets", "codepoints", "chars",
                     (json_int_t)srv_cp_offset(text, len));
fail:
    json_decref(scores);
    json_decref(spans);
    return NULL;
}

json_t *srv_analyze(srv *s, const char *text, size_t len,
                    const decorum_context *ctx, decorum_status *st,
                    decorum_error *err)
{
    decorum_scratch *scr = pool_take(s->pool, err);
    if (!scr) {
        *st = err ? err->status : DECORUM_ERR_NOMEM;
        return NULL;
    }
    const decorum_result *res = NULL;
    *st = decorum_analyze(s->engine, scr, len ? text : NULL, len, ctx, &res,
                          err);
    json_t *out = NULL;
    if (*st == DECORUM_OK) {
        /* Built while the scratch is still ours: res lives in it. */
        out = result_json(text ? text : "", len, res);
        if (!out)
            *st = DECORUM_ERR_NOMEM;
        else
            srv_metrics_verdict(&s->metrics, res->verdict);
    }
    pool_give(s->pool, scr);
    return out;
}
