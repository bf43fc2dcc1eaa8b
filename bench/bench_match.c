/*
 * bench_match.c: load time and scan speed of the matcher (lib/match.c).
 *
 *   bench_match CORPUS.txt [ROUNDS] [SYNTHETIC_TERMS]
 *
 * CORPUS.txt holds one comment a line (bench/make_corpus.sh writes one).
 * Every comment is normalized once with the real normalizer, outside the
 * timing; then dc_match runs over all of them ROUNDS times (default 20)
 * through one scratch, the way the engine calls it. A checksum over every
 * hit must come out the same in every round, which keeps the work from
 * being optimized away and checks that buffer reuse is sound.
 *
 * Reported: lexicon load, matcher load from the embedded blob, a
 * runtime compile of the same patterns (dc_matcher_blob: what a custom
 * lexicon directory costs), and the same for a synthetic lexicon of
 * SYNTHETIC_TERMS (default 2500) dictionary words spread over the kinds,
 * to see how the figures scale before the real lexicon is that large.
 *
 * Build (it uses the library's internal interface; BUILD is a configured
 * build directory, for its generated builtin_*.c):
 *   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Ilib \
 *      bench/bench_match.c lib/alloc.c lib/names.c lib/utf8.c \
 *      lib/lexicon.c lib/match.c lib/normalize.c lib/split.c \
 *      BUILD/builtin_lexicon.c BUILD/builtin_lexdb.c BUILD/builtin_matchdb.c \
 *      BUILD/builtin_words.c BUILD/builtin_ucd.c -o bench_match \
 *      $(pkg-config --cflags --libs libhs)
 */
#include "decorum_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Scans are timed in this thread's CPU time: the build machine is shared,
 * and wall time would count the time other jobs hold the core. */
static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void die(const char *what, const decorum_error *err)
{
    fprintf(stderr, "bench_match: %s: %s\n", what, err ? err->message : "");
    exit(1);
}

typedef struct corpus {
    dc_norm *v;
    size_t n, cap, bytes;
} corpus;

static void read_corpus(const dc_alloc *al, const char *path, corpus *c)
{
    decorum_error err;
    dc_normalizer *nz = NULL;
    dc_norm_scratch *ns = NULL;
    if (dc_normalizer_new(al, &nz, &err) != DECORUM_OK)
        die("normalizer", &err);
    if (dc_norm_scratch_new(al, nz, &ns) != DECORUM_OK)
        die("normalizer scratch", NULL);
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            len--;
        if (decorum_utf8_check(line, (size_t)len, NULL) != DECORUM_OK)
            continue;
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 1024;
            c->v = realloc(c->v, c->cap * sizeof *c->v);
            if (!c->v)
                die("out of memory", NULL);
        }
        dc_norm *n = &c->v[c->n];
        memset(n, 0, sizeof *n);
        if (dc_normalize(al, nz, ns, line, (size_t)len, 1u << 22, n) !=
            DECORUM_OK)
            continue;
        c->bytes += (size_t)len;
        c->n++;
    }
    free(line);
    fclose(f);
    dc_norm_scratch_free(al, ns);
    dc_normalizer_free(al, nz);
}

static uint64_t scan_all(const dc_alloc *al, const dc_matcher *m,
                         dc_match_scratch *ms, const corpus *c, dc_hitvec *hv,
                         size_t *hits)
{
    uint64_t sum = 0;
    *hits = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (dc_match(al, m, ms, &c->v[i], hv) != DECORUM_OK)
            die("dc_match", NULL);
        *hits += hv->n;
        for (size_t k = 0; k < hv->n; k++)
            sum = sum * 31 + hv->v[k].begin + hv->v[k].end * 7u +
                  hv->v[k].entry * 13u + hv->v[k].how;
    }
    return sum;
}

static void report(const char *name, const dc_alloc *al, const dc_lexicon *lx,
                   const corpus *c, int rounds)
{
    decorum_error err;
    dc_matcher *m = NULL;
    dc_match_scratch *ms = NULL;
    double t0 = now_ms();
    if (dc_matcher_new(al, lx, &m, &err) != DECORUM_OK)
        die("dc_matcher_new", &err);
    double t1 = now_ms();
    dc_matcher_stats st;
    dc_matcher_get_stats(m, &st);
    unsigned char *blob = NULL;
    size_t blob_len = 0;
    double t2 = now_ms();
    decorum_status bst = dc_matcher_blob(al, lx, &blob, &blob_len, &err);
    if (bst != DECORUM_OK && bst != DECORUM_ERR_EMPTY) /* EMPTY: no database */
        die("dc_matcher_blob", &err);
    double t3 = now_ms();
    dc_free(al, blob, blob_len);
    printf("%s: %zu entries, %zu terms, %zu patterns (%zu verb forms, %zu "
           "fuzzy, %zu masked, %zu suppressed; %zu in the database, the "
           "rest looked up as words), database %.1f MB\n",
           name, st.entries, st.terms, st.patterns, st.inflected, st.fuzzy,
           st.masked, st.suppressed, st.compiled, (double)st.db_bytes / 1e6);
    printf("  dc_matcher_new %.1f ms (%s); compile+serialize %.0f ms\n",
           t1 - t0, st.precompiled ? "embedded matcher" : "built and compiled",
           t3 - t2);
    if (dc_match_scratch_new(al, m, &ms) != DECORUM_OK)
        die("scratch", NULL);
    dc_hitvec hv = {0};
    size_t hits = 0;
    double c0 = cpu_ms();
    uint64_t want = scan_all(al, m, ms, c, &hv, &hits); /* warm up */
    double cold = cpu_ms() - c0; /* a new scratch: its memo is empty */
    double best = 1e300;
    for (int r = 0; r < rounds; r++) {
        double a = cpu_ms();
        size_t h2;
        if (scan_all(al, m, ms, c, &hv, &h2) != want || h2 != hits)
            die("checksum differs between rounds", NULL);
        double d = cpu_ms() - a;
        if (d < best)
            best = d;
    }
    printf("  scan: %zu comments, %.1f MB: %.0f ns/comment, %.0f MB/s, "
           "%.2f M comments/s, %.2f hits/comment (best of %d, CPU time; "
           "first round with a new scratch %.0f ns/comment)\n",
           c->n, (double)c->bytes / 1e6, best * 1e6 / (double)c->n,
           (double)c->bytes / 1e3 / best, (double)c->n / best / 1e3,
           (double)hits / (double)c->n, rounds, cold * 1e6 / (double)c->n);
    dc_hitvec_release(al, &hv);
    dc_match_scratch_free(al, ms);
    dc_matcher_free(al, m);
}

/* A synthetic lexicon: dictionary words spread over the kinds the way a
 * real one is (about half in kinds that get misspelling variants). */
static void synthetic(const dc_alloc *al, size_t terms, dc_lexicon *lx)
{
    static const char *const kinds[] = {
        "identity", "slur",     "dehumanize", "derogate",  "threat",
        "insult",   "profanity", "conspiracy", "code",     "person",
        "object",   "glue",      "positive",   "denounce", "nonprotected",
        "report",   "allow",     "quantifier", "humanity", "migration"};
    FILE *f = fopen("/usr/share/dict/words", "r");
    if (!f) {
        perror("/usr/share/dict/words");
        exit(1);
    }
    char **words = NULL;
    size_t n = 0, cap = 0;
    char buf[128];
    while (fgets(buf, sizeof buf, f)) {
        size_t len = strcspn(buf, "\n");
        buf[len] = '\0';
        bool ok = len >= 2;
        for (size_t i = 0; i < len && ok; i++)
            ok = buf[i] >= 'a' && buf[i] <= 'z';
        if (!ok)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            words = realloc(words, cap * sizeof *words);
            if (!words)
                die("out of memory", NULL);
        }
        words[n++] = strdup(buf);
    }
    fclose(f);
    size_t stride = n / terms ? n / terms : 1, size = terms * 160, o = 0;
    char *text = malloc(size);
    if (!text)
        die("out of memory", NULL);
    for (size_t i = 0, k = 0; i < n && k < terms; i += stride, k++) {
        int w = snprintf(text + o, size - o, "%s\t%s\t-\t2\t%s\tsynthetic\n",
                         words[i], kinds[k % (sizeof kinds / sizeof *kinds)],
                         k % 7 == 0 ? "verb" : "-");
        if (w < 0 || (size_t)w >= size - o)
            die("synthetic lexicon overflow", NULL);
        o += (size_t)w;
    }
    decorum_error err;
    memset(lx, 0, sizeof *lx);
    if (dc_lexicon_parse(al, lx, "synthetic.tsv", text, o, &err) != DECORUM_OK)
        die("synthetic lexicon", &err);
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
    free(text);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_match CORPUS.txt [ROUNDS] "
                        "[SYNTHETIC_TERMS]\n");
        return 2;
    }
    int rounds = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 20;
    size_t synth = argc > 3 ? (size_t)strtoul(argv[3], NULL, 10) : 2500;
    if (rounds < 1)
        rounds = 1;
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    corpus c = {0};
    read_corpus(&al, argv[1], &c);
    decorum_error err;
    dc_lexicon lx;
    double t0 = now_ms();
    if (dc_lexicon_load(&al, &lx, NULL, &err) != DECORUM_OK)
        die("built-in lexicon", &err);
    printf("built-in lexicon: %zu files, %zu entries, parsed in %.2f ms\n",
           dc_builtin_lexicon_count, lx.n, now_ms() - t0);
    if (lx.n)
        report("built-in", &al, &lx, &c, rounds);
    dc_lexicon_free(&al, &lx);
    if (synth) {
        synthetic(&al, synth, &lx);
        report("synthetic", &al, &lx, &c, rounds);
        dc_lexicon_free(&al, &lx);
    }
    for (size_t i = 0; i < c.n; i++)
        dc_norm_release(&al, &c.v[i]);
    free(c.v);
    return 0;
}
