/*
 * model.c: the learned model. Loads a model file (mmap, or the built-in
 * blob in place, never copied), checks it, and scores normalized comments:
 * hashed word and character n-gram features (features.c) plus the rule
 * layer's features feed seven logistic heads whose logits are calibrated
 * with Platt scaling. Also names the words that moved the score most.
 *
 * File format (little-endian, docs/MODEL.md has the full table):
 *   "DCRMODEL" | u32 version | u32 header_size | u64 file_size |
 *   u64 checksum of bytes [32, file_size) | configuration, per-head scale,
 *   bias and calibration, rule-feature weights, training data names |
 *   zero pad to header_size (a multiple of 64) |
 *   int8 weights [2^bucket_bits][8]
 *
 * Scoring cost is one 8-byte load per feature: the weights of all heads
 * for one bucket sit together, quantized to int8 with one scale per head,
 * summed in integers and scaled once at the end. Features are weighted
 * 1/sqrt(feature count), so long and short comments score on one scale.
 */
#include "model.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h> /* expf8_fma(), chosen at run time */
#define HAVE_EXPF_FMA 1
#endif

struct dc_model {
    const unsigned char *base; /* the whole file image */
    size_t size;
    int mapped; /* 1: munmap(base, size) on free */
    dc_model_hdr h;
    const int8_t *w; /* [1 << bucket_bits][DC_MODEL_STRIDE], inside base */
    char describe[160];
};

/* A comment with at most this many tokens keeps each token's weight sums
 * (stack), so explaining it needs no second tokenization. */
#define KEEP_TOKENS 256

/* Per thread: the word cache (features_int.h), and the last comment's
 * per-token sums, which its evidence is made from (explain()), kept for
 * dc_model_explain() when dc_model_score_runs_later() scored it. */
struct dc_model_scratch {
    size_t size; /* bytes allocated: sizeof, or head_size() when shared */
    dc_feat_tsum toks[KEEP_TOKENS + 3]; /* + 3: explain() pads */
    size_t ntok;  /* the comment's tokens (more than KEEP_TOKENS: not kept) */
    float inv;    /* its feature weight */
    bool later;   /* its evidence is owed (dc_model_explain) */
    const dc_norm *later_n; /* the text it is owed for */
    /* Last: a scratch whose word cache is the matcher's table
     * (dc_model_scratch_new_words) is allocated without cache.e. */
    dc_feat_cache cache;
};

/* The bytes of a scratch whose word cache is another's table. */
static inline size_t head_size(void)
{
    return offsetof(dc_model_scratch, cache) + offsetof(dc_feat_cache, e);
}

static const char *const head_names[DC_N_HEADS] = {
    "TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT",
    "PROFANITY", "THREAT", "HATE"};

/* ---- byte helpers ------------------------------------------------------ */

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)dc_get_le(p, 4);
}
static uint64_t rd64(const unsigned char *p)
{
    return dc_get_le(p, 8);
}
static float rdf(const unsigned char *p)
{
    uint32_t u = rd32(p);
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}
static void wr32(unsigned char *p, uint32_t v)
{
    dc_put_le(p, v, 4);
}
static void wr64(unsigned char *p, uint64_t v)
{
    dc_put_le(p, v, 8);
}
static void wrf(unsigned char *p, float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    wr32(p, u);
}

uint64_t dc_model_checksum(const unsigned char *data, size_t len)
{
    /* FNV-1a over 64-bit little-endian words: eight times fewer steps than
     * the byte-wise form, a few hundred microseconds for a 2 MB model. */
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i + 8 <= len; i += 8) {
        h ^= rd64(data + i);
        h *= 0x100000001b3ull;
        h ^= h >> 32;
    }
    return h;
}

/* ---- encode ------------------------------------------------------------ */

static size_t header_bytes(const dc_model_hdr *h, size_t data_len)
{
    size_t n = DC_MODEL_FIXED + (size_t)h->n_rf * DC_MODEL_STRIDE * 4 + 4 +
               data_len;
    return (n + 63) & ~(size_t)63;
}

decorum_status dc_model_encode(const dc_alloc *al, const dc_model_hdr *h,
                               const int8_t *w, unsigned char **out,
                               size_t *size, decorum_error *err)
{
    if (h->fc.bucket_bits < DC_FEAT_MIN_BITS ||
        h->fc.bucket_bits > DC_FEAT_MAX_BITS || h->n_rf > DC_N_RULE_FEATURES)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "model configuration out of range");
    size_t data_len = strnlen(h->data, DC_MODEL_DATA_MAX - 1);
    size_t hs = header_bytes(h, data_len);
    size_t nw = ((size_t)1 << h->fc.bucket_bits) * DC_MODEL_STRIDE;
    size_t total = hs + nw;
    unsigned char *b = dc_calloc(al, 1, total);
    if (!b)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    memcpy(b, DC_MODEL_MAGIC, 8);
    wr32(b + 8, DC_MODEL_VERSION);
    wr32(b + 12, (uint32_t)hs);
    wr64(b + 16, total);
    wr32(b + 32, h->fc.bucket_bits);
    wr32(b + 36, h->fc.bits);
    wr32(b + 40, DC_N_HEADS);
    wr32(b + 44, DC_MODEL_STRIDE);
    wr32(b + 48, h->n_rf);
    wr32(b + 52, 8); /* weight bits */
    wr64(b + 56, h->seed);
    wr32(b + 64, h->trained_mask);
    wr32(b + 68, h->n_train_rows);
    memcpy(b + 72, h->name, strnlen(h->name, DC_MODEL_NAME_MAX - 1));
    unsigned char *p = b + 104;
    for (int k = 0; k < DC_MODEL_STRIDE; k++) {
        wrf(p + 4 * k, h->scale[k]);
        wrf(p + 32 + 4 * k, h->bias[k]);
        wrf(p + 64 + 4 * k, h->cal_a[k]);
        wrf(p + 96 + 4 * k, h->cal_b[k]);
    }
    p = b + DC_MODEL_FIXED;
    for (uint32_t j = 0; j < h->n_rf; j++)
        for (int k = 0; k < DC_MODEL_STRIDE; k++, p += 4)
            wrf(p, h->rfw[j][k]);
    wr32(p, (uint32_t)data_len);
    memcpy(p + 4, h->data, data_len);
    memcpy(b + hs, w, nw);
    wr64(b + 24, dc_model_checksum(b + 32, total - 32));
    *out = b;
    *size = total;
    return DECORUM_OK;
}

/* ---- load -------------------------------------------------------------- */

/* checksum: verify the checksum. Files always are; the built-in model is
 * part of the program (tests/unit/test_model.c checks its checksum), and
 * hashing its 2 MB took a fifth of the engine's load time. */
static decorum_status from_memory(const dc_alloc *al, const void *data,
                                  size_t size, const char *name, bool checksum,
                                  dc_model **out, decorum_error *err)
{
    const unsigned char *b = data;
    if (size < DC_MODEL_FIXED || memcmp(b, DC_MODEL_MAGIC, 8) != 0)
        return dc_fail(err, DECORUM_ERR_FORMAT, 0,
                       "%s: not a decorum model (bad magic or too short)",
                       name);
    uint32_t version = rd32(b + 8);
    if (version != DC_MODEL_VERSION)
        return dc_fail(err, DECORUM_ERR_VERSION, 8,
                       "%s: model format version %u, this build reads %u",
                       name, version, DC_MODEL_VERSION);
    uint64_t fsize = rd64(b + 16);
    if (fsize != size)
        return dc_fail(err, DECORUM_ERR_FORMAT, 16,
                       "%s: %s: header says %llu bytes, file has %zu", name,
                       fsize > size ? "truncated" : "trailing bytes",
                       (unsigned long long)fsize, size);
    if ((size - 32) % 8 != 0 ||
        (checksum && dc_model_checksum(b + 32, size - 32) != rd64(b + 24)))
        return dc_fail(err, DECORUM_ERR_CHECKSUM, 24,
                       "%s: checksum mismatch: the file is corrupt", name);
    dc_model_hdr h;
    memset(&h, 0, sizeof h);
    uint32_t hs = rd32(b + 12);
    h.fc.bucket_bits = rd32(b + 32);
    h.fc.bits = rd32(b + 36);
    h.n_rf = rd32(b + 48);
    if (h.fc.bucket_bits < DC_FEAT_MIN_BITS ||
        h.fc.bucket_bits > DC_FEAT_MAX_BITS || (h.fc.bits & ~DC_FEAT_ALL) ||
        rd32(b + 40) != DC_N_HEADS || rd32(b + 44) != DC_MODEL_STRIDE ||
        rd32(b + 52) != 8)
        return dc_fail(err, DECORUM_ERR_FORMAT, 32,
                       "%s: unsupported model configuration", name);
    if (h.n_rf > DC_N_RULE_FEATURES)
        return dc_fail(err, DECORUM_ERR_VERSION, 48,
                       "%s: model uses %u rule features, this build has %d",
                       name, h.n_rf, DC_N_RULE_FEATURES);
    size_t nw = ((size_t)1 << h.fc.bucket_bits) * DC_MODEL_STRIDE;
    size_t rf_end = DC_MODEL_FIXED + (size_t)h.n_rf * DC_MODEL_STRIDE * 4;
    if (hs % 64 != 0 || rf_end + 4 > hs || hs > size || size - hs != nw)
        return dc_fail(err, DECORUM_ERR_FORMAT, 12,
                       "%s: inconsistent header size", name);
    uint32_t data_len = rd32(b + rf_end);
    if (data_len >= DC_MODEL_DATA_MAX || rf_end + 4 + data_len > hs)
        return dc_fail(err, DECORUM_ERR_FORMAT, rf_end,
                       "%s: bad training data field", name);
    h.seed = rd64(b + 56);
    h.trained_mask = rd32(b + 64);
    h.n_train_rows = rd32(b + 68);
    memcpy(h.name, b + 72, DC_MODEL_NAME_MAX - 1);
    const unsigned char *p = b + 104;
    for (int k = 0; k < DC_MODEL_STRIDE; k++) {
        h.scale[k] = rdf(p + 4 * k);
        h.bias[k] = rdf(p + 32 + 4 * k);
        h.cal_a[k] = rdf(p + 64 + 4 * k);
        h.cal_b[k] = rdf(p + 96 + 4 * k);
        if (!isfinite(h.scale[k]) || !isfinite(h.bias[k]) ||
            !isfinite(h.cal_a[k]) || !isfinite(h.cal_b[k]))
            return dc_fail(err, DECORUM_ERR_FORMAT, 104,
                           "%s: non-finite calibration value", name);
    }
    p = b + DC_MODEL_FIXED;
    for (uint32_t j = 0; j < h.n_rf; j++)
        for (int k = 0; k < DC_MODEL_STRIDE; k++, p += 4) {
            h.rfw[j][k] = rdf(p);
            if (!isfinite(h.rfw[j][k]))
                return dc_fail(err, DECORUM_ERR_FORMAT, (size_t)(p - b),
                               "%s: non-finite rule weight", name);
        }
    memcpy(h.data, b + rf_end + 4, data_len);
    dc_model *m = dc_calloc(al, 1, sizeof *m);
    if (!m)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    m->base = b;
    m->size = size;
    m->h = h;
    m->w = (const int8_t *)(b + hs);
    snprintf(m->describe, sizeof m->describe,
             "%s (format %u, 2^%u buckets, features 0x%x, %u rule features, "
             "seed %llu)",
             h.name[0] ? h.name : "unnamed", version, h.fc.bucket_bits,
             h.fc.bits, h.n_rf, (unsigned long long)h.seed);
    *out = m;
    return DECORUM_OK;
}

decorum_status dc_model_from_memory(const dc_alloc *al, const void *data,
                                    size_t size, const char *name,
                                    dc_model **out, decorum_error *err)
{
    return from_memory(al, data, size, name, true, out, err);
}

decorum_status dc_model_open(const dc_alloc *al, const char *path,
                             dc_model **out, decorum_error *err)
{
    if (!out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1, "out is NULL");
    *out = NULL;
    if (!path) {
        if (dc_builtin_model_count == 0 || !dc_builtin_model[0].len)
            return DECORUM_OK;
        return from_memory(al, dc_builtin_model[0].data,
                           dc_builtin_model[0].len, "built-in model", false,
                           out, err);
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: cannot open",
                       path);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return dc_fail(err, DECORUM_ERR_IO, (size_t)-1,
                       "%s: not a regular file", path);
    }
    size_t size = (size_t)st.st_size;
    if (size < DC_MODEL_FIXED) {
        close(fd);
        return dc_fail(err, DECORUM_ERR_FORMAT, 0,
                       "%s: truncated model (%zu bytes)", path, size);
    }
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: cannot map",
                       path);
    decorum_status s = dc_model_from_memory(al, map, size, path, out, err);
    if (s != DECORUM_OK) {
        munmap(map, size);
        return s;
    }
    (*out)->mapped = 1;
    return DECORUM_OK;
}

void dc_model_free(const dc_alloc *al, dc_model *m)
{
    if (!m)
        return;
    if (m->mapped)
        munmap((void *)m->base, m->size);
    dc_free(al, m, sizeof *m);
}

const char *dc_model_describe(const dc_model *m)
{
    return m ? m->describe : "none";
}

const dc_model_hdr *dc_model_header(const dc_model *m)
{
    return &m->h;
}

const int8_t *dc_model_weights(const dc_model *m)
{
    return m->w;
}

int dc_model_head_trained(const dc_model *m, unsigned h)
{
    return h < DC_N_HEADS && (m->h.trained_mask >> h & 1u);
}

decorum_status dc_model_scratch_new(const dc_alloc *al, const dc_model *m,
                                    dc_model_scratch **out)
{
    return dc_model_scratch_new_words(al, m, NULL, out);
}

decorum_status dc_model_scratch_new_words(const dc_alloc *al,
                                          const dc_model *m,
                                          dc_word_entry *words,
                                          dc_model_scratch **out)
{
    (void)m;
    /* Shared: the head alone (the kept sums, ~6 KB, and the cache's
     * fields; its table, 2 MiB, not mapped). */
    size_t size = words ? head_size() : sizeof **out;
    *out = words ? dc_calloc(al, 1, size) : dc_table_new(al, size);
    if (!*out)
        return DECORUM_ERR_NOMEM;
    (*out)->size = size;
    (*out)->cache.tab = words; /* NULL: its own, at first use */
    return DECORUM_OK;
}

void dc_model_scratch_free(const dc_alloc *al, dc_model_scratch *ms)
{
    if (!ms)
        return;
    if (ms->size == sizeof *ms)
        dc_table_free(al, ms, sizeof *ms);
    else
        dc_free(al, ms, ms->size);
}

/* ---- scoring ----------------------------------------------------------- */

static inline void add_row(const int8_t *row, int32_t *acc)
{
    for (int k = 0; k < DC_MODEL_STRIDE; k++)
        acc[k] += row[k];
}

/* Sums the weight rows of up to 256 features (16-bit lanes cannot
 * overflow: 256 * 127 < 32767).
 * With SSE2 a row is one 8-byte load, sign-extended to eight 16-bit lanes
 * and added; elsewhere a plain loop. */
static inline void token_sum(const int8_t *w, const uint32_t *feats, size_t n,
                             int32_t *out)
{
#if defined(__SSE2__)
    __m128i acc = _mm_setzero_si128();
    for (size_t i = 0; i < n; i++) {
        __m128i r = _mm_loadl_epi64(
            (const __m128i *)(const void *)(w + (size_t)feats[i] * DC_MODEL_STRIDE));
        acc = _mm_add_epi16(acc, _mm_srai_epi16(_mm_unpacklo_epi8(r, r), 8));
    }
    int16_t lanes[DC_MODEL_STRIDE];
    _mm_storeu_si128((__m128i *)(void *)lanes, acc);
    for (int k = 0; k < DC_MODEL_STRIDE; k++)
        out[k] = lanes[k];
#else
    for (int k = 0; k < DC_MODEL_STRIDE; k++)
        out[k] = 0;
    for (size_t i = 0; i < n; i++)
        add_row(w + (size_t)feats[i] * DC_MODEL_STRIDE, out);
#endif
}

void dc_model_accumulate(const dc_model *m, const uint32_t *feats, size_t n,
                         int32_t *acc)
{
    for (size_t i = 0; i < n; i++)
        add_row(m->w + (size_t)feats[i] * DC_MODEL_STRIDE, acc);
}

/* The weight of each hashed feature: 1/sqrt(feature count). */
static inline float feat_weight(size_t nfeat)
{
    return nfeat ? 1.0f / sqrtf((float)nfeat) : 0.0f;
}

#if defined(__SSE2__)
/* Bit j set when rf[j] is not 0, for every j < DC_N_RULE_FEATURES (one
 * unrolled loop; a model that uses fewer masks the rest off, rather than
 * having a second copy for its count). */
static inline __attribute__((always_inline)) uint64_t
nonzero(const float rf[DC_N_RULE_FEATURES])
{
    uint64_t nz = 0;
    int j = 0;
#pragma GCC unroll 16
    for (; j + 4 <= DC_N_RULE_FEATURES; j += 4)
        nz |= (uint64_t)(unsigned)_mm_movemask_ps(
                  _mm_cmpneq_ps(_mm_loadu_ps(rf + j), _mm_setzero_ps()))
              << j;
    for (; j < DC_N_RULE_FEATURES; j++)
        nz |= (uint64_t)(rf[j] != 0.0f) << j;
    return nz;
}
#endif

/* dc_model_logits() with the feature weight inv = feat_weight(nfeat).
 * Inline in its two callers (always_inline: out of line it cost the
 * comment a call and a frame; session 61). */
static inline __attribute__((always_inline)) void
logits(const dc_model *m, const int32_t *acc, float inv, const float *rf,
       float *z)
{
    const dc_model_hdr *h = &m->h;
#if defined(__SSE2__)
    /* The loop below, eight lanes at a time: the same operations in the
     * same order per lane, so the same bits (lane 7 is computed, unused). */
    const __m128 vinv = _mm_set1_ps(inv);
    __m128 z0 = _mm_add_ps(
        _mm_loadu_ps(h->bias),
        _mm_mul_ps(_mm_mul_ps(_mm_loadu_ps(h->scale),
                              _mm_cvtepi32_ps(_mm_loadu_si128(
                                  (const __m128i *)(const void *)acc))),
                   vinv));
    __m128 z1 = _mm_add_ps(
        _mm_loadu_ps(h->bias + 4),
        _mm_mul_ps(_mm_mul_ps(_mm_loadu_ps(h->scale + 4),
                              _mm_cvtepi32_ps(_mm_loadu_si128(
                                  (const __m128i *)(const void *)(acc + 4)))),
                   vinv));
    if (rf) {
        /* Most rule features are 0: mark the others, four compares at a
         * time, then add them in order. */
        _Static_assert(DC_N_RULE_FEATURES < 64, "one 64-bit mask");
        uint64_t nz = nonzero(rf) & ((1ull << h->n_rf) - 1);
        for (; nz; nz &= nz - 1) {
            const size_t j = (size_t)__builtin_ctzll(nz);
            __m128 r = _mm_set1_ps(rf[j]);
            z0 = _mm_add_ps(z0, _mm_mul_ps(r, _mm_loadu_ps(h->rfw[j])));
            z1 = _mm_add_ps(z1, _mm_mul_ps(r, _mm_loadu_ps(h->rfw[j] + 4)));
        }
    }
    _mm_storeu_ps(z, z0);
    _mm_storeu_ps(z + 4, z1);
#else
    for (int k = 0; k < DC_N_HEADS; k++)
        z[k] = h->bias[k] + h->scale[k] * (float)acc[k] * inv;
    if (rf)
        for (uint32_t j = 0; j < h->n_rf; j++)
            if (rf[j] != 0.0f)
                for (int k = 0; k < DC_N_HEADS; k++)
                    z[k] += rf[j] * h->rfw[j][k];
#endif
}

void dc_model_logits(const dc_model *m, const int32_t *acc, size_t nfeat,
                     const float *rf, float *z)
{
    logits(m, acc, feat_weight(nfeat), rf, z);
}

/* Every header value is checked finite at load, but their products need
 * not be (a scale near FLT_MAX times a large sum, a zero calibration slope
 * times an infinite logit): a probability must come out of any file the
 * loader accepted, so a non-number counts as even odds and the logit is
 * clamped where the sigmoid is flat anyway. Found by fuzz_model. */
#if !defined(__SSE2__) /* else calibrate() has it in vector form */
static float sigmoid(float x)
{
    if (!(x == x))
        return 0.5f;
    if (x > 40.0f)
        x = 40.0f;
    else if (x < -40.0f)
        x = -40.0f;
    return 1.0f / (1.0f + expf(-x));
}
#endif

#if defined(HAVE_EXPF_FMA)
/* glibc's expf() (sysdeps/ieee754/flt-32/e_expf.c, from Arm's optimized
 * routines, glibc 2.27 on) as glibc's own FMA build of it runs, which is
 * the one glibc picks where the CPU has AVX2 and FMA: the same operations,
 * fused the same way, in four double lanes, so the same bits for every
 * input it is called with (test_model compares it with the C library's).
 * Seven calls of the library's cost about 390 instructions a comment,
 * this about 40. With k = round(x * 32 / ln 2) and r the rest,
 * exp(x) = 2^(k/32) * 2^(r/32), the first from a 32-entry table and k's
 * bits, the second a cubic. For |x| < 88, where no result overflows
 * (below about -87.34 the results are subnormal, rounded from the double
 * once, as glibc's are; test_model covers them). The callers clamp to
 * 40. */
static const uint64_t exp2f_tab[32] = {
    0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f,
    0x3fef9301d0125b51, 0x3fef72b83c7d517b, 0x3fef54873168b9aa,
    0x3fef387a6e756238, 0x3fef1e9df51fdee1, 0x3fef06fe0a31b715,
    0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
    0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429,
    0x3feea47eb03a5585, 0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74,
    0x3feea11473eb0187, 0x3feea589994cce13, 0x3feeace5422aa0db,
    0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
    0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c,
    0x3fef3720dcef9069, 0x3fef5818dcfba487, 0x3fef7c97337b9b5f,
    0x3fefa4afa2a490da, 0x3fefd0765b6e4540};

__attribute__((target("avx2,fma"))) static void expf8_fma(float *x)
{
    const __m256d inv_ln2_n = _mm256_set1_pd(0x1.71547652b82fep+5),
                  shift = _mm256_set1_pd(0x1.8p+52),
                  c0 = _mm256_set1_pd(0x1.c6af84b912394p-20),
                  c1 = _mm256_set1_pd(0x1.ebfce50fac4f3p-13),
                  c2 = _mm256_set1_pd(0x1.62e42ff0c52d6p-6),
                  one = _mm256_set1_pd(1.0);
    for (int k = 0; k < 8; k += 4) {
        const __m256d xd = _mm256_cvtps_pd(_mm_loadu_ps(x + k));
        /* k + the shift, whose low bits are k; r = x * 32 / ln 2 - k */
        const __m256d kd = _mm256_fmadd_pd(inv_ln2_n, xd, shift);
        const __m256i ki = _mm256_castpd_si256(kd);
        const __m256d r = _mm256_fmsub_pd(inv_ln2_n, xd,
                                          _mm256_sub_pd(kd, shift));
        /* s = 2^(k/32): the table's entry for k % 32, k / 32 added to
         * its exponent */
        const __m256i t = _mm256_add_epi64(
            _mm256_i64gather_epi64((const long long *)(const void *)exp2f_tab,
                                   _mm256_and_si256(ki, _mm256_set1_epi64x(31)),
                                   8),
            _mm256_slli_epi64(ki, 47));
        const __m256d z = _mm256_fmadd_pd(c0, r, c1);
        const __m256d y = _mm256_fmadd_pd(z, _mm256_mul_pd(r, r),
                                          _mm256_fmadd_pd(r, c2, one));
        _mm_storeu_ps(x + k, _mm256_cvtpd_ps(
                                 _mm256_mul_pd(y, _mm256_castsi256_pd(t))));
    }
}
#endif

void dc_model_expf8(float *x)
{
#if defined(HAVE_EXPF_FMA)
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        expf8_fma(x);
        return;
    }
#endif
    for (int k = 0; k < 8; k++)
        x[k] = expf(x[k]);
}

/* p[h] = sigmoid(cal_a[h] * z[h] + cal_b[h]) for every head. With SSE2
 * everything runs in eight lanes, the operations of sigmoid() per lane: a
 * non-number is even odds, the rest clamped to +-40; expf() is
 * dc_model_expf8(). */
static void calibrate(const dc_model_hdr *h, const float *z, float *p)
{
#if defined(__SSE2__)
    float x[DC_MODEL_STRIDE], q[DC_MODEL_STRIDE];
    __m128 nan[2];
    for (int k = 0; k < 2; k++) {
        __m128 v = _mm_add_ps(_mm_mul_ps(_mm_loadu_ps(h->cal_a + 4 * k),
                                         _mm_loadu_ps(z + 4 * k)),
                              _mm_loadu_ps(h->cal_b + 4 * k));
        nan[k] = _mm_cmpunord_ps(v, v);
        v = _mm_min_ps(_mm_max_ps(v, _mm_set1_ps(-40.0f)), _mm_set1_ps(40.0f));
        _mm_storeu_ps(x + 4 * k, _mm_xor_ps(v, _mm_set1_ps(-0.0f))); /* -x */
    }
    dc_model_expf8(x);
    for (int k = 0; k < 2; k++) {
        __m128 v = _mm_div_ps(_mm_set1_ps(1.0f),
                              _mm_add_ps(_mm_set1_ps(1.0f),
                                         _mm_loadu_ps(x + 4 * k)));
        v = _mm_or_ps(_mm_and_ps(nan[k], _mm_set1_ps(0.5f)),
                      _mm_andnot_ps(nan[k], v));
        _mm_storeu_ps(q + 4 * k, v);
    }
    memcpy(p, q, DC_N_HEADS * sizeof *p);
#else
    for (int k = 0; k < DC_N_HEADS; k++)
        p[k] = sigmoid(h->cal_a[k] * z[k] + h->cal_b[k]);
#endif
}

/* Keeps the DC_MAX_EVIDENCE candidates with the largest weight, sorted
 * descending. */
static void keep_evidence(dc_model_out *out, const dc_model_evidence *e)
{
    size_t n = out->n_ev;
    if (n == DC_MAX_EVIDENCE && out->ev[n - 1].weight >= e->weight)
        return;
    size_t i = n < DC_MAX_EVIDENCE ? n : DC_MAX_EVIDENCE - 1;
    while (i > 0 && out->ev[i - 1].weight < e->weight) {
        out->ev[i] = out->ev[i - 1];
        i--;
    }
    out->ev[i] = *e;
    if (n < DC_MAX_EVIDENCE)
        out->n_ev = n + 1;
}

/* A word counts as evidence when it adds at least this much to a head's
 * calibrated logit. Words are looked for only when the hate or toxicity
 * probability reaches EVIDENCE_P (where the model can push a verdict past
 * review): most comments are clean, and a second
 * pass over them would cost as much as scoring. */
#define EVIDENCE_MIN 0.25f
#define EVIDENCE_P 0.5f

/* Evidence slopes: what one int8 step of the hate and toxicity heads adds
 * to their calibrated logits, with the feature weight inv. */
static void slopes(const dc_model *m, float inv, float *sh, float *st)
{
    const dc_model_hdr *h = &m->h;
    *sh = dc_model_head_trained(m, DC_HEAD_HATE)
              ? h->cal_a[DC_HEAD_HATE] * h->scale[DC_HEAD_HATE] * inv
              : 0.0f;
    *st = dc_model_head_trained(m, DECORUM_TOXICITY)
              ? h->cal_a[DECORUM_TOXICITY] * h->scale[DECORUM_TOXICITY] * inv
              : 0.0f;
}

static void consider(dc_model_out *out, int32_t hate, int32_t tox, float sh,
                     float st, uint32_t begin, uint32_t end)
{
    float ch = sh * (float)hate;
    float ct = st * (float)tox;
    dc_model_evidence e = {begin, end, ch >= ct ? ch : ct,
                           ch >= ct ? DC_HEAD_HATE : DECORUM_TOXICITY};
    if (e.weight >= EVIDENCE_MIN)
        keep_evidence(out, &e);
}

/* Evidence for a long comment whose tokens were not all kept: tokenize
 * again (out of line: rare, and dc_model_score's code stays short). */
static __attribute__((noinline, cold)) void
evidence_again(const dc_model *m, const dc_norm *n, float inv,
                           dc_model_out *out)
{
    float sh, st;
    slopes(m, inv, &sh, &st);
    uint32_t feats[DC_FEAT_PER_TOKEN];
    dc_feat_iter it;
    dc_token tok;
    int nf;
    dc_feat_iter_init(&it, &m->h.fc, n->text, n->len);
    while ((nf = dc_feat_next(&m->h.fc, &it, m->w, &tok, feats)) >= 0) {
        int32_t w[DC_MODEL_STRIDE];
        token_sum(m->w, feats, (size_t)nf, w);
        consider(out, w[DC_HEAD_HATE], w[DECORUM_TOXICITY], sh, st,
                 tok.begin, tok.end);
    }
}

/* Evidence from the kept per-token sums: consider() for each token in
 * order. With SSE2, four tokens at a time: the candidates are marked in a
 * bit set, so that only the walk over the marks branches, and only their
 * weights are made, by consider(), which keeps exactly those whose weight
 * reaches EVIDENCE_MIN. A token is marked when its hate or its toxicity
 * contribution reaches it: every token consider() keeps is (its weight is
 * one of the two), and most are kept (a contribution that is not a number
 * can mark one that consider() then drops). The last four reach past
 * ntok, into sums made zero here (toks[] has room for three more, and a
 * sum of 0 is no candidate), so that no scalar loop with a mispredicted
 * exit follows. */
static void explain(const dc_model *m, float inv, dc_feat_tsum *toks,
                    size_t ntok, dc_model_out *out)
{
    float sh, st;
    slopes(m, inv, &sh, &st);
    size_t i = 0;
#if defined(__SSE2__)
    _Static_assert(DC_HEAD_HATE == 6 && DECORUM_TOXICITY == 0,
                   "the lanes unpacked below");
    _Static_assert(KEEP_TOKENS % 64 == 0, "whole words of marks");
    uint64_t cand[KEEP_TOKENS / 64] = {0};
    const __m128 vsh = _mm_set1_ps(sh), vst = _mm_set1_ps(st),
                 vmin = _mm_set1_ps(EVIDENCE_MIN);
    for (size_t k = 0; k < 3; k++)
        memset(toks[ntok + k].w, 0, sizeof toks[ntok + k].w);
    for (; i < ntok; i += 4) {
#define LD(k) _mm_loadu_si128((const __m128i *)(const void *)toks[i + (k)].w)
        __m128i v0 = LD(0), v1 = LD(1), v2 = LD(2), v3 = LD(3);
#undef LD
        /* lane 0 (toxicity) and lane 6 (hate) of the four tokens, as
         * 32-bit integers */
        __m128i lo = _mm_unpacklo_epi64(_mm_unpacklo_epi32(v0, v1),
                                        _mm_unpacklo_epi32(v2, v3));
        __m128i hi = _mm_unpackhi_epi64(_mm_unpackhi_epi32(v0, v1),
                                        _mm_unpackhi_epi32(v2, v3));
        __m128 ch = _mm_mul_ps(
            vsh, _mm_cvtepi32_ps(_mm_srai_epi32(_mm_slli_epi32(hi, 16), 16)));
        __m128 ct = _mm_mul_ps(
            vst, _mm_cvtepi32_ps(_mm_srai_epi32(_mm_slli_epi32(lo, 16), 16)));
        cand[i / 64] |= (uint64_t)_mm_movemask_ps(_mm_or_ps(
                            _mm_cmpge_ps(ch, vmin), _mm_cmpge_ps(ct, vmin)))
                        << (i % 64);
    }
    for (size_t q = 0; q < KEEP_TOKENS / 64; q++)
        for (uint64_t c = cand[q]; c; c &= c - 1) {
            size_t k = q * 64 + (size_t)__builtin_ctzll(c);
            consider(out, toks[k].w[DC_HEAD_HATE], toks[k].w[DECORUM_TOXICITY],
                     sh, st, toks[k].begin, toks[k].end);
        }
#endif
    for (; i < ntok; i++)
        consider(out, toks[i].w[DC_HEAD_HATE], toks[i].w[DECORUM_TOXICITY], sh,
                 st, toks[i].begin, toks[i].end);
}

decorum_status dc_model_score(const dc_model *m, dc_model_scratch *ms,
                              const dc_norm *n,
                              const float rf[DC_N_RULE_FEATURES],
                              dc_model_out *out)
{
    return dc_model_score_runs(m, ms, n, NULL, rf, NULL, 0, out);
}

/* What the features' passes know of n's text (DC_FEAT_*): its input, or
 * the matcher's pass over it (hv), found no byte >= 0x80. */
static inline unsigned text_known(const dc_norm *n, const dc_hitvec *hv)
{
    return (n->padded ? DC_FEAT_PADDED : 0) |
           (n->ascii || (hv && hv->ascii) ? DC_FEAT_ASCII : 0);
}

/* Weighs the spans pred[0..npred) from the kept per-token sums: each of
 * a span's first DC_PRED_WORDS tokens on the hate and toxicity heads, by
 * the slopes without the comment's feature weight. A token counts when it
 * lies inside the span. Candidates are rare (a frame of every member said
 * of a group with no lexicon word in its predicate): one walk over the
 * comment's tokens per span. */
static __attribute__((noinline)) void
weigh_pred(const dc_model *m, const dc_feat_tsum *toks, size_t ntok,
           const dc_pred *pred, size_t npred, dc_model_out *out)
{
    float sh, st;
    slopes(m, 1.0f, &sh, &st);
    if (npred > DC_MAX_PRED)
        npred = DC_MAX_PRED;
    for (size_t q = 0; q < npred; q++) {
        dc_model_pred *o = &out->pw[q];
        const uint32_t b = pred[q].b, e = pred[q].e;
        o->nw = 0;
        for (size_t i = 0; i < ntok && o->nw < DC_PRED_WORDS; i++) {
            if (toks[i].begin < b || toks[i].end > e)
                continue;
            o->wb[o->nw] = toks[i].begin;
            o->we[o->nw] = toks[i].end;
            o->hate[o->nw] = sh * (float)toks[i].w[DC_HEAD_HATE];
            o->tox[o->nw] = st * (float)toks[i].w[DECORUM_TOXICITY];
            o->nw++;
        }
    }
    out->npred = npred;
}

/* The evidence of the comment ms last scored, into out: from its kept
 * per-token sums, or by tokenizing n again when it had too many. */
static void evidence(const dc_model *m, dc_model_scratch *ms,
                     const dc_norm *n, dc_model_out *out)
{
    if (ms->ntok > KEEP_TOKENS)
        evidence_again(m, n, ms->inv, out);
    else
        explain(m, ms->inv, ms->toks, ms->ntok, out);
}

decorum_status dc_model_score_runs_later(const dc_model *m,
                                         dc_model_scratch *ms,
                                         const dc_norm *n, const dc_hitvec *hv,
                                         const float rf[DC_N_RULE_FEATURES],
                                         const dc_pred *pred, size_t npred,
                                         dc_model_out *out)
{
    if (!m || !ms || !n || !out)
        return DECORUM_ERR_INVALID;
    const dc_model_hdr *h = &m->h;
    int32_t acc[DC_MODEL_STRIDE];
    dc_feat_tsum *const toks = ms->toks;
    size_t ntok;
    const dc_wrun *const runs = hv && hv->has_runs ? hv->runs : NULL;
    const size_t nruns = runs ? hv->nruns : 0;
    const size_t nfeat = dc_feat_sum_runs(&h->fc, m->w, n->text, n->len,
                                          text_known(n, hv), runs, nruns, acc,
                                          toks, KEEP_TOKENS, &ntok,
                                          &ms->cache);
    const float inv = feat_weight(nfeat);
    float z[DC_MODEL_STRIDE];
    logits(m, acc, inv, rf, z);
    calibrate(h, z, out->p);
    out->n_ev = 0;
    out->npred = 0;
    ms->later = false;
    /* (a comment too long to keep its tokens weighs no predicate) */
    if (npred && ntok <= KEEP_TOKENS)
        weigh_pred(m, toks, ntok, pred, npred, out);
    if (out->p[DC_HEAD_HATE] < EVIDENCE_P &&
        out->p[DECORUM_TOXICITY] < EVIDENCE_P)
        return DECORUM_OK;
    ms->ntok = ntok;
    ms->inv = inv;
    ms->later = true;
    ms->later_n = n;
    return DECORUM_OK;
}

void dc_model_explain(const dc_model *m, dc_model_scratch *ms,
                      const dc_norm *n, dc_model_out *out)
{
    /* (only for the text scored last: another's sums are not its) */
    if (!ms->later || ms->later_n != n)
        return;
    ms->later = false;
    evidence(m, ms, n, out);
}

decorum_status dc_model_score_runs(const dc_model *m, dc_model_scratch *ms,
                                   const dc_norm *n, const dc_hitvec *hv,
                                   const float rf[DC_N_RULE_FEATURES],
                                   const dc_pred *pred, size_t npred,
                                   dc_model_out *out)
{
    decorum_status st =
        dc_model_score_runs_later(m, ms, n, hv, rf, pred, npred, out);
    if (st == DECORUM_OK)
        dc_model_explain(m, ms, n, out);
    return st;
}

const char *dc_model_head_name(unsigned h)
{
    return h < DC_N_HEADS ? head_names[h] : NULL;
}
