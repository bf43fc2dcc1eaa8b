/* model.c: STUB to be replaced (no model). */
#include "decorum_int.h"

decorum_status dc_model_open(const dc_alloc *al, const char *path,
                             dc_model **out, decorum_error *err)
{
    (void)al;
    if (path)
        return dc_fail(err, DECORUM_ERR_IO, (size_t)-1,
                       "models are not supported yet: %s", path);
    *out = NULL;
    return DECORUM_OK;
}
void dc_model_free(const dc_alloc *al, dc_model *m)
{
    (void)al;
    (void)m;
}
const char *dc_model_describe(const dc_model *m)
{
    (void)m;
    return "none";
}
decorum_status dc_model_scratch_new(const dc_alloc *al, const dc_model *m,
                                    dc_model_scratch **out)
{
    (void)al;
    (void)m;
    *out = NULL;
    return DECORUM_OK;
}
void dc_model_scratch_free(const dc_alloc *al, dc_model_scratch *ms)
{
    (void)al;
    (void)ms;
}
decorum_status dc_model_score(const dc_model *m, dc_model_scratch *ms,
                              const dc_norm *n,
                              const float rf[DC_N_RULE_FEATURES],
                              dc_model_out *out)
{
    (void)m;
    (void)ms;
    (void)n;
    (void)rf;
    (void)out;
    return DECORUM_ERR_INVALID;
}
