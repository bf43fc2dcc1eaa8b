/*
 * features.c: cuts normalized text into tokens and hashes each token into
 * the model's feature buckets (see features_int.h for what the features
 * are). This is the hot half of dc_model_score, so one pass over a token's
 * bytes does everything: byte classes come from a table, the token hash is
 * computed as the bytes go by, and character n-grams come from a
 * rolling 64-bit window of the last bytes of "<token>".
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

#include <string.h>

#define FIB 0x9E3779B97F4A7C15ull
#define SALT_UNI 0x2545F4914F6CDD1Dull
#define SALT_BI 0x5851F42D4C957F2Dull
#define SALT_CHAR 0x14057B7EF767814Full
#define FNV_BASIS 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull /* odd: a multiply keeps every bit */

/* Byte classes: 0 separator, 1 ASCII letter or digit, 2 non-ASCII, 3 the
 * apostrophe (inside a word only). Letters are already lower case after
 * normalization; upper case is accepted for direct callers. */
enum { C_SEP, C_ALNUM, C_HIGH, C_APOS };
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
    ['Y'] = 1, ['Z'] = 1, ['\''] = 3,
#define H16(b) [b] = 2, [b + 1] = 2, [b + 2] = 2, [b + 3] = 2, [b + 4] = 2, \
               [b + 5] = 2, [b + 6] = 2, [b + 7] = 2, [b + 8] = 2,         \
               [b + 9] = 2, [b + 10] = 2, [b + 11] = 2, [b + 12] = 2,      \
               [b + 13] = 2, [b + 14] = 2, [b + 15] = 2
    H16(0x80), H16(0x90), H16(0xa0), H16(0xb0), H16(0xc0), H16(0xd0),
    H16(0xe0), H16(0xf0),
#undef H16
};

static inline uint32_t bucket(uint64_t x, uint32_t bits)
{
    /* A xorshift before the multiply lets high input bits reach the top. */
    x ^= x >> 29;
    return (uint32_t)((x * FIB) >> (64 - bits));
}

void dc_feat_iter_init(dc_feat_iter *it, const dc_feat_cfg *c,
                       const char *text, size_t len)
{
    it->text = (const unsigned char *)text;
    it->len = len;
    it->pos = 0;
    it->prev = 0;
    it->nn = 0;
    for (unsigned n = 3; n <= 6; n++)
        if (c->bits & (DC_FEAT_CHAR3 << (n - 3)))
            it->ns[it->nn++] = n;
}

/* Emits the n-grams that end at the newest byte of the window; nb counts
 * the bytes in the window so far, ns[0..nn) are the configured lengths. */
static inline size_t grams(const unsigned *ns, unsigned nn, uint64_t win,
                           unsigned nb, uint32_t bits, uint32_t *out, size_t k)
{
    if (nn == 1) { /* the usual configuration, one n */
        if (nb >= ns[0])
            out[k++] = bucket((win & ((1ull << (8 * ns[0])) - 1)) ^
                                  (SALT_CHAR * ns[0]),
                              bits);
        return k;
    }
    for (unsigned j = 0; j < nn; j++)
        if (nb >= ns[j])
            out[k++] = bucket((win & ((1ull << (8 * ns[j])) - 1)) ^
                                  (SALT_CHAR * ns[j]),
                              bits);
    return k;
}

int dc_feat_next(const dc_feat_cfg *c, dc_feat_iter *it, const int8_t *vocab,
                 dc_token *tok, uint32_t *out)
{
    const unsigned char *t = it->text;
    const size_t len = it->len;
    size_t i = it->pos;
    while (i < len && (cls[t[i]] == C_SEP || cls[t[i]] == C_APOS))
        i++;
    if (i >= len) {
        it->pos = len;
        return -1;
    }
    const uint32_t bits = c->bucket_bits;
    const size_t b = i;
    /* The hash takes the token's bytes eight at a time: one multiply per
     * word of bytes instead of one per byte. */
    uint64_t h = FNV_BASIS, hw = 0;
    unsigned hb = 0;
#define TAKE(ch)                                                               \
    do {                                                                       \
        hw = hw << 8 | (ch);                                                   \
        if (++hb == 8) {                                                       \
            h = (h ^ hw) * FNV_PRIME;                                          \
            hw = 0;                                                            \
            hb = 0;                                                            \
        }                                                                      \
    } while (0)
    if (cls[t[i]] == C_HIGH) {
        while (i < len && cls[t[i]] == C_HIGH) {
            TAKE(t[i]);
            i++;
        }
    } else {
        for (;;) {
            while (i < len && cls[t[i]] == C_ALNUM) {
                TAKE(t[i]);
                i++;
            }
            if (i + 1 < len && cls[t[i]] == C_APOS && cls[t[i + 1]] == C_ALNUM) {
                TAKE(t[i]);
                i++;
                continue;
            }
            break;
        }
    }
#undef TAKE
    /* Token bytes are never 0, so a partial last word cannot collide with
     * a shorter token's. */
    h = (h ^ hw) * FNV_PRIME;
    h ^= h >> 32;
    h = h ? h : 1; /* 0 means "no previous token" */
    size_t k = 0;
    uint32_t uni = bucket(h ^ SALT_UNI, bits);
    if (c->bits & DC_FEAT_UNIGRAM)
        out[k++] = uni;
    if ((c->bits & DC_FEAT_BIGRAM) && it->prev)
        out[k++] = bucket((it->prev * 31u + h) ^ SALT_BI, bits);
    tok->n_word = (uint32_t)k;
    it->prev = h;
    it->pos = i;
    tok->begin = (uint32_t)b;
    tok->end = (uint32_t)i;
    const unsigned *ns = it->ns, nn = it->nn;
    if (!nn || ((c->bits & DC_FEAT_OOV) && vocab &&
                vocab[(size_t)uni * DC_FEAT_VOCAB_STRIDE +
                      DC_FEAT_VOCAB_STRIDE - 1] != 0))
        return (int)k;
    /* Character n-grams from a rolling window over "<token>" (the bytes
     * are in L1 from the scan above). */
    size_t e = i - b < DC_FEAT_WORD_MAX ? i : b + DC_FEAT_WORD_MAX;
    uint64_t win = '<';
    unsigned nb = 1;
    for (size_t j = b; j < e; j++) {
        win = win << 8 | t[j];
        k = grams(ns, nn, win, ++nb, bits, out, k);
    }
    win = win << 8 | '>';
    k = grams(ns, nn, win, ++nb, bits, out, k);
    return (int)k;
}
