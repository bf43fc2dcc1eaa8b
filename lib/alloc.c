/*
 * alloc.c: the engine's allocator and the error helper. Every allocation in
 * the library goes through dc_malloc/dc_realloc/dc_free with the engine's
 * decorum_allocator, so a test can fail the Nth allocation and check that
 * the library returns DECORUM_ERR_NOMEM cleanly. Sizes are passed to free
 * so that counting allocators can verify balance. One exception, with the
 * C library's allocator only: tables of TABLE_HUGE bytes or more
 * (dc_table_new) are mapped with mmap, so malloc's statistics and
 * profilers do not see them; a user allocator sees every table. Also
 * dc_advise_huge, which allocates nothing: the hint that asks for the
 * built-in tables' pages of the program file to be mapped on huge pages.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise() */
#include "decorum_int.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static void *std_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ctx, void *p, size_t old_size, size_t new_size)
{
    (void)ctx;
    (void)old_size;
    return realloc(p, new_size);
}

static void std_free(void *ctx, void *p, size_t size)
{
    (void)ctx;
    (void)size;
    free(p);
}

void dc_alloc_init(dc_alloc *al, const decorum_allocator *user)
{
    al->a.malloc = std_malloc;
    al->a.realloc = std_realloc;
    al->a.free = std_free;
    al->a.ctx = NULL;
    if (user && user->malloc && user->free) {
        al->a = *user;
        if (!user->realloc)
            al->a.realloc = NULL; /* emulated in dc_realloc */
    }
}

void *dc_malloc(const dc_alloc *al, size_t size)
{
    return al->a.malloc(al->a.ctx, size ? size : 1);
}

static void *arena_calloc(dc_arena *a, size_t size);
static void *arena_malloc(void *ctx, size_t size);

void *dc_calloc(const dc_alloc *al, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t total = n * size;
    /* The C library's calloc knows that memory fresh from the kernel is
     * zero already, where a memset would write every page of the
     * scratch's large tables at start-up; so does an arena. */
    if (al->a.malloc == std_malloc)
        return calloc(1, total ? total : 1);
    if (al->a.malloc == arena_malloc)
        return arena_calloc(al->a.ctx, total ? total : 1);
    void *p = dc_malloc(al, total);
    if (p)
        memset(p, 0, total ? total : 1);
    return p;
}

void *dc_realloc(const dc_alloc *al, void *p, size_t old_size, size_t new_size)
{
    if (!p)
        return dc_malloc(al, new_size);
    if (al->a.realloc)
        return al->a.realloc(al->a.ctx, p, old_size, new_size ? new_size : 1);
    void *q = dc_malloc(al, new_size);
    if (!q)
        return NULL;
    memcpy(q, p, old_size < new_size ? old_size : new_size);
    dc_free(al, p, old_size);
    return q;
}

void dc_free(const dc_alloc *al, void *p, size_t size)
{
    if (p)
        al->a.free(al->a.ctx, p, size ? size : 1);
}

/* Large tables a scratch keeps for its life (the model's word cache,
 * features_int.h): zeroed, and with the C library's allocator mapped on
 * their own, 2 MiB aligned and rounded, and backed by a transparent huge
 * page where the kernel allows it (MADV_HUGEPAGE; where it does not, they
 * are ordinary pages, touched as they fill, like calloc's). Why: the first
 * touch of each 4 KiB page is a page fault, and on the virtual machine of
 * docs/BENCHMARKS.md one costs some 10 to 25 us; the 1.25 MiB word cache
 * took 320 of the 1,147 faults of `decorum score -j 1` on the bench
 * corpus, spread over the run, where a huge page takes one. Tables under
 * TABLE_HUGE bytes would waste more than half of a huge page: calloc.
 * The costs: once touched, the whole 2 MiB is resident (the word cache
 * held at most its 1.25 MiB), and with the kernel's THP defrag at
 * "madvise" (Debian's default) the first fault may compact memory: a
 * review measured 6.5 ms for it in a cold process, 50-150 us after. */
#define TABLE_HUGE ((size_t)1 << 20)
#define TABLE_ALIGN ((size_t)2 << 20)

/* The mapped way is left out under AddressSanitizer, whose shadow does
 * not cover a mapping: an overflow of a table or a table never freed must
 * show in the sanitized test runs. (Valgrind's memcheck does not see into
 * a mapping either; the ASan runs are the ones that check tables.) */
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
#define TABLE_MAP 1
#endif
#if defined(__SANITIZE_ADDRESS__)
#undef TABLE_MAP
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#undef TABLE_MAP
#endif
#endif

#ifdef TABLE_MAP
/* A mapped table's length: size rounded up to whole huge pages. */
static size_t table_len(size_t size)
{
    return (size + TABLE_ALIGN - 1) & ~(TABLE_ALIGN - 1);
}
#endif

bool dc_table_mapped(const dc_alloc *al, size_t size)
{
#ifdef TABLE_MAP
    return al->a.malloc == std_malloc && size >= TABLE_HUGE &&
           size <= SIZE_MAX - 2 * TABLE_ALIGN;
#else
    (void)al;
    (void)size;
    return false;
#endif
}

void *dc_table_new(const dc_alloc *al, size_t size)
{
#ifdef TABLE_MAP
    if (dc_table_mapped(al, size)) {
        size_t len = table_len(size), span = len + TABLE_ALIGN;
        unsigned char *p = mmap(NULL, span, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        /* Keep the aligned len bytes inside the span, unmap the rest. */
        unsigned char *a =
            (unsigned char *)(((uintptr_t)p + TABLE_ALIGN - 1) &
                              ~(uintptr_t)(TABLE_ALIGN - 1));
        if (a > p)
            munmap(p, (size_t)(a - p));
        if (a + len < p + span)
            munmap(a + len, (size_t)(p + span - (a + len)));
        (void)madvise(a, len, MADV_HUGEPAGE); /* ordinary pages if refused */
        return a;
    }
#endif
    return dc_calloc(al, 1, size);
}

void dc_table_free(const dc_alloc *al, void *p, size_t size)
{
    if (!p)
        return;
#ifdef TABLE_MAP
    if (dc_table_mapped(al, size)) {
        munmap(p, table_len(size));
        return;
    }
#endif
    dc_free(al, p, size);
}

/* The built-in matcher blob is part of the program's read-only data: the
 * page cache's pages of the program file, mapped as the kernel read them
 * in. A page cache filled by a write (the linker's) often holds 2 MiB
 * folios, mapped whole (FilePmdMapped in /proc/PID/smaps); one filled by
 * reading the file back (after a reboot, or once the file was evicted)
 * holds small ones, unless the mapping asked for huge pages: then a
 * fault's read-ahead takes the whole aligned 2 MiB. The matcher reads its
 * 10 MiB hash and 1 MiB Bloom filter at random, a word at a time; with the
 * blob on small pages `decorum score -j 1` was 7-9% slower
 * (docs/BENCHMARKS.md, twenty-sixth session). The advice is a hint: it
 * changes how pages are read in and mapped, nothing else, and where the
 * kernel refuses it nothing changes. Only the whole 2 MiB pages inside
 * [p, p + len) are advised, so no other mapping (the program's writable
 * data) is touched. */
void dc_advise_huge(const void *p, size_t len)
{
#if defined(MADV_HUGEPAGE)
    uintptr_t b = (uintptr_t)p, e = b + len;
    if (!p || e < b || b > UINTPTR_MAX - (TABLE_ALIGN - 1))
        return;
    uintptr_t lo = (b + TABLE_ALIGN - 1) & ~(uintptr_t)(TABLE_ALIGN - 1);
    uintptr_t hi = e & ~(uintptr_t)(TABLE_ALIGN - 1);
    if (hi > lo)
        (void)madvise((void *)lo, (size_t)(hi - lo), MADV_HUGEPAGE);
#else
    (void)p;
    (void)len;
#endif
}

/* Arenas. Why: a scratch's arrays grow to fit the longest comments it
 * meets, its 16 lanes each have their own, and the first touch of each of
 * their 4 KiB pages is a page fault, 15 to 45 us each on the virtual
 * machine of docs/BENCHMARKS.md. `decorum score -j 1` on the bench corpus
 * took 636 faults, some 300 of them in the scratch (the tokenizer's
 * arrays, the normalized texts, the matcher's memo) and 63 in the
 * engine's lexicon entries; in mappings on huge pages they take a few.
 * Blocks are bumped, 64-byte aligned; the last one grows and shrinks in
 * place and is given back when freed; any other freed block is left where
 * it is (what lib/ allocates after start-up only grows, doubling, so what
 * is left behind is at most what is in use: decorum_int.h). A block that
 * does not fit goes to the engine's allocator. Only with the C library's
 * allocator, not under AddressSanitizer (as for dc_table_new, whose
 * mapped tables a scratch with an arena takes from the arena), not when
 * the kernel's transparent huge pages are off (small pages would gain
 * nothing and keep what is left behind), and not with DECORUM_NO_ARENA
 * set in the environment. */
#define ARENA_ALIGN ((size_t)64)

static bool in_arena(const dc_arena *a, const void *p)
{
    uintptr_t q = (uintptr_t)p, b = (uintptr_t)a->base;
    return a->base && q >= b && q - b < a->size;
}

static void *arena_malloc(void *ctx, size_t size)
{
    dc_arena *a = ctx;
    size_t n = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    if (n >= size && n <= a->size - a->used) {
        unsigned char *p = a->base + a->used;
        a->last = a->used;
        a->used += n;
        if (a->used > a->fresh)
            a->fresh = a->used;
        return p;
    }
    return a->up->a.malloc(a->up->a.ctx, size);
}

/* Zeroed: only the bytes handed out before (below fresh) need it. */
static void *arena_calloc(dc_arena *a, size_t size)
{
    size_t n = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    if (n < size || n > a->size - a->used)
        return dc_calloc(a->up, 1, size); /* the C library's calloc */
    size_t was = a->fresh;
    unsigned char *p = arena_malloc(a, size);
    size_t off = (size_t)(p - a->base);
    if (off < was)
        memset(p, 0, (was - off < size ? was - off : size));
    return p;
}

static void arena_free(void *ctx, void *p, size_t size)
{
    dc_arena *a = ctx;
    if (!in_arena(a, p)) {
        a->up->a.free(a->up->a.ctx, p, size);
        return;
    }
    if ((size_t)((unsigned char *)p - a->base) == a->last) {
        a->used = a->last;
        a->last = SIZE_MAX;
    }
}

static void *arena_realloc(void *ctx, void *p, size_t old_size,
                           size_t new_size)
{
    dc_arena *a = ctx;
    if (!in_arena(a, p))
        return a->up->a.realloc(a->up->a.ctx, p, old_size, new_size);
    size_t off = (size_t)((unsigned char *)p - a->base);
    size_t n = (new_size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    if (off == a->last && n >= new_size && n <= a->size - off) {
        a->used = off + n;
        if (a->used > a->fresh)
            a->fresh = a->used;
        return p;
    }
    if (new_size <= old_size)
        return p; /* an earlier block shrinks where it is */
    void *q = arena_malloc(a, new_size);
    if (!q)
        return NULL;
    memcpy(q, p, old_size);
    /* The last block, too big to grow here, went to the engine's
     * allocator: its place is free again. Another is left behind. */
    if (off == a->last) {
        a->used = off;
        a->last = SIZE_MAX;
    }
    return q;
}

/* Whether arenas may be made: read once, as getenv may race a setenv in
 * another thread, and the kernel's setting does not change under us. */
static pthread_once_t arena_once = PTHREAD_ONCE_INIT;
static bool arena_allowed;

static void arena_decide(void)
{
    const char *no = getenv("DECORUM_NO_ARENA");
    if (no && *no && *no != '0')
        return;
    /* "always [madvise] never": the bracketed word is the setting; a
     * kernel without the file has no huge pages to give. */
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    char line[128] = "";
    if (f) {
        if (!fgets(line, sizeof line, f))
            line[0] = '\0';
        fclose(f);
    }
    arena_allowed = strstr(line, "[always]") || strstr(line, "[madvise]");
}

bool dc_arenas_allowed(void)
{
    return pthread_once(&arena_once, arena_decide) == 0 && arena_allowed;
}

const dc_alloc *dc_arena_init(dc_arena *a, const dc_alloc *up, size_t size)
{
    memset(a, 0, sizeof *a);
    a->up = up;
    a->last = SIZE_MAX;
    /* dc_table_mapped is false under AddressSanitizer and for a user
     * allocator: then no arena either. */
    if (!dc_table_mapped(up, size) || !dc_arenas_allowed() ||
        !(a->base = dc_table_new(up, size)))
        return up;
    a->size = size;
    a->al.a.malloc = arena_malloc;
    a->al.a.realloc = arena_realloc;
    a->al.a.free = arena_free;
    a->al.a.ctx = a;
    return &a->al;
}

void dc_arena_release(dc_arena *a)
{
    if (a->base)
        dc_table_free(a->up, a->base, a->size);
    a->base = NULL;
}

char *dc_strndup(const dc_alloc *al, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *d = dc_malloc(al, len + 1);
    if (!d)
        return NULL;
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

/* dc_grow_to's and dc_grow_fresh_to's work: the capacity doubled from 16
 * until it holds need elements of elem bytes (at most max); fresh, the
 * old block freed and a new one taken, its contents not copied. */
static inline __attribute__((always_inline)) decorum_status
grow_block(const dc_alloc *al, void **p, size_t *cap, size_t need,
           size_t elem, size_t max, bool fresh)
{
    if (need <= *cap)
        return DECORUM_OK;
    if (need > max)
        return DECORUM_ERR_TOOBIG;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap = ncap > max / 2 ? max : ncap * 2;
    if (elem && ncap > SIZE_MAX / elem)
        return DECORUM_ERR_TOOBIG;
    if (fresh) {
        /* Freed first: an arena's last block is then allocated again
         * where it was, as its realloc would have grown it in place. */
        dc_free(al, *p, *cap * elem);
        *p = dc_malloc(al, ncap * elem);
        *cap = *p ? ncap : 0;
        return *p ? DECORUM_OK : DECORUM_ERR_NOMEM;
    }
    void *q = dc_realloc(al, *p, *cap * elem, ncap * elem);
    if (!q)
        return DECORUM_ERR_NOMEM;
    *p = q;
    *cap = ncap;
    return DECORUM_OK;
}

decorum_status dc_grow_to(const dc_alloc *al, void **p, size_t *cap,
                          size_t need, size_t elem, size_t max)
{
    return grow_block(al, p, cap, need, elem, max, false);
}

decorum_status dc_grow_fresh_to(const dc_alloc *al, void **p, size_t *cap,
                                size_t need, size_t elem, size_t max)
{
    return grow_block(al, p, cap, need, elem, max, true);
}

decorum_status dc_fail(decorum_error *err, decorum_status st, size_t pos,
                       const char *fmt, ...)
{
    if (err) {
        err->status = st;
        err->position = pos;
        err->line = 0;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return st;
}
