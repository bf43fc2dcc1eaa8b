/*
 * random_text.h: the random texts the tests of the SIMD paths run over
 * (test_features, test_normalize), so that a portable path and its AVX2
 * twin meet the same kinds of bytes: kind 0 printable ASCII, 1 any byte
 * but NUL, 2 letters among ' * and runs of spaces, 3 the pieces of cps
 * (code points of one to four bytes) with a space where the next would not
 * fit.
 */
#ifndef DECORUM_TESTS_RANDOM_TEXT_H
#define DECORUM_TESTS_RANDOM_TEXT_H

#include <stdint.h>
#include <string.h>

/* xorshift64: *r must not be 0. */
static inline uint64_t rt_next(uint64_t *r)
{
    *r ^= *r << 13;
    *r ^= *r >> 7;
    *r ^= *r << 17;
    return *r;
}

/* Writes want bytes of the given kind to buf (no terminator) and returns
 * want. */
static inline size_t rt_text(char *buf, size_t want, int kind,
                                 const char *const *cps, size_t ncps,
                                 uint64_t *r)
{
    static const char marks[] = "a'* b*'Z9 '  *x";
    size_t len = 0;
    while (len < want) {
        uint64_t x = rt_next(r);
        switch (kind) {
        case 0:
            buf[len++] = (char)(0x20 + x % 95);
            break;
        case 1:
            buf[len++] = (char)(1 + x % 255);
            break;
        case 2:
            buf[len++] = marks[x % (sizeof marks - 1)];
            break;
        default: {
            const char *c = cps[x % ncps];
            size_t l = strlen(c);
            if (len + l > want)
                l = 0, c = "", buf[len++] = ' ';
            memcpy(buf + len, c, l);
            len += l;
        }
        }
    }
    return len;
}

#endif
