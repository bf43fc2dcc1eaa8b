/*
 * features.c: cuts normalized text into tokens and hashes each token into
 * the model's feature buckets (see features_int.h for what the features
 * are). This is the hot half of dc_model_score, which calls dc_feat_sum():
 * token boundaries come 64 bytes at a time from SSE2 class masks (a byte
 * table elsewhere), or from the matcher's word runs for an ASCII text on
 * the AVX2 path, a token's hash takes its bytes eight at a time, its
 * 4-grams are 4-byte loads, and each feature's weight row is summed as
 * soon as its bucket is known, never stored. dc_feat_next() (the trainer,
 * the explanations of long comments) runs the same per-token code, so the
 * two cannot disagree.
 *
 * Hashing, part of the model file format (changing any of it invalidates
 * every model: bump DC_MODEL_VERSION):
 *   token hash   the token's bytes taken 8 at a time as a big-endian word
 *                (the last one partial), each folded in as h = (h ^ w) *
 *                FNV prime from the FNV-1a 64 basis, then h ^= h >> 32
 *                (0 is mapped to 1). One multiply per 8 bytes, not per byte
 *   unigram      bucket(hash ^ SALT_UNI)
 *   bigram       bucket((prev * 31 + hash) ^ SALT_BI)
 *   n-gram       bucket((window & (2^(8n) - 1)) ^ (SALT_CHAR * n)), where
 *                window holds the last n bytes, the newest in the low byte
 *   bucket(x)    x ^= x >> 29; top bucket_bits bits of x * 0x9E3779B97F4A7C15
 * Only the first DC_FEAT_WORD_MAX bytes of a token enter the window, then
 * '>' does; the token hash covers every byte.
 */
#include "features_int.h"

#include <stddef.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h> /* the AVX2 path, chosen at run time */
#define HAVE_AVX2_PATH 1
#endif

#define FIB 0x9E3779B97F4A7C15ull
#define SALT_UNI 0x2545F4914F6CDD1Dull
#define SALT_BI 0x5851F42D4C957F2Dull
#define SALT_CHAR 0x14057B7EF767814Full
#define FNV_BASIS 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull /* odd: a multiply keeps every bit */

/* Byte classes: 0 separator, 1 ASCII letter or digit, 2 non-ASCII, 4 the
 * apostrophe (inside a word only). Letters are already lower case after
 * normalization; upper case is accepted for direct callers. A token starts
 * at a byte with class & 3. */
enum { C_SEP = 0, C_ALNUM = 1, C_HIGH = 2, C_APOS = 4 };
static const unsigned char cls[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1, ['\''] = 4,
#define H16(b) [b] = 2, [b + 1] = 2, [b + 2] = 2, [b + 3] = 2, [b + 4] = 2, \
               [b + 5] = 2, [b + 6] = 2, [b + 7] = 2, [b + 8] = 2,         \
               [b + 9] = 2, [b + 10] = 2, [b + 11] = 2, [b + 12] = 2,      \
               [b + 13] = 2, [b + 14] = 2, [b + 15] = 2
    H16(0x80), H16(0x90), H16(0xa0), H16(0xb0), H16(0xc0), H16(0xd0),
    H16(0xe0), H16(0xf0),
#undef H16
};

#define INLINE static inline __attribute__((always_inline))

/* The configured n-gram lengths as a mask: bit 0 n = 3 ... bit 3 n = 6. */
#define NM(bits) (((bits) >> 2) & 15u)
#define NM_CHAR4 2u /* the default: 4-grams alone */

/* bucket(x) with the shift 64 - bits given (a loop keeps it). */
INLINE uint64_t bucket_sh(uint64_t x, unsigned sh)
{
    /* A xorshift before the multiply lets high input bits reach the top. */
    x ^= x >> 29;
    return (x * FIB) >> sh;
}

INLINE uint64_t bucket(uint64_t x, uint32_t bits)
{
    return bucket_sh(x, 64 - bits);
}

/* Eight bytes at p as a big-endian word: the first byte on top. */
INLINE uint64_t be64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap64(v);
#elif !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_BIG_ENDIAN__
    v = (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 | (uint64_t)p[2] << 40 |
        (uint64_t)p[3] << 32 | (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
        (uint64_t)p[6] << 8 | p[7];
#endif
    return v;
}

/* The end of the token that starts at t[i] (class ALNUM or HIGH). */
INLINE size_t token_end(const unsigned char *t, size_t len, size_t i)
{
    if (cls[t[i]] == C_HIGH) {
        do
            i++;
        while (i < len && cls[t[i]] == C_HIGH);
        return i;
    }
    for (;;) {
        do
            i++;
        while (i < len && cls[t[i]] == C_ALNUM);
        /* An apostrophe between two letters stays inside: the byte before
         * is the run's last. */
        if (i + 1 < len && cls[t[i]] == C_APOS && cls[t[i + 1]] == C_ALNUM)
            continue;
        return i;
    }
}

/* The token hash of t[b, e) (the format above). Whole words are loaded
 * eight bytes at a time; the last partial word is the low bytes of the
 * eight that end the token, when the text has them. */
INLINE uint64_t token_hash(const unsigned char *t, size_t b, size_t e)
{
    uint64_t h = FNV_BASIS, hw = 0;
    size_t i = b;
    for (; e - i >= 8; i += 8)
        h = (h ^ be64(t + i)) * FNV_PRIME;
    size_t r = e - i;
    if (r) {
        if (e >= 8)
            hw = be64(t + e - 8) & (~0ull >> (64 - 8 * r));
        else
            for (; i < e; i++)
                hw = hw << 8 | t[i];
    }
    /* Token bytes are never 0, so a partial last word cannot collide with
     * a shorter token's. */
    h = (h ^ hw) * FNV_PRIME;
    h ^= h >> 32;
    return h ? h : 1; /* 0 means "no previous token" */
}

/* Where a feature goes: stored (dc_feat_next) or its weight row summed
 * (dc_feat_sum). Rows are summed in eight 16-bit lanes. */
#if defined(__SSE2__)
typedef __m128i vsum;
INLINE vsum vzero(void) { return _mm_setzero_si128(); }
INLINE vsum vadd_row(vsum a, const int8_t *row)
{
    __m128i r = _mm_loadl_epi64((const __m128i *)(const void *)row);
    return _mm_add_epi16(a, _mm_srai_epi16(_mm_unpacklo_epi8(r, r), 8));
}
INLINE vsum vadd(vsum a, vsum b) { return _mm_add_epi16(a, b); }
INLINE void vstore(int16_t *out, vsum a)
{
    _mm_storeu_si128((__m128i *)(void *)out, a);
}
INLINE void vwiden_add(int32_t *acc, vsum a)
{
    __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(a, a), 16);
    __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(a, a), 16);
    __m128i *p = (__m128i *)(void *)acc;
    _mm_storeu_si128(p, _mm_add_epi32(_mm_loadu_si128(p), lo));
    _mm_storeu_si128(p + 1, _mm_add_epi32(_mm_loadu_si128(p + 1), hi));
}
#else
typedef struct vsum {
    int16_t v[DC_FEAT_VOCAB_STRIDE];
} vsum;
INLINE vsum vzero(void)
{
    vsum a;
    memset(&a, 0, sizeof a);
    return a;
}
INLINE vsum vadd_row(vsum a, const int8_t *row)
{
    for (int k = 0; k < DC_FEAT_VOCAB_STRIDE; k++)
        a.v[k] = (int16_t)(a.v[k] + row[k]);
    return a;
}
INLINE vsum vadd(vsum a, vsum b)
{
    for (int k = 0; k < DC_FEAT_VOCAB_STRIDE; k++)
        a.v[k] = (int16_t)(a.v[k] + b.v[k]);
    return a;
}
INLINE void vstore(int16_t *out, vsum a) { memcpy(out, a.v, sizeof a.v); }
INLINE void vwiden_add(int32_t *acc, vsum a)
{
    for (int k = 0; k < DC_FEAT_VOCAB_STRIDE; k++)
        acc[k] += a.v[k];
}
#endif

typedef struct sink {
    uint32_t *out;   /* store: features go to out[k] */
    const int8_t *w; /* sum: weight rows, summed into acc */
    vsum acc;
} sink;

#define EMIT(SUM, SK, K, IDX)                                                  \
    do {                                                                       \
        size_t idx_ = (IDX);                                                   \
        if (SUM)                                                               \
            (SK)->acc = vadd_row((SK)->acc,                                    \
                                 (SK)->w + (size_t)idx_ * DC_FEAT_VOCAB_STRIDE); \
        else                                                                   \
            (SK)->out[K] = (uint32_t)idx_;                                     \
        (K)++;                                                                 \
    } while (0)

#define GRAM(n) bucket((win & ((1ull << (8 * (n))) - 1)) ^ (SALT_CHAR * (n)), bits)

/* The character n-grams (nm: NM()) of "<t[b, e)>", e already cut to
 * DC_FEAT_WORD_MAX bytes, from a rolling window whose newest byte is the low
 * one: for each end position, every configured n in ascending order. Called
 * with a constant nm, the checks fold away. Returns the new count k. */
INLINE size_t grams(int sum, unsigned nm, const unsigned char *t, size_t b,
                    size_t e, uint32_t bits, sink *sk, size_t k)
{
    uint64_t win = (uint64_t)'<' << 8 | t[b];
    unsigned nb = 2; /* bytes in the window */
    size_t j = b + 1;
    if (j < e) {
        win = win << 8 | t[j++];
        nb = 3;
        if (nm & 1)
            EMIT(sum, sk, k, GRAM(3));
    }
    for (; j < e; j++) { /* nb >= 4 from here */
        win = win << 8 | t[j];
        nb++;
        if (nm & 1)
            EMIT(sum, sk, k, GRAM(3));
        if (nm & 2)
            EMIT(sum, sk, k, GRAM(4));
        if ((nm & 4) && nb >= 5)
            EMIT(sum, sk, k, GRAM(5));
        if ((nm & 8) && nb >= 6)
            EMIT(sum, sk, k, GRAM(6));
    }
    win = win << 8 | '>';
    nb++;
    if (nm & 1)
        EMIT(sum, sk, k, GRAM(3));
    if ((nm & 2) && nb >= 4)
        EMIT(sum, sk, k, GRAM(4));
    if ((nm & 4) && nb >= 5)
        EMIT(sum, sk, k, GRAM(5));
    if ((nm & 8) && nb >= 6)
        EMIT(sum, sk, k, GRAM(6));
    return k;
}

/* The 4-gram g (four bytes, the newest low) as a bucket: bucket(g ^ SALT4),
 * with the xorshift of the salt's part done at compile time (a shift
 * distributes over xor). */
#define SALT4 (SALT_CHAR * 4)
INLINE uint64_t bucket4(uint32_t g, uint32_t bits)
{
    uint64_t x = ((uint64_t)g ^ (g >> 29)) ^ (SALT4 ^ (SALT4 >> 29));
    return (x * FIB) >> (64 - bits);
}

/* Four bytes at p as a big-endian word. */
INLINE uint32_t be32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap32(v);
#elif !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_BIG_ENDIAN__
    v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
        p[3];
#endif
    return v;
}

/* grams() for 4-grams alone: each gram inside the token is a 4-byte load;
 * the first has '<' in front, the last '>' behind. */
INLINE size_t grams4(int sum, const unsigned char *t, size_t b, size_t e,
                     uint32_t bits, sink *sk, size_t k)
{
    const size_t m = e - b;
    const unsigned char *p = t + b;
    if (m < 2) /* "<a>" is too short */
        return k;
    if (m == 2) {
        EMIT(sum, sk, k, bucket4((uint32_t)'<' << 24 | (uint32_t)p[0] << 16 |
                                     (uint32_t)p[1] << 8 | '>',
                                 bits));
        return k;
    }
    uint32_t g = (uint32_t)'<' << 24 | (uint32_t)p[0] << 16 |
                 (uint32_t)p[1] << 8 | p[2];
    EMIT(sum, sk, k, bucket4(g, bits));
    for (const unsigned char *q = p, *qe = p + m - 3; q < qe; q++) {
        g = be32(q);
        EMIT(sum, sk, k, bucket4(g, bits));
    }
    EMIT(sum, sk, k, bucket4(g << 8 | '>', bits));
    return k;
}

/* The n-grams of the token at [b, e) whose unigram bucket is uni, unless
 * the vocabulary (when given and the configuration has OOV) flags it.
 * Returns the new count k. */
INLINE size_t token_grams(int sum, uint32_t fb, unsigned nm, uint32_t bits,
                          const int8_t *vocab, uint64_t uni,
                          const unsigned char *t, size_t b, size_t e, sink *sk,
                          size_t k)
{
    if (!nm || ((fb & DC_FEAT_OOV) && vocab &&
                vocab[(size_t)uni * DC_FEAT_VOCAB_STRIDE +
                      DC_FEAT_VOCAB_STRIDE - 1] != 0))
        return k;
    /* Only the first DC_FEAT_WORD_MAX bytes make n-grams (the bytes are in
     * L1 from the scan). */
    size_t ge = e - b < DC_FEAT_WORD_MAX ? e : b + DC_FEAT_WORD_MAX;
    if (nm == NM_CHAR4)
        return grams4(sum, t, b, ge, bits, sk, k);
    return grams(sum, nm, t, b, ge, bits, sk, k);
}

/* Every feature of the token at [b, e): the unigram, the bigram with the
 * previous token's hash *prev (then set to this token's), the n-grams
 * unless the vocabulary (when given and the configuration has OOV) flags
 * the unigram. fb: the configuration's feature bits, nm its n-gram set
 * (constants in the hot instances). Returns the count; *n_word gets the
 * word features'. */
INLINE size_t token_feats(int sum, uint32_t fb, unsigned nm, uint32_t bits,
                          const int8_t *vocab, const unsigned char *t,
                          size_t b, size_t e, uint64_t *prev, sink *sk,
                          uint32_t *n_word)
{
    const uint64_t h = token_hash(t, b, e);
    size_t k = 0;
    uint64_t uni = bucket(h ^ SALT_UNI, bits);
    if (fb & DC_FEAT_UNIGRAM)
        EMIT(sum, sk, k, uni);
    if ((fb & DC_FEAT_BIGRAM) && *prev)
        EMIT(sum, sk, k, bucket((*prev * 31u + h) ^ SALT_BI, bits));
    *n_word = (uint32_t)k;
    *prev = h;
    return token_grams(sum, fb, nm, bits, vocab, uni, t, b, e, sk, k);
}

void dc_feat_iter_init(dc_feat_iter *it, const dc_feat_cfg *c,
                       const char *text, size_t len)
{
    it->text = (const unsigned char *)text;
    it->len = len;
    it->pos = 0;
    it->prev = 0;
    it->nm = NM(c->bits);
}

int dc_feat_next(const dc_feat_cfg *c, dc_feat_iter *it, const int8_t *vocab,
                 dc_token *tok, uint32_t *out)
{
    const unsigned char *t = it->text;
    const size_t len = it->len;
    size_t i = it->pos;
    while (i < len && !(cls[t[i]] & (C_ALNUM | C_HIGH)))
        i++;
    if (i >= len) {
        it->pos = len;
        return -1;
    }
    const size_t b = i, e = token_end(t, len, i);
    sink sk = {out, NULL, vzero()};
    size_t k;
    if (it->nm == NM_CHAR4)
        k = token_feats(0, c->bits, NM_CHAR4, c->bucket_bits, vocab, t, b, e,
                        &it->prev, &sk, &tok->n_word);
    else
        k = token_feats(0, c->bits, it->nm, c->bucket_bits, vocab, t, b, e,
                        &it->prev, &sk, &tok->n_word);
    it->pos = e;
    tok->begin = (uint32_t)b;
    tok->end = (uint32_t)e;
    return (int)k;
}

/* The running state of dc_feat_sum. Rows are summed in 16-bit lanes per
 * token (at most 92 rows of +-128) and per block of tokens (flushed past
 * 128 rows, so at most 220), then widened into acc. */
typedef struct sum_state {
    uint64_t prev;
    size_t nt, nfeat, blk_n;
    vsum blk;
} sum_state;

/* The word cache's set for a token: its first eight bytes, zero padded,
 * as a word k0 in host order, and its length l, mixed by a Fibonacci
 * multiply. Its later bytes are left out (one vector extract fewer a
 * token): words that share their first eight bytes and their length are
 * few, and the key compare tells them apart. The key compare alone
 * decides a hit, so the byte order of k0 only spreads the sets and needs
 * no swap. */
INLINE dc_feat_cache_entry *cache_set(dc_feat_cache_entry *tab, uint64_t k0,
                                      size_t l)
{
    return &tab[2 * dc_words_set(k0, l)];
}

/* A model-only entry's key byte (dc_word_entry): the length, marked. */
#define MODEL_ONLY(l) ((unsigned char)((l) | DC_WORDS_MODEL_ONLY))

/* Hashes and sums the token [b, e) into st (the second half of
 * dc_feat_sum's loop, after the tokens of a stretch were found). The
 * token's own rows (unigram and n-grams) come from the cache when it has
 * the token; the bigram row is added to them, which gives the same lanes
 * as any other order (16-bit adds wrap, and a token's sum never does). */
INLINE void sum_token(uint32_t fb, unsigned nm, uint32_t bits,
                      const int8_t *w, const unsigned char *t, uint32_t b,
                      uint32_t e, sum_state *st, int32_t *acc,
                      dc_feat_tsum *toks, size_t max_toks,
                      dc_feat_cache *cache)
{
    uint64_t h = 0;
    sink sk = {NULL, w, vzero()};
    size_t nf;
    dc_feat_cache_entry *set = NULL, *hit = NULL;
    unsigned char key[DC_FEAT_CACHE_KEY + 1];
    if (cache && e - b <= DC_FEAT_CACHE_KEY) {
        memset(key, 0, sizeof key);
        memcpy(key, t + b, e - b);
        uint64_t k0;
        memcpy(&k0, key, 8);
        set = cache_set(cache->tab, k0, e - b);
        /* (the key's last byte, the length, is not compared: a model-only
         * entry has it marked) */
        if (memcmp(set[0].key, key, DC_FEAT_CACHE_KEY) == 0)
            hit = &set[0];
        else if (memcmp(set[1].key, key, DC_FEAT_CACHE_KEY) == 0) {
            const dc_feat_cache_entry x = set[1];
            set[1] = set[0];
            set[0] = x;
            hit = &set[0];
        }
    }
    if (hit && hit->mv) {
        memcpy(&sk.acc, hit->w, sizeof hit->w);
        nf = hit->nf;
        h = hit->h;
    } else {
        h = token_hash(t, b, e);
        uint64_t uni = bucket(h ^ SALT_UNI, bits);
        nf = 0;
        if (fb & DC_FEAT_UNIGRAM)
            EMIT(1, &sk, nf, uni);
        nf = token_grams(1, fb, nm, bits, w, uni, t, b, e, &sk, nf);
        if (set) {
            /* the matcher's entry for the word gets its model half; a
             * word it has none for, a model-only entry in the second way
             * (a new word of the matcher's goes there too) */
            dc_feat_cache_entry *x = hit;
            if (!x) {
                x = &set[1];
                memset(x, 0, sizeof *x);
                key[DC_FEAT_CACHE_KEY] = MODEL_ONLY(e - b);
                memcpy(x->key, key, sizeof key);
            }
            vstore(x->w, sk.acc);
            x->h = h;
            x->nf = (uint32_t)nf;
            x->mv = 1;
        }
    }
    if ((fb & DC_FEAT_BIGRAM) && st->prev)
        EMIT(1, &sk, nf, bucket((st->prev * 31u + h) ^ SALT_BI, bits));
    st->prev = h;
    if (st->nt < max_toks) {
        toks[st->nt].begin = b;
        toks[st->nt].end = e;
        vstore(toks[st->nt].w, sk.acc);
    }
    st->nt++;
    st->blk = vadd(st->blk, sk.acc);
    if ((st->blk_n += nf) > 128) {
        vwiden_add(acc, st->blk);
        st->blk = vzero();
        st->nfeat += st->blk_n;
        st->blk_n = 0;
    }
}

#if defined(__SSE2__)
/* Class masks of the 64 bytes at p, bit i for p[i]: ASCII letters and
 * digits (*a), non-ASCII bytes (*h), apostrophes (*q). A byte range test
 * is an add that moves the range to the bottom of the signed bytes and a
 * signed compare. */
INLINE void classify64(const unsigned char *p, uint64_t *a, uint64_t *h,
                       uint64_t *q)
{
    const __m128i c20 = _mm_set1_epi8(0x20), loff = _mm_set1_epi8(0x80 - 'a'),
                  llim = _mm_set1_epi8(-128 + 26),
                  doff = _mm_set1_epi8(0x80 - '0'),
                  dlim = _mm_set1_epi8(-128 + 10), apos = _mm_set1_epi8('\'');
    uint64_t A = 0, H = 0, Q = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i let = _mm_cmplt_epi8(
            _mm_add_epi8(_mm_or_si128(v, c20), loff), llim);
        __m128i dig = _mm_cmplt_epi8(_mm_add_epi8(v, doff), dlim);
        A |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_or_si128(let, dig))
             << (16 * k);
        H |= (uint64_t)(uint32_t)_mm_movemask_epi8(v) << (16 * k);
        Q |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, apos))
             << (16 * k);
    }
    *a = A;
    *h = H;
    *q = Q;
}
#endif

/* Token starts S and ends E in a block of 64 bytes, from its class masks
 * (A letters and digits, H non-ASCII, Q apostrophes), whether the byte
 * after the block is a letter or digit (nextA), and the carries of the
 * previous block's last byte (*cA, *cW, *cH: letter or digit, word byte,
 * non-ASCII), which it updates; *T gets the token bytes. A token is a run
 * of word bytes (letters, digits, an apostrophe between two of them) or of
 * non-ASCII bytes. Both the portable and the AVX2 path find tokens with
 * it. */
static inline __attribute__((always_inline)) void
token_edges(uint64_t A, uint64_t H, uint64_t Q, uint64_t nextA, uint64_t *cA,
            uint64_t *cW, uint64_t *cH, uint64_t *S, uint64_t *E, uint64_t *T)
{
    uint64_t W = A | (Q & (A << 1 | *cA) & (A >> 1 | nextA << 63));
    uint64_t Wp = W << 1 | *cW, Hp = H << 1 | *cH;
    *S = (W & ~Wp) | (H & ~Hp);
    *E = (Wp & ~W) | (Hp & ~H);
    *T = W | H;
    *cA = A >> 63;
    *cW = W >> 63;
    *cH = H >> 63;
}

/* dc_feat_sum for one configuration: fb the feature bits, nm the n-gram
 * set (constants in the common instance). */
INLINE size_t sum_text(uint32_t fb, unsigned nm, uint32_t bits,
                       const int8_t *w, const unsigned char *t, size_t len,
                       int32_t *acc, dc_feat_tsum *toks, size_t max_toks,
                       size_t *ntok, dc_feat_cache *cache)
{
    sum_state st = {0, 0, 0, 0, vzero()};
    for (int k = 0; k < DC_FEAT_VOCAB_STRIDE; k++)
        acc[k] = 0;
    /* Token starts and ends found so far; at most one start is pending. */
    uint32_t sb[66], se[66];
    size_t ns = 0, ne = 0;
#if defined(__SSE2__)
    /* 64 bytes at a time: class masks, then a token starts where a run of
     * word bytes (letters, digits, inner apostrophes) or of non-ASCII bytes
     * starts, and ends where one ends. cA, cW, cH: the previous block's
     * last byte was a letter or digit, a word byte, non-ASCII. */
    uint64_t cA = 0, cW = 0, cH = 0;
    for (size_t off = 0; off < len; off += 64) {
        const unsigned char *p = t + off;
        unsigned char pad[64];
        uint64_t nextA = 0; /* the next block starts with a letter or digit */
        if (len - off > 64)
            nextA = cls[t[off + 64]] == C_ALNUM;
        else if (len - off < 64) {
            memset(pad, 0, sizeof pad);
            memcpy(pad, p, len - off);
            p = pad;
        }
        uint64_t A, H, Q;
        classify64(p, &A, &H, &Q);
        uint64_t S, E, T;
        token_edges(A, H, Q, nextA, &cA, &cW, &cH, &S, &E, &T);
        for (; S; S &= S - 1)
            sb[ns++] = (uint32_t)(off + (size_t)__builtin_ctzll(S));
        for (; E; E &= E - 1)
            se[ne++] = (uint32_t)(off + (size_t)__builtin_ctzll(E));
        for (size_t j = 0; j < ne; j++)
            sum_token(fb, nm, bits, w, t, sb[j], se[j], &st, acc, toks,
                      max_toks, cache);
        sb[0] = sb[ne];
        ns -= ne;
        ne = 0;
    }
#else
    size_t i = 0;
    while (i < len) {
        do {
            while (i < len && !(cls[t[i]] & (C_ALNUM | C_HIGH)))
                i++;
            if (i >= len)
                break;
            sb[ns++] = (uint32_t)i;
            i = token_end(t, len, i);
            se[ne++] = (uint32_t)i;
        } while (ne < 64);
        for (size_t j = 0; j < ne; j++)
            sum_token(fb, nm, bits, w, t, sb[j], se[j], &st, acc, toks,
                      max_toks, cache);
        ns = ne = 0;
    }
#endif
    if (ns) /* a token runs to the end */
        sum_token(fb, nm, bits, w, t, sb[0], (uint32_t)len, &st, acc, toks,
                  max_toks, cache);
    vwiden_add(acc, st.blk);
    *ntok = st.nt;
    return st.nfeat + st.blk_n;
}

#if defined(HAVE_AVX2_PATH)
/* ---- AVX2 path -----------------------------------------------------------
 * For the default configuration (unigram, bigram, 4-grams) on CPUs with
 * AVX2, a comment that lies between zero pads so that loads may run past
 * it: a padded text (DC_FEAT_PADDED, the normalizer's) of any length,
 * read in place, or another of up to PAD_MAX bytes, copied between pads:
 *   1. token boundaries for the whole comment, 64 bytes at a time;
 *   2. per token: the word hash and the bigram; the token's own rows
 *      (unigram and 4-grams) from the word cache, or else computed: the
 *      token is marked, "<word>" with its first 24 bytes, in a 32-byte
 *      vector, its grams are built eight at a time by one byte shuffle and
 *      hashed in eight 32-bit lanes (the high half of the 64-bit product is
 *      all a bucket needs), and their rows summed eight plain loads at a
 *      time.
 * Same features and sums as the portable path. */
#define AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))
#define AVX2_INLINE AVX2 static inline __attribute__((always_inline))
#define PAD_MAX 4096 /* the copy is on the stack */
#define PAD 32

/* Uniform vectors of own_rows_avx2(), as 32-byte rows read where used
 * (made from immediates they would cost three instructions each a call):
 * the '>' marker, the low word of the 4-gram salt after its xorshift, the
 * high word of FIB, and that salt's high word times FIB's low word. */
#define SALT4X (SALT4 ^ (SALT4 >> 29))
#define U8(x) {x, x, x, x, x, x, x, x}
enum { G_GT, G_SLO, G_FHI, G_SHI, G_N };
static const uint32_t gram_rows[G_N][8] __attribute__((aligned(32))) = {
    U8(0x3e3e3e3eu), U8((uint32_t)SALT4X), U8((uint32_t)(FIB >> 32)),
    U8((uint32_t)((SALT4X >> 32) * (FIB & 0xffffffffu)))};
#undef U8

AVX2_INLINE __m256i gram_row(const uint32_t (*k)[8], int i)
{
    return _mm256_load_si256((const __m256i *)(const void *)k[i]);
}

/* The bucket of each of eight 4-grams: bucket4() lane by lane. */
AVX2_INLINE __m256i bucket4x8(const uint32_t (*k)[8], __m256i g,
                              __m128i shift)
{
    const __m256i x = _mm256_xor_si256(
        _mm256_xor_si256(g, _mm256_srli_epi32(g, 29)), gram_row(k, G_SLO));
    /* x * FIB mod 2^64, high word: high(x * lo(FIB)) + x * hi(FIB) +
     * hi(s) * lo(FIB), with x the low word (the high word is hi(s)). */
    const __m256i fl = _mm256_set1_epi64x((long long)(FIB & 0xffffffffu));
    __m256i even = _mm256_srli_epi64(_mm256_mul_epu32(x, fl), 32);
    __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), fl);
    __m256i hi = _mm256_blend_epi32(even, odd, 0xaa);
    hi = _mm256_add_epi32(hi, _mm256_mullo_epi32(x, gram_row(k, G_FHI)));
    hi = _mm256_add_epi32(hi, gram_row(k, G_SHI));
    return _mm256_srl_epi32(hi, shift);
}

AVX2_INLINE __m128i row_avx2(const int8_t *w, uint64_t i)
{
    return _mm_cvtepi8_epi16(_mm_loadl_epi64(
        (const __m128i *)(const void *)(w + i * DC_FEAT_VOCAB_STRIDE)));
}

/* The byte ranges classify64_avx2() tests, as 32-byte rows read where
 * used (set1 constants would be made again, three instructions each, in
 * every block: the token loop's calls take the vector registers). */
enum { K_C20, K_LOFF, K_LLIM, K_DOFF, K_DLIM, K_APOS, K_N };
#define K32(x) {x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, \
                x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x}
static const unsigned char class_rows[K_N][32] __attribute__((aligned(32))) = {
    K32(0x20), K32(0x80 - 'a'), K32(0x80 + 26), K32(0x80 - '0'), K32(0x80 + 10),
    K32('\'')};
#undef K32

AVX2_INLINE __m256i class_row(const unsigned char (*k)[32], int i)
{
    return _mm256_load_si256((const __m256i *)(const void *)k[i]);
}

/* The class masks of 32 bytes at p, as classify64(). */
AVX2_INLINE void classify32_avx2(const unsigned char (*k)[32],
                                 const unsigned char *p, uint32_t *a,
                                 uint32_t *h, uint32_t *q)
{
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i let = _mm256_cmpgt_epi8(
        class_row(k, K_LLIM),
        _mm256_add_epi8(_mm256_or_si256(v, class_row(k, K_C20)),
                        class_row(k, K_LOFF)));
    __m256i dig = _mm256_cmpgt_epi8(
        class_row(k, K_DLIM), _mm256_add_epi8(v, class_row(k, K_DOFF)));
    *a = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(let, dig));
    *h = (uint32_t)_mm256_movemask_epi8(v);
    *q = (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(v, class_row(k, K_APOS)));
}

/* Class masks of 64 bytes, as classify64() with 32-byte vectors. */
AVX2_INLINE void classify64_avx2(const unsigned char (*k)[32],
                                 const unsigned char *p,
                                 uint64_t *a, uint64_t *h, uint64_t *q)
{
    uint32_t a0, h0, q0, a1, h1, q1;
    classify32_avx2(k, p, &a0, &h0, &q0);
    classify32_avx2(k, p + 32, &a1, &h1, &q1);
    *a = (uint64_t)a1 << 32 | a0;
    *h = (uint64_t)h1 << 32 | h0;
    *q = (uint64_t)q1 << 32 | q0;
}

/* The sum of the unigram row u and the 4-gram rows of the token at t[0, l)
 * (t[-1] and 31 bytes from t readable): min(l, DC_FEAT_WORD_MAX) rows. */
AVX2_INLINE __m128i own_rows_avx2(const int8_t *w, uint32_t bits, uint64_t u,
                                  const unsigned char *t, size_t l)
{
    const size_t m = l < DC_FEAT_WORD_MAX ? l : DC_FEAT_WORD_MAX;
    /* opaque, so that the compiler reads the rows rather than making them */
    const uint32_t(*k)[8] = gram_rows;
    __asm__("" : "+r"(k));
    /* mk = "<" t[0, m) ">", zeros after */
    const __m256i idx = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                                         12, 13, 14, 15, 16, 17, 18, 19, 20,
                                         21, 22, 23, 24, 25, 26, 27, 28, 29,
                                         30, 31);
    const __m256i end = _mm256_set1_epi8((char)(m + 1));
    const __m256i first = _mm256_cmpeq_epi8(idx, _mm256_setzero_si256());
    const __m256i keep = _mm256_andnot_si256(first, _mm256_cmpgt_epi8(end, idx));
    const __m256i mark = _mm256_or_si256(
        _mm256_and_si256(first, _mm256_set1_epi8('<')),
        _mm256_and_si256(_mm256_cmpeq_epi8(idx, end), gram_row(k, G_GT)));
    unsigned char mk[48];
    _mm256_storeu_si256(
        (__m256i *)(void *)mk,
        _mm256_or_si256(
            _mm256_and_si256(
                _mm256_loadu_si256((const __m256i *)(const void *)(t - 1)),
                keep),
            mark));
    _mm_storeu_si128((__m128i *)(void *)(mk + 32), _mm_setzero_si128());
    /* gram i, little-endian: mk[i + 3], mk[i + 2], mk[i + 1], mk[i]; the
     * m - 1 grams eight at a time from 16 bytes, lanes past the last take
     * bucket 0, whose rows come back out at the end: no branch on the
     * count, at least one round (a one-byte token has no gram) */
    const __m256i pick = _mm256_setr_epi8(3, 2, 1, 0, 4, 3, 2, 1, 5, 4, 3, 2,
                                          6, 5, 4, 3, 7, 6, 5, 4, 8, 7, 6, 5,
                                          9, 8, 7, 6, 10, 9, 8, 7);
    const __m256i iota = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m128i shift = _mm_cvtsi32_si128((int)(32 - bits));
    __m128i gs = row_avx2(w, u);
    size_t r = 0;
    do {
        __m256i g = _mm256_shuffle_epi8(
            _mm256_broadcastsi128_si256(
                _mm_loadu_si128((const __m128i *)(const void *)(mk + 8 * r))),
            pick);
        __m256i valid =
            _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(m - 1 - 8 * r)), iota);
        uint32_t q[8];
        _mm256_storeu_si256((__m256i *)(void *)q,
                            _mm256_and_si256(bucket4x8(k, g, shift), valid));
        __m128i s0 = _mm_add_epi16(row_avx2(w, q[0]), row_avx2(w, q[1]));
        __m128i s1 = _mm_add_epi16(row_avx2(w, q[2]), row_avx2(w, q[3]));
        __m128i s2 = _mm_add_epi16(row_avx2(w, q[4]), row_avx2(w, q[5]));
        __m128i s3 = _mm_add_epi16(row_avx2(w, q[6]), row_avx2(w, q[7]));
        gs = _mm_add_epi16(gs, _mm_add_epi16(_mm_add_epi16(s0, s1),
                                             _mm_add_epi16(s2, s3)));
    } while (8 * ++r + 2 <= m);
    return _mm_sub_epi16(gs, _mm_mullo_epi16(row_avx2(w, 0),
                                             _mm_set1_epi16((short)(8 * r - (m - 1)))));
}

/* The token hash and own rows (unigram and 4-grams) of the token at t[b, e)
 * computed into x->h and x->w (min(e - b, DC_FEAT_WORD_MAX) rows). Not
 * inlined: the token loop, which calls it for the tokens the word cache
 * misses, keeps its own state in registers. */
AVX2 static __attribute__((noinline)) void
token_rows_avx2(const int8_t *w, uint32_t bits, const unsigned char *t,
                size_t b, size_t e, dc_feat_cache_entry *x)
{
    const size_t l = e - b;
    uint64_t h;
    if (l <= 8) {
        h = (FNV_BASIS ^ (be64(t + e - 8) & (~0ull >> (64 - 8 * l)))) *
            FNV_PRIME;
        if (l == 8)
            h *= FNV_PRIME;
        h ^= h >> 32;
        h = h ? h : 1;
    } else
        h = token_hash(t, b, e);
    _mm_storeu_si128(
        (__m128i *)(void *)x->w,
        own_rows_avx2(w, bits, bucket(h ^ SALT_UNI, bits), t + b, l));
    x->h = h;
}

/* The word cache key of the token of l bytes at p: its bytes, zero padded
 * to 16 (for a token longer than DC_FEAT_CACHE_KEY it is not used). */
AVX2_INLINE __m128i token_key(const unsigned char *p, size_t l)
{
    const __m128i idx = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                                      12, 13, 14, 15);
    return _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)p),
                         _mm_cmpgt_epi8(_mm_set1_epi8((char)l), idx));
}

/* 1 when the entry x has the key key (the token's bytes, zero padded; the
 * entry's last byte, its row count, is not compared). */
AVX2_INLINE int key_is(const dc_feat_cache_entry *x, __m128i key)
{
    const __m128i keyb = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1,
                                       -1, -1, -1, -1, -1, -1, 0);
    return _mm_testz_si128(
        _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)x->key),
                      key),
        keyb);
}

/* The token t[b, e)'s key (token_key) in *key and its word cache set. */
AVX2_INLINE dc_feat_cache_entry *token_set(dc_feat_cache_entry *tab,
                                           const unsigned char *t, size_t b,
                                           size_t e, __m128i *key)
{
    *key = token_key(t + b, e - b);
    return cache_set(tab, (uint64_t)_mm_cvtsi128_si64(*key), e - b);
}

/* One token's own rows' sum, t[b, e), in the AVX2 passes (its unigram and
 * 4-grams: everything but the bigram) and hash, in *h: from the word
 * cache's set for it (key: its bytes, zero padded), or computed, into the
 * set's first entry when it has at most DC_FEAT_CACHE_KEY bytes (the count
 * in the key's last byte). An uncached token's rows past DC_FEAT_WORD_MAX
 * are taken off *nfeat, which counted every byte. */
AVX2_INLINE __m128i token_own_avx2(const int8_t *w, uint32_t bits,
                                   const unsigned char *t, size_t b, size_t e,
                                   __m128i key, dc_feat_cache_entry *set,
                                   size_t *nfeat, uint64_t *h)
{
    const size_t l = e - b;
    dc_feat_cache_entry *x, tmp;
    if (l <= DC_FEAT_CACHE_KEY) {
        x = set;
        if (!key_is(&x[0], key)) {
            /* found in the second way it moves to the first, as the
             * matcher's words seen again do (left there, the matcher
             * moved it the next time: +0.39 M instructions) */
            if (key_is(&x[1], key)) {
                tmp = x[1];
                x[1] = x[0];
                x[0] = tmp;
            } else {
                /* a token the matcher keeps no entry for (joined across
                 * an apostrophe) or no longer has: a model-only entry,
                 * in the second way, where the matcher's new words go */
                x = &set[1];
                _mm_storeu_si128(
                    (__m128i *)(void *)x->key,
                    _mm_insert_epi8(key, (int)MODEL_ONLY(l),
                                    DC_FEAT_CACHE_KEY));
                x->mv = 0;
            }
        }
        /* the matcher's entry, its model half not made yet */
        if (__builtin_expect(!x->mv, 0)) {
            token_rows_avx2(w, bits, t, b, e, x);
            x->nf = (uint32_t)l;
            x->mv = 1;
        }
    } else {
        /* A cached token has l rows, which the caller counted and the
         * entry's count byte holds (the portable path reads it): only
         * uncached tokens can pass DC_FEAT_WORD_MAX. */
        _Static_assert(DC_FEAT_CACHE_KEY <= DC_FEAT_WORD_MAX,
                       "cached tokens have l rows");
        x = &tmp;
        token_rows_avx2(w, bits, t, b, e, x);
        if (l > DC_FEAT_WORD_MAX)
            *nfeat -= l - DC_FEAT_WORD_MAX;
    }
    *h = x->h;
    return _mm_loadu_si128((const __m128i *)(const void *)x->w);
}

/* The bigram row's index of a token with hash h after one with hash prev
 * (a token hash is never 0; the passes make one with prev 0 for the first
 * token too, a row like any other, and drop its row). */
AVX2_INLINE uint64_t bigram_at(uint64_t prev, uint64_t h, unsigned sh)
{
    return bucket_sh((prev * 31u + h) ^ SALT_BI, sh);
}

/* The AVX2 pass, with a word cache (dc_feat_sum() takes the portable pass
 * without one: the scorer always has one, so a second instance of this
 * loop without the cache would serve only tests and benchmarks). Each
 * token's own rows number min(l, DC_FEAT_WORD_MAX) for l bytes (a unigram
 * and l - 1 4-grams), so the feature count is the count of token bytes,
 * less what long tokens have past DC_FEAT_WORD_MAX, plus one bigram for
 * every token but the first. */
AVX2 static __attribute__((noinline)) size_t
blocks_avx2(uint32_t bits, const int8_t *w, const unsigned char *t, size_t len,
            int32_t *acc, dc_feat_tsum *toks, size_t max_toks, size_t *ntok,
            dc_feat_cache *cache)
{
    /* a block whose tokens do not all fit in toks[] goes here first */
    dc_feat_tsum spill[64];
    uint64_t bgi[64]; /* the bigram rows of a block's tokens */
    uint64_t prev = 0;
    size_t nt = 0, nfeat = 0, ob = 0;
    int open = 0; /* a token started at ob and has not ended yet */
    const unsigned sh = 64 - bits;
    __m256i sum = _mm256_setzero_si256();
    /* Token boundaries 64 bytes at a time (off < len + 1: a token that
     * ends at len gets its end from the zeros after the text). The k-th
     * end of a block closes the token open before it, if any, or else its
     * k-th start. */
    uint64_t cA = 0, cW = 0, cH = 0;
    /* opaque to the compiler, so that it reads the rows where they are
     * used rather than making them again */
    const unsigned char(*kc)[32] = class_rows;
    __asm__("" : "+r"(kc));
    for (size_t off = 0; off < len + 1; off += 64) {
        uint64_t A, H, Q;
        classify64_avx2(kc, t + off, &A, &H, &Q);
        uint64_t nextA = cls[t[off + 64]] == C_ALNUM, S, E, T;
        token_edges(A, H, Q, nextA, &cA, &cW, &cH, &S, &E, &T);
        /* every token byte is a row of its token's, but past
         * DC_FEAT_WORD_MAX (taken back below) */
        nfeat += (size_t)_mm_popcnt_u64(T);
        if (E) {
            const size_t ne = (size_t)_mm_popcnt_u64(E);
            dc_feat_tsum *const tb = nt + ne <= max_toks ? toks + nt : spill;
            dc_feat_tsum *tp = tb;
            /* the block's token sums in 16-bit lanes: at most 25 rows of a
             * token begun before it, and 2 per byte of the block (its own
             * and a bigram), 153 rows of +-128 */
            __m128i bs = _mm_setzero_si128();
            size_t b, e = off + _tzcnt_u64(E);
            if (open)
                b = ob;
            else {
                b = off + _tzcnt_u64(S);
                S = _blsr_u64(S);
            }
            E = _blsr_u64(E);
            open = 0;
            /* Each token's key and cache set are found one token ahead,
             * and the set prefetched, so that the random line of the
             * 1.25 MiB cache is on its way while the token before is
             * summed. */
            __m128i key;
            dc_feat_cache_entry *const tab = cache->tab;
            dc_feat_cache_entry *set = token_set(tab, t, b, e, &key);
            for (;;) {
                /* The next token's key and set, found and prefetched
                 * without a branch: past the block's last token they are
                 * those of a token that does not end in it, or of none
                 * (nb = nx = off + 64: an empty key, read from within the
                 * copy's pad), and are not used. */
                const size_t nb = off + _tzcnt_u64(S), nx = off + _tzcnt_u64(E);
                __m128i nkey;
                dc_feat_cache_entry *const nset =
                    token_set(tab, t, nb, nx, &nkey);
                __builtin_prefetch(nset);
                /* The token's own rows now, its bigram row fetched and
                 * added below, after the block's last token: the rows'
                 * loads overlap (as in runs_avx2). */
                uint64_t h;
                const __m128i own =
                    token_own_avx2(w, bits, t, b, e, key, set, &nfeat, &h);
                bgi[tp - tb] = bigram_at(prev, h, sh);
                __builtin_prefetch(w + bgi[tp - tb] * DC_FEAT_VOCAB_STRIDE);
                prev = h;
                tp->begin = (uint32_t)b;
                tp->end = (uint32_t)e;
                _mm_storeu_si128((__m128i *)(void *)tp->w, own);
                tp++;
                if (!E)
                    break;
                S = _blsr_u64(S);
                E = _blsr_u64(E);
                b = nb;
                e = nx;
                key = nkey;
                set = nset;
            }
            /* the text's first token (nt 0, the block's first) has no
             * bigram */
            for (size_t k = 0; k < ne; k++) {
                __m128i bg = row_avx2(w, bgi[k]);
                if (!nt && !k)
                    bg = _mm_setzero_si128();
                const __m128i ts = _mm_add_epi16(
                    _mm_loadu_si128((const __m128i *)(const void *)tb[k].w),
                    bg);
                _mm_storeu_si128((__m128i *)(void *)tb[k].w, ts);
                bs = _mm_add_epi16(bs, ts);
            }
            sum = _mm256_add_epi32(sum, _mm256_cvtepi16_epi32(bs));
            if (tb == spill && nt < max_toks)
                memcpy(toks + nt, spill, (max_toks - nt) * sizeof *toks);
            nt += ne;
        }
        if (S) {
            ob = off + _tzcnt_u64(S);
            open = 1;
        }
    }
    _mm256_storeu_si256((__m256i *)(void *)acc, sum);
    *ntok = nt;
    return nfeat + nt - (nt != 0);
}

/* The bucket bits of the shipped model (data/model/decorum.model), for
 * which runs_avx2() has an instance of its own. */
#define RUNS_BITS 17

/* Tokens a turn of runs_avx2(). */
enum { RUNS_TURN = 32 };

/* A turn's first pass (find_turn), which its second and third read: the
 * tokens found from the runs and their word cache sets computed and
 * fetched toward the CPU caches. */
typedef struct feat_turn {
    /* what the pass was done over (first_turn() sets these) */
    const dc_wrun *runs;
    const char *text;
    size_t nruns;
    size_t k;     /* tokens found */
    size_t used;  /* runs they took */
    size_t bytes; /* their bytes, together */
    uint64_t span[RUNS_TURN]; /* a token's begin | end << 32 */
    union {
        dc_feat_cache_entry *set; /* its word cache set */
        const int8_t *bg; /* once the set is read: its bigram row */
    } at[RUNS_TURN];
} feat_turn;

/* The first pass of a turn of runs_avx2(): up to RUNS_TURN tokens from the
 * runs at *rp (before end), into f: their count, spans (begin | end << 32),
 * word cache sets, each fetched, and bytes together; *rp moves past the
 * runs they took. */
AVX2_INLINE void find_turn(const unsigned char *t, const dc_wrun **rp,
                           const dc_wrun *end, feat_turn *f,
                           dc_feat_cache *cache)
{
    const dc_wrun *r = *rp;
    dc_feat_cache_entry *const tab = cache->tab;
    /* Each token takes one run or more, so at most RUNS_TURN tokens
     * start before stop. */
    const dc_wrun *const stop = end - r > RUNS_TURN ? r + RUNS_TURN : end;
    size_t k = 0, bytes = 0;
    _Static_assert(sizeof(dc_wrun) == 8 && offsetof(dc_wrun, e) == 4,
                   "a run's bytes are a span: begin | end << 32 (x86)");
    for (; r < stop; k++) {
        /* the span is the run's own 8 bytes, copied (made from begin and
         * end only when runs are joined) */
        uint64_t sp;
        memcpy(&sp, r, sizeof sp);
        size_t b = r->b, e = r->e;
        r++;
        /* the sentinel's start (UINT32_MAX) never follows a run */
        if (__builtin_expect(t[e] == '\'', 0)) {
            while (t[e] == '\'' && r->b == e + 1)
                e = r++->e;
            sp = (uint64_t)b | (uint64_t)e << 32;
        }
        f->span[k] = sp;
        bytes += e - b;
        /* The set is cache_set() of the key's first eight bytes (as
         * token_set() makes them), here from one load whose bytes past
         * the token bzhi clears: the key itself is made by the second
         * pass. bzhi reads the index's low 8 bits, so for a token of 32
         * bytes or more the word may differ from the key's: such a token
         * uses no set (token_own_avx2 caches none past
         * DC_FEAT_CACHE_KEY), and what is fetched for it is a set all
         * the same. */
        uint64_t k0;
        memcpy(&k0, t + b, sizeof k0);
        f->at[k].set =
            cache_set(tab, _bzhi_u64(k0, (unsigned)(8 * (e - b))), e - b);
        __builtin_prefetch(f->at[k].set);
    }
    f->k = k;
    f->bytes = bytes;
    *rp = r;
}

/* The first turn's first pass over the runs[nruns] of the text t, into
 * *ah with what it was made for, the record runs_avx2() starts from. */
AVX2_INLINE void first_turn(const unsigned char *t, const dc_wrun *runs,
                            size_t nruns, dc_feat_cache *cache,
                            feat_turn *ah)
{
    const dc_wrun *r = runs;
    find_turn(t, &r, runs + nruns, ah, cache);
    ah->used = (size_t)(r - runs);
    ah->runs = runs;
    ah->text = (const char *)t;
    ah->nruns = nruns;
}

/* The AVX2 pass over an ASCII text t = ah->text (the copy between pads,
 * or a padded dc_norm's text read in place) whose nr = ah->nruns word
 * runs the matcher recorded (ah->runs, dc_hitvec.runs: maximal runs of
 * letters, digits and non-ASCII bytes, then a sentinel), nr at most the
 * toks[] kept: in ASCII text the tokens are those runs, a run joined to
 * the one before when one apostrophe separates them (the bytes on either
 * side are letters or digits, as the runs are maximal), so the text is not
 * classified again. The same features, sums, spans and count as
 * blocks_avx2().
 *
 * Up to RUNS_TURN tokens a turn, in three passes, so that each pass's
 * loads from tables larger than the L2 (the word cache, 1.25 MiB, and the
 * weight table, 1 MiB) are in flight together rather than one at a time:
 * the tokens found and their cache sets fetched (find_turn); each token's
 * own rows and hash (token_own_avx2) into its toks[] entry and its
 * bigram's row fetched; the bigram rows added. Token by token, the bigram
 * row's load alone held 71 % of this pass's time (perf annotate, one
 * thread). The text, its runs and the first turn's first pass come in
 * ah, made by the caller with first_turn() (six arguments, all in
 * registers, where the text and runs were passed again beside ah). */
AVX2_INLINE size_t runs_avx2(uint32_t bits, const int8_t *w, int32_t *acc,
                             dc_feat_tsum *toks, size_t *ntok,
                             dc_feat_cache *cache, feat_turn *ah)
{
    const unsigned char *const t = (const unsigned char *)ah->text;
    const dc_wrun *r = ah->runs + ah->used;
    const dc_wrun *const end = ah->runs + ah->nruns;
    dc_feat_tsum *tp = toks; /* tokens <= runs <= max_toks */
    uint64_t prev31 = 0; /* the last token's hash times 31 */
    size_t nfeat = 0;
    const unsigned sh = 64 - bits;
    __m256i sum = _mm256_setzero_si256();
    /* The bigram rows' addresses go where the second pass has just read
     * the token's set (f->at[j]: the same base and index, where an array
     * of their own was reached through a pointer the loop reloaded from
     * the stack every token). The first token's (made with prev 0, a row
     * like any other) is replaced by zero_row. */
    static const int8_t zero_row[DC_FEAT_VOCAB_STRIDE];
    feat_turn own; /* the later turns' first passes */
    feat_turn *f = ah;
    for (size_t k; (k = f->k) != 0;) {
        /* each token has a row per byte (less, past DC_FEAT_WORD_MAX, for
         * a token not cached: token_own_avx2 takes those off) */
        nfeat += f->bytes;
        /* j < f->k rather than k: compared in place, where the copy k
         * was spilled and loaded again every token */
        for (size_t j = 0; j < f->k; j++) {
            const uint64_t sj = f->span[j];
            const size_t b = (uint32_t)sj, e = sj >> 32;
            /* the key again (a load and a mask: cheaper to make than to
             * keep), the set as the first pass found it */
            const __m128i key = token_key(t + b, e - b);
            dc_feat_cache_entry *const set = f->at[j].set;
            uint64_t h;
            /* begin and end, the low word first (x86) */
            memcpy(&tp[j], &sj, sizeof sj);
            _mm_storeu_si128(
                (__m128i *)(void *)tp[j].w,
                token_own_avx2(w, bits, t, b, e, key, set, &nfeat, &h));
            const int8_t *const bg =
                w + bucket_sh((prev31 + h) ^ SALT_BI, sh) *
                        DC_FEAT_VOCAB_STRIDE;
            __builtin_prefetch(bg);
            f->at[j].bg = bg;
            /* bigram_at()'s prev * 31 for the next token, one multiply
             * (the compiler makes x * 31 a copy, a shift and a subtract) */
            __asm__("imul $31, %1, %0" : "=r"(prev31) : "r"(h));
        }
        /* the text's first token has no bigram: a row of zeros */
        if (tp == toks)
            f->at[0].bg = zero_row;
        for (size_t j = 0; j < k; j++) {
            const __m128i ts = _mm_add_epi16(
                _mm_loadu_si128((const __m128i *)(const void *)tp[j].w),
                _mm_cvtepi8_epi16(_mm_loadl_epi64(
                    (const __m128i *)(const void *)f->at[j].bg)));
            _mm_storeu_si128((__m128i *)(void *)tp[j].w, ts);
            sum = _mm256_add_epi32(sum, _mm256_cvtepi16_epi32(ts));
        }
        tp += k;
        own.k = 0;
        if (r < end)
            find_turn(t, &r, end, &own, cache);
        f = &own;
    }
    _mm256_storeu_si256((__m256i *)(void *)acc, sum);
    const size_t nt = (size_t)(tp - toks);
    *ntok = nt;
    return nfeat + nt - (nt != 0);
}

/* The AVX2 pass for a comment of up to PAD_MAX bytes: its copy between
 * zero pads, then its tokens from the word runs when there are runs, the
 * text is ASCII and toks[] has room for every run, else from its bytes.
 * Out of line, so that the padded text's way (sum_avx2) does not set up
 * the copy's 4 KiB on the stack. */
AVX2 static __attribute__((noinline)) size_t
copy_sum_avx2(uint32_t bits, const int8_t *w, const unsigned char *text,
              size_t len, const dc_wrun *runs, size_t nruns, int32_t *acc,
              dc_feat_tsum *toks, size_t max_toks, size_t *ntok,
              dc_feat_cache *cache)
{
    enum { BUF = PAD + PAD_MAX + 64 + PAD };
    unsigned char bt[BUF] __attribute__((aligned(32)));
    unsigned char *const t = bt + PAD;
    /* bytes read past t: keys and grams of 32 bytes from a token's start
     * and t[len] for the runs; blocks of 64 up to len and one byte beyond
     * for blocks_avx2() */
    const bool by_runs = runs && nruns <= max_toks;
    const size_t lo = len & ~(size_t)31, span = (len + 65 + 31) & ~(size_t)31;
    size_t k = lo, z = by_runs ? (len + 33 + 31) & ~(size_t)31 : span;
    _mm256_store_si256((__m256i *)(void *)bt, _mm256_setzero_si256());
    for (; k < z; k += 32)
        _mm256_storeu_si256((__m256i *)(void *)(t + k), _mm256_setzero_si256());
    if (len)
        memcpy(t, text, len);
    if (by_runs) {
        __m256i hi = _mm256_setzero_si256();
        for (size_t j = 0; j < len; j += 32)
            hi = _mm256_or_si256(
                hi, _mm256_load_si256((const __m256i *)(const void *)(t + j)));
        if (!_mm256_movemask_epi8(hi)) {
            feat_turn a;
            first_turn(t, runs, nruns, cache, &a);
            return runs_avx2(bits, w, acc, toks, ntok, cache, &a);
        }
        for (; k < span; k += 32)
            _mm256_storeu_si256((__m256i *)(void *)(t + k),
                                _mm256_setzero_si256());
    }
    return blocks_avx2(bits, w, t, len, acc, toks, max_toks, ntok, cache);
}

/* runs_avx2() for the shipped table's size, the bucket shift a constant
 * (which frees the token loop a register), out of line. */
AVX2 static __attribute__((noinline)) size_t
runs17_avx2(const int8_t *w, int32_t *acc, dc_feat_tsum *toks, size_t *ntok,
            dc_feat_cache *cache, feat_turn *ah)
{
    return runs_avx2(RUNS_BITS, w, acc, toks, ntok, cache, ah);
}

/* The AVX2 pass: a padded text is read where it is, by runs_avx2() when
 * it is ASCII with runs, else by blocks_avx2() (what they read past its
 * ends, up to 7 bytes before it and 65 past len, lies in the pads, zero
 * bytes after it as in the copy); any other goes by the copy. known:
 * DC_FEAT_* bits. */
AVX2 static size_t sum_avx2(uint32_t bits, const int8_t *w,
                            const unsigned char *text, size_t len,
                            unsigned known, const dc_wrun *runs, size_t nruns,
                            int32_t *acc, dc_feat_tsum *toks, size_t max_toks,
                            size_t *ntok, dc_feat_cache *cache)
{
    /* token hashes read the 8 bytes that end a token (masked), keys and
     * grams 32 bytes from its start, blocks_avx2() 64 bytes from an offset
     * up to len and the byte after them */
    _Static_assert(DC_NORM_FRONT >= 8 && DC_NORM_PAD >= 65,
                   "the pads hold what the passes read");
    if (known & DC_FEAT_PADDED) {
        if (runs && nruns <= max_toks) {
            /* 32 bytes a step: the last step's bytes past len are zeros */
            __m256i hi = _mm256_setzero_si256();
            for (size_t j = 0; j < len && !(known & DC_FEAT_ASCII); j += 32)
                hi = _mm256_or_si256(
                    hi, _mm256_loadu_si256(
                            (const __m256i *)(const void *)(text + j)));
            if (!_mm256_movemask_epi8(hi)) {
                feat_turn a;
                first_turn(text, runs, nruns, cache, &a);
                /* the shipped table's size a constant: the token loop
                 * keeps the shift in no register */
                if (bits == RUNS_BITS)
                    return runs17_avx2(w, acc, toks, ntok, cache, &a);
                return runs_avx2(bits, w, acc, toks, ntok, cache, &a);
            }
        }
        return blocks_avx2(bits, w, text, len, acc, toks, max_toks, ntok,
                           cache);
    }
    return copy_sum_avx2(bits, w, text, len, runs, nruns, acc, toks, max_toks,
                         ntok, cache);
}
#endif

int dc_feat_portable;

/* The portable path, out of line: dc_feat_sum() itself stays a short
 * function that calls the AVX2 pass as its last act. */
static __attribute__((noinline)) size_t
sum_text_portable(const dc_feat_cfg *c, const int8_t *w,
                  const unsigned char *t, size_t len, int32_t *acc,
                  dc_feat_tsum *toks, size_t max_toks, size_t *ntok,
                  dc_feat_cache *cache)
{
    /* The default configuration, constant-folded. */
    if (c->bits == DC_FEAT_DEFAULT)
        return sum_text(DC_FEAT_DEFAULT, NM_CHAR4, c->bucket_bits, w, t, len,
                        acc, toks, max_toks, ntok, cache);
    return sum_text(c->bits, NM(c->bits), c->bucket_bits, w, t, len, acc,
                    toks, max_toks, ntok, cache);
}

/* Was the cache filled for weights w and configuration c? (Else it is
 * emptied before it is used: cache_empty.) */
static inline bool cache_for(const dc_feat_cache *cache, const dc_feat_cfg *c,
                             const int8_t *w)
{
    return cache->w == w && cache->cfg.bits == c->bits &&
           cache->cfg.bucket_bits == c->bucket_bits;
}

/* Empties the cache for weights w and configuration c (out of line, as
 * rare). A cache never used (w NULL) is all zero, so empty already: not
 * clearing it leaves its 1.25 MiB untouched until words land in it, where
 * the clear made a one-comment `decorum score` fault in 160 fresh pages. */
static __attribute__((noinline, cold)) void
cache_empty(dc_feat_cache *cache, const dc_feat_cfg *c, const int8_t *w)
{
    if (!cache->tab)
        cache->tab = cache->e;
    /* the model halves only: a shared table's matcher halves stay */
    if (cache->w)
        for (size_t i = 0; i < DC_WORDS_ENTRIES; i++)
            cache->tab[i].mv = 0;
    cache->w = w;
    cache->cfg = *c;
}

size_t dc_feat_sum(const dc_feat_cfg *c, const int8_t *w, const char *text,
                   size_t len, int32_t *acc, dc_feat_tsum *toks,
                   size_t max_toks, size_t *ntok, dc_feat_cache *cache)
{
    return dc_feat_sum_runs(c, w, text, len, 0, NULL, 0, acc, toks,
                            max_toks, ntok, cache);
}

/* 1 when dc_feat_sum_runs() takes the AVX2 pass for such a call (cache
 * not NULL). */
static inline int avx2_pass(const dc_feat_cfg *c, size_t len, unsigned known)
{
#if defined(HAVE_AVX2_PATH)
    return c->bits == DC_FEAT_DEFAULT &&
           (len <= PAD_MAX || (known & DC_FEAT_PADDED)) && !dc_feat_portable &&
           __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2") &&
           __builtin_cpu_supports("popcnt");
#else
    (void)c;
    (void)len;
    (void)known;
    return 0;
#endif
}

/* dc_feat_sum_runs' pass, the cache being the weights' (inline in both
 * ways below, each of which ends in its call). */
static inline __attribute__((always_inline)) size_t
sum_runs_pass(const dc_feat_cfg *c, const int8_t *w, const char *text,
              size_t len, unsigned known, const dc_wrun *runs, size_t nruns,
              int32_t *acc, dc_feat_tsum *toks, size_t max_toks, size_t *ntok,
              dc_feat_cache *cache)
{
    const unsigned char *t = (const unsigned char *)text;
    /* The portable path finds the tokens itself, and takes no padding. */
    (void)known;
    (void)runs;
    (void)nruns;
#if defined(HAVE_AVX2_PATH)
    if (cache && avx2_pass(c, len, known))
        return sum_avx2(c->bucket_bits, w, t, len, known, runs, nruns, acc,
                        toks, max_toks, ntok, cache);
#endif
    return sum_text_portable(c, w, t, len, acc, toks, max_toks, ntok, cache);
}

/* dc_feat_sum_runs for a cache filled for other weights (or never): it is
 * emptied first. Out of line, so that the usual way makes no call before
 * its pass, which it jumps to: with cache_empty's call in its body it kept
 * six registers and moved all twelve arguments for every comment, 58
 * instructions, now 48 (GCC still moves the six on the stack; session
 * 61). */
static __attribute__((noinline, cold)) size_t
sum_runs_emptied(const dc_feat_cfg *c, const int8_t *w, const char *text,
                 size_t len, unsigned known, const dc_wrun *runs,
                 size_t nruns, int32_t *acc, dc_feat_tsum *toks,
                 size_t max_toks, size_t *ntok, dc_feat_cache *cache)
{
    cache_empty(cache, c, w);
    return sum_runs_pass(c, w, text, len, known, runs, nruns, acc, toks,
                         max_toks, ntok, cache);
}

size_t dc_feat_sum_runs(const dc_feat_cfg *c, const int8_t *w,
                        const char *text, size_t len, unsigned known,
                        const dc_wrun *runs, size_t nruns, int32_t *acc,
                        dc_feat_tsum *toks, size_t max_toks, size_t *ntok,
                        dc_feat_cache *cache)
{
    if (cache && !cache_for(cache, c, w))
        return sum_runs_emptied(c, w, text, len, known, runs, nruns, acc,
                                toks, max_toks, ntok, cache);
    return sum_runs_pass(c, w, text, len, known, runs, nruns, acc, toks,
                         max_toks, ntok, cache);
}
