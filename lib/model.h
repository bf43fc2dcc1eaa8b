/*
 * model.h: the model file's in-memory description, shared by the loader
 * and scorer (model.c) and the trainer (train.c), which writes files
 * through dc_model_encode(). The byte layout is documented in
 * docs/MODEL.md; this header is its C form.
 */
#ifndef DC_MODEL_H
#define DC_MODEL_H

#include "decorum_int.h"
#include "features_int.h"

#define DC_MODEL_MAGIC "DCRMODEL"
#define DC_MODEL_VERSION 1u
/* Weight rows hold 8 int8 values: the 7 heads and, in the last lane, the
 * vocabulary flag (1: the bucket is a frequent word's unigram, see
 * DC_FEAT_OOV), so a feature's weights are one 8-byte load. */
#define DC_MODEL_STRIDE 8
_Static_assert(DC_MODEL_STRIDE == DC_FEAT_VOCAB_STRIDE,
               "the vocabulary flag lives in the weight rows' last lane");
#define DC_MODEL_NAME_MAX 32
#define DC_MODEL_DATA_MAX 4096 /* training data names, bytes */
/* The header's fixed part, before the rule weights. */
#define DC_MODEL_FIXED 232

/* Everything in a model file except the weight table. */
typedef struct dc_model_hdr {
    dc_feat_cfg fc;
    uint32_t n_rf;         /* rule features used, <= DC_N_RULE_FEATURES */
    uint32_t trained_mask; /* bit h: head h was trained (else constant) */
    uint32_t n_train_rows;
    uint64_t seed;
    char name[DC_MODEL_NAME_MAX]; /* NUL-terminated */
    float scale[DC_MODEL_STRIDE]; /* int8 weight -> logit units */
    float bias[DC_MODEL_STRIDE];  /* raw logit bias */
    float cal_a[DC_MODEL_STRIDE]; /* Platt: p = sigmoid(a * z + b) */
    float cal_b[DC_MODEL_STRIDE];
    float rfw[DC_N_RULE_FEATURES][DC_MODEL_STRIDE]; /* rule weights */
    char data[DC_MODEL_DATA_MAX]; /* NUL-terminated, comma-separated */
} dc_model_hdr;

/* Builds a complete model file image in a buffer from al: *out, *size.
 * w is [1 << h->fc.bucket_bits][DC_MODEL_STRIDE]. */
decorum_status dc_model_encode(const dc_alloc *al, const dc_model_hdr *h,
                               const int8_t *w, unsigned char **out,
                               size_t *size, decorum_error *err);

/* Checks and wraps a model image without copying it; data must outlive the
 * model. name is for error messages. */
decorum_status dc_model_from_memory(const dc_alloc *al, const void *data,
                                    size_t size, const char *name,
                                    dc_model **out, decorum_error *err);

/* The header the model was loaded from. */
const dc_model_hdr *dc_model_header(const dc_model *m);

/* The weight table, [1 << bucket_bits][DC_MODEL_STRIDE], inside the file
 * image. */
const int8_t *dc_model_weights(const dc_model *m);

/* 1 when head h was trained; an untrained head reports its training base
 * rate as p whatever the text. */
int dc_model_head_trained(const dc_model *m, unsigned h);

/* Raw (uncalibrated) logits from summed int8 weights acc over nfeat hashed
 * features, plus the rule features rf[DC_N_RULE_FEATURES] (those past the
 * model's n_rf are not read as weights; NULL: none). z[DC_MODEL_STRIDE]. */
void dc_model_logits(const dc_model *m, const int32_t *acc, size_t nfeat,
                     const float *rf, float *z);

/* Sums the weight rows of feats[0..n) into acc[DC_MODEL_STRIDE]. */
void dc_model_accumulate(const dc_model *m, const uint32_t *feats, size_t n,
                         int32_t *acc);

/* x[k] = expf(x[k]) for k < 8, |x[k]| < 88: where the CPU has AVX2 and
 * FMA, in vector form with glibc's algorithm and its bits (glibc's FMA
 * build, which glibc itself runs on such CPUs; test_model checks it
 * against the C library's); elsewhere the C library's expf(). */
void dc_model_expf8(float *x);

/* "TOXICITY", ..., "HATE"; NULL when out of range. Static storage. */
const char *dc_model_head_name(unsigned h);

/* The model file checksum over data[0..len), len a multiple of 8. */
uint64_t dc_model_checksum(const unsigned char *data, size_t len);

#endif /* DC_MODEL_H */
