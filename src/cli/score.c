/*
 * score.c: `decorum score`, bulk scoring of JSONL comments (schema and error
 * codes in docs/CLI.md).
 *
 * One output line per input line, in input order, streaming with bounded
 * memory. `-j N` runs N workers, the main thread being one of them. There is
 * no reader thread and no writer thread, only two roles the workers take in
 * turn:
 *
 *   reader: one worker at a time read(2)s the next chunk of input straight
 *     into its own input buffer, after the partial line the previous read
 *     left over, cuts it after its last '\n' and notes where each of its
 *     lines ends. The batch is then that worker's to score: the bytes are
 *     hot in its cache and no line is copied or handed to another thread.
 *   writer: each worker writes its batch's output lines into a slot of a
 *     ring of 2N+2 (the reorder window); the worker that finishes the oldest
 *     unwritten batch writes every finished batch in sequence, with the lock
 *     released around write(2).
 *
 * A worker takes the reader role only when a slot is free, so memory is
 * bounded by the window, not by the input. Near the end of a regular file
 * the chunks shrink, so the workers run out of input at about the same
 * time. With -j 1 it is the same loop with one slot and no thread.
 *
 * Lines longer than LINE_CAP are consumed to their end but only their first
 * LINE_CAP bytes are kept; they are reported as too_long (with their id
 * when it appears in the kept part).
 */
#include "cli.h"
#include "cliopt.h"
#include "dcx_analyze.h"
#include "decorum.h"
#include "jsonl.h"
#include "jsonw.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SCORE_AVX2 1
#endif

#define PROG "decorum score"
#define LINE_CAP ((size_t)4 << 20)    /* longest line kept, bytes */
/* Bytes per read(2): a batch. Its output (2.7 times its input on the
 * bench corpus: spans, scores and reasons) is held in a slot until
 * written, and the first touch of every page of a slot's buffers is a page
 * fault, 10 to 25 us on the virtual machine of docs/BENCHMARKS.md: 16 KiB
 * rather than 64 spares 81 of the 811 faults of `decorum score -j 1` on the
 * bench corpus and 385 of 1,498 with -j 2. The four times as many
 * batches (read(2) calls, lock hand-offs), each against the ~115
 * comments of a batch, did not show: on the corpus five times over, where
 * the faults weigh least, -j 1 took 283.0 ms either way (medians of 16
 * alternating runs). */
#define READ_CHUNK ((size_t)16 << 10)
#define MIN_CHUNK ((size_t)4 << 10)   /* smallest batch near the end */
#define READ_MAX ((size_t)1 << 20)    /* largest read(2), for long lines */
#define SHRINK_BYTES ((size_t)8 << 20) /* buffers larger than this are freed
                                          after use: one huge line must not
                                          pin memory in every slot */
#define MAX_JOBS 256

/* ---------------------------------------------------------------------- */
/* Batch reader                                                            */
/* ---------------------------------------------------------------------- */

/* Only the worker holding the reader role touches this. */
struct reader {
    int fd;
    int eof;      /* read(2) returned 0 */
    int err;      /* errno of a failed read, or 0 */
    int skipping; /* discarding the rest of a line longer than LINE_CAP */
    unsigned jobs;
    uint64_t size;       /* size of a regular file, else 0: sizes batches */
    uint64_t bytes_read;
    uint64_t lines;      /* lines handed out */
    char *carry;         /* [READ_MAX]: the partial line after the last cut */
    size_t carry_len;
};

static int rd_init(struct reader *r, int fd, unsigned jobs, uint64_t size)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->jobs = jobs;
    r->size = size;
    r->carry = malloc(READ_MAX);
    return r->carry ? 0 : -1;
}

static void rd_free(struct reader *r)
{
    free(r->carry);
    r->carry = NULL;
}

/* Bytes of input consumed so far (whole lines handed out). */
static uint64_t rd_consumed(const struct reader *r)
{
    return r->bytes_read - r->carry_len;
}

static ssize_t rd_read(struct reader *r, char *p, size_t n)
{
    for (;;) {
        ssize_t k = read(r->fd, p, n);
        if (k > 0) {
            r->bytes_read += (uint64_t)k;
            return k;
        }
        if (k == 0) {
            r->eof = 1;
            return 0;
        }
        if (errno != EINTR) {
            r->err = errno;
            return -1;
        }
    }
}

/* The size of the next read: READ_CHUNK, less near the end of a regular
 * file with several workers, so that the last batches are small and no
 * worker is left scoring a full batch alone while the others idle. */
static size_t rd_chunk(const struct reader *r)
{
    size_t c = READ_CHUNK;
    if (r->jobs > 1 && r->size > r->bytes_read) {
        uint64_t share = (r->size - r->bytes_read) / (2 * (uint64_t)r->jobs);
        if (share < c)
            c = share < MIN_CHUNK ? MIN_CHUNK : (size_t)share;
    }
    return c;
}

/* Where the lines of a batch end: the offset of each '\n' in it. Found
 * in one pass when the batch is read, which also counts its lines, so
 * that scoring does not search each line for its end a second time. */
struct line_ends {
    uint32_t *v; /* [cap]; a batch is below 4 GiB (LINE_CAP + READ_MAX) */
    size_t n, cap;
};

static int ends_grow(struct line_ends *e)
{
    size_t cap = e->cap ? e->cap * 2 : 1024;
    uint32_t *v = realloc(e->v, cap * sizeof *v);
    if (!v)
        return -1;
    e->v = v;
    e->cap = cap;
    return 0;
}

static inline int ends_push(struct line_ends *e, size_t at)
{
    if (e->n == e->cap && ends_grow(e) != 0)
        return -1;
    e->v[e->n++] = (uint32_t)at;
    return 0;
}

/* Room in e for k more ends; -1 when out of memory. */
static int ends_reserve(struct line_ends *e, size_t k)
{
    while (e->cap - e->n < k)
        if (ends_grow(e) != 0)
            return -1;
    return 0;
}

/* ends_push, leaving room for more pushes after it. */
static int ends_push_room(struct line_ends *e, size_t at, size_t more)
{
    if (ends_reserve(e, more + 1) != 0)
        return -1;
    e->v[e->n++] = (uint32_t)at;
    return 0;
}

/*
 * One block of find_ends_sse2 (32 bytes) or find_ends_avx2 (64, and one of
 * 32 at the end), at offset i of p[0..n) with '\n' bits m; *v and *k are
 * the caller's e->v and e->n, held in locals (the stores through e->v
 * would otherwise reload e's fields).
 * -1 when out of memory. A block's first '\n' is stored without a branch:
 * a block has one or none in no order a predictor learns (lines of ~100
 * bytes), which cost a mispredict every line or so (21.6K on the bench
 * corpus). So find_line_ends makes room first for one a block, and a
 * block's second and later ones (short lines) go through ends_push_room,
 * which keeps that room for the blocks left. Inlined into both loops, as
 * lib/match.c's mask_runs is, so that each keeps v and k in registers.
 */
static inline __attribute__((always_inline)) int
ends_block(struct line_ends *e, uint32_t **v, size_t *k, size_t i, size_t n,
           uint64_t m)
{
    /* stored for nothing (not counted) when m is 0 */
    (*v)[*k] = (uint32_t)(i + (unsigned)__builtin_ctzll(m | 1ull << 63));
    *k += m != 0;
    if (__builtin_expect((m &= m - 1) != 0, 0)) {
        e->n = *k;
        for (; m; m &= m - 1)
            if (ends_push_room(e, i + (unsigned)__builtin_ctzll(m),
                               (n - i) / 32) != 0)
                return -1;
        *v = e->v;
        *k = e->n;
    }
    return 0;
}

#if defined(__SSE2__)
/* find_line_ends' loop over the whole 32-byte blocks of p[0..n), e being
 * empty with room for one end a block: returns the offset where the blocks
 * end, or (size_t)-1 when out of memory. Two 16-byte loads, compares and
 * masks a block, joined by a shift and an or. */
static size_t find_ends_sse2(const char *p, size_t n, struct line_ends *e)
{
    const __m128i nl = _mm_set1_epi8('\n');
    uint32_t *v = e->v;
    size_t i = 0, k = 0;
    for (; n - i >= 32; i += 32) {
        const __m128i *q = (const __m128i *)(const void *)(p + i);
        unsigned m =
            (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(q), nl)) |
            (unsigned)_mm_movemask_epi8(
                _mm_cmpeq_epi8(_mm_loadu_si128(q + 1), nl))
                << 16;
        if (ends_block(e, &v, &k, i, n, m) != 0)
            return (size_t)-1;
    }
    e->n = k;
    return i;
}
#endif

#if defined(SCORE_AVX2)
/* find_ends_sse2 with two 32-byte loads, compares and masks a block of 64
 * bytes (session 38: one a block of 32 cost 1.57M instructions on the bench
 * corpus, this 0.83M), then one 32-byte block if that much is left. */
__attribute__((target("avx2"))) static size_t
find_ends_avx2(const char *p, size_t n, struct line_ends *e)
{
    const __m256i nl = _mm256_set1_epi8('\n');
    uint32_t *v = e->v;
    size_t i = 0, k = 0;
    /* 64 bytes a block, two loads joined into one mask: a line (~142
     * bytes on the bench corpus) seldom has two ends in one, and the
     * block's own steps (the store, the count, the loop) are paid half as
     * often as with one load a block. */
    for (; n - i >= 64; i += 64) {
        const __m256i *q = (const __m256i *)(const void *)(p + i);
        uint64_t m =
            (uint32_t)_mm256_movemask_epi8(
                _mm256_cmpeq_epi8(_mm256_loadu_si256(q), nl)) |
            (uint64_t)(uint32_t)_mm256_movemask_epi8(
                _mm256_cmpeq_epi8(_mm256_loadu_si256(q + 1), nl))
                << 32;
        if (ends_block(e, &v, &k, i, n, m) != 0)
            return (size_t)-1;
    }
    if (n - i >= 32) {
        uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
            _mm256_loadu_si256((const __m256i *)(const void *)(p + i)), nl));
        if (ends_block(e, &v, &k, i, n, m) != 0)
            return (size_t)-1;
        i += 32;
    }
    e->n = k;
    return i;
}
#endif

/* find_line_ends with the loop chosen by the caller: find_ends_avx2 when
 * avx2 is set (the CPU must have it), else find_ends_sse2.
 * tests/unit/test_line_ends.c calls it both ways on one input. */
static int find_line_ends_with(const char *p, size_t n, struct line_ends *e,
                               int avx2)
{
    size_t i = 0;
    (void)avx2;
    e->n = 0;
    if (ends_reserve(e, n / 32 + 1) != 0)
        return -1;
#if defined(SCORE_AVX2)
    if (avx2)
        i = find_ends_avx2(p, n, e);
    else
#endif
#if defined(__SSE2__)
        i = find_ends_sse2(p, n, e);
#endif
    if (i == (size_t)-1)
        return -1;
    for (; i < n; i++)
        if (p[i] == '\n' && ends_push(e, i) != 0)
            return -1;
    return 0;
}

/* Sets e to the offsets of the '\n' in p[0..n); -1 when out of memory.
 * Called once a batch (many lines), so the AVX2 test costs nothing. */
static int find_line_ends(const char *p, size_t n, struct line_ends *e)
{
#if defined(SCORE_AVX2)
    return find_line_ends_with(p, n, e, __builtin_cpu_supports("avx2"));
#else
    return find_line_ends_with(p, n, e, 0);
#endif
}

/* The last '\n' in p[0..n), or NULL (memrchr is a GNU extension). */
static const char *last_newline(const char *p, size_t n)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    while (n >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + n - 16));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));
        if (m)
            return p + n - 16 + (31 - __builtin_clz(m));
        n -= 16;
    }
#endif
    while (n--)
        if (p[n] == '\n')
            return p + n;
    return NULL;
}

/*
 * Reads the next batch into in: whole lines, each ending in '\n' except a
 * last line without one at the end of the input, or the kept part of a
 * line longer than LINE_CAP (in->len is then above LINE_CAP: the scorer
 * cuts it). Returns the number of lines; 0 at the end of the input or on a
 * read error (r->err), where a partial line is dropped. Blocks only while
 * it has no whole line, so a pipe gets its answers line by line.
 */
static uint64_t rd_batch(struct reader *r, struct jbuf *in,
                         struct line_ends *ends)
{
    size_t len = 0, searched = 0; /* in[0..searched) holds no '\n' */
    in->len = 0;
    if (r->err)
        return 0;
    while (r->skipping) {
        if (r->eof) {
            r->skipping = 0;
            return 0;
        }
        if (jbuf_reserve(in, READ_MAX) != 0) {
            r->err = ENOMEM;
            return 0;
        }
        ssize_t k = rd_read(r, in->p, READ_MAX);
        if (k <= 0) {
            r->skipping = 0;
            return 0;
        }
        char *nl = memchr(in->p, '\n', (size_t)k);
        if (nl) {
            len = (size_t)k - (size_t)(nl + 1 - in->p);
            memmove(in->p, nl + 1, len);
            r->skipping = 0;
        }
    }
    if (r->carry_len) {
        /* in->len stays 0 until the end: reserving n makes room for n. */
        if (jbuf_reserve(in, r->carry_len + READ_CHUNK) != 0) {
            r->err = ENOMEM;
            return 0;
        }
        memcpy(in->p, r->carry, r->carry_len);
        len = searched = r->carry_len;
        r->carry_len = 0;
    }
    size_t cut, want = rd_chunk(r);
    for (;;) {
        if (len > searched) {
            const char *nl = last_newline(in->p + searched, len - searched);
            if (nl) {
                cut = (size_t)(nl + 1 - in->p);
                break;
            }
            searched = len;
        }
        if (len > LINE_CAP) { /* keep this much, drop the rest of the line */
            cut = len;
            r->skipping = 1;
            break;
        }
        if (r->eof) {
            cut = len;
            break;
        }
        if (jbuf_reserve(in, len + want) != 0) {
            r->err = ENOMEM;
            return 0;
        }
        ssize_t k = rd_read(r, in->p + len, want);
        if (k < 0)
            return 0;
        len += (size_t)k;
        /* A line longer than a read: read more at a time. */
        want = want >= READ_MAX / 2 ? READ_MAX : want * 2;
    }
    /* The tail is part of the last read, so it fits the carry. */
    r->carry_len = len - cut;
    if (r->carry_len)
        memcpy(r->carry, in->p + cut, r->carry_len);
    in->len = cut;
    if (find_line_ends(in->p, cut, ends) != 0) {
        r->err = ENOMEM;
        return 0;
    }
    uint64_t n = ends->n + (cut && in->p[cut - 1] != '\n');
    r->lines += n;
    return n;
}

/* ---------------------------------------------------------------------- */
/* One line                                                                */
/* ---------------------------------------------------------------------- */

struct pool;

/* A batch's lines are scored DECORUM_BATCH_MAX at a time: all parsed, all
 * analyzed with one decorum_analyze_batch call, all written, so each
 * step's code stays in the instruction cache from one line to the next.
 * One line between its parse and its output: */
struct line {
    uint64_t lineno;
    enum jsonl_code code; /* JSONL_OK: parsed, and analyzed as item; else
                           * the parser's message is in the worker's je */
    int truncated;        /* longer than LINE_CAP: refused, its id read */
    size_t item;          /* its index in the analyzed items */
};

struct worker {
    const decorum_engine *eng;
    decorum_scratch *scr;   /* allocated by the worker's own thread */
    struct jsonl_item item[DECORUM_BATCH_MAX]; /* parsed, with buffers */
    struct jsonl_error je[DECORUM_BATCH_MAX];
    struct line line[DECORUM_BATCH_MAX];
    decorum_context ctx[DECORUM_BATCH_MAX];
    decorum_item di[DECORUM_BATCH_MAX]; /* the lines that parsed */
    const decorum_result *res[DECORUM_BATCH_MAX];
    decorum_status st[DECORUM_BATCH_MAX];
    decorum_error de[DECORUM_BATCH_MAX];
    struct jbuf in;         /* the batch this worker read */
    struct line_ends ends;  /* where its lines end */
    struct pool *pl;
};

static void worker_free(struct worker *w)
{
    decorum_scratch_free(w->scr);
    for (size_t i = 0; i < DECORUM_BATCH_MAX; i++)
        jsonl_item_free(&w->item[i]);
    jbuf_free(&w->in);
    free(w->ends.v);
}

/* Opens an output line with the id (the line number when the input gave
 * none) and the ", " after it. One reservation for the three pieces, and
 * inline: this runs for every line. */
__attribute__((always_inline)) static inline int
put_id(struct jbuf *out, const struct jsonl_item *it, uint64_t lineno)
{
    static const char head[] = "{\"id\": ";
    if (!it->id)
        return jbuf_put(out, head, sizeof head - 1) ||
               jsonw_uint(out, lineno) || jbuf_put(out, ", ", 2);
    size_t n = it->id_len;
    if (n > SIZE_MAX - 16 || jbuf_reserve(out, n + 16) != 0)
        return -1;
    char *o = out->p + out->len;
    memcpy(o, head, sizeof head - 1);
    o += sizeof head - 1;
    /* Without a call: the ids of the bench corpus are 9 to 48 bytes with
     * their quotes, and the 17 to 48 of them (13,213 of 18,486 lines) went
     * to memcpy when only 8 to 16 were copied inline. */
    dcx_copy(o, it->id, n);
    memcpy(o + n, ", ", 2);
    out->len += sizeof head - 1 + n + 2;
    return 0;
}

/* Cold: most lines are scored, and its calls stay off their path. */
__attribute__((cold)) static int put_error(struct jbuf *out,
                                           const struct jsonl_item *it,
                                           uint64_t lineno,
                                           enum jsonl_code code,
                                           const char *msg)
{
    const char *name = jsonl_code_name(code);
    if (put_id(out, it, lineno) || jbuf_puts(out, "\"error\": {\"code\": ") ||
        jsonw_string(out, name, strlen(name)) ||
        jbuf_puts(out, ", \"message\": ") ||
        jsonw_string(out, msg, strlen(msg)) || jbuf_puts(out, "}}\n"))
        return -1;
    return 0;
}

/* Parses line j of a chunk, line[0, len) without its '\n' (truncated: it
 * was longer than LINE_CAP and is refused, its id still read). A line that
 * parses becomes the next of the *n_items items to analyze. */
static void parse_line(struct worker *w, size_t j, const char *line,
                       size_t len, uint64_t lineno, int truncated,
                       size_t *n_items)
{
    struct line *ln = &w->line[j];
    struct jsonl_item *it = &w->item[j];
    ln->lineno = lineno;
    ln->truncated = truncated;
    ln->code = jsonl_parse_line(line, len, it, &w->je[j]);
    if (truncated) {
        /* The parse of the kept part only served to find the id. */
        ln->code = JSONL_TOO_LONG;
    } else if (ln->code == JSONL_OK) {
        /* The context is built only for a line that has one (none of the
         * bench corpus's): five stores a line less. */
        decorum_context *ctx = NULL;
        if (it->parent.len || it->context.len) {
            ctx = &w->ctx[*n_items];
            *ctx = (decorum_context){it->parent.p, it->parent.len,
                                     it->context.p, it->context.len, 0};
        }
        w->di[*n_items] = (decorum_item){it->text.p, it->text.len, ctx};
        ln->item = (*n_items)++;
    }
}

/* Writes line j's output line: its result, or an error object. Returns 0
 * for a result, 1 for an error line, -1 when out of memory. */
static int emit_line(struct worker *w, size_t j, struct jbuf *out)
{
    struct line *ln = &w->line[j];
    const struct jsonl_item *it = &w->item[j];
    enum jsonl_code code = ln->code;
    const char *msg = w->je[j].message;
    char tmp[96];
    size_t mark = out->len;
    if (ln->truncated) {
        snprintf(tmp, sizeof tmp,
                 "the line is longer than %zu bytes and was skipped",
                 LINE_CAP);
        msg = tmp;
    }
    if (code == JSONL_OK) {
        decorum_status st = w->st[ln->item];
        if (st == DECORUM_OK) {
            if (put_id(out, it, ln->lineno) == 0 &&
                (it->text_plain ? jsonw_result_plain : jsonw_result)(
                    out, w->res[ln->item], it->text.p, it->text.len) == 0 &&
                jbuf_put(out, "}\n", 2) == 0)
                return 0;
            out->len = mark;
            code = JSONL_INTERNAL;
            msg = "the result is too large to write";
        } else {
            code = st == DECORUM_ERR_TOOBIG ? JSONL_TOO_LONG
                   : st == DECORUM_ERR_UTF8 ? JSONL_INVALID_UTF8
                                            : JSONL_INTERNAL;
            msg = w->de[ln->item].message;
        }
    }
    if (put_error(out, it, ln->lineno, code, msg) != 0) {
        out->len = mark;
        return -1;
    }
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Output and progress                                                     */
/* ---------------------------------------------------------------------- */

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

struct progress {
    int on;
    uint64_t total; /* input size, bytes */
    struct timespec t0;
    double last; /* seconds since t0 of the last redraw */
};

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Redraws at most ten times a second; final draws always and ends the
 * line, leaving a summary on the terminal. */
static void progress_draw(struct progress *pg, uint64_t bytes, uint64_t lines,
                          uint64_t errors, int final)
{
    if (!pg->on)
        return;
    double t = seconds_since(&pg->t0);
    if (!final && t - pg->last < 0.1)
        return;
    pg->last = t;
    double frac = pg->total ? (double)bytes / (double)pg->total : 1;
    if (frac > 1)
        frac = 1;
    char bar[31];
    int fill = (int)(frac * 30);
    for (int i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : ' ';
    bar[30] = '\0';
    double rate = t > 0 ? (double)lines / t : 0;
    fprintf(stderr,
            "\r%3d%% [%s] %.1f/%.1f MB  %llu comments  %.0f comments/s  "
            "%llu errors%s",
            (int)(frac * 100), bar, (double)bytes / 1e6,
            (double)pg->total / 1e6, (unsigned long long)lines, rate,
            (unsigned long long)errors, final ? "\n" : "");
    fflush(stderr);
}

/* ---------------------------------------------------------------------- */
/* Workers                                                                 */
/* ---------------------------------------------------------------------- */

/* A batch's output, waiting for its turn to be written. */
struct slot {
    struct jbuf out;
    uint64_t first_line; /* 1-based number of the batch's first line */
    uint64_t n;          /* lines in the batch */
    uint64_t in_bytes;   /* input consumed, for progress */
    uint64_t errors;
    uint64_t fatal_line; /* the line whose output could not be built */
    int done;            /* scored, waiting for its turn to be written */
    int fatal;           /* the output could not be built */
};

struct run {
    struct reader rd;
    struct progress pg;
    /* Written so far; only the worker holding the writer role touches them. */
    uint64_t lines, errors, bytes;
};

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv; /* the reader role or a slot was freed, the input
                          ended, the run stopped, or a worker got ready */
    struct slot *slots;
    size_t m;
    uint64_t next, written; /* batches read, batches written */
    unsigned jobs, ready;   /* workers, workers done setting up */
    int reading;            /* a worker holds the reader role */
    int writing;            /* a worker holds the writer role */
    int eof;                /* no batch is left to read */
    int stop;               /* fatal output error: stop reading and writing */
    int failed;             /* the writer reported an error */
    int abandon;            /* a worker could not start: drop the run */
    struct run *run;
};

static void process_batch(struct worker *w, struct slot *s)
{
    s->out.len = 0;
    s->errors = 0;
    s->fatal = 0;
    const char *p = w->in.p, *end = p + w->in.len;
    uint64_t lineno = s->first_line;
    size_t k = 0;
    while (p < end) {
        size_t m = 0, n_items = 0;
        for (; m < DECORUM_BATCH_MAX && p < end; m++, k++) {
            /* After the last '\n', a last line without one. */
            const char *nl = k < w->ends.n ? w->in.p + w->ends.v[k] : NULL;
            const char *next = nl ? nl + 1 : end;
            size_t len = (size_t)((nl ? nl : end) - p);
            /* The limit is the same wherever the read happened to stop. */
            int truncated = len > LINE_CAP;
            if (truncated)
                len = LINE_CAP;
            if (lineno == 1 && len >= 3 &&
                memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
                p += 3;
                len -= 3;
            }
            parse_line(w, m, p, len, lineno, truncated, &n_items);
            p = next;
            lineno++;
        }
        /* Its own status for each item: the call fails only for bad
         * arguments, which these are not. The reader has checked that the
         * strings are UTF-8. */
        dcx_analyze_batch_valid(w->eng, w->scr, w->di, n_items, w->res, w->st,
                                w->de);
        for (size_t j = 0; j < m; j++) {
            int r = emit_line(w, j, &s->out);
            if (r < 0) {
                s->fatal = 1;
                s->fatal_line = w->line[j].lineno;
                return;
            }
            s->errors += (uint64_t)r;
        }
    }
}

static void shrink(struct jbuf *b)
{
    if (b->cap > SHRINK_BYTES)
        jbuf_free(b);
}

/* Called with the lock held by the worker that just finished a batch:
 * writes every finished batch that is next in sequence, dropping the lock
 * around write(2) so the other workers keep going. */
static void write_ready(struct pool *pl)
{
    struct run *run = pl->run;
    if (pl->writing)
        return;
    pl->writing = 1;
    while (pl->written < pl->next && pl->slots[pl->written % pl->m].done) {
        struct slot *s = &pl->slots[pl->written % pl->m];
        int stopped = pl->stop;
        pthread_mutex_unlock(&pl->mu);
        int failed = 0;
        if (!stopped) {
            if (s->fatal) {
                fprintf(stderr, "%s: out of memory writing line %llu\n", PROG,
                        (unsigned long long)s->fatal_line);
                failed = 1;
            } else if (write_all(STDOUT_FILENO, s->out.p, s->out.len) != 0) {
                fprintf(stderr, "%s: cannot write the output: %s\n", PROG,
                        strerror(errno));
                failed = 1;
            }
        }
        if (!stopped && !failed) {
            run->lines += s->n;
            run->errors += s->errors;
            run->bytes += s->in_bytes;
            progress_draw(&run->pg, run->bytes, run->lines, run->errors, 0);
        }
        shrink(&s->out);
        pthread_mutex_lock(&pl->mu);
        s->done = 0;
        pl->written++;
        if (failed) {
            pl->stop = pl->failed = 1;
            pthread_cond_broadcast(&pl->cv); /* every waiter must see it */
        } else {
            pthread_cond_signal(&pl->cv);
        }
    }
    pl->writing = 0;
}

/* A worker: sets up its scratch, waits for the others, then takes the
 * reader role, scores the batch it read and takes the writer role if its
 * batch is the oldest unwritten one, until the input ends. */
static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct pool *pl = w->pl;
    decorum_error err;
    int ok = decorum_scratch_alloc(w->eng, &w->scr, &err) == DECORUM_OK;
    if (!ok)
        fprintf(stderr, "%s: %s\n", PROG, err.message);
    pthread_mutex_lock(&pl->mu);
    if (!ok)
        pl->abandon = 1;
    if (++pl->ready == pl->jobs || pl->abandon)
        pthread_cond_broadcast(&pl->cv);
    while (pl->ready < pl->jobs && !pl->abandon)
        pthread_cond_wait(&pl->cv, &pl->mu);
    struct reader *rd = &pl->run->rd;
    for (;;) {
        while (!pl->abandon && !pl->stop && !pl->eof &&
               (pl->reading || pl->next - pl->written >= pl->m))
            pthread_cond_wait(&pl->cv, &pl->mu);
        if (pl->abandon || pl->stop || pl->eof)
            break;
        /* The slot is ours: its previous batch has been written. */
        struct slot *s = &pl->slots[pl->next % pl->m];
        pl->reading = 1;
        pthread_mutex_unlock(&pl->mu);
        uint64_t before = rd_consumed(rd);
        s->first_line = rd->lines + 1;
        s->n = rd_batch(rd, &w->in, &w->ends);
        s->in_bytes = rd_consumed(rd) - before;
        pthread_mutex_lock(&pl->mu);
        pl->reading = 0;
        if (s->n == 0) { /* the end, or a read error */
            pl->eof = 1;
            break;
        }
        pl->next++;
        pthread_cond_signal(&pl->cv);
        int stopped = pl->stop;
        pthread_mutex_unlock(&pl->mu);
        if (!stopped)
            process_batch(w, s);
        shrink(&w->in);
        if (w->ends.cap * sizeof *w->ends.v > SHRINK_BYTES) {
            free(w->ends.v);
            w->ends = (struct line_ends){NULL, 0, 0};
        }
        pthread_mutex_lock(&pl->mu);
        s->done = 1;
        write_ready(pl);
    }
    /* Whatever ended the loop (the input, a failure) ends it for all. */
    pthread_cond_broadcast(&pl->cv);
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

/* Scores the whole input with jobs workers: this thread and jobs - 1
 * others. Returns 0, or -1 after reporting a failure. */
static int run_workers(struct run *run, const decorum_engine *eng,
                       unsigned jobs)
{
    struct pool pl;
    memset(&pl, 0, sizeof pl);
    pl.run = run;
    pl.jobs = jobs;
    /* One worker needs no reorder window: one slot stays in its cache. */
    pl.m = jobs == 1 ? 1 : 2 * (size_t)jobs + 2;
    pl.slots = calloc(pl.m, sizeof *pl.slots);
    struct worker *w = calloc(jobs, sizeof *w);
    pthread_t *th = calloc(jobs, sizeof *th);
    unsigned started = 0;
    int rc = 0;
    if (!pl.slots || !w || !th) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        rc = -1;
        goto out;
    }
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.cv, NULL);
    for (unsigned i = 0; i < jobs; i++) {
        w[i].eng = eng;
        w[i].pl = &pl;
    }
    for (unsigned i = 1; i < jobs; i++) {
        if (pthread_create(&th[i], NULL, worker_main, &w[i]) != 0) {
            fprintf(stderr, "%s: cannot start a thread\n", PROG);
            pthread_mutex_lock(&pl.mu);
            pl.abandon = 1;
            pthread_cond_broadcast(&pl.cv);
            pthread_mutex_unlock(&pl.mu);
            break;
        }
        started++;
    }
    worker_main(&w[0]);
    for (unsigned i = 1; i <= started; i++)
        pthread_join(th[i], NULL);
    if (run->rd.err) {
        fprintf(stderr, "%s: cannot read the input: %s\n", PROG,
                strerror(run->rd.err));
        rc = -1;
    }
    if (pl.abandon || pl.failed)
        rc = -1;
    pthread_cond_destroy(&pl.cv);
    pthread_mutex_destroy(&pl.mu);
out:
    if (w)
        for (unsigned i = 0; i < jobs; i++)
            worker_free(&w[i]);
    if (pl.slots)
        for (size_t i = 0; i < pl.m; i++)
            jbuf_free(&pl.slots[i].out);
    free(pl.slots);
    free(w);
    free(th);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Command                                                                 */
/* ---------------------------------------------------------------------- */

static void help(void)
{
    printf("usage: decorum score [OPTIONS] [FILE|-]\n"
           "\n"
           "Scores JSONL comments, one JSON object per line, and writes one "
           "JSON line per\ninput line, in input order. Input lines look "
           "like\n"
           "  {\"id\": \"c1\", \"text\": \"...\", \"parent\": \"...\", "
           "\"context\": \"article title\"}\n"
           "(only text is required; id is echoed as given, or the line "
           "number is used).\nBad lines get {\"id\": ..., \"error\": "
           "{\"code\": ..., \"message\": ...}} and the run\ngoes on; the "
           "exit status is then 1. See docs/CLI.md.\n"
           "\n"
           "Reads FILE, or standard input when FILE is absent or '-'.\n"
           "\n"
           "Options:\n"
           "  -j, --jobs N    worker threads; 0 (default): one per online "
           "CPU\n" CLIOPT_ENGINE_HELP
           "  --no-progress   no progress bar (shown on a terminal for file "
           "input)\n"
           "  -h, --help      this help\n");
}

enum { OPT_JOBS = 1, OPT_NO_PROGRESS, OPT_HELP };

int cmd_score(int argc, char **argv)
{
    static const struct cliopt_spec specs[] = {
        {"jobs", 'j', 1, OPT_JOBS},
        {"no-progress", 0, 0, OPT_NO_PROGRESS},
        {"help", 'h', 0, OPT_HELP},
        CLIOPT_ENGINE_SPECS,
        {NULL, 0, 0, 0},
    };
    struct cliopt o;
    struct cliopt_engine eo = {0};
    const char *path = NULL, *arg;
    unsigned jobs = 0;
    int no_progress = 0, id, rc;
    cliopt_init(&o, argc, argv, PROG, specs);
    while ((id = cliopt_next(&o, &arg)) != CLIOPT_END) {
        switch (id) {
        case CLIOPT_ERROR:
            return 2;
        case CLIOPT_OPERAND:
            if (path)
                return cliopt_usage_error(PROG, "one input file at most");
            path = arg;
            break;
        case OPT_JOBS:
            if (cliopt_uint(arg, MAX_JOBS, &jobs) != 0)
                return cliopt_usage_error(
                    PROG, "-j needs a number of threads from 0 to %d, not '%s'",
                    MAX_JOBS, arg);
            break;
        case OPT_NO_PROGRESS:
            no_progress = 1;
            break;
        case OPT_HELP:
            help();
            return 0;
        default:
            if ((rc = cliopt_engine_option(&eo, PROG, id, arg)) != 0)
                return rc;
        }
    }
    if (jobs == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
    }

    int fd = STDIN_FILENO;
    if (path && strcmp(path, "-") != 0) {
        fd = open(path, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: cannot open '%s': %s\n", PROG, path,
                    strerror(errno));
            return 1;
        }
    }
    decorum_engine *eng = NULL;
    struct run run;
    memset(&run, 0, sizeof run);
    struct stat st;
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if ((rc = cliopt_engine_open(&eo, PROG, &eng)) != 0)
        goto done;
    if (rd_init(&run.rd, fd, jobs, regular ? (uint64_t)st.st_size : 0) != 0) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        rc = 1;
        goto done;
    }
    if (!no_progress && regular && isatty(STDERR_FILENO)) {
        run.pg.on = 1;
        run.pg.total = (uint64_t)st.st_size;
        clock_gettime(CLOCK_MONOTONIC, &run.pg.t0);
    }
    int failed = run_workers(&run, eng, jobs) != 0;
    progress_draw(&run.pg, rd_consumed(&run.rd), run.lines, run.errors, 1);
    rc = failed || run.errors ? 1 : 0;
done:
    rd_free(&run.rd);
    decorum_engine_free(eng);
    if (fd != STDIN_FILENO)
        close(fd);
    return rc;
}
