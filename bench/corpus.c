/*
 * corpus.c: see corpus.h. Reads the bench corpus with jansson; the texts
 * are copied into one arena so the timed loops touch compact memory.
 */
#include "corpus.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench: %s: %s\n", what, detail);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("realloc", "out of memory");
    return q;
}

void bench_corpus_load(const char *path, bench_corpus *c)
{
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, "cannot open (run bench/make_corpus.sh first)");
    size_t cap = 0, arena_cap = 0, arena_len = 0;
    size_t *offs = NULL; /* arena offsets until the arena stops moving */
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t got;
    while ((got = getline(&line, &line_cap, f)) >= 0) {
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        const char *t = line;
        size_t tlen = len;
        json_t *obj = NULL;
        if (len && line[0] == '{') {
            json_error_t jerr;
            obj = json_loadb(line, len, 0, &jerr);
            json_t *js = obj ? json_object_get(obj, "text") : NULL;
            if (js && json_is_string(js)) {
                t = json_string_value(js);
                tlen = json_string_length(js);
            }
        }
        if (tlen == 0 || decorum_utf8_check(t, tlen, NULL) != DECORUM_OK) {
            c->skipped++;
            json_decref(obj);
            continue;
        }
        if (c->n == cap) {
            cap = cap ? cap * 2 : 4096;
            c->v = xrealloc(c->v, cap * sizeof *c->v);
            offs = xrealloc(offs, cap * sizeof *offs);
        }
        if (arena_len + tlen + 1 > arena_cap) {
            while (arena_len + tlen + 1 > arena_cap)
                arena_cap = arena_cap ? arena_cap * 2 : 1 << 20;
            c->arena = xrealloc(c->arena, arena_cap);
        }
        memcpy(c->arena + arena_len, t, tlen);
        c->arena[arena_len + tlen] = '\0';
        offs[c->n] = arena_len;
        c->v[c->n].len = tlen;
        c->n++;
        c->bytes += tlen;
        arena_len += tlen + 1;
        json_decref(obj);
    }
    free(line);
    fclose(f);
    for (size_t i = 0; i < c->n; i++)
        c->v[i].p = c->arena + offs[i];
    free(offs);
    if (c->n == 0)
        die(path, "no comments");
}

void bench_corpus_free(bench_corpus *c)
{
    free(c->v);
    free(c->arena);
    memset(c, 0, sizeof *c);
}

static double clock_now(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_thread_now(void)
{
    return clock_now(CLOCK_THREAD_CPUTIME_ID);
}

double bench_process_now(void)
{
    return clock_now(CLOCK_PROCESS_CPUTIME_ID);
}

double bench_now(void)
{
    return clock_now(CLOCK_MONOTONIC);
}

int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

uint64_t bench_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

uint64_t bench_mix_result(uint64_t h, const decorum_result *r)
{
    h = bench_mix(h, (uint64_t)r->verdict);
    h = bench_mix(h, (uint64_t)r->hateful);
    h = bench_mix(h, (uint64_t)r->categories);
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++)
        h = bench_mix(h, (uint64_t)(r->scores[a] * 1e4f + 0.5f));
    h = bench_mix(h, (uint64_t)(r->hate_score * 1e4f + 0.5f));
    h = bench_mix(h, (uint64_t)r->n_spans);
    for (size_t i = 0; i < r->n_spans; i++) {
        h = bench_mix(h, (uint64_t)r->spans[i].begin);
        h = bench_mix(h, (uint64_t)r->spans[i].end);
        h = bench_mix(h, (uint64_t)r->spans[i].signal);
    }
    return h;
}

double bench_peak_rss_mib(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return (double)ru.ru_maxrss / 1024.0; /* Linux reports KiB */
}

int bench_parse_threads(const char *s, unsigned *v, size_t cap, size_t *n,
                        unsigned max)
{
    *n = 0;
    while (*s) {
        char *end;
        unsigned long x = strtoul(s, &end, 10);
        if (end == s || x == 0 || x > max || *n == cap)
            return -1;
        v[(*n)++] = (unsigned)x;
        s = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            return -1;
    }
    return *n ? 0 : -1;
}
