/*
 * bench_ceiling.c: how well this machine itself scales from one thread to
 * several, with no decorum code in the loop: the ceiling that decorum's
 * own thread scaling is read against.
 *
 *   bench_ceiling [-r ROUNDS] [-t T,T,...] [CORPUS]
 *
 * (CORPUS is accepted and ignored, so that bench/run.sh can run it like
 * any other bench_* program.)
 *
 * The issue asks decorum for 2 threads at 1.8 times one. A virtual
 * machine's "2 CPUs" may be two hardware threads of one core, or two cores
 * whose clock drops when both run, or two cores sharing one L3: then no
 * program scales by 2, and a figure for decorum alone does not say how
 * much of the loss is decorum's. Three kernels, each with the same work
 * per thread, run on 1 thread and on T threads at once (started together
 * at a barrier); scaling is T threads' throughput over one's:
 *
 *   compute   multiply-xorshift chains in registers: no memory at all
 *             (frequency and shared-core effects only);
 *   l3 reads  independent random 8-byte reads over one 4 MiB table that
 *             every thread shares, as decorum's matcher hash, Bloom filter
 *             and model weights are (~4.5 MiB, read in place by all
 *             threads): past a core's L2, within the L3;
 *   dram      the same over a 256 MiB table: main memory.
 *
 * Each figure is the best of ROUNDS (default 5). The reads are
 * independent (the address of one does not wait on another), as the
 * engine's per-word lookups are, so the memory system overlaps them.
 */
#define _POSIX_C_SOURCE 200809L
#include "corpus.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { K_COMPUTE, K_L3, K_DRAM, K_N };

static const char *const kernel_name[K_N] = {"compute", "l3 reads",
                                             "dram reads"};
static const char *const kernel_key[K_N] = {"compute", "l3", "dram"};
/* Operations per thread per round: about 0.1 to 0.3 s on one thread. */
static const uint64_t kernel_ops[K_N] = {400000000ull, 40000000ull,
                                         16000000ull};

typedef struct job {
    int kernel;
    const uint64_t *tab; /* the shared table of the read kernels */
    uint64_t mask;       /* its length in words, less one (a power of two) */
    uint64_t seed;
    pthread_barrier_t *go;
    uint64_t out; /* folded result, so no work can be optimized away */
} job;

/* Four independent multiply-xorshift chains: as many as the core can
 * keep in flight, so the loop is bound by the multiplier, not by one
 * chain's latency. */
static uint64_t compute(uint64_t seed, uint64_t ops)
{
    uint64_t a = seed | 1, b = seed ^ 0x9e3779b97f4a7c15ull,
             c = seed * 3 + 1, d = ~seed;
    for (uint64_t i = 0; i < ops; i += 4) {
        a = (a ^ (a >> 29)) * 0xbf58476d1ce4e5b9ull;
        b = (b ^ (b >> 29)) * 0xbf58476d1ce4e5b9ull;
        c = (c ^ (c >> 29)) * 0xbf58476d1ce4e5b9ull;
        d = (d ^ (d >> 29)) * 0xbf58476d1ce4e5b9ull;
    }
    return a ^ b ^ c ^ d;
}

/* ops random reads of tab[0, mask]: the index of each comes from a
 * counter, not from what the last read returned, so reads overlap. */
static uint64_t reads(const uint64_t *tab, uint64_t mask, uint64_t seed,
                      uint64_t ops)
{
    uint64_t sum = 0, x = seed;
    for (uint64_t i = 0; i < ops; i++) {
        x += 0x9e3779b97f4a7c15ull;
        uint64_t h = (x ^ (x >> 31)) * 0xbf58476d1ce4e5b9ull;
        sum += tab[(h >> 17) & mask];
    }
    return sum;
}

static void *run_job(void *arg)
{
    job *j = arg;
    pthread_barrier_wait(j->go);
    j->out = j->kernel == K_COMPUTE
                 ? compute(j->seed, kernel_ops[K_COMPUTE])
                 : reads(j->tab, j->mask, j->seed, kernel_ops[j->kernel]);
    return NULL;
}

/* Seconds for t threads to do one round of kernel k each; -1 on failure. */
static double round_time(int k, const uint64_t *tab, uint64_t mask, unsigned t,
                         uint64_t *fold)
{
    job jobs[64];
    pthread_t th[64];
    pthread_barrier_t go;
    if (t > 64 || pthread_barrier_init(&go, NULL, t + 1) != 0)
        return -1;
    unsigned started = 0;
    for (; started < t; started++) {
        jobs[started] = (job){k, tab, mask, 0x1234567ull * (started + 1), &go,
                              0};
        if (pthread_create(&th[started], NULL, run_job, &jobs[started]) != 0)
            break;
    }
    if (started < t) {
        /* the barrier waits for t + 1: it would never open */
        fprintf(stderr, "bench_ceiling: pthread_create failed\n");
        exit(1);
    }
    pthread_barrier_wait(&go);
    double t0 = bench_now();
    for (unsigned i = 0; i < t; i++) {
        pthread_join(th[i], NULL);
        *fold += jobs[i].out;
    }
    double secs = bench_now() - t0;
    pthread_barrier_destroy(&go);
    return secs;
}

int main(int argc, char **argv)
{
    int rounds = 5;
    unsigned threads[8];
    size_t n_threads = 0;
    int opt;
    while ((opt = getopt(argc, argv, "r:t:")) != -1) {
        if (opt == 'r' && (rounds = atoi(optarg)) >= 1)
            continue;
        if (opt == 't' && bench_parse_threads(optarg, threads, 8, &n_threads, 64) == 0)
            continue;
        fprintf(stderr, "usage: bench_ceiling [-r ROUNDS] [-t T,T,...] "
                        "[CORPUS]\n");
        return 2;
    }
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (!n_threads) {
        threads[n_threads++] = 2;
        if (ncpu > 2)
            threads[n_threads++] = (unsigned)ncpu;
    }
    /* The tables: filled, so every page is real memory before timing. */
    const size_t words[K_N] = {0, (size_t)4 << 17, (size_t)256 << 17};
    uint64_t *tab[K_N] = {NULL, NULL, NULL};
    for (int k = K_L3; k < K_N; k++) {
        if (!(tab[k] = malloc(words[k] * sizeof *tab[k]))) {
            fprintf(stderr, "bench_ceiling: out of memory\n");
            return 1;
        }
        for (size_t i = 0; i < words[k]; i++)
            tab[k][i] = i * 0x9e3779b97f4a7c15ull;
    }
    printf("machine: %ld CPUs online; best of %d rounds; the same work per "
           "thread\n\n",
           ncpu, rounds);
    printf("%-12s %16s", "kernel", "1 thread ops/s");
    for (size_t i = 0; i < n_threads; i++)
        printf("   %2u threads ops/s  scaling", threads[i]);
    printf("\n");
    uint64_t fold = 0;
    double scaling[K_N][8];
    for (int k = 0; k < K_N; k++) {
        const uint64_t mask = words[k] ? words[k] - 1 : 0;
        double base = 0;
        printf("%-12s", kernel_name[k]);
        for (size_t i = 0; i <= n_threads; i++) {
            unsigned t = i ? threads[i - 1] : 1;
            double best = 1e30;
            for (int r = 0; r < rounds; r++) {
                double s = round_time(k, tab[k], mask, t, &fold);
                if (s < 0) {
                    fprintf(stderr, "bench_ceiling: cannot start threads\n");
                    return 1;
                }
                if (s < best)
                    best = s;
            }
            double rate = (double)kernel_ops[k] * t / best;
            if (!i) {
                base = rate;
                printf(" %16.4g", rate);
            } else {
                scaling[k][i - 1] = rate / base;
                printf("   %18.4g  %6.2fx", rate, rate / base);
            }
        }
        printf("\n");
        fflush(stdout);
    }
    printf("\n");
    for (int k = 0; k < K_N; k++)
        for (size_t i = 0; i < n_threads; i++)
            printf("result ceiling_%s_t%u_scaling %.2f\n", kernel_key[k],
                   threads[i], scaling[k][i]);
    /* printed so that the results are used; the value means nothing */
    printf("fold %016llx\n", (unsigned long long)fold);
    for (int k = K_L3; k < K_N; k++)
        free(tab[k]);
    return 0;
}
