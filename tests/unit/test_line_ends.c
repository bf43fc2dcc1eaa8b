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
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../src/cli/cliopt.c"
#include "../../src/cli/jsonl.c"
#include "../../src/cli/jsonw.c"
#include "../../src/cli/score.c"
#include "guarded.h"
#include "random_text.h"

#define MAXLEN 4096

/* How many loops this CPU runs: SSE2 (avx2 0), and AVX2 (1) if it has it. */
static int loops(void)
{
#if defined(SCORE_AVX2)
    if (__builtin_cpu_supports("avx2"))
        return 2;
#endif
    return 1;
}

/* Checks both loops against the reference on text[0..n), copied to end
 * before a PROT_NONE page; e is reused from one text to the next, as a
 * worker reuses its own between batches. */
static void check(const char *text, size_t n, struct line_ends *e,
                  const char *what)
{
    uint32_t want[MAXLEN];
    size_t nw = 0;
    for (size_t i = 0; i < n; i++)
        if (text[i] == '\n')
            want[nw++] = (uint32_t)i;
    struct guarded g = guard(text, n);
    for (int avx2 = 0; avx2 < loops(); avx2++) {
        cr_assert_eq(find_line_ends_with(g.p, n, e, avx2), 0);
        cr_assert_eq(e->n, nw, "%s, %s, %zu bytes: %zu ends, want %zu", what,
                     avx2 ? "AVX2" : "SSE2", n, e->n, nw);
        for (size_t j = 0; j < nw; j++)
            cr_assert_eq(e->v[j], want[j],
                         "%s, %s, %zu bytes: end %zu at %u, want %u", what,
                         avx2 ? "AVX2" : "SSE2", n, j, e->v[j], want[j]);
    }
    unguard(&g);
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
    struct line_ends e = {0};
    uint64_t r = 0x9e3779b97f4a7c15u;
    char buf[MAXLEN];
    for (int t = 0; t < 4000; t++) {
        size_t want = t < 300 ? (size_t)t : rt_next(&r) % MAXLEN;
        size_t n = random_lines(buf, want, &r);
        check(buf, n, &e, "random lines");
    }
    free(e.v);
}

/* One '\n' at each place of texts of 0 to 130 bytes (every offset in and
 * around the first four blocks), then texts all of '\n' (32 ends a block,
 * which the loops store past the one a block reserved first) and a
 * longer one from an empty e, which must grow. */
Test(line_ends, every_place_and_all_newlines)
{
    struct line_ends e = {0};
    char buf[MAXLEN];
    for (size_t n = 0; n <= 130; n++)
        for (size_t at = 0; at <= n; at++) {
            memset(buf, 'a', n);
            if (at < n)
                buf[at] = '\n';
            check(buf, n, &e, "one end");
        }
    memset(buf, '\n', MAXLEN);
    for (size_t n = 0; n <= 200; n++)
        check(buf, n, &e, "all ends");
    free(e.v);
    e = (struct line_ends){0};
    check(buf, MAXLEN, &e, "all ends, from empty");
    free(e.v);
}
