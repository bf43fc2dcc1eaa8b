/*
 * score.c: `decorum score`, bulk scoring of JSONL comments (schema and error
 * codes in docs/CLI.md).
 *
 * One output line per input line, in input order, streaming with bounded
 * memory. The pipeline:
 *
 *   reader (main thread): read(2) into a 1 MiB window, split lines, copy
 *     up to BATCH_LINES lines into the next free batch slot
 *   workers (-j N): take batches in sequence, each with its own scratch
 *     (the engine is shared), parse + analyze + write JSON into the batch's
 *     own output buffer
 *   ordered writer: whichever worker finishes the oldest unwritten batch
 *     takes the writer role and writes every finished batch in sequence
 *
 * The slots form a ring of 2N+2 batches: the reorder window. The reader
 * waits when all are in flight, so memory is bounded by the window, not by
 * the input. With -j 1 everything runs in the main thread on the reader's
 * window directly: no copies, no locks.
 *
 * Lines longer than LINE_CAP are consumed to their end but only their first
 * LINE_CAP bytes are kept; they are reported as too_long (with their id
 * when it appears in the kept part).
 */
#include "cli.h"
#include "cliopt.h"
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

#define PROG "decorum score"
#define LINE_CAP ((size_t)4 << 20)   /* longest line kept, bytes */
#define READ_CHUNK ((size_t)1 << 20) /* bytes per read(2) */
#define BATCH_LINES 256
#define BATCH_BYTES ((size_t)1 << 20) /* a batch closes past this much input */
#define FLUSH_BYTES ((size_t)256 << 10) /* -j 1 output flush size */
#define SHRINK_BYTES ((size_t)8 << 20)  /* buffers larger than this are freed
                                           after use: one huge line must not
                                           pin memory in every slot */
#define MAX_JOBS 256

/* ---------------------------------------------------------------------- */
/* Line reader                                                             */
/* ---------------------------------------------------------------------- */

struct lr {
    int fd;
    char *buf;          /* [LINE_CAP + READ_CHUNK] */
    size_t start, end;  /* unconsumed bytes: buf[start..end) */
    size_t scan;        /* buf[start..scan) holds no '\n' */
    int eof, skipping;  /* skipping: discarding the rest of a long line */
    uint64_t bytes_read;
    uint64_t lines;     /* lines returned so far */
    int err;            /* errno of a failed read, or 0 */
};

static int lr_init(struct lr *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->buf = malloc(LINE_CAP + READ_CHUNK);
    return r->buf ? 0 : -1;
}

static void lr_free(struct lr *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Bytes of input consumed so far (whole lines handed out). */
static uint64_t lr_consumed(const struct lr *r)
{
    return r->bytes_read - (r->end - r->start);
}

static int lr_fill(struct lr *r)
{
    /* What is left is a partial line, usually short: move it to the front
     * so reads stay in the first READ_CHUNK bytes, which stay in cache. */
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->scan -= r->start;
        r->start = 0;
    }
    size_t room = LINE_CAP + READ_CHUNK - r->end;
    if (room > READ_CHUNK)
        room = READ_CHUNK;
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->end, room);
        if (n > 0) {
            r->end += (size_t)n;
            r->bytes_read += (uint64_t)n;
            return 0;
        }
        if (n == 0) {
            r->eof = 1;
            return 0;
        }
        if (errno != EINTR) {
            r->err = errno;
            return -1;
        }
    }
}

#define LR_MUST_READ 2

/*
 * Returns 1 with the next line in *line, *len (without '\n'; a final line
 * without newline counts; the first line loses a UTF-8 BOM), 0 at the end,
 * -1 on a read error. *truncated is set when the line was longer than
 * LINE_CAP: *line then holds its first bytes only. The line stays valid
 * until the next call.
 *
 * With may_read 0, returns LR_MUST_READ instead of calling read(2): the
 * callers use it to flush what they have before they may block on a pipe,
 * so `tail -f log | decorum score` answers line by line.
 */
static int lr_next(struct lr *r, const char **line, size_t *len,
                   int *truncated, int may_read)
{
    if (r->err)
        return -1;
    for (;;) {
        if (r->skipping) {
            char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
            if (nl) {
                r->start = r->scan = (size_t)(nl - r->buf) + 1;
                r->skipping = 0;
                continue;
            }
            r->start = r->scan = r->end;
            if (r->eof) {
                r->skipping = 0;
                continue;
            }
            if (!may_read)
                return LR_MUST_READ;
            if (lr_fill(r) != 0)
                return -1;
            continue;
        }
        char *nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
        if (nl || (r->eof && r->start < r->end)) {
            size_t stop = nl ? (size_t)(nl - r->buf) : r->end;
            *line = r->buf + r->start;
            *len = stop - r->start;
            /* The window can hold a little more than LINE_CAP; the limit
             * is the same wherever the line happens to end. */
            *truncated = *len > LINE_CAP;
            if (*truncated)
                *len = LINE_CAP;
            r->start = r->scan = nl ? stop + 1 : stop;
            break;
        }
        if (r->eof)
            return 0;
        r->scan = r->end;
        if (r->end - r->start > LINE_CAP) {
            *line = r->buf + r->start;
            *len = LINE_CAP;
            *truncated = 1;
            r->start = r->scan = r->end;
            r->skipping = 1;
            break;
        }
        if (!may_read)
            return LR_MUST_READ;
        if (lr_fill(r) != 0)
            return -1;
    }
    if (++r->lines == 1 && *len >= 3 && memcmp(*line, "\xEF\xBB\xBF", 3) == 0) {
        *line += 3;
        *len -= 3;
    }
    return 1;
}

/* ---------------------------------------------------------------------- */
/* One line                                                                */
/* ---------------------------------------------------------------------- */

struct worker {
    const decorum_engine *eng;
    decorum_scratch *scr;
    struct jsonl_item item;
};

static int put_id(struct jbuf *out, const struct jsonl_item *it,
                  uint64_t lineno)
{
    if (jbuf_puts(out, "{\"id\": "))
        return -1;
    if (it->id)
        return jbuf_put(out, it->id, it->id_len);
    return jsonw_uint(out, lineno);
}

static int put_error(struct jbuf *out, const struct jsonl_item *it,
                     uint64_t lineno, enum jsonl_code code, const char *msg)
{
    const char *name = jsonl_code_name(code);
    if (put_id(out, it, lineno) || jbuf_puts(out, ", \"error\": {\"code\": ") ||
        jsonw_string(out, name, strlen(name)) ||
        jbuf_puts(out, ", \"message\": ") ||
        jsonw_string(out, msg, strlen(msg)) || jbuf_puts(out, "}}\n"))
        return -1;
    return 0;
}

/* Appends the output line for one input line. Returns 0 when the line was
 * scored, 1 when it got an error line, -1 when the output buffer cannot
 * grow (fatal). */
static int score_line(struct worker *w, const char *line, size_t len,
                      uint64_t lineno, int truncated, struct jbuf *out)
{
    struct jsonl_item *it = &w->item;
    struct jsonl_error je;
    decorum_error de; /* here, not in the branch: msg may point into it */
    const char *msg = je.message;
    size_t mark = out->len;
    char tmp[96];
    enum jsonl_code code = jsonl_parse_line(line, len, it, &je);
    if (truncated) {
        /* The parse of the kept part only served to find the id. */
        code = JSONL_TOO_LONG;
        snprintf(tmp, sizeof tmp,
                 "the line is longer than %zu bytes and was skipped",
                 LINE_CAP);
        msg = tmp;
    } else if (code == JSONL_OK) {
        decorum_context ctx = {it->parent.p, it->parent.len, it->context.p,
                               it->context.len, 0};
        const decorum_result *res;
        decorum_status st = decorum_analyze(
            w->eng, w->scr, it->text.p, it->text.len,
            (it->parent.len || it->context.len) ? &ctx : NULL, &res, &de);
        if (st == DECORUM_OK) {
            if (put_id(out, it, lineno) == 0 && jbuf_put(out, ", ", 2) == 0 &&
                jsonw_result(out, res, it->text.p, it->text.len) == 0 &&
                jbuf_put(out, "}\n", 2) == 0)
                return 0;
            out->len = mark;
            code = JSONL_INTERNAL;
            msg = "the result is too large to write";
        } else {
            code = st == DECORUM_ERR_TOOBIG ? JSONL_TOO_LONG
                   : st == DECORUM_ERR_UTF8 ? JSONL_INVALID_UTF8
                                            : JSONL_INTERNAL;
            msg = de.message;
        }
    }
    if (put_error(out, it, lineno, code, msg) != 0) {
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
/* -j 1: everything in this thread                                         */
/* ---------------------------------------------------------------------- */

struct run {
    const decorum_engine *eng;
    struct lr lr;
    struct progress pg;
    uint64_t lines, errors;
    int failed; /* an I/O or fatal error was reported */
};

static int worker_init(struct worker *w, const decorum_engine *eng)
{
    memset(w, 0, sizeof *w);
    w->eng = eng;
    decorum_error err;
    if (decorum_scratch_alloc(eng, &w->scr, &err) != DECORUM_OK) {
        fprintf(stderr, "%s: %s\n", PROG, err.message);
        return -1;
    }
    return 0;
}

static void worker_free(struct worker *w)
{
    decorum_scratch_free(w->scr);
    jsonl_item_free(&w->item);
}

static void report_read_error(struct run *run)
{
    fprintf(stderr, "%s: cannot read the input: %s\n", PROG,
            strerror(run->lr.err));
    run->failed = 1;
}

static void run_single(struct run *run)
{
    struct worker w;
    struct jbuf out = {0};
    if (worker_init(&w, run->eng) != 0) {
        run->failed = 1;
        return;
    }
    const char *line;
    size_t len;
    int trunc, rc;
    for (;;) {
        rc = lr_next(&run->lr, &line, &len, &trunc, 0);
        if (rc == LR_MUST_READ) {
            if (out.len) {
                if (write_all(STDOUT_FILENO, out.p, out.len) != 0) {
                    fprintf(stderr, "%s: cannot write the output: %s\n",
                            PROG, strerror(errno));
                    run->failed = 1;
                    break;
                }
                out.len = 0;
                progress_draw(&run->pg, lr_consumed(&run->lr), run->lines,
                              run->errors, 0);
            }
            rc = lr_next(&run->lr, &line, &len, &trunc, 1);
        }
        if (rc <= 0)
            break;
        int r = score_line(&w, line, len, ++run->lines, trunc, &out);
        if (r < 0) {
            fprintf(stderr, "%s: out of memory writing line %llu\n", PROG,
                    (unsigned long long)run->lines);
            run->failed = 1;
            break;
        }
        run->errors += (uint64_t)r;
        if (out.len >= FLUSH_BYTES) {
            if (write_all(STDOUT_FILENO, out.p, out.len) != 0) {
                fprintf(stderr, "%s: cannot write the output: %s\n", PROG,
                        strerror(errno));
                run->failed = 1;
                break;
            }
            out.len = 0;
        }
    }
    if (rc < 0)
        report_read_error(run);
    if (out.len && !run->failed &&
        write_all(STDOUT_FILENO, out.p, out.len) != 0) {
        fprintf(stderr, "%s: cannot write the output: %s\n", PROG,
                strerror(errno));
        run->failed = 1;
    }
    jbuf_free(&out);
    worker_free(&w);
}

/* ---------------------------------------------------------------------- */
/* -j N: reader, workers, ordered writer                                   */
/* ---------------------------------------------------------------------- */

struct line_ref {
    size_t off, len; /* in the batch's input buffer */
    int truncated;
};

struct batch {
    struct jbuf in, out;
    struct line_ref lines[BATCH_LINES];
    size_t n;
    uint64_t first_line; /* 1-based number of lines[0] */
    uint64_t in_bytes;   /* input consumed, for progress */
    uint64_t errors;
    int done;  /* processed, waiting for its turn to be written */
    int fatal; /* the output could not be built */
};

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work;  /* a batch is ready, or the input ended */
    pthread_cond_t space; /* a slot was freed, or the run stops */
    struct batch *slots;
    size_t m;
    uint64_t filled, taken, written; /* batch sequence counters */
    int eof;     /* the reader filled its last batch */
    int writing; /* some worker holds the writer role */
    int stop;    /* fatal error: stop reading and writing */
    int failed;  /* the writer reported an error */
    uint64_t bytes_done;
    struct run *run;
};

struct worker_arg {
    struct pool *pool;
    struct worker w;
};

static void process_batch(struct worker *w, struct batch *b)
{
    b->out.len = 0;
    b->errors = 0;
    b->fatal = 0;
    for (size_t i = 0; i < b->n; i++) {
        const struct line_ref *l = &b->lines[i];
        /* A batch of empty lines never allocated its input buffer. */
        const char *line = b->in.p ? b->in.p + l->off : "";
        int r = score_line(w, line, l->len, b->first_line + i, l->truncated,
                           &b->out);
        if (r < 0) {
            b->fatal = 1;
            return;
        }
        b->errors += (uint64_t)r;
    }
}

static void shrink(struct jbuf *b)
{
    if (b->cap > SHRINK_BYTES)
        jbuf_free(b);
}

/* Called with the lock held by the worker that just finished a batch:
 * writes every finished batch that is next in sequence, dropping the lock
 * around write(2) so other workers keep going. */
static void write_ready(struct pool *pl)
{
    struct run *run = pl->run;
    if (pl->writing)
        return;
    pl->writing = 1;
    while (pl->written < pl->filled && pl->slots[pl->written % pl->m].done) {
        struct batch *b = &pl->slots[pl->written % pl->m];
        int stopped = pl->stop;
        pthread_mutex_unlock(&pl->mu);
        int failed = 0;
        if (!stopped) {
            if (b->fatal) {
                fprintf(stderr, "%s: out of memory writing line %llu\n", PROG,
                        (unsigned long long)b->first_line);
                failed = 1;
            } else if (write_all(STDOUT_FILENO, b->out.p, b->out.len) != 0) {
                fprintf(stderr, "%s: cannot write the output: %s\n", PROG,
                        strerror(errno));
                failed = 1;
            }
        }
        if (!stopped && !failed) {
            run->lines += b->n;
            run->errors += b->errors;
            pl->bytes_done += b->in_bytes;
            progress_draw(&run->pg, pl->bytes_done, run->lines, run->errors,
                          0);
        }
        shrink(&b->in);
        shrink(&b->out);
        pthread_mutex_lock(&pl->mu);
        if (failed)
            pl->stop = pl->failed = 1;
        b->done = 0;
        pl->written++;
        pthread_cond_signal(&pl->space);
    }
    pl->writing = 0;
}

static void *worker_main(void *arg)
{
    struct worker_arg *wa = arg;
    struct pool *pl = wa->pool;
    pthread_mutex_lock(&pl->mu);
    for (;;) {
        while (pl->taken == pl->filled && !pl->eof)
            pthread_cond_wait(&pl->work, &pl->mu);
        if (pl->taken == pl->filled)
            break;
        struct batch *b = &pl->slots[pl->taken++ % pl->m];
        int stopped = pl->stop;
        pthread_mutex_unlock(&pl->mu);
        if (!stopped)
            process_batch(&wa->w, b);
        pthread_mutex_lock(&pl->mu);
        b->done = 1;
        write_ready(pl);
    }
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

/* Fills b with the next lines. Returns the number of lines, or -1 on a
 * read error or when the input buffer cannot grow. */
static long fill_batch(struct lr *r, struct batch *b)
{
    uint64_t before = lr_consumed(r);
    b->n = 0;
    b->in.len = 0;
    b->first_line = r->lines + 1;
    const char *line;
    size_t len;
    int trunc, rc = 0;
    while (b->n < BATCH_LINES && b->in.len < BATCH_BYTES) {
        /* A batch that has lines goes out rather than wait for input. */
        rc = lr_next(r, &line, &len, &trunc, b->n == 0);
        if (rc != 1)
            break;
        struct line_ref *l = &b->lines[b->n++];
        l->off = b->in.len;
        l->len = len;
        l->truncated = trunc;
        if (jbuf_put(&b->in, line, len) != 0) {
            r->err = ENOMEM;
            return -1;
        }
    }
    b->in_bytes = lr_consumed(r) - before;
    /* After a read error the lines already read still go out; the next
     * call reports the error. */
    return rc == -1 && b->n == 0 ? -1 : (long)b->n;
}

static void run_pool(struct run *run, unsigned jobs)
{
    struct pool pl;
    memset(&pl, 0, sizeof pl);
    pl.run = run;
    pl.m = 2 * (size_t)jobs + 2;
    pl.slots = calloc(pl.m, sizeof *pl.slots);
    struct worker_arg *wa = calloc(jobs, sizeof *wa);
    pthread_t *th = calloc(jobs, sizeof *th);
    unsigned started = 0;
    int abandon = 0; /* a worker could not start: drop the run */
    if (!pl.slots || !wa || !th) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        run->failed = 1;
        goto out;
    }
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.work, NULL);
    pthread_cond_init(&pl.space, NULL);
    for (unsigned i = 0; i < jobs; i++) {
        wa[i].pool = &pl;
        if (worker_init(&wa[i].w, run->eng) != 0) {
            run->failed = abandon = 1;
            break;
        }
        if (pthread_create(&th[i], NULL, worker_main, &wa[i]) != 0) {
            fprintf(stderr, "%s: cannot start a thread\n", PROG);
            worker_free(&wa[i].w);
            run->failed = abandon = 1;
            break;
        }
        started++;
    }
    /* Only this thread touches run->failed until the workers are joined;
     * the writer reports through pl.failed. */
    while (!run->failed) {
        pthread_mutex_lock(&pl.mu);
        while (pl.filled - pl.written >= pl.m && !pl.stop)
            pthread_cond_wait(&pl.space, &pl.mu);
        int stop = pl.stop;
        pthread_mutex_unlock(&pl.mu);
        if (stop)
            break;
        /* The slot is ours: its previous batch has been written. */
        struct batch *b = &pl.slots[pl.filled % pl.m];
        long n = fill_batch(&run->lr, b);
        if (n < 0) {
            report_read_error(run);
            break;
        }
        if (n == 0)
            break;
        pthread_mutex_lock(&pl.mu);
        pl.filled++;
        pthread_cond_signal(&pl.work);
        pthread_mutex_unlock(&pl.mu);
    }
    pthread_mutex_lock(&pl.mu);
    /* After a read error, what was read is still scored and written. */
    pl.eof = 1;
    if (abandon)
        pl.stop = 1;
    pthread_cond_broadcast(&pl.work);
    pthread_mutex_unlock(&pl.mu);
    for (unsigned i = 0; i < started; i++) {
        pthread_join(th[i], NULL);
        worker_free(&wa[i].w);
    }
    if (pl.failed)
        run->failed = 1;
    pthread_cond_destroy(&pl.space);
    pthread_cond_destroy(&pl.work);
    pthread_mutex_destroy(&pl.mu);
out:
    if (pl.slots)
        for (size_t i = 0; i < pl.m; i++) {
            jbuf_free(&pl.slots[i].in);
            jbuf_free(&pl.slots[i].out);
        }
    free(pl.slots);
    free(wa);
    free(th);
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
    if ((rc = cliopt_engine_open(&eo, PROG, &eng)) != 0)
        goto done;
    run.eng = eng;
    if (lr_init(&run.lr, fd) != 0) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        rc = 1;
        goto done;
    }
    struct stat st;
    if (!no_progress && isatty(STDERR_FILENO) && fstat(fd, &st) == 0 &&
        S_ISREG(st.st_mode)) {
        run.pg.on = 1;
        run.pg.total = (uint64_t)st.st_size;
        clock_gettime(CLOCK_MONOTONIC, &run.pg.t0);
    }
    if (jobs == 1)
        run_single(&run);
    else
        run_pool(&run, jobs);
    progress_draw(&run.pg, lr_consumed(&run.lr), run.lines, run.errors, 1);
    rc = run.failed || run.errors ? 1 : 0;
done:
    lr_free(&run.lr);
    decorum_engine_free(eng);
    if (fd != STDIN_FILENO)
        close(fd);
    return rc;
}
