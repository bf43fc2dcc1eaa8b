/*
 * jsonl.h: a small, strict reader for one line of JSONL input to
 * `decorum score` (see docs/CLI.md for the schema).
 *
 * The whole line is validated against the JSON grammar (RFC 8259): strings
 * with every escape, \uXXXX surrogate pairs decoded to UTF-8, raw bytes
 * checked to be UTF-8, numbers, literals, nested values skipped without
 * recursion. Only the members the command needs are extracted from the
 * top-level object:
 *
 *   "id"       any JSON value, returned as its raw JSON text (echoed as given)
 *   "text"     string, decoded (required)
 *   "parent"   string or null, decoded
 *   "context"  string or null, decoded (the article title)
 *
 * Strings without escapes are returned as pointers into the line (no copy);
 * strings with escapes are decoded into a buffer owned by the item, which
 * grows at most once per longer line and is reused, so steady-state parsing
 * allocates nothing. Decoded text never exceeds the escaped form, so a
 * buffer as long as the line always suffices.
 *
 * The parser never reads outside line[0..len) and needs no NUL terminator;
 * it is a fuzz target (tests/fuzz).
 */
#ifndef DECORUM_CLI_JSONL_H
#define DECORUM_CLI_JSONL_H

#include <stddef.h>

/* Error codes of an input line, X(enum suffix, name written in the output).
 * The names are part of the output format: append only. TOO_LONG and
 * INTERNAL are never produced by the parser itself; the command uses them
 * for lines it cannot keep and for engine failures. */
#define JSONL_CODE_MAP(X)                                                      \
    X(OK, "ok")                                                                \
    X(EMPTY_LINE, "empty_line")                                                \
    X(INVALID_JSON, "invalid_json")                                            \
    X(NOT_OBJECT, "not_object")                                                \
    X(MISSING_TEXT, "missing_text")                                            \
    X(WRONG_TYPE, "wrong_type")                                                \
    X(DUPLICATE_KEY, "duplicate_key")                                          \
    X(INVALID_UTF8, "invalid_utf8")                                            \
    X(NUL_IN_TEXT, "nul_in_text")                                              \
    X(TOO_LONG, "too_long")                                                    \
    X(INTERNAL, "internal")

enum jsonl_code {
#define JSONL_X_(e, name) JSONL_##e,
    JSONL_CODE_MAP(JSONL_X_)
#undef JSONL_X_
    JSONL_N_CODES
};

/* The code's name ("invalid_json"); "internal" for out-of-range values. */
const char *jsonl_code_name(enum jsonl_code code);

/* A decoded string: p == NULL when the member is absent (or null). */
struct jsonl_str {
    const char *p;
    size_t len;
};

struct jsonl_item {
    /* Raw JSON text of the "id" value, exactly as in the line; NULL when
     * the line has no "id" (or it could not be read before an error). */
    const char *id;
    size_t id_len;
    struct jsonl_str text, parent, context;
    /* Nonzero when the text was returned in place, without an escape in
     * the line: it then holds no byte JSON escapes ('"', '\\', control
     * characters), which would have been an escape or a syntax error. */
    int text_plain;
    /* Decoding buffer, owned by the item: [cap] bytes. Zero-initialise the
     * item before first use and free with jsonl_item_free(). */
    char *buf;
    size_t cap;
};

struct jsonl_error {
    enum jsonl_code code;
    size_t pos;        /* byte offset in the line the error refers to */
    char message[160]; /* one line of English, NUL-terminated */
};

/*
 * Parses one line (without its '\n'; a trailing '\r' is JSON whitespace).
 * Returns JSONL_OK and fills *out, whose pointers stay valid until the line
 * or the item changes. On failure returns the error code and, when err is
 * not NULL, fills it. out->id is set whenever the id was read before the
 * first problem, so error reports can still name the line's id; the other
 * fields are unspecified on failure.
 *
 * Which problem is reported: a line of only whitespace is empty_line; a
 * line that is not JSON is invalid_json; otherwise the first problem on the
 * line (a string that is not UTF-8, a member of the wrong type, a NUL or a
 * lone surrogate in an extracted string, a repeated member), then
 * not_object, then missing_text. Only out-of-memory gives JSONL_INTERNAL.
 */
enum jsonl_code jsonl_parse_line(const char *line, size_t len,
                                 struct jsonl_item *out,
                                 struct jsonl_error *err);

/* Nonzero: objects are read by the member loop alone, without the fast
 * path for the usual first two members (tests compare the two; jsonl.c). */
extern int jsonl_full_only;

/* Frees the item's buffer and zeroes it. NULL is a no-op. */
void jsonl_item_free(struct jsonl_item *it);

#endif
