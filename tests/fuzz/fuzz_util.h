/*
 * fuzz_util.h: helpers shared by the libFuzzer harnesses in tests/fuzz.
 *
 * FUZZ_CHECK aborts with a message when an invariant fails, so libFuzzer
 * records the input as a crash. A counting allocator lets a harness check
 * that the library gave back everything it took.
 */
#ifndef DECORUM_FUZZ_UTIL_H
#define DECORUM_FUZZ_UTIL_H

#include "decorum.h"

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond, ...)                                                  \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__,         \
                    __LINE__, #cond);                                          \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* Counts bytes and blocks outstanding, checking the sizes free() is given. */
typedef struct fuzz_count {
    size_t blocks, bytes;
} fuzz_count;

static inline void *fuzz_count_malloc(void *ctx, size_t size)
{
    fuzz_count *c = ctx;
    void *p = malloc(size);
    if (p) {
        c->blocks++;
        c->bytes += size;
    }
    return p;
}

static inline void *fuzz_count_realloc(void *ctx, void *p, size_t old_size,
                                       size_t new_size)
{
    fuzz_count *c = ctx;
    void *q = realloc(p, new_size);
    if (q) {
        if (!p)
            c->blocks++;
        c->bytes += new_size;
        c->bytes -= old_size;
    }
    return q;
}

static inline void fuzz_count_free(void *ctx, void *p, size_t size)
{
    fuzz_count *c = ctx;
    if (!p)
        return;
    c->blocks--;
    c->bytes -= size;
    free(p);
}

static inline decorum_allocator fuzz_count_allocator(fuzz_count *c)
{
    decorum_allocator a = {fuzz_count_malloc, fuzz_count_realloc,
                           fuzz_count_free, c};
    return a;
}

#endif
