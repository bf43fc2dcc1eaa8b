/*
 * jsonl.c: the strict JSON reader for `decorum score` input lines (see
 * jsonl.h for the contract).
 *
 * Grammar checked (RFC 8259), everything else is invalid_json:
 *
 *   value   = object / array / string / number / true / false / null
 *   object  = '{' ws [ member *( ',' member ) ] '}'     member = string ':' value
 *   array   = '[' ws [ value *( ',' value ) ] ']'
 *   number  = [ '-' ] ( '0' / [1-9] *DIGIT ) [ '.' 1*DIGIT ] [ (e/E) [+/-] 1*DIGIT ]
 *   string  = '"' *( unescaped / '\' ( " \ / b f n r t / uXXXX ) ) '"'
 *             unescaped: any UTF-8 character except '"', '\' and U+0000..U+001F
 *   ws      = *( SP / HT / CR / LF )
 *
 * Design: this runs once per input line and must not be the bottleneck of
 * the command, so strings (the bulk of every line) are scanned 16 bytes at
 * a time (plain_run) and returned in place when they have no escape;
 * escaped strings are decoded into the item's buffer. Nested values are
 * skipped by an iterative walker with a bit stack (depth <= MAX_DEPTH), so
 * hostile input cannot exhaust the C stack.
 *
 * The usual line of a JSONL export starts {"id":"x","text":"y" (with or
 * without a space after each ':' and ','), the id a plain string: the
 * object's reader takes those two members in one go (fast_members), then
 * goes on with its member loop as if it had read them itself, so the
 * line's other members and every error are read as before.
 *
 * Errors come in two kinds. A syntax error stops the parse and is what
 * gets reported. Problems that leave the grammar intact (a string that is
 * not UTF-8, a member of the wrong type, a NUL in the text, a repeated
 * member) are recorded and the parse goes on, so that an "id" written after
 * a broken "text" is still found; the first such problem is reported.
 */
#include "jsonl.h"

#include "dcx_utf8.h"

#include <stdarg.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 1024

/* The members we extract. */
enum { KEY_OTHER, KEY_ID, KEY_TEXT, KEY_PARENT, KEY_CONTEXT, N_KEYS };
static const char *const key_names[N_KEYS] = {"", "id", "text", "parent",
                                              "context"};

/* What scan_string found besides syntax errors. */
enum { STR_BAD_UTF8 = 1, STR_LONE_SURROGATE = 2, STR_NUL = 4 };

typedef struct str_issues {
    size_t bad_pos; /* line offset of the first invalid byte or surrogate */
    size_t nul_pos; /* line offset of the first \u0000 */
} str_issues;

typedef struct parser {
    const unsigned char *base, *s, *end;
    struct jsonl_item *out;
    char *dst; /* next free byte of out->buf; NULL until a string needs it */
    int has_text;
    unsigned bad_strings; /* strings skipped that were not UTF-8 */
    struct jsonl_error e;
} parser;

const char *jsonl_code_name(enum jsonl_code code)
{
    static const char *const names[] = {
#define JSONL_X_(e, name) name,
        JSONL_CODE_MAP(JSONL_X_)
#undef JSONL_X_
    };
    if ((unsigned)code >= JSONL_N_CODES)
        return "internal";
    return names[code];
}

void jsonl_item_free(struct jsonl_item *it)
{
    if (!it)
        return;
    free(it->buf);
    memset(it, 0, sizeof *it);
}

/* Records a problem unless an earlier one is already recorded: the first
 * problem on the line is the most useful to report. Cold, as syntax() is:
 * the branches that lead to them then leave the parser's hot path, which
 * the analysis stages evict from the instruction cache between lines. */
__attribute__((cold, format(printf, 4, 5))) static void
problem(parser *p, enum jsonl_code code, size_t pos, const char *fmt, ...)
{
    if (p->e.code != JSONL_OK)
        return;
    p->e.code = code;
    p->e.pos = pos;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->e.message, sizeof p->e.message, fmt, ap);
    va_end(ap);
}

static size_t off(const parser *p, const unsigned char *at)
{
    return (size_t)(at - p->base);
}

/* A syntax error at the cursor: stops the parse. Always returns -1. It
 * replaces a problem recorded earlier: a line that is not JSON is
 * invalid_json, whatever its members looked like. */
__attribute__((cold)) static int syntax(parser *p, const char *what)
{
    if (p->e.code == JSONL_INTERNAL)
        return -1;
    p->e.code = JSONL_OK;
    if (p->s >= p->end)
        problem(p, JSONL_INVALID_JSON, off(p, p->s),
                "invalid JSON: %s, found the end of the line", what);
    else if (*p->s >= 0x20 && *p->s < 0x7f)
        problem(p, JSONL_INVALID_JSON, off(p, p->s),
                "invalid JSON: %s, found '%c' at byte %zu", what, *p->s,
                off(p, p->s));
    else
        problem(p, JSONL_INVALID_JSON, off(p, p->s),
                "invalid JSON: %s, found byte 0x%02X at byte %zu", what,
                *p->s, off(p, p->s));
    return -1;
}

static void skip_ws_run(parser *p)
{
    const unsigned char *s = p->s, *end = p->end;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++;
    p->s = s;
}

/* Whitespace is at most ' ': between the tokens of compact JSON, the
 * usual input, this is one compare and no call. */
static inline void skip_ws(parser *p)
{
    if (p->s < p->end && *p->s <= ' ')
        skip_ws_run(p);
}

/* Whether the next token, after any whitespace, is c; it is consumed if
 * so. Compact JSON has c right here: one test instead of the whitespace
 * test and then this one. */
static inline int next_is(parser *p, unsigned char c)
{
    if (p->s < p->end && *p->s == c) {
        p->s++;
        return 1;
    }
    skip_ws(p);
    if (p->s < p->end && *p->s == c) {
        p->s++;
        return 1;
    }
    return 0;
}

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* Bytes a string scan must stop at: '"', '\\', control characters and
 * non-ASCII (to validate it). */
static inline int stops_scan(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}

/*
 * The first byte in [s, end) that stops a string scan, or end; the line
 * starts at lo (lo <= s), so all of [lo, end) may be read. This is the
 * parser's inner loop: 16 bytes at a time with SSE2 (every x86-64 has it),
 * the last few bytes in one more block that ends at end and overlaps what
 * was scanned already, else 8 at a time in a 64-bit word. In the word version a byte's flag is
 * its high bit: x - 0x01 borrows into the high bit exactly when x == 0
 * (for the '"' and '\\' tests, after xor), x - 0x20 when x < 0x20, and
 * non-ASCII has it already. Borrows only run upward, so the lowest flag is
 * always a real stop byte and its index is ctz / 8 on a little-endian
 * machine.
 */
static inline const unsigned char *plain_run(const unsigned char *lo,
                                             const unsigned char *s,
                                             const unsigned char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    if (end - s >= 16) {
        /* The last whole block starts here: one compare a block. */
        const unsigned char *last = end - 16;
        do {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
            /* Signed compare: below 0x20 and 0x80..0xFF (negative) alike. */
            __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                  _mm_cmpeq_epi8(v, bslash)),
                                     _mm_cmplt_epi8(v, space));
            unsigned mask = (unsigned)_mm_movemask_epi8(m);
            if (mask)
                return s + __builtin_ctz(mask);
            s += 16;
        } while (s <= last);
    }
    if (s < end && end - lo >= 16) {
        /* Lanes before s were scanned already: shifted out of the mask. */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(end - 16));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
            _mm_cmplt_epi8(v, space));
        unsigned mask = (unsigned)_mm_movemask_epi8(m) >> (16 - (end - s));
        return mask ? s + __builtin_ctz(mask) : end;
    }
    /* Left: a line shorter than 16 bytes, byte by byte. The word loop
     * below is for machines without SSE2 only: compiled here too, its
     * five 64-bit constants were loaded on every line, outside the loop. */
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    (void)lo;
    while (end - s >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        uint64_t q = w ^ (ONES * '"');
        uint64_t b = w ^ (ONES * '\\');
        uint64_t m =
            (((q - ONES) & ~q) | ((b - ONES) & ~b) | (w - ONES * 0x20) | w) &
            HIGH;
        if (m)
            return s + (__builtin_ctzll(m) >> 3);
        s += 8;
    }
#else
    (void)lo;
#endif
    while (s < end && !stops_scan(*s))
        s++;
    return s;
}

static int hex4(const unsigned char *s, const unsigned char *end,
                uint32_t *out)
{
    if (end - s < 4)
        return -1;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v << 4 | d;
    }
    *out = v;
    return 0;
}

static size_t encode_utf8(uint32_t cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The decoding buffer for this line. Sized to the whole line on first use:
 * all decoded strings of a line together are never longer than the line,
 * so it is never resized while earlier strings of the line point into it. */
static char *decode_buffer(parser *p)
{
    if (p->dst)
        return p->dst;
    size_t need = (size_t)(p->end - p->base);
    struct jsonl_item *it = p->out;
    if (need > it->cap) {
        size_t cap = it->cap * 2 > need ? it->cap * 2 : need;
        if (cap < 256)
            cap = 256;
        char *nb = realloc(it->buf, cap);
        if (!nb) {
            problem(p, JSONL_INTERNAL, off(p, p->s),
                    "out of memory decoding a string");
            return NULL;
        }
        it->buf = nb;
        it->cap = cap;
    }
    p->dst = it->buf;
    return p->dst;
}

/*
 * Scans the string at p->s (the opening quote) and leaves p->s after the
 * closing quote, resuming at from: the bytes before it are plain (see
 * string_at). With dec != NULL, decodes it into *dec. Returns -1 on a
 * syntax error (recorded), else a mask of STR_* with positions in *iss.
 * Lone surrogates are only reported in decoded strings: elsewhere they are
 * valid JSON that we never need to turn into UTF-8.
 */
static int scan_string(parser *p, const unsigned char *from,
                       struct jsonl_str *dec, str_issues *iss)
{
    const unsigned char *s = from, *end = p->end;
    const unsigned char *run = p->s + 1; /* plain bytes not yet copied */
    char *d = NULL, *d0 = NULL;   /* set once an escape forces a copy */
    int flags = 0;
    for (;;) {
        s = plain_run(p->base, s, end);
        if (s >= end) {
            p->s = s;
            return syntax(p, "unterminated string");
        }
        unsigned c = *s;
        if (c == '"')
            break;
        if (c >= 0x80) {
            size_t n = dcx_utf8_seq(s, (size_t)(end - s));
            if (n == 0) {
                if (!(flags & (STR_BAD_UTF8 | STR_LONE_SURROGATE)))
                    iss->bad_pos = off(p, s);
                flags |= STR_BAD_UTF8;
                n = 1;
            }
            s += n;
            continue;
        }
        if (c != '\\') {
            p->s = s; /* plain_run stops at nothing else */
            return syntax(p, "control character in a string (escape "
                             "it as \\uXXXX)");
        }
        if (dec) {
            if (!d) {
                if (!(d = d0 = decode_buffer(p)))
                    return -1;
            }
            memcpy(d, run, (size_t)(s - run));
            d += s - run;
        }
        const unsigned char *esc = s++;
        if (s >= end) {
            p->s = s;
            return syntax(p, "unterminated string");
        }
        char ch;
        switch (*s) {
        case '"': ch = '"'; break;
        case '\\': ch = '\\'; break;
        case '/': ch = '/'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            if (hex4(s + 1, end, &cp) != 0) {
                p->s = esc;
                return syntax(p, "\\u needs four hex digits");
            }
            s += 5;
            if (cp >= 0xD800 && cp <= 0xDBFF && end - s >= 6 && s[0] == '\\' &&
                s[1] == 'u' && hex4(s + 2, end, &lo) == 0 && lo >= 0xDC00 &&
                lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                s += 6;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                if (dec && !(flags & (STR_BAD_UTF8 | STR_LONE_SURROGATE))) {
                    iss->bad_pos = off(p, esc);
                    flags |= STR_LONE_SURROGATE;
                }
                cp = 0xFFFD; /* the string will be refused; keep going */
            }
            if (cp == 0 && dec && !(flags & STR_NUL)) {
                iss->nul_pos = off(p, esc);
                flags |= STR_NUL;
            }
            if (d)
                d += encode_utf8(cp, d);
            run = s;
            continue;
        }
        default:
            p->s = esc;
            return syntax(p, "invalid escape in a string");
        }
        if (d)
            *d++ = ch;
        run = ++s;
    }
    if (dec) {
        if (d) {
            memcpy(d, run, (size_t)(s - run));
            d += s - run;
            dec->p = d0;
            dec->len = (size_t)(d - d0);
            p->dst = d;
        } else {
            dec->p = (const char *)(p->s + 1);
            dec->len = (size_t)(s - (p->s + 1));
        }
    }
    p->s = s + 1;
    return flags;
}

/* The string at p->s, as scan_string: the usual one, plain ASCII up to its
 * closing quote (keys, ids, most texts), is taken here without a call;
 * anything else goes on in scan_string from where the plain run stopped. */
static inline int string_at(parser *p, struct jsonl_str *dec,
                            str_issues *iss)
{
    const unsigned char *q = plain_run(p->base, p->s + 1, p->end);
    if (q < p->end && *q == '"') {
        if (dec) {
            dec->p = (const char *)(p->s + 1);
            dec->len = (size_t)(q - (p->s + 1));
        }
        p->s = q + 1;
        return 0;
    }
    return scan_string(p, q, dec, iss);
}

/* Counts and records a string skip_string found not UTF-8 (cold: out of
 * the inlined copy's way). */
__attribute__((cold, noinline)) static void bad_string(parser *p,
                                                       size_t bad_pos)
{
    p->bad_strings++;
    problem(p, JSONL_INVALID_UTF8, bad_pos,
            "a string is not valid UTF-8 at byte %zu", bad_pos);
}

/* Scans a string we do not keep; its bytes must still be UTF-8, since the
 * output may echo it (an id) and JSON text is UTF-8. Inline for the id of
 * every line, where the call cost as much as scanning a short id. */
__attribute__((always_inline)) static inline int skip_string_inline(parser *p)
{
    str_issues iss = {0, 0};
    int r = string_at(p, NULL, &iss);
    if (r > 0)
        bad_string(p, iss.bad_pos);
    return r < 0 ? -1 : 0;
}

/* skip_string_inline, for the values skip_value walks. */
static int skip_string(parser *p)
{
    return skip_string_inline(p);
}

static int number(parser *p)
{
    const unsigned char *s = p->s, *end = p->end;
    if (s < end && *s == '-')
        s++;
    if (s < end && *s == '0') {
        s++;
    } else if (s < end && *s >= '1' && *s <= '9') {
        while (s < end && *s >= '0' && *s <= '9')
            s++;
    } else {
        p->s = s;
        return syntax(p, "expected a digit");
    }
    if (s < end && *s == '.') {
        s++;
        if (s >= end || *s < '0' || *s > '9') {
            p->s = s;
            return syntax(p, "expected a digit after '.'");
        }
        while (s < end && *s >= '0' && *s <= '9')
            s++;
    }
    if (s < end && (*s == 'e' || *s == 'E')) {
        s++;
        if (s < end && (*s == '+' || *s == '-'))
            s++;
        if (s >= end || *s < '0' || *s > '9') {
            p->s = s;
            return syntax(p, "expected a digit in the exponent");
        }
        while (s < end && *s >= '0' && *s <= '9')
            s++;
    }
    p->s = s;
    return 0;
}

static int literal(parser *p, const char *word, size_t n)
{
    if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0)
        return syntax(p, "expected a value");
    p->s += n;
    return 0;
}

/* Skips one value (after whitespace) of any depth. */
static int skip_value(parser *p)
{
    uint64_t is_object[MAX_DEPTH / 64]; /* bit per open container */
    unsigned depth = 0;
value:
    skip_ws(p);
    if (p->s >= p->end)
        return syntax(p, "expected a value");
    switch (*p->s) {
    case '{':
    case '[': {
        int obj = *p->s == '{';
        p->s++;
        skip_ws(p);
        if (p->s < p->end && *p->s == (obj ? '}' : ']')) {
            p->s++;
            goto after;
        }
        if (depth == MAX_DEPTH)
            return syntax(p, "values nested too deeply");
        if (obj)
            is_object[depth / 64] |= 1ull << (depth % 64);
        else
            is_object[depth / 64] &= ~(1ull << (depth % 64));
        depth++;
        if (obj)
            goto key;
        goto value;
    }
    case '"':
        if (skip_string(p) < 0)
            return -1;
        goto after;
    case 't':
        if (literal(p, "true", 4) < 0)
            return -1;
        goto after;
    case 'f':
        if (literal(p, "false", 5) < 0)
            return -1;
        goto after;
    case 'n':
        if (literal(p, "null", 4) < 0)
            return -1;
        goto after;
    default:
        if (*p->s == '-' || (*p->s >= '0' && *p->s <= '9')) {
            if (number(p) < 0)
                return -1;
            goto after;
        }
        return syntax(p, "expected a value");
    }
key:
    skip_ws(p);
    if (p->s >= p->end || *p->s != '"')
        return syntax(p, "expected a string key");
    if (skip_string(p) < 0)
        return -1;
    skip_ws(p);
    if (p->s >= p->end || *p->s != ':')
        return syntax(p, "expected ':' after a key");
    p->s++;
    goto value;
after:
    if (depth == 0)
        return 0;
    skip_ws(p);
    {
        int obj = (is_object[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1;
        if (p->s < p->end && *p->s == ',') {
            p->s++;
            if (obj)
                goto key;
            goto value;
        }
        if (p->s < p->end && *p->s == (obj ? '}' : ']')) {
            p->s++;
            depth--;
            goto after;
        }
        return syntax(p, obj ? "expected ',' or '}' in an object"
                             : "expected ',' or ']' in an array");
    }
}

static const char *type_name(unsigned char c)
{
    switch (c) {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return "a number";
    }
}

static int which_key(const struct jsonl_str *k)
{
    /* By length first: most keys of a line are none of ours. */
    switch (k->len) {
    case 2: return memcmp(k->p, "id", 2) == 0 ? KEY_ID : KEY_OTHER;
    case 4: return memcmp(k->p, "text", 4) == 0 ? KEY_TEXT : KEY_OTHER;
    case 6: return memcmp(k->p, "parent", 6) == 0 ? KEY_PARENT : KEY_OTHER;
    case 7: return memcmp(k->p, "context", 7) == 0 ? KEY_CONTEXT : KEY_OTHER;
    default: return KEY_OTHER;
    }
}

/* One of the string members: text, parent or context. Inline, in the one
 * place it is called from: every line has a text, and the call with its
 * register saves cost more than the scan of a short one. */
__attribute__((always_inline)) static inline int
string_member(parser *p, int key, struct jsonl_str *field, int seen)
{
    const char *name = key_names[key];
    if (*p->s != '"') {
        /* null means "no context"; a comment must have text. */
        const unsigned char *v = p->s;
        if (skip_value(p) < 0)
            return -1;
        if (!(*v == 'n' && key != KEY_TEXT))
            problem(p, JSONL_WRONG_TYPE, off(p, v),
                    "\"%s\" must be a string, not %s", name, type_name(*v));
        return 0;
    }
    str_issues iss = {0, 0};
    struct jsonl_str v;
    const unsigned char *quote = p->s;
    int r = string_at(p, &v, &iss);
    if (r < 0)
        return -1;
    if (r & (STR_BAD_UTF8 | STR_LONE_SURROGATE))
        problem(p, JSONL_INVALID_UTF8, iss.bad_pos,
                "\"%s\" is not valid UTF-8: %s at byte %zu of the line", name,
                r & STR_BAD_UTF8 ? "invalid byte sequence" : "lone surrogate",
                iss.bad_pos);
    if (r & STR_NUL)
        problem(p, JSONL_NUL_IN_TEXT, iss.nul_pos,
                "\"%s\" contains a NUL character (\\u0000) at byte %zu of "
                "the line",
                name, iss.nul_pos);
    if (!seen) {
        *field = v;
        /* In place: right after its opening quote in the line. */
        if (key == KEY_TEXT)
            p->out->text_plain = v.p == (const char *)(quote + 1);
    }
    return 0;
}

int jsonl_full_only;

/* The id string whose opening quote is at q, when plain: its closing
 * quote, or NULL when it has an escape, a control character or bytes that
 * are not UTF-8 (the member loop then reads it and says which). */
static inline const unsigned char *plain_string(const parser *p,
                                                const unsigned char *q)
{
    const unsigned char *s = q + 1, *end = p->end;
    for (;;) {
        s = plain_run(p->base, s, end);
        if (s >= end)
            return NULL;
        if (*s == '"')
            return s;
        if (*s < 0x80)
            return NULL;
        size_t n = dcx_utf8_seq(s, (size_t)(end - s));
        if (n == 0)
            return NULL;
        s += n;
    }
}

/* Whether the literal lit is at s; s is moved past it if so. */
#define AT_LIT(s, end, lit)                                                    \
    ((size_t)((end) - (s)) >= sizeof(lit) - 1 &&                              \
     memcmp((s), (lit), sizeof(lit) - 1) == 0 && ((s) += sizeof(lit) - 1, 1))
/* Moves s past one space, if there is one. */
#define SKIP_SP(s, end) ((s) < (end) && *(s) == ' ' ? (void)(s)++ : (void)0)

/*
 * The first two members of the usual line, read right after its '{': "id"
 * with a plain string, then "text" (see the top of the file), without the
 * member loop's key scans and bookkeeping, which were most of the parse of
 * a short line. Returns 1 when both were read (the id is set, the text
 * read by string_member as the loop would, p->s after it), -1 on a syntax
 * error in the text, and 0, p->s unchanged, when the line does not start
 * that way: the loop then reads it from its first member.
 */
static inline int fast_members(parser *p, int *seen)
{
    const unsigned char *s = p->s, *end = p->end, *id, *id_end;
    if (!AT_LIT(s, end, "\"id\":"))
        return 0;
    SKIP_SP(s, end);
    if (s >= end || *s != '"' || !(id_end = plain_string(p, id = s)))
        return 0;
    s = id_end + 1;
    if (!AT_LIT(s, end, ","))
        return 0;
    SKIP_SP(s, end);
    if (!AT_LIT(s, end, "\"text\":"))
        return 0;
    SKIP_SP(s, end);
    if (s >= end || *s != '"')
        return 0;
    p->out->id = (const char *)id;
    p->out->id_len = (size_t)(id_end + 1 - id);
    seen[KEY_ID] = 1;
    p->s = s;
    return string_member(p, KEY_TEXT, &p->out->text, 0) < 0 ? -1 : 1;
}

static int object(parser *p)
{
    struct jsonl_item *out = p->out;
    int seen[N_KEYS] = {0};
    const unsigned char *v = NULL, *v_end; /* a member's value, the id's end */
    int key, r;
    p->s++; /* '{' */
    if (!jsonl_full_only && (r = fast_members(p, seen)) != 0) {
        if (r < 0)
            return -1;
        key = KEY_TEXT;
        v_end = NULL;
        goto member_read; /* the loop's end, for the text member */
    }
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') {
        p->s++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (p->s >= p->end || *p->s != '"')
            return syntax(p, "expected a string key");
        const unsigned char *key_at = p->s;
        struct jsonl_str k;
        str_issues iss = {0, 0};
        r = string_at(p, &k, &iss);
        if (r < 0)
            return -1;
        if (r & (STR_BAD_UTF8 | STR_LONE_SURROGATE))
            problem(p, JSONL_INVALID_UTF8, iss.bad_pos,
                    "a key is not valid UTF-8 at byte %zu", iss.bad_pos);
        key = which_key(&k);
        if (!next_is(p, ':'))
            return syntax(p, "expected ':' after a key");
        skip_ws(p);
        if (p->s >= p->end)
            return syntax(p, "expected a value");
        if (key != KEY_OTHER && seen[key])
            problem(p, JSONL_DUPLICATE_KEY, off(p, key_at),
                    "\"%s\" appears more than once", key_names[key]);
        v = p->s;
        v_end = NULL;
        unsigned bad_before = p->bad_strings;
        switch (key) {
        case KEY_ID:
            /* Usually a string: skip_value would come here too. */
            if ((r = *v == '"' ? skip_string_inline(p) : skip_value(p)) < 0)
                return -1;
            /* An id that is not UTF-8 cannot be echoed into the output. */
            if (p->bad_strings == bad_before)
                v_end = p->s;
            break;
        case KEY_TEXT:
        case KEY_PARENT:
        case KEY_CONTEXT:
            r = string_member(p, key,
                              key == KEY_TEXT     ? &out->text
                              : key == KEY_PARENT ? &out->parent
                                                  : &out->context,
                              seen[key]);
            break;
        default:
            r = skip_value(p);
        }
        if (r < 0)
            return -1;
    member_read:
        skip_ws(p);
        int more = p->s < p->end && *p->s == ',';
        if (!more && !(p->s < p->end && *p->s == '}'))
            return syntax(p, "expected ',' or '}' after a member");
        /* Only now is the id known to be whole: in "id": 01 the value would
         * otherwise read as 0. */
        if (v_end && !seen[KEY_ID]) {
            out->id = (const char *)v;
            out->id_len = (size_t)(v_end - v);
        }
        seen[key] = 1;
        p->s++;
        if (!more) {
            p->has_text = seen[KEY_TEXT];
            return 0;
        }
    }
}

enum jsonl_code jsonl_parse_line(const char *line, size_t len,
                                 struct jsonl_item *out,
                                 struct jsonl_error *err)
{
    parser p;
    p.base = p.s = (const unsigned char *)(line ? line : "");
    p.end = p.base + (line ? len : 0);
    p.out = out;
    p.dst = NULL;
    p.has_text = 0;
    p.bad_strings = 0;
    p.e.code = JSONL_OK;
    p.e.pos = 0;
    p.e.message[0] = '\0';
    out->id = NULL;
    out->id_len = 0;
    out->text = out->parent = out->context = (struct jsonl_str){NULL, 0};
    out->text_plain = 0;

    skip_ws(&p);
    if (p.s >= p.end) {
        problem(&p, JSONL_EMPTY_LINE, 0, "empty line");
    } else if (*p.s == '{') {
        /* Missing text is reported only once the whole line is known to be
         * valid JSON: a syntax error is the more useful message. */
        if (object(&p) == 0) {
            skip_ws(&p);
            if (p.s < p.end)
                syntax(&p, "expected the end of the line after the object");
            else if (!p.has_text)
                problem(&p, JSONL_MISSING_TEXT, 0,
                        "the object has no \"text\" member");
        }
    } else {
        unsigned char first = *p.s;
        if (skip_value(&p) == 0) {
            skip_ws(&p);
            if (p.s < p.end)
                syntax(&p, "expected the end of the line after the value");
            else
                problem(&p, JSONL_NOT_OBJECT, 0,
                        "the line is %s, not a JSON object",
                        type_name(first));
        }
    }
    /* Callers may rely on text being absent whenever the line failed. */
    if (p.e.code != JSONL_OK) {
        out->text = out->parent = out->context = (struct jsonl_str){NULL, 0};
        out->text_plain = 0;
    }
    if (err) {
        if (p.e.code != JSONL_OK) {
            *err = p.e;
        } else { /* the same, without copying the unused message buffer */
            err->code = JSONL_OK;
            err->pos = 0;
            err->message[0] = '\0';
        }
    }
    return p.e.code;
}
