/*
 * test_alloc.c: the tables of lib/alloc.c (dc_table_new, dc_table_free),
 * which hold the model's per-thread word cache: zeroed and writable to
 * their last byte; with the C library's allocator, a table of 1 MiB or
 * more is its own 2 MiB-aligned mapping (on a huge page where the kernel
 * allows) that dc_table_free unmaps whole; a user allocator sees every
 * table, freed with the size it was made with.
 */
#include <criterion/criterion.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counting_alloc.h"
#include "decorum_int.h"

#define MIB ((size_t)1 << 20)

static const size_t sizes[] = {1, 4096, 393280, MIB, 1310800, 5 * MIB};

/* Whether address a lies in one of the process's mappings, read from
 * /proc/self/maps (not probed with a system call on a freed range, which
 * valgrind rightly reports). */
static bool mapped_at(const void *a)
{
    FILE *f = fopen("/proc/self/maps", "r");
    cr_assert_not_null(f, "/proc/self/maps");
    uintptr_t x = (uintptr_t)a, lo, hi;
    bool in = false;
    char line[512];
    while (!in && fgets(line, sizeof line, f))
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR, &lo, &hi) == 2)
            in = lo <= x && x < hi;
    fclose(f);
    return in;
}

static size_t nonzero(const unsigned char *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += p[i] != 0;
    return k;
}

Test(alloc, tables_from_the_c_library_are_zeroed_aligned_and_unmapped)
{
    dc_alloc std;
    dc_alloc_init(&std, NULL);
    /* Every table the test asks for is mapped unless the build leaves the
     * mapped way out (AddressSanitizer, or no MADV_HUGEPAGE). */
    bool any_mapped = dc_table_mapped(&std, 5 * MIB);
    cr_assert_not(dc_table_mapped(&std, MIB - 1),
                  "a table under 1 MiB would waste most of a huge page");
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t n = sizes[i];
        bool mapped = dc_table_mapped(&std, n);
        cr_assert_eq(mapped, any_mapped && n >= MIB, "%zu bytes", n);
        unsigned char *p = dc_table_new(&std, n);
        cr_assert_not_null(p, "%zu bytes", n);
        cr_assert_eq(nonzero(p, n), 0, "%zu bytes: not zeroed", n);
        memset(p, 0xa5, n);
        cr_assert_eq(p[n - 1], 0xa5);
        if (!mapped) {
            dc_table_free(&std, p, n);
            continue;
        }
        size_t len = (n + 2 * MIB - 1) & ~(2 * MIB - 1);
        cr_assert_eq((uintptr_t)p % (2 * MIB), 0,
                     "%zu bytes at %p: not 2 MiB aligned", n, (void *)p);
        for (size_t off = 0; off < len; off += MIB)
            cr_assert(mapped_at(p + off), "%zu bytes: +%zu not mapped", n, off);
        dc_table_free(&std, p, n);
        /* The whole rounded table went, not only its first pages. */
        for (size_t off = 0; off < len; off += MIB)
            cr_assert_not(mapped_at(p + off),
                          "%zu bytes: page at +%zu still mapped", n, off);
    }
}

Test(alloc, a_user_allocator_sees_every_table)
{
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t n = sizes[i];
        counting c;
        decorum_allocator a = counting_init(&c, SIZE_MAX);
        dc_alloc al;
        dc_alloc_init(&al, &a);
        cr_assert_not(dc_table_mapped(&al, n));
        unsigned char *p = dc_table_new(&al, n);
        cr_assert_not_null(p);
        cr_assert_eq(c.live, 1, "%zu bytes: the user allocator was bypassed",
                     n);
        cr_assert_eq(c.bytes, (long long)n);
        cr_assert_eq(nonzero(p, n), 0, "%zu bytes: not zeroed", n);
        dc_table_free(&al, p, n);
        cr_assert_eq(c.live, 0);
        cr_assert_eq(c.bytes, 0);
    }
}

Test(alloc, a_failing_user_allocator_gives_null)
{
    counting c;
    decorum_allocator a = counting_init(&c, 0);
    dc_alloc al;
    dc_alloc_init(&al, &a);
    cr_assert_null(dc_table_new(&al, 5 * MIB));
    cr_assert(c.failed);
    cr_assert_eq(c.live, 0);
    dc_table_free(&al, NULL, 5 * MIB); /* freeing nothing is allowed */
}

/* A scratch's arena (dc_arena_init): with the C library's allocator, where
 * the build maps tables, one 2 MiB-aligned mapping from which blocks are
 * bumped, 64-byte aligned; the last block grows in place, a freed last
 * block is handed out again (zeroed by dc_calloc), an earlier one moves
 * when it grows with its bytes kept, and what does not fit comes from the
 * engine's allocator. dc_arena_release unmaps it. */
Test(alloc, an_arena_bumps_grows_in_place_and_overflows_to_its_allocator)
{
    dc_alloc std;
    dc_alloc_init(&std, NULL);
    dc_arena a;
    const dc_alloc *al = dc_arena_init(&a, &std, DC_ARENA_SCRATCH);
    if (al == &std) {
        cr_assert(!dc_table_mapped(&std, DC_ARENA_SCRATCH) || !dc_arenas_allowed(),
                  "no arena although tables are mapped and huge pages on");
        return;
    }
    cr_assert_eq(al, &a.al);
    cr_assert_eq((uintptr_t)a.base % (2 * MIB), 0, "not 2 MiB aligned");
    cr_assert(mapped_at(a.base));
    unsigned char *x = dc_malloc(al, 100);
    unsigned char *y = dc_malloc(al, 10);
    cr_assert_eq(x, a.base, "the first block is the arena's start");
    cr_assert_eq(y, a.base + 128, "blocks are 64-byte aligned");
    /* the last block grows in place */
    memset(y, 0xab, 10);
    unsigned char *y2 = dc_realloc(al, y, 10, 5000);
    cr_assert_eq(y2, y);
    cr_assert_eq(y2[9], 0xab);
    /* an earlier one moves, its bytes kept */
    memset(x, 0x5c, 100);
    unsigned char *x2 = dc_realloc(al, x, 100, 300);
    cr_assert_neq(x2, x);
    cr_assert_eq(x2, a.base + 128 + 5056);
    for (size_t i = 0; i < 100; i++)
        cr_assert_eq(x2[i], 0x5c, "byte %zu lost in the move", i);
    /* the last block freed is handed out again, zeroed by calloc */
    memset(x2, 0x77, 300);
    dc_free(al, x2, 300);
    unsigned char *z = dc_calloc(al, 1, 300);
    cr_assert_eq(z, x2);
    cr_assert_eq(nonzero(z, 300), 0, "a block handed out again not zeroed");
    /* the last block, grown past the arena, moves to the C library and
     * its place is free again */
    size_t used = a.used;
    unsigned char *w = dc_malloc(al, 64);
    memset(w, 0x3d, 64);
    unsigned char *w2 = dc_realloc(al, w, 64, DC_ARENA_SCRATCH);
    cr_assert(!(w2 >= a.base && w2 < a.base + DC_ARENA_SCRATCH));
    cr_assert_eq(w2[63], 0x3d);
    cr_assert_eq(a.used, used, "the moved last block's place was kept");
    dc_free(al, w2, DC_ARENA_SCRATCH);
    /* a block past what is left comes from the C library, and goes back
     * to it (the C library's: valgrind and ASan would see it leak) */
    unsigned char *big = dc_calloc(al, 1, DC_ARENA_SCRATCH);
    cr_assert_not_null(big);
    cr_assert(big < a.base || big >= a.base + DC_ARENA_SCRATCH);
    cr_assert_eq(nonzero(big, DC_ARENA_SCRATCH), 0);
    big[DC_ARENA_SCRATCH - 1] = 1;
    unsigned char *big2 =
        dc_realloc(al, big, DC_ARENA_SCRATCH, DC_ARENA_SCRATCH + 1);
    cr_assert_not_null(big2);
    cr_assert_eq(big2[DC_ARENA_SCRATCH - 1], 1);
    dc_free(al, big2, DC_ARENA_SCRATCH + 1);
    /* a table in the arena is no mapping of its own */
    unsigned char *t = dc_table_new(al, 2 * MIB);
    cr_assert(t >= a.base && t + 2 * MIB <= a.base + DC_ARENA_SCRATCH);
    cr_assert_eq(nonzero(t, 2 * MIB), 0);
    dc_table_free(al, t, 2 * MIB);
    unsigned char *base = a.base;
    dc_arena_release(&a);
    cr_assert_not(mapped_at(base), "the arena was not unmapped");
}

/* Random mallocs, callocs, reallocs and frees of blocks from 1 byte to
 * 200 KB (some spill to the C library) over 48 slots, each block filled
 * with its slot's byte: no block may overlap another or lose bytes in a
 * move, and dc_calloc's blocks are zero. Rounds of 300 operations, each in
 * a fresh arena: in one long run the arena fills with blocks left behind
 * and every later block is the C library's (a first version had 320 of
 * 6,000 operations in the arena); here most must be. */
Test(alloc, an_arena_keeps_random_blocks_apart)
{
    dc_alloc std;
    dc_alloc_init(&std, NULL);
    enum { SLOTS = 48, ROUNDS = 20, OPS = 300 };
    uint64_t r = 0x9e3779b97f4a7c15u;
    size_t in = 0; /* operations whose block is the arena's */
    bool arenas = false;
    for (int round = 0; round < ROUNDS; round++) {
        dc_arena a;
        const dc_alloc *al = dc_arena_init(&a, &std, DC_ARENA_SCRATCH);
        arenas = al != &std;
        unsigned char *p[SLOTS] = {0};
        size_t n[SLOTS] = {0};
        for (int op = 0; op < OPS; op++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            size_t k = r % SLOTS;
            size_t size = (r >> 8) % 32 == 0 ? 1 + (r >> 16) % 200000
                                               : 1 + (r >> 16) % 3000;
            unsigned char fill = (unsigned char)(k + 1);
            switch ((r >> 40) % 4) {
            case 0: /* free */
                dc_free(al, p[k], n[k]);
                p[k] = NULL, n[k] = 0;
                break;
            case 1: /* calloc */
                dc_free(al, p[k], n[k]);
                p[k] = dc_calloc(al, 1, size);
                cr_assert_not_null(p[k]);
                cr_assert_eq(nonzero(p[k], size), 0, "op %d: not zeroed",
                             op);
                n[k] = size;
                memset(p[k], fill, size);
                break;
            default: { /* realloc (malloc when empty) */
                unsigned char *q = dc_realloc(al, p[k], n[k], size);
                cr_assert_not_null(q);
                for (size_t i = 0; i < n[k] && i < size; i++)
                    cr_assert_eq(q[i], fill, "op %d: byte %zu lost", op, i);
                memset(q, fill, size);
                p[k] = q, n[k] = size;
            }
            }
            if (arenas && p[k] && p[k] >= a.base &&
                p[k] < a.base + DC_ARENA_SCRATCH)
                in++;
            if (op % 50 == 0)
                for (size_t j = 0; j < SLOTS; j++)
                    for (size_t i = 0; i < n[j]; i++)
                        cr_assert_eq(p[j][i], (unsigned char)(j + 1),
                                     "round %d op %d: slot %zu overwritten "
                                     "at %zu",
                                     round, op, j, i);
        }
        for (size_t j = 0; j < SLOTS; j++)
            dc_free(al, p[j], n[j]);
        dc_arena_release(&a);
    }
    if (arenas)
        cr_assert_gt(in, (size_t)ROUNDS * OPS / 2,
                     "only %zu of %d operations were the arena's", in,
                     ROUNDS * OPS);
}

Test(alloc, a_user_allocator_gets_no_arena)
{
    counting c;
    decorum_allocator ua = counting_init(&c, SIZE_MAX);
    dc_alloc al;
    dc_alloc_init(&al, &ua);
    dc_arena a;
    cr_assert_eq(dc_arena_init(&a, &al, DC_ARENA_SCRATCH), &al,
                 "a user allocator must see every block");
    dc_arena_release(&a);
    cr_assert_eq(c.live, 0);
}
