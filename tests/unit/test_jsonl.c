/*
 * test_jsonl.c: the JSONL reader and the JSON writer of `decorum score`
 * (src/cli/jsonl.c, src/cli/jsonw.c, compiled into this test directly).
 *
 * - a table of lines with the code, decoded fields and raw id expected:
 *   escapes, surrogate pairs, every kind of malformed input, the UTF-8
 *   torture cases (overlong, surrogates, stray continuation, truncation);
 * - every case and every prefix of every case parsed flush against a
 *   PROT_NONE page, so a read past the end crashes the test;
 * - the writer's escaping checked against a byte-at-a-time reference and
 *   round-tripped through jansson and through our own reader;
 * - a mutation test: random edits of valid lines must get the same
 *   valid/invalid judgement from our reader and from jansson.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../src/cli/jsonl.c"
#include "../../src/cli/jsonw.c"
#include "guarded.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */
/* ---------------------------------------------------------------------- */

static enum jsonl_code parse_guarded(const char *s, size_t n,
                                     struct jsonl_item *it,
                                     struct jsonl_error *e)
{
    struct guarded g = guard(s, n);
    enum jsonl_code c = jsonl_parse_line(g.p, n, it, e);
    /* Pointers into the line die with the mapping: copy what tests read. */
    unguard(&g);
    return c;
}

#define ASSERT_CODE(got, want, line)                                           \
    cr_assert_eq((got), (want), "line %s: got %s, want %s", (line),            \
                 jsonl_code_name(got), jsonl_code_name(want))

/* ---------------------------------------------------------------------- */
/* The reader                                                              */
/* ---------------------------------------------------------------------- */

struct rcase {
    const char *line;
    enum jsonl_code code;
    const char *id;      /* raw JSON, NULL: absent */
    const char *text;    /* decoded, NULL: not checked (or absent) */
    size_t text_len;     /* when text has a NUL; 0: strlen */
    const char *parent;  /* NULL: must be absent when code is OK */
    const char *context; /* idem */
};

static const struct rcase rcases[] = {
    /* valid lines */
    {"{\"id\": 1, \"text\": \"hi\"}", JSONL_OK, "1", "hi", 0, NULL, NULL},
    {"{\"text\":\"hi\",\"id\":\"c-1\"}", JSONL_OK, "\"c-1\"", "hi", 0, NULL,
     NULL},
    {"  {\"text\" : \"x\" }  \r", JSONL_OK, NULL, "x", 0, NULL, NULL},
    {"{\"text\": \"\"}", JSONL_OK, NULL, "", 0, NULL, NULL},
    {"{\"text\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"}", JSONL_OK, NULL,
     "a\"b\\c/d\b\f\n\r\t", 0, NULL, NULL},
    {"{\"text\": \"\\u0041\\u00e9\\u20AC\\ud83d\\ude00!\"}", JSONL_OK, NULL,
     "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80!", 0, NULL, NULL},
    {"{\"text\": \"\\uDBFF\\uDFFF\"}", JSONL_OK, NULL, "\xF4\x8F\xBF\xBF", 0,
     NULL, NULL},
    {"{\"text\": \"na\xC3\xAFve \xF0\x9F\x98\x80 \xE2\x82\xAC \xF4\x8F\xBF\xBF\"}",
     JSONL_OK, NULL, "na\xC3\xAFve \xF0\x9F\x98\x80 \xE2\x82\xAC \xF4\x8F\xBF\xBF",
     0, NULL, NULL},
    {"{\"id\": {\"a\": [1, 2.5e-3, {\"b\": null}], \"c\": true}, \"text\": "
     "\"x\"}",
     JSONL_OK, "{\"a\": [1, 2.5e-3, {\"b\": null}], \"c\": true}", "x", 0, NULL,
     NULL},
    {"{\"id\": \"a\\\"b\\u00e9\", \"text\": \"x\"}", JSONL_OK,
     "\"a\\\"b\\u00e9\"", "x", 0, NULL, NULL},
    {"{\"id\": -0.5E+10, \"text\": \"x\"}", JSONL_OK, "-0.5E+10", "x", 0, NULL,
     NULL},
    {"{\"id\": 0, \"text\": \"x\"}", JSONL_OK, "0", "x", 0, NULL, NULL},
    {"{\"id\": null, \"text\": \"x\"}", JSONL_OK, "null", "x", 0, NULL, NULL},
    {"{\"id\": [], \"text\": \"x\", \"o\": {}}", JSONL_OK, "[]", "x", 0, NULL,
     NULL},
    {"{\"text\": \"x\", \"parent\": \"p\\n\", \"context\": \"Title\"}", JSONL_OK,
     NULL, "x", 0, "p\n", "Title"},
    {"{\"text\": \"x\", \"parent\": null, \"context\": null}", JSONL_OK, NULL,
     "x", 0, NULL, NULL},
    {"{\"label\": \"hate\", \"meta\": {\"row\": [1, {\"k\": \"\\ud800\"}]}, "
     "\"text\": \"x\"}",
     JSONL_OK, NULL, "x", 0, NULL, NULL},
    {"{\"te\\u0078t\": \"escaped key\"}", JSONL_OK, NULL, "escaped key", 0,
     NULL, NULL},
    {"{\"texts\": 1, \"tex\": 2, \"text\": \"x\", \"ID\": 3}", JSONL_OK, NULL,
     "x", 0, NULL, NULL},
    {"{\"text\": \"long enough to take the eight-byte path \\\" twice over\"}",
     JSONL_OK, NULL, "long enough to take the eight-byte path \" twice over",
     0, NULL, NULL},
    {"\t{\"text\":\"x\"}\t", JSONL_OK, NULL, "x", 0, NULL, NULL},

    /* empty lines */
    {"", JSONL_EMPTY_LINE, NULL, NULL, 0, NULL, NULL},
    {"  \t \r", JSONL_EMPTY_LINE, NULL, NULL, 0, NULL, NULL},

    /* syntax */
    {"{", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\",}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\"} x", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\"}{}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": 'x'}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{text: \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\" \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\" \"id\": 1}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"x\"", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\\\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"a\x01" "b\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"a\tb\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\\x41\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\\u12\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\\u12G4\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\\", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\\ud800\\u12\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": 01, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": 1., \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": .5, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": -, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": +1, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": 1e, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": 1e+, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": 0x10, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": NaN, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": tru, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": nulll, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0,
     NULL, NULL},
    {"{\"id\": True, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": [1,], \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": [1 2], \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0,
     NULL, NULL},
    {"{\"id\": {\"a\"}, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0,
     NULL, NULL},
    {"{\"id\": {1: 2}, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0,
     NULL, NULL},
    {"{\"id\": [}, \"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL},
    {"\xEF\xBB\xBF{\"text\": \"x\"}", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL}, /* the BOM is the line reader's job */

    /* the id survives later problems */
    {"{\"id\": \"z\", \"text\": \"ok\"", JSONL_INVALID_JSON, "\"z\"", NULL, 0,
     NULL, NULL},
    {"{\"id\": 7, \"text\": 5}", JSONL_WRONG_TYPE, "7", NULL, 0, NULL, NULL},
    {"{\"text\": 5, \"id\": \"late\"}", JSONL_WRONG_TYPE, "\"late\"", NULL, 0,
     NULL, NULL},
    {"{\"text\": \"\xFF\", \"id\": [1]}", JSONL_INVALID_UTF8, "[1]", NULL, 0,
     NULL, NULL},

    /* not an object */
    {"[1, 2]", JSONL_NOT_OBJECT, NULL, NULL, 0, NULL, NULL},
    {"\"text\"", JSONL_NOT_OBJECT, NULL, NULL, 0, NULL, NULL},
    {"42", JSONL_NOT_OBJECT, NULL, NULL, 0, NULL, NULL},
    {"null", JSONL_NOT_OBJECT, NULL, NULL, 0, NULL, NULL},
    {"[1, 2", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},

    /* missing or mistyped text */
    {"{}", JSONL_MISSING_TEXT, NULL, NULL, 0, NULL, NULL},
    {"{ }", JSONL_MISSING_TEXT, NULL, NULL, 0, NULL, NULL},
    {"{\"id\": 3}", JSONL_MISSING_TEXT, "3", NULL, 0, NULL, NULL},
    {"{\"Text\": \"x\"}", JSONL_MISSING_TEXT, NULL, NULL, 0, NULL, NULL},
    {"{\"id\": 3, \"x\": 1", JSONL_INVALID_JSON, "3", NULL, 0, NULL, NULL},
    {"{\"text\": 5}", JSONL_WRONG_TYPE, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": null}", JSONL_WRONG_TYPE, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": [\"a\"]}", JSONL_WRONG_TYPE, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": {\"a\": 1}}", JSONL_WRONG_TYPE, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": true}", JSONL_WRONG_TYPE, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\", \"parent\": 1}", JSONL_WRONG_TYPE, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"x\", \"context\": [\"t\"]}", JSONL_WRONG_TYPE, NULL, NULL, 0,
     NULL, NULL},
    {"{\"text\": 5, \"parent\": \"\xFF\"}", JSONL_WRONG_TYPE, NULL, NULL, 0,
     NULL, NULL}, /* the first problem wins */
    {"{\"text\": [1, }", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"a\", \"text\": \"b\"}", JSONL_DUPLICATE_KEY, NULL, NULL, 0,
     NULL, NULL},
    {"{\"id\": 1, \"text\": \"a\", \"id\": 2}", JSONL_DUPLICATE_KEY, "1", NULL,
     0, NULL, NULL},

    /* UTF-8: raw bytes */
    {"{\"text\": \"\xFF\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\x80\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\xC0\xAF\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\xC1\xBF\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\xE0\x80\xAF\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"\xF0\x80\x80\xAF\"}", JSONL_INVALID_UTF8, NULL, NULL, 0,
     NULL, NULL},
    {"{\"text\": \"\xED\xA0\x80\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"\xED\xBF\xBF\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"\xF4\x90\x80\x80\"}", JSONL_INVALID_UTF8, NULL, NULL, 0,
     NULL, NULL},
    {"{\"text\": \"\xF5\x80\x80\x80\"}", JSONL_INVALID_UTF8, NULL, NULL, 0,
     NULL, NULL},
    {"{\"text\": \"\xE2\x82\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\xF0\x9F\x98\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"ab\xC3\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"ok\", \"x\": \"\xFE\"}", JSONL_INVALID_UTF8, NULL, NULL, 0,
     NULL, NULL},
    {"{\"text\": \"ok\", \"\xC3\": 1}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\": \"\xFF\", \"text\": \"ok\"}", JSONL_INVALID_UTF8, NULL, NULL, 0,
     NULL, NULL},
    {"{\"text\": \"\xC3\xA9\xC3\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL}, /* truncated before the closing quote */
    {"{\"text\": \"\xC3\xA9\xC3", JSONL_INVALID_JSON, NULL, NULL, 0, NULL,
     NULL}, /* not JSON first of all */
    {"{\"text\": 5} x", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},

    /* UTF-8: escapes */
    {"{\"text\": \"\\ud800\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"\\udc00\\ud800\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"\\ud800\\u0041\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"text\": \"\\ud800x\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\", \"parent\": \"\\udfff\"}", JSONL_INVALID_UTF8, NULL,
     NULL, 0, NULL, NULL},
    {"{\"text\": \"a\\u0000b\"}", JSONL_NUL_IN_TEXT, NULL, NULL, 0, NULL, NULL},
    {"{\"text\": \"x\", \"context\": \"\\u0000\"}", JSONL_NUL_IN_TEXT, NULL,
     NULL, 0, NULL, NULL},
    {"{\"note\": \"\\u0000\", \"text\": \"x\"}", JSONL_OK, NULL, "x", 0, NULL,
     NULL},
    /* the usual line, which fast_members reads, and its near misses */
    {"{\"id\":\"c-1\",\"text\":\"hi\"}", JSONL_OK, "\"c-1\"", "hi", 0, NULL,
     NULL},
    {"{\"id\": \"c-1\", \"text\": \"hi\"}", JSONL_OK, "\"c-1\"", "hi", 0, NULL,
     NULL},
    {"{\"id\":\"\xC3\xA9\",\"text\":\"\xE2\x82\xAC\\n\"}", JSONL_OK,
     "\"\xC3\xA9\"", "\xE2\x82\xAC\n", 0, NULL, NULL},
    {"{\"id\":\"a\",\"text\":\"b\",\"parent\":\"p\",\"x\":[1]}", JSONL_OK,
     "\"a\"", "b", 0, "p", NULL},
    {"{\"id\":\"a\\u0041\",\"text\":\"b\"}", JSONL_OK, "\"a\\u0041\"", "b", 0,
     NULL, NULL},
    {"{\"id\":\"\xC3\",\"text\":\"b\"}", JSONL_INVALID_UTF8, NULL, NULL, 0, NULL,
     NULL},
    {"{\"id\":\"a\",\"text\":\"\xFF\"}", JSONL_INVALID_UTF8, "\"a\"", NULL, 0,
     NULL, NULL},
    {"{\"id\":\"a\",\"text\":\"b\\u0000\"}", JSONL_NUL_IN_TEXT, "\"a\"", NULL,
     0, NULL, NULL},
    {"{\"id\":\"a\",\"text\":null}", JSONL_WRONG_TYPE, "\"a\"", NULL, 0, NULL,
     NULL},
    {"{\"id\":\"a\",\"text\":\"b\",\"text\":\"c\"}", JSONL_DUPLICATE_KEY,
     "\"a\"", NULL, 0, NULL, NULL},
    {"{\"id\":\"a\",\"text\":\"b\",\"id\":\"c\"}", JSONL_DUPLICATE_KEY,
     "\"a\"", NULL, 0, NULL, NULL},
    {"{\"id\":\"a\",\"text\":\"b\"} x", JSONL_INVALID_JSON, "\"a\"", NULL, 0,
     NULL, NULL},
    {"{\"id\":\"a\",\"text\":\"b", JSONL_INVALID_JSON, "\"a\"", NULL, 0, NULL,
     NULL},
    {"{\"id\":\"a\",\"text\":\"b\\q\"}", JSONL_INVALID_JSON, "\"a\"", NULL, 0,
     NULL, NULL},
    {"{\"id\":\"a\"", JSONL_INVALID_JSON, NULL, NULL, 0, NULL, NULL},
};

Test(jsonl, table)
{
    struct jsonl_item it = {0};
    for (size_t i = 0; i < sizeof rcases / sizeof rcases[0]; i++) {
        const struct rcase *c = &rcases[i];
        size_t n = strlen(c->line);
        struct guarded g = guard(c->line, n);
        struct jsonl_error e;
        memset(&e, 0x55, sizeof e);
        enum jsonl_code got = jsonl_parse_line(g.p, n, &it, &e);
        ASSERT_CODE(got, c->code, c->line);
        cr_assert_eq(e.code, got, "line %s: err.code %d", c->line, e.code);
        if (got != JSONL_OK) {
            cr_assert(strlen(e.message) > 0 && strlen(e.message) < 160,
                      "line %s: message", c->line);
            cr_assert_leq(e.pos, n, "line %s: pos %zu", c->line, e.pos);
            cr_assert_null(it.text.p, "line %s: text left set on error",
                           c->line);
        }
        if (c->id) {
            cr_assert_not_null(it.id, "line %s: id not found", c->line);
            cr_assert_eq(it.id_len, strlen(c->id), "line %s: id length %zu",
                         c->line, it.id_len);
            cr_assert(memcmp(it.id, c->id, it.id_len) == 0,
                      "line %s: id %.*s, want %s", c->line, (int)it.id_len,
                      it.id, c->id);
            cr_assert(it.id >= g.p && it.id + it.id_len <= g.p + n,
                      "line %s: the id must point into the line", c->line);
        } else {
            cr_assert_null(it.id, "line %s: unexpected id %.*s", c->line,
                           (int)it.id_len, it.id);
        }
        if (c->text) {
            size_t tl = c->text_len ? c->text_len : strlen(c->text);
            cr_assert_not_null(it.text.p, "line %s", c->line);
            cr_assert_eq(it.text.len, tl, "line %s: text length %zu, want %zu",
                         c->line, it.text.len, tl);
            cr_assert(memcmp(it.text.p, c->text, tl) == 0,
                      "line %s: text '%.*s', want '%s'", c->line,
                      (int)it.text.len, it.text.p, c->text);
        }
        if (got == JSONL_OK) {
            const char *want[2] = {c->parent, c->context};
            const struct jsonl_str *have[2] = {&it.parent, &it.context};
            for (int k = 0; k < 2; k++) {
                if (!want[k]) {
                    cr_assert_null(have[k]->p, "line %s: field %d set",
                                   c->line, k);
                    continue;
                }
                cr_assert_eq(have[k]->len, strlen(want[k]), "line %s",
                             c->line);
                cr_assert(memcmp(have[k]->p, want[k], have[k]->len) == 0,
                          "line %s: field %d '%.*s'", c->line, k,
                          (int)have[k]->len, have[k]->p);
            }
        }
        unguard(&g);
    }
    jsonl_item_free(&it);
}

/* An embedded NUL byte is a control character: invalid JSON, not the end of
 * the line. */
Test(jsonl, raw_nul_byte)
{
    static const char line[] = "{\"text\": \"a\0b\"}";
    struct jsonl_item it = {0};
    struct jsonl_error e;
    enum jsonl_code c = parse_guarded(line, sizeof line - 1, &it, &e);
    ASSERT_CODE(c, JSONL_INVALID_JSON, "a\\0b");
    cr_assert_eq(e.pos, 11u, "pos %zu", e.pos);
    jsonl_item_free(&it);
}

/* Unescaped strings are returned in place; escaped ones are decoded into
 * the item's buffer, which is not reallocated by a line that fits. */
Test(jsonl, zero_copy_and_buffer_reuse)
{
    struct jsonl_item it = {0};
    const char *a = "{\"text\": \"plain\"}";
    cr_assert_eq(jsonl_parse_line(a, strlen(a), &it, NULL), JSONL_OK);
    cr_assert_eq(it.text.p, a + 10);
    cr_assert_null(it.buf, "no buffer needed without escapes");
    const char *b = "{\"text\": \"tab\\there\", \"parent\": \"\\u00e9\"}";
    cr_assert_eq(jsonl_parse_line(b, strlen(b), &it, NULL), JSONL_OK);
    cr_assert(it.text.p >= it.buf && it.text.p < it.buf + it.cap);
    cr_assert_eq(it.text.len, 8u);
    cr_assert(memcmp(it.text.p, "tab\there", 8) == 0);
    cr_assert_eq(it.parent.len, 2u);
    cr_assert(memcmp(it.parent.p, "\xC3\xA9", 2) == 0);
    char *buf = it.buf;
    size_t cap = it.cap;
    for (int i = 0; i < 100; i++)
        cr_assert_eq(jsonl_parse_line(b, strlen(b), &it, NULL), JSONL_OK);
    cr_assert_eq(it.buf, buf, "steady state must not reallocate");
    cr_assert_eq(it.cap, cap);
    jsonl_item_free(&it);
    cr_assert_null(it.buf);
    jsonl_item_free(NULL);
}

/* Nesting is bounded by MAX_DEPTH without using the C stack. */
Test(jsonl, depth_limit)
{
    struct jsonl_item it = {0};
    for (int extra = 0; extra <= 1; extra++) {
        size_t depth = MAX_DEPTH + (size_t)extra;
        size_t n = 0;
        char *s = malloc(2 * depth + 64);
        n += (size_t)snprintf(s, 64, "{\"text\": \"x\", \"id\": ");
        memset(s + n, '[', depth);
        n += depth;
        s[n++] = '0'; /* an empty innermost array would need no slot */
        memset(s + n, ']', depth);
        n += depth;
        s[n++] = '}';
        enum jsonl_code c = parse_guarded(s, n, &it, NULL);
        ASSERT_CODE(c, extra ? JSONL_INVALID_JSON : JSONL_OK, "deep");
        free(s);
    }
    /* Far deeper than any stack would allow recursion to go. */
    size_t n = 1u << 20;
    char *s = malloc(n + 32);
    size_t k = (size_t)snprintf(s, 32, "{\"text\": \"x\", \"id\": ");
    memset(s + k, '[', n - k);
    cr_assert_eq(jsonl_parse_line(s, n, &it, NULL), JSONL_INVALID_JSON);
    free(s);
    jsonl_item_free(&it);
}

/* Every prefix of every case, flush against the guard page: a parser that
 * trusts a closing quote or brace to be there reads past the end. */
Test(jsonl, prefixes_stay_in_bounds)
{
    struct jsonl_item it = {0};
    for (size_t i = 0; i < sizeof rcases / sizeof rcases[0]; i++) {
        const char *line = rcases[i].line;
        size_t n = strlen(line);
        for (size_t k = 0; k <= n; k++) {
            struct jsonl_error e;
            enum jsonl_code c = parse_guarded(line, k, &it, &e);
            cr_assert_lt((int)c, JSONL_N_CODES);
            if (k < n && rcases[i].code == JSONL_OK && line[n - 1] == '}')
                cr_assert_neq(c, JSONL_OK, "prefix %zu of %s parsed", k, line);
        }
    }
    jsonl_item_free(&it);
}

Test(jsonl, code_names)
{
    cr_assert_str_eq(jsonl_code_name(JSONL_INVALID_JSON), "invalid_json");
    cr_assert_str_eq(jsonl_code_name(JSONL_MISSING_TEXT), "missing_text");
    cr_assert_str_eq(jsonl_code_name(JSONL_INVALID_UTF8), "invalid_utf8");
    cr_assert_str_eq(jsonl_code_name(JSONL_TOO_LONG), "too_long");
    cr_assert_str_eq(jsonl_code_name(JSONL_EMPTY_LINE), "empty_line");
    cr_assert_str_eq(jsonl_code_name((enum jsonl_code)99), "internal");
}

/* ---------------------------------------------------------------------- */
/* The writer                                                              */
/* ---------------------------------------------------------------------- */

/* The obvious byte-at-a-time escaper the fast one must agree with. */
static size_t ref_escape(const char *s, size_t n, char *out)
{
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': o += (size_t)snprintf(out + o, 8, "\\\""); break;
        case '\\': o += (size_t)snprintf(out + o, 8, "\\\\"); break;
        case '\n': o += (size_t)snprintf(out + o, 8, "\\n"); break;
        case '\r': o += (size_t)snprintf(out + o, 8, "\\r"); break;
        case '\t': o += (size_t)snprintf(out + o, 8, "\\t"); break;
        case '\b': o += (size_t)snprintf(out + o, 8, "\\b"); break;
        case '\f': o += (size_t)snprintf(out + o, 8, "\\f"); break;
        default:
            if (c < 0x20)
                o += (size_t)snprintf(out + o, 8, "\\u%04x", c);
            else
                out[o++] = (char)c;
        }
    }
    out[o++] = '"';
    return o;
}

Test(jsonw, string_escapes)
{
    struct jbuf b = {0};
    const char *in = "a\"b\\c\nd\re\tf\bg\fh\x01i\x1f\x7fj\xC3\xA9/<";
    cr_assert_eq(jsonw_string(&b, in, strlen(in)), 0);
    const char *want =
        "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001f\x7fj\xC3\xA9/<\"";
    cr_assert_eq(b.len, strlen(want), "got %.*s", (int)b.len, b.p);
    cr_assert(memcmp(b.p, want, b.len) == 0, "got %.*s", (int)b.len, b.p);
    jbuf_free(&b);
}

/* Every byte value at every position of strings around the 16-byte block
 * size (and the 8-byte one of the portable path), alone or followed by a
 * second byte to escape in the same block, against the reference. */
Test(jsonw, string_matches_reference)
{
    struct jbuf b = {0};
    char in[48], want[48 * 6 + 2];
    for (size_t n = 1; n <= 40; n++) {
        for (size_t pos = 0; pos < n; pos++) {
            for (int c = 0; c < 256; c++) {
                for (int second = 0; second < 2; second++) {
                    memset(in, 'x', n);
                    in[pos] = (char)c;
                    if (n > 3 && pos != 1)
                        in[1] = (char)0xC3; /* non-ASCII must pass through */
                    if (second && pos + 2 < n)
                        in[pos + 2] = '\\';
                    b.len = 0;
                    cr_assert_eq(jsonw_string(&b, in, n), 0);
                    size_t wl = ref_escape(in, n, want);
                    cr_assert(b.len == wl && memcmp(b.p, want, wl) == 0,
                              "n=%zu pos=%zu c=0x%02x: %.*s vs %.*s", n, pos,
                              c, (int)b.len, b.p, (int)wl, want);
                }
            }
        }
    }
    jbuf_free(&b);
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* Random valid UTF-8 (with controls, quotes, backslashes): the writer's
 * output is read back identically by jansson and by our reader. */
Test(jsonw, round_trip)
{
    static const char *pieces[] = {"a", "Z", " ", "\"", "\\", "\n", "\x01",
                                   "\x1f", "\xC3\xA9", "\xE2\x82\xAC",
                                   "\xF0\x9F\x98\x80", "/", "\x7f", "\t"};
    struct jbuf b = {0};
    struct jsonl_item it = {0};
    char s[512];
    for (int round = 0; round < 2000; round++) {
        size_t n = 0, k = rnd() % 60;
        for (size_t i = 0; i < k; i++) {
            const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
            memcpy(s + n, p, strlen(p));
            n += strlen(p);
        }
        b.len = 0;
        cr_assert_eq(jbuf_puts(&b, "{\"text\": "), 0);
        size_t at = b.len;
        cr_assert_eq(jsonw_string(&b, s, n), 0);
        json_error_t je;
        json_t *j = json_loadb(b.p + at, b.len - at,
                               JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
        cr_assert_not_null(j, "jansson: %s on %.*s", je.text,
                           (int)(b.len - at), b.p + at);
        cr_assert_eq(json_string_length(j), n);
        cr_assert(memcmp(json_string_value(j), s, n) == 0);
        json_decref(j);
        cr_assert_eq(jbuf_put(&b, "}", 1), 0);
        cr_assert_eq(jsonl_parse_line(b.p, b.len, &it, NULL), JSONL_OK);
        cr_assert_eq(it.text.len, n);
        cr_assert(memcmp(it.text.p, s, n) == 0);
    }
    jsonl_item_free(&it);
    jbuf_free(&b);
}

Test(jsonw, numbers)
{
    static const struct {
        float x;
        const char *want;
    } cases[] = {
        {0.0f, "0"},      {1.0f, "1"},         {0.91f, "0.91"},
        {0.5f, "0.5"},    {0.12345f, "0.1235"}, {0.99996f, "1"},
        {0.99994f, "0.9999"}, {0.00004f, "0"}, {0.00005f, "0.0001"},
        {0.1f, "0.1"},    {-1.0f, "0"},        {2.0f, "1"},
        {0.0101f, "0.0101"},
    };
    struct jbuf b = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        b.len = 0;
        cr_assert_eq(jsonw_score(&b, cases[i].x), 0);
        cr_assert(b.len == strlen(cases[i].want) &&
                      memcmp(b.p, cases[i].want, b.len) == 0,
                  "%g: got %.*s, want %s", (double)cases[i].x, (int)b.len,
                  b.p, cases[i].want);
    }
    b.len = 0;
    cr_assert_eq(jsonw_score(&b, __builtin_nanf("")), 0);
    cr_assert(b.len == 1 && b.p[0] == '0', "NaN: %.*s", (int)b.len, b.p);
    b.len = 0;
    cr_assert_eq(jsonw_uint(&b, 0), 0);
    cr_assert_eq(jsonw_uint(&b, 18446744073709551615ull), 0);
    cr_assert(b.len == 21 && memcmp(b.p, "018446744073709551615", 21) == 0);
    jbuf_free(&b);
}

/* Every value a score can print, k / 10000, against "%.4f" with its
 * trailing zeros (and a trailing '.') dropped. */
Test(jsonw, scores_all_four_decimals)
{
    struct jbuf b = {0};
    char want[16];
    for (unsigned k = 0; k <= 10000; k++) {
        snprintf(want, sizeof want, "%.4f", k / 10000.0);
        size_t n = strlen(want);
        while (want[n - 1] == '0')
            n--;
        if (want[n - 1] == '.')
            n--;
        b.len = 0;
        cr_assert_eq(jsonw_score(&b, (float)k / 10000.0f), 0);
        cr_assert(b.len == n && memcmp(b.p, want, n) == 0,
                  "%u: got %.*s, want %.*s", k, (int)b.len, b.p, (int)n, want);
    }
    jbuf_free(&b);
}

/* The formatter jsonw_score used before its table of every score's text
 * (docs/BENCHMARKS.md, round spd34j), kept here as the reference the table
 * must match byte for byte. */
static size_t score_before(char *o, float x)
{
    if (!(x > 0))
        x = 0;
    if (x > 1)
        x = 1;
    unsigned v = (unsigned)(x * 10000.0f + 0.5f);
    if (v == 0 || v >= 10000) {
        o[0] = v ? '1' : '0';
        return 1;
    }
    char dg[4];
    memcpy(dg, digit_pairs + 2 * (v / 100), 2);
    memcpy(dg + 2, digit_pairs + 2 * (v % 100), 2);
    memcpy(o, "0.", 2);
    memcpy(o + 2, dg, 4);
    size_t n = 6;
    while (o[n - 1] == '0')
        n--;
    return n;
}

static void score_as_before(struct jbuf *b, float x)
{
    char want[8];
    size_t n = score_before(want, x);
    b->len = 0;
    cr_assert_eq(jsonw_score(b, x), 0);
    cr_assert(b->len == n && memcmp(b->p, want, n) == 0,
              "%a: got %.*s, want %.*s", (double)x, (int)b->len, b->p, (int)n,
              want);
}

/* jsonw_score against score_before on 4.6 million floats: every float
 * within 64 ulps of each rounding boundary (k + 0.5) / 10000 and of each
 * k / 10000, a million random bit patterns (NaN, infinities, negatives,
 * denormals and huge values among them) and a million random floats in
 * [0, 1]. A fixed seed, so a failure repeats. */
Test(jsonw, scores_as_before)
{
    struct jbuf b = {0};
    for (unsigned k = 0; k <= 10000; k++) {
        const float at[2] = {(float)k / 10000.0f, ((float)k + 0.5f) / 10000.0f};
        for (int j = 0; j < 2; j++) {
            uint32_t u;
            memcpy(&u, &at[j], 4);
            for (int32_t d = -64; d <= 64; d++) {
                uint32_t w = u + (uint32_t)d;
                float x;
                memcpy(&x, &w, 4);
                score_as_before(&b, x);
            }
        }
    }
    uint64_t st = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 1000000; i++) {
        st ^= st << 13, st ^= st >> 7, st ^= st << 17; /* xorshift64 */
        uint32_t w = (uint32_t)(st >> 32);
        float x;
        memcpy(&x, &w, 4);
        score_as_before(&b, x);
        score_as_before(&b, (float)(st & 0xFFFFFF) / (float)0xFFFFFF);
    }
    jbuf_free(&b);
}

/* jsonw_result writes a line's six scores in attribute order, each as
 * scores_all_four_decimals checks jsonw_score writes it: the bytes are
 * written out here (a sweep that built its expected line with
 * jsonw_score compared score_digits with itself once the SSE2 copy of the
 * formatter was gone). */
Test(jsonw, result_scores_as_score)
{
    decorum_result r;
    memset(&r, 0, sizeof r);
    r.verdict = DECORUM_ALLOW;
    const float x[DECORUM_N_ATTRIBUTES] = {0.0f, 0.25f, 1.0f,
                                           0.0001f, 0.9999f, 0.5f};
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++)
        r.scores[a] = x[a];
    static const char want[] =
        "\"verdict\": \"allow\", \"hateful\": false, \"attributes\": "
        "{\"TOXICITY\": 0, \"SEVERE_TOXICITY\": 0.25, \"IDENTITY_ATTACK\": 1, "
        "\"INSULT\": 0.0001, \"PROFANITY\": 0.9999, \"THREAT\": 0.5}, "
        "\"spans\": []";
    struct jbuf b = {0};
    cr_assert_eq(jsonw_result(&b, &r, "", 0), 0);
    cr_assert(b.len == sizeof want - 1 && memcmp(b.p, want, b.len) == 0,
              "got\n%.*s\nwant\n%s", (int)b.len, b.p, want);
    jbuf_free(&b);
}

/* The six scores of a result line (clamped and rounded in two vectors,
 * score_places) against jsonw_score (score_digits, which scores_as_before
 * holds to the former formatter) on the same floats: each lane fed
 * NaNs, infinities, negatives, -0, denormals, values above 1 and every
 * rounding boundary +-2 ulps, the lanes differing, so a lane swapped,
 * a clamp in the wrong order or an operand order of maxps/minps that
 * keeps a NaN fails here. */
Test(jsonw, result_scores_as_score_digits)
{
    static const char *const keys[DECORUM_N_ATTRIBUTES] = {
        "TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK",
        "INSULT",   "PROFANITY",       "THREAT"};
    struct jbuf got = {0}, want = {0}, one = {0};
    uint64_t st = 0x2545F4914F6CDD1Dull;
    decorum_result r;
    memset(&r, 0, sizeof r);
    r.verdict = DECORUM_ALLOW;
    for (int i = 0; i < 400000; i++) {
        for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
            st ^= st << 13, st ^= st >> 7, st ^= st << 17; /* xorshift64 */
            uint32_t w = (uint32_t)(st >> 32);
            float x;
            switch (st & 3) {
            case 0: /* any bit pattern */
                memcpy(&x, &w, 4);
                break;
            case 1: /* a rounding boundary, +-2 ulps */
            {
                float b = ((float)(w % 10001) + 0.5f) / 10000.0f;
                uint32_t u;
                memcpy(&u, &b, 4);
                u += (uint32_t)((int32_t)((st >> 8) % 5) - 2);
                memcpy(&x, &u, 4);
                break;
            }
            case 2: /* [0, 1] */
                x = (float)(w & 0xFFFFFF) / (float)0xFFFFFF;
                break;
            default: {
                static const float odd[] = {0.0f, -0.0f, 1.0f, 1.0001f,
                                            -1.0f, 1e-45f, 2.0f, 0.99995f};
                x = (st >> 8) % 9 == 8 ? __builtin_nanf("")
                                         : odd[(st >> 8) % 9 % 8];
                if ((st >> 16) % 7 == 0)
                    x = -__builtin_inff();
            }
            }
            r.scores[a] = x;
        }
        want.len = 0;
        cr_assert_eq(jbuf_puts(&want, "\"verdict\": \"allow\", \"hateful\": "
                                      "false, \"attributes\": {"),
                     0);
        for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
            one.len = 0;
            cr_assert_eq(jsonw_score(&one, r.scores[a]), 0);
            cr_assert_eq(jbuf_puts(&want, a ? ", \"" : "\""), 0);
            cr_assert_eq(jbuf_puts(&want, keys[a]), 0);
            cr_assert_eq(jbuf_puts(&want, "\": "), 0);
            cr_assert_eq(jbuf_put(&want, one.p, one.len), 0);
        }
        cr_assert_eq(jbuf_puts(&want, "}, \"spans\": []"), 0);
        got.len = 0;
        cr_assert_eq(jsonw_result(&got, &r, "", 0), 0);
        cr_assert(got.len == want.len && memcmp(got.p, want.p, got.len) == 0,
                  "round %d: got\n%.*s\nwant\n%.*s", i, (int)got.len, got.p,
                  (int)want.len, want.p);
    }
    jbuf_free(&got);
    jbuf_free(&want);
    jbuf_free(&one);
}

Test(jsonw, result_shape)
{
    /* Bytes: "say " 0..4, "\xC3\xA9" 4..6, " \"x\" " 6..11, "now" 11..14. */
    const char *text = "say \xC3\xA9 \"x\" now";
    cr_assert_eq(strlen(text), 14u);
    decorum_span spans[3] = {
        {4, 6, DECORUM_IDENTITY_ATTACK, DECORUM_SIGNAL_CODED_ECHO, 0, 0, 0.9f,
         "an echo \"(( ))\""},
        /* begins inside the two-byte character: widened to 4 */
        {5, 10, DECORUM_IDENTITY_ATTACK, DECORUM_SIGNAL_QUOTED,
         DECORUM_SPAN_MITIGATING, 0, 0.5f, NULL},
        /* ends past the text: clamped to 14 */
        {11, 99, DECORUM_INSULT, DECORUM_SIGNAL_INSULT, 0, 0, 0.5f, "x"},
    };
    decorum_result r;
    memset(&r, 0, sizeof r);
    r.scores[DECORUM_TOXICITY] = 0.91f;
    r.scores[DECORUM_THREAT] = 1.0f;
    r.hateful = 1;
    r.verdict = DECORUM_REJECT;
    r.spans = spans;
    r.n_spans = 3;
    struct jbuf b = {0};
    cr_assert_eq(jbuf_put(&b, "{", 1), 0);
    cr_assert_eq(jsonw_result(&b, &r, text, strlen(text)), 0);
    cr_assert_eq(jbuf_put(&b, "}", 1), 0);
    const char *want =
        "{\"verdict\": \"reject\", \"hateful\": true, \"attributes\": "
        "{\"TOXICITY\": 0.91, \"SEVERE_TOXICITY\": 0, \"IDENTITY_ATTACK\": 0, "
        "\"INSULT\": 0, \"PROFANITY\": 0, \"THREAT\": 1}, \"spans\": ["
        "{\"begin\": 4, \"end\": 6, \"text\": \"\xC3\xA9\", \"attribute\": "
        "\"IDENTITY_ATTACK\", \"signal\": \"coded.echo\", \"reason\": "
        "\"an echo \\\"(( ))\\\"\", \"mitigating\": false}, "
        "{\"begin\": 4, \"end\": 10, \"text\": \"\xC3\xA9 \\\"x\\\"\", "
        "\"attribute\": \"IDENTITY_ATTACK\", \"signal\": \"quoted\", "
        "\"reason\": \"\", \"mitigating\": true}, "
        "{\"begin\": 11, \"end\": 14, \"text\": \"now\", \"attribute\": "
        "\"INSULT\", \"signal\": \"insult\", \"reason\": \"x\", "
        "\"mitigating\": false}]}";
    cr_assert(b.len == strlen(want) && memcmp(b.p, want, b.len) == 0,
              "got\n%.*s\nwant\n%s", (int)b.len, b.p, want);
    json_error_t je;
    json_t *j = json_loadb(b.p, b.len, 0, &je);
    cr_assert_not_null(j, "%s: %.*s", je.text, (int)b.len, b.p);
    const char *keys[] = {"verdict", "hateful", "attributes", "spans"};
    size_t k = 0;
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        (void)v;
        cr_assert_lt(k, 4u);
        cr_assert_str_eq(key, keys[k], "key %zu", k);
        k++;
    }
    json_t *sp = json_object_get(j, "spans");
    cr_assert_eq(json_array_size(sp), 3u);
    json_t *s2 = json_array_get(sp, 2);
    cr_assert_eq(json_integer_value(json_object_get(s2, "end")), 14);
    cr_assert_str_eq(json_string_value(json_object_get(s2, "text")), "now");
    json_t *s1 = json_array_get(sp, 1);
    cr_assert_eq(json_integer_value(json_object_get(s1, "begin")), 4);
    cr_assert(json_is_true(json_object_get(s1, "mitigating")));
    cr_assert_str_eq(json_string_value(json_object_get(s1, "text")),
                     "\xC3\xA9 \"x\"");
    json_decref(j);
    jbuf_free(&b);
}

/* jsonw_result_plain copies span texts that jsonw_result escapes: on
 * texts with no byte to escape the two must write the same bytes, for
 * spans of every length across dcx_copy's cases (0 to 3, 4 to 7, 8 to
 * 15, 16, 17 to 80 bytes), spans clamped and widened to whole UTF-8
 * characters, and each text ending flush against a PROT_NONE page. */
Test(jsonw, result_plain_as_result)
{
    static const char *pieces[] = {"a",  "Zq", " ",  "\xC3\xA9", "\xE2\x82\xAC",
                                   "\xF0\x9F\x98\x82", "~", "'", "0"};
    char text[200];
    decorum_span spans[8];
    struct jbuf x = {0}, y = {0};
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, want = rnd() % 120;
        while (len < want) {
            const char *pc = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
            size_t k = strlen(pc);
            if (len + k > sizeof text)
                break;
            memcpy(text + len, pc, k);
            len += k;
        }
        struct guarded g = guard(text, len);
        decorum_result r;
        memset(&r, 0, sizeof r);
        r.n_spans = rnd() % 8;
        for (size_t i = 0; i < r.n_spans; i++) {
            size_t b = len ? rnd() % (len + 4) : 0, e = b + rnd() % 84;
            spans[i] = (decorum_span){b, e, DECORUM_INSULT,
                                      DECORUM_SIGNAL_INSULT, 0, 0, 0.5f,
                                      "a reason"};
        }
        r.spans = spans;
        x.len = y.len = 0;
        cr_assert_eq(jsonw_result(&x, &r, g.p, len), 0);
        cr_assert_eq(jsonw_result_plain(&y, &r, g.p, len), 0);
        cr_assert(x.len == y.len && memcmp(x.p, y.p, x.len) == 0,
                  "got\n%.*s\nwant\n%.*s", (int)y.len, y.p, (int)x.len, x.p);
        unguard(&g);
    }
    jbuf_free(&x);
    jbuf_free(&y);
}

Test(jsonw, buffer_limit)
{
    struct jbuf b = {0};
    b.limit = 64;
    cr_assert_eq(jbuf_put(&b, "0123456789", 10), 0);
    char big[100];
    memset(big, 'a', sizeof big);
    cr_assert_eq(jsonw_string(&b, big, sizeof big), -1);
    cr_assert_eq(b.len, 10u, "a failed write keeps what was there");
    cr_assert_eq(jbuf_put(&b, big, 54), 0);
    cr_assert_eq(jbuf_put(&b, "x", 1), -1);
    jbuf_free(&b);
}

/* ---------------------------------------------------------------------- */
/* Against jansson                                                         */
/* ---------------------------------------------------------------------- */

/* Random edits of valid lines, drawn from JSON's own punctuation so that
 * most results are near-misses. Whether a line is JSON at all must be
 * judged the same way by both parsers. Lone surrogates are left out: they
 * are valid JSON that jansson refuses. */
Test(jsonl, agrees_with_jansson)
{
    static const char *seeds[] = {
        "{\"id\": 1, \"text\": \"hello\", \"meta\": {\"a\": [1, -2.5e3, true, "
        "null, false]}}",
        "{\"text\": \"a\\\"b\\\\c\\n\\u00e9\", \"parent\": \"p\", "
        "\"context\": null}",
        "[{\"x\": [[], {}]}, \"s\", 0.5, -0]",
        "{\"id\": \"x\", \"text\": \"\xC3\xA9\xE2\x82\xAC\"}",
    };
    static const char alphabet[] = "{}[]\":,.-+eE0123456789 \\/unltrfa\"\t";
    struct jsonl_item it = {0};
    char s[256];
    size_t agree = 0;
    for (int round = 0; round < 200000; round++) {
        const char *seed = seeds[rnd() % (sizeof seeds / sizeof seeds[0])];
        size_t n = strlen(seed);
        memcpy(s, seed, n);
        int edits = 1 + (int)(rnd() % 3);
        for (int e = 0; e < edits; e++) {
            size_t pos = n ? rnd() % n : 0;
            char c = alphabet[rnd() % (sizeof alphabet - 1)];
            switch (rnd() % 3) {
            case 0: /* replace */
                if (n)
                    s[pos] = c;
                break;
            case 1: /* insert */
                if (n < sizeof s - 1) {
                    memmove(s + pos + 1, s + pos, n - pos);
                    s[pos] = c;
                    n++;
                }
                break;
            default: /* delete */
                if (n) {
                    memmove(s + pos, s + pos + 1, n - pos - 1);
                    n--;
                }
            }
        }
        json_error_t je;
        json_t *j =
            json_loadb(s, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
        if (!j && (strstr(je.text, "nicode") || strstr(je.text, "too big") ||
                   strstr(je.text, "overflow")))
            continue; /* surrogates (see above) or jansson's number range */
        enum jsonl_code c = jsonl_parse_line(s, n, &it, NULL);
        int ours = c != JSONL_INVALID_JSON && c != JSONL_EMPTY_LINE &&
                   c != JSONL_INVALID_UTF8;
        cr_assert_eq(ours, j != NULL, "%.*s: ours %s, jansson %s", (int)n, s,
                     jsonl_code_name(c), j ? "valid" : je.text);
        json_decref(j);
        agree++;
    }
    cr_assert_gt(agree, 100000u);
    jsonl_item_free(&it);
}

/* The usual first two members go through fast_members; the member loop
 * alone (jsonl_full_only) must give the same everything: code, error
 * position and message, id, strings. The table's lines, then random edits
 * of the usual line. */
/* text_plain is set exactly when the text was returned in place, in the
 * line s[0..n), and such a text holds no byte the writer would escape:
 * jsonw_result_plain copies its span texts on that promise. */
static void check_text_plain(const char *s, size_t n,
                             const struct jsonl_item *it, enum jsonl_code c)
{
    uintptr_t lo = (uintptr_t)s, hi = lo + n, t = (uintptr_t)it->text.p;
    int in_place = c == JSONL_OK && t >= lo && t <= hi;
    cr_assert_eq(it->text_plain, in_place, "%.*s: text_plain %d", (int)n, s,
                 it->text_plain);
    for (size_t i = 0; it->text_plain && i < it->text.len; i++) {
        unsigned char ch = (unsigned char)it->text.p[i];
        cr_assert(ch >= 0x20 && ch != '"' && ch != '\\',
                  "%.*s: byte 0x%02X in a plain text", (int)n, s, ch);
    }
}

static void same_both_ways(const char *s, size_t n, struct jsonl_item *a,
                           struct jsonl_item *b)
{
    struct jsonl_error ea, eb;
    memset(&ea, 0x55, sizeof ea);
    memset(&eb, 0x55, sizeof eb);
    jsonl_full_only = 0;
    enum jsonl_code ca = jsonl_parse_line(s, n, a, &ea);
    jsonl_full_only = 1;
    enum jsonl_code cb = jsonl_parse_line(s, n, b, &eb);
    jsonl_full_only = 0;
    cr_assert_eq(ca, cb, "%.*s: %s, member loop %s", (int)n, s,
                 jsonl_code_name(ca), jsonl_code_name(cb));
    cr_assert_eq(ea.pos, eb.pos, "%.*s", (int)n, s);
    cr_assert_str_eq(ea.message, eb.message, "%.*s", (int)n, s);
    cr_assert(a->id == b->id && a->id_len == b->id_len, "%.*s: id", (int)n,
              s);
    check_text_plain(s, n, a, ca);
    check_text_plain(s, n, b, cb);
    const struct jsonl_str *sa[3] = {&a->text, &a->parent, &a->context};
    const struct jsonl_str *sb[3] = {&b->text, &b->parent, &b->context};
    for (int k = 0; k < 3; k++) {
        cr_assert_eq(sa[k]->p == NULL, sb[k]->p == NULL, "%.*s: %d", (int)n,
                     s, k);
        cr_assert_eq(sa[k]->len, sb[k]->len, "%.*s: %d", (int)n, s, k);
        if (sa[k]->len)
            cr_assert(memcmp(sa[k]->p, sb[k]->p, sa[k]->len) == 0,
                      "%.*s: %d", (int)n, s, k);
    }
}

Test(jsonl, fast_members_agree_with_member_loop)
{
    struct jsonl_item a = {0}, b = {0};
    for (size_t i = 0; i < sizeof rcases / sizeof rcases[0]; i++)
        same_both_ways(rcases[i].line, strlen(rcases[i].line), &a, &b);
    static const char *seeds[] = {
        "{\"id\":\"c-17\",\"text\":\"you are \xC3\xA9 great\"}",
        "{\"id\": \"davidson:5\", \"text\": \"\\\"@x: hi\\\" \xF0\x9F\x98\x82\", "
        "\"label\": 1}",
    };
    static const char alphabet[] = "{}[]\":, \\uidtex\x01\xC3\xA9\xFF" "0n";
    char s[128];
    for (int round = 0; round < 200000; round++) {
        const char *seed = seeds[rnd() % (sizeof seeds / sizeof seeds[0])];
        size_t n = strlen(seed);
        memcpy(s, seed, n);
        int edits = 1 + (int)(rnd() % 2);
        for (int e = 0; e < edits; e++) {
            size_t pos = n ? rnd() % n : 0;
            char c = alphabet[rnd() % (sizeof alphabet - 1)];
            switch (rnd() % 3) {
            case 0:
                if (n)
                    s[pos] = c;
                break;
            case 1:
                if (n < sizeof s - 1) {
                    memmove(s + pos + 1, s + pos, n - pos);
                    s[pos] = c;
                    n++;
                }
                break;
            default:
                if (n) {
                    memmove(s + pos, s + pos + 1, n - pos - 1);
                    n--;
                }
            }
        }
        same_both_ways(s, n, &a, &b);
    }
    jsonl_item_free(&a);
    jsonl_item_free(&b);
}

/* jsonl_item's text_plain in the usual cases, both ways of reading. */
Test(jsonl, text_plain)
{
    static const struct {
        const char *line;
        int plain;
    } cases[] = {
        {"{\"id\":\"a\",\"text\":\"plain words\"}", 1},
        {"{\"text\": \"caf\xC3\xA9 \xF0\x9F\x98\x82\"}", 1},
        {"{\"id\":\"a\",\"text\":\"\"}", 1},
        {"{\"id\":\"a\",\"text\":\"say \\\"x\\\"\"}", 0},
        {"{\"text\":\"a\\nb\", \"id\": 3}", 0},
        {"{\"text\":\"a\\u00e9\"}", 0},
        {"{\"text\":\"a\\/b\"}", 0}, /* no byte to escape, but decoded */
        {"{\"text\":\"one\",\"text\":\"two\\n\"}", 0}, /* refused */
        {"{\"id\":\"a\",\"text\":\"ok\",\"parent\":\"p\\n\"}", 1},
    };
    struct jsonl_item it = {0};
    for (int full = 0; full < 2; full++) {
        jsonl_full_only = full;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            size_t n = strlen(cases[i].line);
            enum jsonl_code c = jsonl_parse_line(cases[i].line, n, &it, NULL);
            cr_assert_eq(it.text_plain, cases[i].plain, "%s (full %d)",
                         cases[i].line, full);
            check_text_plain(cases[i].line, n, &it, c);
        }
    }
    jsonl_full_only = 0;
    jsonl_item_free(&it);
}
