/*
 * test_match.c: the Vectorscan matcher (lib/match.c) on a lexicon written
 * here and on normalized text built by hand (lower-case ASCII with an
 * identity offset map), so these tests do not depend on the normalizer or
 * the shipped lexicons: boundaries, inflections, phrases, misspellings,
 * run-together words, emoji, overlaps and order, no allocation in steady
 * state, allocation failures, and the precompiled matcher (its blob, and
 * damaged ones).
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "counting_alloc.h"
#include "decorum_int.h"

static const char lexicon[] =
    "jew\tidentity\treligion:jewish\t1\tnoun\tJewish person\n"
    "jews\tidentity\treligion:jewish\t1\tnoun\tJewish people\n"
    "kill\tthreat\t-\t3\tverb,severe\tcalls for killing\n"
    "hate\thate_verb\t-\t2\tverb\texpresses hatred\n"
    "all\tquantifier\t-\t-\t-\tquantifier\n"
    "the\tglue\t-\t-\t-\tfunction word\n"
    "invader\tdehumanize\timmigration:migrant\t2\t-\tcasts migrants as an "
    "army\n"
    "vermin\tdehumanize\t-\t3\t-\tlikens people to vermin\n"
    "nigger\tslur\trace:black\t3\tsevere\tanti-Black slur\n"
    "niger\tallow\t-\t-\t-\ta country and a river\n"
    "fuck\tprofanity\t-\t1\t-\tswearing\n"
    "cunt\tprofanity\t-\t2\tcompound\tswearing\n"
    "scum\tdehumanize\t-\t2\tnofuzzy\tcontempt\n"
    "every\tquantifier\t-\t-\t-\tquantifier\n"
    "go back\texclusion\t-\t2\t-\ttells people to leave\n"
    "back\tglue\t-\t-\t-\tfunction word\n"
    "great replacement\tconspiracy\t-\t3\t-\tthe replacement conspiracy\n"
    "great\tpositive\t-\t-\t-\tapproval\n"
    "\xf0\x9f\x90\x80\tdehumanize\t-\t2\t-\trat emoji\n"
    "(((\tcode\treligion:jewish\t3\t-\tthe echo\n"
    "gas\tthreat\t-\t3\tverb\tgassing\n"
    "rat\tdehumanize\t-\t2\tambiguous\tvermin\n";

static dc_alloc al;
static dc_lexicon lx;
static dc_matcher *m;
static dc_match_scratch *ms;
static dc_hitvec hv;

static void setup(void)
{
    dc_alloc_init(&al, NULL);
    decorum_error err;
    memset(&lx, 0, sizeof lx);
    cr_assert_eq(dc_lexicon_parse(&al, &lx, "test.tsv", lexicon,
                                  strlen(lexicon), &err),
                 DECORUM_OK, "%s", err.message);
    cr_assert_eq(dc_matcher_new(&al, &lx, &m, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(dc_match_scratch_new(&al, m, &ms), DECORUM_OK);
    memset(&hv, 0, sizeof hv);
}

static void teardown(void)
{
    dc_hitvec_release(&al, &hv);
    dc_match_scratch_free(&al, ms);
    dc_matcher_free(&al, m);
    dc_lexicon_free(&al, &lx);
}

/* Normalized text as the normalizer would give it for ASCII input: the
 * text itself with an identity offset map. The arrays are static: tests
 * run one at a time in a process. */
static dc_norm norm_of(const char *s)
{
    static char text[4096];
    static uint32_t b[4096], e[4096];
    static uint8_t how[4096];
    size_t len = strlen(s);
    cr_assert_lt(len, sizeof text);
    memcpy(text, s, len + 1);
    for (size_t i = 0; i < len; i++) {
        b[i] = (uint32_t)i;
        e[i] = (uint32_t)i + 1;
        how[i] = 0;
    }
    dc_norm n = {text, b, e, how, len, sizeof text, 0, true, false, false};
    return n;
}

static const char how_mark[] = {'=', '~', '+', '*', '^'};

/* Renders hits as "span=term" (exact), "~" fuzzy, "+" compound,
 * "*" masked, "^" split, separated by " | ", in the order dc_match gives
 * them. */
static const char *render_lx(const dc_lexicon *l, const dc_norm *n,
                             const dc_hitvec *h)
{
    static char out[2048];
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < h->n; i++) {
        const dc_hit *x = &h->v[i];
        cr_assert_lt(x->begin, x->end);
        cr_assert_leq(x->end, n->len);
        cr_assert_lt(x->entry, l->n);
        cr_assert_leq(x->how, DC_HIT_SPLIT);
        int w = snprintf(out + o, sizeof out - o, "%s%.*s%c%s",
                         i ? " | " : "", (int)(x->end - x->begin),
                         n->text + x->begin, how_mark[x->how],
                         l->entries[x->entry].term);
        cr_assert(w > 0 && (size_t)w < sizeof out - o);
        o += (size_t)w;
    }
    return out;
}

static const char *render(const dc_norm *n, const dc_hitvec *h)
{
    return render_lx(&lx, n, h);
}

typedef struct hit_case {
    const char *text, *want; /* want: render()'s form */
} hit_case;

/* Builds a matcher from the lexicon text tsv and checks every case. */
static void check_cases(const char *tsv, const hit_case *cases, size_t n)
{
    dc_lexicon l2 = {0};
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    decorum_error err;
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "t.tsv", tsv, strlen(tsv), &err),
                 DECORUM_OK, "%s", err.message);
    cr_assert_eq(dc_matcher_new(&al, &l2, &m2, NULL), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    for (size_t i = 0; i < n; i++) {
        dc_norm nm = norm_of(cases[i].text);
        cr_assert_eq(dc_match(&al, m2, s2, &nm, &hv), DECORUM_OK);
        const char *got = render_lx(&l2, &nm, &hv);
        cr_expect_str_eq(got, cases[i].want, "text \"%s\": got \"%s\"",
                         cases[i].text, got);
    }
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);
    dc_lexicon_free(&al, &l2);
}

static const char *match(const char *s)
{
    dc_norm n = norm_of(s);
    cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
    return render(&n, &hv);
}

typedef struct mcase {
    const char *text;
    const char *want;
} mcase;

static void run_cases(const mcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *got = match(c[i].text);
        cr_expect_str_eq(got, c[i].want, "text \"%s\":\n  got  \"%s\"\n  want \"%s\"",
                         c[i].text, got, c[i].want);
    }
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof cases[0])

TestSuite(match, .init = setup, .fini = teardown);

Test(match, exact_terms_on_word_boundaries)
{
    static const mcase cases[] = {
        {"", ""},
        {"vermin", "vermin=vermin"},
        {"they are vermin.", "vermin=vermin"},
        {"(vermin)", "vermin=vermin"},
        {"the jews.", "the=the | jews=jew | jews=jews"},
        {"jews,jews", "jews=jew | jews=jews | jews=jew | jews=jews"},
        /* Inside a longer word: not a match (and not a compound). */
        {"jewshere", ""},
        {"jewel", ""},
        {"ubiquitous", ""},
        {"vermin1", ""},
        {"2vermin", ""},
        /* Non-ASCII bytes are word bytes. */
        {"\xc3\xa9vermin", ""},
        /* Apostrophes and masks join words. */
        {"o'vermin", ""},
        {"vermin'd", ""},
        {"vermin' ", "vermin=vermin"},
        {"'vermin'", "vermin=vermin"},
        {"x*vermin", ""},
        {"vermin*x", ""},
        {"*vermin*", "vermin=vermin"},
        {"x**vermin", ""},
        {"vermin**x", ""},
        {"**vermin**", "vermin=vermin"},
    };
    RUN(cases);
}

/* Split spellings (split.c): fragments joined only when they spell a
 * strong slur and one of them is no common word (the built-in list,
 * data/split/common_words.txt). */
Test(match, split_spellings)
{
    static const mcase cases[] = {
        {"n ig ger", "n ig ger^nigger"},
        {"nig ger", "nig ger^nigger"},
        {"the ni-gger", "the=the | ni-gger^nigger"},
        {"ni gg er", "ni gg er^nigger"},
        {"nigg ers", "nigg ers^nigger"},
        {"ni . gger", "ni . gger^nigger"},
        /* The slur and a stray plural ending: the slur alone. */
        {"nigger s", "nigger=nigger"},
        /* Not across a line, a long gap, an apostrophe or a mask, nor
         * inside a longer word, nor more than three fragments. */
        {"nig\nger", ""},
        {"nig    ger", ""},
        {"nig'ger", ""},
        {"nig* ger", ""},
        {"nig ger'd", ""},
        {"x'nig ger", ""},
        /* A quote, '*' or possessive 's at the edge of the word is no
         * part of it. */
        {"nig ger's", "nig ger^nigger"},
        {"'nig ger'", "nig ger^nigger"},
        {"*nig ger*", "nig ger^nigger"},
        {"xnig ger", ""},
        {"nig gerx", ""},
        {"n i g ger", ""},
        /* Common words that spell a slur stay apart. */
        {"wet back", "back=back"},
    };
    RUN(cases);
}

Test(match, split_spellings_and_phrases)
{
    static const char tsv[] =
        "chingchong\tslur\trace:asian\t3\t-\tmocks speech\n"
        "ching chong\tslur\trace:asian\t3\t-\tmocks speech\n"
        "ching-chong\tslur\trace:asian\t3\t-\tmocks speech\n"
        "kike\tslur\treligion:jewish\t3\t-\tslur\n"
        "kyke\tslur\treligion:jewish\t1\t-\tmild\n"
        "gook\tslur\trace:asian\t3\tambiguous\tslur\n"
        "muslim\tidentity\treligion:muslim\t-\tnoun\tgroup\n";
    static const hit_case cases[] = {
        /* The phrase's own spellings are the phrase entries. */
        {"ching chong", "ching chong=ching chong"},
        {"ching-chong", "ching-chong=ching-chong"},
        {"ching_chong", "ching_chong^chingchong"},
        {"ki kes", "ki kes^kike"},
        {"kik_e", "kik_e^kike"},
        /* "k" and "ike" (the name, lower-cased) are both in the list. */
        {"k_ike", ""},
        /* Severity 1, ambiguous, and identity terms are not joined. */
        {"ky ke", ""},
        {"g ook", ""},
        {"mus lim", ""},
    };
    check_cases(tsv, cases, sizeof cases / sizeof cases[0]);
}

Test(match, plurals_and_possessives)
{
    static const mcase cases[] = {
        {"invaders", "invaders=invader"},
        {"invader's boat", "invader's=invader"},
        {"the invaders' boats", "the=the | invaders'=invader"},
        {"gases", "gases=gas"},
        {"jew's", "jew's=jew"},
        /* Verb endings only for verb entries. */
        {"invadered", ""},
        {"invading", ""},
    };
    RUN(cases);
}

Test(match, verb_inflections)
{
    static const mcase cases[] = {
        {"kill", "kill=kill"},
        {"kills", "kills=kill"},
        {"killed them", "killed=kill"},
        {"killing", "killing=kill"},
        {"killer", "killer=kill"},
        {"killers!", "killers=kill"},
        {"killd", "killd=kill"},
        {"hated", "hated=hate"},
        {"hater", "hater=hate"},
        {"haters", "haters=hate"},
        {"hating", "hating=hate"},
        {"hates", "hates=hate"},
        {"gassed", "gassed=gas"},
        {"gassing", "gassing=gas"},
        {"gasing", "gasing=gas"},
        {"killingly", ""},
        {"skill", ""},
    };
    RUN(cases);
}

/* The memo answers a word seen before, in the scratch's next texts too:
 * the same hits as the first time, for a key's inflection alone, after a
 * phrase that may go on with it ("go" of "go back"), and with more than
 * one hit or none. */
Test(match, words_seen_again_give_the_same_hits)
{
    static const mcase cases[] = {
        {"kills kills, kills", "kills=kill | kills=kill | kills=kill"},
        {"kills", "kills=kill"},
        {"go haters go haters", "haters=hate | haters=hate"},
        {"go backs go backs",
         "go backs=go back | backs=back | go backs=go back | backs=back"},
        {"backs backs", "backs=back | backs=back"},
        {"rates rates gassed gassed",
         "gassed=gas | gassed=gas"},
        {"vermins vermins", "vermins=vermin | vermins=vermin"},
        /* A phrase pending after a word the memo holds goes on with the
         * next word whether or not that one is held too. */
        {"go back go back, go backs", "go back=go back | back=back | "
                                      "go back=go back | back=back | "
                                      "go backs=go back | backs=back"},
        {"great replacement great replacements",
         "great replacement=great replacement | great=great | "
         "great replacements=great replacement | great=great"},
        /* One text at a time, pend_go's cache holds "go" + ',' + "back"
         * (nothing), which must not answer for "go" + ' ' + "back". */
        {"go,back go,back", "back=back | back=back"},
        {"go back", "go back=go back | back=back"},
    };
    for (int round = 0; round < 2; round++)
        RUN(cases);
}

/* Words pushed out of the memo by thousands of new ones, each time a few
 * more: some come back from the victim table (a third way of their memo
 * pair) into the pair's first way, some are made anew; the same hits
 * either way, as the first time. */
Test(match, words_pushed_out_of_the_memo_give_the_same_hits)
{
    static const mcase cases[] = {
        {"kills", "kills=kill"},     {"haters", "haters=hate"},
        {"hating", "hating=hate"},   {"hates", "hates=hate"},
        {"gassed", "gassed=gas"},    {"gassing", "gassing=gas"},
        {"skill", ""},               {"kills haters", "kills=kill | haters=hate"},
    };
    static char filler[7 * 512 + 1]; /* norm_of takes < 4096 bytes */
    unsigned next = 0;
    size_t back = dc_match_scratch_vic_back(ms);
    for (int round = 0; round < 40; round++) {
        RUN(cases);
        /* (8 parts of 512 new words a round since the memo has 16 384
         * sets, session 41: with 4, made for 8 192, none came back) */
        for (int part = 0; part < 8; part++) {
            size_t o = 0;
            for (int k = 0; k < 512; k++, next++) {
                unsigned v = next;
                filler[o++] = 'z';
                filler[o++] = 'q';
                for (int d = 0; d < 4; d++, v /= 26)
                    filler[o++] = (char)('a' + v % 26);
                filler[o++] = ' ';
            }
            filler[o] = '\0';
            cr_assert_str_eq(match(filler), "");
        }
    }
    /* (the table was used: without this the test passes with the
     * table never read, as a make of every entry anew; rv37) */
    cr_assert_gt(dc_match_scratch_vic_back(ms), back);
}

/* Session 41 (spd41w): the memo is the per-word table the model's word
 * cache shares (dc_match_scratch_words). The matcher's entry for a word is
 * in the set the model looks in (dc_words_set of its first eight bytes
 * and length), with the model's half not valid; an entry the model made
 * for the same bytes (its length marked, DC_WORDS_MODEL_ONLY), whatever
 * its matcher half holds, is never taken for the matcher's; and the
 * model's half, filled or spoiled, changes no hit. */
static dc_word_entry *words_entry(dc_word_entry *tab, const char *word,
                                  unsigned char last)
{
    size_t l = strlen(word);
    uint64_t k0 = 0;
    memcpy(&k0, word, l < 8 ? l : 8);
    dc_word_entry *set = &tab[2 * dc_words_set(k0, l)];
    for (int k = 0; k < 2; k++)
        if (memcmp(set[k].key, word, l) == 0 && set[k].key[l] == 0 &&
            set[k].key[15] == last)
            return &set[k];
    return NULL;
}

Test(match, memo_shares_the_word_table_with_the_model)
{
    dc_word_entry *tab = dc_match_scratch_words(ms);
    cr_assert_not_null(tab);
    cr_assert_str_eq(match("they kills haters"),
                     "kills=kill | haters=hate");
    dc_word_entry *e = words_entry(tab, "kills", 5);
    cr_assert_not_null(e, "the matcher's entry in the model's set");
    cr_assert_eq(e->mv, 0, "the model's half not valid");
    /* the model's halves filled with garbage, and its own entries for
     * "haters" (matcher half all ones) in both ways of that set after
     * the matcher's is pushed out: the same hits */
    for (size_t i = 0; i < DC_WORDS_ENTRIES; i++)
        if (tab[i].key[15]) {
            memset(tab[i].w, 0x5a, sizeof tab[i].w);
            tab[i].h = 0x5a5a;
            tab[i].nf = 3;
            tab[i].mv = 1;
        }
    cr_assert_str_eq(match("they kills haters"),
                     "kills=kill | haters=hate");
    uint64_t k0 = 0;
    memcpy(&k0, "haters", 6);
    dc_word_entry *set = &tab[2 * dc_words_set(k0, 6)];
    for (int k = 0; k < 2; k++) {
        memset(&set[k], 0xff, sizeof set[k]);
        memset(set[k].key, 0, sizeof set[k].key);
        memcpy(set[k].key, "haters", 6);
        set[k].key[15] = 6 | DC_WORDS_MODEL_ONLY;
    }
    cr_assert_str_eq(match("they kills haters"),
                     "kills=kill | haters=hate");
    cr_assert_not_null(words_entry(tab, "haters", 6),
                       "the matcher made its own entry again");
}

/* pend_go's cache: after a word the memo holds, one phrase pending one byte
 * before the next word either does not go on ("waste of" + "time"), or goes
 * on without a hit and stays pending ("waste" + "of"), and is answered from
 * the cache the next time, keyed by the phrase, the byte between and the
 * word: the same hits each time, in the same scratch. */
Test(match, mloop_pending_phrases_answered_again)
{
    static const char tsv[] =
        "waste of space\tdehumanize\t-\t2\t-\tcalls a person worthless\n"
        "waste of time\tinsult\t-\t1\t-\tcontempt\n"
        "waste\tglue\t-\t-\t-\tword\n"
        "kill them all\tthreat\t-\t3\t-\tcalls for killing\n"
        "kill\tthreat\t-\t3\tverb\tcalls for killing\n";
    static const hit_case cases[] = {
        {"waste of money", "waste=waste"},
        {"waste of space", "waste of space=waste of space | waste=waste"},
        {"waste of money, waste of space",
         "waste=waste | waste of space=waste of space | waste=waste"},
        {"waste of space", "waste of space=waste of space | waste=waste"},
        {"waste of time", "waste of time=waste of time | waste=waste"},
        {"waste,of time", "waste=waste"},
        {"waste of time", "waste of time=waste of time | waste=waste"},
        {"waste, of space", "waste=waste"},
        {"kill them, kill them all", "kill=kill | kill them all=kill them all "
                                     "| kill=kill"},
        {"kill them all", "kill them all=kill them all | kill=kill"},
        {"kill them, kill them all", "kill=kill | kill them all=kill them all "
                                     "| kill=kill"},
    };
    for (int round = 0; round < 2; round++)
        check_cases(tsv, cases, sizeof cases / sizeof cases[0]);
}

/* Two phrases pending before a word ("you are" and "are" before
 * "pigs"), of which only one may go on with it (the second, "are pigs"):
 * pend_go's cache answers for that one as if it were pending alone, and
 * the phrase it leaves pending must start where that one starts (a
 * cached answer pushed from the first one's start loses the hit). The
 * cases repeat so that the words are in the memo and the cache is asked. */
Test(match, several_pending_answered_for_the_one_that_goes_on)
{
    static const char tsv[] =
        "you are scum\tinsult\t-\t1\t-\tcontempt\n"
        "are pigs and dogs\tdehumanize\t-\t2\t-\tanimals\n";
    static const hit_case cases[] = {
        {"you are pigs and dogs", "are pigs and dogs=are pigs and dogs"},
        {"you are pigs and cats", ""},
        {"you are scum", "you are scum=you are scum"},
        {"you are pigs and dogs", "are pigs and dogs=are pigs and dogs"},
        {"so you are pigs and dogs", "are pigs and dogs=are pigs and dogs"},
        {"you are scum", "you are scum=you are scum"},
        {"you are pigs and cats", ""},
        {"you are pigs and dogs", "are pigs and dogs=are pigs and dogs"},
    };
    check_cases(tsv, cases, sizeof cases / sizeof cases[0]);
}

/* A phrase's hit found from a pending phrase and the next word is kept
 * in pend_go's cache with the phrase it leaves pending, if any, and
 * reported again from there: "you are" (a hit, nothing pending after it),
 * "are pigs" (a hit, and "are pigs" pending for "are pigs and dogs"), the
 * second over two phrases pending ("you are" for "you are scum", and
 * "are"), of which one goes on. The hit must start where that phrase
 * starts and the longer phrase must stay pending (dropping the push, or
 * reporting from the first phrase's start, fails). */
Test(match, phrase_hits_answered_again)
{
    static const char tsv[] =
        "you are\tglue\t-\t-\t-\tword\n"
        "you are scum\tinsult\t-\t1\t-\tcontempt\n"
        "are pigs\tinsult\t-\t1\t-\tcontempt\n"
        "are pigs and dogs\tdehumanize\t-\t2\t-\tanimals\n";
    static const hit_case cases[] = {
        {"so you are pigs and dogs", "you are=you are | are pigs and dogs="
                                     "are pigs and dogs | are pigs=are pigs"},
        {"you are scum", "you are scum=you are scum | you are=you are"},
        {"you are pigs and cats", "you are=you are | are pigs=are pigs"},
        {"so you are pigs and dogs", "you are=you are | are pigs and dogs="
                                     "are pigs and dogs | are pigs=are pigs"},
        {"you are pigs and cats", "you are=you are | are pigs=are pigs"},
        {"you are scum", "you are scum=you are scum | you are=you are"},
        {"so you are pigs and dogs", "you are=you are | are pigs and dogs="
                                     "are pigs and dogs | are pigs=are pigs"},
    };
    check_cases(tsv, cases, sizeof cases / sizeof cases[0]);
}

/* A phrase whose words are more than a byte apart ("go -- home"): the
 * Bloom tests that spare go_on take the gap's hash as go_on makes it (with
 * the one-byte gap's hash they refuse the phrase and the hit is lost). The
 * cases repeat so that "home" is in the memo. */
Test(match, phrase_after_a_longer_gap)
{
    static const char tsv[] =
        "go -- home\tinsult\t-\t1\t-\tcontempt\n";
    static const hit_case cases[] = {
        {"go -- home", "go -- home=go -- home"},
        {"go home, go -- home", "go -- home=go -- home"},
        {"go -- homes", "go -- homes=go -- home"},
        {"go -- home", "go -- home=go -- home"},
        {"go -- homes", "go -- homes=go -- home"},
        {"go - home", ""},
    };
    check_cases(tsv, cases, sizeof cases / sizeof cases[0]);
}

/* A key's inflection hits kept in the memo: two over a word that is no
 * key ("bitches": two entries of "bitch"), one over a key that gives no
 * hit itself (a phrase's first word, "whites"), one more over a key of
 * its own ("hater", also hate + r). Each is answered from the memo the
 * second time, in the same scratch: the same hits. */
Test(match, inflection_hits_answered_again)
{
    static const char tsv[] =
        "bitch\tprofanity\t-\t1\t-\tswearing\n"
        "bitch\tinsult\t-\t1\t-\tan insult\n"
        "whites are vermin\tdehumanize\t-\t3\t-\tvermin\n"
        "white\tglue\t-\t-\t-\tword\n"
        "hate\thate_verb\t-\t2\tverb\thatred\n"
        "hater\tinsult\t-\t1\t-\tan insult\n";
    static const hit_case cases[] = {
        {"bitches", "bitches=bitch | bitches=bitch"},
        {"you bitches, bitches", "bitches=bitch | bitches=bitch | "
                                 "bitches=bitch | bitches=bitch"},
        {"whites", "whites=white"},
        {"whites whites are vermin", "whites=white | "
                                     "whites are vermin=whites are vermin | "
                                     "whites=white"},
        {"hater", "hater=hate | hater=hater"},
        {"a hater, hater", "hater=hate | hater=hater | hater=hate | "
                           "hater=hater"},
    };
    for (int round = 0; round < 2; round++)
        check_cases(tsv, cases, sizeof cases / sizeof cases[0]);
}

/* The word pass finds a word's end 16 bytes at a time: every byte value
 * must split or join words as word bytes do ([a-zA-Z0-9] and every byte
 * from 0x80), and a word must end right wherever it crosses a 16-byte
 * block. The runs (dc_hitvec.runs) show the word ends it found. */
Test(match, word_ends_for_every_byte_and_length)
{
    for (unsigned c = 0; c < 256; c++) {
        char text[5] = {'a', 'b', (char)c, 'c', 'd'};
        dc_norm n = norm_of("abxcd");
        n.text = text; /* a NUL byte too: dc_match takes (text, len) */
        cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c >= 0x80;
        cr_assert(hv.has_runs);
        cr_assert_eq(hv.nruns, word ? 1u : 2u, "byte 0x%02x", c);
        cr_assert_eq(hv.runs[0].b, 0u);
        cr_assert_eq(hv.runs[0].e, word ? 5u : 2u, "byte 0x%02x", c);
        if (!word)
            cr_assert(hv.runs[1].b == 3 && hv.runs[1].e == 5, "byte 0x%02x", c);
        cr_assert_eq(hv.runs[hv.nruns].b, UINT32_MAX);
    }
    char text[128];
    for (size_t lead = 0; lead < 18; lead++)
        for (size_t len = 1; len <= 40; len++) {
            memset(text, ' ', lead);
            memset(text + lead, 'v', len);
            memcpy(text + lead + len, " kill", 6);
            cr_assert_str_eq(match(text), "kill=kill", "lead %zu len %zu",
                             lead, len);
            cr_assert_eq(hv.nruns, 2u);
            cr_assert(hv.runs[0].b == lead && hv.runs[0].e == lead + len,
                      "lead %zu len %zu: run %u-%u", lead, len, hv.runs[0].b,
                      hv.runs[0].e);
            cr_assert(hv.runs[1].b == lead + len + 1 &&
                      hv.runs[1].e == lead + len + 5);
        }
}

Test(match, phrases_and_overlaps_in_order)
{
    static const mcase cases[] = {
        {"go back home", "go back=go back | back=back"},
        {"go  back", "back=back"},
        {"great replacement", "great replacement=great replacement | "
                              "great=great"},
        {"the great replacement of the jews",
         "the=the | great replacement=great replacement | great=great | "
         "the=the | jews=jew | jews=jews"},
    };
    RUN(cases);
}

Test(match, misspelled_variants)
{
    static const mcase cases[] = {
        /* dropped interior letter */
        {"vemin", "vemin~vermin"},
        {"inader", "inader~invader"},
        {"inaders", "inaders~invader"},
        /* adjacent letters swapped */
        {"vremin", "vremin~vermin"},
        {"vermni", "vermni~vermin"},
        /* doubled vowel or final letter, also for short terms */
        {"veermin", "veermin~vermin"},
        {"verminn", "verminn~vermin"},
        {"vermmin", "vermmin~vermin"}, /* "verrrrmin" -> "verrmin" */
        {"verrmin", "verrmin~vermin"},
        {"innvader", "innvader~invader"},
        {"nigggger", ""},       /* a run of three is never made */
        {"vvermin", ""},        /* nor a doubled first letter */
        {"kkill", ""},
        {"haate", "haate~hate"},
        {"haated", "haated~hate"},
        {"kiill", "kiill~kill"},
        {"gaas", "gaas~gas"},
        /* "gass" is also gas + plural s: the exact reading wins */
        {"gass", "gass=gas"},
        /* masked vowels */
        {"f*ck", "f*ck*fuck"},
        {"v*rmin", "v*rmin*vermin"},
        {"v*rm*n", "v*rm*n*vermin"},
        {"n*gger", "n*gger*nigger"},
        /* never: edge letters dropped, short terms edited, nofuzzy, kinds
         * where nobody evades */
        {"ermin", ""},
        {"vermi", ""},
        {"kil", ""},
        {"scuum", ""},
        /* masked past the first letter, as the normalizer writes "f@#%" */
        {"f***", "f****fuck"},
        {"f**k off", "f**k*fuck"},
        {"n*****", "n******nigger"},
        {"n****r", "n****r*nigger"},
        {"c**t", "c**t*cunt"},
        {"f***s", "f***s*fuck"},
        {"f*****", ""},
        {"v*****", ""},
        /* nofuzzy does not stop masks: a '*' is deliberate */
        {"sc*m", "sc*m*scum"},
        {"evrey", ""},
        {"evey", ""},
        /* a variant that is a lexicon term of any kind is that term */
        {"niger", "niger=niger"},
        {"nigger", "nigger=nigger"},
    };
    RUN(cases);
}

/* The evasions of '1' for 'l' (read 'i' by the normalizer), a stretched
 * inner consonant and a final 'z' for a plural 's', on a lexicon of their
 * own. */
Test(match, l_as_i_doubled_consonants_and_z_plurals)
{
    static const char lex2[] =
        "muslim\tidentity\treligion:muslim\t-\tnoun\tMuslim person\n"
        "illegal\tdehumanize\timmigration:migrant\t2\t-\tillegal alien\n"
        "parasite\tdehumanize\t-\t2\t-\tlikens people to parasites\n"
        "jew\tidentity\treligion:jewish\t-\tnoun\tJewish person\n"
        "bitch\tprofanity\t-\t2\tnofuzzy\tswearing\n"
        "lice\tdehumanize\t-\t2\t-\tvermin\n"
        "kill\tthreat\t-\t3\tverb,nofuzzy\tcalls for killing\n"
        "bus\tdehumanize\t-\t1\t-\ta made-up term ending in s\n"
        "witch\tinsult\t-\t1\t-\ta term taking es\n";
    dc_lexicon l2 = {0};
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    decorum_error err;
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "ev.tsv", lex2, strlen(lex2), &err),
                 DECORUM_OK, "%s", err.message);
    cr_assert_eq(dc_matcher_new(&al, &l2, &m2, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    static const struct {
        const char *text, *want; /* "begin-end term how" of every hit */
    } cases[] = {
        /* 'l' read as 'i': each one, and all of them */
        {"musiims", "0-7 muslim ~"},
        {"musiim", "0-6 muslim ~"},
        {"iilegal", "0-7 illegal ~"},
        {"iliegal", "0-7 illegal ~"},
        {"illegai", "0-7 illegal ~"},
        {"iiiegai", "0-7 illegal ~"},
        {"iiiegals", "0-8 illegal ~"},
        /* not in short words, nor nofuzzy ones */
        {"iice", ""},
        {"kiii", ""},
        /* 'i' written 'l' (a capital I looks like it): interior, one at a
         * time, in words of 5+ letters */
        {"musllm", "0-6 muslim ~"},
        {"musllms", "0-7 muslim ~"},
        {"muslln", ""},
        {"llce", ""},
        {"klll", ""},
        /* a stretched inner consonant, shortened to two */
        {"parrasite", "0-9 parasite ~"},
        {"parassites", "0-10 parasite ~"},
        {"musslims", "0-8 muslim ~"},
        {"bittch", ""},
        /* 'z' for the plural 's' (and "ez" for "es") */
        {"parasitez", "0-9 parasite ~"},
        {"jewz", "0-4 jew ~"},
        {"witchez", "0-7 witch ~"},
        {"witchz", ""},
        {"busz", ""},
        {"bitchez", ""},
        {"killz", ""},
        {"the parasitez are here", "4-13 parasite ~"},
    };
    dc_hitvec h2 = {0};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dc_norm n = norm_of(cases[i].text);
        cr_assert_eq(dc_match(&al, m2, s2, &n, &h2), DECORUM_OK);
        char got[512];
        size_t o = 0;
        got[0] = '\0';
        for (size_t k = 0; k < h2.n; k++) {
            const dc_hit *x = &h2.v[k];
            int w = snprintf(got + o, sizeof got - o, "%s%u-%u %s %c",
                             k ? " | " : "", (unsigned)x->begin,
                             (unsigned)x->end, l2.entries[x->entry].term,
                             how_mark[x->how]);
            cr_assert(w > 0 && (size_t)w < sizeof got - o);
            o += (size_t)w;
        }
        cr_expect_str_eq(got, cases[i].want, "text \"%s\": got \"%s\"",
                         cases[i].text, got);
    }
    dc_hitvec_release(&al, &h2);
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);
    dc_lexicon_free(&al, &l2);
}

Test(match, run_together_words)
{
    static const mcase cases[] = {
        {"killalljews", "kill+kill | jews+jew | jews+jews"},
        {"killthejews now", "kill+kill | jews+jew | jews+jews"},
        {"gasthejews", "gas+gas | jews+jew | jews+jews"},
        /* not segmentable: rejected */
        {"jewshere", ""},
        {"killalljewshere", ""},
        {"skillalljews", ""},
        /* Scunthorpe: cunt may compound, but "s" and "horpe" are no terms */
        {"scunthorpe", ""},
        /* only compound-eligible entries are reported inside a token */
        {"allthe", ""},
        {"thecunt", "cunt+cunt"},
    };
    RUN(cases);
}

Test(match, emoji_and_symbols_need_no_boundary)
{
    static const mcase cases[] = {
        {"you \xf0\x9f\x90\x80", "\xf0\x9f\x90\x80=\xf0\x9f\x90\x80"},
        {"\xf0\x9f\x90\x80\xf0\x9f\x90\x80",
         "\xf0\x9f\x90\x80=\xf0\x9f\x90\x80 | "
         "\xf0\x9f\x90\x80=\xf0\x9f\x90\x80"},
        {"rats\xf0\x9f\x90\x80", "\xf0\x9f\x90\x80=\xf0\x9f\x90\x80"},
        {"(((them)))", "(((=((("},
        {"((((x", "(((=((( | (((=((("},
    };
    RUN(cases);
}

Test(match, hits_are_sorted_begin_then_longer_first)
{
    /* Many hits: the heap sort path. */
    char text[2048] = "";
    size_t o = 0;
    for (int i = 0; i < 60; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "go back the jews ");
    dc_norm n = norm_of(text);
    cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
    cr_assert_eq(hv.n, 60 * 5);
    for (size_t i = 1; i < hv.n; i++) {
        const dc_hit *a = &hv.v[i - 1], *b = &hv.v[i];
        cr_assert(a->begin < b->begin ||
                      (a->begin == b->begin &&
                       (a->end > b->end ||
                        (a->end == b->end && a->entry < b->entry))),
                  "hits %zu and %zu out of order", i - 1, i);
    }
    cr_assert_str_eq(lx.entries[hv.v[0].entry].term, "go back");
    cr_assert_str_eq(lx.entries[hv.v[1].entry].term, "back");
}

Test(match, hits_carry_entry_and_offsets)
{
    dc_norm n = norm_of("they will kill the invaders");
    cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
    cr_assert_eq(hv.n, 3);
    cr_assert_eq(hv.v[0].begin, 10);
    cr_assert_eq(hv.v[0].end, 14);
    cr_assert_eq(lx.entries[hv.v[0].entry].kind, DC_KIND_THREAT);
    cr_assert_eq(hv.v[0].how, DC_HIT_EXACT);
    cr_assert_eq(hv.v[2].begin, 19);
    cr_assert_eq(hv.v[2].end, 27);
    cr_assert_str_eq(lx.entries[hv.v[2].entry].why, "casts migrants as an army");
}

Test(match, never_reads_past_the_text)
{
    static const char *const texts[] = {"vermin", "invader", "jew'", "kill",
                                        "killalljews", "f*ck", "vermin*",
                                        "\xf0\x9f\x90\x80"};
    long page = sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(map, MAP_FAILED);
    cr_assert_eq(mprotect(map + page, (size_t)page, PROT_NONE), 0);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t len = strlen(texts[i]);
        char *p = map + page - len;
        memcpy(p, texts[i], len);
        dc_norm n = norm_of(texts[i]);
        n.text = p; /* no NUL after it */
        cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
        cr_assert_gt(hv.n, 0, "%s", texts[i]);
    }
    munmap(map, 2 * (size_t)page);
}

Test(match, refuses_misuse)
{
    dc_norm n = norm_of("vermin");
    cr_assert_eq(dc_match(&al, NULL, ms, &n, &hv), DECORUM_ERR_INVALID);
    cr_assert_eq(dc_match(&al, m, NULL, &n, &hv), DECORUM_ERR_INVALID);
    cr_assert_eq(dc_match(&al, m, ms, NULL, &hv), DECORUM_ERR_INVALID);
    cr_assert_eq(dc_match(&al, m, ms, &n, NULL), DECORUM_ERR_INVALID);
    /* A scratch belongs to the matcher it was made for. */
    dc_matcher *other = NULL;
    cr_assert_eq(dc_matcher_new(&al, &lx, &other, NULL), DECORUM_OK);
    cr_assert_eq(dc_match(&al, other, ms, &n, &hv), DECORUM_ERR_INVALID);
    dc_matcher_free(&al, other);
    dc_matcher_free(&al, NULL);
    dc_match_scratch_free(&al, NULL);
    dc_hitvec_release(&al, NULL);
}

Test(match, stats_count_patterns_and_suppressions)
{
    dc_matcher_stats st;
    dc_matcher_get_stats(m, &st);
    cr_assert_eq(st.entries, lx.n);
    cr_assert_eq(st.terms, lx.n); /* every term distinct here */
    cr_assert_eq(st.inflected, 3); /* hating, gassed, gassing */
    cr_assert_gt(st.fuzzy, 20);
    cr_assert_gt(st.masked, 5);
    cr_assert_eq(st.patterns, st.terms + st.inflected + st.fuzzy + st.masked);
    cr_assert_geq(st.suppressed, 1); /* niger */
    cr_assert_gt(st.db_bytes, 0);
    cr_assert_not(st.precompiled);
}

/* Entries sharing a term share one pattern; each gets its own hit, and
 * only the ones allowed to see misspellings get fuzzy hits. */
Test(match, entries_sharing_a_term)
{
    static const char text[] =
        "gas\tthreat\t-\t3\tverb\tgassing\n"
        "gas\tobject\t-\t-\t-\tfuel\n"
        "all\tquantifier\t-\t-\t-\tq\n"
        "all\tglue\t-\t-\t-\tg\n";
    dc_lexicon l2 = {0};
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "t.tsv", text, strlen(text), NULL),
                 DECORUM_OK);
    cr_assert_eq(dc_matcher_new(&al, &l2, &m2, NULL), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    dc_matcher_stats st;
    dc_matcher_get_stats(m2, &st);
    cr_assert_eq(st.terms, 2);
    dc_norm n = norm_of("gas all gassed gaas");
    cr_assert_eq(dc_match(&al, m2, s2, &n, &hv), DECORUM_OK);
    cr_assert_eq(hv.n, 6);
    cr_assert_eq(hv.v[0].entry, 0);
    cr_assert_eq(hv.v[1].entry, 1);
    cr_assert_eq(hv.v[2].entry, 2);
    cr_assert_eq(hv.v[3].entry, 3);
    /* gassed: a verb form, for the verb entry only */
    cr_assert_eq(hv.v[4].entry, 0);
    cr_assert_eq(hv.v[4].begin, 8);
    cr_assert_eq(hv.v[4].end, 14);
    cr_assert_eq(hv.v[4].how, DC_HIT_EXACT);
    /* gaas: a misspelling, for the threat entry only */
    cr_assert_eq(hv.v[5].entry, 0);
    cr_assert_eq(hv.v[5].how, DC_HIT_FUZZY);
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);
    dc_lexicon_free(&al, &l2);
}

/* Terms of one or two bytes are matched as whole words by a pass of
 * their own; they take no inflection and split run-together words only
 * where they can. */
Test(match, short_terms_and_their_limits)
{
    static const char text[] =
        "i\tpronoun_self\t-\t-\t-\tfirst person\n"
        "a\tglue\t-\t-\t-\tarticle\n"
        "u\tpronoun_you\t-\t-\t-\tsecond person\n"
        "is\tcopula\t-\t-\t-\tlinking verb\n"
        "an\tglue\t-\t-\t-\tarticle\n"
        "88\tcode\trace:white\t3\t-\tHeil Hitler\n"
        "hate\thate_verb\t-\t2\tverb\thatred\n"
        "jews\tidentity\treligion:jewish\t1\tnoun\tJewish people\n"
        "arab\tidentity\tethnicity:arab\t1\tnoun\tArab people\n"
        "jap\tslur\tnationality:japanese\t3\t-\tslur\n"
        "japan\tallow\t-\t-\t-\ta country\n"
        "'re\tcopula\t-\t-\t-\tlinking verb\n"
        "they're\tpronoun_group\t-\t-\t-\tthey are\n";
    static const hit_case cases[] = {
        {"i hate u", "i=i | hate=hate | u=u"},
        {"this is a test", "is=is | a=a"},
        {"us", ""},      /* not u + s */
        {"its", ""},
        {"i'm", ""},     /* the apostrophe joins the word */
        {"a***i", ""},   /* and so do masks */
        {"88", "88=88"},
        {"1488", ""},
        {"88s", ""},
        {"(88)", "88=88"},
        /* a one-byte piece only at the start of a run-together word */
        {"ihatejews", "jews+jews"},
        {"arabia", ""},
        {"arabs", "arabs=arab"},
        /* a word that is an allow entry does not split */
        {"japan", "japan=japan"},
        {"japs", "japs=jap"},
        /* contractions are whole words: "'re" only on its own */
        {"they're here", "they're=they're"},
        {"u 're", "u=u | 're='re"},
    };
    check_cases(text, cases, sizeof cases / sizeof cases[0]);
}

/* Discourse markers (kind discourse) are no literals: the rules read them
 * from the tokens at a sentence's edge (rules.c edge_markers). No hit of
 * theirs, no piece of run-together words ("gasps" is not gas + ps), and an
 * entry of another kind on the same word is found as before. */
Test(match, discourse_entries_are_not_matched)
{
    static const char text[] =
        "gas\tthreat\t-\t3\tverb,compound\tcalls for gassing people\n"
        "jews\tidentity\treligion:jewish\t1\tnoun\tJewish people\n"
        "ps\tdiscourse\t-\t-\tnofuzzy\ta postscript\n"
        "lol\tdiscourse\t-\t-\tnofuzzy,laugh\tlaughter\n"
        "i mean\tdiscourse\t-\t-\tnofuzzy,lead\ta filler\n"
        "though\tconjunction\t-\t-\tnofuzzy\tcontrast\n"
        "though\tdiscourse\t-\t-\tnofuzzy,tag\ta tag\n";
    static const hit_case cases[] = {
        {"lol ps i mean", ""},
        {"gasps", ""},
        {"gasjews", "gas+gas | jews+jews"},
        {"they are though", "though=though"},
    };
    check_cases(text, cases, sizeof cases / sizeof cases[0]);
}

/* Terms with digits split out of run-together words, and near misses
 * ("k89k", "x41z") do not. (This does not test the automaton in
 * cands_maybe, which reads every digit as one symbol: none of these words
 * needs it. Rejecting every word with a digit there changes none of them,
 * nor twenty more tried, "thex14z" to "x14zx14z".) */
Test(match, compound_terms_with_digits)
{
    static const char text[] =
        "kill\tthreat\t-\t3\tverb\tkilling\n"
        "all\tquantifier\t-\t-\t-\tquantifier\n"
        "k88k\tslur\treligion:jewish\t3\t-\tslur\n"
        "x14z\tslur\treligion:jewish\t3\tcompound\tslur\n";
    static const hit_case cases[] = {
        /* k88k has two letters: not compound-eligible, but a piece */
        {"killallk88k", "kill+kill"},
        {"killallk89k", ""},
        {"killallk8k", ""},
        {"k88k", "k88k=k88k"},
        {"k99k", ""},
        {"allx14z", "x14z+x14z"},
        {"killallx14z", "kill+kill | x14z+x14z"},
        {"killallx41z", ""},
        {"allx41z x15z", ""},
    };
    check_cases(text, cases, sizeof cases / sizeof cases[0]);
}

/* Forms and splits that would read another word: found on real tweets
 * (bench/out/corpus.txt) and ruled out. */
Test(match, false_friends)
{
    static const char text[] =
        "nig\tslur\trace:black\t3\t-\tslur\n"
        "nigga\tslur\trace:black\t2\treclaimable,compound\tslur\n"
        "gas\tthreat\t-\t3\tverb\tgassing\n"
        "kill\tthreat\t-\t3\tverb\tkilling\n"
        "kike\tslur\treligion:jewish\t3\t-\tslur\n"
        "kikess\tslur\treligion:jewish\t3\t-\tslur\n"
        "scot\tidentity\tnationality:scottish\t1\tnoun\tScots\n"
        "no jews\texclusion\treligion:jewish\t2\t-\texclusion\n"
        "dont like\thate_verb\t-\t2\t-\tdislike\n"
        "all\tquantifier\t-\t-\t-\tquantifier\n"
        "jews\tidentity\treligion:jewish\t1\tnoun\tJews\n"
        "killalljews\tcode\treligion:jewish\t3\t-\tcode\n";
    static const hit_case cases[] = {
        /* a token that is a term (+ plural) is a word, not a compound */
        {"niggas", "niggas=nigga"},
        /* ... unless the term is a code: hashtags are words run together */
        {"killalljews",
         "killalljews=killalljews | kill+kill | jews+jews"},
        /* g-dropping is a verb ending */
        {"killin", "killin=kill"},
        {"killin' them", "killin=kill"},
        /* kike + s is not a misspelled kikess */
        {"kikes", "kikes=kike"},
        /* edits in short words make other words */
        {"scott", ""},
        /* ... except a final consonant no English word doubles there,
         * also before the plural s */
        {"jewws", "jewws~jews"},
        {"no jewws", "no jewws~no jews | jewws~jews"},
        {"on jews", "jews=jews"},
        {"dont lie", ""},
    };
    check_cases(text, cases, sizeof cases / sizeof cases[0]);
}

/* A key's inflection with one hit that token_cands must also look at
 * (MEMO_LOOK: kill + as) goes to plain_word when seen again, which takes
 * the hit from the memo: no test reached that branch. */
Test(match, seen_inflection_with_compound_look)
{
    static const char text[] =
        "kill\tthreat\t-\t3\tverb\tkilling\n"
        "as\tglue\t-\t-\t-\tglue\n"
        "killa\tinsult\t-\t2\t-\tinsult\n";
    static const hit_case cases[] = {
        {"killas", "killas=killa"},
        {"killas killas", "killas=killa | killas=killa"},
    };
    check_cases(text, cases, sizeof cases / sizeof cases[0]);
}

/* Star forms: each text matches `hits` times (0 or 1), as a masked form of
 * entry `entry` of a lexicon of its own. */
typedef struct star_case {
    const char *text;
    size_t hits;
    int entry;
} star_case;

static void check_star_cases(const char *lex_text, const star_case *cases,
                             size_t n_cases)
{
    dc_lexicon l2 = {0};
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "t.tsv", lex_text, strlen(lex_text),
                                  NULL),
                 DECORUM_OK);
    cr_assert_eq(dc_matcher_new(&al, &l2, &m2, NULL), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    for (size_t i = 0; i < n_cases; i++) {
        dc_norm n = norm_of(cases[i].text);
        cr_assert_eq(dc_match(&al, m2, s2, &n, &hv), DECORUM_OK);
        cr_assert_eq(hv.n, cases[i].hits, "%s: %zu hits", cases[i].text, hv.n);
        if (cases[i].hits) {
            cr_assert_eq(hv.v[0].entry, (uint32_t)cases[i].entry, "%s",
                         cases[i].text);
            cr_assert_eq(hv.v[0].how, DC_HIT_MASKED);
        }
    }
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);
    dc_lexicon_free(&al, &l2);
}

/* A star form says only first letter, last letter and length: made only
 * when the terms that fit it mean the same. */
Test(match, ambiguous_star_forms_are_not_made)
{
    static const char text[] =
        "shit\tprofanity\t-\t1\t-\tswearing\n"
        "slut\tinsult\t-\t2\t-\tsexual insult\n"
        "scum\tprofanity\t-\t2\t-\tcontempt\n"
        "bitch\tinsult\t-\t2\t-\tinsult\n"
        "nigger\tslur\trace:black\t3\t-\tslur\n"
        "niqqer\tslur\trace:black\t3\t-\tthe same slur, respelled\n";
    static const star_case cases[] = {
        {"s***", 0, -1},  /* shit, slut or scum */
        {"s**t", 0, -1},  /* shit or slut */
        {"s**m", 1, 2},   /* only scum */
        {"sl*t", 1, 1},   /* a masked vowel says more */
        {"b****", 1, 3},
        {"b***h", 1, 3},
        /* two spellings of one slur are not ambiguous: the first wins */
        {"n****r", 1, 4},
        {"n*****", 1, 4},
    };
    check_star_cases(text, cases, sizeof cases / sizeof cases[0]);
}

/* The `star` flag gives a term the star forms others share: "f***" is
 * fuck, though feck, fool and frog fit too; two flagged terms that mean
 * different things still cancel. */
Test(match, star_flag_claims_a_shared_star_form)
{
    static const char text[] =
        "fool\tinsult\t-\t1\t-\tinsult\n"
        "fuck\tprofanity\t-\t2\tstar\tswearing\n"
        "frog\tslur\tnationality:french\t1\tambiguous\tslur\n"
        "shit\tprofanity\t-\t1\tstar\tswearing\n"
        "slut\tinsult\t-\t2\tstar\tsexual insult\n";
    static const star_case cases[] = {
        {"f***", 1, 1},  /* fool, fuck or frog: fuck is flagged */
        {"f**k", 1, 1},  /* only fuck has that last letter */
        {"f**l", 1, 0},
        {"s***", 0, -1}, /* shit and slut are both flagged */
    };
    check_star_cases(text, cases, sizeof cases / sizeof cases[0]);
}

Test(match, steady_state_does_not_allocate)
{
    counting c;
    decorum_allocator a = counting_init(&c, SIZE_MAX);
    dc_alloc cal;
    dc_alloc_init(&cal, &a);
    dc_match_scratch *s2 = NULL;
    dc_hitvec h = {0};
    cr_assert_eq(dc_match_scratch_new(&cal, m, &s2), DECORUM_OK);
    dc_norm n = norm_of("killalljews, go back vermin invaders the jews "
                        "jewshere scunthorpe");
    cr_assert_eq(dc_match(&cal, m, s2, &n, &h), DECORUM_OK);
    size_t first = h.n, calls = c.calls;
    cr_assert_gt(first, 5);
    for (int i = 0; i < 100; i++)
        cr_assert_eq(dc_match(&cal, m, s2, &n, &h), DECORUM_OK);
    cr_assert_eq(h.n, first);
    cr_assert_eq(c.calls, calls, "dc_match allocated in steady state");
    dc_hitvec_release(&cal, &h);
    dc_match_scratch_free(&cal, s2);
    cr_assert_eq(c.live, 0);
    cr_assert_eq(c.bytes, 0);
}

Test(match, every_allocation_failure_is_clean)
{
    /* The test lexicon plus short terms, so every table is built. */
    static const char more[] = "i\tpronoun_self\t-\t-\t-\tfirst person\n"
                               "a\tglue\t-\t-\t-\tarticle\n";
    dc_lexicon l2 = {0};
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "a.tsv", lexicon, strlen(lexicon),
                                  NULL),
                 DECORUM_OK);
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "b.tsv", more, strlen(more), NULL),
                 DECORUM_OK);
    dc_norm n = norm_of("killalljews go back vermin, i hate a v*rm*n f***");
    /* What a run without failures finds. */
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    cr_assert_eq(dc_matcher_new(&al, &l2, &m2, NULL), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    cr_assert_eq(dc_match(&al, m2, s2, &n, &hv), DECORUM_OK);
    size_t want = hv.n;
    cr_assert_eq(want, 11, "%s", render(&n, &hv));
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);

    size_t successes = 0;
    for (size_t k = 0; k < 5000 && successes == 0; k++) {
        counting c;
        decorum_allocator a = counting_init(&c, k);
        dc_alloc cal;
        dc_alloc_init(&cal, &a);
        dc_hitvec h = {0};
        decorum_error err;
        m2 = NULL;
        s2 = NULL;
        decorum_status st = dc_matcher_new(&cal, &l2, &m2, &err);
        if (st == DECORUM_OK)
            st = dc_match_scratch_new(&cal, m2, &s2);
        if (st == DECORUM_OK)
            st = dc_match(&cal, m2, s2, &n, &h);
        if (st == DECORUM_OK) {
            cr_assert_not(c.failed);
            cr_assert_eq(h.n, want);
            successes++;
        } else {
            cr_assert_eq(st, DECORUM_ERR_NOMEM, "failing call %zu: %d", k, st);
            cr_assert_eq(h.n, 0);
        }
        dc_hitvec_release(&cal, &h);
        dc_match_scratch_free(&cal, s2);
        dc_matcher_free(&cal, m2);
        cr_assert_eq(c.live, 0, "failing call %zu: %ld blocks leaked", k,
                     c.live);
        cr_assert_eq(c.bytes, 0, "failing call %zu", k);
    }
    cr_assert_eq(successes, 1);
    dc_lexicon_free(&al, &l2);
}

/* Many star forms: the literal buffer grows while they are made (a
 * use-after-free here was found by tests/fuzz/fuzz_lexicon under ASan). */
Test(match, many_star_forms)
{
    char text[8192];
    size_t o = 0;
    for (int c = 0; c < 26; c++)
        for (int len = 4; len <= 7; len++) {
            char term[8];
            term[0] = (char)('a' + c);
            for (int k = 1; k < len; k++)
                term[k] = (char)('a' + (c + k) % 26);
            term[len] = '\0';
            o += (size_t)snprintf(text + o, sizeof text - o,
                                  "%s\tprofanity\t-\t1\tnofuzzy\tx\n", term);
        }
    dc_lexicon l2 = {0};
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "t.tsv", text, o, NULL),
                 DECORUM_OK);
    cr_assert_eq(dc_matcher_new(&al, &l2, &m2, NULL), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    for (size_t i = 0; i < l2.n; i++) {
        char masked[8];
        size_t len = l2.entries[i].term_len;
        masked[0] = l2.entries[i].term[0];
        memset(masked + 1, '*', len - 1);
        masked[len] = '\0';
        for (int form = 0; form < 2; form++) {
            if (form == 1)
                masked[len - 1] = l2.entries[i].term[len - 1];
            dc_norm n = norm_of(masked);
            cr_assert_eq(dc_match(&al, m2, s2, &n, &hv), DECORUM_OK);
            /* "m*****s" may also be "m*****" (a shorter term) + s */
            bool found = false;
            for (size_t k = 0; k < hv.n; k++)
                found |= hv.v[k].entry == i && hv.v[k].how == DC_HIT_MASKED;
            cr_assert(found, "%s: not found", masked);
        }
    }
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);
    dc_lexicon_free(&al, &l2);
}

/* A long masked token is looked over once: on_run finds where a masked
 * word ends (the end of its run of word bytes and '*') at the word's
 * start only, not again at each run inside it. 64 KiB of "x*y" once went
 * over the rest of the token at every "y": 4.8G instructions, 16 times
 * those of 16 KiB. Counted (dc_match_scratch_masked_steps), not timed. */
Test(match, long_masked_tokens_are_looked_over_once)
{
    static const char *const units[] = {"x*y", "n*gg*r", "f**", "k*",
                                        "a*b ", "*x", "f*ck'", "a*b-"};
    enum { BIG = 64 * 1024 };
    char *text = malloc(BIG + 1);
    cr_assert_not_null(text);
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t ul = strlen(units[u]);
        for (size_t len = 1024; len <= BIG; len *= 4) {
            for (size_t i = 0; i < len; i++)
                text[i] = units[u][i % ul];
            text[len] = '\0';
            dc_norm n = {text, NULL, NULL, NULL, len, len + 1, 0,
                         true,  false, true};
            uint64_t before = dc_match_scratch_masked_steps(ms);
            cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
            uint64_t steps = dc_match_scratch_masked_steps(ms) - before;
            cr_expect_leq(steps, len, "\"%s\" to %zu bytes: %llu steps",
                          units[u], len, (unsigned long long)steps);
        }
    }
    /* ... and each masked word is counted once: "*gg*r", "*y*z". */
    dc_norm n = norm_of("n*gg*r x*y*z");
    uint64_t before = dc_match_scratch_masked_steps(ms);
    cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_masked_steps(ms) - before, 5 + 4);
    free(text);
}

/* The hit vector has a hard limit (2^20 hits): past it, TOOBIG and no
 * hits, not an ever-growing buffer. */
Test(match, too_many_hits_is_toobig)
{
    static const char one[] = "i\tpronoun_self\t-\t-\t-\tfirst person\n"
                              "vermin\tdehumanize\t-\t3\t-\tvermin\n";
    dc_lexicon l2 = {0};
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    cr_assert_eq(dc_lexicon_parse(&al, &l2, "t.tsv", one, strlen(one), NULL),
                 DECORUM_OK);
    cr_assert_eq(dc_matcher_new(&al, &l2, &m2, NULL), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    size_t words = (1u << 20) + 10, len = words * 2;
    char *text = malloc(len + 1);
    cr_assert_not_null(text);
    for (size_t i = 0; i < words; i++) {
        text[2 * i] = 'i';
        text[2 * i + 1] = ' ';
    }
    text[len] = '\0';
    dc_norm n = {text, NULL, NULL, NULL, len, len + 1, 0, true, false, false};
    cr_assert_eq(dc_match(&al, m2, s2, &n, &hv), DECORUM_ERR_TOOBIG);
    cr_assert_eq(hv.n, 0);
    /* The scratch still works afterwards. */
    dc_norm small = norm_of("i vermin");
    cr_assert_eq(dc_match(&al, m2, s2, &small, &hv), DECORUM_OK);
    cr_assert_eq(hv.n, 2);
    free(text);
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);
    dc_lexicon_free(&al, &l2);
}

Test(match, empty_lexicon_matches_nothing)
{
    dc_lexicon empty = {0};
    dc_matcher *m2 = NULL;
    dc_match_scratch *s2 = NULL;
    cr_assert_eq(dc_matcher_new(&al, &empty, &m2, NULL), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, m2, &s2), DECORUM_OK);
    dc_norm n = norm_of("kill all the vermin");
    cr_assert_eq(dc_match(&al, m2, s2, &n, &hv), DECORUM_OK);
    cr_assert_eq(hv.n, 0);
    dc_match_scratch_free(&al, s2);
    dc_matcher_free(&al, m2);
}

/* Not in decorum_int.h: match.c's loader of a matcher blob, for tests. */
decorum_status dc_matcher_from_blob(const dc_alloc *al, const dc_lexicon *lx,
                                    const unsigned char *data, size_t len,
                                    dc_matcher **out, decorum_error *err);

static uint64_t le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static void set_le(unsigned char *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++, v >>= 8)
        p[i] = (unsigned char)v;
}

/* match.c's blob_sum, to forge blobs whose checksum is right. */
static uint64_t fletcher(const unsigned char *p, size_t len)
{
    uint64_t a[4] = {1, 2, 3, 4}, b[4] = {0};
    size_t i = 0;
    for (; i + 32 <= len; i += 32)
        for (int k = 0; k < 4; k++) {
            a[k] += le(p + i + 8 * k, 8);
            b[k] += a[k];
        }
    for (; i < len; i++) {
        a[0] += p[i];
        b[0] += a[0];
    }
    uint64_t h = 0, v[8] = {a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]};
    for (int k = 0; k < 8; k++) {
        h ^= v[k];
        h = (h ^ h >> 33) * 0xff51afd7ed558ccdull;
        h = (h ^ h >> 33) * 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 33;
    }
    return h;
}

static void reseal(unsigned char *blob, size_t len)
{
    set_le(blob + 56, fletcher(blob + 64, len - 64), 8);
}

/* The blob: header, then the whole matcher (tables and database). */
Test(match, serialized_matcher_has_a_header)
{
    unsigned char *blob = NULL;
    size_t len = 0;
    decorum_error err;
    cr_assert_eq(dc_matcher_blob(&al, &lx, &blob, &len, &err), DECORUM_OK,
                 "%s", err.message);
    cr_assert_gt(len, 64);
    cr_assert(memcmp(blob, "DCMATCH2", 8) == 0);
    dc_matcher_stats st;
    dc_matcher_get_stats(m, &st);
    cr_assert_eq(le(blob + 16, 4), st.compiled);
    cr_assert_eq(le(blob + 32, 8), len);
    cr_assert_eq(le(blob + 56, 8), fletcher(blob + 64, len - 64));
    cr_assert_lt(st.compiled, st.patterns); /* "the", "all" are table words */
    dc_free(&al, blob, len);
    dc_lexicon empty = {0};
    cr_assert_eq(dc_matcher_blob(&al, &empty, &blob, &len, &err),
                 DECORUM_ERR_EMPTY);
}

static const char *const blob_texts[] = {
    "kill all the jews",
    "they're invaders' and vermin, go back",
    "killalljews and the great replacement",
    "f*ck the n****r \xf0\x9f\x90\x80\xf0\x9f\x90\x80 (((them)))",
    "haaate the verrmin, gassing rats, cuntscum",
    "scunthorpe niger every back",
};

/* A matcher loaded from its blob finds what the built one finds, from an
 * aligned blob (read in place) and a misaligned one (copied). */
Test(match, matcher_from_its_blob_matches_the_same)
{
    unsigned char *blob = NULL;
    size_t len = 0;
    decorum_error err;
    cr_assert_eq(dc_matcher_blob(&al, &lx, &blob, &len, &err), DECORUM_OK,
                 "%s", err.message);
    unsigned char *odd = malloc(len + 1);
    cr_assert_not_null(odd);
    memcpy(odd + 1, blob, len);
    for (int k = 0; k < 2; k++) {
        dc_matcher *mb = NULL;
        cr_assert_eq(dc_matcher_from_blob(&al, &lx, k ? odd + 1 : blob, len,
                                          &mb, &err),
                     DECORUM_OK, "%s", err.message);
        dc_matcher_stats sa, sb;
        dc_matcher_get_stats(m, &sa);
        dc_matcher_get_stats(mb, &sb);
        cr_assert(sb.precompiled);
        cr_assert_eq(sb.patterns, sa.patterns);
        cr_assert_eq(sb.compiled, sa.compiled);
        dc_match_scratch *sc = NULL;
        cr_assert_eq(dc_match_scratch_new(&al, mb, &sc), DECORUM_OK);
        dc_hitvec h2 = {0};
        for (size_t i = 0; i < sizeof blob_texts / sizeof *blob_texts; i++) {
            char want[2048];
            snprintf(want, sizeof want, "%s", match(blob_texts[i]));
            dc_norm n = norm_of(blob_texts[i]);
            cr_assert_eq(dc_match(&al, mb, sc, &n, &h2), DECORUM_OK);
            cr_assert_str_eq(render(&n, &h2), want, "text \"%s\"",
                             blob_texts[i]);
        }
        dc_hitvec_release(&al, &h2);
        dc_match_scratch_free(&al, sc);
        dc_matcher_free(&al, mb);
    }
    free(odd);
    dc_free(&al, blob, len);
}

static void expect_refused(const dc_lexicon *l, const unsigned char *b,
                           size_t len, const char *what)
{
    dc_matcher *mb = NULL;
    decorum_error err;
    cr_expect_eq(dc_matcher_from_blob(&al, l, b, len, &mb, &err),
                 DECORUM_ERR_FORMAT, "%s was not refused", what);
    cr_expect_null(mb);
    dc_matcher_free(&al, mb);
}

/* A damaged blob, or one made from another lexicon, is refused, never
 * read out of bounds; then dc_matcher_new builds the matcher. */
Test(match, damaged_or_foreign_blob_is_refused)
{
    unsigned char *blob = NULL;
    size_t len = 0;
    decorum_error err;
    cr_assert_eq(dc_matcher_blob(&al, &lx, &blob, &len, &err), DECORUM_OK,
                 "%s", err.message);
    unsigned char *b = malloc(len);
    cr_assert_not_null(b);
    char what[64];
    /* Every byte of the header and the section table, and every 61st
     * byte after, flipped: the checksum or a check sees each. */
    for (size_t i = 0; i < len; i += i < 64 + 15 * 16 ? 1 : 61) {
        memcpy(b, blob, len);
        b[i] ^= 0x10;
        snprintf(what, sizeof what, "byte %zu flipped", i);
        expect_refused(&lx, b, len, what);
    }
    memcpy(b, blob, len);
    expect_refused(&lx, b, 0, "an empty blob");
    expect_refused(&lx, b, 63, "a header cut short");
    expect_refused(&lx, b, len / 2, "half a blob");
    expect_refused(&lx, b, len - 1, "a blob a byte short");
    expect_refused(&lx, NULL, 0, "no blob");
    /* Another lexicon: the same one less its last entry. */
    dc_lexicon fewer = lx;
    fewer.n--;
    expect_refused(&fewer, b, len, "a blob of another lexicon");
    /* Forged tables with a right checksum: the first 8 bytes of the
     * sections that hold ids, offsets or lengths (pattern table, groups,
     * entries, short terms, hash, automaton, tiny literals) set to all
     * ones. (Any bytes are valid in the others: bits, masks, literals.) */
    static const int forged[] = {1, 2, 3, 5, 6, 12, 13};
    for (size_t k = 0; k < sizeof forged / sizeof *forged; k++) {
        int sct = forged[k];
        memcpy(b, blob, len);
        uint64_t off = le(b + 64 + 16 * sct, 8);
        if (le(b + 64 + 16 * sct + 8, 8) < 8)
            continue; /* no short terms here */
        memset(b + off, 0xff, 8);
        reseal(b, len);
        snprintf(what, sizeof what, "section %d forged", sct);
        expect_refused(&lx, b, len, what);
    }
    /* A section table pointing outside the blob. */
    memcpy(b, blob, len);
    set_le(b + 64 + 16 * 6, len, 8);
    reseal(b, len);
    expect_refused(&lx, b, len, "a section past the end");
    free(b);
    dc_free(&al, blob, len);
}

/* The built-in lexicon loads its precompiled database, and so does the
 * same lexicon read from data/lexicon; anything else compiles. */
Test(match, builtin_lexicon_uses_the_precompiled_database)
{
    if (dc_builtin_lexicon_count == 0)
        cr_skip_test("no built-in lexicon yet");
    dc_lexicon b = {0};
    dc_matcher *mb = NULL;
    decorum_error err;
    cr_assert_eq(dc_lexicon_load(&al, &b, NULL, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(dc_matcher_new(&al, &b, &mb, &err), DECORUM_OK, "%s",
                 err.message);
    dc_matcher_stats st;
    dc_matcher_get_stats(mb, &st);
    cr_assert(st.precompiled, "the embedded database was not used");
    /* dc_matcher_new trusts the embedded blob (no checksum, no range
     * checks on its tables, at every start): here it gets them all. */
    for (size_t i = 0; i < dc_builtin_matchdb_count; i++) {
        const dc_blob *bl = &dc_builtin_matchdb[i];
        dc_matcher *mc = NULL;
        cr_assert_gt(bl->len, 64);
        cr_assert_eq(le(bl->data + 56, 8),
                     fletcher(bl->data + 64, bl->len - 64));
        cr_assert_eq(dc_matcher_from_blob(&al, &b, bl->data, bl->len, &mc,
                                          &err),
                     DECORUM_OK, "%s", err.message);
        dc_matcher_free(&al, mc);
    }
    dc_match_scratch *sb = NULL;
    cr_assert_eq(dc_match_scratch_new(&al, mb, &sb), DECORUM_OK);
    dc_norm n = norm_of("the jews");
    cr_assert_eq(dc_match(&al, mb, sb, &n, &hv), DECORUM_OK);
    dc_match_scratch_free(&al, sb);
    dc_matcher_free(&al, mb);

    /* The same files read from data/lexicon load the embedded database
     * too, unless they were edited since the build (then either may
     * happen: an edit need not change the literals). */
    dc_lexicon d = {0};
    cr_assert_eq(dc_lexicon_load(&al, &d, DECORUM_SOURCE_DIR "/data/lexicon",
                                 &err),
                 DECORUM_OK, "%s", err.message);
    bool same = true;
    for (size_t i = 0; same && i < dc_builtin_lexicon_count; i++) {
        const dc_blob *bl = &dc_builtin_lexicon[i];
        char path[512];
        snprintf(path, sizeof path, "%s/data/lexicon/%s", DECORUM_SOURCE_DIR,
                 bl->name);
        FILE *f = fopen(path, "rb");
        same = f != NULL;
        for (size_t k = 0; same && k < bl->len; k++)
            same = fgetc(f) == bl->data[k];
        same = same && fgetc(f) == EOF;
        if (f)
            fclose(f);
    }
    same = same && d.n == b.n;
    cr_assert_eq(dc_matcher_new(&al, &d, &mb, &err), DECORUM_OK);
    dc_matcher_get_stats(mb, &st);
    if (same)
        cr_assert(st.precompiled);
    dc_matcher_free(&al, mb);
    dc_lexicon_free(&al, &d);
    dc_lexicon_free(&al, &b);
}

/* dc_fnv1a64 (decorum_int.h) is FNV-1a as published: the blob key, the
 * split table's slots and the trainer's holdout rows depend on it, and
 * split.c's own copy once started from a basis a digit short. */
Test(match, fnv1a64_known_values)
{
    static const struct {
        const char *s;
        uint64_t h;
    } cases[] = {
        {"", 0xcbf29ce484222325ull},
        {"a", 0xaf63dc4c8601ec8cull},
        {"foobar", 0x85944171f73967e8ull},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        uint64_t h = dc_fnv1a64(DC_FNV_BASIS, cases[k].s, strlen(cases[k].s));
        cr_expect_eq(h, cases[k].h, "\"%s\": %016llx, want %016llx",
                     cases[k].s, (unsigned long long)h,
                     (unsigned long long)cases[k].h);
    }
    /* In two pieces, as the blob key is made. */
    uint64_t h = dc_fnv1a64(dc_fnv1a64(DC_FNV_BASIS, "foo", 3), "bar", 3);
    cr_expect_eq(h, 0x85944171f73967e8ull);
}

/* ---------------------------------------------------------------------- */
/* The word runs' two paths                                               */
/* ---------------------------------------------------------------------- */

/* The word pass finds its runs with AVX2 where the CPU has it (here and in
 * CI), so the portable path every other CPU takes would run in no test:
 * these run both (dc_match_scratch_set_avx2) over the same texts, and a
 * byte-by-byte reference, and compare the runs exactly. */

/* A fixed-seed generator (xorshift64), so that a failure is reproducible. */
static uint64_t twin_state = 0x9e3779b97f4a7c15ull;
static uint32_t twin_rnd(void)
{
    twin_state ^= twin_state << 13;
    twin_state ^= twin_state >> 7;
    twin_state ^= twin_state << 17;
    return (uint32_t)(twin_state >> 32);
}

/* The word bytes by their definition: [a-zA-Z0-9] and every byte >= 0x80. */
static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static size_t ref_runs(const unsigned char *t, size_t n, dc_wrun *runs)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (!is_word_byte(t[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && is_word_byte(t[i]))
            i++;
        runs[k++] = (dc_wrun){(uint32_t)b, (uint32_t)i};
    }
    return k;
}

/* The texts of the comparison, kind by kind: k < the seed thread's lines
 * (read whole, escapes and quotes too), then random ones. Returns the
 * length written at buf (at most cap). */
enum { TWIN_MAX = 4096 };
static size_t twin_text(int kind, char *buf, size_t cap)
{
    size_t len = (size_t)twin_rnd() % 301; /* lengths 0-300 */
    if (len > cap)
        len = cap;
    static const char marks[] = "a'* b*'Z9 '  *x\xc3\xa9";
    for (size_t i = 0; i < len; i++) {
        uint32_t r = twin_rnd();
        switch (kind) {
        case 0: /* printable ASCII */
            buf[i] = (char)(0x20 + r % 95);
            break;
        case 1: /* any byte but NUL: UTF-8 sequences and stray bytes */
            buf[i] = (char)(1 + r % 255);
            break;
        case 2: /* ' and * among letters, runs of spaces */
            buf[i] = marks[r % (sizeof marks - 1)];
            break;
        default: { /* valid UTF-8: ASCII letters and 2-4 byte sequences */
            static const char *const cps[] = {
                "a", "Q", "7", " ", "'", "\xc3\xa9", "\xd0\xb6",
                "\xe2\x80\x9c", "\xe2\x80\x99", "\xf0\x9f\x90\x80"};
            const char *c = cps[r % 10];
            size_t l = strlen(c);
            if (i + l > len) {
                buf[i] = ' ';
                break;
            }
            memcpy(buf + i, c, l);
            i += l - 1;
        }
        }
    }
    return len;
}

/* The runs of t[0, n) on both paths, at every start offset 0-63 (so that
 * the text ends at every alignment of 16, 32 and 64 bytes), with the zero
 * bytes the word pass reads after a text, against ref_runs(). */
static void runs_agree(const char *what, const char *t, size_t n, bool has)
{
    static unsigned char area[64 + TWIN_MAX + 64] __attribute__((aligned(64)));
    static dc_wrun want[TWIN_MAX / 2 + 2], got[TWIN_MAX / 2 + 2];
    cr_assert_leq(n, TWIN_MAX);
    size_t nw = ref_runs((const unsigned char *)t, n, want);
    for (size_t off = 0; off < 64; off++) {
        /* garbage before the text, which the word pass does not read */
        memset(area, 'x', off);
        memcpy(area + off, t, n);
        memset(area + off + n, 0, 64);
        for (int path = 0; path < 2; path++) {
            if (path == 1 && !has)
                break;
            dc_match_scratch_set_avx2(ms, path == 1);
            size_t ng = dc_match_word_runs(ms, (const char *)area + off, n,
                                           got);
            cr_assert_eq(ng, nw, "%s, offset %zu, %s path: %zu runs, want %zu",
                         what, off, path ? "AVX2" : "portable", ng, nw);
            for (size_t q = 0; q < nw; q++)
                cr_assert(got[q].b == want[q].b && got[q].e == want[q].e,
                          "%s, offset %zu, %s path: run %zu is [%u, %u), "
                          "want [%u, %u)",
                          what, off, path ? "AVX2" : "portable", q, got[q].b,
                          got[q].e, want[q].b, want[q].e);
        }
    }
    dc_match_scratch_set_avx2(ms, true);
}

Test(match, word_runs_portable_and_avx2_agree)
{
    bool has = dc_match_scratch_set_avx2(ms, true);
    static char buf[TWIN_MAX];
    char what[64];
    /* the seed thread, line by line */
    FILE *f = fopen(DECORUM_SOURCE_DIR "/tests/data/seed-thread.jsonl", "rb");
    cr_assert(f, "the seed thread");
    int lines = 0;
    while (fgets(buf, sizeof buf, f)) {
        snprintf(what, sizeof what, "seed thread line %d", ++lines);
        runs_agree(what, buf, strlen(buf), has);
    }
    fclose(f);
    cr_assert_gt(lines, 10);
    /* random texts of each kind, lengths 0-300 */
    for (int round = 0; round < 4000; round++) {
        size_t n = twin_text(round % 4, buf, sizeof buf);
        snprintf(what, sizeof what, "random text %d (kind %d)", round,
                 round % 4);
        runs_agree(what, buf, n, has);
    }
    /* one run, and one gap, across every 64-byte step's edge */
    for (size_t n = 0; n <= 200; n++) {
        memset(buf, 'a', n);
        snprintf(what, sizeof what, "%zu word bytes", n);
        runs_agree(what, buf, n, has);
        memset(buf, ' ', n);
        if (n)
            buf[n - 1] = 'z';
        snprintf(what, sizeof what, "%zu bytes ending in a word byte", n);
        runs_agree(what, buf, n, has);
    }
}

/* dc_match itself on both paths: the same hits and the same runs (which
 * the rule layer and the model read) over the seed thread in lower case
 * and texts of the lexicon's words. */
Test(match, dc_match_same_on_both_word_run_paths)
{
    bool has = dc_match_scratch_set_avx2(ms, true);
    if (!has)
        cr_skip_test("no AVX2 path on this CPU: the portable one is the "
                     "only one");
    static char buf[TWIN_MAX], first[2048];
    static dc_wrun runs0[TWIN_MAX / 2 + 2];
    static const char *const words[] = {
        "kill", "the", "jews", "all", "vermin", "go", "back", "n*gg*r",
        "great", "replacement", "sc*m", "rat", "\xf0\x9f\x90\x80", "(((",
        "  ", "'", "*", "killall", "hates", "caf\xc3\xa9"};
    FILE *f = fopen(DECORUM_SOURCE_DIR "/tests/data/seed-thread.jsonl", "rb");
    cr_assert(f, "the seed thread");
    for (int round = 0;; round++) {
        if (f && !fgets(buf, sizeof buf, f)) {
            fclose(f);
            f = NULL;
        }
        if (!f) {
            if (round > 3000)
                break;
            size_t len = 0, want = (size_t)twin_rnd() % 301;
            buf[0] = '\0';
            while (len < want) {
                const char *w = words[twin_rnd() % 20];
                size_t l = strlen(w);
                if (len + l + 1 >= sizeof buf)
                    break;
                memcpy(buf + len, w, l);
                len += l;
                buf[len++] = twin_rnd() % 4 ? ' ' : ',';
            }
            buf[len] = '\0';
        } else
            for (char *p = buf; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p - 'A' + 'a');
        dc_norm n = norm_of(buf);
        size_t nr0 = 0;
        for (int path = 0; path < 2; path++) {
            dc_match_scratch_set_avx2(ms, path == 1);
            cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
            const char *r = render(&n, &hv);
            if (path == 0) {
                snprintf(first, sizeof first, "%s", r);
                nr0 = hv.has_runs ? hv.nruns : (size_t)-1;
                if (hv.has_runs)
                    memcpy(runs0, hv.runs, hv.nruns * sizeof *runs0);
                continue;
            }
            cr_assert_str_eq(r, first, "hits differ on \"%s\"", buf);
            cr_assert_eq(hv.has_runs ? hv.nruns : (size_t)-1, nr0,
                         "runs differ on \"%s\"", buf);
            cr_assert(!hv.has_runs ||
                          memcmp(hv.runs, runs0, nr0 * sizeof *runs0) == 0,
                      "runs differ on \"%s\"", buf);
        }
    }
    dc_match_scratch_set_avx2(ms, true);
}

/* dc_hitvec.ascii, which the model takes for its own look for a byte
 * >= 0x80 (session 40, spd40w): for a text whose input was not ASCII
 * (n.ascii false), dc_match's copy of an unpadded text ORs every byte, so
 * ascii is exactly "no such byte"; an ASCII input's is true without a
 * look. Each byte position is tried, as the copy
 * takes 8 bytes a step and the last 8 over some copied. */
Test(match, hitvec_ascii_is_the_texts_bytes)
{
    static char buf[64];
    for (size_t len = 1; len < 40; len++)
        for (size_t at = 0; at <= len; at++) {
            for (size_t i = 0; i < len; i++)
                buf[i] = "the rats go back "[i % 17];
            if (at < len)
                buf[at] = (char)0xc3; /* a byte >= 0x80 at at */
            buf[len] = '\0';
            dc_norm n = norm_of(buf);
            n.ascii = false;
            cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
            cr_assert_eq(hv.ascii, at == len, "len %zu, byte at %zu", len,
                         at);
            /* taken from the input, no look: fails if dc_match's last
             * write of ascii drops its n->ascii term (rv40 thought this
             * half could not fail; with that term removed, line
             * "cr_assert(hv.ascii)" below fails at len 1) */
            n.ascii = true;
            cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
            cr_assert(hv.ascii);
        }
}

/* dc_hitvec.watched (session 48, spd48): the engine asks canon.c for a
 * comment's edits only where some hit's entry lies in the fillers' block;
 * a wrong false would leave a comment unedited. Texts of 1 to 40 words
 * (the four-at-a-time pass and its tail), each range of one entry and a
 * few wider ones, against the hits themselves; the default watches any
 * hit. */
Test(match, hitvec_watched_is_an_entry_in_the_range)
{
    static const char *const words[] = {"the", "rats", "go",    "back",
                                        "every", "vermin", "great", "scum",
                                        "fuck", "niger",  "gas",   "x"};
    static char buf[512];
    for (size_t nw = 1; nw <= 40; nw++) {
        size_t o = 0;
        for (size_t i = 0; i < nw; i++)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s",
                                  i ? " " : "", words[(i * 7 + nw) % 12]);
        dc_norm n = norm_of(buf);
        dc_match_scratch_watch(ms, 0, UINT32_MAX);
        cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
        cr_assert_eq(hv.watched, hv.n > 0, "\"%s\"", buf);
        for (uint32_t lo = 0; lo <= lx.n; lo++)
            for (uint32_t span = 0; span <= 3; span++) {
                dc_match_scratch_watch(ms, lo, span);
                cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
                bool want = false;
                for (size_t i = 0; i < hv.n; i++)
                    want |= hv.v[i].entry >= lo && hv.v[i].entry - lo < span;
                cr_assert_eq(hv.watched, want, "\"%s\" [%u, +%u)", buf, lo,
                             span);
            }
    }
    dc_match_scratch_watch(ms, 0, UINT32_MAX);
}

/* Session 58 (spd58's review): a scratch that keeps glue apart
 * (dc_match_scratch_glue) gives hits and glue that, merged, are the hits
 * of a scratch that does not; its glue holds only glue entries, in text
 * order, one a word, none of them among its hits. */
Test(match, glue_kept_apart_merges_to_the_same_hits)
{
    static const char *const texts[] = {
        "kill the jews", "the the the vermin", "go back to the back",
        "go backs the back, go back", "the jew, the invader, the rat",
        "back back back the the", "fuck the great replacement",
        "thejews go back", "", "the",
    };
    dc_match_scratch *s2 = NULL;
    dc_hitvec h2;
    memset(&h2, 0, sizeof h2);
    cr_assert_eq(dc_match_scratch_new(&al, m, &s2), DECORUM_OK);
    dc_match_scratch_glue(s2, &lx);
    size_t apart = 0;
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
            dc_norm n = norm_of(texts[i]);
            cr_assert_eq(dc_match(&al, m, ms, &n, &hv), DECORUM_OK);
            cr_assert_eq(hv.nglue, 0, "a scratch without the setting");
            cr_assert_eq(dc_match(&al, m, s2, &n, &h2), DECORUM_OK);
            apart += h2.nglue;
            for (size_t g = 0; g < h2.nglue; g++) {
                cr_assert_eq(lx.entries[h2.glue[g].entry].kind, DC_KIND_GLUE,
                             "text \"%s\"", texts[i]);
                if (g > 0)
                    cr_assert_lt(h2.glue[g - 1].begin, h2.glue[g].begin,
                                 "text \"%s\"", texts[i]);
                for (size_t j = 0; j < h2.n; j++)
                    cr_assert(!(h2.v[j].begin == h2.glue[g].begin &&
                                h2.v[j].end == h2.glue[g].end &&
                                h2.v[j].entry == h2.glue[g].entry),
                              "text \"%s\": a glue hit twice", texts[i]);
            }
            cr_assert_eq(h2.n + h2.nglue, hv.n, "text \"%s\"", texts[i]);
            dc_hit out[64];
            cr_assert_leq(hv.n, sizeof out / sizeof *out);
            size_t k = dc_hits_merge(h2.v, h2.n, h2.glue, h2.nglue, out);
            cr_assert_eq(k, hv.n, "text \"%s\"", texts[i]);
            for (size_t j = 0; j < k; j++)
                cr_expect(out[j].begin == hv.v[j].begin &&
                              out[j].end == hv.v[j].end &&
                              out[j].entry == hv.v[j].entry &&
                              out[j].how == hv.v[j].how,
                          "text \"%s\": hit %zu differs", texts[i], j);
        }
    cr_assert_gt(apart, 0, "some glue was kept apart");
    dc_hitvec_release(&al, &h2);
    dc_match_scratch_free(&al, s2);
}
