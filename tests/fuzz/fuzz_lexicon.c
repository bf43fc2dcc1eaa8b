/*
 * fuzz_lexicon.c: the lexicon parser (dc_lexicon_parse, lib/lexicon.c) on
 * arbitrary bytes.
 *
 * The input is one .tsv file. It is parsed into an empty lexicon, then
 * parsed again into the same lexicon (which appends and rebases every
 * pointer into a new arena). Checked:
 *   - a failure is DECORUM_ERR_FORMAT or DECORUM_ERR_TOOBIG with a
 *     message, and leaves the lexicon as it was;
 *   - on success every entry is sane: term_len == strlen(term), the term is
 *     UTF-8, kind < DC_N_KINDS, severity <= 3, categories within the nine
 *     bits, group/why/file non-NULL, and the second parse repeated the
 *     first's entries after the old ones, which still read the same;
 *   - when the file gives 1 to 4 entries, the matcher is compiled from them
 *     (misspelling variants included) and run over the file's own text,
 *     normalized, checking every hit lies inside the text and names an
 *     entry;
 *   - the input, read as a list of common words (split.c), builds a
 *     split table with those entries, and dc_split_find, asked of every
 *     word of the input's own text as a trigger, reports at most five
 *     slurs, each over bytes of the text around the trigger and naming
 *     one to four entries of the lexicon. (It asked dc_splits_ok of the
 *     table, the blob loader's check, which dc_splits_new fills within the
 *     bounds it checks: it could hardly fail.)
 *   - a lexicon that parsed goes through its image (dc_lexicon_image,
 *     dc_lexicon_from_image) and comes back the same; the input itself,
 *     read as an image, is refused or gives sane entries;
 *   - every allocation is returned (counting allocator).
 * The input is copied to an exact-size heap block so ASan catches any read
 * past its end (files from disk are not NUL-terminated).
 */
#include "decorum_int.h"
#include "fuzz_util.h"

#include <stdint.h>
#include <string.h>

static fuzz_count count;
static dc_alloc al;
static dc_normalizer *nz;
static fuzz_count base;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    decorum_allocator a = fuzz_count_allocator(&count);
    dc_alloc_init(&al, &a);
    decorum_error err;
    if (dc_normalizer_new(&al, &nz, &err) != DECORUM_OK) {
        fprintf(stderr, "fuzz_lexicon: normalizer: %s\n", err.message);
        abort();
    }
    base = count;
    return 0;
}

static void check_entry(const dc_entry *e, size_t i)
{
    FUZZ_CHECK(e->term && e->group && e->why && e->file, "entry %zu: NULL",
               i);
    FUZZ_CHECK(strlen(e->term) == e->term_len, "entry %zu: term_len %u, "
               "strlen %zu", i, e->term_len, strlen(e->term));
    FUZZ_CHECK(e->term_len > 0, "entry %zu: empty term", i);
    FUZZ_CHECK(decorum_utf8_check(e->term, e->term_len, NULL) == DECORUM_OK,
               "entry %zu: term not UTF-8", i);
    FUZZ_CHECK(e->kind < DC_N_KINDS, "entry %zu: kind %u", i, e->kind);
    FUZZ_CHECK(e->severity <= 3, "entry %zu: severity %u", i, e->severity);
    FUZZ_CHECK(e->categories < (1u << DECORUM_N_CATEGORIES),
               "entry %zu: categories 0x%x", i, e->categories);
    (void)strlen(e->group);
    (void)strlen(e->why);
}

/* dc_split_find at every word of t[0, n) (a byte before t readable), as
 * the matcher asks it of a trigger. */
static void try_splits(const dc_splits *sp, const dc_lexicon *lx,
                       const unsigned char *t, size_t n)
{
    for (size_t a = 0; a < n;) {
        size_t i = a;
        while (i < n && ((t[i] >= 'a' && t[i] <= 'z') ||
                         (t[i] >= '0' && t[i] <= '9') || t[i] >= 0x80))
            i++;
        if (i == a) {
            a++;
            continue;
        }
        dc_split_hit h[5];
        size_t nh = dc_split_find(sp, t, n, a, i, h);
        FUZZ_CHECK(nh <= 5, "dc_split_find: %zu hits", nh);
        for (size_t k = 0; k < nh; k++) {
            FUZZ_CHECK(h[k].b < h[k].e && h[k].e <= n && h[k].b <= a &&
                           h[k].e >= i,
                       "split hit [%u, %u) for trigger [%zu, %zu) of %zu",
                       h[k].b, h[k].e, a, i, n);
            FUZZ_CHECK(h[k].n >= 1 && h[k].n <= 4, "split hit: %u entries",
                       h[k].n);
            for (uint32_t j = 0; j < h[k].n; j++)
                FUZZ_CHECK(h[k].ent[j] < lx->n, "split hit: entry %u of %zu",
                           h[k].ent[j], lx->n);
        }
        a = i;
    }
}

static void try_matcher(const dc_lexicon *lx, const char *text, size_t len)
{
    dc_splits sp;
    decorum_status st = dc_splits_new(&al, lx, text, len, &sp);
    FUZZ_CHECK(st == DECORUM_OK || st == DECORUM_ERR_NOMEM,
               "dc_splits_new: %s", decorum_status_name(st));
    bool splits = st == DECORUM_OK;
    dc_matcher *m = NULL;
    decorum_error err;
    st = dc_matcher_new(&al, lx, &m, &err);
    if (st != DECORUM_OK) {
        FUZZ_CHECK(st == DECORUM_ERR_NOMEM || st == DECORUM_ERR_TOOBIG ||
                       st == DECORUM_ERR_MATCHER || st == DECORUM_ERR_FORMAT,
                   "dc_matcher_new: %s", decorum_status_name(st));
        if (splits)
            dc_splits_free(&al, &sp);
        return;
    }
    size_t vlen = len;
    decorum_utf8_check(text, len, &vlen);
    dc_norm_scratch *ns = NULL;
    dc_match_scratch *ms = NULL;
    dc_norm n;
    dc_hitvec hv;
    memset(&n, 0, sizeof n);
    memset(&hv, 0, sizeof hv);
    FUZZ_CHECK(dc_norm_scratch_new(&al, nz, &ns) == DECORUM_OK, "ns");
    FUZZ_CHECK(dc_match_scratch_new(&al, m, &ms) == DECORUM_OK, "ms");
    if (vlen <= DECORUM_DEFAULT_MAX_INPUT &&
        dc_normalize(&al, nz, ns, text, vlen, DECORUM_DEFAULT_MAX_INPUT * 4 + 64,
                     &n) == DECORUM_OK) {
        st = dc_match(&al, m, ms, &n, &hv);
        FUZZ_CHECK(st == DECORUM_OK, "dc_match: %s", decorum_status_name(st));
        /* a space before the text: dc_split_find reads t[a - 1] */
        unsigned char *pad = splits ? malloc(n.len + 1) : NULL;
        if (pad) {
            pad[0] = ' ';
            memcpy(pad + 1, n.text, n.len);
            try_splits(&sp, lx, pad + 1, n.len);
            free(pad);
        }
        for (size_t i = 0; i < hv.n; i++) {
            FUZZ_CHECK(hv.v[i].begin < hv.v[i].end && hv.v[i].end <= n.len,
                       "hit %zu: [%u, %u) in %zu", i, hv.v[i].begin,
                       hv.v[i].end, n.len);
            FUZZ_CHECK(hv.v[i].entry < lx->n, "hit %zu: entry %u of %zu", i,
                       hv.v[i].entry, lx->n);
            if (i)
                FUZZ_CHECK(hv.v[i - 1].begin <= hv.v[i].begin,
                           "hits not sorted at %zu", i);
        }
    }
    if (splits)
        dc_splits_free(&al, &sp);
    dc_hitvec_release(&al, &hv);
    dc_norm_release(&al, &n);
    dc_match_scratch_free(&al, ms);
    dc_norm_scratch_free(&al, ns);
    dc_matcher_free(&al, m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    char *file = malloc(size ? size : 1);
    if (!file)
        return 0;
    if (size)
        memcpy(file, data, size);
    dc_lexicon lx;
    memset(&lx, 0, sizeof lx);
    decorum_error err;
    memset(&err, 0, sizeof err);
    decorum_status st = dc_lexicon_parse(&al, &lx, "fuzz.tsv", file, size, &err);
    if (st != DECORUM_OK) {
        FUZZ_CHECK(st == DECORUM_ERR_FORMAT || st == DECORUM_ERR_TOOBIG,
                   "status %s", decorum_status_name(st));
        FUZZ_CHECK(err.status == st && err.message[0], "no error message");
        FUZZ_CHECK(lx.n == 0, "failed parse left %zu entries", lx.n);
    } else {
        size_t n1 = lx.n;
        for (size_t i = 0; i < n1; i++)
            check_entry(&lx.entries[i], i);
        if (n1 >= 1 && n1 <= 4)
            try_matcher(&lx, file, size);
        st = dc_lexicon_parse(&al, &lx, "again.tsv", file, size, &err);
        if (st == DECORUM_OK) {
            FUZZ_CHECK(lx.n == 2 * n1, "second parse: %zu entries, expected "
                       "%zu", lx.n, 2 * n1);
            for (size_t i = 0; i < n1; i++) {
                check_entry(&lx.entries[i], i);
                check_entry(&lx.entries[n1 + i], n1 + i);
                const dc_entry *a = &lx.entries[i], *b = &lx.entries[n1 + i];
                FUZZ_CHECK(a->term_len == b->term_len &&
                               memcmp(a->term, b->term, a->term_len) == 0 &&
                               a->kind == b->kind && a->flags == b->flags &&
                               strcmp(a->group, b->group) == 0,
                           "entry %zu differs after the second parse", i);
            }
        } else {
            FUZZ_CHECK(st == DECORUM_ERR_TOOBIG || st == DECORUM_ERR_FORMAT,
                       "second parse: %s", decorum_status_name(st));
            FUZZ_CHECK(lx.n == n1, "failed second parse changed the lexicon");
        }
    }
    /* The same lexicon through its image (the built-in lexicon's path):
     * the round trip gives the same entries. */
    if (lx.n > 0) {
        unsigned char *img = NULL;
        size_t img_len = 0;
        if (dc_lexicon_image(&al, &lx, &img, &img_len, &err) == DECORUM_OK) {
            dc_lexicon back;
            st = dc_lexicon_from_image(&al, &back, img, img_len, &err);
            FUZZ_CHECK(st == DECORUM_OK, "image round trip: %s", err.message);
            FUZZ_CHECK(back.n == lx.n, "image round trip: %zu entries of %zu",
                       back.n, lx.n);
            for (size_t i = 0; i < back.n; i++) {
                check_entry(&back.entries[i], i);
                FUZZ_CHECK(strcmp(back.entries[i].term, lx.entries[i].term) == 0,
                           "image round trip: entry %zu", i);
            }
            dc_lexicon_free(&al, &back);
            dc_free(&al, img, img_len);
        }
    }
    /* And the input itself read as an image: refused or sane. */
    dc_lexicon raw;
    st = dc_lexicon_from_image(&al, &raw, (const unsigned char *)file, size,
                               &err);
    if (st == DECORUM_OK) {
        for (size_t i = 0; i < raw.n; i++)
            check_entry(&raw.entries[i], i);
    } else {
        FUZZ_CHECK(raw.n == 0 && err.message[0], "bad image: %s",
                   decorum_status_name(st));
    }
    dc_lexicon_free(&al, &raw);
    dc_lexicon_free(&al, &lx);
    free(file);
    FUZZ_CHECK(count.blocks == base.blocks && count.bytes == base.bytes,
               "%zu blocks, %zu bytes outstanding; expected %zu, %zu",
               count.blocks, count.bytes, base.blocks, base.bytes);
    return 0;
}
