/*
 * guarded.h: text that ends flush against a PROT_NONE page, so that a read
 * past its end crashes the test (test_jsonl, test_line_ends). Include
 * after criterion/criterion.h.
 */
#ifndef DECORUM_TESTS_GUARDED_H
#define DECORUM_TESTS_GUARDED_H

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* A copy of s[0..n) whose last byte is the last byte before a PROT_NONE
 * page. */
struct guarded {
    char *map;
    size_t map_len;
    char *p;
};

static inline struct guarded guard(const char *s, size_t n)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t pages = (n + page - 1) / page + 1;
    struct guarded g;
    g.map_len = (pages + 1) * page;
    int fd = open("/dev/zero", O_RDWR);
    cr_assert_geq(fd, 0);
    g.map = mmap(NULL, g.map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    close(fd);
    cr_assert_neq(g.map, MAP_FAILED);
    cr_assert_eq(mprotect(g.map + pages * page, page, PROT_NONE), 0);
    g.p = g.map + pages * page - n;
    memcpy(g.p, s, n);
    return g;
}

static inline void unguard(struct guarded *g)
{
    munmap(g->map, g->map_len);
}

#endif
