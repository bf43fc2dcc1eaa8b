/*
 * counting_alloc.h: a decorum_allocator for tests that counts live blocks
 * and bytes and fails the Nth call on request (SQLite-style fault
 * injection). Bytes are added on allocation and subtracted with the size
 * the library passes to free, so a wrong size shows up as imbalance.
 */
#ifndef COUNTING_ALLOC_H
#define COUNTING_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "decorum.h"

typedef struct counting {
    long live;        /* blocks allocated and not freed */
    long long bytes;  /* bytes allocated and not freed */
    size_t calls;     /* malloc and realloc calls so far */
    size_t fail_at;   /* the call (0-based) that fails; SIZE_MAX: none */
    bool failed;      /* a call was failed */
} counting;

static inline void *counting_malloc(void *ctx, size_t size)
{
    counting *c = ctx;
    if (c->calls++ == c->fail_at) {
        c->failed = true;
        return NULL;
    }
    void *p = malloc(size);
    if (p) {
        c->live++;
        c->bytes += (long long)size;
    }
    return p;
}

static inline void *counting_realloc(void *ctx, void *p, size_t old_size,
                                     size_t new_size)
{
    counting *c = ctx;
    if (c->calls++ == c->fail_at) {
        c->failed = true;
        return NULL;
    }
    void *q = realloc(p, new_size);
    if (q) {
        if (!p)
            c->live++;
        c->bytes += (long long)new_size - (long long)(p ? old_size : 0);
    }
    return q;
}

static inline void counting_free(void *ctx, void *p, size_t size)
{
    counting *c = ctx;
    if (!p)
        return;
    c->live--;
    c->bytes -= (long long)size;
    free(p);
}

/* Resets c to fail call number fail_at (SIZE_MAX: never). */
static inline decorum_allocator counting_init(counting *c, size_t fail_at)
{
    c->live = 0;
    c->bytes = 0;
    c->calls = 0;
    c->fail_at = fail_at;
    c->failed = false;
    decorum_allocator a = {counting_malloc, counting_realloc, counting_free,
                           c};
    return a;
}

#endif
