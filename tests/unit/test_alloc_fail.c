/*
 * test_alloc_fail.c: out of memory is survivable (SQLite-style fault
 * injection through decorum_engine_options.allocator).
 *
 * The allocator below counts every call and fails exactly the Nth one.
 * For each N:
 *   - engine load: decorum_engine_open must return DECORUM_ERR_NOMEM when
 *     the failure was injected and DECORUM_OK when it was not, and after
 *     decorum_engine_free nothing may be outstanding (blocks and bytes);
 *   - scratch and analysis on a healthy engine: decorum_scratch_alloc and a
 *     sequence of decorum_analyze calls (short, long, non-ASCII, with
 *     context) must each return OK or, when they hit the failure,
 *     DECORUM_ERR_NOMEM; a scratch that saw a failure must still analyze
 *     correctly once memory is back (same result as a clean run); after
 *     the scratch is freed only the engine's own memory remains.
 * N runs from 1 until a run completes with no failure injected.
 *
 * Analysis is tested at every N. Loading may allocate thousands of times
 * and takes milliseconds, so load is tested at every N up to LOAD_DENSE
 * and then at a spread of about LOAD_SPREAD points up to the total; the
 * test prints which. Vectorscan allocates through its own allocator,
 * outside the engine's: its failures are not injected here.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decorum.h"

#define LOAD_DENSE 400
#define LOAD_SPREAD 600

typedef struct fail_alloc {
    size_t calls;   /* malloc and realloc calls so far */
    size_t fail_at; /* 1-based call to fail; 0: never */
    int injected;   /* the failure happened */
    size_t blocks, bytes;
    int bad_free;   /* free/realloc given a size that does not add up */
} fail_alloc;

static int should_fail(fail_alloc *f)
{
    f->calls++;
    if (f->fail_at && f->calls == f->fail_at) {
        f->injected = 1;
        return 1;
    }
    return 0;
}

static void *fa_malloc(void *ctx, size_t size)
{
    fail_alloc *f = ctx;
    if (should_fail(f))
        return NULL;
    void *p = malloc(size);
    if (p) {
        f->blocks++;
        f->bytes += size;
    }
    return p;
}

static void *fa_realloc(void *ctx, void *p, size_t old_size, size_t new_size)
{
    fail_alloc *f = ctx;
    if (should_fail(f))
        return NULL;
    if (p && old_size > f->bytes)
        f->bad_free = 1;
    void *q = realloc(p, new_size);
    if (q) {
        if (!p)
            f->blocks++;
        f->bytes = f->bytes - (p ? old_size : 0) + new_size;
    }
    return q;
}

static void fa_free(void *ctx, void *p, size_t size)
{
    fail_alloc *f = ctx;
    if (!p)
        return;
    if (f->blocks == 0 || size > f->bytes)
        f->bad_free = 1;
    f->blocks--;
    f->bytes -= size;
    free(p);
}

static decorum_engine_options options_with(fail_alloc *f, decorum_allocator *a)
{
    a->malloc = fa_malloc;
    a->realloc = fa_realloc;
    a->free = fa_free;
    a->ctx = f;
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.allocator = a;
    return o;
}

/* ---- load ---------------------------------------------------------------- */

/* Loads and frees an engine failing at call n; returns 1 when the failure
 * was injected. */
static int load_once(size_t n)
{
    fail_alloc f = {0};
    f.fail_at = n;
    decorum_allocator a;
    decorum_engine_options o = options_with(&f, &a);
    decorum_engine *e = NULL;
    decorum_error err;
    memset(&err, 0, sizeof err);
    decorum_status st = decorum_engine_open(&o, &e, &err);
    if (f.injected) {
        cr_assert_eq(st, DECORUM_ERR_NOMEM,
                     "load failing at allocation %zu: %s (%s), expected "
                     "ERR_NOMEM",
                     n, decorum_status_name(st), err.message);
        cr_assert_null(e, "load failing at allocation %zu set the engine", n);
        cr_assert_eq(err.status, DECORUM_ERR_NOMEM);
    } else {
        cr_assert_eq(st, DECORUM_OK, "load with no failure: %s (%s)",
                     decorum_status_name(st), err.message);
    }
    decorum_engine_free(e);
    cr_assert_eq(f.blocks, 0,
                 "load failing at allocation %zu: %zu blocks (%zu bytes) "
                 "leaked",
                 n, f.blocks, f.bytes);
    cr_assert_eq(f.bytes, 0, "load failing at allocation %zu: %zu bytes "
                 "unbalanced", n, f.bytes);
    cr_assert_not(f.bad_free, "load failing at allocation %zu: free() given "
                  "a wrong size", n);
    return f.injected;
}

Test(alloc_fail, engine_load)
{
    /* How many allocations a clean load makes. */
    fail_alloc f = {0};
    decorum_allocator a;
    decorum_engine_options o = options_with(&f, &a);
    decorum_engine *e = NULL;
    cr_assert_eq(decorum_engine_open(&o, &e, NULL), DECORUM_OK);
    size_t total = f.calls;
    decorum_engine_free(e);
    cr_assert_eq(f.blocks, 0, "clean load leaked %zu blocks", f.blocks);

    /* Every N up to LOAD_DENSE, then about LOAD_SPREAD points up to the
     * last allocation, then total + 1, where nothing may fail. */
    size_t tested = 0;
    size_t step = total > LOAD_DENSE ? (total - LOAD_DENSE) / LOAD_SPREAD + 1
                                     : 1;
    for (size_t n = 1; n <= total; n = n < LOAD_DENSE ? n + 1 : n + step) {
        cr_assert(load_once(n), "load did not reach allocation %zu of %zu",
                  n, total);
        tested++;
    }
    if (total > LOAD_DENSE) {
        cr_assert(load_once(total), "load did not reach its last allocation");
        tested++;
    }
    cr_assert_not(load_once(total + 1), "load made more allocations than "
                  "the first time");
    tested++;
    fprintf(stderr,
            "alloc_fail: load makes %zu allocations; tested %zu failure "
            "points (%s)\n",
            total, tested,
            total <= LOAD_DENSE ? "every one" : "every one up to 400, then "
                                                "a spread");
}

/* ---- scratch and analysis ------------------------------------------------ */

static const char long_text[] =
    "They should all go back where they came from, those vermin. "
    "\xe2\x80\x9cWe\xe2\x80\x9d are not the problem \xf0\x9f\x98\x80 "
    "k i l l   them, h4te them, f*ck them, haaaaate them. ";

typedef struct job {
    const char *text;
    size_t len;
    decorum_context ctx;
    int with_ctx;
} job;

static size_t make_jobs(job *jobs, char *big, size_t big_cap)
{
    size_t n = 0, used = 0;
    while (used + sizeof long_text - 1 < big_cap) {
        memcpy(big + used, long_text, sizeof long_text - 1);
        used += sizeof long_text - 1;
    }
    static const char *shorts[] = {"hello there", "you idiot",
                                   "Jews are vermin", ""};
    for (size_t i = 0; i < 4; i++)
        jobs[n++] = (job){shorts[i], strlen(shorts[i]), {0}, 0};
    jobs[n++] = (job){big, used, {0}, 0};
    job j = {"they are invaders and should be shot", 36, {0}, 1};
    j.ctx.parent = "Migrants crossed the border last night";
    j.ctx.parent_len = strlen(j.ctx.parent);
    j.ctx.title = "Asylum policy";
    j.ctx.title_len = strlen(j.ctx.title);
    jobs[n++] = j;
    jobs[n++] = (job){"caf\xc3\xa9 \xd0\xb0nd \xef\xbd\x86\xef\xbd\x95", 14,
                      {0}, 0};
    return n;
}

/* Everything that identifies a result, for comparison. */
static void fingerprint(const decorum_result *r, char *buf, size_t cap)
{
    int k = snprintf(buf, cap, "v%d h%d c%x n%zu", (int)r->verdict, r->hateful,
                     r->categories, r->n_spans);
    for (int a = 0; a < DECORUM_N_ATTRIBUTES && k > 0 && (size_t)k < cap; a++)
        k += snprintf(buf + k, cap - (size_t)k, " %.5f", (double)r->scores[a]);
    for (size_t i = 0; i < r->n_spans && k > 0 && (size_t)k < cap; i++)
        k += snprintf(buf + k, cap - (size_t)k, " [%zu,%zu)%d",
                      r->spans[i].begin, r->spans[i].end,
                      (int)r->spans[i].signal);
}

/* An engine on the counting allocator f (a uses it), with the jobs. */
static decorum_engine *engine_and_jobs(fail_alloc *f, decorum_allocator *a,
                                       job *jobs, size_t *n_jobs)
{
    static char big[6000];
    decorum_engine_options o = options_with(f, a);
    decorum_engine *e = NULL;
    decorum_error err;
    cr_assert_eq(decorum_engine_open(&o, &e, &err), DECORUM_OK, "%s",
                 err.message);
    *n_jobs = make_jobs(jobs, big, sizeof big);
    return e;
}

Test(alloc_fail, scratch_and_analyze_every_n)
{
    fail_alloc f = {0};
    decorum_allocator a;
    job jobs[8];
    size_t n_jobs;
    decorum_engine *e = engine_and_jobs(&f, &a, jobs, &n_jobs);
    decorum_error err;
    size_t base_blocks = f.blocks, base_bytes = f.bytes;
    char want[8][2048], got[2048];

    /* Reference results with no failure. */
    decorum_scratch *s = NULL;
    cr_assert_eq(decorum_scratch_alloc(e, &s, NULL), DECORUM_OK);
    for (size_t j = 0; j < n_jobs; j++) {
        const decorum_result *r;
        cr_assert_eq(decorum_analyze(e, s, jobs[j].text, jobs[j].len,
                                     jobs[j].with_ctx ? &jobs[j].ctx : NULL,
                                     &r, &err),
                     DECORUM_OK, "job %zu: %s", j, err.message);
        fingerprint(r, want[j], sizeof want[j]);
    }
    decorum_scratch_free(s);
    cr_assert_eq(f.blocks, base_blocks);

    size_t n = 1;
    for (;; n++) {
        f.injected = 0;
        f.fail_at = f.calls + n;
        s = NULL;
        decorum_status st = decorum_scratch_alloc(e, &s, &err);
        if (st != DECORUM_OK) {
            cr_assert(f.injected, "scratch_alloc failed with no injected "
                      "failure: %s", decorum_status_name(st));
            cr_assert_eq(st, DECORUM_ERR_NOMEM,
                         "scratch_alloc failing at allocation %zu: %s", n,
                         decorum_status_name(st));
            cr_assert_null(s);
        } else {
            for (size_t j = 0; j < n_jobs; j++) {
                const decorum_result *r = NULL;
                int before = f.injected;
                st = decorum_analyze(e, s, jobs[j].text, jobs[j].len,
                                     jobs[j].with_ctx ? &jobs[j].ctx : NULL,
                                     &r, &err);
                if (st != DECORUM_OK) {
                    cr_assert(f.injected && !before,
                              "job %zu failed with no injected failure: %s",
                              j, decorum_status_name(st));
                    cr_assert_eq(st, DECORUM_ERR_NOMEM,
                                 "job %zu, failing at allocation %zu: %s", j,
                                 n, decorum_status_name(st));
                    /* Memory is back: the same scratch must work. */
                    f.fail_at = 0;
                    st = decorum_analyze(e, s, jobs[j].text, jobs[j].len,
                                         jobs[j].with_ctx ? &jobs[j].ctx
                                                          : NULL,
                                         &r, &err);
                    cr_assert_eq(st, DECORUM_OK,
                                 "job %zu after a failure at allocation "
                                 "%zu: %s",
                                 j, n, err.message);
                }
                fingerprint(r, got, sizeof got);
                cr_assert_str_eq(got, want[j],
                                 "job %zu after failing allocation %zu", j,
                                 n);
            }
        }
        decorum_scratch_free(s);
        cr_assert_eq(f.blocks, base_blocks,
                     "failing allocation %zu: %zu blocks outstanding after "
                     "scratch_free, the engine holds %zu",
                     n, f.blocks, base_blocks);
        cr_assert_eq(f.bytes, base_bytes,
                     "failing allocation %zu: %zu bytes outstanding, the "
                     "engine holds %zu",
                     n, f.bytes, base_bytes);
        if (!f.injected)
            break;
        cr_assert_lt(n, 100000, "no end to the allocations");
    }
    f.fail_at = 0;
    decorum_engine_free(e);
    cr_assert_eq(f.blocks, 0, "%zu blocks leaked by the engine", f.blocks);
    cr_assert_eq(f.bytes, 0);
    cr_assert_not(f.bad_free, "free() given a wrong size");
    fprintf(stderr, "alloc_fail: scratch + %zu analyses make %zu allocations; "
                    "every one failed in turn\n",
            n_jobs, n - 1);
}

/* Steady state: once a scratch has seen the largest comment of a stream,
 * analyzing the stream again allocates nothing (every buffer is reused).
 * The jobs mix short and long, ASCII and not, with and without context,
 * hateful and plain, so every stage's buffers are exercised. */
Test(alloc_fail, steady_state_does_not_allocate)
{
    fail_alloc f = {0};
    decorum_allocator a;
    job jobs[8];
    size_t n_jobs;
    decorum_engine *e = engine_and_jobs(&f, &a, jobs, &n_jobs);
    decorum_error err;
    decorum_scratch *s = NULL;
    cr_assert_eq(decorum_scratch_alloc(e, &s, NULL), DECORUM_OK);
    size_t after_first = 0;
    for (int round = 0; round < 3; round++) {
        for (size_t j = 0; j < n_jobs; j++) {
            const decorum_result *r;
            cr_assert_eq(decorum_analyze(e, s, jobs[j].text, jobs[j].len,
                                         jobs[j].with_ctx ? &jobs[j].ctx
                                                          : NULL,
                                         &r, &err),
                         DECORUM_OK, "job %zu: %s", j, err.message);
        }
        if (round == 0)
            after_first = f.calls;
    }
    cr_assert_eq(f.calls, after_first,
                 "%zu allocator calls in two passes over comments the "
                 "scratch had already seen",
                 f.calls - after_first);
    decorum_scratch_free(s);
    decorum_engine_free(e);
    cr_assert_eq(f.blocks, 0);
}
