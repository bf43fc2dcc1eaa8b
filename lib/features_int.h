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
 *     bytes of the token, so that misspellings still share most features;
 *     with DC_FEAT_OOV only for tokens outside the model's vocabulary.
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
/* Character n-grams only for tokens outside the model's vocabulary: the
 * tokens whose unigram bucket the trainer flagged as frequent (lane 7 of
 * the weight row, see model.h). Frequent words have well-estimated unigram
 * weights; rare and misspelled ones need their n-grams. */
#define DC_FEAT_OOV 0x40u
#define DC_FEAT_ALL 0x7fu
#define DC_FEAT_DEFAULT (DC_FEAT_UNIGRAM | DC_FEAT_BIGRAM | DC_FEAT_CHAR4)

/* Bytes of a token that character n-grams look at; longer tokens are cut.
 * Bounds the features per token. */
#define DC_FEAT_WORD_MAX 24
/* Most features one token can yield: unigram, bigram, and for each of the
 * four n the (DC_FEAT_WORD_MAX + 2 - n + 1) n-grams. */
#define DC_FEAT_PER_TOKEN 128

/* Weight row width (int8 lanes per bucket) and so the vocabulary flag's
 * place: the last lane. Equal to DC_MODEL_STRIDE. */
#define DC_FEAT_VOCAB_STRIDE 8

#define DC_FEAT_MIN_BITS 10
#define DC_FEAT_MAX_BITS 24

typedef struct dc_feat_cfg {
    uint32_t bits;  /* DC_FEAT_* */
    uint32_t bucket_bits; /* log2 of the bucket count */
} dc_feat_cfg;

/* One token of normalized text: [begin, end) in normalized offsets. */
typedef struct dc_token {
    uint32_t begin, end;
    uint32_t n_word; /* features at the front of out that are uni/bigrams */
} dc_token;

/* Walks the tokens of one text. Initialise with dc_feat_iter_init(). */
typedef struct dc_feat_iter {
    const unsigned char *text;
    size_t len, pos;
    uint64_t prev; /* hash of the previous token, 0 before the first */
    unsigned nm;   /* the configured n-gram lengths: bit 0 n = 3 ... */
} dc_feat_iter;

void dc_feat_iter_init(dc_feat_iter *it, const dc_feat_cfg *c,
                       const char *text, size_t len);

/* Finds the next token, writes its features to out[DC_FEAT_PER_TOKEN] and
 * returns how many (possibly 0 when the configuration has no feature for
 * a short token); returns -1 at the end of the text. The unigram and
 * bigram come first (tok->n_word of them), then the character n-grams.
 * vocab: the model's weight rows (DC_MODEL_STRIDE int8 per bucket, the
 * vocabulary flag in the last lane), consulted when c has DC_FEAT_OOV; NULL
 * emits the n-grams of every token (the trainer, which decides the
 * vocabulary later). */
int dc_feat_next(const dc_feat_cfg *c, dc_feat_iter *it, const int8_t *vocab,
                 dc_token *tok, uint32_t *out);

/* One token's span and the sum of its features' weight rows. */
typedef struct dc_feat_tsum {
    uint32_t begin, end;
    int16_t w[DC_FEAT_VOCAB_STRIDE]; /* exact: at most 92 rows of +-128 */
} dc_feat_tsum;

/* The word cache: the sum of a token's own feature rows (its unigram and
 * character n-grams: everything but the bigram) and its hash are functions
 * of the token's bytes alone, and comment words are Zipfian, so the scorer
 * keeps them per token, for tokens of up to DC_FEAT_CACHE_KEY bytes (99.8 %
 * of the bench corpus's tokens). Two-way sets: a hit in the second way
 * moves to the first; a token no entry holds gets a model-only entry in the
 * second way, where the matcher's new words go too (spd41w). The set is
 * picked by a multiply of the token's first eight bytes and its length
 * (dc_words_set), so that a hit needs no token hash, and an entry is found
 * only when its key equals the token's bytes, never by a hash alone (a
 * crafted word landing on a common one's set gets its own sums). A miss costs two compares more than no
 * cache, so hostile text cannot make scoring much slower.
 * Until session 41 a table of its own, 2^14 sets of two 80-byte entries,
 * 1.25 MiB: over one pass of the bench corpus, whose tokens of up to 15
 * bytes have about 29K distinct spellings, 32.4K tokens missed (or were
 * too long) with it, 38.3K with half the sets (1.27M instructions more;
 * docs/MODEL.md has the L2 figures). Since session 41 the sets are the
 * per-word table's (2^DC_WORDS_BITS sets of two 64-byte entries, 2 MiB),
 * the matcher scratch's in the engine. Per thread; its entries' model
 * halves hold for one weight table and configuration, which it records,
 * and dc_feat_sum() marks them all not valid when called with another
 * (the matcher's halves stay). A zeroed cache is empty (w NULL); a model
 * scratch with no table to share takes its own from dc_table_new
 * (alloc.c), zeroed, on a huge page where the kernel allows, as its small
 * pages would each fault once as it fills. */
#define DC_FEAT_CACHE_KEY 15
/* Since session 41 (spd41w) an entry is the per-word table's
 * (dc_word_entry, decorum_int.h), whose model half is the old entry's
 * sums, hash and row count, and the set is dc_words_set(): the scorer's
 * cache is the matcher scratch's table (dc_model_scratch_new_words), one
 * look-up a word for both. A cache of its own (tab NULL or e) serves the
 * tests, benchmarks and a model scratch with no matcher beside it. */
typedef dc_word_entry dc_feat_cache_entry;

typedef struct dc_feat_cache {
    const int8_t *w; /* the weights and configuration of the entries */
    dc_feat_cfg cfg;
    dc_feat_cache_entry *tab; /* the entries in use: e (NULL: e, set at
                               * first use) or a shared table */
    dc_feat_cache_entry e[DC_WORDS_ENTRIES]; /* set s: e[2s], e[2s+1] */
} dc_feat_cache;

/* The scorer's pass: the features of every token of text, exactly those
 * dc_feat_next() yields with vocab = w, their weight rows (w:
 * [2^bucket_bits][DC_FEAT_VOCAB_STRIDE] int8) summed into
 * acc[DC_FEAT_VOCAB_STRIDE] (overwritten) without being stored. The first
 * max_toks tokens' spans and sums go to toks[]; *ntok gets the token count
 * (possibly more than max_toks). cache: a word cache, allocated zeroed,
 * or NULL to compute every token on the portable path (the faster path
 * needs one); same results either way. Returns the feature count. */
size_t dc_feat_sum(const dc_feat_cfg *c, const int8_t *w, const char *text,
                   size_t len, int32_t *acc, dc_feat_tsum *toks,
                   size_t max_toks, size_t *ntok, dc_feat_cache *cache);

/* What dc_feat_sum_runs() may take as known of its text (bits). */
#define DC_FEAT_PADDED 0x1u /* a padded dc_norm's: DC_NORM_FRONT bytes before
                             * it readable, DC_NORM_PAD zero bytes after */
#define DC_FEAT_ASCII 0x2u  /* no byte >= 0x80 (dc_norm.ascii) */

/* dc_feat_sum() with the matcher's word runs over the same text (runs:
 * dc_hitvec.runs, nruns of them then the sentinel, or NULL), from which
 * the AVX2 pass takes the tokens of an ASCII text. known: DC_FEAT_* bits;
 * with DC_FEAT_PADDED that pass reads the text where it is rather than a
 * copy, and with DC_FEAT_ASCII too it does not look for a non-ASCII byte.
 * The same results. */
size_t dc_feat_sum_runs(const dc_feat_cfg *c, const int8_t *w,
                        const char *text, size_t len, unsigned known,
                        const dc_wrun *runs, size_t nruns, int32_t *acc,
                        dc_feat_tsum *toks, size_t max_toks, size_t *ntok,
                        dc_feat_cache *cache);

/* Nonzero: dc_feat_sum() takes its portable path even where a faster one
 * exists (tests and benchmarks compare the two). */
extern int dc_feat_portable;

#endif /* DC_FEATURES_INT_H */
