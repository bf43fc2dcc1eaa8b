/*
 * features.c: cuts normalized text into tokens and hashes each token into
 * the model's feature buckets (see features_int.h for what the features are).
 *
 * Hashing: a token's identity is FNV-1a 64 over its bytes. A character
 * n-gram (n <= 6) is its bytes packed little-endian into a 64-bit word.
 * Every feature kind XORs in its own salt and is turned into a bucket by
 * Fibonacci hashing (multiply by 2^64/phi, keep the top bucket_bits bits),
 * which needs no modulo and spreads nearby inputs well. The function is
 * part of the model file format: changing it invalidates every model, so
 * docs/MODEL.md names it and the format version must be bumped.
 */
#include "features_int.h"

#include <string.h>

#define FIB 0x9E3779B97F4A7C15ull
#define SALT_UNI 0x2545F4914F6CDD1Dull
#define SALT_BI 0x5851F42D4C957F2Dull
#define SALT_CHAR 0x14057B7EF767814Full

static inline uint32_t bucket(uint64_t x, uint32_t bits)
{
    /* A xorshift before the multiply lets high input bits reach the top. */
    x ^= x >> 29;
    return (uint32_t)((x * FIB) >> (64 - bits));
}

static inline int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (c >= 'A' && c <= 'Z');
}

int dc_feat_next_token(const char *text, size_t len, size_t *pos,
                       dc_token *tok)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = *pos;
    while (i < len && !is_alnum(t[i]) && t[i] < 0x80)
        i++;
    if (i >= len) {
        *pos = len;
        return 0;
    }
    size_t b = i;
    if (t[i] >= 0x80) {
        while (i < len && t[i] >= 0x80)
            i++;
    } else {
        while (i < len) {
            if (is_alnum(t[i]))
                i++;
            else if (t[i] == '\'' && i + 1 < len && is_alnum(t[i + 1]))
                i += 2;
            else
                break;
        }
    }
    tok->begin = (uint32_t)b;
    tok->end = (uint32_t)i;
    *pos = i;
    return 1;
}

uint64_t dc_feat_hash_token(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h ? h : 1; /* 0 means "no previous token" */
}

size_t dc_feat_token(const dc_feat_cfg *c, const char *s, size_t len,
                     uint64_t hash, uint64_t prev_hash, uint32_t *out)
{
    size_t k = 0;
    const uint32_t bits = c->bucket_bits;
    if (c->bits & DC_FEAT_UNIGRAM)
        out[k++] = bucket(hash ^ SALT_UNI, bits);
    if ((c->bits & DC_FEAT_BIGRAM) && prev_hash)
        out[k++] = bucket((prev_hash * 31u + hash) ^ SALT_BI, bits);
    if (!(c->bits & (DC_FEAT_CHAR3 | DC_FEAT_CHAR4 | DC_FEAT_CHAR5 |
                     DC_FEAT_CHAR6)))
        return k;
    /* "<word>" with 8 zero bytes after it, so every window loads 8 bytes. */
    unsigned char p[DC_FEAT_WORD_MAX + 2 + 8];
    size_t wl = len < DC_FEAT_WORD_MAX ? len : DC_FEAT_WORD_MAX;
    memset(p, 0, sizeof p);
    p[0] = '<';
    memcpy(p + 1, s, wl);
    p[wl + 1] = '>';
    const size_t pl = wl + 2;
    for (unsigned n = 3; n <= 6; n++) {
        if (!(c->bits & (DC_FEAT_CHAR3 << (n - 3))) || pl < n)
            continue;
        const uint64_t mask = (1ull << (8 * n)) - 1;
        const uint64_t salt = SALT_CHAR * n;
        for (size_t i = 0; i + n <= pl; i++) {
            uint64_t w = 0;
            for (unsigned j = 0; j < 8; j++) /* little-endian, any host */
                w |= (uint64_t)p[i + j] << (8 * j);
            out[k++] = bucket((w & mask) ^ salt, bits);
        }
    }
    return k;
}
