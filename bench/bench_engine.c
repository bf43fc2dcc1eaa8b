/*
 * bench_engine.c: throughput of the whole analysis over the bench corpus,
 * on one thread and on several, plus engine load time and peak RSS.
 *
 *   bench_engine [-r ROUNDS] [-t THREADS,...] [-l LOADS] [-b BATCH] [-w]
 *                CORPUS
 *
 * Comments are analyzed BATCH at a time with decorum_analyze_batch
 * (default DECORUM_BATCH_MAX, as `decorum score` does); one thread is also
 * timed with decorum_analyze, one comment a call ("1 x1" in the table).
 *
 * CORPUS is bench/out/corpus.jsonl (bench/make_corpus.sh). Every comment is
 * analyzed ROUNDS times (default 5) after one warm-up pass. For each thread
 * count T (default: 1, 2 and nproc) the corpus is split between T threads,
 * each with its own scratch on the one shared engine, and the wall time of
 * each pass over the corpus is taken; the fastest pass is reported (the
 * machine is shared: a slowed-down pass measures the neighbours). Every
 * result is folded into a checksum; each pass's sum over threads must
 * equal the single-thread one, so the work cannot be optimized away and a
 * data race that changes a verdict is caught (the program exits 1).
 *
 * Each pass normally gives every thread a new scratch, as a new `decorum
 * score` process does: its memo and word cache start empty and its pages
 * are faulted in again. With -w each thread keeps its scratch from pass
 * to pass, as a server's scratch pool does, and every thread count gets
 * one untimed pass first: the steady state, where what is left of the
 * scaling loss is not the cold start's.
 *
 * Load time is the minimum over LOADS (default 20) decorum_engine_open()
 * calls with the built-in lexicons and model; the first (cold) one is
 * shown too. Peak RSS is getrusage()'s, read after the engine and one
 * scratch are loaded (before the corpus is read) and at the end.
 *
 * Output: a table for people, then "key value" lines (prefix "result ")
 * that bench/run.sh and docs/BENCHMARKS.md take their figures from.
 */
#include "corpus.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct worker {
    const decorum_engine *eng;
    const bench_corpus *c;
    size_t first, stride;
    int rounds;
    size_t batch; /* comments a call; 1: decorum_analyze */
    uint64_t checksum; /* per comment index, summed: order-free across threads */
    size_t analyzed;
    decorum_status failed;
    size_t failed_at;
    decorum_scratch *keep; /* -w: this thread's scratch, kept; else NULL */
} worker;

/* -w: the scratch of each thread slot, made once and kept. */
static decorum_scratch *kept[256];

/* The checksum of one comment's result, so that a multi-threaded sum of
 * per-comment checksums matches the single-threaded one. */
static uint64_t one(uint64_t idx, const decorum_result *r)
{
    return bench_mix_result(bench_mix(0, idx), r);
}

static void *work(void *arg)
{
    worker *w = arg;
    decorum_scratch *s = w->keep;
    decorum_error err[DECORUM_BATCH_MAX];
    if (!s && decorum_scratch_alloc(w->eng, &s, err) != DECORUM_OK) {
        w->failed = err[0].status;
        return NULL;
    }
    decorum_item items[DECORUM_BATCH_MAX];
    size_t idx[DECORUM_BATCH_MAX];
    const decorum_result *res[DECORUM_BATCH_MAX];
    decorum_status st[DECORUM_BATCH_MAX];
    for (int r = 0; r < w->rounds; r++)
        for (size_t i = w->first; i < w->c->n;) {
            size_t k = 0;
            for (; k < w->batch && i < w->c->n; k++, i += w->stride) {
                items[k] = (decorum_item){w->c->v[i].p, w->c->v[i].len, NULL};
                idx[k] = i;
            }
            if (w->batch == 1)
                st[0] = decorum_analyze(w->eng, s, items[0].text, items[0].len,
                                        NULL, &res[0], err);
            else if (decorum_analyze_batch(w->eng, s, items, k, res, st,
                                           err) != DECORUM_OK)
                st[0] = err[0].status;
            for (size_t j = 0; j < k; j++) {
                if (st[j] != DECORUM_OK) {
                    w->failed = st[j];
                    w->failed_at = idx[j];
                    goto out;
                }
                w->checksum += one(idx[j], res[j]);
                w->analyzed++;
            }
        }
out:
    if (!w->keep)
        decorum_scratch_free(s);
    return NULL;
}

/* The clock of the timed passes: the wall clock, or with BENCH_CLOCK=cpu
 * the process's CPU time (all threads), which on a shared machine leaves
 * out the time other processes held the CPU: with one thread, A/B
 * comparisons of two builds scatter less. */
static double (*pass_now)(void) = bench_now;

/* Runs rounds over the corpus with t threads; returns seconds, or a
 * negative value on failure. */
static double run(const decorum_engine *eng, const bench_corpus *c,
                  unsigned t, int rounds, size_t batch, bool warm,
                  uint64_t *checksum)
{
    worker *w = calloc(t, sizeof *w);
    pthread_t *th = calloc(t, sizeof *th);
    if (!w || !th) {
        free(w);
        free(th);
        return -1;
    }
    for (unsigned k = 0; k < t; k++) {
        decorum_error err;
        if (warm && !kept[k] &&
            decorum_scratch_alloc(eng, &kept[k], &err) != DECORUM_OK) {
            free(w);
            free(th);
            return -1;
        }
        w[k] = (worker){eng,       c, k, t, rounds, batch, 0, 0, DECORUM_OK,
                        0,         warm ? kept[k] : NULL};
    }
    double t0 = pass_now();
    unsigned started = 0;
    for (; started < t; started++)
        if (pthread_create(&th[started], NULL, work, &w[started]) != 0)
            break;
    for (unsigned k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    double secs = pass_now() - t0;
    uint64_t sum = 0;
    int bad = started != t;
    for (unsigned k = 0; k < t; k++) {
        sum += w[k].checksum;
        if (w[k].failed != DECORUM_OK) {
            fprintf(stderr, "bench_engine: comment %zu: %s\n", w[k].failed_at,
                    decorum_strerror(w[k].failed));
            bad = 1;
        }
    }
    *checksum = sum;
    free(w);
    free(th);
    return bad ? -1 : secs;
}

int main(int argc, char **argv)
{
    int rounds = 5, loads = 20;
    long batch = DECORUM_BATCH_MAX;
    unsigned threads[8];
    size_t n_threads = 0;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (ncpu < 1)
        ncpu = 1;
    int opt;
    bool warm = false;
    while ((opt = getopt(argc, argv, "r:t:l:b:w")) != -1) {
        switch (opt) {
        case 'w':
            warm = true;
            break;
        case 'b':
            batch = strtol(optarg, NULL, 10);
            break;
        case 'r':
            rounds = (int)strtol(optarg, NULL, 10);
            break;
        case 'l':
            loads = (int)strtol(optarg, NULL, 10);
            break;
        case 't':
            if (bench_parse_threads(optarg, threads, 8, &n_threads, 256) != 0) {
                fprintf(stderr, "bench_engine: bad -t %s\n", optarg);
                return 2;
            }
            break;
        default:
            goto usage;
        }
    }
    if (optind != argc - 1 || rounds < 1 || loads < 1 || batch < 1 ||
        batch > (long)DECORUM_BATCH_MAX)
        goto usage;
    if (!n_threads) {
        threads[n_threads++] = 1;
        threads[n_threads++] = 2;
        if (ncpu > 2)
            threads[n_threads++] = (unsigned)ncpu;
    }

    /* Load time first, before anything else has warmed the caches. */
    decorum_error err;
    double load_min = 1e9, load_first = 0;
    for (int i = 0; i < loads; i++) {
        decorum_engine *e = NULL;
        double t0 = bench_now();
        if (decorum_engine_open(NULL, &e, &err) != DECORUM_OK) {
            fprintf(stderr, "bench_engine: engine: %s\n", err.message);
            return 2;
        }
        double dt = bench_now() - t0;
        decorum_engine_free(e);
        if (i == 0)
            load_first = dt;
        if (dt < load_min)
            load_min = dt;
    }
    decorum_engine *eng = NULL;
    decorum_scratch *probe = NULL;
    if (decorum_engine_open(NULL, &eng, &err) != DECORUM_OK ||
        decorum_scratch_alloc(eng, &probe, &err) != DECORUM_OK) {
        fprintf(stderr, "bench_engine: engine: %s\n", err.message);
        return 2;
    }
    double rss_engine = bench_peak_rss_mib();
    char desc[256];
    decorum_engine_describe(eng, desc, sizeof desc);

    bench_corpus c;
    bench_corpus_load(argv[optind], &c);
    printf("engine:  %s\n", desc);
    printf("corpus:  %s: %zu comments, %.2f MB (%zu lines skipped)\n",
           argv[optind], c.n, (double)c.bytes / 1e6, c.skipped);
    const char *clk = getenv("BENCH_CLOCK");
    if (clk && strcmp(clk, "cpu") == 0)
        pass_now = bench_process_now;
    printf("rounds:  best of %d after one warm-up pass; %ld CPUs online%s%s\n\n",
           rounds, ncpu,
           warm ? "; scratches kept from pass to pass (-w)" : "",
           pass_now == bench_now ? "" : "; process CPU time (BENCH_CLOCK=cpu)");

    uint64_t ref = 0;
    if (run(eng, &c, 1, 1, (size_t)batch, warm, &ref) < 0) /* warm-up */
        return 1;
    printf("%-8s %12s %10s %10s %8s  %s\n", "threads", "comments/s", "MB/s",
           "us/comment", "speedup", "checksum");
    double base = 0, rate[8] = {0}, single = 0;
    int status = 0;
    /* Row 0: one thread, one comment a call; then every thread count with
     * BATCH a call. */
    for (size_t k = 0; k <= n_threads; k++) {
        unsigned th = k ? threads[k - 1] : 1;
        size_t b = k ? (size_t)batch : 1;
        /* Each round is timed alone and the fastest one counts: the
         * machine is shared, and a round that another process slowed down
         * says nothing about decorum. */
        uint64_t sum = 0;
        double secs = 1e30;
        int ok = 1;
        /* -w: one untimed pass, so that each kept scratch has seen its
         * share of the corpus once, as every timed pass will have */
        if (warm && run(eng, &c, th, 1, b, true, &sum) < 0)
            return 1;
        for (int r = 0; r < rounds; r++) {
            double dt = run(eng, &c, th, 1, b, warm, &sum);
            if (dt < 0)
                return 1;
            if (dt < secs)
                secs = dt;
            ok &= sum == ref;
        }
        double items = (double)c.n / secs;
        double mbs = (double)c.bytes / secs / 1e6;
        if (k == 1)
            base = items;
        char label[32];
        snprintf(label, sizeof label, "%u x%zu", th, b);
        printf("%-8s %12.0f %10.2f %10.2f %7.2fx  %016llx%s\n", label, items,
               mbs, 1e6 * th / items, items / (k ? base : items),
               (unsigned long long)sum, ok ? "" : "  MISMATCH");
        if (k)
            rate[k - 1] = items;
        else
            single = items;
        if (!ok)
            status = 1;
    }
    printf("\n%-32s %10.2f ms (first %.2f ms)\n", "engine load (min of loads)",
           load_min * 1e3, load_first * 1e3);
    printf("%-32s %10.1f MiB\n", "peak RSS, engine + 1 scratch", rss_engine);
    printf("%-32s %10.1f MiB\n", "peak RSS, end (corpus loaded)",
           bench_peak_rss_mib());
    printf("\n");
    for (size_t k = 0; k < n_threads; k++) {
        printf("result analyze_t%u_comments_per_s %.0f\n", threads[k], rate[k]);
        printf("result analyze_t%u_mb_per_s %.2f\n", threads[k],
               rate[k] * (double)c.bytes / (double)c.n / 1e6);
    }
    printf("result analyze_single_t1_comments_per_s %.0f\n", single);
    printf("result batch %ld\n", batch);
    printf("result load_ms_min %.3f\n", load_min * 1e3);
    printf("result load_ms_first %.3f\n", load_first * 1e3);
    printf("result rss_engine_mib %.1f\n", rss_engine);
    printf("result rss_peak_mib %.1f\n", bench_peak_rss_mib());
    if (status)
        fprintf(stderr, "bench_engine: checksum mismatch between thread "
                        "counts: results are not deterministic\n");
    decorum_scratch_free(probe);
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++)
        decorum_scratch_free(kept[k]);
    decorum_engine_free(eng);
    bench_corpus_free(&c);
    return status;
usage:
    fprintf(stderr,
            "usage: bench_engine [-r ROUNDS] [-t THREADS,...] [-l LOADS] [-b BATCH] "
            "[-w] CORPUS\n");
    return 2;
}
