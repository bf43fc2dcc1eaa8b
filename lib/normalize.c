/* normalize.c: STUB to be replaced (ASCII lower-casing only). */
#include "decorum_int.h"

#include <string.h>

struct dc_normalizer { int unused; };
struct dc_norm_scratch { int unused; };

decorum_status dc_normalizer_new(const dc_alloc *al, dc_normalizer **out,
                                 decorum_error *err)
{
    (void)err;
    *out = dc_calloc(al, 1, sizeof **out);
    return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}
void dc_normalizer_free(const dc_alloc *al, dc_normalizer *nz)
{
    dc_free(al, nz, sizeof *nz);
}
decorum_status dc_norm_scratch_new(const dc_alloc *al, const dc_normalizer *nz,
                                   dc_norm_scratch **out)
{
    (void)nz;
    *out = dc_calloc(al, 1, sizeof **out);
    return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}
void dc_norm_scratch_free(const dc_alloc *al, dc_norm_scratch *ns)
{
    dc_free(al, ns, sizeof *ns);
}
decorum_status dc_normalize(const dc_alloc *al, const dc_normalizer *nz,
                            dc_norm_scratch *ns, const char *text, size_t len,
                            size_t max_out, dc_norm *out)
{
    (void)nz;
    (void)ns;
    if (len + 1 > out->cap) {
        size_t cap = len + 1;
        if (cap > max_out)
            return DECORUM_ERR_TOOBIG;
        dc_norm_release(al, out);
        out->text = dc_malloc(al, cap);
        out->src_begin = dc_malloc(al, cap * 4);
        out->src_end = dc_malloc(al, cap * 4);
        out->how = dc_malloc(al, cap);
        out->cap = cap;
        if (!out->text || !out->src_begin || !out->src_end || !out->how) {
            dc_norm_release(al, out);
            return DECORUM_ERR_NOMEM;
        }
    }
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        out->text[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        out->src_begin[i] = (uint32_t)i;
        out->src_end[i] = (uint32_t)i + 1;
        out->how[i] = 0;
    }
    out->text[len] = 0;
    out->len = len;
    out->evasions = 0;
    out->ascii = true;
    return DECORUM_OK;
}
void dc_norm_release(const dc_alloc *al, dc_norm *n)
{
    dc_free(al, n->text, n->cap);
    dc_free(al, n->src_begin, n->cap * 4);
    dc_free(al, n->src_end, n->cap * 4);
    dc_free(al, n->how, n->cap);
    memset(n, 0, sizeof *n);
}
