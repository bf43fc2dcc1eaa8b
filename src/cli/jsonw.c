/*
 * jsonw.c: the JSON writer behind `decorum score` and `decorum check --json`
 * (see jsonw.h). Output is one object per line, so nothing here writes a
 * newline except the caller.
 */
#include "jsonw.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/* ---------------------------------------------------------------------- */
/* Strings                                                                 */
/* ---------------------------------------------------------------------- */

static inline int must_escape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

/* Writes the escape of c (a byte must_escape() accepts) at o. */
static char *escape_byte(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
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
    return o;
}

/* Room escape() needs for n bytes: every byte may become \u00XX, and the
 * block loop stores 16 bytes at a time past the last one it keeps. */
#define ESCAPE_ROOM(n) (6 * (n) + 16)

#if defined(__SSE2__)
#define SPACES 0x2020202020202020ull

/* The n < 16 bytes at s in the low lanes, the rest spaces (which need no
 * escape), without reading outside s[0..n). Built in registers from two
 * overlapping loads, because the tail of every string goes through here
 * and a copy into a buffer cost a call and a stalled reload. The unaligned
 * loads of SSE2 imply x86, so the lanes are little-endian. */
static inline __m128i load_tail(const char *s, size_t n)
{
    uint64_t lo = SPACES, hi = SPACES;
    if (n >= 8) {
        memcpy(&lo, s, 8);
        if (n > 8) {
            uint64_t w;
            memcpy(&w, s + n - 8, 8);
            unsigned sh = (unsigned)(16 - n) * 8; /* 8..56 */
            hi = w >> sh | SPACES << (64 - sh);
        }
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4); /* overlaps a: the same bytes */
        lo = a | (uint64_t)b << (8 * (n - 4)) | SPACES << (8 * n);
    } else if (n) {
        const unsigned char *u = (const unsigned char *)s;
        lo = u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
             (uint64_t)u[n - 1] << (8 * (n - 1)) | SPACES << (8 * n);
    }
    return _mm_set_epi64x((long long)hi, (long long)lo);
}
#endif

/* Writes s[0..n) escaped, without quotes, at o; returns the end. The copy
 * is the scan: each 16-byte block is stored as it is and the output
 * pointer advances to the first byte that needs an escape, if any. Inline:
 * a span's text and reason are a block or three, and the call cost as much
 * as one of them. */
__attribute__((always_inline)) static inline char *
escape(char *o, const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                  ctl = _mm_set1_epi8(0x1F);
#define ESCAPE_MASK(v)                                                         \
    ((unsigned)_mm_movemask_epi8(_mm_or_si128(                                 \
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),     \
        _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v)))) /* v <= 0x1F */
    /* The last whole block starts at n - 16: one compare a block. */
    const size_t last = n >= 16 ? n - 16 : 0;
    for (;;) {
        /* Whole blocks, then the tail; back here after an escape. */
        if (n - i >= 16) {
            do {
                __m128i v =
                    _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                unsigned m = ESCAPE_MASK(v);
                _mm_storeu_si128((__m128i *)(void *)o, v);
                if (m) {
                    unsigned k = (unsigned)__builtin_ctz(m);
                    o += k;
                    i += k;
                    o = escape_byte(o, (unsigned char)s[i++]);
                    continue; /* to the test: a whole block left? */
                }
                o += 16;
                i += 16;
            } while (i <= last);
        }
        if (i == n)
            break;
        size_t left = n - i;
        __m128i v = load_tail(s + i, left); /* padded with spaces */
        unsigned m = ESCAPE_MASK(v);
        _mm_storeu_si128((__m128i *)(void *)o, v);
        if (!m) {
            o += left;
            break;
        }
        unsigned k = (unsigned)__builtin_ctz(m);
        o += k;
        i += k;
        o = escape_byte(o, (unsigned char)s[i++]);
    }
#undef ESCAPE_MASK
#else
    /* Eight bytes at a time: nonzero when one of them is '"', '\\' or
     * below 0x20 (non-ASCII bytes pass: they are copied as they are). */
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t run = 0; /* s[run..i) is waiting to be copied */
    while (i < n) {
        if (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
            if (!((((q - ones) & ~q) | ((bs - ones) & ~bs) |
                   ((w - ones * 0x20) & ~w)) &
                  high)) {
                i += 8;
                continue;
            }
        }
        size_t lim = n - i >= 8 ? i + 8 : n;
        for (; i < lim; i++) {
            unsigned char c = (unsigned char)s[i];
            if (must_escape(c)) {
                memcpy(o, s + run, i - run);
                o = escape_byte(o + (i - run), c);
                run = i + 1;
            }
        }
    }
    memcpy(o, s + run, n - run);
    o += n - run;
#endif
    return o;
}

int jsonw_string(struct jbuf *b, const char *s, size_t n)
{
    if (n > (SIZE_MAX - 32) / 6 || jbuf_reserve(b, ESCAPE_ROOM(n) + 2) != 0)
        return -1;
    char *o = b->p + b->len;
    *o++ = '"';
    o = escape(o, s, n);
    *o++ = '"';
    b->len = (size_t)(o - b->p);
    return 0;
}

/* "00" .. "99". */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536"
    "37383940414243444546474849505152535455565758596061626364656667686970717273"
    "7475767778798081828384858687888990919293949596979899";

/* Writes v in decimal at o (at most 20 bytes); returns the end. The length
 * first, then the digits from the end two at a time: no buffer to copy
 * out of, which for the short offsets of spans was most of the work. */
static char *put_uint_long(char *o, uint64_t v)
{
    size_t n = 1;
    for (uint64_t p = 10; n < 20 && v >= p; p *= 10)
        n++;
    char *end = o + n, *t = end;
    while (v >= 100) {
        t -= 2;
        memcpy(t, digit_pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        t -= 2;
        memcpy(t, digit_pairs + 2 * v, 2);
    } else {
        *--t = (char)('0' + v);
    }
    return end;
}

/* put_uint_long, with the offsets of most spans (below 10000) written
 * inline: two of them a span, and the call and the digit count cost more
 * than the digits. */
static inline char *put_uint(char *o, uint64_t v)
{
    if (v >= 10000)
        return put_uint_long(o, v);
    unsigned hi = (unsigned)v / 100, lo = (unsigned)v % 100;
    if (hi == 0) {
        if (lo < 10) {
            *o = (char)('0' + lo);
            return o + 1;
        }
        memcpy(o, digit_pairs + 2 * lo, 2);
        return o + 2;
    }
    if (hi < 10)
        *o++ = (char)('0' + hi);
    else {
        memcpy(o, digit_pairs + 2 * hi, 2);
        o += 2;
    }
    memcpy(o, digit_pairs + 2 * lo, 2);
    return o + 2;
}

int jsonw_uint(struct jbuf *b, uint64_t v)
{
    if (jbuf_reserve(b, 20) != 0)
        return -1;
    b->len = (size_t)(put_uint(b->p + b->len, v) - b->p);
    return 0;
}

/* Every score as it is printed, indexed by its value in ten-thousandths:
 * "0", "0.0001" .. "0.9999" without trailing zeros, "1". An entry is 8
 * bytes, the characters then the length in the last byte, so writing a
 * score is one 8-byte copy and an add: the digit pairs and the count of
 * trailing zeros this replaced cost 20 instructions a score, six scores a
 * line. Built by the preprocessor, so nothing runs at load; 80 KB of
 * read-only data, of which a run touches the lines its scores fall in. */
struct score_text {
    char s[7];         /* the characters, only the first len meant */
    unsigned char len; /* 1 .. 6 */
};

#define SCORE_T4(a, b, c, d)                                                   \
    {{'0', '.', '0' + (a), '0' + (b), '0' + (c), '0' + (d), 0},                \
     (d) ? 6 : (c) ? 5 : (b) ? 4 : (a) ? 3 : 1}
#define SCORE_T3(a, b, c)                                                      \
    SCORE_T4(a, b, c, 0), SCORE_T4(a, b, c, 1), SCORE_T4(a, b, c, 2),          \
        SCORE_T4(a, b, c, 3), SCORE_T4(a, b, c, 4), SCORE_T4(a, b, c, 5),      \
        SCORE_T4(a, b, c, 6), SCORE_T4(a, b, c, 7), SCORE_T4(a, b, c, 8),      \
        SCORE_T4(a, b, c, 9)
#define SCORE_T2(a, b)                                                         \
    SCORE_T3(a, b, 0), SCORE_T3(a, b, 1), SCORE_T3(a, b, 2), SCORE_T3(a, b, 3), \
        SCORE_T3(a, b, 4), SCORE_T3(a, b, 5), SCORE_T3(a, b, 6),               \
        SCORE_T3(a, b, 7), SCORE_T3(a, b, 8), SCORE_T3(a, b, 9)
#define SCORE_T1(a)                                                            \
    SCORE_T2(a, 0), SCORE_T2(a, 1), SCORE_T2(a, 2), SCORE_T2(a, 3),            \
        SCORE_T2(a, 4), SCORE_T2(a, 5), SCORE_T2(a, 6), SCORE_T2(a, 7),        \
        SCORE_T2(a, 8), SCORE_T2(a, 9)

/* Entry 0 is SCORE_T4(0, 0, 0, 0): "0" by its length 1. */
static const struct score_text score_text[10001] = {
    SCORE_T1(0), SCORE_T1(1), SCORE_T1(2), SCORE_T1(3), SCORE_T1(4),
    SCORE_T1(5), SCORE_T1(6), SCORE_T1(7), SCORE_T1(8), SCORE_T1(9),
    {{'1', 0, 0, 0, 0, 0, 0}, 1}};

#undef SCORE_T1
#undef SCORE_T2
#undef SCORE_T3
#undef SCORE_T4

/* Writes a score at o; returns the end. It stores 8 bytes, of which at
 * most 6 are the score: room for 8 must be reserved. The value is rounded
 * to ten-thousandths as it always was (x * 10000 + 0.5 in float, after
 * clamping to [0, 1] with NaN as 0), so every float prints as before. */
#define SCORE_STORE 8
static inline char *score_digits(char *o, float x)
{
    if (!(x > 0)) /* also NaN */
        x = 0;
    if (x > 1)
        x = 1;
    const struct score_text *t =
        &score_text[(unsigned)(x * 10000.0f + 0.5f)]; /* 0 .. 10000 */
    memcpy(o, t, SCORE_STORE);
    return o + t->len;
}

#if defined(__SSE2__)
/* The six scores' places in score_text, as score_digits finds each one,
 * in a vector of four and one of two: maxps gives its second operand, 0,
 * when the compare fails (x is NaN, or not above 0), as !(x > 0) does;
 * minps gives 1 unless x < 1, as x > 1 does; then x * 10000 + 0.5 in
 * float (a multiply and an add, never fused: SSE2 has no FMA) and
 * truncated, which for 0.5 .. 10000.5 is the unsigned conversion. The
 * scalar clamps were two compares and branches a score, twelve a line
 * (jsonw/result_scores_as_score_digits holds the two to the same bytes). */
static inline void score_places(const float *x, uint32_t at[8])
{
    const __m128 zero = _mm_setzero_ps(), one = _mm_set1_ps(1.0f),
                 scale = _mm_set1_ps(10000.0f), half = _mm_set1_ps(0.5f);
    __m128 v[2] = {_mm_loadu_ps(x),
                   _mm_castsi128_ps(_mm_loadl_epi64(
                       (const __m128i *)(const void *)(x + 4)))};
    for (int k = 0; k < 2; k++) {
        __m128 c = _mm_min_ps(_mm_max_ps(v[k], zero), one);
        _mm_storeu_si128(
            (__m128i *)(void *)(at + 4 * k),
            _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(c, scale), half)));
    }
}
#endif

int jsonw_score(struct jbuf *b, float x)
{
    if (jbuf_reserve(b, SCORE_STORE) != 0)
        return -1;
    b->len = (size_t)(score_digits(b->p + b->len, x) - b->p);
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Results                                                                 */
/* ---------------------------------------------------------------------- */

/*
 * The fixed parts of a result line, rendered once from the library's names
 * (so they cannot drift from it): most of the output of a short comment.
 * Each fragment sits in a FRAG-byte cell (or half of one) and is copied
 * with a fixed-size memcpy of the whole cell (two or four vector moves, no
 * call), then the output pointer advances by its real length. The
 * library's names are
 * short; one that did not fit a cell would make every result an error
 * (names.failed), never a cut name.
 */
#define FRAG 64
#define N_VERDICTS 3

struct frag {
    char s[FRAG];
    size_t len; /* bytes of the fragment, at most FRAG */
};

/* The same in half a cell, for the names that fit: an attribute key is
 * copied six times a line. */
struct frag32 {
    char s[FRAG / 2];
    size_t len;
};

static struct {
    struct frag verdict[N_VERDICTS + 1]; /* "verdict": "reject", "hateful": */
    struct frag32 attr_key[DECORUM_N_ATTRIBUTES]; /* "TOXICITY":  / , "INSULT": */
    struct frag32 span_attr[DECORUM_N_ATTRIBUTES + 1]; /* , "attribute": "X" */
    struct frag span_signal[DECORUM_N_SIGNALS + 1]; /* , "signal": "x", "reason": */
    size_t head_room;  /* room the head of a result needs */
    size_t span_room;  /* room a span needs besides its text and reason */
    int failed;        /* a fragment did not fit its cell */
} names;

static pthread_once_t names_once = PTHREAD_ONCE_INIT;
/* Set once names_init has run: tested inline, where pthread_once would be
 * a call for every result. */
static atomic_int names_ready;

/* Sets the fragment in cell[cell_size], its length in *len, to the
 * concatenation of a, name (as a JSON string when quote is set, else raw)
 * and b. */
static void frag_set(char *cell, size_t cell_size, size_t *len,
                     const char *a, const char *name, int quote,
                     const char *b)
{
    size_t na = strlen(a), nn = strlen(name), nb = strlen(b);
    char tmp[ESCAPE_ROOM(FRAG) + 3 * FRAG]; /* room to see it is too long */
    if (na + ESCAPE_ROOM(nn) + 2 + nb > sizeof tmp) {
        names.failed = 1;
        return;
    }
    char *o = tmp;
    memcpy(o, a, na);
    o += na;
    if (quote) {
        *o++ = '"';
        o = escape(o, name, nn);
        *o++ = '"';
    } else {
        memcpy(o, name, nn);
        o += nn;
    }
    memcpy(o, b, nb);
    o += nb;
    *len = (size_t)(o - tmp);
    if (*len > cell_size)
        names.failed = 1;
    else
        memcpy(cell, tmp, *len);
}

/* frag_set on a struct frag or frag32. */
#define FRAG_SET(f, a, name, quote, b)                                         \
    frag_set((f).s, sizeof (f).s, &(f).len, a, name, quote, b)

static void names_init(void)
{
    size_t max_verdict = 0, attr_keys = 0, max_attr = 0, max_sig = 0;
    for (int v = 0; v <= N_VERDICTS; v++) {
        /* Out of range (v == N_VERDICTS) is written "review". */
        const char *n = v < N_VERDICTS ? decorum_verdict_name((decorum_verdict)v)
                                       : NULL;
        FRAG_SET(names.verdict[v], "\"verdict\": \"", n ? n : "review", 0,
                 "\", \"hateful\": ");
        if (names.verdict[v].len > max_verdict)
            max_verdict = names.verdict[v].len;
    }
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
        const char *n = decorum_attribute_name((decorum_attribute)a);
        FRAG_SET(names.attr_key[a], a ? ", \"" : "\"", n ? n : "?", 0,
                 "\": ");
        attr_keys += names.attr_key[a].len;
    }
    for (int a = 0; a <= DECORUM_N_ATTRIBUTES; a++) {
        const char *n = a < DECORUM_N_ATTRIBUTES
                            ? decorum_attribute_name((decorum_attribute)a)
                            : NULL;
        FRAG_SET(names.span_attr[a], ", \"attribute\": ", n ? n : "unknown",
                 1, "");
        if (names.span_attr[a].len > max_attr)
            max_attr = names.span_attr[a].len;
    }
    for (int g = 0; g <= DECORUM_N_SIGNALS; g++) {
        const char *n =
            g < DECORUM_N_SIGNALS ? decorum_signal_name((decorum_signal)g) : NULL;
        FRAG_SET(names.span_signal[g], ", \"signal\": ", n ? n : "unknown", 1,
                 ", \"reason\": ");
        if (names.span_signal[g].len > max_sig)
            max_sig = names.span_signal[g].len;
    }
    /* What is written, plus a cell of slack: a fragment copy stores a
     * whole cell. Literals and numbers are counted generously. */
    names.head_room = max_verdict + 32 + attr_keys +
                      SCORE_STORE * DECORUM_N_ATTRIBUTES + 32 + FRAG;
    names.span_room = 128 + 2 * 20 + max_attr + max_sig + FRAG;
    atomic_store_explicit(&names_ready, 1, memory_order_release);
}

/* Copies the whole cell of fragment f (a struct frag or frag32), then
 * advances o past the fragment. */
#define PUT_FRAG(o, f) (memcpy((o), (f)->s, sizeof (f)->s), (o) + (f)->len)

/* Copies a literal; n is a constant, so this is a few moves. */
#define PUT_LIT(o, lit)                                                        \
    (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)

static int is_continuation(const char *text, size_t i)
{
    return ((unsigned char)text[i] & 0xC0) == 0x80;
}

__attribute__((always_inline)) static inline int
put_span(struct jbuf *b, const decorum_span *sp, const char *text, size_t len,
         int plain)
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
    size_t rlen = sp->reason ? strlen(sp->reason) : 0;
    size_t tlen = end - begin;
    /* tlen <= len, a text in memory; rlen likewise: no overflow. */
    if (tlen > SIZE_MAX / 16 || rlen > SIZE_MAX / 16 ||
        jbuf_reserve(b, ESCAPE_ROOM(tlen) + ESCAPE_ROOM(rlen) +
                            names.span_room) != 0)
        return -1;
    unsigned a = (unsigned)sp->attribute < DECORUM_N_ATTRIBUTES
                     ? (unsigned)sp->attribute
                     : DECORUM_N_ATTRIBUTES;
    unsigned g = (unsigned)sp->signal < DECORUM_N_SIGNALS
                     ? (unsigned)sp->signal
                     : DECORUM_N_SIGNALS;
    char *o = b->p + b->len;
    o = PUT_LIT(o, "{\"begin\": ");
    o = put_uint(o, begin);
    o = PUT_LIT(o, ", \"end\": ");
    o = put_uint(o, end);
    o = PUT_LIT(o, ", \"text\": \"");
    o = plain ? dcx_copy(o, text + begin, tlen)
              : escape(o, text + begin, tlen);
    *o++ = '"';
    o = PUT_FRAG(o, &names.span_attr[a]);
    o = PUT_FRAG(o, &names.span_signal[g]);
    *o++ = '"';
    o = escape(o, sp->reason ? sp->reason : "", rlen);
    o = (sp->flags & DECORUM_SPAN_MITIGATING)
            ? PUT_LIT(o, "\", \"mitigating\": true}")
            : PUT_LIT(o, "\", \"mitigating\": false}");
    b->len = (size_t)(o - b->p);
    return 0;
}

__attribute__((always_inline)) static inline int
result_body(struct jbuf *b, const decorum_result *r, const char *text,
            size_t len, int plain)
{
    if (!atomic_load_explicit(&names_ready, memory_order_acquire))
        pthread_once(&names_once, names_init);
    if (names.failed || jbuf_reserve(b, names.head_room) != 0)
        return -1;
    unsigned v = (unsigned)r->verdict < N_VERDICTS ? (unsigned)r->verdict
                                                   : N_VERDICTS;
    char *o = b->p + b->len;
    o = PUT_FRAG(o, &names.verdict[v]);
    o = r->hateful ? PUT_LIT(o, "true, \"attributes\": {")
                   : PUT_LIT(o, "false, \"attributes\": {");
    /* Unrolled: six fixed cells, each copied from a known address. */
#if defined(__SSE2__)
    _Static_assert(DECORUM_N_ATTRIBUTES == 6, "score_places: 4 + 2 lanes");
    uint32_t at[8];
    score_places(r->scores, at);
#pragma GCC unroll 8
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
        o = PUT_FRAG(o, &names.attr_key[a]);
        const struct score_text *t = &score_text[at[a]];
        memcpy(o, t, SCORE_STORE);
        o += t->len;
    }
#else
#pragma GCC unroll 8
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
        o = PUT_FRAG(o, &names.attr_key[a]);
        o = score_digits(o, r->scores[a]);
    }
#endif
    o = PUT_LIT(o, "}, \"spans\": [");
    b->len = (size_t)(o - b->p);
    for (size_t i = 0; i < r->n_spans; i++) {
        if ((i && jbuf_put(b, ", ", 2)) ||
            put_span(b, &r->spans[i], text, len, plain))
            return -1;
    }
    return jbuf_put(b, "]", 1);
}

int jsonw_result(struct jbuf *b, const decorum_result *r, const char *text,
                 size_t len)
{
    return result_body(b, r, text, len, 0);
}

int jsonw_result_plain(struct jbuf *b, const decorum_result *r,
                       const char *text, size_t len)
{
    return result_body(b, r, text, len, 1);
}
