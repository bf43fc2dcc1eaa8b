/*
 * features_int.h: the model's feature extraction (features.c), shared by the
 * scorer (model.c) and the trainer (train.c) so that both see exactly the
 * same features for the same normalized text.
 *
 * A comment is cut into tokens over the normalized text: runs of ASCII
 * letters and digits (an apostrophe between two letters stays inside:
 * "don't"), and runs of non-ASCII bytes (emoji, other scripts). Everything
 * else separates tokens. Each token yields hashed features:
 *   - the word unigram,
 *   - the bigram with the previous token (none for the first),
 *   - character n-grams of the token with boundary markers, "<word>", for
 *     each n in the configured set (3..6), over at most DC_FEAT_WORD_MAX
 *     bytes of the token, so that misspellings still share most features.
 * A feature is a bucket index in [0, 2^bucket_bits). Collisions are
 * accepted (the hashing trick).
 */
#ifndef DC_FEATURES_INT_H
#define DC_FEATURES_INT_H

#include "decorum_int.h"

/* n-gram configuration bits (stored in the model file). */
#define DC_FEAT_UNIGRAM 0x01u
#define DC_FEAT_BIGRAM 0x02u
#define DC_FEAT_CHAR3 0x04u
#define DC_FEAT_CHAR4 0x08u
#define DC_FEAT_CHAR5 0x10u
#define DC_FEAT_CHAR6 0x20u
#define DC_FEAT_ALL 0x3fu
#define DC_FEAT_DEFAULT (DC_FEAT_UNIGRAM | DC_FEAT_BIGRAM | DC_FEAT_CHAR4)

/* Bytes of a token that character n-grams look at; longer tokens are cut.
 * Bounds the features per token. */
#define DC_FEAT_WORD_MAX 24
/* Most features one token can yield: unigram, bigram, and for each of the
 * four n the (DC_FEAT_WORD_MAX + 2 - n + 1) n-grams. */
#define DC_FEAT_PER_TOKEN 128

#define DC_FEAT_MIN_BITS 10
#define DC_FEAT_MAX_BITS 24

typedef struct dc_feat_cfg {
    uint32_t bits;  /* DC_FEAT_* */
    uint32_t bucket_bits; /* log2 of the bucket count */
} dc_feat_cfg;

/* One token of normalized text: [begin, end) in normalized offsets. */
typedef struct dc_token {
    uint32_t begin, end;
} dc_token;

/* Finds the next token in text[*pos..len); returns 0 at the end, else 1
 * with *tok filled and *pos moved past it. */
int dc_feat_next_token(const char *text, size_t len, size_t *pos,
                       dc_token *tok);

/* 64-bit hash of a token's bytes (the unigram identity). */
uint64_t dc_feat_hash_token(const char *s, size_t len);

/* Writes the bucket indices of one token to out[DC_FEAT_PER_TOKEN] and
 * returns how many. prev_hash is dc_feat_hash_token() of the previous
 * token, or 0 when there is none (no bigram then). */
size_t dc_feat_token(const dc_feat_cfg *c, const char *s, size_t len,
                     uint64_t hash, uint64_t prev_hash, uint32_t *out);

#endif /* DC_FEATURES_INT_H */
