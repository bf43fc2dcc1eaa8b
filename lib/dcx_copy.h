/*
 * dcx_copy.h: a short copy without a call, shared by the library (the
 * rules' reasons, lib/rules.c join) and the decorum command's JSON writer
 * (src/cli/jsonw.h: ids and span texts). Both copy many short pieces, for
 * which the call to the C library's memcpy and its dispatch cost more
 * than the copy (session 38: 67K reason pieces, 0.8M instructions on the
 * bench corpus; ids of 17 to 48 bytes on 13,213 of its 18,486 lines).
 *
 * dcx_ marks code shared between the library and the programs built on it
 * (lib/dcx_utf8.h): header-only, no dependency on the library's internals.
 */
#ifndef DCX_COPY_H
#define DCX_COPY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Copies s[0..n) to o and returns o + n, as memcpy does but inline: two
 * overlapping moves of 4 or 8 bytes up to 16, 16-byte moves beyond (the
 * last one overlapping the one before). Reads nothing outside s[0..n);
 * writes o[0..n) only. */
__attribute__((always_inline)) static inline char *
dcx_copy(char *o, const char *s, size_t n)
{
    if (n >= 16) {
        char t[16];
        for (size_t i = 0; n - i > 16; i += 16) {
            memcpy(t, s + i, 16);
            memcpy(o + i, t, 16);
        }
        memcpy(t, s + n - 16, 16); /* overlaps the last block: same bytes */
        memcpy(o + n - 16, t, 16);
    } else if (n >= 8) {
        uint64_t a, z;
        memcpy(&a, s, 8);
        memcpy(&z, s + n - 8, 8);
        memcpy(o, &a, 8);
        memcpy(o + n - 8, &z, 8);
    } else if (n >= 4) {
        uint32_t a, z;
        memcpy(&a, s, 4);
        memcpy(&z, s + n - 4, 4);
        memcpy(o, &a, 4);
        memcpy(o + n - 4, &z, 4);
    } else if (n) {
        o[0] = s[0];
        o[n / 2] = s[n / 2];
        o[n - 1] = s[n - 1];
    }
    return o + n;
}

#endif
