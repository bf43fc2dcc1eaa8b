/* match.c: STUB to be replaced. */
#include "decorum_int.h"

struct dc_matcher { int unused; };
struct dc_match_scratch { int unused; };

decorum_status dc_matcher_new(const dc_alloc *al, const dc_lexicon *lx,
                              dc_matcher **out, decorum_error *err)
{
    (void)lx;
    (void)err;
    *out = dc_calloc(al, 1, sizeof **out);
    return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}
void dc_matcher_free(const dc_alloc *al, dc_matcher *m)
{
    dc_free(al, m, sizeof *m);
}
decorum_status dc_match_scratch_new(const dc_alloc *al, const dc_matcher *m,
                                    dc_match_scratch **out)
{
    (void)m;
    *out = dc_calloc(al, 1, sizeof **out);
    return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}
void dc_match_scratch_free(const dc_alloc *al, dc_match_scratch *ms)
{
    dc_free(al, ms, sizeof *ms);
}
decorum_status dc_match(const dc_alloc *al, const dc_matcher *m,
                        dc_match_scratch *ms, const dc_norm *n, dc_hitvec *out)
{
    (void)al;
    (void)m;
    (void)ms;
    (void)n;
    out->n = 0;
    return DECORUM_OK;
}
void dc_hitvec_release(const dc_alloc *al, dc_hitvec *hv)
{
    dc_free(al, hv->v, hv->cap * sizeof *hv->v);
    hv->v = NULL;
    hv->n = hv->cap = 0;
}
