/*
 * test_utf8.c: strict UTF-8 validation and decoding (lib/utf8.c), in the
 * manner of SQLite's badutf tests: every malformed form is refused with the
 * offset of its first bad byte, every valid code point round-trips, and no
 * check reads past the end (inputs sit flush against a guard page).
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "decorum_int.h"

typedef struct bad {
    const char *name;
    const char *bytes;
    size_t len;
    size_t bad_pos;
} bad;

#define B(name, s, pos) {name, s, sizeof s - 1, pos}

static const bad bads[] = {
    B("stray continuation", "ab\x80", 2),
    B("lone continuation run", "\xbf\xbf", 0),
    B("overlong slash (2 bytes)", "a\xc0\xaf", 1),
    B("overlong NUL (2 bytes)", "\xc1\x80", 0),
    B("overlong (3 bytes)", "\xe0\x80\xaf", 0),
    B("overlong (4 bytes)", "\xf0\x80\x80\xaf", 0),
    B("surrogate high", "x\xed\xa0\x80", 1),
    B("surrogate low", "\xed\xbf\xbf", 0),
    B("above U+10FFFF", "\xf4\x90\x80\x80", 0),
    B("F5 lead", "\xf5\x80\x80\x80", 0),
    B("FE byte", "ok\xfe", 2),
    B("FF byte", "\xff", 0),
    B("truncated 2-byte", "ab\xc3", 2),
    B("truncated 3-byte", "\xe2\x82", 0),
    B("truncated 4-byte", "abc\xf0\x9f\x98", 3),
    B("bad second byte", "\xe2\x28\xa1", 0),
    B("bad fourth byte", "\xf0\x9f\x98\x41", 0),
    B("bad after long ASCII run", "0123456789abcdef0123\x80", 20),
};

Test(utf8, refuses_every_malformed_form_with_its_position)
{
    for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
        size_t pos = 12345;
        decorum_status st = decorum_utf8_check(bads[i].bytes, bads[i].len, &pos);
        cr_expect_eq(st, DECORUM_ERR_UTF8, "%s: status %d", bads[i].name, st);
        cr_expect_eq(pos, bads[i].bad_pos, "%s: position %zu, expected %zu",
                     bads[i].name, pos, bads[i].bad_pos);
    }
}

Test(utf8, accepts_valid_text_and_boundaries)
{
    static const char *good[] = {
        "", "plain ascii", "caf\xc3\xa9", "\xe2\x82\xac 5", "\xf0\x9f\x90\x80",
        "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xef\xbf\xbf",
        "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xed\x9f\xbf", "\xee\x80\x80"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        cr_expect_eq(decorum_utf8_check(good[i], strlen(good[i]), NULL),
                     DECORUM_OK, "case %zu", i);
    cr_expect_eq(decorum_utf8_check(NULL, 0, NULL), DECORUM_OK);
    cr_expect_eq(decorum_utf8_check(NULL, 3, NULL), DECORUM_ERR_INVALID);
}

Test(utf8, every_code_point_round_trips)
{
    for (uint32_t cp = 0; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff)
            continue;
        char buf[4];
        size_t n = dc_utf8_encode(cp, buf);
        uint32_t back = 0;
        size_t m = dc_utf8_decode((const unsigned char *)buf, n, &back);
        if (m != n || back != cp)
            cr_assert_fail("U+%04X: encoded %zu bytes, decoded %zu -> U+%04X",
                           cp, n, m, back);
        if (decorum_utf8_check(buf, n, NULL) != DECORUM_OK)
            cr_assert_fail("U+%04X refused", cp);
    }
}

/* Two pages, the second PROT_NONE: text placed to end at mem + page has
 * nothing readable after it. */
static char *guarded_page(long page)
{
    char *mem = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(mem, MAP_FAILED);
    cr_assert_eq(mprotect(mem + page, (size_t)page, PROT_NONE), 0);
    return mem;
}

/* Each malformed input, and every prefix of a valid multi-byte text, placed
 * so that its last byte is the last byte before a PROT_NONE page. */
Test(utf8, never_reads_past_the_end)
{
    long page = sysconf(_SC_PAGESIZE);
    char *mem = guarded_page(page);
    for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
        char *at = mem + page - bads[i].len;
        memcpy(at, bads[i].bytes, bads[i].len);
        size_t pos;
        cr_expect_eq(decorum_utf8_check(at, bads[i].len, &pos),
                     DECORUM_ERR_UTF8);
    }
    static const char text[] = "na\xc3\xafve \xf0\x9f\x90\x80 \xe2\x82\xac!";
    for (size_t n = 0; n < sizeof text - 1; n++) {
        char *at = mem + page - n;
        memcpy(at, text, n);
        size_t pos = 0;
        decorum_status st = decorum_utf8_check(at, n, &pos);
        cr_expect(st == DECORUM_OK || (st == DECORUM_ERR_UTF8 && pos < n),
                  "prefix %zu", n);
    }
    munmap(mem, (size_t)page * 2);
}

/* decorum_utf8_check skips ASCII 64, 16 and 8 bytes at a time and ends with
 * one block overlapping the checked bytes: a stray byte, a valid character
 * or a truncated one at every position of every length up to five 64-byte
 * blocks, flush against a guard page, is found exactly where it is. */
Test(utf8, every_position_of_the_block_loops)
{
    long page = sysconf(_SC_PAGESIZE);
    char *mem = guarded_page(page);
    for (size_t len = 1; len <= 320; len++) {
        char *at = mem + page - len;
        for (size_t p = 0; p < len; p++) {
            size_t pos = 12345;
            memset(at, 'a', len);
            at[p] = '\x80';
            cr_assert_eq(decorum_utf8_check(at, len, &pos), DECORUM_ERR_UTF8,
                         "stray byte at %zu of %zu", p, len);
            cr_assert_eq(pos, p, "stray byte at %zu of %zu: found at %zu", p,
                         len, pos);
            at[p] = '\xc3'; /* cut off at the end, else followed by 'a' */
            cr_assert_eq(decorum_utf8_check(at, len, &pos), DECORUM_ERR_UTF8,
                         "lone lead at %zu of %zu", p, len);
            cr_assert_eq(pos, p, "lone lead at %zu of %zu: found at %zu", p,
                         len, pos);
            if (p + 1 < len) {
                at[p + 1] = '\xa9'; /* U+00E9 */
                cr_assert_eq(decorum_utf8_check(at, len, NULL), DECORUM_OK,
                             "U+00E9 at %zu of %zu", p, len);
            }
        }
        memset(at, 'a', len);
        cr_assert_eq(decorum_utf8_check(at, len, NULL), DECORUM_OK,
                     "ASCII of %zu", len);
    }
    munmap(mem, (size_t)page * 2);
}
