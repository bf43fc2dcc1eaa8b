/*
 * jsonw.h: a small JSON writer for the output of `decorum score` and
 * `decorum check --json`, into a growable byte buffer.
 *
 * Strings are escaped the minimal way JSON requires ('"', '\\' and control
 * characters; \n \r \t \b \f in short form, the rest as \u00XX) and
 * non-ASCII is kept as UTF-8, so the writer is a copy with a fast scan.
 * Scores are written with at most four decimals ("0.91", "0", "1").
 *
 * Every function returns 0, or -1 when the buffer cannot grow (out of
 * memory or the buffer's hard limit). A failed call may leave part of its
 * output behind: callers that go on remember b->len and truncate back.
 */
#ifndef DECORUM_CLI_JSONW_H
#define DECORUM_CLI_JSONW_H

#include "dcx_copy.h"
#include "decorum.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A growable buffer. Zero-initialise; limit 0 means JBUF_DEFAULT_LIMIT. */
struct jbuf {
    char *p;
    size_t len, cap;
    size_t limit; /* hard cap on cap, in bytes */
};

#define JBUF_DEFAULT_LIMIT ((size_t)1 << 30)

/* Grows the buffer to hold extra more bytes (the slow path: cold, so the
 * writers' branches to it leave their hot code). */
__attribute__((cold)) int jbuf_grow(struct jbuf *b, size_t extra);
/* Frees the buffer and zeroes it. NULL is a no-op. */
void jbuf_free(struct jbuf *b);

/* Inline because output is many short pieces per line: the common case
 * must be a compare and a copy, and strlen of a literal folds away. */
static inline int jbuf_reserve(struct jbuf *b, size_t extra)
{
    return extra <= b->cap - b->len ? 0 : jbuf_grow(b, extra);
}

/* Appends n raw bytes. */
static inline int jbuf_put(struct jbuf *b, const char *s, size_t n)
{
    if (jbuf_reserve(b, n) != 0)
        return -1;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

/* Appends a NUL-terminated string. */
static inline int jbuf_puts(struct jbuf *b, const char *s)
{
    return jbuf_put(b, s, strlen(s));
}

/* "s" escaped, with its quotes. s must be UTF-8 for the output to be
 * valid JSON; the writer does not check. */
int jsonw_string(struct jbuf *b, const char *s, size_t n);
/* An unsigned integer in decimal. */
int jsonw_uint(struct jbuf *b, uint64_t v);
/* A probability: clamped to [0, 1] (NaN as 0), rounded to four decimals,
 * trailing zeros dropped. */
int jsonw_score(struct jbuf *b, float x);


/*
 * The members of a verdict, without braces, in this fixed order:
 *   "verdict": "reject", "hateful": true, "attributes": {"TOXICITY": 0.91,
 *   ...six attributes...}, "spans": [{"begin": 12, "end": 20, "text": "...",
 *   "attribute": "IDENTITY_ATTACK", "signal": "coded.echo", "reason": "...",
 *   "mitigating": false}, ...]
 * text/len is the analysed comment; span texts are cut from it. Spans are
 * clamped to the text and widened to whole UTF-8 characters, so the output
 * stays valid JSON even if an engine bug produced a bad offset.
 */
int jsonw_result(struct jbuf *b, const decorum_result *r, const char *text,
                 size_t len);
/* jsonw_result for a text with no byte JSON escapes ('"', '\\', control
 * characters: jsonl_item's text_plain): span texts are copied, not
 * scanned. The output is jsonw_result's. */
int jsonw_result_plain(struct jbuf *b, const decorum_result *r,
                       const char *text, size_t len);

#endif
