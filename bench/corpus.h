/*
 * corpus.h: helpers shared by decorum's own benchmark programs: loading the
 * bench corpus into memory, a monotonic clock, a checksum over results and
 * the process's peak RSS.
 *
 * The corpus is bench/out/corpus.jsonl (bench/make_corpus.sh): one JSON
 * object a line whose "text" member is a comment. Plain text files (one
 * comment a line, nothing escaped) are accepted too: a line that does not
 * parse as a JSON object with a string "text" is taken whole.
 */
#ifndef DECORUM_BENCH_CORPUS_H
#define DECORUM_BENCH_CORPUS_H

#include "decorum.h"

#include <stddef.h>
#include <stdint.h>

typedef struct bench_text {
    const char *p; /* into bench_corpus.arena, NUL-terminated */
    size_t len;
} bench_text;

typedef struct bench_corpus {
    bench_text *v; /* [n] */
    size_t n;
    size_t bytes; /* sum of the lengths */
    char *arena;
    size_t skipped; /* lines that were empty or not valid UTF-8 */
} bench_corpus;

/* Loads path; exits the program with a message on failure (benchmarks are
 * programs, not library code). */
void bench_corpus_load(const char *path, bench_corpus *c);
void bench_corpus_free(bench_corpus *c);

/* Seconds on CLOCK_MONOTONIC; seconds of the calling thread's CPU time
 * (on a shared machine, time other processes take the CPU for is not
 * counted: for one-thread benchmarks). */
double bench_now(void);
double bench_thread_now(void);
/* CPU time of the whole process (all its threads), in seconds. */
double bench_process_now(void);

/* qsort's comparison for doubles, ascending. */
int bench_cmp_double(const void *a, const void *b);

/* Folds one result into a running checksum: verdict, hateful flag, every
 * score to 1e-4 and every span. Order-sensitive. */
uint64_t bench_mix_result(uint64_t h, const decorum_result *r);
uint64_t bench_mix(uint64_t h, uint64_t v);

/* Parses a -t list of thread counts ("1,2,4") into v[0, cap), each 1 to
 * max; *n is how many. 0, or -1 for a bad or too long list. */
int bench_parse_threads(const char *s, unsigned *v, size_t cap, size_t *n,
                        unsigned max);

/* Peak resident set size of this process so far, in MiB (getrusage). */
double bench_peak_rss_mib(void);

#endif
