/*
 * test_line_ends.c: where `decorum score` finds its lines' ends
 * (find_line_ends in src/cli/score.c, compiled into this test directly, as
 * test_jsonl.c compiles the reader).
 *
 * find_line_ends takes the AVX2 loop where the CPU has it, so the SSE2 loop
 * would go untested on every machine the tests run on: find_line_ends_with
 * chooses the loop, and each is checked against a byte-at-a-time reference
 * on random text of '\n', "\r\n", empty lines, no final newline and lines
 * across the 32-byte blocks, every text ending flush against a PROT_NONE
 * page so that a read past its end crashes; a '\n' at every offset of
 * the first four blocks; texts all of '\n' (32 ends a block, past the
 * room reserved); and each realloc of ends_grow failed in turn, in the
 * first reserve and in ends_block's room for a block's second end, which
 * must give -1. Where AVX2 is missing its half is skipped, and the log
 * says so.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

/* score.c's one realloc (ends_grow) goes through test_realloc, which
 * fails the fail_at-th call from the last reset (0: none fails). */
static int realloc_calls, fail_at;
static void *test_realloc(void *p, size_t n)
{
    if (++realloc_calls == fail_at)
        return NULL;
    return realloc(p, n);
}

#include "../../src/cli/cliopt.c"
#include "../../src/cli/jsonl.c"
#include "../../src/cli/jsonw.c"
#define realloc test_realloc
#include "../../src/cli/score.c"
#undef realloc
#include "guarded.h"
#include "random_text.h"

#define MAXLEN 4096

/* How many loops this CPU runs: SSE2 (avx2 0), and AVX2 (1) if it has it.
 * Where AVX2 is missing, says so once in the log, so that a run shows
 * which half went untested. */
static int loops(void)
{
    static int told;
#if defined(SCORE_AVX2)
    if (__builtin_cpu_supports("avx2"))
        return 2;
    if (!told++)
        cr_log_info("line_ends: the CPU lacks AVX2: its loop is skipped");
#else
    if (!told++)
        cr_log_info("line_ends: built without SCORE_AVX2: its loop is skipped");
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

/* Out of memory: a text all of '\n' from an empty e reallocs once in the
 * first reserve (n / 32 + 1 ends) and then in ends_block, each time a
 * block's second end finds no room for the blocks left. Each of those
 * reallocs is failed in turn: find_line_ends_with must give -1 at once
 * (no later realloc asked) and leave e->v for the caller to free. */
Test(line_ends, out_of_memory)
{
    static char buf[MAXLEN];
    memset(buf, '\n', MAXLEN);
    for (int avx2 = 0; avx2 < loops(); avx2++) {
        realloc_calls = 0;
        fail_at = 0;
        struct line_ends e = {0};
        cr_assert_eq(find_line_ends_with(buf, MAXLEN, &e, avx2), 0);
        int all = realloc_calls;
        cr_assert_eq(e.n, (size_t)MAXLEN);
        free(e.v);
        /* 1024, 2048, 4096, 8192 ends: the first in the reserve, the
         * rest in ends_block (no bytes after the last whole block) */
        cr_assert_geq(all, 3, "%s: %d reallocs", avx2 ? "AVX2" : "SSE2", all);
        for (fail_at = 1; fail_at <= all; fail_at++) {
            realloc_calls = 0;
            e = (struct line_ends){0};
            cr_assert_eq(find_line_ends_with(buf, MAXLEN, &e, avx2), -1,
                         "%s: realloc %d failed", avx2 ? "AVX2" : "SSE2",
                         fail_at);
            cr_assert_eq(realloc_calls, fail_at);
            free(e.v);
        }
        fail_at = 0;
    }
}
