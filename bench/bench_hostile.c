/*
 * bench_hostile.c: how the analysis grows on the longest comments the
 * engine takes, made of one phrase said over and over. A rule that reads
 * the whole sentence for each of its words is quadratic, and a 64 KiB
 * chant of "kill all the jews" once took 28 s; this program finds such
 * paths before a site's readers do.
 *
 *   bench_hostile [--top N] [CORPUS]
 *
 * Phrases: every term of the built-in lexicon, a list of chants below, and
 * the first 300 texts of CORPUS when given. Each phrase, followed by a
 * space, is repeated to 16 KiB and to 64 KiB (cut at a character boundary)
 * and analyzed with decorum_analyze, the faster of two runs each. A term
 * that needs no word boundary (it starts and ends with a byte that is not
 * an ASCII letter or digit: emoji, symbols, "(((") and the joined chants
 * are also repeated with no space, as one token: 64 KiB of axe emoji once
 * took 2.5G instructions that way. Printed: the N slowest at 64 KiB (30
 * unless --top says) with their growth (time at 64 KiB over time at 16
 * KiB: 4 is linear, 16 quadratic), the total, and `result` lines for
 * bench/run.sh. The fastest growth is only taken among phrases that take
 * over 1 ms, below which the clock says little. Times are on the wall
 * clock, or in the thread's CPU time with BENCH_CLOCK=thread.
 */
#include "corpus.h"
#include "dcx_utf8.h"
#include "decorum_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Patterns found slow once, and their like: the rule layer's sentence
 * scans run per attack, per target and per pronoun. */
static const char *const chants[] = {
    "kill all the jews",   "killalljews",     "they are not vermin",
    "muslims are rats",    "aren't jews vermin?", "kys",
    "they",                "not",             "the the",
    "(((them)))",          "go back home",    "jews control the media",
    "nwo",                 "\"kill them\" he said", "they are they are",
    "no muslim",           "gays and lesbians", "f a g",
    "Who controls the media? The Jews.", "1 2 3 4 5 6 7 8 9 0",
    "n * * * * * s",       "k * k e",         "a * b * c",
    "a . b . c . d",       "x @ y",           "n _ _ g e r",
    "n - - - r",           "a*b",             "s_h_i_t",
    "dyke is a slur",
};

/* Repeated with no space between copies. One long masked token ("x*y"
 * to 64 KiB) was quadratic: on_run looked for the masked word's end again
 * at every run inside it (4.8G instructions). The others are its kin: '*'
 * and the strong masks, quotes and hyphens inside words, split fragments. */
static const char *const joined_chants[] = {
    "\xF0\x9F\x90\x99\xF0\x9F\xAA\x93", /* octopus (a code), axe (a threat) */
    "(((x)))", "x*y", "n*gg*r", "*", "#@", "a#@b", "'", "-", "a'b", "x'*y",
    "ki-", "sp-ic-",
};

#define SMALL (16 * 1024)
#define BIG (64 * 1024)

typedef struct probe {
    const char *phrase;
    size_t len;
    bool joined; /* no space between copies */
    double small_s, big_s;
} probe;

/* phrase (+ ' ' unless joined) repeated to at most cap bytes, cut after a
 * whole copy or at a UTF-8 character boundary. */
static size_t fill(char *buf, size_t cap, const char *p, size_t n,
                   bool joined)
{
    size_t o = 0, sep = joined ? 0 : 1;
    while (o < cap) {
        size_t k = n + sep <= cap - o ? n + sep : cap - o;
        memcpy(buf + o, p, k < n ? k : n);
        if (k > n)
            buf[o + n] = ' ';
        o += k;
    }
    /* the last character: kept whole, dropped when the cap cut it */
    size_t lead = o;
    while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0 && ((unsigned char)buf[lead - 1] & 0x80) &&
        dcx_utf8_seq((const unsigned char *)buf + lead - 1, o - lead + 1) !=
            o - lead + 1)
        o = lead - 1;
    return o;
}

/* Every result is folded into this, printed at the end and compared
 * between the two runs of each text, so no analysis is skipped. */
static uint64_t checksum;

/* bench_now, or bench_thread_now with BENCH_CLOCK=thread: on a shared
 * machine the thread's CPU time leaves out what other processes took. */
static double (*now)(void) = bench_now;

static double time_one(const decorum_engine *e, decorum_scratch *s,
                       const char *t, size_t n)
{
    uint64_t first = 0;
    double best = 1e9;
    for (int r = 0; r < 2; r++) {
        const decorum_result *res;
        decorum_error err;
        double t0 = now();
        decorum_status st = decorum_analyze(e, s, t, n, NULL, &res, &err);
        double dt = now() - t0;
        if (st != DECORUM_OK) {
            fprintf(stderr, "bench_hostile: %s\n", err.message);
            exit(2);
        }
        if (dt < best)
            best = dt;
        uint64_t h = bench_mix_result(0, res);
        if (r == 0)
            first = h;
        else if (h != first) {
            fprintf(stderr, "bench_hostile: two runs of one text differ\n");
            exit(1);
        }
    }
    checksum = bench_mix(checksum, first);
    return best;
}

/* An ASCII letter or digit: a byte next to which a term needs a word
 * boundary. */
static bool word_byte(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9');
}

static int by_big_desc(const void *a, const void *b)
{
    const probe *x = a, *y = b;
    return (x->big_s < y->big_s) - (x->big_s > y->big_s);
}

int main(int argc, char **argv)
{
    decorum_engine *e;
    decorum_scratch *s;
    decorum_error err;
    if (decorum_engine_open(NULL, &e, &err) != DECORUM_OK ||
        decorum_scratch_alloc(e, &s, &err) != DECORUM_OK) {
        fprintf(stderr, "bench_hostile: %s\n", err.message);
        return 2;
    }
    /* Thirty: one slow rule fills the first places with its terms, and
     * another that re-reads per mention can sit below the tenth. */
    size_t top = 30;
    const char *path = NULL;
    for (int a = 1; a < argc; a++) {
        char *end;
        if (strcmp(argv[a], "--top") == 0 && a + 1 < argc) {
            unsigned long v = strtoul(argv[++a], &end, 10);
            if (*end || v == 0) {
                fprintf(stderr, "bench_hostile: --top wants a count\n");
                return 2;
            }
            top = v;
        } else if (argv[a][0] == '-' || path) {
            fprintf(stderr, "usage: bench_hostile [--top N] [CORPUS]\n");
            return 2;
        } else
            path = argv[a];
    }
    const char *clk = getenv("BENCH_CLOCK");
    if (clk && strcmp(clk, "thread") == 0)
        now = bench_thread_now;
    bench_corpus c = {0};
    size_t from_corpus = 0;
    if (path) {
        bench_corpus_load(path, &c);
        from_corpus = c.n < 300 ? c.n : 300;
    }
    const dc_lexicon *lx = dc_engine_lexicon(e);
    size_t nchant = sizeof chants / sizeof chants[0];
    size_t njoined = sizeof joined_chants / sizeof joined_chants[0];
    size_t np = 2 * lx->n + nchant + njoined + from_corpus;
    probe *pv = calloc(np, sizeof *pv);
    char *buf = malloc(BIG);
    if (!pv || !buf) {
        fprintf(stderr, "bench_hostile: out of memory\n");
        return 2;
    }
    size_t k = 0;
    for (size_t i = 0; i < lx->n; i++) {
        const dc_entry *en = &lx->entries[i];
        pv[k++] = (probe){en->term, en->term_len, false, 0, 0};
        if (en->term_len && !word_byte(en->term[0]) &&
            !word_byte(en->term[en->term_len - 1]))
            pv[k++] = (probe){en->term, en->term_len, true, 0, 0};
    }
    for (size_t i = 0; i < nchant; i++)
        pv[k++] = (probe){chants[i], strlen(chants[i]), false, 0, 0};
    for (size_t i = 0; i < njoined; i++)
        pv[k++] = (probe){joined_chants[i], strlen(joined_chants[i]), true,
                          0, 0};
    for (size_t i = 0; i < from_corpus; i++)
        pv[k++] = (probe){c.v[i].p, c.v[i].len, false, 0, 0};
    np = k;

    double total = 0, t0 = bench_now();
    for (size_t i = 0; i < np; i++) {
        if (!pv[i].len)
            continue;
        size_t n = fill(buf, SMALL, pv[i].phrase, pv[i].len, pv[i].joined);
        pv[i].small_s = time_one(e, s, buf, n);
        n = fill(buf, BIG, pv[i].phrase, pv[i].len, pv[i].joined);
        pv[i].big_s = time_one(e, s, buf, n);
        total += pv[i].big_s;
    }
    double wall = bench_now() - t0;
    qsort(pv, np, sizeof *pv, by_big_desc);

    printf("%zu phrases (%zu lexicon terms, %zu chants, %zu corpus texts, "
           "%zu terms also repeated with no space), each repeated to 16 KiB and "
           "64 KiB; %.1f s in all\n",
           np, lx->n, nchant + njoined, from_corpus,
           np - lx->n - nchant - njoined - from_corpus, wall);
    printf("slowest at 64 KiB:\n");
    double worst_growth = 0;
    size_t worst = np;
    for (size_t i = 0; i < np; i++) {
        double g = pv[i].small_s > 0 ? pv[i].big_s / pv[i].small_s : 0;
        if (pv[i].big_s > 1e-3 && g > worst_growth) {
            worst_growth = g;
            worst = i;
        }
        if (i < top) {
            int shown = pv[i].len > 40 ? 40 : (int)pv[i].len;
            printf("  %8.2f ms  growth %5.1f  \"%.*s%s\"%s\n",
                   pv[i].big_s * 1e3, g, shown, pv[i].phrase,
                   pv[i].len > 40 ? "..." : "",
                   pv[i].joined ? " (no space)" : "");
        }
    }
    if (worst < np) {
        int shown = pv[worst].len > 40 ? 40 : (int)pv[worst].len;
        printf("fastest growth: %.1f, %.2f ms at 64 KiB, \"%.*s%s\"%s\n",
               worst_growth, pv[worst].big_s * 1e3, shown, pv[worst].phrase,
               pv[worst].len > 40 ? "..." : "",
               pv[worst].joined ? " (no space)" : "");
    }
    printf("checksum %016llx\n", (unsigned long long)checksum);
    printf("result hostile_max_ms %.2f\n", np ? pv[0].big_s * 1e3 : 0.0);
    printf("result hostile_mean_ms %.3f\n", np ? total * 1e3 / (double)np : 0.0);
    printf("result hostile_max_growth %.1f\n", worst_growth);
    free(buf);
    free(pv);
    bench_corpus_free(&c);
    decorum_scratch_free(s);
    decorum_engine_free(e);
    return 0;
}
