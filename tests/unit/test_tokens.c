/*
 * test_tokens.c: the hand-over between the matcher's word pass and the
 * rule layer's tokenizer (docs/RULES.md, "Tokens").
 *
 * dc_match records every maximal run of word bytes (dc_hitvec.runs); the
 * rules take word tokens' ends from them, and find them with word_end only
 * where a '*' or an apostrophe carries a word on, or when there are no
 * runs. Both ways must give the same tokens, which the rule output shows:
 * every text here is run through the rules with the runs and without
 * them, and the outputs must be the same byte for byte.
 *
 * The rules also take a short way for comments no rule can fire on
 * (needs_rules): their features are read from the hits. Comments with
 * only weak kinds of hit (a positive or denouncing word, a humanity word,
 * a part of a conspiracy story) take it when weak_needs finds that the
 * full pass would give the same output, which short_way checks on texts
 * made of the words weak_needs looks at.
 *
 * Past a limit of hits placed on tokens a comment is too big, and hits
 * that land on spaces do not count (too_many_hits).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decorum_int.h"

static dc_alloc al;
static dc_normalizer *nz;
static dc_norm_scratch *ns;
static dc_lexicon lx;
static dc_matcher *m;
static dc_match_scratch *ms;
static dc_rules *rules;
static dc_rules_scratch *rs;
static dc_norm n;
static dc_hitvec hv;
static dc_rules_out with, without;

static void setup(void)
{
    decorum_error err;
    memset(&err, 0, sizeof err);
    dc_alloc_init(&al, NULL);
    cr_assert_eq(dc_normalizer_new(&al, &nz, &err), DECORUM_OK);
    cr_assert_eq(dc_norm_scratch_new(&al, nz, &ns), DECORUM_OK);
    cr_assert_eq(dc_lexicon_load(&al, &lx, NULL, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(dc_matcher_new(&al, &lx, &m, &err), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m, &ms), DECORUM_OK);
    cr_assert_eq(dc_rules_new(&al, &lx, &rules, &err), DECORUM_OK);
    cr_assert_eq(dc_rules_scratch_new(&al, &rs), DECORUM_OK);
}

static void teardown(void)
{
    dc_rules_out_release(&al, &with);
    dc_rules_out_release(&al, &without);
    dc_hitvec_release(&al, &hv);
    dc_norm_release(&al, &n);
    dc_rules_scratch_free(&al, rs);
    dc_rules_free(&al, rules);
    dc_match_scratch_free(&al, ms);
    dc_matcher_free(&al, m);
    dc_lexicon_free(&al, &lx);
    dc_norm_scratch_free(&al, ns);
    dc_normalizer_free(&al, nz);
}

TestSuite(tokens, .init = setup, .fini = teardown);

static bool run_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

/* The runs dc_match recorded are the text's maximal runs of word bytes,
 * in order, then the sentinel. */
static void check_runs(const char *what)
{
    cr_assert(hv.has_runs, "%s: no runs", what);
    size_t k = 0;
    for (size_t i = 0; i < n.len;) {
        if (!run_byte((unsigned char)n.text[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < n.len && run_byte((unsigned char)n.text[i]))
            i++;
        cr_assert_lt(k, hv.nruns, "%s: run [%zu, %zu) missing", what, b, i);
        cr_assert(hv.runs[k].b == b && hv.runs[k].e == i,
                  "%s: run %zu is [%u, %u), expected [%zu, %zu)", what, k,
                  hv.runs[k].b, hv.runs[k].e, b, i);
        k++;
    }
    cr_assert_eq(k, hv.nruns, "%s: %zu runs, expected %zu", what, hv.nruns,
                 k);
    cr_assert(hv.runs[k].b == UINT32_MAX && hv.runs[k].e == UINT32_MAX,
              "%s: no sentinel", what);
}

static bool same_out(const dc_rules_out *a, const dc_rules_out *b)
{
    return a->n == b->n && a->reasons_len == b->reasons_len &&
           (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof *a->v) == 0) &&
           (a->reasons_len == 0 ||
            memcmp(a->reasons, b->reasons, a->reasons_len) == 0) &&
           memcmp(a->rf, b->rf, sizeof a->rf) == 0 &&
           memcmp(a->attr, b->attr, sizeof a->attr) == 0 &&
           a->hate == b->hate && a->categories == b->categories &&
           a->untargeted == b->untargeted && a->hedged == b->hedged;
}

/* Normalizes and matches text, checks the runs, and runs the rules with
 * and without them. */
static void both_ways(const char *text, size_t len)
{
    cr_assert_eq(dc_normalize(&al, nz, ns, text, len, len * 4 + 64, &n),
                 DECORUM_OK);
    cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
    if (n.len)
        check_runs(text);
    cr_assert_eq(dc_rules_run(&al, rules, rs, &lx, text, len, &n, &hv, NULL,
                              0, &with),
                 DECORUM_OK);
    hv.has_runs = false;
    cr_assert_eq(dc_rules_run(&al, rules, rs, &lx, text, len, &n, &hv, NULL,
                              0, &without),
                 DECORUM_OK);
    cr_assert(same_out(&with, &without),
              "rules differ with the matcher's runs: \"%s\" (%zu and %zu "
              "findings)",
              text, with.n, without.n);
}

/* Words the runs end early (apostrophes, masks), words that start with
 * '*', quotes, and sentence ends. */
static const char *const cases[] = {
    "kill all jews",
    "don't let the jews in, they're vermin",
    "n****r go home",
    "f*ck the muslims",
    "*** muslims are rats ***",
    "*muslims are rats",
    "they'll kill 'em all'",
    "the bosses' 'rats' are vermin",
    "ab*'cd muslims are x'*y vermin",
    "jews*'s rats n*' 'n *'s",
    "\"muslims are vermin\" he said. i disagree!",
    "(((them))) control the media... u.s. jews?",
    "MUSLIMS ARE RATS, Jews Are Vermin",
    "rats rats rats\nmuslims' rats",
    "'",
    "*",
    "a",
    "",
};

/* The tests' generator: the next pseudo-random number from *seed. */
static unsigned next_rand(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/* A piece of generated text chosen by r: its bytes and length. */
typedef const char *pick_fn(unsigned r, size_t *len, const void *ctx);

/* Pieces from an array of strings (ctx: a struct strings). */
struct strings {
    const char *const *v;
    size_t n;
};

static const char *pick_string(unsigned r, size_t *len, const void *ctx)
{
    const struct strings *w = ctx;
    const char *a = w->v[r % w->n];
    *len = strlen(a);
    return a;
}

/* One to max pieces, each followed by one of seps, joined into buf (cap
 * bytes, NUL-terminated; a piece that would not fit ends the text). */
static size_t join_random(unsigned *seed, int max, pick_fn *pick,
                          const void *ctx, const struct strings *seps,
                          char *buf, size_t cap)
{
    size_t len = 0;
    int pieces = 1 + (int)(next_rand(seed) % (unsigned)max);
    for (int w = 0; w < pieces; w++) {
        size_t la, lb;
        /* two draws, for a choice among more than 65,536 (pick_term) */
        unsigned r = next_rand(seed) << 16; /* two statements: the */
        r |= next_rand(seed); /* order of the draws is then fixed */
        const char *a = pick(r, &la, ctx);
        const char *b = pick_string(next_rand(seed), &lb, seps);
        if (len + la + lb >= cap)
            break;
        memcpy(buf + len, a, la);
        memcpy(buf + len + la, b, lb);
        len += la + lb;
    }
    buf[len] = '\0';
    return len;
}

/* rounds texts from join_random, each given to check. */
static void run_generated(void (*check)(const char *, size_t), unsigned seed,
                          int rounds, int max, pick_fn *pick, const void *ctx,
                          const struct strings *seps)
{
    char buf[1024];
    for (int k = 0; k < rounds; k++)
        check(buf, join_random(&seed, max, pick, ctx, seps, buf, sizeof buf));
}

Test(tokens, cases)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        both_ways(cases[i], strlen(cases[i]));
}

/* Generated texts from pieces that join and part words in every way. */
Test(tokens, generated)
{
    static const char *const words[] = {
        "kill", "jews",  "don't", "n****r", "f*ck", "*",    "**",  "'",
        "it's", "muslims", "are", "vermin", "(((them)))", "bosses'",
        "*abc", "ab*'cd", "x'*y", "f***",  "rats!", "u.s.", "they",
        "should", "be",  "shot",  "?",     "...",  "\"hi\"", "Ä",
        "日本", "🐀",    "gas",   "1488",  "hate", "you",  "'*'",
        "*'s",  "n*'",   "'n",    "White", "POWER",
    };
    static const char *const seps[] = {" ", "  ", "", "\n", ". ", ", ",
                                       "'", "*",  "? ", "!", " - "};
    const struct strings w = {words, sizeof words / sizeof *words},
                         sp = {seps, sizeof seps / sizeof *seps};
    run_generated(both_ways, 12345, 3000, 24, pick_string, &w, &sp);
}

/* Runs the rules on text, under the comment parent when not NULL, with
 * weak_needs' short way allowed and with the full pass forced for weak
 * kinds; the outputs must be the same. */
static void both_passes_ctx(const char *text, size_t len, const char *parent)
{
    static dc_norm pn;
    static dc_hitvec phv;
    dc_ctx_view ctx = {&pn, &phv, true};
    size_t n_ctx = 0;
    if (parent) {
        size_t pl = strlen(parent);
        cr_assert_eq(dc_normalize(&al, nz, ns, parent, pl, pl * 4 + 64, &pn),
                     DECORUM_OK);
        cr_assert_eq(dc_match(&al, m, ms, &pn, &phv), DECORUM_OK);
        n_ctx = 1;
    }
    cr_assert_eq(dc_normalize(&al, nz, ns, text, len, len * 4 + 64, &n),
                 DECORUM_OK);
    cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
    cr_assert_eq(dc_rules_run(&al, rules, rs, &lx, text, len, &n, &hv, &ctx,
                              n_ctx, &with),
                 DECORUM_OK);
    dc_rules_scratch_full(rs, true);
    cr_assert_eq(dc_rules_run(&al, rules, rs, &lx, text, len, &n, &hv, &ctx,
                              n_ctx, &without),
                 DECORUM_OK);
    dc_rules_scratch_full(rs, false);
    cr_assert(same_out(&with, &without) && with.agrees == without.agrees,
              "the short way differs from the full pass: \"%s\" (%zu and "
              "%zu findings)",
              text, with.n, without.n);
    if (parent) {
        dc_hitvec_release(&al, &phv);
        dc_norm_release(&al, &pn);
    }
}

static void both_passes(const char *text, size_t len)
{
    both_passes_ctx(text, len, NULL);
}

/* Words of the kinds weak_needs reads (positive, denouncing, humanity,
 * conspiracy parts; "you", targets, agreement, negations, linking verbs,
 * in-group markers, allow entries, countries), a few attack words, and
 * the punctuation that hedges or quotes. */
Test(tokens, short_way)
{
    static const char *const words[] = {
        "love",     "respect", "welcome", "racist",   "racism",  "human",
        "people",   "humans",  "soros",   "fund",     "behind",  "the media",
        "you",      "your",    "government", "weather", "exactly", "agreed",
        "not",      "don't",   "aren't",  "isn't",    "never",   "no",
        "are",      "is",      "as a",    "niger",    "from",    "mexico",
        "syria",    "those",   "the",     "they",     "?",       "\"",
        "jews",     "vermin",  "kill",    "(((",      "love you", "so true",
    };
    static const char *const seps[] = {" ", " ", " ", ". ", ", ", "? ", "\n"};
    static const char *const fixed[] = {
        "they are not welcome here",
        "we love them, they are never late",
        "people from mexico are welcome",
        "people from syria",
        "as a human i love you",
        "racism is not ok",
        "the media fund soros",
        "soros is behind the media",
        "you are not human",
        "is it love?",
        "i would love to see you",
        "the proud boys",
        "( ( (soros) ) ) i love them",
        "( (soros) ) ( i love them",
        /* (mend49: a '?' a space or a mark after a marker's word) */
        "frfr ? that entire people",
        "frfr!? that entire people",
        "lol !? x",
        "soros. lol ?",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        both_passes(fixed[i], strlen(fixed[i]));
    /* a pronoun that the parent comment gives a group, an agreeing reply */
    static const char *const replies[] = {
        "they are not human",  "they're not even people", "exactly",
        "so true, i love it",  "they aren't people",      "agreed. not human",
    };
    for (size_t i = 0; i < sizeof replies / sizeof *replies; i++)
        both_passes_ctx(replies[i], strlen(replies[i]),
                        "jews are vermin and should be gassed");
    const struct strings w = {words, sizeof words / sizeof *words},
                         sp = {seps, sizeof seps / sizeof *seps};
    run_generated(both_passes, 4242, 3000, 10, pick_string, &w, &sp);
}

#define KB(k) ((uint64_t)1 << DC_KIND_##k)

/* A lexicon term: one time in 16 any entry, else one of the picked
 * entries (ctx: a struct picks). */
struct picks {
    const size_t *v;
    size_t n;
};

static const char *pick_term(unsigned r, size_t *len, const void *ctx)
{
    const struct picks *p = ctx;
    const dc_entry *e = r % 16 == 0 ? &lx.entries[(r / 16) % lx.n]
                                    : &lx.entries[p->v[(r / 16) % p->n]];
    *len = e->term_len;
    return e->term;
}

/* The same on texts of lexicon terms: mostly of the kinds weak_needs
 * reads or lets through (so that a new entry of such a kind is tried),
 * now and then any term, joined by spaces and the punctuation that ends,
 * hedges or quotes. */
Test(tokens, short_way_lexicon)
{
    const uint64_t often =
        KB(POSITIVE) | KB(DENOUNCE) | KB(HUMANITY) |
        KB(CONSP_ACTOR) | KB(CONSP_ACTION) |
        KB(CONSP_OBJECT) | KB(PRONOUN_YOU) |
        KB(PRONOUN_GROUP) | KB(PRONOUN_SELF) |
        KB(NONPROTECTED) | KB(OBJECT) | KB(ENDORSE) |
        KB(NEGATION) | KB(COPULA) | KB(INGROUP) |
        KB(ALLOW) | KB(MODAL) | KB(QUANTIFIER) |
        KB(REPORT) | KB(PERSON) | KB(HARM) |
        KB(MIGRATION) | KB(CONJUNCTION);
    size_t *pick = malloc(lx.n * sizeof *pick);
    cr_assert(pick);
    size_t npick = 0;
    for (size_t i = 0; i < lx.n; i++)
        if ((often >> lx.entries[i].kind) & 1)
            pick[npick++] = i;
    cr_assert_gt(npick, 0);
    static const char *const seps[] = {" ", " ", " ", " ", ". ", ", ",
                                       "? ", "\n", " \"", " ( ( ("};
    const struct strings sp = {seps, sizeof seps / sizeof *seps};
    const struct picks pk = {pick, npick};
    run_generated(both_passes, 777, 4000, 8, pick_term, &pk, &sp);
    free(pick);
}

/* Past MAX_ITEMS (2^18) hits that land on tokens, glue among them, the
 * comment is too big; a hit on a space takes no room. place_hits counts
 * them before placing any only when there are more hits than that, so
 * both sides of the limit are tried with one hit more than it. */
Test(tokens, too_many_hits)
{
    const size_t max = (size_t)1 << 18; /* MAX_ITEMS in rules.c */
    cr_assert_eq(dc_normalize(&al, nz, ns, "jews", 4, 64, &n), DECORUM_OK);
    cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
    dc_hit group = {0};
    for (size_t i = 0; i < hv.n; i++)
        if (lx.entries[hv.v[i].entry].kind == DC_KIND_IDENTITY)
            group = hv.v[i];
    cr_assert_eq(lx.entries[group.entry].kind, DC_KIND_IDENTITY);
    uint32_t glue = 0;
    while (glue < lx.n && lx.entries[glue].kind != DC_KIND_GLUE)
        glue++;
    cr_assert_lt(glue, lx.n);
    /* "jews it it it ...": the group, then max words (of two letters:
     * single letters would be read as a word spelled out) */
    size_t len = 4 + 3 * max;
    char *text = malloc(len);
    cr_assert(text);
    memcpy(text, "jews", 4);
    for (size_t i = 0; i < max; i++)
        memcpy(text + 4 + 3 * i, " it", 3);
    cr_assert_eq(dc_normalize(&al, nz, ns, text, len, len * 4 + 64, &n),
                 DECORUM_OK);
    cr_assert_eq(n.len, len);
    dc_hitvec big = {0};
    big.n = max + 1;
    big.v = malloc(big.n * sizeof *big.v);
    cr_assert(big.v);
    big.v[0] = group;
    for (size_t i = 0; i < max; i++)
        big.v[i + 1] = (dc_hit){.begin = (uint32_t)(5 + 3 * i),
                                .end = (uint32_t)(7 + 3 * i),
                                .entry = glue};
    cr_assert_eq(dc_rules_run(&al, rules, rs, &lx, text, len, &n, &big, NULL,
                              0, &with),
                 DECORUM_ERR_TOOBIG);
    /* The first word's hit moved onto the space before it: one less. */
    big.v[1].begin = 4;
    big.v[1].end = 5;
    cr_assert_eq(dc_rules_run(&al, rules, rs, &lx, text, len, &n, &big, NULL,
                              0, &with),
                 DECORUM_OK);
    cr_assert(with.rf[DC_RF_TARGET_GROUP] == 1);
    free(big.v);
    free(text);
}

/* The canonical text (canon.c): what is taken out, what stays, and that
 * each byte left maps back to the original byte it came from. */
Test(tokens, canonical_text)
{
    static const struct {
        const char *in, *out;
    } canon_cases[] = {
        /* a stance adverb after an affirmative linking verb, several */
        {"their days are basically numbered", "their days are numbered"},
        {"they're really truly evil", "they're evil"},
        {"women are biologically dumber", "women are dumber"},
        {"gypsies are, honestly, the worst", "gypsies are the worst"},
        /* not after "'s", which is "it's just genetics", "let's just" */
        {"it's just genetics", "it's just genetics"},
        /* not after a negator, nor before a slur or a dehumanizing word
         * (the rules read the adverb there), nor an essence adverb */
        {"they aren't really bad", "they aren't really bad"},
        {"mexicans are basically animals", "mexicans are basically animals"},
        {"somalis are naturally violent", "somalis are naturally violent"},
        /* nor inside a longer entry that holds it */
        {"cutting corners is just what they do",
         "cutting corners is just what they do"},
        /* a determiner before a group word */
        {"why are them romanians so dirty", "why are romanians so dirty"},
        {"them trans people", "trans people"},
        {"an infestation of all these somalis", "an infestation of somalis"},
        {"all them muslims out", "muslims out"},
        /* not before a pronoun's emoji, nor a bare adjective */
        {"either us or them \xe2\x98\xaa\xef\xb8\x8f",
         "either us or them \xe2\x98\xaa"}, /* (no variation selector) */
        {"tell them about it", "tell them about it"},
        /* nor what a negator reaches into */
        {"not all these muslims are bad", "not all these muslims are bad"},
        /* quantifiers */
        {"line every last roma up", "line every roma up"},
        {"each and every muslim", "every muslim"},
        {"they deserve every single punch", "they deserve every punch"},
        {"every last one of them", "every last one of them"},
        /* a collective head after an identity adjective */
        {"the polish lot are thieves", "the polish people are thieves"},
        {"a lot of polish food", "a lot of polish food"},
    };
    dc_canon *cn = NULL;
    cr_assert_eq(dc_canon_new(&al, &lx, &cn), DECORUM_OK);
    dc_norm out = {0};
    dc_edit ed[32];
    for (size_t k = 0; k < sizeof canon_cases / sizeof *canon_cases; k++) {
        const char *in = canon_cases[k].in;
        size_t len = strlen(in);
        cr_assert_eq(dc_normalize(&al, nz, ns, in, len, len * 4 + 64, &n),
                     DECORUM_OK);
        cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
        size_t ne = dc_canon_edits(cn, &n, &hv, ed, 32);
        const dc_norm *c = &n;
        if (ne) {
            cr_assert_eq(dc_norm_edit(&al, &n, ed, ne, len * 4 + 64, &out),
                         DECORUM_OK);
            c = &out;
            cr_assert(out.padded && out.text[-1] == ' ' &&
                      out.text[out.len] == 0);
        }
        cr_assert(c->len == strlen(canon_cases[k].out) &&
                      memcmp(c->text, canon_cases[k].out, c->len) == 0,
                  "%s: canonical \"%.*s\", expected \"%s\"", in,
                  (int)c->len, c->text, canon_cases[k].out);
        /* ASCII input, lower case: every byte left that is no replacement
         * maps to the same byte of the original */
        for (size_t i = 0; i < c->len; i++) {
            uint32_t b = dc_norm_src_begin(c, i), e = dc_norm_src_end(c, i);
            cr_assert(b < e && e <= len && (i == 0 ||
                                             b >= dc_norm_src_begin(c, i - 1)),
                      "%s: byte %zu maps to [%u, %u)", in, i, b, e);
            if (e - b == 1)
                cr_assert_eq(in[b], c->text[i], "%s: byte %zu", in, i);
        }
    }
    dc_norm_release(&al, &out);
    dc_canon_free(&al, cn);
}
