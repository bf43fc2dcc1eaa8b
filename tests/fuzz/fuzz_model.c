/*
 * fuzz_model.c: the model loader (dc_model_from_memory, lib/model.c) on
 * corrupt and truncated model files, and the scorer on whatever it
 * accepts.
 *
 * Input: one mode byte, then the file image. Most mutations of a model
 * file only break its checksum, which the loader rejects first; so when
 * mode bit 0 is set the harness rewrites the file-size field and the
 * checksum to match the mutated bytes (when the image is long enough and
 * its checksummed part a multiple of 8 bytes), which lets the fuzzer reach
 * the header checks behind them. When bit 1 is set the image is written to
 * a file and loaded with dc_model_open (open, fstat, mmap), the way
 * --model FILE does. Checked:
 *   - a failure is FORMAT, VERSION or CHECKSUM with a message;
 *   - an accepted model describes itself, and scores three fixed comments
 *     with the rule features drawn from the mode byte: probabilities in
 *     [0, 1], at most DC_MAX_EVIDENCE evidence words inside the text;
 *   - every allocation is returned.
 * The image is copied to an exact-size heap block (the model keeps
 * pointing into it) so ASan catches any read past the end.
 */
#include "decorum_int.h"
#include "fuzz_util.h"
#include "model.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static fuzz_count count, base;
static dc_alloc al;
static dc_norm norms[3];

static const char *const texts[3] = {
    "",
    "go back to where you came from, you are vermin",
    ("Th3y are all 4nimals!!! \xf0\x9f\x90\x80 kill them all, f*ck them, "
     "what a lovely day for a walk in the park with grandma")};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    decorum_allocator a = fuzz_count_allocator(&count);
    dc_alloc_init(&al, &a);
    dc_normalizer *nz = NULL;
    dc_norm_scratch *ns = NULL;
    decorum_error err;
    if (dc_normalizer_new(&al, &nz, &err) != DECORUM_OK ||
        dc_norm_scratch_new(&al, nz, &ns) != DECORUM_OK)
        abort();
    for (int i = 0; i < 3; i++)
        if (dc_normalize(&al, nz, ns, texts[i], strlen(texts[i]), 4096,
                         &norms[i]) != DECORUM_OK)
            abort();
    dc_norm_scratch_free(&al, ns);
    dc_normalizer_free(&al, nz);
    base = count;
    return 0;
}

static char tmp_path[64];

/* Writes the image to the harness's temp file; 0 on success. */
static int write_file(const unsigned char *img, size_t size)
{
    if (!tmp_path[0])
        snprintf(tmp_path, sizeof tmp_path, "/tmp/fuzz_model.%ld",
                 (long)getpid());
    FILE *f = fopen(tmp_path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(img, 1, size, f) == size;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static void wr64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (8u << 20))
        return 0;
    unsigned mode = data[0];
    data++;
    size--;
    unsigned char *img = malloc(size ? size : 1);
    if (!img)
        return 0;
    if (size)
        memcpy(img, data, size);
    if ((mode & 1) && size >= 32) {
        wr64(img + 16, size);
        if ((size - 32) % 8 == 0)
            wr64(img + 24, dc_model_checksum(img + 32, size - 32));
    }
    dc_model *m = NULL;
    decorum_error err;
    memset(&err, 0, sizeof err);
    decorum_status st;
    if ((mode & 2) && write_file(img, size) == 0)
        st = dc_model_open(&al, tmp_path, &m, &err);
    else
        st = dc_model_from_memory(&al, img, size, "fuzz.model", &m, &err);
    if (st != DECORUM_OK) {
        FUZZ_CHECK(st == DECORUM_ERR_FORMAT || st == DECORUM_ERR_VERSION ||
                       st == DECORUM_ERR_CHECKSUM || st == DECORUM_ERR_NOMEM,
                   "status %s", decorum_status_name(st));
        FUZZ_CHECK(err.status == st && err.message[0], "no error message");
        FUZZ_CHECK(m == NULL, "model set on failure");
    } else {
        FUZZ_CHECK(m != NULL, "no model on success");
        const char *d = dc_model_describe(m);
        FUZZ_CHECK(d != NULL, "no description");
        (void)strlen(d);
        dc_model_scratch *ms = NULL;
        FUZZ_CHECK(dc_model_scratch_new(&al, m, &ms) == DECORUM_OK, "scratch");
        float rf[DC_N_RULE_FEATURES];
        for (int j = 0; j < DC_N_RULE_FEATURES; j++)
            rf[j] = (float)((mode >> (j % 7)) & 3u);
        for (int i = 0; i < 3; i++) {
            dc_model_out out;
            memset(&out, 0, sizeof out);
            st = dc_model_score(m, ms, &norms[i], rf, &out);
            FUZZ_CHECK(st == DECORUM_OK, "score: %s", decorum_status_name(st));
            for (int h = 0; h < DC_N_HEADS; h++)
                FUZZ_CHECK(out.p[h] >= 0 && out.p[h] <= 1, "p[%d] = %g", h,
                           (double)out.p[h]);
            FUZZ_CHECK(out.n_ev <= DC_MAX_EVIDENCE, "n_ev %zu", out.n_ev);
            for (size_t k = 0; k < out.n_ev; k++)
                FUZZ_CHECK(out.ev[k].begin < out.ev[k].end &&
                               out.ev[k].end <= norms[i].len &&
                               out.ev[k].head < DC_N_HEADS,
                           "evidence %zu: [%u, %u) head %u in %zu", k,
                           out.ev[k].begin, out.ev[k].end, out.ev[k].head,
                           norms[i].len);
        }
        dc_model_scratch_free(&al, ms);
        dc_model_free(&al, m);
    }
    free(img);
    FUZZ_CHECK(count.blocks == base.blocks && count.bytes == base.bytes,
               "%zu blocks, %zu bytes outstanding; expected %zu, %zu",
               count.blocks, count.bytes, base.blocks, base.bytes);
    return 0;
}
