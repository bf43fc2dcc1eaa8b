/*
 * test_line_ends.c: where `decorum score` finds its lines' ends
 * (find_line_ends in src/cli/score.c, compiled into this test directly, as
 * test_jsonl.c compiles the reader).
 *
 * find_line_ends takes the AVX2 loop where the CPU has it, so the SSE2 loop
 * would go untested on every machine the tests run on: find_line_ends_with
 * chooses the loop, and each is checked against a byte-at-a-time reference
 * on random text of '\n', "\r\n", empty lines, no final newline and lines
 * across the 32-byte blocks (and 64-byte pairs of them), every text ending
 * flush against a PROT_NONE page so that a read past its end crashes.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../src/cli/cliopt.c"
#include "../../src/cli/jsonl.c"
#include "../../src/cli/jsonw.c"
#include "../../src/cli/score.c"
#include "random_text.h"

#define MAXLEN 4096

/* A buffer whose last byte before a PROT_NONE page is at map + MAXLEN
 * rounded up to pages: text of n bytes is copied to end there. */
struct guarded {
    char *map, *end;
    size_t map_len;
};

static struct guarded guard_new(void)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t pages = (MAXLEN + page - 1) / page;
    struct guarded g;
    g.map_len = (pages + 1) * page;
    int fd = open("/dev/zero", O_RDWR);
    cr_assert_geq(fd, 0);
    g.map = mmap(NULL, g.map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    close(fd);
    cr_assert_neq(g.map, MAP_FAILED);
    cr_assert_eq(mprotect(g.map + pages * page, page, PROT_NONE), 0);
    g.end = g.map + pages * page;
    return g;
}

/* How many loops this CPU runs: SSE2 (avx2 0), and AVX2 (1) if it has it. */
static int loops(void)
{
#if defined(SCORE_AVX2)
    if (__builtin_cpu_supports("avx2"))
        return 2;
#endif
    return 1;
}

/* Checks both loops against the reference on p[0..n); e is reused from
 * one text to the next, as a worker reuses its own between batches. */
static void check(const char *p, size_t n, struct line_ends *e,
                  const char *what)
{
    uint32_t want[MAXLEN];
    size_t nw = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\n')
            want[nw++] = (uint32_t)i;
    for (int avx2 = 0; avx2 < loops(); avx2++) {
        cr_assert_eq(find_line_ends_with(p, n, e, avx2), 0);
        cr_assert_eq(e->n, nw, "%s, %s, %zu bytes: %zu ends, want %zu", what,
                     avx2 ? "AVX2" : "SSE2", n, e->n, nw);
        for (size_t j = 0; j < nw; j++)
            cr_assert_eq(e->v[j], want[j],
                         "%s, %s, %zu bytes: end %zu at %u, want %u", what,
                         avx2 ? "AVX2" : "SSE2", n, j, e->v[j], want[j]);
    }
}

/* Random lines: lengths mostly 0 to 40 (empty lines, several ends a
 * block) and some to 150 (across blocks), text of kind 0 or 1 of
 * random_text.h, ended by "\n" or "\r\n"; the last line sometimes has no
 * end. Kind 1 has bytes such as 0x8a, '\n' with its top bit set. */
static size_t random_lines(char *buf, size_t want, uint64_t *r)
{
    size_t n = 0;
    int kind = (int)(rt_next(r) % 2);
    while (n < want) {
        uint64_t x = rt_next(r);
        size_t len = x % 8 == 0 ? x / 8 % 150 : x / 8 % 41;
        if (len > want - n)
            len = want - n;
        n += rt_text(buf + n, len, kind, NULL, 0, r);
        for (size_t i = n - len; i < n; i++)
            if (buf[i] == '\n' || buf[i] == '\r')
                buf[i] = 'x'; /* ends placed below only */
        if (n < want && x % 3 == 0)
            buf[n++] = '\r';
        if (n < want)
            buf[n++] = '\n';
    }
    if (rt_next(r) % 4 == 0 && n && buf[n - 1] == '\n')
        n--; /* no final newline */
    return n;
}

Test(line_ends, random_lines)
{
    struct guarded g = guard_new();
    struct line_ends e = {0};
    uint64_t r = 0x9e3779b97f4a7c15u;
    char buf[MAXLEN];
    for (int t = 0; t < 4000; t++) {
        size_t want = t < 300 ? (size_t)t : rt_next(&r) % MAXLEN;
        size_t n = random_lines(buf, want, &r);
        memcpy(g.end - n, buf, n);
        check(g.end - n, n, &e, "random lines");
    }
    free(e.v);
    munmap(g.map, g.map_len);
}

/* One '\n' at each place of texts of 0 to 130 bytes (every offset in and
 * around the first four blocks), then texts all of '\n' (32 ends a block,
 * which the loops store past the one a block reserved first) and a
 * longer one from an empty e, which must grow. */
Test(line_ends, every_place_and_all_newlines)
{
    struct guarded g = guard_new();
    struct line_ends e = {0};
    char buf[MAXLEN];
    for (size_t n = 0; n <= 130; n++)
        for (size_t at = 0; at <= n; at++) {
            memset(buf, 'a', n);
            if (at < n)
                buf[at] = '\n';
            memcpy(g.end - n, buf, n);
            check(g.end - n, n, &e, "one end");
        }
    for (size_t n = 0; n <= 200; n++) {
        memset(g.end - n, '\n', n);
        check(g.end - n, n, &e, "all ends");
    }
    free(e.v);
    e = (struct line_ends){0};
    memset(g.end - MAXLEN, '\n', MAXLEN);
    check(g.end - MAXLEN, MAXLEN, &e, "all ends, from empty");
    free(e.v);
    munmap(g.map, g.map_len);
}
