/*
 * score.c: combines the rule layer's findings and the model's heads into
 * the public decorum_result: attribute probabilities, the hate score, the
 * verdict, and spans mapped back to original byte offsets.
 */
#include "decorum_int.h"

#include <string.h>

decorum_status dc_score(const dc_alloc *al, const decorum_engine_options *opt,
                        const dc_norm *n, const dc_rules_out *ro,
                        const dc_model_out *mo, decorum_span **spans,
                        size_t *spans_cap, decorum_result *res);

static float clamp01(float x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

decorum_status dc_score(const dc_alloc *al, const decorum_engine_options *opt,
                        const dc_norm *n, const dc_rules_out *ro,
                        const dc_model_out *mo, decorum_span **spans,
                        size_t *spans_cap, decorum_result *res)
{
    memset(res, 0, sizeof *res);
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++)
        res->scores[a] = clamp01(ro->attr[a]);
    res->hate_score = clamp01(ro->hate);
    (void)mo;
    size_t need = ro->n;
    decorum_status st = dc_grow(al, (void **)spans, spans_cap, need ? need : 1,
                                sizeof **spans, 1u << 20);
    if (st != DECORUM_OK)
        return st;
    size_t k = 0;
    for (size_t i = 0; i < ro->n; i++) {
        const dc_finding *f = &ro->v[i];
        if (f->end <= f->begin || f->end > n->len)
            continue;
        decorum_span *sp = &(*spans)[k++];
        sp->begin = n->src_begin[f->begin];
        sp->end = n->src_end[f->end - 1];
        sp->attribute = (decorum_attribute)f->attribute;
        sp->signal = (decorum_signal)f->signal;
        sp->flags = f->flags;
        sp->category = f->categories;
        sp->score = clamp01(f->weight);
        sp->reason = ro->reasons ? ro->reasons + f->reason : "";
    }
    res->spans = *spans;
    res->n_spans = k;
    res->categories = ro->categories;
    res->hateful = res->hate_score >= opt->hate_threshold;
    float top = res->scores[DECORUM_TOXICITY];
    if (res->hate_score > top)
        top = res->hate_score;
    res->verdict = top >= opt->reject_threshold   ? DECORUM_REJECT
                   : top >= opt->review_threshold ? DECORUM_REVIEW
                                                  : DECORUM_ALLOW;
    return DECORUM_OK;
}
