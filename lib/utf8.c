/*
 * utf8.c: strict UTF-8 decoding, encoding and validation.
 *
 *   U+0000..U+007F     0xxxxxxx
 *   U+0080..U+07FF     110xxxxx 10xxxxxx
 *   U+0800..U+FFFF     1110xxxx 10xxxxxx 10xxxxxx   (not D800..DFFF)
 *   U+10000..U+10FFFF  11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
 *
 * Overlong forms, surrogates, code points above U+10FFFF, stray
 * continuation bytes and truncated sequences are invalid. Decoding never
 * reads past len.
 */
#include "dcx_utf8.h"
#include "decorum_int.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t dc_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (len == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    /* Which sequences are well formed is dcx_utf8_seq's to say; this only
     * assembles the code point. */
    size_t n = dcx_utf8_seq(s, len);
    if (n == 0)
        return 0;
    uint32_t v = s[0] & (0x7fu >> n);
    for (size_t i = 1; i < n; i++)
        v = (v << 6) | (s[i] & 0x3f);
    *cp = v;
    return n;
}

size_t dc_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xc0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xe0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (unsigned char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (unsigned char)(0xf0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Every comment passes through here once per analysis, and most are ASCII
 * with a few multi-byte characters: ASCII is skipped 16 bytes at a time
 * with SSE2 (every x86-64 has it; 8 at a time in a word elsewhere), 64 at a
 * time while four blocks together have no high bit, the last few bytes in
 * one more block that overlaps the checked ones, and each other character
 * is checked where it stands. */
decorum_status decorum_utf8_check(const char *text, size_t len,
                                  size_t *bad_pos)
{
    if (len && !text)
        return DECORUM_ERR_INVALID;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    for (;;) {
#if defined(__SSE2__)
        /* Four blocks a test while they last: one movemask for 64 bytes. */
        while (len - i >= 64) {
            const __m128i *q = (const __m128i *)(const void *)(s + i);
            __m128i v = _mm_or_si128(
                _mm_or_si128(_mm_loadu_si128(q), _mm_loadu_si128(q + 1)),
                _mm_or_si128(_mm_loadu_si128(q + 2), _mm_loadu_si128(q + 3)));
            if (_mm_movemask_epi8(v))
                break; /* the block loop finds the byte */
            i += 64;
        }
        while (len - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            unsigned m = (unsigned)_mm_movemask_epi8(v);
            if (m) {
                i += (unsigned)__builtin_ctz(m);
                goto multi;
            }
            i += 16;
        }
        if (i < len && len >= 16) {
            /* The last bytes in one block ending at len; the lanes before
             * i were checked already and are shifted out. */
            __m128i v = _mm_loadu_si128(
                (const __m128i *)(const void *)(s + len - 16));
            unsigned m = (unsigned)_mm_movemask_epi8(v) >> (16 - (len - i));
            if (!m)
                return DECORUM_OK;
            i += (unsigned)__builtin_ctz(m);
            goto multi;
        }
#endif
        while (len - i >= 8) {
            uint64_t w;
            __builtin_memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        while (i < len && s[i] < 0x80)
            i++;
        if (i >= len)
            return DECORUM_OK;
#if defined(__SSE2__)
    multi:
#endif
        /* s[i] >= 0x80; characters of a non-Latin script come in runs. */
        do {
            size_t n = dcx_utf8_seq(s + i, len - i);
            if (n == 0) {
                if (bad_pos)
                    *bad_pos = i;
                return DECORUM_ERR_UTF8;
            }
            i += n;
        } while (i < len && s[i] >= 0x80);
    }
}
