/* test_features.c: the model's tokenizer and hashed features (features.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "features_int.h"
#include "random_text.h"

typedef struct tokcase {
    const char *text;
    const char *tokens[8]; /* expected tokens, NULL-terminated */
} tokcase;

static const tokcase tok_cases[] = {
    {"Don't hate, ok?", {"Don't", "hate", "ok", NULL}},
    {"'quoted' words''", {"quoted", "words", NULL}},
    {"i \xe2\x9d\xa4\xef\xb8\x8f you", {"i", "\xe2\x9d\xa4\xef\xb8\x8f", "you", NULL}},
    {"a\xf0\x9f\x92\xb8\xf0\x9f\x92\xb8" "b", {"a", "\xf0\x9f\x92\xb8\xf0\x9f\x92\xb8", "b", NULL}},
    {"  ...  ", {NULL}},
    {"", {NULL}},
    {"1488 rt @user #tag", {"1488", "rt", "user", "tag", NULL}},
    {"rock'n'roll it'", {"rock'n'roll", "it", NULL}},
};

Test(features, tokens_and_offsets)
{
    dc_feat_cfg c = {DC_FEAT_UNIGRAM, 16};
    uint32_t out[DC_FEAT_PER_TOKEN];
    for (size_t i = 0; i < sizeof tok_cases / sizeof tok_cases[0]; i++) {
        const tokcase *tc = &tok_cases[i];
        dc_feat_iter it;
        dc_token tok;
        dc_feat_iter_init(&it, &c, tc->text, strlen(tc->text));
        size_t k = 0;
        while (dc_feat_next(&c, &it, NULL, &tok, out) >= 0) {
            cr_assert_not_null(tc->tokens[k], "case %zu: extra token at %u",
                               i, tok.begin);
            size_t len = tok.end - tok.begin;
            cr_assert_eq(len, strlen(tc->tokens[k]), "case %zu token %zu", i,
                         k);
            cr_assert(memcmp(tc->text + tok.begin, tc->tokens[k], len) == 0,
                      "case %zu token %zu: got '%.*s'", i, k, (int)len,
                      tc->text + tok.begin);
            k++;
        }
        cr_assert_null(tc->tokens[k], "case %zu: missing token %zu", i, k);
    }
}

/* Features of every token of text, concatenated; returns the count. */
static size_t all_feats(const dc_feat_cfg *c, const char *text,
                        const int8_t *vocab, uint32_t *out, size_t cap)
{
    dc_feat_iter it;
    dc_token tok;
    uint32_t buf[DC_FEAT_PER_TOKEN];
    size_t n = 0;
    int k;
    dc_feat_iter_init(&it, c, text, strlen(text));
    while ((k = dc_feat_next(c, &it, vocab, &tok, buf)) >= 0) {
        cr_assert_leq((size_t)k, DC_FEAT_PER_TOKEN);
        for (int j = 0; j < k && n < cap; j++)
            out[n++] = buf[j];
    }
    return n;
}

Test(features, counts_per_configuration)
{
    uint32_t f[512];
    /* "<hate>" has 3 four-grams; the first token has no bigram. */
    struct {
        uint32_t bits;
        const char *text;
        size_t n;
    } cases[] = {
        {DC_FEAT_UNIGRAM, "hate them", 2},
        {DC_FEAT_UNIGRAM | DC_FEAT_BIGRAM, "hate them", 3},
        {DC_FEAT_UNIGRAM | DC_FEAT_BIGRAM, "one two three", 5},
        {DC_FEAT_CHAR4, "hate", 3},
        {DC_FEAT_CHAR3 | DC_FEAT_CHAR4, "hate", 7},
        {DC_FEAT_CHAR4, "a", 0},          /* "<a>" is shorter than 4 */
        {DC_FEAT_CHAR3, "a", 1},          /* "<a>" itself */
        {DC_FEAT_UNIGRAM | DC_FEAT_CHAR4, "hate hate", 8},
        /* A 40-byte token is cut at DC_FEAT_WORD_MAX: 24 + 2 - 4 + 1. */
        {DC_FEAT_CHAR4, "abcdefghijabcdefghijabcdefghijabcdefghij", 23},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dc_feat_cfg c = {cases[i].bits, 18};
        size_t n = all_feats(&c, cases[i].text, NULL, f, 512);
        cr_assert_eq(n, cases[i].n, "case %zu (%s): %zu features, want %zu",
                     i, cases[i].text, n, cases[i].n);
        for (size_t j = 0; j < n; j++)
            cr_assert_lt(f[j], 1u << 18);
    }
}

Test(features, bound_per_token_holds_for_every_set)
{
    char word[200];
    memset(word, 'x', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    dc_feat_cfg c = {DC_FEAT_ALL & ~DC_FEAT_OOV, 20};
    dc_feat_iter it;
    dc_token tok;
    uint32_t out[DC_FEAT_PER_TOKEN];
    dc_feat_iter_init(&it, &c, word, strlen(word));
    int k = dc_feat_next(&c, &it, NULL, &tok, out);
    cr_assert_eq(k, 1 + (24 + 2 - 3 + 1) + (24 + 2 - 4 + 1) +
                        (24 + 2 - 5 + 1) + (24 + 2 - 6 + 1));
    cr_assert_leq(k, DC_FEAT_PER_TOKEN);
    cr_assert_eq(tok.n_word, 1);
    cr_assert_eq(tok.end, strlen(word)); /* the hash covers every byte */
}

static size_t shared(const uint32_t *a, size_t na, const uint32_t *b,
                     size_t nb)
{
    size_t s = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j]) {
                s++;
                break;
            }
    return s;
}

Test(features, misspellings_share_ngrams_and_words_differ)
{
    dc_feat_cfg c = {DC_FEAT_UNIGRAM | DC_FEAT_CHAR4, 20};
    uint32_t a[64], b[64], d[64];
    size_t na = all_feats(&c, "muslims", NULL, a, 64);
    size_t nb = all_feats(&c, "muslimz", NULL, b, 64);
    size_t nd = all_feats(&c, "weather", NULL, d, 64);
    /* "<mus" "musl" "usli" "slim" are shared; the unigrams are not. */
    cr_assert_eq(na, 1 + 6);
    cr_assert_eq(shared(a, na, b, nb), 4);
    cr_assert_eq(a[0] != b[0], 1);
    cr_assert_eq(shared(a, na, d, nd), 0);
}

Test(features, bigrams_depend_on_order_and_are_deterministic)
{
    dc_feat_cfg c = {DC_FEAT_BIGRAM, 20};
    uint32_t a[4], b[4], a2[4];
    cr_assert_eq(all_feats(&c, "kill them", NULL, a, 4), 1);
    cr_assert_eq(all_feats(&c, "them kill", NULL, b, 4), 1);
    cr_assert_neq(a[0], b[0]);
    cr_assert_eq(all_feats(&c, "KILL,  them!", NULL, a2, 4), 1);
    cr_assert_neq(a2[0], a[0]); /* bytes are hashed as they are */
    cr_assert_eq(all_feats(&c, "kill them", NULL, a2, 4), 1);
    cr_assert_eq(a2[0], a[0]);
}

Test(features, oov_skips_ngrams_of_vocabulary_words)
{
    dc_feat_cfg c = {DC_FEAT_UNIGRAM | DC_FEAT_CHAR4 | DC_FEAT_OOV, 10};
    static int8_t rows[(1u << 10) * DC_FEAT_VOCAB_STRIDE];
    memset(rows, 0, sizeof rows);
    uint32_t f[64];
    cr_assert_eq(all_feats(&c, "hate", rows, f, 64), 4);
    /* Flag "hate"'s unigram bucket as a vocabulary word. */
    rows[(size_t)f[0] * DC_FEAT_VOCAB_STRIDE + DC_FEAT_VOCAB_STRIDE - 1] = 1;
    cr_assert_eq(all_feats(&c, "hate", rows, f, 64), 1);
    /* Without a vocabulary (the trainer) every token has its n-grams. */
    cr_assert_eq(all_feats(&c, "hate", NULL, f, 64), 4);
}

/* dc_feat_sum, the scorer's pass (its SIMD path where the CPU has one,
 * which takes a word cache, and its portable path without one), against dc_feat_next with every feature's weight row
 * summed by hand: same feature count, same total, same per-token spans and
 * sums, for every feature configuration, on random texts of words,
 * apostrophes, digits, non-ASCII letters and punctuation, short and past
 * the SIMD path's 4,096-byte limit. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static size_t random_text(char *buf, size_t cap)
{
    static const char *const pieces[] = {
        "vermin", "they", "are", "a", "i", "don't", "x", "'", "''", "jews'",
        "h4te", "caf\xc3\xa9", "\xd0\xb0\xd0\xb1", "\xf0\x9f\x98\x80", "88",
        "supercalifragilisticexpialidociousness", ".", ",", "!!", "  ", "-",
        "(((", ")))", "o'", "'s", "z", "0", "\xe2\x80\x99"};
    size_t n = 0, want = rnd() % (cap - 64);
    while (n < want) {
        const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
        size_t l = strlen(p);
        if (n + l + 1 >= cap)
            break;
        memcpy(buf + n, p, l);
        n += l;
        if (rnd() % 3)
            buf[n++] = ' ';
    }
    return n;
}

/* The reference: the iterator's features of text, their rows summed by
 * hand into ref and, for the first maxt tokens, into tr (as the scorer
 * keeps them: 16-bit sums). Returns the feature count; *nt the tokens. */
static size_t iterator_sums(const dc_feat_cfg *c, const int8_t *w,
                            const char *text, size_t len,
                            int32_t ref[DC_FEAT_VOCAB_STRIDE],
                            dc_feat_tsum *tr, size_t maxt, size_t *nt)
{
    uint32_t f[DC_FEAT_PER_TOKEN];
    dc_feat_iter it;
    dc_token tok;
    int k;
    size_t nfeat = 0;
    memset(ref, 0, DC_FEAT_VOCAB_STRIDE * sizeof *ref);
    *nt = 0;
    dc_feat_iter_init(&it, c, text, len);
    while ((k = dc_feat_next(c, &it, w, &tok, f)) >= 0) {
        int32_t ts[DC_FEAT_VOCAB_STRIDE] = {0};
        for (int q = 0; q < k; q++)
            for (int j = 0; j < DC_FEAT_VOCAB_STRIDE; j++)
                ts[j] += w[(size_t)f[q] * DC_FEAT_VOCAB_STRIDE + j];
        for (int j = 0; j < DC_FEAT_VOCAB_STRIDE; j++)
            ref[j] += ts[j];
        if (*nt < maxt) {
            tr[*nt].begin = tok.begin;
            tr[*nt].end = tok.end;
            for (int j = 0; j < DC_FEAT_VOCAB_STRIDE; j++)
                tr[*nt].w[j] = (int16_t)ts[j];
        }
        (*nt)++;
        nfeat += (size_t)k;
    }
    return nfeat;
}

/* A scorer's output (n features, ntok tokens, sums acc, the first of
 * them in t) is the iterator's (iterator_sums: nfeat, nt, ref, tr); what
 * names the call in a failure. */
static void expect_iterator_sums(const char *what, size_t n, size_t ntok,
                                 const int32_t acc[DC_FEAT_VOCAB_STRIDE],
                                 const dc_feat_tsum *t, size_t nfeat,
                                 size_t nt,
                                 const int32_t ref[DC_FEAT_VOCAB_STRIDE],
                                 const dc_feat_tsum *tr, size_t maxt)
{
    cr_assert_eq(n, nfeat, "%s: %zu features, the iterator %zu", what, n,
                 nfeat);
    cr_assert_eq(ntok, nt, "%s: %zu tokens, the iterator %zu", what, ntok,
                 nt);
    cr_assert(memcmp(acc, ref, DC_FEAT_VOCAB_STRIDE * sizeof *acc) == 0,
              "%s: sums differ", what);
    for (size_t q = 0; q < nt && q < maxt; q++)
        cr_assert(t[q].begin == tr[q].begin && t[q].end == tr[q].end &&
                      memcmp(t[q].w, tr[q].w, sizeof t[q].w) == 0,
                  "%s: token %zu", what, q);
}

Test(features, scorer_sums_match_the_iterator)
{
    enum { BITS = 12, MAXT = 256 };
    static int8_t w[(1u << BITS) * DC_FEAT_VOCAB_STRIDE];
    for (size_t i = 0; i < sizeof w; i++)
        w[i] = (int8_t)(rnd() & 0xff);
    static const uint32_t cfgs[] = {
        DC_FEAT_DEFAULT, DC_FEAT_DEFAULT | DC_FEAT_OOV, DC_FEAT_UNIGRAM,
        DC_FEAT_UNIGRAM | DC_FEAT_BIGRAM, DC_FEAT_CHAR3 | DC_FEAT_CHAR5,
        DC_FEAT_ALL, DC_FEAT_CHAR4, DC_FEAT_BIGRAM | DC_FEAT_CHAR6};
    static char text[5000];
    static dc_feat_tsum ta[MAXT], tb[MAXT], tr[MAXT];
    static dc_feat_cache cache; /* zero: empty */
    int forced = dc_feat_portable;
    for (size_t ci = 0; ci < sizeof cfgs / sizeof cfgs[0]; ci++) {
        dc_feat_cfg c = {cfgs[ci], BITS};
        for (int round = 0; round < 300; round++) {
            size_t len = random_text(text, round % 2 ? 560 : sizeof text);
            /* The iterator, rows summed by hand. */
            int32_t ref[DC_FEAT_VOCAB_STRIDE];
            size_t nt;
            size_t nfeat = iterator_sums(&c, w, text, len, ref, tr, MAXT, &nt);
            for (int path = 0; path < 2; path++) {
                int32_t acc[DC_FEAT_VOCAB_STRIDE];
                size_t ntok = 0;
                dc_feat_tsum *t = path ? tb : ta;
                dc_feat_portable = path;
                size_t n = dc_feat_sum(&c, w, text, len, acc, t, MAXT, &ntok,
                                       path ? NULL : &cache);
                dc_feat_portable = forced;
                char what[64];
                snprintf(what, sizeof what, "config 0x%x round %d path %d",
                         cfgs[ci], round, path);
                expect_iterator_sums(what, n, ntok, acc, t, nfeat, nt, ref, tr,
                                     MAXT);
            }
        }
    }
}

/* The matcher's word runs of text[0, len) (dc_hitvec.runs): maximal runs
 * of ASCII letters and digits and non-ASCII bytes, then the sentinel.
 * Returns their count. */
static size_t word_runs(const char *text, size_t len, dc_wrun *runs)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char ch = (unsigned char)text[i];
        if (!(ch >= 0x80 || (ch >= '0' && ch <= '9') ||
              ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))) {
            i++;
            continue;
        }
        size_t b = i;
        for (; i < len; i++) {
            ch = (unsigned char)text[i];
            if (!(ch >= 0x80 || (ch >= '0' && ch <= '9') ||
                  ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')))
                break;
        }
        runs[n++] = (dc_wrun){(uint32_t)b, (uint32_t)i};
    }
    runs[n] = (dc_wrun){UINT32_MAX, UINT32_MAX};
    return n;
}

/* dc_feat_sum_runs, which takes an ASCII text's tokens from the word runs
 * (joined over single apostrophes) on the AVX2 path, against the
 * iterator: ASCII texts with apostrophes at every place (inside, doubled,
 * at either end), upper case, long words, more runs than toks[] keeps
 * (the other pass then), non-ASCII texts (the other pass too), and
 * every row at -128 or 127 with one-byte tokens (the sums are widened a
 * token at a time): with the runs (the AVX2 pass reads them where there
 * is one), without them, on the portable path, and over a padded text
 * (read where it is, not copied, over 4 KiB too) with the runs and
 * without. Each AVX2 way
 * has its cache, so that none reads word sums another put there. */
Test(features, word_runs_give_the_same_sums)
{
    enum { BITS = 12, MAXT = 256 };
    static int8_t w[(1u << BITS) * DC_FEAT_VOCAB_STRIDE];
    static char text[9000]; /* past PAD_MAX: a padded text is read in place */
    static dc_wrun runs[9001];
    static dc_feat_tsum ta[MAXT], tr[MAXT];
    static char padded[DC_NORM_FRONT + sizeof text + DC_NORM_PAD];
    static dc_feat_cache cache[4];
    const dc_feat_cfg c = {DC_FEAT_DEFAULT, BITS};
    int forced = dc_feat_portable;
    for (int round = 0; round < 3000; round++) {
        int kind = round % 6;
        size_t len;
        if (kind == 5) { /* one-byte tokens, extreme rows */
            memset(w, round % 12 == 5 ? 127 : -128, sizeof w);
            len = 0;
            size_t want = 20 + (size_t)rnd() % (round % 4 == 1 ? 1200 : 400);
            while (len + 2 < want) {
                text[len++] = (char)("ab'c9Z"[rnd() % 6]);
                text[len++] = rnd() % 5 ? ' ' : '\'';
            }
        } else {
            if (kind == 0 || round % 60 == 1)
                for (size_t i = 0; i < sizeof w; i++)
                    w[i] = (int8_t)(rnd() & 0xff);
            len = random_text(text, round % 3 ? 600 : sizeof text);
            if (kind != 4) /* ASCII: non-ASCII bytes become ' or letters */
                for (size_t i = 0; i < len; i++) {
                    unsigned char ch = (unsigned char)text[i];
                    if (ch >= 0x80)
                        text[i] = rnd() % 2 ? '\'' : 'k';
                    else if (ch >= 'a' && ch <= 'z' && rnd() % 8 == 0)
                        text[i] = (char)(ch - 'a' + 'A');
                }
        }
        if (kind == 0 || kind == 5 || round % 60 == 1)
            memset(cache, 0, sizeof cache); /* new weights */
        size_t nr = word_runs(text, len, runs);
        int32_t ref[DC_FEAT_VOCAB_STRIDE];
        size_t nt;
        size_t nfeat = iterator_sums(&c, w, text, len, ref, tr, MAXT, &nt);
        /* the text as dc_normalize leaves it (dc_norm.padded) */
        memset(padded, ' ', DC_NORM_FRONT);
        memcpy(padded + DC_NORM_FRONT, text, len);
        memset(padded + DC_NORM_FRONT + len, 0, DC_NORM_PAD);
        for (int path = 0; path < 5; path++) {
            int32_t acc[DC_FEAT_VOCAB_STRIDE];
            size_t ntok = 0;
            const bool by_runs = path == 0 || path == 3;
            dc_feat_portable = path == 2;
            /* paths 3 and 4 read the padded text in place (4: no runs, the
             * blocks pass), with what the caller knows of an ASCII text */
            const unsigned known =
                path >= 3 ? DC_FEAT_PADDED | (kind != 4 ? DC_FEAT_ASCII : 0)
                          : 0;
            size_t n = dc_feat_sum_runs(
                &c, w, path >= 3 ? padded + DC_NORM_FRONT : text, len, known,
                by_runs ? runs : NULL, by_runs ? nr : 0, acc, ta, MAXT, &ntok,
                path != 2 ? &cache[path < 2 ? path : path - 1] : NULL);
            dc_feat_portable = forced;
            char what[48];
            snprintf(what, sizeof what, "round %d path %d", round, path);
            expect_iterator_sums(what, n, ntok, acc, ta, nfeat, nt, ref, tr,
                                 MAXT);
        }
    }
}

/* The word cache (dc_feat_sum with a cache, on both paths) against no
 * cache (the portable path), for several configurations: texts drawn from a pool of words,
 * common ones often (repeats hit), more distinct words than the cache has
 * entries (sets overflow, entries are evicted and reloaded), words of every
 * length around the cache's key limit (15/16 bytes) and the n-gram cut
 * (24/25 bytes), words that differ in one byte only or by a prefix (a key
 * must match the whole token), words that two weights tables see (the
 * cache must not keep the first table's sums). And every so often each
 * cached entry is poisoned: its key made one byte different, longer or
 * shorter, its sums garbage; the token it was for lands on that key's set
 * and must not be taken for it. */
enum { POOL = 12000, POOL_MAX = 32 };
static char pool[POOL][POOL_MAX + 1];

static void make_pool(void)
{
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (size_t i = 0; i < POOL; i++) {
        size_t l = 1 + rnd() % (i % 7 ? 12 : POOL_MAX);
        if (i < 64) /* every length, then near twins of the first words */
            l = 1 + i % POOL_MAX;
        if (i % 11 == 0) { /* non-ASCII run */
            for (size_t k = 0; k < l; k++)
                pool[i][k] = (char)(0x80 + rnd() % 0x80);
        } else {
            for (size_t k = 0; k < l; k++)
                pool[i][k] = alnum[rnd() % (sizeof alnum - 1)];
            if (l > 2 && i % 5 == 0)
                pool[i][l / 2] = '\''; /* inside: stays in the token */
        }
        pool[i][l] = '\0';
        if (i >= 64 && i < 128) {
            /* a twin: one byte changed, or cut; still one token of the
             * same class (no apostrophe left at the end) */
            memcpy(pool[i], pool[i - 64], sizeof pool[i]);
            size_t pl = strlen(pool[i]);
            char *c = &pool[i][rnd() % pl];
            if (i % 2 && pl > 1)
                pool[i][pl - 1 - (pl > 2 && pool[i][pl - 2] == '\'')] = '\0';
            else if (*c & 0x80)
                *c ^= 1;
            else if (*c != '\'')
                *c = *c == 'q' ? 'r' : 'q';
        }
    }
}

static size_t pool_text(char *buf, size_t cap)
{
    size_t n = 0, want = rnd() % cap;
    while (n < want) {
        /* small indexes far more often: a Zipf-like draw */
        const char *p = pool[rnd() % (rnd() % POOL + 1)];
        size_t l = strlen(p);
        if (n + l + 1 >= cap)
            break;
        memcpy(buf + n, p, l);
        n += l;
        buf[n++] = rnd() % 4 ? ' ' : '.';
    }
    return n;
}

static const char *sorted[POOL];

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A poisoned key is never a word of the pool: that word's sums would be
 * wrong, rightly found. */
static void poison(dc_feat_cache *c)
{
    for (size_t i = 0; i < sizeof c->e / sizeof c->e[0]; i++) {
        unsigned char *k = c->e[i].key, was[sizeof c->e[i].key];
        size_t l = strnlen((const char *)k, DC_FEAT_CACHE_KEY);
        if (!l)
            continue;
        memcpy(was, k, sizeof was);
        unsigned r = rnd() % 3;
        if (r == 0 && l < DC_FEAT_CACHE_KEY)
            k[l] = 'a';
        else if (r == 1 && l > 1)
            k[l - 1] = 0;
        else
            k[rnd() % l] ^= (unsigned char)(k[0] & 0x80 ? 1 : 0x20);
        k[DC_FEAT_CACHE_KEY] = 0;
        const char *key = (const char *)k;
        if (bsearch(&key, sorted, POOL, sizeof sorted[0], cmp_str)) {
            memcpy(k, was, sizeof was);
            continue;
        }
        for (int j = 0; j < DC_FEAT_VOCAB_STRIDE; j++)
            c->e[i].w[j] = (int16_t)rnd();
        k[DC_FEAT_CACHE_KEY] = (unsigned char)rnd();
    }
}

Test(features, word_cache_is_exact)
{
    enum { BITS = 12, MAXT = 256 };
    static int8_t w[2][(1u << BITS) * DC_FEAT_VOCAB_STRIDE];
    for (size_t i = 0; i < sizeof w; i++)
        w[i / sizeof w[0]][i % sizeof w[0]] = (int8_t)(rnd() & 0xff);
    /* some vocabulary flags for DC_FEAT_OOV */
    for (size_t i = 0; i < sizeof w[0]; i += 3 * DC_FEAT_VOCAB_STRIDE)
        w[0][i + DC_FEAT_VOCAB_STRIDE - 1] = 1;
    make_pool();
    for (size_t i = 0; i < POOL; i++)
        sorted[i] = pool[i];
    qsort(sorted, POOL, sizeof sorted[0], cmp_str);
    static const uint32_t cfgs[] = {DC_FEAT_DEFAULT,
                                    DC_FEAT_DEFAULT | DC_FEAT_OOV,
                                    DC_FEAT_ALL, DC_FEAT_CHAR3 | DC_FEAT_CHAR5,
                                    DC_FEAT_UNIGRAM | DC_FEAT_BIGRAM};
    static dc_feat_cache cache; /* zero: empty */
    static char text[5000];
    static dc_feat_tsum ta[MAXT], tb[MAXT];
    int forced = dc_feat_portable;
    for (size_t ci = 0; ci < sizeof cfgs / sizeof cfgs[0]; ci++)
        for (int path = 0; path < 2; path++)
            for (int round = 0; round < 1500; round++) {
                dc_feat_cfg c = {cfgs[ci], BITS};
                const int8_t *wt = w[(round / 500) % 2];
                size_t len = pool_text(text, round % 8 ? 500 : sizeof text);
                int32_t a[DC_FEAT_VOCAB_STRIDE], b[DC_FEAT_VOCAB_STRIDE];
                size_t na, nb;
                dc_feat_portable = path;
                size_t fa = dc_feat_sum(&c, wt, text, len, a, ta, MAXT, &na,
                                        NULL);
                size_t fb = dc_feat_sum(&c, wt, text, len, b, tb, MAXT, &nb,
                                        &cache);
                dc_feat_portable = forced;
                if (round % 50 == 49)
                    poison(&cache);
                cr_assert_eq(fa, fb, "config 0x%x path %d round %d: features",
                             cfgs[ci], path, round);
                cr_assert_eq(na, nb, "config 0x%x path %d round %d: tokens",
                             cfgs[ci], path, round);
                cr_assert(memcmp(a, b, sizeof a) == 0,
                          "config 0x%x path %d round %d: sums differ",
                          cfgs[ci], path, round);
                for (size_t q = 0; q < na && q < MAXT; q++)
                    cr_assert(memcmp(&ta[q], &tb[q], sizeof ta[q]) == 0,
                              "config 0x%x path %d round %d: token %zu",
                              cfgs[ci], path, round, q);
            }
}

/* The AVX2 path sums a 64-byte block's tokens in 16-bit lanes: its worst
 * case, every row -128 (or 127), a block of one-byte tokens alternating
 * ASCII and non-ASCII (two rows a byte with the bigrams) after a long word
 * that began in the block before, must give the iterator's sums; and a
 * text past the 256 kept tokens keeps its first 256 exactly. */
Test(features, block_sums_hold_their_worst_case)
{
    enum { BITS = 10, MAXT = 256 };
    static int8_t w[(1u << BITS) * DC_FEAT_VOCAB_STRIDE];
    static char text[4096];
    static dc_feat_tsum ta[MAXT], tr[MAXT];
    static dc_feat_cache cache;
    const dc_feat_cfg c = {DC_FEAT_DEFAULT, BITS};
    for (int sign = 0; sign < 2; sign++) {
        memset(w, sign ? 127 : -128, sizeof w);
        memset(&cache, 0, sizeof cache); /* same table, new weights */
        for (size_t at = 30; at < 100; at += 7) {
            size_t n = 0;
            memset(text, ' ', at);
            n = at;
            while (n < at + 40) /* a long word across the block edge */
                text[n++] = 'x';
            while (n + 2 <= sizeof text) {
                text[n++] = 'a';
                text[n++] = (char)0xc3;
            }
            int32_t ref[DC_FEAT_VOCAB_STRIDE];
            size_t nt;
            size_t nfeat = iterator_sums(&c, w, text, n, ref, tr, MAXT, &nt);
            cr_assert_gt(nt, MAXT);
            for (int cached = 0; cached < 2; cached++) {
                int32_t acc[DC_FEAT_VOCAB_STRIDE];
                size_t ntok = 0;
                size_t got = dc_feat_sum(&c, w, text, n, acc, ta, MAXT, &ntok,
                                         cached ? &cache : NULL);
                cr_assert_eq(got, nfeat, "sign %d at %zu cached %d", sign, at,
                             cached);
                cr_assert_eq(ntok, nt);
                cr_assert(memcmp(acc, ref, sizeof acc) == 0,
                          "sign %d at %zu cached %d: sums differ", sign, at,
                          cached);
                for (size_t q = 0; q < MAXT; q++)
                    cr_assert(memcmp(&ta[q], &tr[q], sizeof ta[q]) == 0,
                              "sign %d at %zu cached %d: token %zu", sign, at,
                              cached, q);
            }
        }
    }
}

/* The portable pass (dc_feat_portable) and the AVX2 passes (a cache; the
 * padded text read in place, by its word runs where it is ASCII, else in
 * blocks) against the iterator over the seed thread line by line and
 * random texts of lengths 0-300 (fixed seed): printable ASCII, any byte
 * but NUL, valid UTF-8, and ' and * among letters with runs of spaces,
 * each padded at a start offset of 0-63 so that it ends at every
 * alignment of 16, 32 and 64 bytes. */
static void feat_paths_agree(const char *what, const int8_t *w,
                             const char *text, size_t len, size_t off,
                             dc_feat_cache *cache)
{
    enum { BITS = 12, MAXT = 256 };
    static dc_feat_tsum ta[MAXT], tr[MAXT];
    static dc_wrun runs[2100];
    static char area[DC_NORM_FRONT + 64 + 2048 + DC_NORM_PAD];
    const dc_feat_cfg c = {DC_FEAT_DEFAULT, BITS};
    cr_assert_leq(len, 2048);
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        ascii &= (unsigned char)text[i] < 0x80;
    int32_t ref[DC_FEAT_VOCAB_STRIDE];
    size_t nt;
    size_t nfeat = iterator_sums(&c, w, text, len, ref, tr, MAXT, &nt);
    size_t nr = word_runs(text, len, runs);
    /* the text as dc_normalize leaves it (dc_norm.padded) */
    char *p = area + DC_NORM_FRONT + off;
    memset(area, ' ', DC_NORM_FRONT + off);
    memcpy(p, text, len);
    memset(p + len, 0, DC_NORM_PAD);
    int forced = dc_feat_portable;
    for (int path = 0; path < 4; path++) {
        int32_t acc[DC_FEAT_VOCAB_STRIDE];
        size_t ntok = 0;
        dc_feat_portable = path == 0;
        const unsigned known =
            path >= 2 ? DC_FEAT_PADDED | (ascii ? DC_FEAT_ASCII : 0) : 0;
        const bool by_runs = path == 2 && ascii;
        size_t n = dc_feat_sum_runs(&c, w, path >= 2 ? p : text, len, known,
                                    by_runs ? runs : NULL, by_runs ? nr : 0,
                                    acc, ta, MAXT, &ntok,
                                    path ? &cache[path - 1] : NULL);
        dc_feat_portable = forced;
        char full[160];
        snprintf(full, sizeof full, "%s, offset %zu, path %d", what, off,
                 path);
        expect_iterator_sums(full, n, ntok, acc, ta, nfeat, nt, ref, tr,
                             MAXT);
    }
}

Test(features, seed_thread_and_random_bytes_agree_on_every_path)
{
    static int8_t w[(1u << 12) * DC_FEAT_VOCAB_STRIDE];
    for (size_t i = 0; i < sizeof w; i++)
        w[i] = (int8_t)(rnd() & 0xff);
    static dc_feat_cache cache[3]; /* zero: empty */
    char line[2048], what[64];
    FILE *f = fopen(DECORUM_SOURCE_DIR "/tests/data/seed-thread.jsonl", "rb");
    cr_assert(f, "the seed thread");
    int lines = 0;
    while (fgets(line, sizeof line, f)) {
        snprintf(what, sizeof what, "seed thread line %d", ++lines);
        for (size_t off = 0; off < 64; off += 7)
            feat_paths_agree(what, w, line, strlen(line), off, cache);
    }
    fclose(f);
    cr_assert_gt(lines, 10);
    static const char *const cps[] = {
        "a", "Q", "7", " ", "'", "*", "\xc3\xa9", "\xd0\xb6", "\xe2\x80\x9c",
        "\xe2\x80\x99", "\xf0\x9f\x90\x80"};
    char buf[320];
    uint64_t r = 0x853c49e6748fea9bull;
    for (int it = 0; it < 4000; it++) {
        size_t want = (size_t)(rt_next(&r) % 301);
        size_t len = rt_text(buf, want, it % 4, cps,
                                 sizeof cps / sizeof *cps, &r);
        snprintf(what, sizeof what, "random text %d (kind %d)", it, it % 4);
        feat_paths_agree(what, w, buf, len, (size_t)it % 64, cache);
    }
}

/* Session 41 (spd41w): the word cache in the per-word table the matcher
 * shares (dc_word_entry, dc_model_scratch_new_words). The entries the model
 * reads are the table's: a word it meets first makes a model-only entry
 * (its length marked, so that the matcher never takes it), a word the
 * matcher has an entry for gets its model half there (the matcher's half
 * kept), a hit reads the half, a third word of a set pushes one out, two
 * words that differ only past their eighth byte share a set and not an
 * entry, and a token joined across an apostrophe has its own entry. The
 * sums equal the uncached pass's at each step, on both paths. */
static dc_word_entry *in_set(dc_word_entry *tab, const char *word)
{
    size_t l = strlen(word);
    unsigned char key[16] = {0};
    memcpy(key, word, l);
    uint64_t k0;
    memcpy(&k0, key, 8);
    dc_word_entry *set = &tab[2 * dc_words_set(k0, l)];
    for (int k = 0; k < 2; k++)
        if (memcmp(set[k].key, key, 15) == 0 && (set[k].key[15] & 0x7f) == l)
            return &set[k];
    return NULL;
}

static dc_word_entry shared_tab[DC_WORDS_ENTRIES];

/* dc_feat_sum of text with cache against the uncached pass, on the
 * portable path or not. */
static void same_sums(const dc_feat_cfg *c, const int8_t *w, int path,
                      const char *text, dc_feat_cache *cache)
{
    enum { MAXT = 64 };
    static dc_feat_tsum ta[MAXT], tb[MAXT];
    size_t len = strlen(text), na, nb;
    int32_t a[DC_FEAT_VOCAB_STRIDE], b[DC_FEAT_VOCAB_STRIDE];
    int forced = dc_feat_portable;
    dc_feat_portable = path;
    size_t fa = dc_feat_sum(c, w, text, len, a, ta, MAXT, &na, NULL);
    size_t fb = dc_feat_sum(c, w, text, len, b, tb, MAXT, &nb, cache);
    dc_feat_portable = forced;
    cr_assert(fa == fb && na == nb && memcmp(a, b, sizeof a) == 0,
              "path %d '%s': sums differ", path, text);
    for (size_t q = 0; q < na; q++)
        cr_assert(memcmp(&ta[q], &tb[q], sizeof ta[q]) == 0,
                  "path %d '%s' token %zu", path, text, q);
}

Test(features, shared_word_table_entries)
{
    enum { BITS = 12, MAXT = 64 };
    static int8_t w[(1u << BITS) * DC_FEAT_VOCAB_STRIDE];
    static dc_feat_cache cache;
    static dc_feat_tsum ta[MAXT];
    for (size_t i = 0; i < sizeof w; i++)
        w[i] = (int8_t)(rnd() & 0xff);
    const dc_feat_cfg c = {DC_FEAT_DEFAULT, BITS};
    int forced = dc_feat_portable;
    /* two words of five bytes in the set of "alpha", for the eviction */
    char rivals[2][6];
    size_t nr = 0;
    {
        uint64_t k0 = 0;
        memcpy(&k0, "alpha", 5);
        size_t want = dc_words_set(k0, 5);
        for (unsigned v = 0; nr < 2 && v < 26u * 26 * 26 * 26 * 26; v++) {
            char s[6];
            unsigned x = v;
            for (int d = 0; d < 5; d++, x /= 26)
                s[d] = (char)('a' + x % 26);
            s[5] = '\0';
            uint64_t q = 0;
            memcpy(&q, s, 5);
            if (dc_words_set(q, 5) == want && strcmp(s, "alpha") != 0)
                memcpy(rivals[nr++], s, 6);
        }
        cr_assert_eq(nr, 2);
    }
    for (int path = 0; path < 2; path++) {
        memset(shared_tab, 0, sizeof shared_tab);
        memset(&cache, 0, sizeof cache);
        cache.tab = shared_tab;
        /* the matcher's entry for "world": its half, the model's not
         * valid */
        {
            uint64_t k0 = 0;
            memcpy(&k0, "world", 5);
            dc_word_entry *e = &shared_tab[2 * dc_words_set(k0, 5)];
            memcpy(e->key, "world", 5);
            e->key[15] = 5;
            e->ans = 0x1234;
            e->aux = 0x5678;
        }
        const char *texts[] = {"hello", "world", "world",
                               "abcdefghij abcdefghij abcdefghik", "alpha", "alpha",
                               rivals[0], rivals[1], "they don't know"};
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
            same_sums(&c, w, path, texts[i], &cache);
        cr_assert_eq(cache.tab, shared_tab, "path %d: the table used", path);
        /* a miss: a model-only entry */
        dc_word_entry *e = in_set(shared_tab, "hello");
        cr_assert_not_null(e, "path %d: hello kept", path);
        cr_assert_eq(e->key[15], 5 | DC_WORDS_MODEL_ONLY);
        cr_assert(e->mv && e->nf == 5);
        /* the matcher's entry: its model half made, its own half kept */
        e = in_set(shared_tab, "world");
        cr_assert_not_null(e);
        cr_assert_eq(e->key[15], 5, "path %d: still the matcher's", path);
        cr_assert(e->ans == 0x1234 && e->aux == 0x5678 && e->mv);
        /* a hit reads the entry: its sums spoiled, the sums change */
        {
            int32_t a[DC_FEAT_VOCAB_STRIDE], b[DC_FEAT_VOCAB_STRIDE];
            size_t na, nb;
            dc_feat_portable = path;
            dc_feat_sum(&c, w, "world", 5, a, ta, MAXT, &na, NULL);
            e->w[0] = (int16_t)(e->w[0] + 1000);
            dc_feat_sum(&c, w, "world", 5, b, ta, MAXT, &nb, &cache);
            dc_feat_portable = forced;
            cr_assert_neq(a[0], b[0], "path %d: the hit not read", path);
        }
        /* same first eight bytes and length: one set, two entries (the
         * first seen twice, so in the first way: a new word takes the
         * second) */
        dc_word_entry *x = in_set(shared_tab, "abcdefghij"),
                      *y = in_set(shared_tab, "abcdefghik");
        cr_assert(x && y && x != y &&
                      (x - shared_tab) / 2 == (y - shared_tab) / 2,
                  "path %d: twins past byte 8", path);
        cr_assert(memcmp(x->w, y->w, sizeof x->w) != 0 || x->h != y->h);
        /* eviction: "alpha", seen twice, in the first way; its rivals
         * new, the second pushing out the first */
        cr_assert_not_null(in_set(shared_tab, "alpha"), "path %d", path);
        cr_assert_not_null(in_set(shared_tab, rivals[1]), "path %d", path);
        cr_assert_null(in_set(shared_tab, rivals[0]),
                       "path %d: a third word of a set pushes one out", path);
        same_sums(&c, w, path, rivals[0], &cache); /* made again */
        /* the joined token: an entry of its own, never the matcher's */
        e = in_set(shared_tab, "don't");
        cr_assert_not_null(e, "path %d: don't kept", path);
        cr_assert_eq(e->key[15], 5 | DC_WORDS_MODEL_ONLY);
    }
}
