/* rules.c: STUB, replaced by the rule layer. */
#include "decorum_int.h"

#include <string.h>

struct dc_rules { int unused; };
struct dc_rules_scratch { int unused; };

decorum_status dc_rules_new(const dc_alloc *al, const dc_lexicon *lx,
                            dc_rules **out, decorum_error *err)
{
    (void)lx;
    (void)err;
    *out = dc_calloc(al, 1, sizeof **out);
    return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}
void dc_rules_free(const dc_alloc *al, dc_rules *r)
{
    dc_free(al, r, sizeof *r);
}
decorum_status dc_rules_scratch_new(const dc_alloc *al, dc_rules_scratch **out)
{
    *out = dc_calloc(al, 1, sizeof **out);
    return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}
void dc_rules_scratch_free(const dc_alloc *al, dc_rules_scratch *rs)
{
    dc_free(al, rs, sizeof *rs);
}
decorum_status dc_rules_run(const dc_alloc *al, const dc_rules *r,
                            dc_rules_scratch *rs, const dc_lexicon *lx,
                            const char *text, size_t len, const dc_norm *n,
                            const dc_hitvec *hits, const dc_ctx_view *ctx,
                            size_t n_ctx, dc_rules_out *out)
{
    (void)al; (void)r; (void)rs; (void)lx; (void)text; (void)len; (void)n;
    (void)hits; (void)ctx; (void)n_ctx;
    out->n = 0;
    out->reasons_len = 0;
    memset(out->rf, 0, sizeof out->rf);
    memset(out->attr, 0, sizeof out->attr);
    out->hate = 0;
    out->categories = 0;
    return DECORUM_OK;
}
void dc_rules_out_release(const dc_alloc *al, dc_rules_out *o)
{
    dc_free(al, o->v, o->cap * sizeof *o->v);
    dc_free(al, o->reasons, o->reasons_cap);
    memset(o, 0, sizeof *o);
}
