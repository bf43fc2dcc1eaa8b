/*
 * fuzz_normalize.c: dc_normalize (lib/normalize.c) on arbitrary bytes.
 *
 * The input is cut at its first invalid UTF-8 byte (the engine validates
 * before normalizing, so invalid text never reaches the normalizer) and
 * normalized twice through one scratch and one dc_norm, as a thread's
 * reused scratch would. Checked on every output:
 *   - text[len] == '\0', len <= the limit, the text is valid UTF-8;
 *   - the offset map: src_begin[i] <= src_end[i] <= input length, both
 *     arrays non-decreasing;
 *   - how[i] holds only DC_EV_* bits and evasions is their OR;
 *   - the second run gives the same bytes and map (buffer reuse is sound).
 * The input is copied to an exact-size heap block so ASan catches any read
 * past its end. Allocations are counted: all are returned at the end.
 */
#include "decorum_int.h"
#include "fuzz_util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static dc_normalizer *nz;
static dc_alloc al;
static fuzz_count count;
static fuzz_count base; /* what the normalizer itself holds */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    decorum_allocator a = fuzz_count_allocator(&count);
    dc_alloc_init(&al, &a);
    decorum_error err;
    if (dc_normalizer_new(&al, &nz, &err) != DECORUM_OK) {
        fprintf(stderr, "fuzz_normalize: normalizer: %s\n", err.message);
        abort();
    }
    base = count;
    return 0;
}

static void check_norm(const dc_norm *n, size_t in_len, size_t max_out)
{
    FUZZ_CHECK(n->len <= max_out && n->len < n->cap, "len %zu cap %zu",
               n->len, n->cap);
    FUZZ_CHECK(n->text[n->len] == '\0', "not NUL-terminated");
    size_t bad = 0;
    FUZZ_CHECK(decorum_utf8_check(n->text, n->len, &bad) == DECORUM_OK,
               "normalized text is not UTF-8 at %zu", bad);
    uint32_t ev = 0;
    for (size_t i = 0; i < n->len; i++) {
        FUZZ_CHECK(n->src_begin[i] <= n->src_end[i], "i=%zu: [%u, %u)", i,
                   n->src_begin[i], n->src_end[i]);
        FUZZ_CHECK(n->src_end[i] <= in_len, "i=%zu: end %u > input %zu", i,
                   n->src_end[i], in_len);
        if (i) {
            FUZZ_CHECK(n->src_begin[i - 1] <= n->src_begin[i],
                       "src_begin decreases at %zu: %u > %u", i,
                       n->src_begin[i - 1], n->src_begin[i]);
            FUZZ_CHECK(n->src_end[i - 1] <= n->src_end[i],
                       "src_end decreases at %zu: %u > %u", i,
                       n->src_end[i - 1], n->src_end[i]);
        }
        FUZZ_CHECK((n->how[i] & ~DC_EV_ANY) == 0, "how[%zu] = 0x%x", i,
                   n->how[i]);
        ev |= n->how[i];
    }
    FUZZ_CHECK(ev == n->evasions, "evasions 0x%x, OR of how 0x%x",
               n->evasions, ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > DECORUM_DEFAULT_MAX_INPUT)
        return 0;
    size_t len = size;
    decorum_utf8_check((const char *)data, size, &len);
    char *text = malloc(len ? len : 1);
    if (!text)
        return 0;
    memcpy(text, data, len);
    const size_t max_out = DECORUM_DEFAULT_MAX_INPUT * 4 + 64;

    dc_norm_scratch *ns = NULL;
    FUZZ_CHECK(dc_norm_scratch_new(&al, nz, &ns) == DECORUM_OK, "scratch");
    dc_norm n, first;
    memset(&n, 0, sizeof n);
    memset(&first, 0, sizeof first);
    decorum_status st = dc_normalize(&al, nz, ns, text, len, max_out, &n);
    FUZZ_CHECK(st == DECORUM_OK, "dc_normalize: %s", decorum_strerror(st));
    check_norm(&n, len, max_out);
    /* Keep a copy of the first result, then run again on the same buffers. */
    size_t flen = n.len;
    char *ftext = malloc(flen + 1);
    uint32_t *fb = malloc((flen + 1) * sizeof *fb);
    uint32_t *fe = malloc((flen + 1) * sizeof *fe);
    FUZZ_CHECK(ftext && fb && fe, "out of memory");
    memcpy(ftext, n.text, flen + 1);
    memcpy(fb, n.src_begin, flen * sizeof *fb);
    memcpy(fe, n.src_end, flen * sizeof *fe);
    st = dc_normalize(&al, nz, ns, text, len, max_out, &n);
    FUZZ_CHECK(st == DECORUM_OK, "second dc_normalize: %s",
               decorum_strerror(st));
    FUZZ_CHECK(n.len == flen && memcmp(n.text, ftext, flen) == 0 &&
                   memcmp(n.src_begin, fb, flen * sizeof *fb) == 0 &&
                   memcmp(n.src_end, fe, flen * sizeof *fe) == 0,
               "normalizing twice gave different results (len %zu then %zu)",
               flen, n.len);
    free(ftext);
    free(fb);
    free(fe);
    dc_norm_release(&al, &n);
    dc_norm_scratch_free(&al, ns);
    free(text);
    /* Only the normalizer itself is left, and free() was given the sizes
     * that were allocated. */
    FUZZ_CHECK(count.blocks == base.blocks && count.bytes == base.bytes,
               "%zu blocks, %zu bytes outstanding; expected %zu, %zu",
               count.blocks, count.bytes, base.blocks, base.bytes);
    return 0;
}
