/*
 * fuzz_jsonl.c: the `decorum score` JSONL line reader (jsonl_parse_line,
 * src/cli/jsonl.c) on arbitrary bytes.
 *
 * Each input is one line (no '\n' handling: the reader is given the bytes
 * as they are), copied to an exact-size heap block so ASan catches any
 * read past its end; the reader needs no NUL. Checked:
 *   - the code is in range and its name is not "internal" unless the
 *     reader ran out of memory (which the harness does not cause);
 *   - the error position lies within the line;
 *   - on OK: text is present, valid UTF-8 with no NUL byte; parent and
 *     context, when present, are valid UTF-8; every string points into
 *     the line or the item's buffer; id, when present, points into the
 *     line;
 *   - parsing again with the same (reused) item gives the same code and
 *     the same strings;
 *   - the member loop alone (jsonl_full_only) gives the same code, error
 *     position and message, id and strings as with the fast path for the
 *     usual first two members;
 *   - text_plain is set exactly when the text lies in the line (it was
 *     read in place), and such a text holds no byte JSON escapes ('"',
 *     '\\', below 0x20): the writer copies it on that promise (session 38).
 */
#include "jsonl.h"
#include "decorum.h"
#include "fuzz_util.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int inside(const char *p, size_t n, const char *base, size_t len)
{
    return p >= base && p <= base + len && n <= (size_t)(base + len - p);
}

static void check_str(const struct jsonl_str *s, const char *what,
                      const char *line, size_t len,
                      const struct jsonl_item *it, int required)
{
    if (!s->p) {
        FUZZ_CHECK(!required, "%s missing on OK", what);
        return;
    }
    FUZZ_CHECK(inside(s->p, s->len, line, len) ||
                   (it->buf && inside(s->p, s->len, it->buf, it->cap)),
               "%s points outside the line and the buffer", what);
    size_t bad = 0;
    FUZZ_CHECK(decorum_utf8_check(s->p, s->len, &bad) == DECORUM_OK,
               "%s not UTF-8 at %zu", what, bad);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line = malloc(size ? size : 1);
    if (!line)
        return 0;
    if (size)
        memcpy(line, data, size);
    struct jsonl_item it;
    memset(&it, 0, sizeof it);
    struct jsonl_error err;
    memset(&err, 0, sizeof err);
    enum jsonl_code c = jsonl_parse_line(line, size, &it, &err);
    FUZZ_CHECK((unsigned)c < JSONL_N_CODES, "code %d", (int)c);
    FUZZ_CHECK(c != JSONL_INTERNAL && c != JSONL_TOO_LONG,
               "code %s from the parser", jsonl_code_name(c));
    if (c != JSONL_OK) {
        FUZZ_CHECK(err.code == c, "err.code %d, returned %d", (int)err.code,
                   (int)c);
        FUZZ_CHECK(err.pos <= size, "error position %zu past %zu", err.pos,
                   size);
        FUZZ_CHECK(memchr(err.message, '\0', sizeof err.message) != NULL,
                   "message not NUL-terminated");
        FUZZ_CHECK(!it.text_plain, "text_plain set on a failed line");
    } else {
        check_str(&it.text, "text", line, size, &it, 1);
        FUZZ_CHECK(memchr(it.text.p, '\0', it.text.len) == NULL,
                   "NUL inside text");
        check_str(&it.parent, "parent", line, size, &it, 0);
        check_str(&it.context, "context", line, size, &it, 0);
        FUZZ_CHECK(it.text_plain ==
                       inside(it.text.p, it.text.len, line, size),
                   "text_plain %d for a text %s the line", it.text_plain,
                   it.text_plain ? "outside" : "inside");
        for (size_t i = 0; it.text_plain && i < it.text.len; i++) {
            unsigned char ch = (unsigned char)it.text.p[i];
            FUZZ_CHECK(ch >= 0x20 && ch != '"' && ch != '\\',
                       "byte 0x%02X in a plain text", ch);
        }
    }
    if (it.id)
        FUZZ_CHECK(inside(it.id, it.id_len, line, size) && it.id_len > 0,
                   "id outside the line");
    /* Again through the same item: same answer. */
    size_t tlen = c == JSONL_OK ? it.text.len : 0;
    char *tcopy = NULL;
    if (c == JSONL_OK) {
        tcopy = malloc(tlen ? tlen : 1);
        FUZZ_CHECK(tcopy != NULL, "oom");
        if (tlen)
            memcpy(tcopy, it.text.p, tlen);
    }
    enum jsonl_code c2 = jsonl_parse_line(line, size, &it, &err);
    FUZZ_CHECK(c2 == c, "second parse: %s, first %s", jsonl_code_name(c2),
               jsonl_code_name(c));
    if (c == JSONL_OK)
        FUZZ_CHECK(it.text.len == tlen &&
                       (tlen == 0 || memcmp(it.text.p, tcopy, tlen) == 0),
                   "second parse decoded a different text");
    free(tcopy);
    /* The same line through the member loop alone. */
    struct jsonl_item full;
    memset(&full, 0, sizeof full);
    struct jsonl_error ferr;
    memset(&ferr, 0, sizeof ferr);
    jsonl_full_only = 1;
    enum jsonl_code cf = jsonl_parse_line(line, size, &full, &ferr);
    jsonl_full_only = 0;
    FUZZ_CHECK(cf == c, "member loop: %s, fast path %s", jsonl_code_name(cf),
               jsonl_code_name(c));
    FUZZ_CHECK(c == JSONL_OK || (ferr.pos == err.pos &&
                                 strcmp(ferr.message, err.message) == 0),
               "member loop: error at %zu '%s', fast path at %zu '%s'",
               ferr.pos, ferr.message, err.pos, err.message);
    FUZZ_CHECK(full.id == it.id && full.id_len == it.id_len,
               "member loop: another id");
    FUZZ_CHECK(full.text_plain == it.text_plain,
               "member loop: text_plain %d, fast path %d", full.text_plain,
               it.text_plain);
    const struct jsonl_str *fs[3] = {&full.text, &full.parent, &full.context};
    const struct jsonl_str *is[3] = {&it.text, &it.parent, &it.context};
    for (int k = 0; k < 3 && c == JSONL_OK; k++)
        FUZZ_CHECK((fs[k]->p == NULL) == (is[k]->p == NULL) &&
                       fs[k]->len == is[k]->len &&
                       (fs[k]->len == 0 ||
                        memcmp(fs[k]->p, is[k]->p, fs[k]->len) == 0),
                   "member loop: string %d differs", k);
    jsonl_item_free(&full);
    jsonl_item_free(&it);
    free(line);
    return 0;
}
