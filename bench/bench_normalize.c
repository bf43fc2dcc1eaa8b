/*
 * bench_normalize.c: throughput of the normalizer (lib/normalize.c) alone.
 *
 *   bench_normalize FILE [ROUNDS]
 *
 * FILE is JSONL (one object per line; its "text" member is used) or plain
 * text (one comment per line). Every comment is normalized ROUNDS times
 * (default 20) through one scratch, the way the engine calls it. Pure-ASCII
 * and other comments are timed separately because they take different
 * paths. A checksum over every output (length, a middle byte, the last
 * offset) must come out the same in every round, which both keeps the work
 * from being optimized away and checks that reuse of the buffers is sound.
 *
 * Built by bench/CMakeLists.txt with the other bench_*.c programs
 * (cmake --build BUILD --target bench_normalize), or by hand, as it uses
 * only the library's internal interface and jansson:
 *   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Ilib \
 *      bench/bench_normalize.c BUILD/libdecorum.a \
 *      $(pkg-config --cflags --libs jansson libhs) -lm -lpthread
 */
#include "decorum_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct line {
    char *s;
    size_t len;
} line;

typedef struct group {
    line *v;
    size_t n, cap, bytes;
} group;

static int push(group *g, const char *s, size_t len)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 1024;
        line *v = realloc(g->v, cap * sizeof *v);
        if (!v)
            return -1;
        g->v = v;
        g->cap = cap;
    }
    char *c = malloc(len ? len : 1);
    if (!c)
        return -1;
    memcpy(c, s, len);
    g->v[g->n].s = c;
    g->v[g->n].len = len;
    g->n++;
    g->bytes += len;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t run_once(const dc_alloc *al, const dc_normalizer *nz,
                         dc_norm_scratch *ns, dc_norm *out, const group *g,
                         int *failed)
{
    uint64_t sum = 0;
    for (size_t k = 0; k < g->n; k++) {
        decorum_status st = dc_normalize(al, nz, ns, g->v[k].s, g->v[k].len,
                                         4 * g->v[k].len + 64, out);
        if (st != DECORUM_OK) {
            *failed = 1;
            continue;
        }
        sum = sum * 31 + out->len;
        if (out->len)
            sum += (unsigned char)out->text[out->len / 2] +
                   out->src_end[out->len - 1];
    }
    return sum;
}

static int bench(const char *name, const dc_alloc *al,
                 const dc_normalizer *nz, dc_norm_scratch *ns, dc_norm *out,
                 const group *g, int rounds)
{
    if (g->n == 0) {
        printf("%-9s no lines\n", name);
        return 0;
    }
    int failed = 0;
    uint64_t want = run_once(al, nz, ns, out, g, &failed); /* warm-up */
    double t0 = now();
    for (int r = 0; r < rounds; r++) {
        if (run_once(al, nz, ns, out, g, &failed) != want) {
            fprintf(stderr, "%s: checksum changed in round %d\n", name, r);
            return 1;
        }
    }
    double dt = now() - t0;
    if (failed) {
        fprintf(stderr, "%s: dc_normalize failed\n", name);
        return 1;
    }
    double lines = (double)g->n * rounds, bytes = (double)g->bytes * rounds;
    printf("%-9s %8zu lines %10zu bytes (avg %5.1f)  %8.1f MB/s  %10.0f "
           "lines/s  %7.1f ns/line  checksum %016llx\n",
           name, g->n, g->bytes, (double)g->bytes / (double)g->n,
           bytes / dt / 1e6, lines / dt, dt / lines * 1e9,
           (unsigned long long)want);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 20;
    if (rounds < 1)
        rounds = 1;
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    group ascii = {0}, other = {0}, all = {0};
    char *buf = NULL;
    size_t bufcap = 0;
    ssize_t n;
    size_t skipped = 0;
    while ((n = getline(&buf, &bufcap, f)) > 0) {
        size_t len = (size_t)n;
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            len--;
        const char *s = buf;
        json_t *j = NULL;
        if (len && buf[0] == '{') {
            j = json_loadb(buf, len, 0, NULL);
            json_t *t = j ? json_object_get(j, "text") : NULL;
            if (!json_is_string(t)) {
                json_decref(j);
                skipped++;
                continue;
            }
            s = json_string_value(t);
            len = json_string_length(t);
        }
        if (decorum_utf8_check(s, len, NULL) != DECORUM_OK) {
            json_decref(j);
            skipped++;
            continue;
        }
        bool is_ascii = true;
        for (size_t k = 0; k < len; k++)
            is_ascii &= (unsigned char)s[k] < 0x80;
        if (push(is_ascii ? &ascii : &other, s, len) || push(&all, s, len)) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
        json_decref(j);
    }
    free(buf);
    fclose(f);

    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_normalizer *nz = NULL;
    dc_norm_scratch *ns = NULL;
    dc_norm out = {0};
    decorum_error err;
    if (dc_normalizer_new(&al, &nz, &err) != DECORUM_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    if (dc_norm_scratch_new(&al, nz, &ns) != DECORUM_OK) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    printf("%s: %d rounds, %zu lines skipped (no text or bad UTF-8)\n",
           argv[1], rounds, skipped);
    int rc = bench("ascii", &al, nz, ns, &out, &ascii, rounds) |
             bench("non-ascii", &al, nz, ns, &out, &other, rounds) |
             bench("all", &al, nz, ns, &out, &all, rounds);
    dc_norm_release(&al, &out);
    dc_norm_scratch_free(&al, ns);
    dc_normalizer_free(&al, nz);
    group *gs[] = {&ascii, &other, &all};
    for (int g = 0; g < 3; g++) {
        for (size_t k = 0; k < gs[g]->n; k++)
            free(gs[g]->v[k].s);
        free(gs[g]->v);
    }
    return rc;
}
