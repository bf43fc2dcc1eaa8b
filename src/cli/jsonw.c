/*
 * jsonw.c: the JSON writer behind `decorum score` and `decorum check --json`
 * (see jsonw.h). Output is one object per line, so nothing here writes a
 * newline except the caller.
 */
#include "jsonw.h"

#include <stdlib.h>
#include <string.h>

int jbuf_grow(struct jbuf *b, size_t extra)
{
    if (extra <= b->cap - b->len)
        return 0;
    size_t limit = b->limit ? b->limit : JBUF_DEFAULT_LIMIT;
    if (extra > limit - b->len)
        return -1;
    size_t need = b->len + extra;
    size_t cap = b->cap ? b->cap : 4096;
    if (cap > limit)
        cap = limit;
    while (cap < need)
        cap = cap > limit / 2 ? limit : cap * 2;
    char *np = realloc(b->p, cap);
    if (!np)
        return -1;
    b->p = np;
    b->cap = cap;
    return 0;
}

void jbuf_free(struct jbuf *b)
{
    if (!b)
        return;
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* Nonzero when one of the 8 bytes in w is '"', '\\' or below 0x20.
 * Non-ASCII bytes pass: they are copied as they are. */
static inline uint64_t needs_escape(uint64_t w)
{
    uint64_t q = w ^ (ONES * '"');
    uint64_t b = w ^ (ONES * '\\');
    return (((q - ONES) & ~q) | ((b - ONES) & ~b) | ((w - ONES * 0x20) & ~w)) &
           HIGH;
}

static inline int must_escape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

int jsonw_string(struct jbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    /* Worst case: every byte becomes \u00XX. */
    if (n > (SIZE_MAX - 2) / 6 || jbuf_reserve(b, 6 * n + 2) != 0)
        return -1;
    char *o = b->p + b->len;
    *o++ = '"';
    size_t i = 0, run = 0;
    while (i < n) {
        if (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!needs_escape(w)) {
                i += 8;
                continue;
            }
        }
        size_t lim = n - i >= 8 ? i + 8 : n;
        while (i < lim && !must_escape((unsigned char)s[i]))
            i++;
        if (i == lim)
            continue;
        memcpy(o, s + run, i - run);
        o += i - run;
        unsigned char c = (unsigned char)s[i++];
        run = i;
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    memcpy(o, s + run, n - run);
    o += n - run;
    *o++ = '"';
    b->len = (size_t)(o - b->p);
    return 0;
}

int jsonw_uint(struct jbuf *b, uint64_t v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (jbuf_reserve(b, n) != 0)
        return -1;
    char *o = b->p + b->len;
    for (size_t i = 0; i < n; i++)
        o[i] = tmp[n - 1 - i];
    b->len += n;
    return 0;
}

/* Writes a score at o (at most 6 bytes); returns the end. */
static char *score_digits(char *o, float x)
{
    if (!(x > 0)) /* also NaN */
        x = 0;
    if (x > 1)
        x = 1;
    unsigned v = (unsigned)(x * 10000.0f + 0.5f);
    if (v == 0 || v >= 10000) {
        *o++ = v ? '1' : '0';
        return o;
    }
    o[0] = '0';
    o[1] = '.';
    o[2] = (char)('0' + v / 1000);
    o[3] = (char)('0' + v / 100 % 10);
    o[4] = (char)('0' + v / 10 % 10);
    o[5] = (char)('0' + v % 10);
    size_t n = 6;
    while (o[n - 1] == '0')
        n--;
    return o + n;
}

int jsonw_score(struct jbuf *b, float x)
{
    if (jbuf_reserve(b, 6) != 0)
        return -1;
    b->len = (size_t)(score_digits(b->p + b->len, x) - b->p);
    return 0;
}

static char *copy(char *o, const char *s)
{
    size_t n = strlen(s);
    memcpy(o, s, n);
    return o + n;
}

static int is_continuation(const char *text, size_t i)
{
    return ((unsigned char)text[i] & 0xC0) == 0x80;
}

static int put_span(struct jbuf *b, const decorum_span *sp, const char *text,
                    size_t len)
{
    size_t begin = sp->begin, end = sp->end;
    if (end > len)
        end = len;
    if (begin > end)
        begin = end;
    while (begin > 0 && begin < len && is_continuation(text, begin))
        begin--;
    while (end < len && is_continuation(text, end))
        end++;
    const char *attr = decorum_attribute_name(sp->attribute);
    const char *sig = decorum_signal_name(sp->signal);
    if (jbuf_puts(b, "{\"begin\": ") || jsonw_uint(b, begin) ||
        jbuf_puts(b, ", \"end\": ") || jsonw_uint(b, end) ||
        jbuf_puts(b, ", \"text\": ") ||
        jsonw_string(b, text + begin, end - begin) ||
        jbuf_puts(b, ", \"attribute\": ") ||
        jsonw_string(b, attr ? attr : "unknown", strlen(attr ? attr : "unknown")) ||
        jbuf_puts(b, ", \"signal\": ") ||
        jsonw_string(b, sig ? sig : "unknown", strlen(sig ? sig : "unknown")) ||
        jbuf_puts(b, ", \"reason\": ") ||
        jsonw_string(b, sp->reason ? sp->reason : "",
                     sp->reason ? strlen(sp->reason) : 0) ||
        jbuf_puts(b, (sp->flags & DECORUM_SPAN_MITIGATING)
                         ? ", \"mitigating\": true}"
                         : ", \"mitigating\": false}"))
        return -1;
    return 0;
}

int jsonw_result(struct jbuf *b, const decorum_result *r, const char *text,
                 size_t len)
{
    /* The fixed head of every line is written in one go: it is most of the
     * output of a short comment. Names are short (under 20 bytes each). */
    if (jbuf_reserve(b, 512) != 0)
        return -1;
    const char *verdict = decorum_verdict_name(r->verdict);
    char *o = b->p + b->len;
    o = copy(o, "\"verdict\": \"");
    o = copy(o, verdict ? verdict : "review");
    o = copy(o, r->hateful ? "\", \"hateful\": true, \"attributes\": {"
                           : "\", \"hateful\": false, \"attributes\": {");
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
        const char *name = decorum_attribute_name((decorum_attribute)a);
        o = copy(o, a ? ", \"" : "\"");
        o = copy(o, name ? name : "?");
        o = copy(o, "\": ");
        o = score_digits(o, r->scores[a]);
    }
    o = copy(o, "}, \"spans\": [");
    b->len = (size_t)(o - b->p);
    for (size_t i = 0; i < r->n_spans; i++) {
        if ((i && jbuf_put(b, ", ", 2)) ||
            put_span(b, &r->spans[i], text, len))
            return -1;
    }
    return jbuf_put(b, "]", 1);
}
