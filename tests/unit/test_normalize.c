/*
 * test_normalize.c: the normalizer (lib/normalize.c) against a table of
 * inputs and their expected normalized text and evasion bits, with the
 * offset-map invariants of docs/NORMALIZE.md checked on every case:
 * non-decreasing, inside the original, on UTF-8 boundaries, and each
 * normalized word maps back to an original span that normalizes to the same
 * word. Also: inputs flush against a guard page, empty input, argument
 * checks, the 4x expansion bound, max_out, no allocation in steady state,
 * allocation failure injected at every allocation, and threads racing to
 * build the skeletons a fresh normalizer builds on first use.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "normalize.h"
#include "ucd_ref.h"
#include "random_text.h"

/* ---------------------------------------------------------------------- */
/* A counting allocator that checks sizes and can fail the Nth call        */
/* ---------------------------------------------------------------------- */

typedef struct counting {
    size_t calls;   /* malloc + realloc calls so far */
    size_t fail_at; /* fail this call (1-based); 0: never */
    size_t live;    /* blocks not yet freed */
    size_t bytes;   /* bytes not yet freed */
    int bad_size;   /* a free or realloc named the wrong size */
} counting;

#define HDR 16 /* keeps the caller's block 16-byte aligned */

static void *c_malloc(void *ctx, size_t size)
{
    counting *c = ctx;
    if (++c->calls == c->fail_at)
        return NULL;
    unsigned char *p = malloc(size + HDR);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    c->live++;
    c->bytes += size;
    return p + HDR;
}

static void c_free(void *ctx, void *ptr, size_t size)
{
    counting *c = ctx;
    if (!ptr)
        return;
    unsigned char *p = (unsigned char *)ptr - HDR;
    size_t was;
    memcpy(&was, p, sizeof was);
    if (was != size)
        c->bad_size = 1;
    c->live--;
    c->bytes -= was;
    free(p);
}

static void *c_realloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    counting *c = ctx;
    if (!ptr)
        return c_malloc(ctx, new_size);
    if (++c->calls == c->fail_at)
        return NULL;
    c->calls--; /* c_malloc counts it again */
    void *q = c_malloc(ctx, new_size);
    if (!q)
        return NULL;
    memcpy(q, ptr, old_size < new_size ? old_size : new_size);
    c_free(ctx, ptr, old_size);
    return q;
}

static counting cnt;
static dc_alloc al;
static dc_normalizer *nz;
static dc_norm_scratch *ns;
static dc_norm out, again;

static void setup(void)
{
    memset(&cnt, 0, sizeof cnt);
    decorum_allocator a = {c_malloc, c_realloc, c_free, &cnt};
    dc_alloc_init(&al, &a);
    decorum_error err;
    cr_assert_eq(dc_normalizer_new(&al, &nz, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(dc_norm_scratch_new(&al, nz, &ns), DECORUM_OK);
    memset(&out, 0, sizeof out);
    memset(&again, 0, sizeof again);
}

static void teardown(void)
{
    dc_norm_release(&al, &out);
    dc_norm_release(&al, &again);
    dc_norm_scratch_free(&al, ns);
    dc_normalizer_free(&al, nz);
    cr_expect_eq(cnt.live, 0, "%zu blocks leaked", cnt.live);
    cr_expect_eq(cnt.bytes, 0, "%zu bytes leaked", cnt.bytes);
    cr_expect_eq(cnt.bad_size, 0, "free with the wrong size");
}

TestSuite(normalize, .init = setup, .fini = teardown);

#define BIG ((size_t)1 << 20)

static decorum_status norm(dc_norm *n, const char *s, size_t len)
{
    return dc_normalize(&al, nz, ns, s, len, BIG, n);
}

/* out (the default paths) against the reference path, and against the
 * SSE2 chunk pass where the CPU runs the AVX2 one: text, offsets and bits
 * must be byte-identical; and against the engine's way, the identity map
 * left unwritten (dc_normalizer_set_lazy_map), read through
 * dc_norm_src_begin() and dc_norm_src_end(). */
static void same_on_every_path(const char *buf, size_t len)
{
    dc_normalizer_set_lazy_map(nz, true);
    cr_assert_eq(norm(&again, buf, len), DECORUM_OK);
    dc_normalizer_set_lazy_map(nz, false);
    cr_assert_eq(again.len, out.len);
    cr_assert_eq(again.evasions, out.evasions);
    cr_assert(!out.ident_map);
    cr_assert(memcmp(again.text, out.text, out.len + 1) == 0 &&
                  memcmp(again.how, out.how, out.len) == 0,
              "the lazy map's text differs on \"%s\"", buf);
    for (size_t i = 0; i < out.len; i++) {
        cr_assert_eq(dc_norm_src_begin(&again, i), out.src_begin[i],
                     "lazy map, byte %zu of \"%s\"", i, buf);
        cr_assert_eq(dc_norm_src_end(&again, i), out.src_end[i],
                     "lazy map, byte %zu of \"%s\"", i, buf);
    }
    for (int path = 0; path < 2; path++) {
        if (path == 0) {
            /* the byte path throughout: no chunk pass, and stage 1's
             * portable loops, not its AVX2 ASCII copy */
            dc_normalizer_set_swar(nz, false);
            dc_normalizer_set_avx2(nz, false);
        } else if (!dc_normalizer_set_avx2(nz, false))
            break; /* no AVX2: the default was the SSE2 pass */
        cr_assert_eq(norm(&again, buf, len), DECORUM_OK);
        dc_normalizer_set_swar(nz, true);
        dc_normalizer_set_avx2(nz, true);
        cr_assert_eq(again.len, out.len, "%s path, on \"%s\"",
                     path ? "SSE2" : "byte", buf);
        cr_assert_eq(again.evasions, out.evasions);
        cr_assert(memcmp(again.text, out.text, out.len + 1) == 0 &&
                      memcmp(again.src_begin, out.src_begin,
                             out.len * sizeof *out.src_begin) == 0 &&
                      memcmp(again.src_end, out.src_end,
                             out.len * sizeof *out.src_end) == 0 &&
                      memcmp(again.how, out.how, out.len) == 0,
                  "%s path differs on \"%s\"", path ? "SSE2" : "byte", buf);
    }
}

/* ---------------------------------------------------------------------- */
/* Invariants                                                              */
/* ---------------------------------------------------------------------- */

static bool boundary(const char *s, size_t len, size_t i)
{
    return i == len || ((unsigned char)s[i] & 0xc0) != 0x80;
}

/* Bytes that make up a word for the round-trip check: what stage 2 treats
 * as one token (letters, digits, leet and masking symbols). */
static bool wordish(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (c && strchr("@$!|+*#%", c));
}

static void check_map(const char *in, size_t len, const dc_norm *n)
{
    cr_assert_eq(strlen(n->text), n->len, "NUL at len for \"%s\"", in);
    cr_assert_leq(n->len, 4 * len, "more than 4x for \"%s\"", in);
    unsigned ev = 0;
    for (size_t i = 0; i < n->len; i++) {
        uint32_t b = n->src_begin[i], e = n->src_end[i];
        cr_assert_lt(b, e, "empty source at %zu in \"%s\"", i, in);
        cr_assert_leq(e, len, "source past the end at %zu in \"%s\"", i, in);
        cr_assert(boundary(in, len, b) && boundary(in, len, e),
                  "source [%u,%u) of byte %zu splits a character in \"%s\"",
                  b, e, i, in);
        if (i > 0) {
            cr_assert_leq(n->src_begin[i - 1], b, "begin decreases at %zu"
                          " in \"%s\"", i, in);
            cr_assert_leq(n->src_end[i - 1], e, "end decreases at %zu"
                          " in \"%s\"", i, in);
        }
        cr_assert_eq(n->how[i] & ~DC_EV_ANY, 0);
        ev |= n->how[i];
    }
    cr_assert_eq(n->evasions, ev, "evasions is not the OR of how[]");
    cr_assert_eq(decorum_utf8_check(n->text, n->len, NULL), DECORUM_OK,
                 "output is not UTF-8 for \"%s\"", in);

    /* Each word maps back to an original span that normalizes to it. The
     * word is copied first: normalizing again reuses the scratch. */
    for (size_t i = 0; i < n->len;) {
        if (!wordish((unsigned char)n->text[i])) {
            i++;
            continue;
        }
        /* An apostrophe between word bytes is inside the word, as the
         * matcher reads it: "don't" from "do n't" maps back whole, its
         * "don" alone would not. */
        size_t j = i;
        while (j < n->len && (wordish((unsigned char)n->text[j]) ||
                              (n->text[j] == '\'' && j + 1 < n->len &&
                               wordish((unsigned char)n->text[j + 1]))))
            j++;
        char word[256];
        size_t wl = j - i < sizeof word - 1 ? j - i : sizeof word - 1;
        memcpy(word, n->text + i, wl);
        word[wl] = '\0';
        uint32_t ob = n->src_begin[i], oe = n->src_end[j - 1];
        cr_assert_eq(norm(&again, in + ob, oe - ob), DECORUM_OK);
        cr_assert_str_eq(again.text, word,
                         "word \"%s\" of \"%s\" maps back to \"%.*s\", which"
                         " normalizes to \"%s\"",
                         word, in, (int)(oe - ob), in + ob, again.text);
        i = j;
    }
}

/* ---------------------------------------------------------------------- */
/* The table                                                               */
/* ---------------------------------------------------------------------- */

#define LEET DC_EV_LEET
#define CONF DC_EV_CONFUSABLE
#define SPACED DC_EV_SPACED
#define STRETCH DC_EV_STRETCH
#define INVIS DC_EV_INVISIBLE
#define MASK DC_EV_MASK

static const struct tcase {
    const char *in;
    const char *want;
    unsigned ev; /* exactly the evasions expected */
} cases[] = {
    /* prose stays prose */
    {"hello world", "hello world", 0},
    {"I am a man", "i am a man", 0},
    {"Don't stop, OK? Yes; no: (maybe).", "don't stop, ok? yes; no: (maybe).",
     0},
    {"(((echo))) the (((Globalists)))", "(((echo))) the (((globalists)))", 0},
    {"HELLO World", "hello world", 0},
    {"a b", "a b", 0},
    {"e.g. this, i.e. that", "e.g. this, i.e. that", 0},
    /* leetspeak inside words */
    {"h4te", "hate", LEET},
    {"k1ll", "kill", LEET},
    {"n1gg3r", "nigger", LEET},
    {"$hit", "shit", LEET},
    {"sh!t", "shit", LEET},
    {"r@pe", "rape", LEET},
    {"ki||", "kill", LEET},
    {"K1LL 7H3M", "kill them", LEET},
    {"0ven5", "ovens", LEET},
    /* "00" between letters is the double o; a number keeps its zeros */
    {"c00n sh3b00n", "coon sheboon", LEET},
    {"100x b000k 00b x00 a100", "100x b000k 00b x00 a100", 0},
    /* two or three leet digits inside a word; not at its edge, not four */
    {"p30ple k33p subhum4ns", "people keep subhumans", LEET},
    {"h473rs gonna hate", "haters gonna hate", LEET}, /* a run of three */
    {"s01e03 a3200neo 2nite covid19", "soie03 a3200neo 2nite covid19", LEET},
    /* a run that mixes leet digits and symbols, letters on both sides */
    {"n!99er b!7ch", "nigger bitch", LEET},
    {"sh!+e 555!12a k!11", "sh!+e 555!12a k!11", 0},
    /* numbers and numeric codes keep their digits */
    {"1488 88 14words 6mwe 2016 covid19", "1488 88 14words 6mwe 2016 covid19",
     0},
    {"the 1st and 2nd, 3rd 4th at 5pm", "the 1st and 2nd, 3rd 4th at 5pm", 0},
    {"@user hello! $5 50% a+ c++ 3.5", "@user hello! $5 50% a+ c++ 3.5", 0},
    {"1 2 3 go", "1 2 3 go", 0},
    /* masking symbols */
    {"f*ck n#gger sh%t f**k", "f*ck n*gger sh*t f**k", MASK},
    {"#maga *emphasis* 100% C# a$$", "#maga *emphasis* 100% c# ass", LEET},
    {"F@#% all", "f*** all", MASK}, /* a grawlix */
    {"f## it", "f** it", MASK},
    /* spaced-out letters */
    {"k i l l", "kill", SPACED},
    /* spaced-out masked letters (masked_run) */
    {"filthy n * * * * * s .", "filthy n*****s .", SPACED | MASK},
    {"k * k e", "k*ke", SPACED | MASK},
    {"the k * k e s.", "the k*kes.", SPACED | MASK},
    {"N @ G G E R", "n*gger", SPACED | MASK},
    {"s p * c", "sp*c", SPACED | MASK},
    {"n * - - r", "n***r", SPACED | MASK},
    {"n - - - r", "n - - - r", 0},  /* no * # @: dashes */
    {"s p _ c", "s p _ c", 0},      /* a blank to fill */
    {"(\"n * * s\")", "(\"n * * s\")", 0},           /* a word's own start */
    {"a d . c . outsider", "a d . c . outsider", 0}, /* one . is a full stop */
    {"a - b c", "a - b c", 0},                       /* one - a hyphen */
    {"a - b - c", "a - b - c", 0},                   /* alternates */
    {"x * y * z", "x * y * z", 0},
    {"a . b . c d", "a . b . c d", 0}, /* one symbol twice between letters */
    {"* * *", "* * *", 0},             /* a scene break */
    {"a * * *", "a * * *", 0},         /* no letter after the masks */
    {"5 * 3 * 2", "5 * 3 * 2", 0},     /* digits are not masked letters */
    {"I * * * you", "i * * * you", 0}, /* you is a word */
    {"k * k j-e-w-s", "k * k jews", SPACED}, /* j-e-w-s keeps its j */
    {"x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y",
     "x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y x @ y",
     0}, /* longer than MASKED_MAX */
    {"k.i.l.l k-i-l-l k_i_l_l k*i*l*l k|i|l|l",
     "kill kill kill kill kill", SPACED},
    {"f u c k you", "fuck you", SPACED},
    {"say k i l l now", "say kill now", SPACED},
    {"U.S.A. is", "usa. is", SPACED},
    {"f u c k j-e-w-s", "fuck jews", SPACED},
    {"k.i.l.l f u c k", "kill fuck", SPACED},
    {"k 1 l l", "kill", SPACED | LEET},
    {"k i l l l l", "kill", SPACED | STRETCH},
    /* spaced out at the end of a text of 16 and 32 bytes (chunk edges) */
    {"abcdefghij k i l", "abcdefghij kil", SPACED},
    {"abcdefghijklmnopqrstuvwxyz k i l", "abcdefghijklmnopqrstuvwxyz kil",
     SPACED},
    {"abcdefghijklm k.i.l.l abcdefghij", "abcdefghijklm kill abcdefghij",
     SPACED},
    /* spaced out with a separator and a space */
    {"k. i. k. e. s are vermin", "kikes are vermin", SPACED},
    {"N. I. G. G. E. R.", "nigger.", SPACED},
    {"j- e- w- s", "jews", SPACED},
    {"k* i* l* l k| i| l| l k/ i/ l/ l k\\ i\\ l\\ l k~ i~ l~ l",
     "kill kill kill kill kill", SPACED},
    {"k+ i+ l+ l k^ i^ l^ l k= i= l= l k# i# l# l k_ i_ l_ l",
     "kill kill kill kill kill", SPACED},
    {"n. 1. g. g. e. r", "nigger", SPACED | LEET},
    {"are vermin. k. i. k. e. s", "are vermin. kikes", SPACED},
    {"f u c k j. e. w. s", "fuck jews", SPACED},
    {"k.i.l.l j. e. w. s", "kill jews", SPACED},
    {"k. i. l. l j-e-w-s", "kill jews", SPACED},
    {"k. i. l. l. them", "kill. them", SPACED},
    /* initials and abbreviations join as their dotted forms do (J.R.R.,
     * U.S.A.), and so does "P. S. I": from the letters alone there is no
     * telling them from an evasion */
    {"J. R. R. Tolkien", "jrr. tolkien", SPACED},
    {"U. S. A. and a. b. c.", "usa. and abc.", SPACED},
    {"P. S. I love you", "psi love you", SPACED},
    /* not joined: two single letters, a number first (a list), mixed or
     * doubled separators, a line break, a separator before the space */
    {"I saw plan B. I liked it. A good plan.",
     "i saw plan b. i liked it. a good plan.", 0},
    {"Section 3. a. b. 1. a. b. c. 1. 2. 3. a",
     "section 3. a. b. 1. a. b. c. 1. 2. 3. a", 0},
    {"1. a 2. b 3. c", "1. a 2. b 3. c", 0},
    {"a.b. c. d. e k. i- k. e a. b Dr. A. B. Smith",
     "a.b. c. d. e k. i- k. e a. b dr. a. b. smith", 0},
    {"a.\nb.\nc. a. \tb. \tc", "a.\nb.\nc. a. b. c", 0},
    {"a.  b.  c. a . b . c a .b .c a, b, c",
     "a. b. c. a . b . c a .b .c a, b, c", 0},
    /* at chunk edges: ending a text of 16, 32 and 64 bytes, across 16, 32
     * and 64 */
    {"abcdefgh k. i. l", "abcdefgh kil", SPACED},
    {"abcdefghijklmnopqrstuvwx k. i. l", "abcdefghijklmnopqrstuvwx kil",
     SPACED},
    {"abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz ab k. i. l",
     "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz ab kil", SPACED},
    {"abcdefghijkl k- i- l- l abc", "abcdefghijkl kill abc", SPACED},
    {"abcdefghijklmnopqrstuvwxyz k* i* l* l abc",
     "abcdefghijklmnopqrstuvwxyz kill abc", SPACED},
    {"abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz ab k. i. l. l abc",
     "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz ab kill abc",
     SPACED},
    {"abcdefghijklmnopqrstuvwxyz abcdefghijklmno B. I liked it. A b. c",
     "abcdefghijklmnopqrstuvwxyz abcdefghijklmno b. i liked it. a b. c", 0},
    /* stretched letters */
    {"haaaate", "haate", STRETCH},
    {"killllll", "kill", STRETCH},
    {"fuuuuck", "fuuck", STRETCH},
    {"zzz 1111 !!!!", "zz 1111 !!!!", STRETCH},
    {"kiiiilll", "kiill", STRETCH},
    /* white space */
    {"  lots \t of \n\n\n lines \r\n end  ", "lots of\nlines\nend", 0},
    {"\n\n", "", 0},
    {"ab\x01" "cd\x7f", "abcd", INVIS},
    /* Unicode: width, fonts, look-alikes */
    {"\xef\xbc\xab\xef\xbc\x91\xef\xbc\xac\xef\xbc\xac all j e w s",
     "kill all jews", CONF | LEET | SPACED}, /* Ｋ１ＬＬ */
    {"\xd1\x98\xd0\xb5ws", "jews", CONF},                  /* јеws */
    {"j\xd0\xb5w\xd1\x95", "jews", CONF},                  /* jеwѕ */
    {"\xd0\x9aILL \xd0\xbaill", "kill kill", CONF},        /* КILL кill */
    {"\xf0\x9d\x90\xa4\xf0\x9d\x90\xa2\xf0\x9d\x90\xa5\xf0\x9d\x90\xa5",
     "kill", CONF},                                        /* 𝐤𝐢𝐥𝐥 */
    {"\xe2\x93\x9a\xe2\x93\x98\xe2\x93\x9b\xe2\x93\x9b", "kill",
     CONF},                                                /* ⓚⓘⓛⓛ */
    {"\xef\xac\x81ne", "fine", CONF},                      /* ﬁne */
    {"jews are \xe1\xb4\xa0\xe1\xb4\x87\xca\x80\xe1\xb4\x8d\xc9\xaa\xc9\xb4",
     "jews are vermin", CONF},                             /* ᴠᴇʀᴍɪɴ */
    {"ni\xf0\x9f\x85\xb1\xef\xb8\x8f\xf0\x9f\x85\xb1\xef\xb8\x8f" "a",
     "nibba", CONF | INVIS},                               /* ni🅱️🅱️a */
    {"\xf0\x9f\x85\x99\xf0\x9f\x85\x94\xf0\x9f\x85\xa6", "jew",
     CONF},                                                /* 🅙🅔🅦 */
    {"\xf0\x9f\x87\xba\xf0\x9f\x87\xb8 flag",
     "\xf0\x9f\x87\xba\xf0\x9f\x87\xb8 flag", 0},     /* 🇺🇸: a flag */
    {"Stra\xc3\x9f" "e", "strasse", CONF},                 /* Straße */
    /* Real words of other scripts are left alone */
    {"\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd1\x88\xd0\xbe",
     "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd1\x88\xd0\xbe", 0}, /* хорошо */
    {"\xe4\xb8\xad\xe5\x9b\xbd \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 "
     "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
     "\xe4\xb8\xad\xe5\x9b\xbd \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 "
     "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", 0}, /* 中国 مرحبا שלום */
    /* invisible characters and marks */
    {"k\xe2\x80\x8bi\xe2\x80\x8cl\xe2\x80\x8dl", "kill", INVIS}, /* ZW*J */
    {"ki\xc2\xadll", "kill", INVIS},                            /* soft hyphen */
    {"k\xe2\x81\xa0ill\xef\xbb\xbf", "kill", INVIS},            /* WJ, BOM */
    {"ki\xe2\x80\xaell", "kill", INVIS},                        /* bidi RLO */
    {"n\xc3\xafgger", "nigger", CONF},                          /* nïgger */
    {"ni\xcc\x88gger", "nigger", INVIS},                        /* n i ̈ gger */
    {"k\xcc\xb6i\xcc\xb6l\xcc\xb6l\xcc\xb6", "kill", INVIS},    /* k̶i̶l̶l̶ */
    {"h\xcc\xb8\xcc\xa1\xcc\xaa\xcd\xaa" "e\xcc\x95\xcc\x80", "he",
     INVIS}, /* zalgo */
    /* emoji pass through; their variation selectors go quietly */
    {"\xf0\x9f\x90\x80 \xf0\x9f\x90\x92 vermin",
     "\xf0\x9f\x90\x80 \xf0\x9f\x90\x92 vermin", 0}, /* 🐀 🐒 */
    {"\xe2\x9d\xa4\xef\xb8\x8f you", "\xe2\x9d\xa4 you", 0}, /* ❤️ */
    {"1\xef\xb8\x8f\xe2\x83\xa3" "4\xef\xb8\x8f\xe2\x83\xa3"
     "8\xef\xb8\x8f\xe2\x83\xa3" "8\xef\xb8\x8f\xe2\x83\xa3",
     "1488", INVIS}, /* keycaps 1️⃣4️⃣8️⃣8️⃣ */
    /* quotes, dashes, spaces, separators */
    {"\xe2\x80\x98" "a\xe2\x80\x99 \xe2\x80\x9c" "b\xe2\x80\x9d \xe2\x80\x9e"
     "c\xe2\x80\x9d \xc2\xab" "d\xc2\xbb \xe2\x80\xb3" "e\xe2\x80\xb3 don"
     "\xe2\x80\x99t",
     "'a' \"b\" \"c\" \"d\" \"e\" don't", 0},
    {"one\xe2\x80\x93two\xe2\x80\x94three\xe2\x80\x92" "four"
     "\xe2\x88\x92" "five",
     "one-two-three-four-five", 0},
    {"a\xe2\x80\x93" "b\xe2\x80\x94" "c", "abc", SPACED}, /* a–b—c */
    {"one\xc2\xa0two\xe2\x80\x83three\xe3\x80\x80" "four\xe2\xa0\x80" "five",
     "one two three four five", 0},
    {"one\xe2\x80\xa8two\xe2\x80\xa9three\xc2\x85" "four",
     "one\ntwo\nthree\nfour", 0},
    {"k\xc2\xb7i\xc2\xb7l\xc2\xb7l", "kill", SPACED}, /* k·i·l·l */
    {"ok\xe2\x80\xa6", "ok...", 0},                  /* … */
    /* mixes */
    {"YOU F*CKING K1LLER!!!", "you f*cking killer!!!", MASK | LEET},
    {"\xd0\x9a\xd0\x86LL \xd0\xb0ll j\xd0\xb5ws!!", "kill all jews!!", CONF},
    /* expansions longer than 4x per byte pass through (U+FDFA) */
    {"\xef\xb7\xba", "\xef\xb7\xba", 0},
    /* contractions stripped of their apostrophe or cut by a tokenizer */
    {"I don t hate them", "i don't hate them", 0},
    {"I do n't know , they 're here", "i don't know , they're here", 0},
    {"they re all, you CAN T", "they're all, you can't", 0},
    {"it 's trump 's, i d go, i 'm out", "it's trump 's, i'd go, i'm out", 0},
    {"we can teach, they reach, don tell, x don t", "we can teach, they reach, "
     "don tell, x don't", 0},
    {"\xf0\x9f\x98\xa1 they re \xc3\xa9 wo n't", /* 😡, é */
     "\xf0\x9f\x98\xa1 they're e won't", CONF},
    /* the ending is a whole word, a hyphen goes on with it; "ll" and "ve"
     * join only after an apostrophe */
    {"we d-day, they re-elected, can t-shirts", "we d-day, they re-elected, "
     "can t-shirts", 0},
    {"i ll go, you ve seen, they 'll see", "i ll go, you ve seen, they'll see",
     0},
};

#define N_CASES (sizeof cases / sizeof *cases)

Test(normalize, table)
{
    for (size_t k = 0; k < N_CASES; k++) {
        const struct tcase *c = &cases[k];
        size_t len = strlen(c->in);
        cr_assert_eq(norm(&out, c->in, len), DECORUM_OK, "case %zu", k);
        cr_expect_str_eq(out.text, c->want, "\"%s\": got \"%s\"", c->in,
                         out.text);
        cr_expect_eq(out.evasions, c->ev, "\"%s\": evasions 0x%x, want 0x%x",
                     c->in, out.evasions, c->ev);
        bool ascii = true;
        for (size_t i = 0; i < len; i++)
            ascii &= (unsigned char)c->in[i] < 0x80;
        cr_expect_eq(out.ascii, ascii, "\"%s\"", c->in);
        check_map(c->in, len, &out);
        same_on_every_path(c->in, len);
    }
}

/* Where a normalized substring lands in the original. */
static void expect_span(const char *in, const char *sub, const char *orig)
{
    cr_assert_eq(norm(&out, in, strlen(in)), DECORUM_OK);
    const char *p = strstr(out.text, sub);
    cr_assert_not_null(p, "\"%s\" not in \"%s\"", sub, out.text);
    size_t b = (size_t)(p - out.text), e = b + strlen(sub);
    uint32_t ob = out.src_begin[b], oe = out.src_end[e - 1];
    cr_expect(oe - ob == strlen(orig) && memcmp(in + ob, orig, oe - ob) == 0,
              "\"%s\" in \"%s\" maps to \"%.*s\", want \"%s\"", sub, in,
              (int)(oe - ob), in + ob, orig);
}

Test(normalize, spans_map_to_the_original)
{
    expect_span("say k i l l now", "kill", "k i l l");
    expect_span("say k i l l now", "now", "now");
    expect_span("\xef\xbc\xab\xef\xbc\x91\xef\xbc\xac\xef\xbc\xac x", "kill",
                "\xef\xbc\xab\xef\xbc\x91\xef\xbc\xac\xef\xbc\xac");
    expect_span("so killlll them", "kill", "killlll");
    expect_span("a k\xe2\x80\x8bill b", "kill", "k\xe2\x80\x8bill");
    expect_span("a  \t b", " ", "  \t ");
    expect_span("the \xef\xac\x81ne print", "fi", "\xef\xac\x81");
    expect_span("the \xef\xac\x81ne print", "f", "\xef\xac\x81");
    expect_span("n\xc3\xafgger", "nigger", "n\xc3\xafgger");
    expect_span("go \xd1\x98\xd0\xb5ws", "jews", "\xd1\x98\xd0\xb5ws");
    expect_span("x \xf0\x9f\x90\x80 y", "\xf0\x9f\x90\x80",
                "\xf0\x9f\x90\x80");
    /* Joined letters keep their own sources: the i of "k.i.l.l". */
    cr_assert_eq(norm(&out, "k.i.l.l", 7), DECORUM_OK);
    cr_assert_eq(out.src_begin[1], 2);
    cr_assert_eq(out.src_end[1], 3);
    cr_assert_eq(out.how[1], DC_EV_SPACED);
    /* Per-byte bits: only the decoded digit is leet. */
    cr_assert_eq(norm(&out, "h4te", 4), DECORUM_OK);
    cr_assert_eq(out.how[0], 0);
    cr_assert_eq(out.how[1], DC_EV_LEET);
}

/* Each case again, placed so that its last byte is the last readable byte
 * before a PROT_NONE page: any read past the end faults. */
Test(normalize, guard_page)
{
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(m, MAP_FAILED);
    cr_assert_eq(mprotect(m + page, (size_t)page, PROT_NONE), 0);
    for (size_t k = 0; k < N_CASES; k++) {
        size_t len = strlen(cases[k].in);
        char *p = (char *)m + page - len;
        memcpy(p, cases[k].in, len);
        cr_assert_eq(norm(&out, p, len), DECORUM_OK);
        cr_expect_str_eq(out.text, cases[k].want);
    }
    /* Every prefix of a mixed input, so each lookahead meets the end. */
    static const char mixed[] = "k i l l k.i.l.l h4te f*ck \xd1\x98\xd0\xb5ws"
                                " haaaate 1st k\xcc\xb6 x";
    for (size_t len = 0; len < sizeof mixed; len++) {
        if (decorum_utf8_check(mixed, len, NULL) != DECORUM_OK)
            continue;
        char *p = (char *)m + page - len;
        memcpy(p, mixed, len);
        cr_assert_eq(norm(&out, p, len), DECORUM_OK);
        check_map(p, len, &out);
    }
    munmap(m, 2 * (size_t)page);
}

/* dc_normalize's output is padded (dc_norm.padded): ' ' before the text
 * and DC_NORM_PAD zero bytes after it, which the matcher and the model read
 * instead of copying the text, on every path and when a shorter text
 * follows a longer one in the same buffer (the chunk passes write whole
 * chunks past the end); the text of an ASCII input is ASCII. */
Test(normalize, padded)
{
    static char big[3000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = "Kill@ll th3 v3rmiiiin  NOW!\n"[i % 28];
    const struct {
        const char *s;
        size_t len;
    } inputs[] = {
#define IN(s) {"" s, sizeof(s) - 1}
        {big, sizeof big}, IN("they are vermin"), IN(""),
        IN("k i l l  them   all!!!"), IN("h4te y0u 1337 f*ck"),
        IN("\xd1\x98\xd0\xb5ws k\xcc\xb6ill"),
        IN("Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d"), IN("x")
#undef IN
    };
    for (int path = 0; path < 3; path++) {
        dc_normalizer_set_swar(nz, path != 0);
        dc_normalizer_set_avx2(nz, path == 2);
        for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
            cr_assert_eq(norm(&out, inputs[k].s, inputs[k].len), DECORUM_OK);
            cr_assert(out.padded, "path %d input %zu", path, k);
            cr_assert_eq(out.text[-1], ' ', "path %d input %zu", path, k);
            for (size_t j = 0; j < DC_NORM_PAD; j++)
                cr_assert_eq(out.text[out.len + j], 0,
                             "path %d input %zu byte %zu past the end", path,
                             k, j);
            for (size_t j = 0; out.ascii && j < out.len; j++)
                cr_assert_lt((unsigned char)out.text[j], 0x80,
                             "path %d input %zu byte %zu", path, k, j);
        }
    }
    dc_normalizer_set_swar(nz, true);
    dc_normalizer_set_avx2(nz, true);
}

/* The engine's lazy map is taken where it may be: a plain ASCII text the
 * first chunk pass finishes leaves its identity map unwritten (so the
 * comparisons in same_on_every_path test the lazy reads), and a text it
 * hands back writes the map. */
Test(normalize, lazy_map_taken)
{
    /* Only the AVX2 chunk pass leaves a map unwritten. */
    if (!dc_normalizer_set_avx2(nz, true))
        cr_skip_test("no AVX2 path on this CPU: every map is written");
    dc_normalizer_set_lazy_map(nz, true);
    cr_assert_eq(norm(&again, "they are vermin", 15), DECORUM_OK);
    cr_assert(again.ident_map, "plain ASCII text: the map left unwritten");
    cr_assert_eq(dc_norm_src_end(&again, 14), 15);
    cr_assert_eq(norm(&again, "k i l l  them", 13), DECORUM_OK);
    cr_assert(!again.ident_map, "spaced letters: the map written");
    dc_normalizer_set_lazy_map(nz, false);
    cr_assert_eq(norm(&out, "they are vermin", 15), DECORUM_OK);
    cr_assert(!out.ident_map, "without lazy maps, never");
}

Test(normalize, empty_and_misuse)
{
    cr_assert_eq(norm(&out, NULL, 0), DECORUM_OK);
    cr_assert_eq(out.len, 0);
    cr_assert_str_eq(out.text, "");
    cr_assert(out.ascii);
    cr_assert_eq(out.evasions, 0);
    cr_assert_eq(norm(&out, "   ", 3), DECORUM_OK);
    cr_assert_str_eq(out.text, "");
    cr_assert_eq(dc_normalize(&al, nz, ns, NULL, 3, BIG, &out),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(dc_normalize(&al, NULL, ns, "a", 1, BIG, &out),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(dc_normalize(&al, nz, NULL, "a", 1, BIG, &out),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(dc_normalize(&al, nz, ns, "a", 1, BIG, NULL),
                 DECORUM_ERR_INVALID);
    dc_normalizer_free(&al, NULL);
    dc_norm_scratch_free(&al, NULL);
    dc_norm_release(&al, NULL);
}

/* A word of one letter and 60,000 digits: no run that long is leet, so
 * the digits stay; each digit looks at most 3 digits each way (looking to
 * the ends of the run made this comment take 10 s). */
Test(normalize, long_digit_run_in_a_word)
{
    enum { N = 60000 };
    char *s = malloc(N + 3);
    cr_assert_not_null(s);
    s[0] = 'a';
    memset(s + 1, '1', N);
    s[N + 1] = 'b';
    s[N + 2] = 0;
    cr_assert_eq(norm(&out, s, N + 2), DECORUM_OK);
    cr_assert_eq(out.len, N + 2);
    cr_assert_str_eq(out.text, s);
    cr_assert_eq(out.evasions, 0);
    /* a run of two between letters inside the long text still reads */
    memcpy(s + 100, "p30ple", 6);
    cr_assert_eq(norm(&out, s, N + 2), DECORUM_OK);
    cr_assert(strstr(out.text, "people") != NULL);
    free(s);
}

Test(normalize, max_out)
{
    char buf[200];
    memset(buf, 'a', sizeof buf);
    cr_assert_eq(dc_normalize(&al, nz, ns, buf, 100, 100, &out),
                 DECORUM_ERR_TOOBIG);
    cr_assert_eq(out.len, 0);
    cr_assert_eq(dc_normalize(&al, nz, ns, buf, 100, 101, &out), DECORUM_OK);
    cr_assert_eq(out.len, 2); /* "aa": stretched */
    /* ﬁ is 3 bytes in, 2 out: 30 of them need 61 bytes of output. */
    char lig[90];
    for (int k = 0; k < 30; k++)
        memcpy(lig + 3 * k, "\xef\xac\x81", 3);
    cr_assert_eq(dc_normalize(&al, nz, ns, lig, 90, 60, &out),
                 DECORUM_ERR_TOOBIG);
    cr_assert_eq(dc_normalize(&al, nz, ns, lig, 90, 91, &out), DECORUM_OK);
    cr_assert_eq(out.len, 60);
    /* The engine's limit, 4 * len + 64, always holds: the worst expansion
     * is 4 bytes per input byte (U+337F ㍿ -> 株式会社). */
    char sq[300];
    for (int k = 0; k < 100; k++)
        memcpy(sq + 3 * k, "\xe3\x8d\xbf", 3);
    cr_assert_eq(dc_normalize(&al, nz, ns, sq, 300, 4 * 300 + 1, &out),
                 DECORUM_OK);
    cr_assert_eq(out.len, 1200);
}

/* After one call has sized the buffers, the same input again must not
 * allocate: every allocation from here on fails. */
Test(normalize, steady_state_allocates_nothing)
{
    const char *texts[] = {"an ASCII comment, k i l l h4te",
                           "\xd1\x98\xd0\xb5ws \xf0\x9f\x90\x80 k\xcc\xb6"};
    for (int k = 0; k < 2; k++) {
        cr_assert_eq(norm(&out, texts[k], strlen(texts[k])), DECORUM_OK);
        char first[128];
        snprintf(first, sizeof first, "%s", out.text);
        cnt.fail_at = cnt.calls + 1;
        for (int r = 0; r < 3; r++) {
            cr_assert_eq(norm(&out, texts[k], strlen(texts[k])), DECORUM_OK);
            cr_assert_str_eq(out.text, first);
        }
        cr_assert_eq(cnt.fail_at, cnt.calls + 1, "an allocation was tried");
        cnt.fail_at = 0;
    }
}

/* Random strings from pieces that exercise every rule, checked against the
 * invariants (a deterministic stand-in for the fuzzer). */
Test(normalize, random_pieces_keep_the_invariants)
{
    static const char *pieces[] = {
        "a", "k", "i", "l", "S", "x", "e", "1", "4", "0", "7", "8", " ", " ",
        ".", "-", "*", "#", "|", "@", "$", "!", "+", "'", "(", "\n", "\t",
        "\x01", "st", "\xd0\xb5", "\xd1\x98", "\xd0\xb4", "\xd0\x9a",
        "\xe2\x80\x8b", "\xcc\xb6", "\xcc\x88", "\xc3\xaf", "\xef\xbc\xab",
        "\xf0\x9d\x90\xa4", "\xf0\x9f\x90\x80", "\xef\xb8\x8f", "\xc2\xa0",
        "\xe2\x80\x99", "\xe2\x80\x94", "\xef\xac\x81", "\xe3\x8d\xbf",
        "\xef\xb7\xba", "\xe4\xb8\xad", "\xd8\xa7", "\xc2\xb7", "\xc2\xad",
        "hello", "WORLD", "kiiiill", "abcdefghij", "ssss", "Nope", "zz",
        "k. ", "a* ", "j- ", "3. "};
    const size_t np = sizeof pieces / sizeof *pieces;
    uint64_t r = 0x9e3779b97f4a7c15ull;
    char buf[512];
    for (int it = 0; it < 3000; it++) {
        size_t len = 0;
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        int n = (int)(r % 24);
        for (int k = 0; k < n; k++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            const char *p = pieces[r % np];
            size_t pl = strlen(p);
            memcpy(buf + len, p, pl);
            len += pl;
        }
        buf[len] = '\0';
        cr_assert_eq(norm(&out, buf, len), DECORUM_OK);
        check_map(buf, len, &out);
        same_on_every_path(buf, len);
    }
}

/* Comment-like text (words, single spaces, a few digits, symbols, emoji and
 * look-alikes) takes the sixteen-byte path; it must agree with the byte path
 * exactly. */
Test(normalize, word_paths_agree_on_comment_like_text)
{
    static const char *words[] = {
        "the", "Jews", "k1ll", "h4te", "@user", "RT", "hello!", "f*ck",
        "sh!t", "$hit", "ki||", "1488", "1st", "a", "I", "u", "r", "b4",
        "covid19", "F@#%", "#maga", "100%", "don't", "(((them)))", "x+y",
        "a+1", "c++", "www", "aaah", "k", "i", "l", "loooong", "U.S.A.",
        "k.i.l.l", "n#gg3r", "e.g.", "3.5", "-", "...", "WORD", "@", "$5",
        "k.", "j-", "a*", "B.", "3.", "I,", "x|",
        /* and some non-ASCII, for the same path over stage 1's output */
        "\xf0\x9f\x98\x82", "\xe2\x80\x9cquoted\xe2\x80\x9d", "caf\xc3\xa9",
        "\xd1\x98\xd0\xb5ws", "k\xe2\x80\x8bill", "\xef\xbc\xab\xef\xbc\x91LL",
        "\xe4\xb8\xad\xe5\x9b\xbd", "don\xe2\x80\x99t"};
    const size_t nw = sizeof words / sizeof *words;
    uint64_t r = 0x2545f4914f6cdd1dull;
    char buf[600];
    for (int it = 0; it < 20000; it++) {
        size_t len = 0;
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        int n = 1 + (int)(r % 30);
        for (int k = 0; k < n; k++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            const char *w = words[r % nw];
            size_t wl = strlen(w);
            if (len)
                buf[len++] = (r >> 20) % 50 == 0 ? '\n' : ' ';
            memcpy(buf + len, w, wl);
            len += wl;
        }
        buf[len] = '\0';
        cr_assert_eq(norm(&out, buf, len), DECORUM_OK);
        same_on_every_path(buf, len);
    }
}

/* The chunk passes look back across chunk edges (white space after white
 * space, a letter equal to the two before it, spaced-out letters, a digit
 * or symbol next to a letter) and end with a short or a full chunk. Plain
 * words, which the passes take, with a few pieces that trip those rules
 * written over them a few bytes either side of a multiple of 16, at every
 * length up to ten chunks, must come out of every path alike. The fast
 * path hands stretches with trouble to the byte path and takes over again
 * after them, so several pieces in a text test that too. */
Test(normalize, chunk_edges_agree_on_every_path)
{
    static const char *tricky[] = {
        "$ ", "a$", "a$5", "|", "l|", "4 ", "h4", "4h", "@u", "a@", "!", "a!a",
        "a+a", "+", "*", "f*c", "#m", "a#", "%", "50%", "00", "c00n", "1st",
        "k i l l", "k.i.l", "a b c", "1 2 3", "a-b-c", "aaa", "aAa", "  ",
        "k. i. l", "a* b* c", "j- e- w- s", "3. a. b", "B. I x", "a.b. c. d",
        "k i j. e. w", "I 'm", "n * * s", "k * k e", " s p _ c", " a - b c", " n * - r",
        " x * y * z", " n - - r", " a . b . c d", " * * *", " f @ # k",
        " \n", "\n", "\t", "\x01", "\x7f", "!!", "$$", "a@#%", "x", "7",
        "\xd0\xb5", "\xe2\x80\x8b", "\xf0\x9f\x98\x82", "\xe2\x80\x99"};
    const size_t nt = sizeof tricky / sizeof *tricky;
    uint64_t r = 0x5851f42d4c957f2dull;
    char buf[400];
    for (int it = 0; it < 60000; it++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        size_t len = 1 + (size_t)(r % (it & 1 ? 165 : 330));
        for (size_t k = 0; k < len; k++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            /* words of about five letters, now and then a digit */
            buf[k] = (r >> 24) % 6 == 0    ? ' '
                     : (r >> 32) % 16 == 0 ? (char)('0' + (r >> 40) % 10)
                                           : (char)('a' + (r >> 48) % 26);
        }
        int pieces = 1 + (int)((r >> 56) % 6);
        for (int q = 0; q < pieces; q++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            const char *t = tricky[r % nt];
            size_t tl = strlen(t);
            size_t at = 16 * ((r >> 16) % 21) + (r >> 24) % 9;
            if (at < 4 || at - 4 + tl > len)
                continue;
            memcpy(buf + at - 4, t, tl);
        }
        /* no white space at either end: those go to the reference path */
        if (buf[0] == ' ')
            buf[0] = 'x';
        if (buf[len - 1] == ' ')
            buf[len - 1] = 'y';
        buf[len] = '\0';
        if (decorum_utf8_check(buf, len, NULL) != DECORUM_OK)
            continue; /* a piece was written over part of another */
        cr_assert_eq(norm(&out, buf, len), DECORUM_OK);
        check_map(buf, len, &out);
        same_on_every_path(buf, len);
    }
}

/* s after 0 to 69 bytes of filler words ("abcde a..."; a space after
 * every seventh, and last too when space_last, so that s starts a word)
 * and before " and then some": every path normalizes it alike, with a
 * map that holds; when want is set, the output has it. */
static void at_every_offset(const char *s, bool space_last, const char *want)
{
    char buf[200];
    size_t cl = strlen(s);
    cr_assert_lt(cl + 70 + 14, sizeof buf);
    for (size_t shift = 0; shift < 70; shift++) {
        size_t len = 0;
        for (size_t k = 0; k < shift; k++)
            buf[len++] = k % 7 == 6 || (space_last && k + 1 == shift)
                             ? ' '
                             : (char)('a' + k % 5);
        memcpy(buf + len, s, cl);
        len += cl;
        memcpy(buf + len, " and then some", 14);
        len += 14;
        buf[len] = '\0';
        cr_assert_eq(norm(&out, buf, len), DECORUM_OK);
        check_map(buf, len, &out);
        same_on_every_path(buf, len);
        if (want)
            cr_expect(strstr(out.text, want) != NULL, "%s: %s", buf,
                      out.text);
    }
}

/* Spaced-out masked letters (masked_run() in normalize.c) and text that
 * looks like them, at each offset from a chunk's start, after a word or at
 * the start: every path must find them alike (the chunk passes send them
 * to fold() by their first three). */
Test(normalize, masked_runs_agree_on_every_path)
{
    static const char *runs[] = {
        "n * * * * * s", "k * k e", "k * k e s.", "n @ g g e r", "s p _ c",
        "n - - - r", "n * - - r", "f # # # k", "a * * b", "p * * * ed", "a d . c . x",
        "a - b c", "a - b - c d", "x * y * z", "a . b . c d e", "* * *",
        ". . . .", "a * * *", "5 * 3", "k * k j-e-w-s", "a b * * c d",
        "k i k e * s", "k * k e\nx", "n * * * * * s * * * * * n * *"};
    for (size_t c = 0; c < sizeof runs / sizeof *runs; c++)
        at_every_offset(runs[c], true, c == 0 ? "n*****s" : NULL);
}

/* Two spaces between words, which the AVX2 chunk pass collapses itself
 * (Q_PAIR in normalize.c), next to every rule that reads across a space
 * or a word's edge, at each offset from a chunk's start: the same text,
 * map and bits as the reference path. */
Test(normalize, double_spaces_agree_on_every_path)
{
    static const char *gaps[] = {
        "they  are vermin", "a  b c d e", "k  i  l  l them", "k i l l  them",
        "x.  y. z. w. v", "k. i. l.  l", "h4te  y0u", "f*ck  off", "f**  x",
        "haaaate  them", "aa  a", "a  aa", "1st  2nd", "I  'm", "u  s a",
        "end.  Next one", "a* b*  c* d*", "j- e-  w- s", "x  y", "ab  \ncd",
        "ab   cd", "ab  !! cd", "4  chan", "  lead", "trail  ", "a$  $5",
        "don't  you", "50%  off", "k  i  l  l  a  l  l  j  e  w  s",
        "n * *  s", "k * k e  s", "n * * s  x", "a  b * * c"};
    for (size_t c = 0; c < sizeof gaps / sizeof *gaps; c++)
        at_every_offset(gaps[c], false, NULL);
}

/* Contractions cut in two, which the AVX2 chunk pass looks for in its
 * input so that join_contractions() skips the texts with none (quick32()
 * in normalize.c), and the word rules can write ("r3" is "re"): at each
 * offset from a chunk's start, before more words and at the very end of
 * the text (a full last chunk hides an ending from the pass), every path
 * joins them alike. */
Test(normalize, contractions_agree_on_every_path)
{
    static const struct {
        const char *s, *want;
    } cuts[] = {
        {"don t", "don't"}, {"do n't", "don't"}, {"they 're", "they're"},
        {"they re", "they're"}, {"I m", NULL}, {"it s", "it's"},
        {"we d", "we'd"}, {"they 'll", "they'll"}, {"you 've", "you've"},
        {"CAN T", "can't"}, {"we 'RE", "we're"}, {"Wo N'T", "won't"},
        {"th3y r3", "they're"}, {"they r3!", "they're!"}, {"d0n t", "don't"},
        {"don t!!", "don't!!"}, {"they re.", "they're."}, {"it 5", NULL},
        {"don 7", NULL}, {"they rE", "they're"}, {"i 'm", "i'm"},
        {"x 're", NULL}, {"they reach", NULL}, {"don tell", NULL},
        {"r t", NULL}, {"a re", NULL}, {"'s 're 't", NULL}};
    char buf[200];
    for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
        at_every_offset(cuts[c].s, true, cuts[c].want);
        size_t cl = strlen(cuts[c].s);
        for (size_t shift = 0; shift < 100; shift++) {
            size_t len = 0;
            for (size_t k = 0; k < shift; k++) /* one word, no letter alone */
                buf[len++] = k + 1 == shift ? ' ' : (char)('a' + k % 5);
            memcpy(buf + len, cuts[c].s, cl);
            len += cl;
            buf[len] = '\0';
            cr_assert_eq(norm(&out, buf, len), DECORUM_OK);
            check_map(buf, len, &out);
            same_on_every_path(buf, len);
            if (cuts[c].want)
                cr_expect(strstr(out.text, cuts[c].want) != NULL, "%s: %s",
                          buf, out.text);
        }
    }
}

/* Fail the Nth allocation for every N through the whole life cycle: each
 * step either succeeds or reports DECORUM_ERR_NOMEM, and nothing leaks. */
Test(normalize, allocation_failure_at_every_step)
{
    /* This test manages its own objects. */
    dc_norm_release(&al, &out);
    dc_norm_scratch_free(&al, ns);
    dc_normalizer_free(&al, nz);
    nz = NULL;
    ns = NULL;
    char big[5000];
    for (size_t k = 0; k < sizeof big; k++)
        big[k] = "ab cd\xd0\xb5"[k % 7];
    big[sizeof big - 1] = 'x'; /* not half a Cyrillic letter */
    cr_assert_eq(decorum_utf8_check(big, sizeof big, NULL), DECORUM_OK);
    const struct {
        const char *s;
        size_t len;
    } inputs[] = {{"short ascii", 11},
                  {big, 3000},
                  {"\xd1\x98\xd0\xb5ws k\xcc\xb6", 11},
                  {big, sizeof big}};
    bool clean = false;
    for (size_t n = 1; !clean; n++) {
        cr_assert_lt(n, 1000, "never completed");
        memset(&cnt, 0, sizeof cnt);
        cnt.fail_at = n;
        dc_normalizer *z = NULL;
        dc_norm_scratch *s = NULL;
        dc_norm o = {0};
        bool failed = false;
        decorum_status st = dc_normalizer_new(&al, &z, NULL);
        if (st == DECORUM_OK)
            st = dc_norm_scratch_new(&al, z, &s);
        for (size_t k = 0; st == DECORUM_OK && k < 4; k++) {
            st = dc_normalize(&al, z, s, inputs[k].s, inputs[k].len, BIG, &o);
            if (st == DECORUM_OK)
                cr_assert_leq(o.len, inputs[k].len);
        }
        if (st != DECORUM_OK) {
            cr_assert_eq(st, DECORUM_ERR_NOMEM, "step %zu: %s", n,
                         decorum_strerror(st));
            failed = true;
            /* A failed call leaves a usable, empty result. */
            if (o.cap)
                cr_assert_str_eq(o.text, "");
        }
        dc_norm_release(&al, &o);
        dc_norm_scratch_free(&al, s);
        dc_normalizer_free(&al, z);
        cr_assert_eq(cnt.live, 0, "step %zu leaks %zu blocks", n, cnt.live);
        cr_assert_eq(cnt.bad_size, 0, "step %zu", n);
        clean = !failed && cnt.calls < n;
    }
    memset(&cnt, 0, sizeof cnt);
}

/* Threads share one normalizer and each has its own scratch: threads that
 * normalize look-alike text at once on a fresh normalizer each get the
 * text one thread alone gets (stage 1's tables are constant; a normalizer
 * is written only while it is built). The standard allocator: the
 * counting one is not thread-safe. */
#define RACERS 4

struct racer {
    const dc_alloc *al;
    const dc_normalizer *nz;
    pthread_barrier_t *go;
    char text[32];
    uint32_t evasions;
    int ok;
};

static void *race(void *arg)
{
    struct racer *r = arg;
    static const char look_alike[] = "\xD0\x9Aill \xD0\xB0ll"; /* Кill аll */
    dc_norm_scratch *s = NULL;
    dc_norm n;
    memset(&n, 0, sizeof n);
    int ok = dc_norm_scratch_new(r->al, r->nz, &s) == DECORUM_OK;
    pthread_barrier_wait(r->go);
    ok = ok && dc_normalize(r->al, r->nz, s, look_alike,
                            sizeof look_alike - 1, BIG, &n) == DECORUM_OK &&
         n.len < sizeof r->text;
    if (ok) {
        memcpy(r->text, n.text, n.len + 1);
        r->evasions = n.evasions;
    }
    r->ok = ok;
    dc_norm_release(r->al, &n);
    dc_norm_scratch_free(r->al, s);
    return NULL;
}

Test(normalize, threads_share_a_normalizer)
{
    dc_alloc std;
    dc_alloc_init(&std, NULL);
    for (int round = 0; round < 16; round++) {
        dc_normalizer *z = NULL;
        cr_assert_eq(dc_normalizer_new(&std, &z, NULL), DECORUM_OK);
        pthread_barrier_t go;
        cr_assert_eq(pthread_barrier_init(&go, NULL, RACERS), 0);
        struct racer r[RACERS];
        pthread_t th[RACERS];
        for (int i = 0; i < RACERS; i++) {
            r[i] = (struct racer){&std, z, &go, {0}, 0, 0};
            cr_assert_eq(pthread_create(&th[i], NULL, race, &r[i]), 0);
        }
        for (int i = 0; i < RACERS; i++)
            pthread_join(th[i], NULL);
        pthread_barrier_destroy(&go);
        dc_normalizer_free(&std, z);
        for (int i = 0; i < RACERS; i++) {
            cr_assert(r[i].ok, "round %d, thread %d", round, i);
            cr_assert_str_eq(r[i].text, "kill all", "round %d, thread %d",
                             round, i);
            cr_assert(r[i].evasions & DC_EV_CONFUSABLE);
        }
    }
}

/* Stage 1's tables (lib/ucd.h, written by tools/ucdgen.c at build time)
 * give what ICU gives (tools/ucd_ref.c) for every code point valid UTF-8
 * can hold: output, look-alike alternative, evasion bits and flags. The
 * tables store many entries as a distance to the code point and share
 * blocks, so each code point is decoded, not read back. */
Test(normalize, tables_as_icu_gives_them)
{
    char why[128];
    dc_ucd_ref *r = dc_ucd_ref_open(why, sizeof why);
    cr_assert_not_null(r, "%s", why);
    size_t n_cps = 0, n_mapped = 0;
    for (uint32_t cp = 0x80; cp < 0x110000; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff)
            continue;
        dc_ucd_cp want, got;
        memset(&want, 0, sizeof want);
        dc_ucd_ref_compute(r, cp, &want);
        dc_ucd_get(cp, &got);
        cr_assert_eq(got.len, want.len, "U+%04X", cp);
        cr_assert_eq(got.how, want.how, "U+%04X", cp);
        cr_assert_eq(got.flags, want.flags, "U+%04X", cp);
        cr_assert_eq(got.alt_len, want.alt_len, "U+%04X", cp);
        cr_assert_eq(memcmp(got.out, want.out, want.len), 0, "U+%04X", cp);
        cr_assert_eq(memcmp(got.alt, want.alt, want.alt_len), 0, "U+%04X", cp);
        n_cps++;
        char enc[4];
        size_t el = dc_utf8_encode(cp, enc);
        n_mapped += want.len != el || memcmp(want.out, enc, el) != 0;
    }
    cr_assert_eq(n_cps, 0x110000 - 0x80 - 0x800);
    /* Most code points pass through; thousands do not (case pairs,
     * compatibility forms, accented and look-alike letters, invisibles). */
    cr_assert_gt(n_mapped, 5000);
    dc_ucd_ref_close(r);
    /* ASCII, a surrogate and a value past U+10FFFF (which valid UTF-8
     * cannot hold) pass through as they are, with no flags. */
    static const uint32_t same[] = {0x41, 0xd800, 0x110000};
    for (size_t k = 0; k < sizeof same / sizeof *same; k++) {
        dc_ucd_cp got;
        char enc[4];
        dc_ucd_get(same[k], &got);
        size_t el = dc_utf8_encode(same[k], enc);
        cr_assert_eq(got.len, el, "0x%X", same[k]);
        cr_assert_eq(memcmp(got.out, enc, el), 0, "0x%X", same[k]);
        cr_assert_eq(got.how | got.flags | got.alt_len, 0, "0x%X", same[k]);
    }
}

/* The tables reach the text: a look-alike word, an accented one, a
 * fullwidth one and a zero-width joiner inside a word, with their evasion
 * bits and the source bytes of their first and last output bytes. */
Test(normalize, tables_in_text)
{
    static const struct {
        const char *in, *out;
        uint32_t evasions;
        uint32_t first_end, last_begin; /* source offsets */
    } texts[] = {
        /* Cyrillic je, ie */
        {"\xd1\x98\xd0\xb5ws", "jews", DC_EV_CONFUSABLE, 2, 5},
        /* e grave: a precomposed letter is a look-alike too */
        {"cr\xc3\xa8me", "creme", DC_EV_CONFUSABLE, 1, 5},
        /* fullwidth k i */
        {"\xef\xbd\x8b\xef\xbd\x89ll", "kill", DC_EV_CONFUSABLE, 3, 7},
        /* zero-width joiner: removed, mapped with the i before it */
        {"ki\xe2\x80\x8dll", "kill", DC_EV_INVISIBLE, 1, 6},
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        cr_assert_eq(norm(&out, texts[k].in, strlen(texts[k].in)), DECORUM_OK);
        cr_assert_eq(out.len, strlen(texts[k].out), "case %zu", k);
        cr_assert_eq(memcmp(out.text, texts[k].out, out.len), 0, "case %zu: %.*s",
                     k, (int)out.len, out.text);
        cr_assert_eq(out.evasions, texts[k].evasions, "case %zu", k);
        cr_assert_eq(dc_norm_src_begin(&out, 0), 0, "case %zu", k);
        cr_assert_eq(dc_norm_src_end(&out, 0), texts[k].first_end, "case %zu", k);
        cr_assert_eq(dc_norm_src_begin(&out, out.len - 1), texts[k].last_begin,
                     "case %zu", k);
        cr_assert_eq(dc_norm_src_end(&out, out.len - 1), strlen(texts[k].in),
                     "case %zu", k);
    }
}

/* The seed thread line by line, and random texts of lengths 0-300 (fixed
 * seed): printable ASCII, any byte but NUL, valid UTF-8, and ' and * among
 * letters with runs of spaces, each read from every start offset 0-63 so
 * that it ends at every alignment of 16, 32 and 64 bytes: the default
 * (AVX2 where the CPU has it), SSE2 and byte paths must agree exactly. */
Test(normalize, seed_thread_and_random_bytes_agree_on_every_path)
{
    static char area[64 + 512];
    char line[2048];
    FILE *f = fopen(DECORUM_SOURCE_DIR "/tests/data/seed-thread.jsonl", "rb");
    cr_assert(f, "the seed thread");
    int lines = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        size_t len = strlen(line);
        cr_assert_eq(norm(&out, line, len), DECORUM_OK);
        same_on_every_path(line, len);
    }
    fclose(f);
    cr_assert_gt(lines, 10);
    static const char *const cps[] = {
        "a", "Q", "7", " ", "'", "*", "\xc3\xa9", "\xd0\xb6", "\xe2\x80\x9c",
        "\xe2\x80\x99", "\xf0\x9f\x90\x80", "\xcc\xb6", "\xe2\x80\x8b"};
    uint64_t r = 0x853c49e6748fea9bull;
    for (int it = 0; it < 1200; it++) {
        size_t want = (size_t)(rt_next(&r) % 301),
               off = (size_t)(it % 64);
        char *buf = area + off;
        size_t len = rt_text(buf, want, it % 4, cps,
                                 sizeof cps / sizeof *cps, &r);
        buf[len] = '\0';
        decorum_status st = norm(&out, buf, len);
        if (st != DECORUM_OK) {
            /* bytes that are not UTF-8: refused alike on the byte path */
            cr_assert_eq(it % 4, 1, "status %d on \"%s\"", (int)st, buf);
            dc_normalizer_set_swar(nz, false);
            dc_normalizer_set_avx2(nz, false);
            cr_assert_eq(norm(&again, buf, len), st);
            dc_normalizer_set_swar(nz, true);
            dc_normalizer_set_avx2(nz, true);
            continue;
        }
        same_on_every_path(buf, len);
    }
}
