/*
 * dcx_utf8.h: the UTF-8 sequence test shared by the library (lib/utf8.c,
 * decorum_utf8_check) and the JSONL reader of the decorum command
 * (src/cli/jsonl.c), which checks strings as it scans them.
 *
 * dcx_ marks code shared between the library and the programs built on it
 * (curl's curlx_): header-only, it depends on nothing of the library's
 * internals, so a program may include it beside include/decorum.h.
 */
#ifndef DCX_UTF8_H
#define DCX_UTF8_H

#include <stddef.h>

/* Length of the well-formed UTF-8 sequence at s (a lead byte >= 0x80,
 * avail >= 1 bytes), or 0. Unicode's Table 3-7 of well-formed byte
 * sequences: no overlong forms, no surrogates, nothing above U+10FFFF.
 * Only the length is worked out, never the code point. */
static inline size_t dcx_utf8_seq(const unsigned char *s, size_t avail)
{
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return avail >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (avail < 3)
            return 0;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
        return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c < 0xF5) {
        if (avail < 4)
            return 0;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
        return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 &&
                       (s[3] & 0xC0) == 0x80
                   ? 4
                   : 0;
    }
    return 0;
}

#endif
