/*
 * gen_model_seed.c: writes small valid model files (2^10 buckets) for the
 * fuzz_model seed corpus, through the model module's own encoder
 * (dc_model_encode), so the seeds follow the format as it is today. Not a
 * fuzzer; built next to them, run by hand when the format changes:
 *
 *   build-fuzz/tests/fuzz/gen_model_seed tests/fuzz/corpus/fuzz_model
 *
 * Each seed starts with the harness's mode byte (see fuzz_model.c).
 */
#include "decorum_int.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_seed(const char *dir, const char *name, unsigned mode,
                      const unsigned char *img, size_t size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    unsigned char m = (unsigned char)mode;
    int ok = fwrite(&m, 1, 1, f) == 1 && fwrite(img, 1, size, f) == size;
    return fclose(f) == 0 && ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_model_seed DIR\n");
        return 2;
    }
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    static const uint32_t bits[3] = {DC_FEAT_DEFAULT,
                                     DC_FEAT_ALL,
                                     DC_FEAT_UNIGRAM | DC_FEAT_CHAR3};
    for (int v = 0; v < 3; v++) {
        dc_model_hdr *h = calloc(1, sizeof *h);
        size_t nw = ((size_t)1 << DC_FEAT_MIN_BITS) * DC_MODEL_STRIDE;
        int8_t *w = malloc(nw);
        if (!h || !w)
            return 1;
        h->fc.bits = bits[v];
        h->fc.bucket_bits = DC_FEAT_MIN_BITS;
        h->n_rf = v == 2 ? 3 : DC_N_RULE_FEATURES;
        h->trained_mask = v == 1 ? 0x7fu : 0x05u;
        h->n_train_rows = 1000;
        h->seed = 42 + (uint64_t)v;
        snprintf(h->name, sizeof h->name, "fuzz-seed-%d", v);
        snprintf(h->data, sizeof h->data, "%s", v ? "davidson,ethos" : "");
        for (int k = 0; k < DC_MODEL_STRIDE; k++) {
            h->scale[k] = 0.01f * (float)(k + 1);
            h->bias[k] = -1.0f + 0.1f * (float)k;
            h->cal_a[k] = 1.0f;
            h->cal_b[k] = 0.0f;
        }
        for (uint32_t j = 0; j < h->n_rf; j++)
            for (int k = 0; k < DC_MODEL_STRIDE; k++)
                h->rfw[j][k] = 0.05f * (float)((int)(j + (uint32_t)k) % 5 - 2);
        uint32_t x = 2463534242u + (uint32_t)v;
        for (size_t i = 0; i < nw; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            w[i] = (int8_t)((int)(x % 255u) - 127);
        }
        unsigned char *img = NULL;
        size_t size = 0;
        decorum_error err;
        if (dc_model_encode(&al, h, w, &img, &size, &err) != DECORUM_OK) {
            fprintf(stderr, "gen_model_seed: %s\n", err.message);
            return 1;
        }
        char name[64];
        snprintf(name, sizeof name, "seed-%d.model", v);
        if (write_seed(argv[1], name, 0, img, size) != 0) {
            perror(name);
            return 1;
        }
        /* The same image truncated, with the fix-up bit set. */
        snprintf(name, sizeof name, "seed-%d-truncated.model", v);
        if (write_seed(argv[1], name, 1, img, size - 64) != 0) {
            perror(name);
            return 1;
        }
        dc_free(&al, img, size);
        free(w);
        free(h);
    }
    return 0;
}
