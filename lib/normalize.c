/*
 * normalize.c: turns a comment into the folded text the lexicon matcher
 * scans, and keeps an exact map from every output byte back to the bytes of
 * the original it came from (see docs/NORMALIZE.md for the invariants).
 *
 * Two stages:
 *
 *   1. expand (non-ASCII input only): one code point at a time, NFKC with
 *      case folding, combining marks stripped, invisible characters
 *      removed, Unicode quotes, dashes, spaces and line separators mapped
 *      to ASCII, and look-alike letters mapped to ASCII through UTS #39
 *      skeletons. What each code point becomes was computed at build time
 *      with ICU (tools/ucd_ref.c) into tables (lib/ucd.h): the library
 *      reads them and links no ICU. Output goes to the scratch's
 *      intermediate buffer, with its own offset map.
 *
 *   2. words (every input), over bytes that are ASCII except for
 *      passed-through UTF-8 sequences: lower-case, collapse white space,
 *      join spaced-out letters (k i l l), decode leetspeak inside words
 *      (h4te), mark masking symbols (f*ck), cut stretched letters
 *      (haaaate -> haate). fold() is the reference, one pass with a class
 *      table; quick() is a sixteen-byte SSE2 pass for the common case where
 *      the text keeps its length, and hands over to fold() when it cannot
 *      prove that; quick32() is the same pass, 32 bytes a step, on CPUs
 *      with AVX2. On pure-ASCII input they read the caller's text directly
 *      (the identity offset map is implied): no table, no intermediate copy.
 *
 * Every output byte costs at most one input byte in stage 2, and stage 1
 * never expands a code point past 4 bytes per input byte (longer
 * decompositions such as U+FDFA are passed through folded instead), so the
 * output is at most 4 * len bytes plus the NUL.
 */
#include "normalize.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h> /* the AVX2 paths, chosen at normalizer build */
#define HAVE_AVX2_PATH 1
#define AVX2 __attribute__((target("avx2,bmi")))
#define AVX2_INLINE AVX2 static inline __attribute__((always_inline))
#else
#define HAVE_AVX2_PATH 0
#endif

#include "ucd.h"

/* Byte classes for stage 2. The order matters: everything from K_LETTER up
 * belongs to a token (a maximal run of letters, digits, leet and masking
 * symbols), everything up to K_DROP belongs to a white-space run. */
enum {
    K_SPACE,  /* horizontal white space */
    K_NL,     /* line break */
    K_DROP,   /* other control characters: removed */
    K_PUNCT,  /* kept as is */
    K_OTHER,  /* byte of a non-ASCII sequence: kept as is */
    K_LETTER, /* A-Z a-z */
    K_DIGIT,  /* 0-9 */
    K_LEET,   /* @ $ ! | + : letters only inside words */
    K_MASK    /* * # % : masking symbols only after a letter */
};

/* What spaced-out masked words (n * * * * s, k * k e) are made of: see
 * masked_run(). */
#define M_LETTER 1u
#define M_MASK 2u
#define M_STRONG 4u /* with M_MASK: * # @, a mask never a blank or a dot */
/* The longest masked word joined: longer than any lexicon term, and a
 * token of 64 KiB ("x @ y x @ y ...") is no word to hand the matcher. */
#define MASKED_MAX 32u

/* A letter or digit: what spaced-out words are made of. */
#define IS_ELEM(k) ((unsigned)(k) - K_LETTER <= (unsigned)(K_DIGIT - K_LETTER))

struct dc_normalizer {
    uint8_t cls[256];   /* K_* */
    uint8_t lower[256]; /* ASCII lower-casing, identity elsewhere */
    uint8_t leet[256];  /* the letter a leet digit or symbol stands for */
    uint8_t leet_inner[256]; /* 1: a leet digit only between letters */
    uint8_t sep[256];   /* 1: may separate spaced-out letters */
    uint8_t mel[256];   /* spaced-out masked letters: M_LETTER, M_MASK
                         * (| M_STRONG), 0 */
    bool swar;          /* the fast paths of stage 2 (see normalize.h) */
    bool avx2;          /* the CPU has AVX2: quick32() instead of quick() */
    bool lazy_map;      /* see dc_normalizer_set_lazy_map() */
};

struct dc_norm_scratch {
    dc_norm mid; /* stage 1 output, with its offset map */
};

/* ---------------------------------------------------------------------- */
/* Buffers                                                                 */
/* ---------------------------------------------------------------------- */

/* The text's allocation for cap bytes: DC_NORM_FRONT bytes before text
 * (a padded text's front, ending in ' ') and DC_NORM_PAD after
 * text[cap - 1] (a padded text's len is below cap, so its pad lies
 * within). */
#define TEXT_ALLOC(cap) ((cap) + DC_NORM_FRONT + DC_NORM_PAD)

/* Makes n hold at least need bytes, doubling, never past max. The first
 * keep entries survive. The four arrays are separate allocations (the
 * layout dc_norm_release expects); on failure n is unchanged. */
static decorum_status grow(const dc_alloc *al, dc_norm *n, size_t need,
                           size_t keep, size_t max)
{
    if (need > max)
        return DECORUM_ERR_TOOBIG;
    size_t cap = n->cap ? n->cap : 64;
    while (cap < need)
        cap = cap > max / 2 ? max : cap * 2;
    if (cap > max)
        cap = max;
    if (cap > SIZE_MAX / sizeof(uint32_t))
        return DECORUM_ERR_TOOBIG;
    char *tb = dc_malloc(al, TEXT_ALLOC(cap));
    char *t = tb ? tb + DC_NORM_FRONT : NULL;
    uint32_t *b = dc_malloc(al, cap * sizeof *b);
    uint32_t *e = dc_malloc(al, cap * sizeof *e);
    uint8_t *h = dc_malloc(al, cap);
    if (!t || !b || !e || !h)
        goto fail;
    memset(tb, ' ', DC_NORM_FRONT);
    t[keep < cap ? keep : cap - 1] = '\0'; /* a valid empty or cut text */
    if (keep) {
        memcpy(t, n->text, keep);
        memcpy(b, n->src_begin, keep * sizeof *b);
        memcpy(e, n->src_end, keep * sizeof *e);
        memcpy(h, n->how, keep);
    }
    size_t len = n->len;
    uint32_t ev = n->evasions;
    bool ascii = n->ascii;
    dc_norm_release(al, n);
    n->text = t;
    n->src_begin = b;
    n->src_end = e;
    n->how = h;
    n->cap = cap;
    n->len = len;
    n->evasions = ev;
    n->ascii = ascii;
    return DECORUM_OK;
fail:
    dc_free(al, tb, TEXT_ALLOC(cap));
    dc_free(al, b, cap * sizeof *b);
    dc_free(al, e, cap * sizeof *e);
    dc_free(al, h, cap);
    return DECORUM_ERR_NOMEM;
}

static inline decorum_status reserve(const dc_alloc *al, dc_norm *n,
                                     size_t need, size_t keep, size_t max)
{
    return need <= n->cap ? DECORUM_OK : grow(al, n, need, keep, max);
}

void dc_norm_release(const dc_alloc *al, dc_norm *n)
{
    if (!n)
        return;
    if (n->text)
        dc_free(al, n->text - DC_NORM_FRONT, TEXT_ALLOC(n->cap));
    dc_free(al, n->src_begin, n->cap * sizeof *n->src_begin);
    dc_free(al, n->src_end, n->cap * sizeof *n->src_end);
    dc_free(al, n->how, n->cap);
    memset(n, 0, sizeof *n);
}

/* ---------------------------------------------------------------------- */
/* Stage 1: one code point                                                 */
/* ---------------------------------------------------------------------- */

static bool ascii_alnum(unsigned c)
{
    return (c - 'a' < 26u) || (c - 'A' < 26u) || (c - '0' < 10u);
}


/* p[0..8) = v, v + 1, ..., v + 7: the identity offset map of a chunk. */
static inline void iota8(uint32_t *p, uint32_t v)
{
#ifdef __SSE2__
    __m128i a = _mm_add_epi32(_mm_set1_epi32((int)v), _mm_setr_epi32(0, 1, 2, 3));
    _mm_storeu_si128((__m128i *)(void *)p, a);
    _mm_storeu_si128((__m128i *)(void *)(p + 4),
                     _mm_add_epi32(a, _mm_set1_epi32(4)));
#else
    for (unsigned q = 0; q < 8; q++)
        p[q] = v + q;
#endif
}

#if HAVE_AVX2_PATH
/* Stage 1's ASCII runs with AVX2 (when the normalizer chose it): the end of
 * a run 32 bytes at a time, and its copy with the identity map in whole
 * vectors. Both give what the portable loops in expand() give. */

/* The first non-ASCII byte at or after j (j <= len), or len. */
AVX2 static size_t ascii_end32(const unsigned char *s, size_t j, size_t len)
{
    for (; j + 32 <= len; j += 32) {
        uint32_t hi = (uint32_t)_mm256_movemask_epi8(
            _mm256_loadu_si256((const __m256i *)(const void *)(s + j)));
        if (hi)
            return j + (size_t)__builtin_ctz(hi);
    }
    if (j == len)
        return len;
    if (len >= 32) { /* the 32 bytes that end the text: bit k is len - 32 + k */
        uint32_t hi = (uint32_t)_mm256_movemask_epi8(_mm256_loadu_si256(
                          (const __m256i *)(const void *)(s + len - 32))) >>
                      (j + 32 - len);
        return hi ? j + (size_t)__builtin_ctz(hi) : len;
    }
    while (j < len && s[j] < 0x80)
        j++;
    return j;
}

/* m's src_begin and src_end entries [o, o + r): source offsets i, i + 1,
 * ..., each one byte long. Vectors past the last whole one are written
 * again ending at r: an entry depends only on its own position, so
 * rewriting it is harmless, and nothing is written past o + r. */
AVX2_INLINE void ident_src32(dc_norm *m, size_t o, size_t i, size_t r)
{
    uint32_t *b = m->src_begin + o, *e = m->src_end + o;
    if (r < 8) {
        for (size_t k = 0; k < r; k++) {
            b[k] = (uint32_t)(i + k);
            e[k] = (uint32_t)(i + k) + 1;
        }
        return;
    }
    const __m256i one = _mm256_set1_epi32(1), eight = _mm256_set1_epi32(8);
    __m256i v = _mm256_add_epi32(_mm256_set1_epi32((int)i),
                                 _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    size_t k = 0;
    for (; k + 8 <= r; k += 8) {
        _mm256_storeu_si256((__m256i *)(void *)(b + k), v);
        _mm256_storeu_si256((__m256i *)(void *)(e + k),
                            _mm256_add_epi32(v, one));
        v = _mm256_add_epi32(v, eight);
    }
    if (k < r) {
        v = _mm256_sub_epi32(v, _mm256_set1_epi32((int)(k + 8 - r)));
        _mm256_storeu_si256((__m256i *)(void *)(b + r - 8), v);
        _mm256_storeu_si256((__m256i *)(void *)(e + r - 8),
                            _mm256_add_epi32(v, one));
    }
}

/* m's entries [o, o + r): ident_src32()'s offsets, and no evasion bits
 * (how[] written the same way, the last vector overlapping). */
AVX2_INLINE void ident_map32(dc_norm *m, size_t o, size_t i, size_t r)
{
    ident_src32(m, o, i, r);
    uint8_t *h = m->how + o;
    if (r < 8) {
        memset(h, 0, r);
    } else if (r >= 32) {
        size_t k;
        for (k = 0; k + 32 <= r; k += 32)
            _mm256_storeu_si256((__m256i *)(void *)(h + k),
                                _mm256_setzero_si256());
        _mm256_storeu_si256((__m256i *)(void *)(h + r - 32),
                            _mm256_setzero_si256());
    } else {
        for (size_t k = 0; k + 8 <= r; k += 8)
            memset(h + k, 0, 8);
        memset(h + r - 8, 0, 8);
    }
}

/* m's entries [o, o + r) = the ASCII bytes s[i..i + r), each mapped to
 * itself (the last vector overlapping as in ident_map32()). */
AVX2 static void ascii_copy32(dc_norm *m, size_t o, const unsigned char *s,
                              size_t i, size_t r)
{
    char *t = m->text + o;
    if (r >= 32) {
        for (size_t k = 0; k + 32 <= r; k += 32)
            _mm256_storeu_si256(
                (__m256i *)(void *)(t + k),
                _mm256_loadu_si256((const __m256i *)(const void *)(s + i + k)));
        _mm256_storeu_si256(
            (__m256i *)(void *)(t + r - 32),
            _mm256_loadu_si256((const __m256i *)(const void *)(s + i + r - 32)));
    } else if (r >= 8) {
        for (size_t k = 0; k + 8 <= r; k += 8)
            memcpy(t + k, s + i + k, 8);
        memcpy(t + r - 8, s + i + r - 8, 8);
    } else {
        for (size_t k = 0; k < r; k++)
            t[k] = (char)s[i + k];
    }
    ident_map32(m, o, i, r);
}
#endif

/* Decodes the code point at s[i..) into its table entry *e: its length in
 * bytes, 0 when the bytes do not decode (*e is then not set). */
static size_t ucd_at(const unsigned char *s, size_t len, size_t i,
                     dc_ucd_cp *e)
{
    uint32_t cp;
    size_t n = dc_utf8_decode(s + i, len - i, &cp);
    if (n != 0)
        dc_ucd_get(cp, e);
    return n;
}

/* Whether the word that continues at s[i..) holds a Cyrillic, Greek or
 * Armenian letter with no ASCII look-alike. */
static bool foreign_ahead(const unsigned char *s, size_t len, size_t i)
{
    while (i < len) {
        if (s[i] < 0x80) {
            if (!ascii_alnum(s[i]))
                return false;
            i++;
            continue;
        }
        dc_ucd_cp e;
        size_t n = ucd_at(s, len, i, &e);
        if (n == 0)
            return false;
        if (e.flags & DC_UCD_FOREIGN)
            return true;
        if (!(e.flags & DC_UCD_WORD))
            return false;
        i += n;
    }
    return false;
}

/* The first byte at or after s[i..) that is not a removed (zero-width)
 * code point, a variation selector or a joiner; an undecodable one stops
 * there. */
static size_t past_removed(const unsigned char *s, size_t len, size_t i)
{
    while (i < len && s[i] >= 0x80) {
        dc_ucd_cp e;
        size_t n = ucd_at(s, len, i, &e);
        if (n == 0 || e.len > 0)
            break;
        i += n;
    }
    return i;
}

/* Is the code point at s[i..) a look-alike letter (a letter emoji, a
 * circled letter, a squared word)? */
static bool lookalike_at(const unsigned char *s, size_t len, size_t i)
{
    dc_ucd_cp e;
    return i < len && s[i] >= 0x80 && ucd_at(s, len, i, &e) != 0 &&
           (e.flags & DC_UCD_WORD) && (e.how & DC_EV_CONFUSABLE);
}

/* Stage 1 over the whole text into ns->mid. ASCII is copied; a removed code
 * point extends the previous output byte's source range so that the word
 * it sat in maps back whole.
 *
 * Look-alike letters of Cyrillic, Greek and Armenian are mapped to ASCII
 * only in words where every such letter has a look-alike ("јеws", "кill"):
 * a Russian word like "хорошо" stays Cyrillic instead of becoming "xopoшo",
 * whose ASCII fragments the matcher would read as words. */
static decorum_status expand(const dc_alloc *al, const dc_normalizer *nz,
                             dc_norm_scratch *ns, const unsigned char *s,
                             size_t len, size_t max_out)
{
    dc_norm *m = &ns->mid;
    decorum_status st;
    size_t o = 0, i = 0;
    /* The current word: has it shown a letter with no look-alike, and was
     * it decided to keep its letters unmapped (1) or map them (2)? */
    bool foreign = false;
    int keep = 0;
    m->len = 0;
    if ((st = reserve(al, m, len + 1 < max_out ? len + 1 : max_out, 0,
                      max_out)) != DECORUM_OK)
        return st;
    while (i < len) {
        if (s[i] < 0x80) {
            size_t j = i + 1;
#if HAVE_AVX2_PATH
            if (nz->avx2)
                j = ascii_end32(s, j, len);
            else
#endif
            {
                for (uint64_t w; j + 8 <= len; j += 8) {
                    memcpy(&w, s + j, 8);
                    if (w & 0x8080808080808080ull)
                        break;
                }
                while (j < len && s[j] < 0x80)
                    j++;
            }
            size_t r = j - i;
            if ((st = reserve(al, m, o + r + 1, o, max_out)) != DECORUM_OK)
                return st;
            if (foreign || keep) { /* does the run end the current word? */
                for (size_t k = i; k < j; k++)
                    if (!ascii_alnum(s[k])) {
                        foreign = false, keep = 0;
                        break;
                    }
            }
#if HAVE_AVX2_PATH
            if (nz->avx2) {
                ascii_copy32(m, o, s, i, r);
                o += r;
                i = j;
                continue;
            }
#endif
            memcpy(m->text + o, s + i, r);
            memset(m->how + o, 0, r);
            size_t k = 0;
            for (; k + 8 <= r; k += 8) {
                iota8(m->src_begin + o + k, (uint32_t)(i + k));
                iota8(m->src_end + o + k, (uint32_t)(i + k) + 1);
            }
            for (; k < r; k++) {
                m->src_begin[o + k] = (uint32_t)(i + k);
                m->src_end[o + k] = (uint32_t)(i + k) + 1;
            }
            o += r;
            i = j;
            continue;
        }
        /* The caller validated the text; this only keeps reads in bounds. */
        uint32_t cp, c0 = s[i];
        size_t n = c0 < 0xe0 ? 2 : c0 < 0xf0 ? 3 : 4;
        if (c0 < 0xc2 || c0 > 0xf4 || n > len - i)
            return DECORUM_ERR_UTF8;
        if (n == 2)
            cp = (c0 & 0x1fu) << 6 | (s[i + 1] & 0x3fu);
        else if (n == 3)
            cp = (c0 & 0x0fu) << 12 | (s[i + 1] & 0x3fu) << 6 |
                 (s[i + 2] & 0x3fu);
        else
            cp = (c0 & 0x07u) << 18 | (s[i + 1] & 0x3fu) << 12 |
                 (s[i + 2] & 0x3fu) << 6 | (s[i + 3] & 0x3fu);
        dc_ucd_cp ce;
        dc_ucd_get(cp, &ce);
        const dc_ucd_cp *e = &ce;
        if (!(e->flags & DC_UCD_WORD))
            foreign = false, keep = 0;
        if (e->flags & DC_UCD_FOREIGN)
            foreign = true;
        const char *rep = e->out;
        size_t rlen = e->len;
        unsigned how = e->how;
        if (e->flags & DC_UCD_GUARD) {
            if (keep == 0)
                keep = foreign || foreign_ahead(s, len, i + n) ? 1 : 2;
            if (keep == 1)
                rep = e->alt, rlen = e->alt_len, how = 0;
        }
        if (rlen == 0) {
            if (o > 0) {
                m->src_end[o - 1] = (uint32_t)(i + n);
                /* A zero-width character or mark inside a word is an
                 * evasion; after an emoji (variation selector, joiner) or
                 * a space it is ordinary text. */
                if (ascii_alnum((unsigned char)m->text[o - 1]))
                    m->how[o - 1] |= e->how;
            }
            i += n;
            continue;
        }
        /* A squared-word emoji beside plain letters is a word of its own:
         * "any🆔", "ago🆗" read "any id", "ago ok", not "anyid" (a yid) and
         * "agook" (a gook); it is read into a word spelled with other
         * look-alikes ("ch🅾️🆖", "m0️⃣ng0️⃣l0️⃣🆔", "🆗🆗"), session 43. */
        bool sp_before = false, sp_after = false;
        if (e->flags & DC_UCD_SPLIT) {
            size_t j = past_removed(s, len, i + n);
            bool spelled = lookalike_at(s, len, j);
            for (size_t k = o; !spelled && k > 0 &&
                               ascii_alnum((unsigned char)m->text[k - 1]);
                 k--)
                spelled = m->how[k - 1] != 0;
            if (!spelled) {
                sp_before = o > 0 && ascii_alnum((unsigned char)m->text[o - 1]);
                sp_after = j < len && ascii_alnum(s[j]);
            }
        }
        if ((st = reserve(al, m, o + rlen + sp_before + sp_after + 1, o,
                           max_out)) != DECORUM_OK)
            return st;
        if (sp_before) {
            m->text[o] = ' ';
            m->src_begin[o] = (uint32_t)i;
            m->src_end[o] = (uint32_t)(i + n);
            m->how[o++] = 0;
        }
        for (size_t k = 0; k < rlen; k++, o++) {
            m->text[o] = rep[k];
            m->src_begin[o] = (uint32_t)i;
            m->src_end[o] = (uint32_t)(i + n);
            m->how[o] = (uint8_t)how;
        }
        if (sp_after) {
            m->text[o] = ' ';
            m->src_begin[o] = (uint32_t)i;
            m->src_end[o] = (uint32_t)(i + n);
            m->how[o++] = 0;
        }
        i += n;
    }
    if ((st = reserve(al, m, o + 1, o, max_out)) != DECORUM_OK)
        return st;
    m->text[o] = '\0';
    m->len = o;
    return DECORUM_OK;
}

/* ---------------------------------------------------------------------- */
/* Stage 2: words                                                          */
/* ---------------------------------------------------------------------- */

/* SWAR helpers for the letter fast path (little-endian: byte k of the text
 * is byte k of the word). */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DC_SWAR 1
#else
#define DC_SWAR 0
#endif
#define SWAR_HI 0x8080808080808080ull
#define SWAR_LO7 0x7f7f7f7f7f7f7f7full

/* Bit 7 of each byte that is an ASCII letter. Bytes 0x80 and up never are;
 * below, OR-ing 0x20 folds A-Z onto a-z and the sums cannot carry. */
static inline uint64_t swar_letters(uint64_t x)
{
    uint64_t y = (x | 0x2020202020202020ull) & SWAR_LO7;
    uint64_t ge_a = y + 0x1f1f1f1f1f1f1f1full;  /* bit 7: y >= 'a' */
    uint64_t gt_z = y + 0x0505050505050505ull;  /* bit 7: y >= 'z' + 1 */
    return ge_a & ~gt_z & ~x & SWAR_HI;
}

/* Bit 7 of each byte that is zero (exact per byte, no borrow). */
static inline uint64_t swar_zero(uint64_t v)
{
    return ~(((v & SWAR_LO7) + SWAR_LO7) | v | SWAR_LO7);
}

/* "1st", "2nd", "3rd", "4th", "5am", "7pm": a digit that starts a word of
 * three is a number, not leetspeak. */
static bool ordinal(unsigned a, unsigned b)
{
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
           (a == 'r' && b == 'd') || (a == 't' && b == 'h') ||
           (b == 'm' && (a == 'a' || a == 'p'));
}

/* Offsets of stage-2 input byte p: the byte itself on the ASCII path
 * (ident), else stage 1's map. */
#define SB(p) (ident ? (uint32_t)(p) : isb[p])
#define SE(p) (ident ? (uint32_t)(p) + 1 : ise[p])
#define HW(p) (ident ? 0u : (unsigned)ihw[p])
#define PUT(ch, b, e, h)                                                       \
    do {                                                                       \
        ot[o] = (char)(ch);                                                    \
        ob[o] = (b);                                                           \
        oe[o] = (e);                                                           \
        oh[o] = (uint8_t)(h);                                                  \
        o++;                                                                   \
    } while (0)
#define FLUSH()                                                                \
    do {                                                                       \
        if (pend) {                                                            \
            PUT(pend, pb, pe, ph);                                             \
            pend = 0;                                                          \
        }                                                                      \
    } while (0)

/* Whether the single letter or digit s[q] (q + 1 < n) starts spaced-out
 * letters of their own rather than going on with the run being read (whose
 * separator is sp, or sp and a space): a separator c other than a space
 * follows it, and the next letter or digit is followed by the same c, or c
 * and a space (the j of j-e, j. e.). c and a space with c == sp is the run
 * with a space going on, not a new one; the caller reading a run without a
 * space asks only when c != sp. */
static inline bool run_starts(const dc_normalizer *nz, const unsigned char *s,
                              size_t n, size_t q, unsigned sp)
{
    const uint8_t *cls = nz->cls;
    unsigned c = s[q + 1];
    if (c == ' ' || !nz->sep[c])
        return false;
    if (q + 3 < n && IS_ELEM(cls[s[q + 2]]) && s[q + 3] == c)
        return true;
    return c != sp && q + 5 < n && s[q + 2] == ' ' &&
           IS_ELEM(cls[s[q + 3]]) && s[q + 4] == c && s[q + 5] == ' ';
}

/* Whether the space s[q] (q >= 2) is a restart point (see words32()): it
 * ends a token of two bytes or more, so the whole pass stands there with no
 * white space pending, and no spaced-out run crosses it. A letter or digit
 * and a separator that is a token byte (a* b* c*, a| b| c|) are not such a
 * token: the space may be inside a run. */
static inline bool restart_at(const dc_normalizer *nz, const unsigned char *s,
                              size_t q)
{
    const uint8_t *cls = nz->cls;
    return s[q] == ' ' && cls[s[q - 1]] >= K_LETTER &&
           cls[s[q - 2]] >= K_LETTER &&
           !(nz->sep[s[q - 1]] && (q < 3 || cls[s[q - 3]] < K_LETTER));
}

/* Spaced-out masked letters at s[i], a letter after white space or at
 * the start: single letters and masking symbols (* # @ _ - .), each
 * followed by one space and the next, the last followed by white space,
 * the end, or punctuation that starts no spaced-out run of its own
 * (k * k e, n * * * * * s., and f u c k j-e-w-s keeps its j). Cut after
 * the last letter, they are one masked word when
 *   - there are four to MASKED_MAX, two of them letters;
 *   - one symbol is * # or @: _ - and . alone are too often a blank to
 *     fill, a hyphen or a full stop (a d . c is "a d.c.", a - b c);
 *   - they do not just alternate: some two side by side are both letters
 *     or both symbols (a - b - c, x * y * z are no word), and no symbol
 *     stands twice between single letters (a . b . c d).
 * The masked word then matches as its unspaced form does (MATCH.md,
 * masked terms): a lexicon entry of that length with the letters in
 * place. Returns the index of the last letter, or 0 (no run). *end is how
 * far it read, and fold() tries no start up to there: without that,
 * a . b . c . d ... would be read again from each letter. So a run starts
 * at the first letter of such a chain, or not at all.
 *
 * The chunk passes route such text to fold() by its * # or @ with a space
 * on both sides (see quick32()). */
static size_t masked_run(const dc_normalizer *nz, const unsigned char *s,
                         size_t n, size_t i, size_t *end)
{
    const uint8_t *mel = nz->mel, *cls = nz->cls, *sep = nz->sep;
    size_t p = i, last = 0, cnt = 1, letters = 1, pairs = 0;
    size_t cnt_l = 0, pairs_l = 0, letters_l = 0;
    bool seps = false, seps_l = false, strong = false, strong_l = false;
    unsigned prev = M_LETTER;
    for (;;) {
        unsigned m = mel[s[p]] & (M_LETTER | M_MASK);
        if (p > i) {
            cnt++;
            letters += m == M_LETTER;
            pairs += m == prev;
            strong |= (mel[s[p]] & M_STRONG) != 0;
            prev = m;
        }
        if (m == M_LETTER) {
            /* a . b . c: the same symbol between three letters */
            seps |= p >= i + 8 && (mel[s[p - 2]] & M_MASK) &&
                    s[p - 6] == s[p - 2] && mel[s[p - 4]] == M_LETTER &&
                    mel[s[p - 8]] == M_LETTER;
            last = p;
            cnt_l = cnt, pairs_l = pairs, letters_l = letters;
            seps_l = seps;
            strong_l = strong;
        }
        /* The next element, if s[p] is followed by a space and it. */
        if (p + 2 >= n || s[p + 1] != ' ' || !mel[s[p + 2]])
            break;
        size_t q = p + 3;
        if (q < n && cls[s[q]] >= K_LETTER)
            break; /* s[p + 2] begins a word */
        if (q < n && cls[s[q]] > K_NL && sep[s[q]] && q + 1 < n &&
            IS_ELEM(cls[s[q + 1]]))
            break; /* ... or spaced-out letters of its own (j-e-w-s) */
        p += 2;
    }
    *end = p;
    if (cnt_l < 4 || cnt_l > MASKED_MAX || letters_l < 2 || !strong_l ||
        pairs_l < 1 || seps_l)
        return 0;
    return last;
}

/* Is the digit at index t of the token (s[ts + t * step]) in a run of two
 * or three digits, each a leet letter, with letters on both sides of the
 * run ("p30ple", "k33p")? Numbers are not written inside words, so such a
 * run spells letters; a run at a word's edge ("covid19", "2nite"), a
 * longer one, or three of one digit ("b000k") is left as it is. */
static bool leet_digits_inside(const dc_normalizer *nz, const unsigned char *s,
                               size_t ts, size_t step, size_t tm, size_t t)
{
    /* Each way at most 3 digits: a longer run is no leet, and a run of
     * thousands of digits must not be scanned for each of them. */
    size_t a = t, z = t + 1;
    while (a > 0 && t - a < 3 && nz->cls[s[ts + (a - 1) * step]] == K_DIGIT)
        a--;
    while (z < tm && z - t < 4 && nz->cls[s[ts + z * step]] == K_DIGIT)
        z++;
    if (z - a < 2 || z - a > 3 || a == 0 || z == tm ||
        nz->cls[s[ts + (a - 1) * step]] != K_LETTER ||
        nz->cls[s[ts + z * step]] != K_LETTER)
        return false;
    for (size_t k = a; k < z; k++)
        if (!nz->leet[s[ts + k * step]])
            return false;
    return z - a == 2 || s[ts + a * step] != s[ts + (a + 1) * step] ||
           s[ts + a * step] != s[ts + (a + 2) * step];
}

/* Is the character at index t of the token in a run of two or three leet
 * characters that mixes digits with symbols, with letters on both sides
 * ("n!99er", "sh!+e")? Each reads as its letter: neither rule above reads
 * such a run, the symbol's neighbour being a digit and the digit's a
 * symbol. */
static bool leet_mixed_inside(const dc_normalizer *nz, const unsigned char *s,
                              size_t ts, size_t step, size_t tm, size_t t)
{
    size_t a = t, z = t + 1;
    unsigned k;
    while (a > 0 && t - a < 3 &&
           ((k = nz->cls[s[ts + (a - 1) * step]]) == K_DIGIT || k == K_LEET))
        a--;
    while (z < tm && z - t < 4 &&
           ((k = nz->cls[s[ts + z * step]]) == K_DIGIT || k == K_LEET))
        z++;
    if (z - a < 2 || z - a > 3 || a == 0 || z == tm ||
        nz->cls[s[ts + (a - 1) * step]] != K_LETTER ||
        nz->cls[s[ts + z * step]] != K_LETTER)
        return false;
    unsigned kinds = 0;
    for (size_t i = a; i < z; i++) {
        unsigned c = s[ts + i * step];
        if (!nz->leet[c])
            return false;
        kinds |= nz->cls[c] == K_DIGIT ? 1u : 2u;
    }
    return kinds == 3u;
}

/* The word rules for one token of tm characters at s[ts], s[ts + step],
 * ...: leetspeak, masking and stretching, written to out from index o.
 * Returns the new out index: o + tm unless stretched letters were cut.
 * Offsets as in fold(). */
static inline __attribute__((always_inline)) size_t
token_rules(const dc_normalizer *nz, const unsigned char *s, size_t ts,
            size_t step, size_t tm, bool has_letter, unsigned extra,
            const uint32_t *isb, const uint32_t *ise, const uint8_t *ihw,
            const bool ident, dc_norm *out, size_t o)
{
    const uint8_t *cls = nz->cls, *low = nz->lower, *leet = nz->leet;
    char *ot = out->text;
    uint32_t *ob = out->src_begin, *oe = out->src_end;
    uint8_t *oh = out->how;
    unsigned last = 0, run = 0, mask_on = 0;
    size_t mask_end = 0;
    for (size_t t = 0; t < tm; t++) {
        size_t p = ts + t * step;
        unsigned c2 = s[p], k2 = cls[c2], ch = c2, h = extra | HW(p);
        if (k2 == K_LETTER) { /* most bytes of most tokens */
            ch = low[c2];
            goto letter;
        }
        unsigned kp = t > 0 ? cls[s[p - step]] : K_PUNCT;
        unsigned kn = t + 1 < tm ? cls[s[p + step]] : K_PUNCT;
        switch (k2) {
        case K_DIGIT:
            /* Only a lone digit in a word with letters: h4te, k1ll,
             * but not 1488, 14words, covid19, 1st. And a run of two or
             * three between letters (leet_digits_inside): the double o
             * of c00n, f00l, sh3b00n, "p30ple" (no number is written
             * with letters on both sides). */
            if (has_letter && leet[c2] && kp != K_DIGIT &&
                kn != K_DIGIT &&
                (!nz->leet_inner[c2] ||
                 (kp == K_LETTER && kn == K_LETTER)) &&
                !(t == 0 && tm == 3 &&
                  ordinal(low[s[p + step]], low[s[p + 2 * step]]))) {
                ch = leet[c2];
                h |= DC_EV_LEET;
            } else if (leet[c2] &&
                       (((kp == K_DIGIT || kn == K_DIGIT) &&
                         leet_digits_inside(nz, s, ts, step, tm, t)) ||
                        leet_mixed_inside(nz, s, ts, step, tm, t))) {
                ch = leet[c2];
                h |= DC_EV_LEET;
            }
            break;
        case K_LEET:
        case K_MASK:
            if (t >= mask_end) { /* a new run of symbols */
                size_t r = t;
                unsigned kr, any_mask = 0;
                while (r < tm && ((kr = cls[s[ts + r * step]]) == K_LEET ||
                                  kr == K_MASK)) {
                    any_mask |= kr == K_MASK;
                    r++;
                }
                mask_end = r;
                /* Masking: after a letter, either up to another
                 * letter (f*ck, n#gger) or as a run of two or more
                 * (f**, F@#%: a grawlix). Not "#maga", "C#", "50%". */
                mask_on = any_mask && kp == K_LETTER &&
                          ((r < tm && cls[s[ts + r * step]] == K_LETTER) ||
                           r - t >= 2);
            }
            if (mask_on) {
                ch = '*';
                h |= DC_EV_MASK;
                break;
            }
            if (k2 == K_MASK)
                break;
            bool ok;
            if (c2 == '@') /* after a letter, or a digit read as one
                            * ("h3@d"): not "@user", "2@3" */
                ok = kp == K_LETTER || (kp == K_DIGIT && last);
            else if (c2 == '$') /* not "$5" */
                ok = has_letter && kn != K_DIGIT;
            else if (c2 == '|')
                ok = has_letter;
            else /* ! + : between letters, not "hey!" */
                ok = kp == K_LETTER && kn == K_LETTER;
            if (!ok && (kp == K_DIGIT || kn == K_DIGIT))
                ok = leet_mixed_inside(nz, s, ts, step, tm, t);
            if (ok) {
                ch = leet[c2];
                h |= DC_EV_LEET;
            }
            break;
        default:
            break;
        }
        if (ch - 'a' < 26u) {
        letter:
            if (ch == last) {
                if (++run > 2) {
                    oe[o - 1] = SE(p);
                    oh[o - 1] |= DC_EV_STRETCH | h;
                    oh[o - 2] |= DC_EV_STRETCH;
                    continue;
                }
            } else {
                last = ch;
                run = 1;
            }
        } else {
            last = 0;
        }
        PUT(ch, SB(p), SE(p), h);
    }
    return o;
}

/* Stage 2 over s[0..n) into out (capacity at least n + 1). With ident, s is
 * the caller's text and source offsets are the byte positions themselves;
 * otherwise they come from isb/ise/ihw (stage 1's map). Forced inline so
 * that each caller gets a copy specialized on ident. Returns out's length.
 *
 * fold() can also do a stretch of the text between two runs of the chunk
 * pass (see words32()): out[0..ofrom) then already holds the result for
 * s[0..from), where from is a restart point (see restart_point()): the
 * whole pass would stand there with no white space pending and no
 * spaced-out run across it. It stops at the first restart point at or
 * after stop, and *at says where (n if it got to the end). */
static inline __attribute__((always_inline)) size_t
fold(const dc_normalizer *nz, const unsigned char *s, size_t n, size_t from,
     size_t ofrom, size_t stop, const uint32_t *isb, const uint32_t *ise,
     const uint8_t *ihw, const bool ident, dc_norm *out, size_t *at)
{
    const uint8_t *cls = nz->cls, *low = nz->lower;
    char *ot = out->text;
    uint32_t *ob = out->src_begin, *oe = out->src_end;
    uint8_t *oh = out->how;
    size_t o = ofrom, i = from;
    /* A white-space run is emitted lazily, when something follows it, so
     * trailing white space disappears. */
    unsigned pend = 0, ph = 0;
    uint32_t pb = 0, pe = 0;
    /* The end of the last spaced-out run that fell short (too few
     * letters): a start inside it reaches the same end with fewer, so it
     * is not tried again ("1 2 3 4 ..." over 64 KiB took 0.58 s when every
     * digit scanned to the end of the run). */
    size_t no_run_to = 0;
    size_t no_mask_to = 0; /* the same for masked_run() */

    while (i < n) {
        if (i >= stop && !pend && restart_at(nz, s, i))
            break;
        unsigned c = s[i], k = cls[c];
        if (k < K_LETTER) {
            if (k <= K_NL) {
                size_t j = i;
                unsigned nl = 0, h = 0;
                while (j < n && cls[s[j]] <= K_DROP) {
                    nl |= cls[s[j]] == K_NL;
                    h |= HW(j);
                    j++;
                }
                if (o > 0) {
                    if (!pend) {
                        pend = ' ';
                        pb = SB(i);
                        ph = 0;
                    }
                    if (nl)
                        pend = '\n';
                    pe = SE(j - 1);
                    ph |= h;
                }
                i = j;
            } else if (k == K_DROP) {
                if (pend) {
                    pe = SE(i);
                } else if (o > 0) {
                    oe[o - 1] = SE(i);
                    oh[o - 1] |= DC_EV_INVISIBLE;
                }
                i++;
            } else {
                FLUSH();
                PUT(c, SB(i), SE(i), HW(i));
                i++;
            }
            continue;
        }

        FLUSH();
        size_t ts = i, step = 1, tm;
        unsigned extra = 0;
        bool has_letter;

        /* Spaced-out masked letters (k * k e): one masked word. */
        size_t mlast;
        if (k == K_LETTER && i + 6 < n && s[i + 1] == ' ' &&
            nz->mel[s[i + 2]] && (i > no_mask_to || i == 0) &&
            (i == 0 || cls[s[i - 1]] <= K_NL)) {
            if ((mlast = masked_run(nz, s, n, i, &no_mask_to)) != 0) {
                unsigned prev1 = 0, prev2 = 0;
                for (size_t q = i; q <= mlast; q += 2) {
                    unsigned ch = low[s[q]], h = DC_EV_SPACED | HW(q);
                    if (nz->mel[s[q]] & M_MASK) {
                        ch = '*';
                        h |= DC_EV_MASK;
                    } else if (ch == prev1 && ch == prev2) {
                        /* a stretched letter, as token_rules() cuts it */
                        oe[o - 1] = SE(q);
                        oh[o - 1] |= DC_EV_STRETCH | h;
                        oh[o - 2] |= DC_EV_STRETCH;
                        continue;
                    }
                    prev2 = prev1;
                    prev1 = ch;
                    PUT(ch, SB(q), SE(q), h);
                }
                i = mlast + 1;
                continue;
            }
        }

        /* Spaced-out letters: three or more single letters or digits, each
         * followed by the same separator (k i l l, k.i.l.l), or by the
         * same separator and one space (k. i. l. l). The first must not
         * continue a run of that separator (a.b.c.d after "x.") unless it
         * is a space. With a separator and a space, the first is a letter
         * ("3. a. b." numbers a list) and must not follow a single letter
         * or digit with either form of the separator (b. c. d after "a.",
         * which is no run: "a.b. c. d" mixes them). */
        unsigned sp;
        if (k <= K_DIGIT && i + 4 < n && (i > no_run_to || i == 0) &&
            nz->sep[sp = s[i + 1]]) {
            size_t rp = i, rcnt = 1, rletters = k == K_LETTER, rstep = 0;
            if (sp != ' ' && s[i + 2] == ' ') {
                if (k == K_LETTER && (i == 0 || s[i - 1] != sp) &&
                    !(i >= 3 && s[i - 1] == ' ' && s[i - 2] == sp &&
                      IS_ELEM(cls[s[i - 3]]) &&
                      (i == 3 || !IS_ELEM(cls[s[i - 4]])))) {
                    rstep = 3;
                    while (rp + 3 < n && s[rp + 1] == sp && s[rp + 2] == ' ' &&
                           IS_ELEM(cls[s[rp + 3]]) &&
                           (rp + 4 >= n ||
                            (!IS_ELEM(cls[s[rp + 4]]) &&
                             !run_starts(nz, s, n, rp + 3, sp)))) {
                        rp += 3;
                        rcnt++;
                        rletters += cls[s[rp]] == K_LETTER;
                    }
                }
            } else if (i == 0 || s[i - 1] != sp || sp == ' ') {
                rstep = 2;
                while (rp + 2 < n && s[rp + 1] == sp &&
                       IS_ELEM(cls[s[rp + 2]]) &&
                       (rp + 3 >= n ||
                        (!IS_ELEM(cls[s[rp + 3]]) &&
                         /* In "f u c k j-e-w-s" and "f u c k j- e- w- s"
                          * the j starts the next word; a space ends one
                          * ("k.i.l.l f u c k"). */
                         !(s[rp + 3] != sp &&
                           run_starts(nz, s, n, rp + 2, sp))))) {
                    rp += 2;
                    rcnt++;
                    rletters += cls[s[rp]] == K_LETTER;
                }
            }
            if (rstep && rcnt >= 3 && rletters >= 2) {
                step = rstep;
                tm = rcnt;
                extra = DC_EV_SPACED;
                has_letter = true;
                i = rp + 1;
                goto general;
            }
            no_run_to = rp;
        }

        /* The common case: a word of letters only. Emit while scanning; if
         * a digit or symbol turns up, undo and take the general path. */
        {
            size_t o0, j;
            unsigned last, run;
        word:
            o0 = o;
            j = i;
            last = run = 0;
#if DC_SWAR
            /* Eight bytes at a time while they can be read: one
             * data-dependent branch per word instead of one per letter,
             * which is what a per-byte loop mispredicts at every word end.
             * All eight output slots are written; only the letters count,
             * the rest is overwritten later. o <= j keeps this inside the
             * buffer (its capacity is at least n + 1). The last chunk of
             * the text is read as the eight bytes that end it, shifted so
             * that zero bytes (non-letters) stand for what lies past the
             * end; it needs 8 bytes of room in the output. */
            uint64_t prev = 0; /* previous chunk, lower-cased, if all letters */
            while (nz->swar) {
                uint64_t x;
                bool tail = j + 8 > n;
                if (!tail) {
                    memcpy(&x, s + j, 8);
                } else {
                    if (j >= n || n < 8 || o + 8 > out->cap)
                        break;
                    memcpy(&x, s + n - 8, 8);
                    x >>= 8 * (j + 8 - n);
                }
                uint64_t let = swar_letters(x);
                uint64_t lx = x | (let >> 2);
                uint64_t non = ~let & SWAR_HI;
                unsigned nl = non ? (unsigned)__builtin_ctzll(non) >> 3 : 8;
                uint64_t in_word = nl == 8 ? ~0ull : (1ull << (8 * nl)) - 1;
                /* A letter equal to the two before it: stretched. */
                uint64_t tri = swar_zero(lx ^ ((lx << 8) | (prev >> 56))) &
                               swar_zero(lx ^ ((lx << 16) | (prev >> 48))) &
                               let & in_word;
                if (tri) {
                    o = o0; /* redo the word one byte at a time */
                    j = i;
                    break;
                }
                memcpy(ot + o, &lx, 8);
                if (ident) {
                    iota8(ob + o, (uint32_t)j);
                    iota8(oe + o, (uint32_t)j + 1);
                    memset(oh + o, 0, 8);
                } else if (!tail) {
                    memcpy(ob + o, isb + j, 8 * sizeof *ob);
                    memcpy(oe + o, ise + j, 8 * sizeof *oe);
                    memcpy(oh + o, ihw + j, 8);
                } else { /* the source map ends at n */
                    memcpy(ob + o, isb + j, nl * sizeof *ob);
                    memcpy(oe + o, ise + j, nl * sizeof *oe);
                    memcpy(oh + o, ihw + j, nl);
                }
                o += nl;
                j += nl;
                if (nl < 8)
                    goto word_end; /* s[j] is not a letter, or j == n */
                prev = lx;
            }
            if (j > i && j < n && cls[s[j]] == K_LETTER) {
                /* the byte loop continues the word: its run state */
                last = (unsigned char)ot[o - 1];
                run = o - o0 >= 2 && (unsigned char)ot[o - 2] == last ? 2 : 1;
            }
#endif
            while (j < n && cls[s[j]] == K_LETTER) {
                unsigned ch = low[s[j]];
                if (ch == last) {
                    if (++run > 2) {
                        oe[o - 1] = SE(j);
                        oh[o - 1] |= DC_EV_STRETCH | HW(j);
                        oh[o - 2] |= DC_EV_STRETCH;
                        j++;
                        continue;
                    }
                } else {
                    last = ch;
                    run = 1;
                }
                PUT(ch, SB(j), SE(j), HW(j));
                j++;
            }
#if DC_SWAR
        word_end:
#endif
            if (j >= n || cls[s[j]] < K_LETTER) {
                /* One space, then a word of two letters or more (so not
                 * the start of spaced-out letters): what the white-space
                 * and dispatch code would do, without going through it. */
                if (j + 2 < n && j < stop && s[j] == ' ' &&
                    cls[s[j + 1]] == K_LETTER && cls[s[j + 2]] == K_LETTER) {
                    PUT(' ', SB(j), SE(j), HW(j));
                    i = ts = j + 1;
                    goto word;
                }
                i = j;
                continue;
            }
            o = o0;
            has_letter = j > i;
            while (j < n && cls[s[j]] >= K_LETTER) {
                has_letter |= cls[s[j]] == K_LETTER;
                j++;
            }
            tm = j - i;
            i = j;
        }

    general:
        o = token_rules(nz, s, ts, step, tm, has_letter, extra, isb, ise, ihw,
                        ident, out, o);
    }
    ot[o] = '\0';
    *at = i;
    return o;
}

static size_t fold_ascii(const dc_normalizer *nz, const unsigned char *s,
                         size_t n, dc_norm *out)
{
    size_t at;
    return fold(nz, s, n, 0, 0, SIZE_MAX, NULL, NULL, NULL, true, out, &at);
}

static bool all_ascii(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            return false;
    }
    if (n >= 8) { /* the tail as one overlapping word */
        uint64_t w;
        memcpy(&w, s + n - 8, 8);
        return !(w & 0x8080808080808080ull);
    }
    unsigned acc = 0;
    for (; i < n; i++)
        acc |= s[i];
    return acc < 0x80;
}

/* What a chunk pass found (see quick()): Q_RESTART, that its output is
 * right up to a point from which fold() can carry on; Q_PAIR (quick32()
 * on ASCII text only), that it is right up to two spaces between words,
 * which words32() collapses itself. */
enum { Q_UNKNOWN, Q_DONE, Q_OTHER, Q_RESTART, Q_PAIR };

#if defined(__SSE2__) || HAVE_AVX2_PATH /* the chunk passes */
/* Whether the text ends in three single letters or digits with the same
 * separator between them: what a chunk pass cannot see when the text ends
 * with a full chunk. (With a separator and a space, k. i. l, the passes
 * look for two, which a text ends with only after the bit that finds
 * them.) */
static bool spaced_at_end(const uint8_t *cls, const unsigned char *s, size_t n)
{
    return n >= 5 && IS_ELEM(cls[s[n - 1]]) && !IS_ELEM(cls[s[n - 2]]) &&
           IS_ELEM(cls[s[n - 3]]) && !IS_ELEM(cls[s[n - 4]]) &&
           IS_ELEM(cls[s[n - 5]]) && s[n - 2] == s[n - 4] &&
           (n == 5 || !IS_ELEM(cls[s[n - 6]]));
}
#endif

/* The bytes that may follow the space of a contraction cut in two (see
 * join_contractions()): its ending's first letter ("t", "re", "n't") or an
 * apostrophe. Tested before contraction_at() is called, which turns the
 * others (" a ", " i ") down, and by quick_words(). */
static const bool ending_start[256] = {
    ['t'] = 1, ['m'] = 1, ['s'] = 1, ['d'] = 1, ['r'] = 1,
    ['n'] = 1, ['\''] = 1, /* "ll", "ve": after an apostrophe only */
};

/* The end of a chunk pass (quick(), quick32()): the words at flagged[0..nf)
 * (byte positions in ascending order) are rerun through token_rules() in
 * place, delta bytes before their input position. Returns Q_DONE, or
 * Q_UNKNOWN when one of them changes length. Sets *cut when a word it
 * reruns may have become the ending of a contraction cut in two (after a
 * space or an apostrophe, starting with an ending's first byte): the
 * chunk pass looked for those in its input (see quick32()), and a word's
 * rules may write one ("r3" -> "re"). */
static inline __attribute__((always_inline)) int
quick_words(const dc_normalizer *nz, const unsigned char *s, size_t n,
            size_t delta, const size_t *flagged, size_t nf,
            const uint32_t *isb, const uint32_t *ise, const uint8_t *ihw,
            const bool ident, dc_norm *out, uint32_t *ev, bool *cut)
{
    const uint8_t *cls = nz->cls;
    size_t done = 0;
    unsigned h = 0;
    for (size_t f = 0; f < nf; f++) {
        size_t p = flagged[f];
        if (p < done)
            continue;
        size_t a = p, b = p + 1;
        while (a > 0 && cls[s[a - 1]] >= K_LETTER)
            a--;
        while (b < n && cls[s[b]] >= K_LETTER)
            b++;
        bool has_letter = false;
        for (size_t k = a; k < b; k++)
            has_letter |= cls[s[k]] == K_LETTER;
        done = b;
        /* Every word rule needs a letter in the token: "&#128514;", "1488"
         * and "$5" stay as the chunk pass wrote them. A * # @ alone
         * between white space may be a mask in spaced-out masked letters
         * (masked_run()), which only fold() joins: quick32() flags a
         * symbol after white space and before no letter or digit. */
        if (!has_letter) {
            if (b - a == 1 && (nz->mel[s[a]] & M_STRONG) &&
                a > 0 && b < n && cls[s[a - 1]] <= K_NL && cls[s[b]] <= K_NL)
                return Q_UNKNOWN;
            continue;
        }
        if (token_rules(nz, s, a, 1, b - a, has_letter, 0, isb, ise, ihw,
                        ident, out, a - delta) != b - delta)
            return Q_UNKNOWN; /* a stretched run was cut: everything moves */
        if (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\'') &&
            ending_start[(unsigned char)out->text[a - delta]])
            *cut = true;
        for (size_t k = a - delta; k < b - delta; k++)
            h |= out->how[k];
    }
    out->text[n - delta] = '\0';
    *ev = h; /* with !ident, only what the word rules added */
    return Q_DONE;
}

#ifdef __SSE2__
/* Byte classes of 16 bytes as bit masks (bit k: byte k). */
static inline unsigned mask_eq(__m128i x, char c)
{
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c)));
}

static inline unsigned mask_in(__m128i x, char lo, char hi)
{
    /* Signed compares: every byte here is ASCII. */
    return (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)(lo - 1))),
                      _mm_cmplt_epi8(x, _mm_set1_epi8((char)(hi + 1)))));
}

/* Bytes x moved up by k, the low ones from the previous chunk px. */
#define BACKV(x, px, k)                                                        \
    _mm_or_si128(_mm_slli_si128(x, k), _mm_srli_si128(px, 16 - (k)))

/* Most ASCII comments come out of stage 2 byte for byte: nothing is joined,
 * cut or collapsed, and only a few words have digits or symbols that the
 * word rules might change. This pass writes that byte-for-byte result
 * (lower case, identity offsets) sixteen bytes at a time, and proves on
 * the way that it is the right one:
 *
 *   - nothing may shrink the text: no control character, no white space
 *     next to white space or at either end, no letter equal to the two
 *     before it, no three single letters or digits with the same separator
 *     between them (a superset of what fold() joins or cuts);
 *   - a word can only change where a digit or symbol touches a letter or
 *     another symbol; those words are rerun through token_rules() in place.
 *
 * It also finds out whether the text is ASCII at all. Returns Q_DONE with
 * out filled (*ev: the evasion bits), Q_OTHER when a byte is not ASCII,
 * or Q_UNKNOWN as soon as the proof fails (out is then rewritten by the
 * caller). out needs room for n + 1 bytes. */
static inline __attribute__((always_inline)) int
quick(const dc_normalizer *nz, const unsigned char *s, size_t n,
      const uint32_t *isb, const uint32_t *ise, const uint8_t *ihw,
      const bool ident, dc_norm *out, uint32_t *ev)
{
    size_t flagged[32], nf = 0;
    unsigned pL = 0, pE = 0, pW = 0, pD = 0, pWS = 0, pDB = 0, pA = 0;
    __m128i px = _mm_setzero_si128(), plx = _mm_setzero_si128();
    const __m128i sp20 = _mm_set1_epi8(0x20);
    for (size_t j = 0; j < n; j += 16) {
        size_t r = n - j < 16 ? n - j : 16;
        unsigned valid = r == 16 ? 0xffffu : (1u << r) - 1;
        __m128i x;
        if (r == 16) {
            x = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
        } else if (n >= 16) {
            /* The 16 bytes that end the text, moved down through memory so
             * that zeros follow them: no read past the end. */
            unsigned char tmp[32] = {0};
            _mm_storeu_si128(
                (__m128i *)(void *)tmp,
                _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)));
            x = _mm_loadu_si128((const __m128i *)(const void *)(tmp + 16 - r));
        } else {
            unsigned char tmp[16] = {0};
            memcpy(tmp, s + j, r);
            x = _mm_loadu_si128((const __m128i *)(const void *)tmp);
        }
        /* Bytes of UTF-8 sequences (stage 1 output) are kept as they are,
         * like punctuation; on the caller's text they mean it is not
         * ASCII. */
        unsigned HI = (unsigned)_mm_movemask_epi8(x);
        if (ident && (HI & valid))
            return Q_OTHER;
        __m128i lx = _mm_or_si128(x, sp20);
        __m128i isl =
            _mm_and_si128(_mm_cmpgt_epi8(lx, _mm_set1_epi8('a' - 1)),
                          _mm_cmplt_epi8(lx, _mm_set1_epi8('z' + 1)));
        unsigned L = (unsigned)_mm_movemask_epi8(isl) & valid;
        unsigned D = mask_in(x, '0', '9');
        unsigned NL = mask_eq(x, '\n');
        unsigned WS = mask_eq(x, ' ') | NL;
        unsigned CTL = ((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, sp20)) &
                        ~NL & ~HI) |
                       mask_eq(x, 0x7f);
        unsigned AT = mask_eq(x, '@');
        unsigned DB = mask_eq(x, '$') | mask_eq(x, '|');
        unsigned BP = mask_eq(x, '!') | mask_eq(x, '+');
        unsigned MK = mask_eq(x, '*') | mask_eq(x, '#') | mask_eq(x, '%');
        unsigned W = L | D | AT | DB | BP | MK, E = L | D;
        /* Windows over this chunk (bits 16-31) and the previous one (0-15):
         * bit k of w >> (16 - d) is the class of byte k - d. Bits above 15
         * of what comes out are cut by valid. */
        uint32_t wE = E << 16 | pE, wL = L << 16 | pL, wW = W << 16 | pW;
        uint32_t wD = D << 16 | pD, wWS = WS << 16 | pWS, wDB = DB << 16 | pDB;

        unsigned bad = CTL | (WS & (wWS >> 15));
        if (j == 0)
            bad |= WS & 1u;
        if (j + r == n)
            bad |= WS & (1u << (r - 1));
        /* A letter equal to the two before it (case-folded). */
        unsigned eq1 = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(lx, BACKV(lx, plx, 1)));
        unsigned eq2 = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(lx, BACKV(lx, plx, 2)));
        bad |= L & eq1 & eq2;
        /* Three single letters or digits with the same separator: maybe
         * spaced out. Seen from the byte after the third (k), they are at
         * k - 5, k - 3 and k - 1, and k - 6, k - 4, k - 2 and k are not
         * letters or digits. The byte after the end of the text (bit r of
         * the last chunk, a zero) counts; past a full last chunk, the end
         * is checked after the loop. */
        unsigned sep_eq = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(BACKV(x, px, 2), BACKV(x, px, 4)));
        uint32_t nE = ~wE;
        unsigned spaced = (nE >> 16) & (wE >> 15) & (nE >> 14) & (wE >> 13) &
                          (nE >> 12) & (wE >> 11) & (nE >> 10) & sep_eq;
        /* With a separator and a space (k. i. l), loosely: single letters
         * or digits at k - 4 and k - 1 (see quick32()). */
        uint32_t wS = nE & (wE << 1) & (nE << 2);
        spaced |= (wS & (wS << 3)) >> 16;
        /* A * # @ with white space on both sides: maybe spaced-out
         * masked letters (see quick32()). */
        unsigned A = AT | mask_eq(x, '*') | mask_eq(x, '#');
        spaced |= (wWS & (A << 16 | pA) << 1 & wWS << 2) >> 16;
        if ((bad & valid) || (spaced & (valid << 1 | 1u)))
            return Q_UNKNOWN;

        /* Where a word's rules might change something. */
        unsigned ft = (D & ((wW & ~wD) >> 15)) | (W & ~D & (wD >> 15)) |
                      (DB & (wW >> 15)) | (W & (wDB >> 15)) |
                      ((AT | BP | MK) & (wL >> 15));
        for (ft &= valid; ft; ft &= ft - 1) {
            if (nf == sizeof flagged / sizeof *flagged)
                return Q_UNKNOWN;
            flagged[nf++] = j + (size_t)__builtin_ctz(ft);
        }

        __m128i lower = _mm_or_si128(x, _mm_and_si128(isl, sp20));
        if (!ident) { /* the map is stage 1's, which ends at n */
            if (j + 16 <= out->cap)
                _mm_storeu_si128((__m128i *)(void *)(out->text + j), lower);
            else {
                unsigned char tmp[16];
                _mm_storeu_si128((__m128i *)(void *)tmp, lower);
                memcpy(out->text + j, tmp, r);
            }
            memcpy(out->src_begin + j, isb + j, r * sizeof *isb);
            memcpy(out->src_end + j, ise + j, r * sizeof *ise);
            memcpy(out->how + j, ihw + j, r);
        } else if (j + 16 <= out->cap) { /* the tail too, given the room */
            _mm_storeu_si128((__m128i *)(void *)(out->text + j), lower);
            iota8(out->src_begin + j, (uint32_t)j);
            iota8(out->src_begin + j + 8, (uint32_t)j + 8);
            iota8(out->src_end + j, (uint32_t)j + 1);
            iota8(out->src_end + j + 8, (uint32_t)j + 9);
            memset(out->how + j, 0, 16);
        } else {
            unsigned char tmp[16];
            _mm_storeu_si128((__m128i *)(void *)tmp, lower);
            memcpy(out->text + j, tmp, r);
            for (size_t k = 0; k < r; k++) {
                out->src_begin[j + k] = (uint32_t)(j + k);
                out->src_end[j + k] = (uint32_t)(j + k) + 1;
            }
            memset(out->how + j, 0, r);
        }
        pL = L, pE = E, pW = W, pD = D, pWS = WS, pDB = DB, pA = A;
        px = x, plx = lx;
    }
    if (n % 16 == 0 && spaced_at_end(nz->cls, s, n))
        return Q_UNKNOWN;
    bool cut = false; /* not looked for by this pass */
    return quick_words(nz, s, n, 0, flagged, nf, isb, ise, ihw, ident, out,
                       ev, &cut);
}

static int quick_ascii(const dc_normalizer *nz, const unsigned char *s,
                       size_t n, dc_norm *out, uint32_t *ev)
{
    return quick(nz, s, n, NULL, NULL, NULL, true, out, ev);
}

static int quick_mapped(const dc_normalizer *nz, const dc_norm *mid,
                        dc_norm *out)
{
    uint32_t ev;
    return quick(nz, (const unsigned char *)mid->text, mid->len,
                 mid->src_begin, mid->src_end, mid->how, false, out, &ev);
}
#endif

#if HAVE_AVX2_PATH
/* ---- The thirty-two-byte pass (AVX2) ---------------------------------------
 * quick() again, 32 bytes a step, with fewer instructions a chunk: letters
 * and digits are one signed compare each, the symbols the word rules care
 * about come out of two 16-entry tables (pshufb on the low and the high
 * nibble, ANDed: each class bit is a set of high nibbles times a set of low
 * ones), and the windows over the previous chunk are 64-bit words. Chosen
 * at normalizer build when the CPU has AVX2 (dc_normalizer_set_avx2() turns
 * it off for tests). */

/* Class bits of the nibble tables, (high nibbles, low nibbles) of the
 * bytes they stand for. The classes the pass asks about are pairs of bits,
 * 7-6, 5-4, 3-2 and 1-0, so that one OR with the bits shifted down by one
 * puts each class in a single bit (see pair_bit()). */
#define C_SP 0x01u   /* ' ': (2, 0)                       white space */
#define C_NL 0x02u   /* '\n': (0, A)                      white space */
#define C_AT 0x04u   /* '@': (4, 0)                       leet or mask */
#define C_BPMK 0x08u /* '!' '+' '*' '#' '%': (2, 1B35A)   leet or mask */
#define C_DLR 0x10u  /* '$': (2, 4)                       '$' or '|' */
#define C_PIPE 0x20u /* '|': (7, C)                       '$' or '|' */
#define C_CTL0 0x40u /* 0x00-0x0f but '\n': (0, not A)    control */
#define C_CTL1 0x80u /* 0x10-0x1f: (1, any)               control */

/* Bit k: byte k of y (the class bits ORed with themselves shifted down by
 * one) has bit b, b odd. The 16-bit shift cannot carry a byte's bits into
 * bit 7 of another. */
#define pair_bit(y, b)                                                         \
    ((uint32_t)_mm256_movemask_epi8((b) == 7 ? (y)                             \
                                             : _mm256_slli_epi16(y, 7 - (b))))

/* Bytes x moved up by k (1 <= k <= 16), the low ones from the top of the
 * previous chunk: pv is [previous high lane, x's low lane]. */
#define BACK32(x, pv, k) _mm256_alignr_epi8(x, pv, 16 - (k))

/* What quick32() reads past the end of the text: '"', punctuation that no
 * rule looks at (not a letter, digit, white space, symbol or control
 * character), so that no mask needs cutting to the text. */
#define PAD32 _mm256_set1_epi8('"')

/* The n < 32 bytes at s, PAD32 after them, in overlapping loads that stay
 * inside s[0..n). */
AVX2_INLINE __m256i load_short(const unsigned char *s, size_t n)
{
    unsigned char tmp[32];
    _mm256_storeu_si256((__m256i *)(void *)tmp, PAD32);
    if (n >= 16) {
        _mm_storeu_si128((__m128i *)(void *)tmp,
                         _mm_loadu_si128((const __m128i *)(const void *)s));
        _mm_storeu_si128(
            (__m128i *)(void *)(tmp + n - 16),
            _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)));
    } else if (n >= 8) {
        memcpy(tmp, s, 8);
        memcpy(tmp + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(tmp, s, 4);
        memcpy(tmp + n - 4, s + n - 4, 4);
    } else {
        for (size_t k = 0; k < n; k++)
            tmp[k] = s[k];
    }
    return _mm256_loadu_si256((const __m256i *)(const void *)tmp);
}

/* Where fold() can take over from a chunk pass that started at the restart
 * point i0 and proved s[i0..lim) (no rule shrinks it, its words are
 * flagged) but not what follows: the last restart point at or before lim,
 * a space that ends a token of two bytes or more (restart_at()). There the
 * whole pass would stand with no white space pending, and no spaced-out run
 * can cross it: those are single letters or digits, and one that ends
 * before it ends before lim. Returns i0 when there is no such space after
 * it. */
static size_t restart_point(const dc_normalizer *nz, const unsigned char *s,
                            size_t lim, size_t i0)
{
    for (size_t q = lim; q > i0 && q >= 2; q--)
        if (restart_at(nz, s, q))
            return q;
    return i0;
}

/* quick32()'s vector constants, read through a pointer the compiler
 * cannot see through: GCC 12 otherwise rebuilds each broadcast inside the
 * loop from an immediate (three instructions) once it runs out of vector
 * registers, where a memory operand costs nothing. */
enum { Q_LO, Q_HI, Q_20, Q_LADD, Q_LTOP, Q_DADD, Q_DTOP, Q_0F, Q_7F, Q_IOTA,
       Q_ONE, Q_8, Q_16, Q_SPC, Q_EF, Q_CUT, Q_APOS, Q_R, Q_E, Q_NSP, Q_NK };
#define B32(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, \
               v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
#define D32(v) v, 0, 0, 0
#define LO16                                                                   \
    C_SP | C_AT | C_CTL0 | C_CTL1, C_BPMK | C_CTL0 | C_CTL1, C_CTL0 | C_CTL1, \
        C_BPMK | C_CTL0 | C_CTL1, C_DLR | C_CTL0 | C_CTL1,                    \
        C_BPMK | C_CTL0 | C_CTL1, C_CTL0 | C_CTL1, C_CTL0 | C_CTL1,           \
        C_CTL0 | C_CTL1, C_CTL0 | C_CTL1, C_NL | C_BPMK | C_CTL1,             \
        C_BPMK | C_CTL0 | C_CTL1, C_PIPE | C_CTL0 | C_CTL1, C_CTL0 | C_CTL1,  \
        C_CTL0 | C_CTL1, C_CTL0 | C_CTL1
#define HI16                                                                   \
    C_NL | C_CTL0, C_CTL1, C_SP | C_BPMK | C_DLR, 0, C_AT, 0, 0, C_PIPE, 0, 0, \
        0, 0, 0, 0, 0, 0
#define CUT16                                                                  \
    0x10, 0x10, 0x10, 0x63, 0x64, 0x10, 0x10, 0x27, 0x10, 0x10, 0x10, 0x10,    \
        0x10, 0x6d, 0x6e, 0x10
_Alignas(32) static const uint8_t q32k[Q_NK][32] = {
    [Q_LO] = {LO16, LO16}, /* class bits by low nibble, in each lane */
    [Q_HI] = {HI16, HI16}, /* by high nibble (0-7; 8-F have none) */
    [Q_20] = {B32(0x20)},
    [Q_LADD] = {B32(0x05)}, /* lx + 5: a letter is 0x66..0x7f */
    [Q_LTOP] = {B32(0x65)}, /* and then above this */
    [Q_DADD] = {B32(0x46)}, /* x + 0x46: a digit is 0x76..0x7f */
    [Q_DTOP] = {B32(0x75)}, /* and then above this */
    [Q_0F] = {B32(0x0f)},
    [Q_7F] = {B32(0x7f)},
    [Q_IOTA] = {D32(0), D32(1), D32(2), D32(3), D32(4), D32(5), D32(6), D32(7)},
    [Q_ONE] = {D32(1), D32(1), D32(1), D32(1), D32(1), D32(1), D32(1), D32(1)},
    [Q_8] = {D32(8), D32(8), D32(8), D32(8), D32(8), D32(8), D32(8), D32(8)},
    [Q_16] = {D32(16), D32(16), D32(16), D32(16), D32(16), D32(16), D32(16),
              D32(16)},
    [Q_SPC] = {B32(' ')},
    [Q_EF] = {B32(0xef)},
    /* By low nibble, the byte x | 0x20 & 0xef must be to end a
     * contraction cut in two after one byte (see quick32()): 'c' or 's'
     * (3), 'd' or 't' (4), '\'' or '7' (7), 'm' or '}' (D), 'n' or '~'
     * (E); 0x10 (bit 4 set) for no byte. */
    [Q_CUT] = {CUT16, CUT16},
    [Q_APOS] = {B32('\'')},
    [Q_R] = {B32('r')},
    [Q_E] = {B32('e')},
    [Q_NSP] = {B32(0xfe)}, /* every class bit but C_SP */
};
#undef B32
#undef D32
#undef LO16
#undef HI16
#undef CUT16

/* The classes of quick32()'s masks that the byte c has, as bits: 1 a
 * letter, 2 a digit, 4 '$' or '|' (DB), 8 '@' '!' '+' '*' '#' '%' (ALM).
 * A non-ASCII byte has none. */
static inline unsigned prev_bits(unsigned c)
{
    if ((c | 0x20) - 'a' < 26u)
        return 1;
    if (c - '0' < 10u)
        return 2;
    if (c == '$' || c == '|')
        return 4;
    return c == '@' || c == '!' || c == '+' || c == '*' || c == '#' ||
                   c == '%'
               ? 8
               : 0;
}

/* quick() 32 bytes a step over s[i0..n), where i0 is 0 or a restart point,
 * writing delta bytes before the input position (what fold() cut before
 * i0). With ident the text must be ASCII. Returns Q_DONE, Q_RESTART when
 * the output is right up to *from, a restart point at or after i0, but a
 * rule may shrink the text at *lim, or Q_UNKNOWN when the output is right
 * only up to i0. Without src_map (ident only) the offset map's src_begin
 * and src_end are left unwritten where they are the identity (how[] is
 * written all the same): see dc_normalizer_set_lazy_map(). On Q_DONE from
 * i0 == 0, *cut says whether the output may hold a contraction cut in two
 * (join_contractions()); it is left alone otherwise. */
AVX2_INLINE int quick32(const dc_normalizer *nz, const unsigned char *s,
                        size_t n, size_t i0, size_t delta, const uint32_t *isb,
                        const uint32_t *ise, const uint8_t *ihw,
                        const bool ident, const bool src_map, dc_norm *out,
                        uint32_t *ev, size_t *from, size_t *lim_out, bool *cut)
{
    const uint8_t *cls = nz->cls;
    /* Leading white space is dropped: not for this pass. */
    if (i0 == 0 && n && cls[s[0]] <= K_NL)
        return Q_UNKNOWN;
    /* Hidden from the optimizer: see q32k. */
    const __m256i *kv = (const __m256i *)(const void *)q32k;
    __asm__("" : "+r"(kv));
#define KV(i) _mm256_load_si256(kv + (i))
    size_t flagged[32], nf = 0;
    /* The previous chunk's masks: only the top bit of pWS is read, and
     * pdd says that its last byte is a digit, '$' or '|'. The last byte's
     * other classes, which only the flagged-word test reads, are taken
     * from the byte itself there (prev_bits()). */
    uint32_t pWS = 0, pdd = 0;
    uint64_t pE = 0;
    __m256i plx = _mm256_setzero_si256(), cuts = _mm256_setzero_si256();
    size_t lim = n; /* the first byte where a rule may shrink the text */
    bool pair = false; /* what stops the pass at lim is white space only */
/* The step after the chunk's masks: windows, contraction ends, what stops
 * the pass, the stores. */
#define Q32_TAIL(E, CTL, D, DB)                                                \
        __m256i pv = _mm256_permute2x128_si256(plx, lx, 0x21);                 \
        __m256i lx1 = BACK32(lx, pv, 1), lx2 = BACK32(lx, pv, 2);              \
        /* A letter equal to the two before it (case-folded). */               \
        uint32_t tri = (uint32_t)_mm256_movemask_epi8(                         \
            _mm256_and_si256(_mm256_cmpeq_epi8(lx, lx1),                       \
                             _mm256_cmpeq_epi8(lx, lx2)));                     \
        /* Where a contraction cut in two may end, for join_contractions(),    \
         * which scanned every comment's output (5% of the bench corpus's      \
         * comments have a candidate). Seen from byte k: a space at k - 2,     \
         * one of t m s d n at k - 1 and no letter at k ("don t", "do          \
         * n't"); a space at k - 2 and an apostrophe at k - 1 ("they 're");    \
         * " re" at k - 3 and no letter at k ("they re"). A superset of        \
         * what contraction_at() joins (Q_CUT's sets are wider); the words     \
         * that quick_words() rewrites it looks at itself. ORed up as          \
         * vectors, one movemask at the end; only from the text's start,       \
         * where the result is used. */                                        \
        if (i0 == 0) {                                                         \
            __m256i one = _mm256_or_si256(                                     \
                _mm256_andnot_si256(                                           \
                    isl,                                                       \
                    _mm256_cmpeq_epi8(_mm256_and_si256(lx1, KV(Q_EF)),         \
                                      _mm256_shuffle_epi8(KV(Q_CUT), lx1))),   \
                _mm256_cmpeq_epi8(lx1, KV(Q_APOS)));                           \
            __m256i re = _mm256_andnot_si256(                                  \
                isl, _mm256_and_si256(                                         \
                         _mm256_cmpeq_epi8(BACK32(lx, pv, 3), KV(Q_SPC)),      \
                         _mm256_and_si256(_mm256_cmpeq_epi8(lx2, KV(Q_R)),     \
                                          _mm256_cmpeq_epi8(lx1, KV(Q_E)))));  \
            cuts = _mm256_or_si256(                                            \
                cuts, _mm256_or_si256(                                         \
                          re, _mm256_and_si256(                                \
                                  one, _mm256_cmpeq_epi8(lx2, KV(Q_SPC)))));   \
        }                                                                      \
        uint32_t bad = (CTL) | (WS & (WS << 1 | pWS >> 31)) | (L & tri);       \
        /* Three single letters or digits with the same separator, seen from   \
         * the byte after the third (k): bytes k, k - 2 and k - 4 are not      \
         * letters or digits but follow one, byte k - 6 is not one either.     \
         * The separators are compared case-folded, a superset. As in          \
         * quick(), the byte after the end of the text counts: PAD32 is not    \
         * a letter or digit (nor is what lies further). */                    \
        uint32_t sep_eq = (uint32_t)_mm256_movemask_epi8(                      \
            _mm256_cmpeq_epi8(lx2, BACK32(lx, pv, 4)));                        \
        uint64_t wE = (uint64_t)(E) << 32 | pE;                                \
        /* wS: a single letter or digit ends before byte k (k - 1 is one,      \
         * k - 2 and k are not). Three of them two bytes apart, with the       \
         * same byte after the first two, are the test above. */               \
        uint64_t wS = ~wE & (wE << 1) & ~(wE << 2), w2 = wS & (wS << 2);       \
        /* With a separator and a space (k. i. l), loosely: two single         \
         * letters or digits three bytes apart, at k - 4 and k - 1. The        \
         * separators, the spaces and a third letter are not looked at:        \
         * the third would cost two instructions a chunk more (0.1M on the     \
         * bench corpus) and prose seldom has even two (75 of the bench        \
         * corpus's 18,486 comments, most of them "I 'm"). */                  \
        uint64_t w3 = wS & (wS << 3);                                          \
        uint32_t spaced = ((uint32_t)((w2 & (w2 << 2)) >> 32) & sep_eq) |      \
                          (uint32_t)(w3 >> 32);                                \
                                                                               \
        __m256i lower = _mm256_or_si256(x, _mm256_and_si256(isl, KV(Q_20)));   \
        bool room = oj + 32 <= out->cap;                                       \
        if (room)                                                              \
            _mm256_storeu_si256((__m256i *)(void *)(out->text + oj), lower);   \
        else {                                                                 \
            unsigned char tmp[32];                                             \
            _mm256_storeu_si256((__m256i *)(void *)tmp, lower);                \
            memcpy(out->text + oj, tmp, r);                                    \
        }                                                                      \
        if (!ident) { /* the map is stage 1's, which ends at n */              \
            /* The same copies twice on purpose: with a constant size they     \
             * become vector moves, not three memcpy calls a chunk             \
             * (merging them cost 0.4M instructions on the bench corpus). */   \
            if (r == 32) {                                                     \
                memcpy(out->src_begin + oj, isb + j, 32 * sizeof *isb);        \
                memcpy(out->src_end + oj, ise + j, 32 * sizeof *ise);          \
                memcpy(out->how + oj, ihw + j, 32);                            \
            } else {                                                           \
                memcpy(out->src_begin + oj, isb + j, r * sizeof *isb);         \
                memcpy(out->src_end + oj, ise + j, r * sizeof *ise);           \
                memcpy(out->how + oj, ihw + j, r);                             \
            }                                                                  \
        } else if (!src_map) { /* the identity, left unwritten */              \
            if (room)                                                          \
                _mm256_storeu_si256((__m256i *)(void *)(out->how + oj),        \
                                    _mm256_setzero_si256());                   \
            else                                                               \
                memset(out->how + oj, 0, r);                                   \
        } else if (room) { /* the tail too */                                  \
            __m256i b0 =                                                       \
                _mm256_add_epi32(_mm256_set1_epi32((int)j), KV(Q_IOTA));       \
            __m256i e0 = _mm256_add_epi32(b0, KV(Q_ONE));                      \
            __m256i d8 = KV(Q_8), d16 = KV(Q_16);                              \
            __m256i b1 = _mm256_add_epi32(b0, d8);                             \
            __m256i e1 = _mm256_add_epi32(e0, d8);                             \
            uint32_t *ob = out->src_begin + oj, *oe = out->src_end + oj;       \
            _mm256_storeu_si256((__m256i *)(void *)ob, b0);                    \
            _mm256_storeu_si256((__m256i *)(void *)(ob + 8), b1);              \
            _mm256_storeu_si256((__m256i *)(void *)(ob + 16),                  \
                                _mm256_add_epi32(b0, d16));                    \
            _mm256_storeu_si256((__m256i *)(void *)(ob + 24),                  \
                                _mm256_add_epi32(b1, d16));                    \
            _mm256_storeu_si256((__m256i *)(void *)oe, e0);                    \
            _mm256_storeu_si256((__m256i *)(void *)(oe + 8), e1);              \
            _mm256_storeu_si256((__m256i *)(void *)(oe + 16),                  \
                                _mm256_add_epi32(e0, d16));                    \
            _mm256_storeu_si256((__m256i *)(void *)(oe + 24),                  \
                                _mm256_add_epi32(e1, d16));                    \
            _mm256_storeu_si256((__m256i *)(void *)(out->how + oj),            \
                                _mm256_setzero_si256());                       \
        } else {                                                               \
            ident_map32(out, oj, j, r); /* no room for whole vectors */        \
        }                                                                      \
        if (bad | spaced) {                                                    \
            /* A spaced-out run starts 5 bytes before the bit that finds it,   \
             * or 4 with a separator and a space: fold() takes over from 8     \
             * bytes before the bit, before both, but not before i0 (no        \
             * run crosses it, and fold() must get past it). */                \
            size_t fs = spaced ? j + (size_t)__builtin_ctz(spaced) : n + 8;    \
            lim = bad ? j + (size_t)__builtin_ctz(bad) : n;                    \
            lim = fs < i0 + 8 ? i0 : fs - 8 < lim ? fs - 8 : lim;              \
            pair = !spaced && !(bad & -bad & ((CTL) | (L & tri)));             \
            goto q32_stop;                                                     \
        }                                                                      \
        pWS = WS, pE = E, pdd = ((D) | (DB)) >> 31;                            \
        plx = lx;
    for (size_t j = i0; j < n; j += 32) {
        size_t r = n - j < 32 ? n - j : 32, oj = j - delta;
        __m256i x;
        if (r == 32) {
            x = _mm256_loadu_si256((const __m256i *)(const void *)(s + j));
        } else if (n >= 32) {
            /* The 32 bytes that end the text, moved down through memory so
             * that PAD32 follows them: no read past the end. */
            unsigned char tmp[64];
            _mm256_storeu_si256(
                (__m256i *)(void *)tmp,
                _mm256_loadu_si256((const __m256i *)(const void *)(s + n - 32)));
            _mm256_storeu_si256((__m256i *)(void *)(tmp + 32), PAD32);
            x = _mm256_loadu_si256(
                (const __m256i *)(const void *)(tmp + 32 - r));
        } else {
            x = load_short(s + j, r);
        }
        __m256i lx = _mm256_or_si256(x, KV(Q_20));
        /* lx - 'a' < 26 as one signed compare with the constant on the
         * right, where it is a memory operand: lx + 5 is 0x66..0x7f, the
         * top of the signed range (what lies above 'z' wraps below it). */
        __m256i isl = _mm256_cmpgt_epi8(_mm256_add_epi8(lx, KV(Q_LADD)),
                                        KV(Q_LTOP));
        uint32_t L = (uint32_t)_mm256_movemask_epi8(isl);
        __m256i isd =
            _mm256_cmpgt_epi8(_mm256_add_epi8(x, KV(Q_DADD)), KV(Q_DTOP));
        __m256i c = _mm256_and_si256(
            _mm256_shuffle_epi8(KV(Q_LO), x),
            _mm256_shuffle_epi8(
                KV(Q_HI), _mm256_and_si256(_mm256_srli_epi16(x, 4), KV(Q_0F))));
        __m256i del = _mm256_cmpeq_epi8(x, KV(Q_7F));
        /* A plain chunk (letters, spaces, punctuation without a class: most
         * of prose) has no digit, symbol, control character or line break,
         * and no digit or symbol ended the chunk before it: no word of it
         * is flagged, and its white space is its spaces. One test, and the
         * masks it rules out are not made. */
        __m256i odd = _mm256_or_si256(
            _mm256_or_si256(isd, del), _mm256_and_si256(c, KV(Q_NSP)));
        const bool plain =
            _mm256_testz_si256(odd, odd) && !pdd;
        if (plain) {
            /* The rest of the step, written once for each kind of chunk
             * so that a plain one carries no masks it does not have. */
            const uint32_t WS =
                (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(c, 7));
            Q32_TAIL(L, 0u, 0u, 0u)
            continue;
        }
        const uint32_t D = (uint32_t)_mm256_movemask_epi8(isd);
        __m256i y = _mm256_or_si256(c, _mm256_slli_epi16(c, 1));
        const uint32_t WS = pair_bit(y, 1), ALM = pair_bit(y, 3);
        const uint32_t DB = pair_bit(y, 5);
        const uint32_t CTL =
            pair_bit(y, 7) | (uint32_t)_mm256_movemask_epi8(del);
        const uint32_t E = L | D, N = L | DB | ALM, W = N | D;

        /* Where a word's rules might change something (as in quick()):
         * only next to a digit or a symbol. */
        if ((D | DB | ALM | pdd) != 0) {
            unsigned pb = j > i0 ? prev_bits(s[j - 1]) : 0;
            uint32_t pL = pb & 1, pD = pb >> 1 & 1, pDB = pb >> 2 & 1,
                     pN = pL | pDB | (pb >> 3 & 1);
            uint32_t ft = (D & (N << 1 | pN)) |
                          (N & (D << 1 | pD)) |
                          (DB & (W << 1 | pN | pD)) |
                          (W & (DB << 1 | pDB)) |
                          (ALM & (L << 1 | pL)) |
                          /* a lone symbol: see quick_words() */
                          (ALM & (WS << 1 | pWS >> 31) & ~(E >> 1));
            for (; ft; ft &= ft - 1) {
                if (nf == sizeof flagged / sizeof *flagged)
                    return Q_UNKNOWN;
                flagged[nf++] = j + (size_t)__builtin_ctz(ft);
            }
        }

        Q32_TAIL(E, CTL, D, DB)
    }
q32_stop:
#undef Q32_TAIL
    if (lim == n && n > i0) {
        if (cls[s[n - 1]] <= K_NL) /* trailing white space is dropped */
            lim = n - 1;
        else if ((n - i0) % 32 == 0 && spaced_at_end(cls, s, n))
            lim = n < 6 ? 0 : n - 6;
    }
    bool near = false;
    if (lim == n) {
        int r = quick_words(nz, s, n, delta, flagged, nf, isb, ise, ihw, ident,
                            out, ev, &near);
        /* A text that ends with a full chunk may end a contraction where
         * no chunk saw it: " t" or " re" at its end. */
        if (i0 == 0)
            *cut = near || _mm256_movemask_epi8(cuts) ||
                   (n && (n & 31) == 0 && (s[n - 2] == ' ' || s[n - 3] == ' '));
        return r;
    }
    /* Two spaces between words (a sentence gap; 1,538 of the bench
     * corpus's ASCII comments have one): the output is right up to the
     * first, which words32() makes cover both. No rule reaches across
     * them: a spaced-out run needs one separator, or one and a space, from
     * letter to letter, and a word ends at a space. */
    if (pair && lim >= 2 && lim + 1 < n && s[lim - 1] == ' ' &&
        s[lim] == ' ' && cls[s[lim - 2]] > K_DROP &&
        cls[s[lim + 1]] > K_DROP) {
        while (nf && flagged[nf - 1] >= lim - 1)
            nf--;
        if (quick_words(nz, s, lim - 1, delta, flagged, nf, isb, ise, ihw,
                        ident, out, ev, &near) != Q_DONE)
            return Q_UNKNOWN;
        *from = lim - 1;
        *lim_out = lim;
        return Q_PAIR;
    }
    size_t q = restart_point(nz, s, lim, i0);
    while (nf && flagged[nf - 1] >= q)
        nf--;
    if (quick_words(nz, s, q, delta, flagged, nf, isb, ise, ihw, ident, out,
                    ev, &near) != Q_DONE)
        return Q_UNKNOWN;
    *from = q;
    *lim_out = lim;
    return Q_RESTART;
#undef KV
}

/* Whether s[0..n) is ASCII, 32 bytes at a time: cheaper up front than
 * finding out in the middle of quick32(). */
AVX2_INLINE bool ascii32(const unsigned char *s, size_t n)
{
    if (n < 32)
        return all_ascii(s, n);
    __m256i acc =
        _mm256_loadu_si256((const __m256i *)(const void *)(s + n - 32));
    for (size_t j = 0; j + 32 < n; j += 32)
        acc = _mm256_or_si256(
            acc, _mm256_loadu_si256((const __m256i *)(const void *)(s + j)));
    return _mm256_movemask_epi8(acc) == 0;
}

/* Stage 2 by quick32() where it can prove its output and by fold() over
 * the stretches where it cannot: fold() takes over at the restart point
 * before the trouble and hands back at the first one past it. The first
 * time that is one byte past (most texts have one double space or one
 * stretched word, and the chunk pass is much cheaper than fold()); each
 * later time twice as far, up to 32 bytes, so that a text full of trouble
 * still costs at most about twice fold().
 * Returns the output length, with *ev the evasion bits when *folded stays
 * false, or SIZE_MAX when (ident) the text is not ASCII. *cut is false
 * when the first quick32() did the whole text and found no contraction
 * cut in two. */
AVX2_INLINE size_t words32(const dc_normalizer *nz, const unsigned char *s,
                           size_t n, const uint32_t *isb, const uint32_t *ise,
                           const uint8_t *ihw, const bool ident, dc_norm *out,
                           uint32_t *ev, bool *folded, bool *cut)
{
    *cut = true;
    if (ident && !ascii32(s, n))
        return SIZE_MAX;
    size_t i = 0, delta = 0, gap = 1;
    for (;;) {
        size_t q = i, lim = SIZE_MAX - 32, at;
        int r;
        if (ident && i == 0 && nz->lazy_map) {
            /* Most ASCII texts are done by this first call (85% of the
             * bench corpus): their map is the identity, left unwritten
             * (dc_norm.ident_map). Else it is written for the output
             * right so far, before fold() extends its last range. */
            r = quick32(nz, s, n, 0, 0, isb, ise, ihw, true, false, out, ev,
                        &q, &lim, cut);
            if (r == Q_DONE) {
                out->ident_map = true;
                return n;
            }
            ident_src32(out, 0, 0, r == Q_RESTART || r == Q_PAIR ? q : 0);
        } else {
            r = quick32(nz, s, n, i, delta, isb, ise, ihw, ident, true, out,
                        ev, &q, &lim, cut);
            if (r == Q_DONE)
                return n - delta;
        }
        *folded = true;
        if (r == Q_PAIR) {
            /* s[q] and s[q + 1] are spaces between words: one space,
             * mapped to both, as fold() writes a white-space run. Then
             * the chunk pass from the word after them, where the whole
             * pass stands with that space written and nothing pending, so
             * fold() may take over there too. quick32() takes the bytes
             * before its start for no letter, digit, symbol or white
             * space: right for the two spaces but the last, which matters
             * only next to more white space, and the word starts with
             * none. */
            size_t o = q - delta;
            out->text[o] = ' ';
            out->src_begin[o] = ident ? (uint32_t)q : isb[q];
            out->src_end[o] = ident ? (uint32_t)q + 2 : ise[q + 1];
            out->how[o] = ident ? 0 : (uint8_t)(ihw[q] | ihw[q + 1]);
            delta++;
            i = q + 2;
            continue;
        }
        /* A restart point has two bytes before it: fold() reads them. */
        size_t stop = lim + gap < 2 ? 2 : lim + gap;
        size_t o = fold(nz, s, n, q, q - delta, stop, isb, ise, ihw, ident,
                        out, &at);
        gap = gap < 32 ? 2 * gap : 32;
        if (at >= n)
            return o;
        delta = at - o;
        i = at;
    }
}

/* The OR of h[0..n), n >= 32: the evasion bits of an output. */
AVX2 static uint32_t or_bytes32(const uint8_t *h, size_t n)
{
    __m256i acc =
        _mm256_loadu_si256((const __m256i *)(const void *)(h + n - 32));
    for (size_t k = 0; k + 32 < n; k += 32)
        acc = _mm256_or_si256(
            acc, _mm256_loadu_si256((const __m256i *)(const void *)(h + k)));
    __m128i a = _mm_or_si128(_mm256_castsi256_si128(acc),
                             _mm256_extracti128_si256(acc, 1));
    a = _mm_or_si128(a, _mm_srli_si128(a, 8));
    a = _mm_or_si128(a, _mm_srli_si128(a, 4));
    uint32_t w = (uint32_t)_mm_cvtsi128_si32(a);
    w |= w >> 16;
    w |= w >> 8;
    return w & 0xff;
}

AVX2 static size_t words32_ascii(const dc_normalizer *nz,
                                 const unsigned char *s, size_t n,
                                 dc_norm *out, uint32_t *ev, bool *folded,
                                 bool *cut)
{
    return words32(nz, s, n, NULL, NULL, NULL, true, out, ev, folded, cut);
}

AVX2 static size_t words32_mapped(const dc_normalizer *nz, const dc_norm *mid,
                                  dc_norm *out, bool *cut)
{
    uint32_t ev;
    bool folded = false;
    return words32(nz, (const unsigned char *)mid->text, mid->len,
                   mid->src_begin, mid->src_end, mid->how, false, out, &ev,
                   &folded, cut);
}
#endif

static size_t fold_mapped(const dc_normalizer *nz, const dc_norm *mid,
                          dc_norm *out)
{
    size_t at;
    return fold(nz, (const unsigned char *)mid->text, mid->len, 0, 0,
                SIZE_MAX, mid->src_begin, mid->src_end, mid->how, false, out,
                &at);
}

/* ---------------------------------------------------------------------- */
/* Entry points                                                            */
/* ---------------------------------------------------------------------- */

static void build_tables(dc_normalizer *nz)
{
    for (unsigned c = 0; c < 256; c++) {
        uint8_t k;
        if (c >= 0x80)
            k = K_OTHER;
        else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f')
            k = K_SPACE;
        else if (c == '\n')
            k = K_NL;
        else if (c < 0x20 || c == 0x7f)
            k = K_DROP;
        else if (c - 'a' < 26u || c - 'A' < 26u)
            k = K_LETTER;
        else if (c - '0' < 10u)
            k = K_DIGIT;
        else if (c == '@' || c == '$' || c == '!' || c == '|' || c == '+')
            k = K_LEET;
        else if (c == '*' || c == '#' || c == '%')
            k = K_MASK;
        else
            k = K_PUNCT;
        nz->cls[c] = k;
        nz->lower[c] = (uint8_t)(c - 'A' < 26u ? c + 32 : c);
    }
    static const char leet_from[] = "4@31!05$7|+69";
    static const char leet_to[] = "aaeiiosstltgg";
    for (size_t k = 0; leet_from[k]; k++)
        nz->leet[(unsigned char)leet_from[k]] = (uint8_t)leet_to[k];
    /* 6 and 9 for g ("ni66er", "fa9got") only between letters: at a
     * word's end they are model numbers ("iphone6", "k9"). */
    nz->leet_inner['6'] = nz->leet_inner['9'] = 1;
    static const char seps[] = " .-_*|/\\~+^=#";
    for (size_t k = 0; seps[k]; k++)
        nz->sep[(unsigned char)seps[k]] = 1;
    static const char strong[] = "*#@", weak[] = "_-.";
    for (unsigned c = 0; c < 128; c++)
        nz->mel[c] = nz->cls[c] == K_LETTER ? M_LETTER : 0;
    for (size_t k = 0; strong[k]; k++)
        nz->mel[(unsigned char)strong[k]] = M_MASK | M_STRONG;
    for (size_t k = 0; weak[k]; k++)
        nz->mel[(unsigned char)weak[k]] = M_MASK;
}

decorum_status dc_normalizer_new(const dc_alloc *al, dc_normalizer **out,
                                 decorum_error *err)
{
    *out = NULL;
    dc_normalizer *nz = dc_calloc(al, 1, sizeof *nz);
    if (!nz)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    build_tables(nz);
    nz->swar = true;
    dc_normalizer_set_avx2(nz, true); /* the CPU test lives there */
    *out = nz;
    return DECORUM_OK;
}

void dc_normalizer_set_swar(dc_normalizer *nz, bool on)
{
    nz->swar = on;
}

bool dc_normalizer_set_avx2(dc_normalizer *nz, bool on)
{
#if HAVE_AVX2_PATH
    bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi");
#else
    bool has = false;
#endif
    nz->avx2 = on && has;
    return has;
}

void dc_normalizer_set_lazy_map(dc_normalizer *nz, bool on)
{
    nz->lazy_map = on;
}

void dc_normalizer_free(const dc_alloc *al, dc_normalizer *nz)
{
    if (!nz)
        return;
    dc_free(al, nz, sizeof *nz);
}

decorum_status dc_norm_scratch_new(const dc_alloc *al, const dc_normalizer *nz,
                                   dc_norm_scratch **out)
{
    (void)nz;
    *out = dc_calloc(al, 1, sizeof **out);
    return *out ? DECORUM_OK : DECORUM_ERR_NOMEM;
}

void dc_norm_scratch_free(const dc_alloc *al, dc_norm_scratch *ns)
{
    if (!ns)
        return;
    dc_norm_release(al, &ns->mid);
    dc_free(al, ns, sizeof *ns);
}

/* The capacity stage 2 asks for when its input is n bytes: n + 1 for the
 * text and its NUL, 32 more so that the chunk passes write whole chunks at
 * its end (where max_out leaves less, they check the cap and write exactly). */
static inline size_t chunk_room(size_t n, size_t max_out)
{
    return n + 33 < max_out ? n + 33 : max_out;
}

static inline __attribute__((always_inline)) decorum_status
normalize_text(const dc_alloc *al, const dc_normalizer *nz,
               dc_norm_scratch *ns, const char *text, size_t len,
               size_t max_out, dc_norm *out, bool *cut)
{
    *cut = true;
    out->len = 0;
    out->evasions = 0;
    if (out->cap)
        out->text[0] = '\0';
    /* Offsets are 32-bit; the output can be 4x the input. */
    if (len > UINT32_MAX / 4)
        return DECORUM_ERR_TOOBIG;
    const unsigned char *s = (const unsigned char *)text;
    decorum_status st;
    size_t o = SIZE_MAX;
    int q = Q_UNKNOWN;
    uint32_t ev = 0;
    size_t room = chunk_room(len, max_out);
#ifdef __SSE2__
    if (nz->swar && len + 1 <= max_out) {
        if ((st = reserve(al, out, room, 0, max_out)) != DECORUM_OK)
            return st;
#if HAVE_AVX2_PATH
        if (nz->avx2) {
            bool folded = false;
            o = words32_ascii(nz, s, len, out, &ev, &folded, cut);
            q = o == SIZE_MAX ? Q_OTHER : folded ? Q_UNKNOWN : Q_DONE;
        } else
#endif
            q = quick_ascii(nz, s, len, out, &ev);
    }
#endif
    if (q == Q_DONE) {
        out->len = len;
        out->evasions = ev;
        out->ascii = true;
        return DECORUM_OK;
    }
    if (o != SIZE_MAX) { /* words32() folded parts of an ASCII text */
        out->ascii = true;
    } else if (q != Q_OTHER && all_ascii(s, len)) {
        if (len + 1 > max_out)
            return DECORUM_ERR_TOOBIG;
        if ((st = reserve(al, out, room, 0, max_out)) != DECORUM_OK)
            return st;
        o = fold_ascii(nz, s, len, out);
        out->ascii = true;
    } else {
        if ((st = expand(al, nz, ns, s, len, max_out)) != DECORUM_OK)
            return st;
        size_t ml = ns->mid.len;
        if (ml + 1 > max_out)
            return DECORUM_ERR_TOOBIG;
        if ((st = reserve(al, out, chunk_room(ml, max_out), 0, max_out)) !=
            DECORUM_OK)
            return st;
#if HAVE_AVX2_PATH
        if (nz->swar && nz->avx2)
            o = words32_mapped(nz, &ns->mid, out, cut);
        else
#endif
#ifdef __SSE2__
        if (nz->swar && quick_mapped(nz, &ns->mid, out) == Q_DONE)
            o = ml;
        else
#endif
            o = fold_mapped(nz, &ns->mid, out);
        out->ascii = false;
    }
    out->len = o;
#if HAVE_AVX2_PATH
    if (nz->avx2 && o >= 32) {
        out->evasions = or_bytes32(out->how, o);
        return DECORUM_OK;
    }
#endif
    uint64_t acc = 0;
    size_t k = 0;
    for (; k + 8 <= o; k += 8) {
        uint64_t w;
        memcpy(&w, out->how + k, 8);
        acc |= w;
    }
    for (; k < o; k++)
        acc |= out->how[k];
    acc |= acc >> 32;
    acc |= acc >> 16;
    acc |= acc >> 8;
    out->evasions = (uint32_t)(acc & 0xff);
    return DECORUM_OK;
}

/* ---------------------------------------------------------------------- */
/* Spaced contractions (after stage 2, on its output)                      */
/* ---------------------------------------------------------------------- */

/* A word byte for the contraction joins: a letter, a digit, an apostrophe,
 * '*' or a byte of a non-ASCII character. The output is lower case. */
static inline bool cword(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
           c == '*' || c >= 0x80;
}

/* Is the word w (wl bytes) one of the space-separated words of list? */
static bool word_in(const char *w, size_t wl, const char *list)
{
    for (const char *p = list; *p;) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n == wl && memcmp(p, w, wl) == 0)
            return true;
        if (!q)
            break;
        p = q + 1;
    }
    return false;
}

/* The words "n't" is written after ("do n't"); "t" is written after the
 * same words with their n ("don t"). */
#define NT_STEMS                                                               \
    "do does did is are was were ca could would should wo have has had ai "  \
    "must need"

/* The words a contraction's ending other than "t" is written after, by
 * ending. */
static const char *stems_for(const char *suf, size_t sl)
{
    if (sl == 1 && suf[0] == 'm')
        return "i";
    if (sl == 1 && suf[0] == 's')
        return "it that there here what who he she let where how";
    if (sl == 1 && suf[0] == 'd')
        return "i you we they he she it that who there";
    if (sl == 2 && suf[0] == 'r' && suf[1] == 'e')
        return "they you we who what";
    if (sl == 2 && suf[0] == 'v' && suf[1] == 'e')
        return "i you we they who could would should might must";
    if (sl == 2 && suf[0] == 'l' && suf[1] == 'l')
        return "i you we they he she it that who there what";
    return NULL;
}

/* What to do with the space at t[i] (0 < i, t[i] == ' '): 1 to write it
 * as an apostrophe ("don t" -> "don't", "they re" -> "they're"), 2 to
 * take it out ("do n't" -> "don't", "they 're" -> "they're", as
 * tokenized text writes them), 0 to leave it. Only after a whole word
 * that takes the ending, and only before an ending that is a whole word:
 * "can teach", "they reach", "we d-day", "jew els" stay as they are. */
static __attribute__((noinline)) int contraction_at(const char *t, size_t len,
                                                    size_t i)
{
    size_t ws = i;
    while (ws > 0 && t[ws - 1] >= 'a' && t[ws - 1] <= 'z')
        ws--;
    if (ws == i || (ws > 0 && cword((unsigned char)t[ws - 1])))
        return 0;
    const char *w = t + ws;
    size_t wl = i - ws;
    size_t b = i + 1;
    if (b < len && t[b] == 'n' && b + 2 < len && t[b + 1] == '\'' &&
        t[b + 2] == 't' && (b + 3 >= len || !cword((unsigned char)t[b + 3])))
        return word_in(w, wl, NT_STEMS) ? 2 : 0;
    int how = 1;
    if (b < len && t[b] == '\'') {
        how = 2;
        b++;
    }
    size_t se = b;
    while (se < len && se - b < 3 && t[se] >= 'a' && t[se] <= 'z')
        se++;
    /* the ending is a whole word: not "we d-day", "they re-elected",
     * "can t-shirts" */
    if (se == b || se - b > 2 ||
        (se < len && (cword((unsigned char)t[se]) || t[se] == '-')))
        return 0;
    /* "ll" and "ve" only after an apostrophe ("they 'll"): "i ll", "you
     * ve" stay apart (the vector filters never offer them, and the
     * scalar one must not either, so that every path writes the same) */
    if (how == 1 && se - b == 2 &&
        ((t[b] == 'l' && t[b + 1] == 'l') || (t[b] == 'v' && t[b + 1] == 'e')))
        return 0;
    if (se - b == 1 && t[b] == 't') /* "don t", not "don 't" */
        return how == 1 && wl >= 2 && w[wl - 1] == 'n' &&
                       word_in(w, wl - 1, NT_STEMS)
                   ? 1
                   : 0;
    const char *stems = stems_for(t + b, se - b);
    return stems && word_in(w, wl, stems) ? how : 0;
}

/* Sets the space at t[i] as contraction_at says: an apostrophe, or a NUL
 * for join_contractions to take out (counted in *dels). */
static inline void mark_contraction(char *t, size_t len, size_t i,
                                    size_t *dels)
{
    if (i == 0 || i >= len || !ending_start[(unsigned char)t[i + 1]])
        return;
    int how = contraction_at(t, len, i);
    if (how == 1) {
        t[i] = '\'';
    } else if (how == 2) {
        t[i] = '\0';
        ++*dels;
    }
}

/* Candidate spaces for contraction_at, as a bit mask of the 32 bytes from
 * t + i: a space followed by one byte and then no letter (" t ", " n't",
 * and " a ", " i ", which mark_contraction turns down by a table), by an
 * apostrophe (" 're", " 'll"), or by "re" and no letter ("they re").
 * "i ll", "you ve" without their apostrophe (42 of the 92,399 dataset
 * rows) are left: two more endings cost as much as all of these. Reads up
 * to 35 bytes past t + i, which the pad (DC_NORM_PAD zero bytes) holds
 * past the text's end. Letters are 0x80 + 0..25 after adding bias, so
 * "no letter" is one signed compare above top. */
#if HAVE_AVX2_PATH
AVX2_INLINE uint32_t contraction_bits32(const char *t, size_t i)
{
    const __m256i bias = _mm256_set1_epi8((char)(0x80 - 'a'));
    const __m256i top = _mm256_set1_epi8((char)(0x80 + 25));
    const __m256i *p = (const __m256i *)(const void *)(t + i);
    __m256i x2 =
        _mm256_loadu_si256((const __m256i *)(const void *)(t + i + 1));
    __m256i x3 =
        _mm256_loadu_si256((const __m256i *)(const void *)(t + i + 2));
    __m256i n3 = _mm256_cmpgt_epi8(_mm256_add_epi8(x3, bias), top);
    __m256i n4 = _mm256_cmpgt_epi8(
        _mm256_add_epi8(
            _mm256_loadu_si256((const __m256i *)(const void *)(t + i + 3)),
            bias),
        top);
    __m256i re = _mm256_and_si256(
        n4, _mm256_and_si256(_mm256_cmpeq_epi8(x2, _mm256_set1_epi8('r')),
                             _mm256_cmpeq_epi8(x3, _mm256_set1_epi8('e'))));
    __m256i any = _mm256_or_si256(
        _mm256_or_si256(n3, _mm256_cmpeq_epi8(x2, _mm256_set1_epi8('\''))),
        re);
    return (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
        _mm256_cmpeq_epi8(_mm256_loadu_si256(p), _mm256_set1_epi8(' ')), any));
}
#endif

static inline uint32_t contraction_bits(const char *t, size_t i)
{
#ifdef __SSE2__
    const __m128i bias = _mm_set1_epi8((char)(0x80 - 'a'));
    const __m128i top = _mm_set1_epi8((char)(0x80 + 25));
    uint32_t bits = 0;
    for (size_t h = 0; h < 32; h += 16) {
        const char *p = t + i + h;
        __m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
        __m128i x3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
        __m128i x4 = _mm_loadu_si128((const __m128i *)(const void *)(p + 3));
        __m128i n3 = _mm_cmpgt_epi8(_mm_add_epi8(x3, bias), top);
        __m128i n4 = _mm_cmpgt_epi8(_mm_add_epi8(x4, bias), top);
        __m128i re = _mm_and_si128(
            n4, _mm_and_si128(_mm_cmpeq_epi8(x2, _mm_set1_epi8('r')),
                              _mm_cmpeq_epi8(x3, _mm_set1_epi8('e'))));
        __m128i any = _mm_or_si128(
            _mm_or_si128(n3, _mm_cmpeq_epi8(x2, _mm_set1_epi8('\''))), re);
        bits |= (uint32_t)_mm_movemask_epi8(
                    _mm_and_si128(_mm_cmpeq_epi8(x1, _mm_set1_epi8(' ')), any))
                << h;
    }
    return bits;
#else
    uint32_t bits = 0;
    for (size_t k = 0; k < 32; k++)
        if (t[i + k] == ' ')
            bits |= (uint32_t)1 << k;
    return bits;
#endif
}

#if HAVE_AVX2_PATH
/* The first step j' >= j of 32 bytes with a candidate that passes
 * ending_start (its bits in *bits), or len. Nothing is called in the
 * loop, so the compares' constants stay in registers (with the call to
 * contraction_at inside, they were spilled and loaded again every step). */
AVX2 static size_t next_contraction32(const char *t, size_t j, size_t len,
                                      uint32_t *bits)
{
    for (; j < len; j += 32) {
        uint32_t b = contraction_bits32(t, j), keep = 0;
        for (; b; b &= b - 1) {
            unsigned k = (unsigned)__builtin_ctz(b);
            if (ending_start[(unsigned char)t[j + k + 1]])
                keep |= (uint32_t)1 << k;
        }
        if (keep) {
            *bits = keep;
            return j;
        }
    }
    return len;
}

static size_t mark_contractions32(char *t, size_t len)
{
    size_t dels = 0;
    uint32_t bits = 0;
    for (size_t j = next_contraction32(t, 0, len, &bits); j < len;
         j = next_contraction32(t, j + 32, len, &bits))
        for (; bits; bits &= bits - 1)
            mark_contraction(t, len, j + (size_t)__builtin_ctz(bits), &dels);
    return dels;
}
#endif

static size_t mark_contractions(char *t, size_t len)
{
    size_t dels = 0;
    for (size_t j = 0; j < len; j += 32)
        for (uint32_t bits = contraction_bits(t, j); bits; bits &= bits - 1)
            mark_contraction(t, len, j + (size_t)__builtin_ctz(bits), &dels);
    return dels;
}

/* "don t", "they re", "do n't", "they 're": contractions that a pipeline
 * stripped of their apostrophe or a tokenizer cut in two are written as
 * "don't" and "they're", so that the lexicon's entries ("don't" a
 * negation, "they're" a group pronoun, "can't stand" ...) and the rules
 * read them as they read the contraction. Once, here, rather than a twin
 * of every entry. The apostrophe takes the place of the space (the same
 * length, the map unchanged); a space before "n't" or "'re" is taken out,
 * and the byte before it then covers it (as a removed character does).
 * Runs after stage 2, on every path alike, over the padded text. */
static void join_contractions(dc_norm *out, bool avx2)
{
    char *t = out->text;
    size_t len = out->len, dels;
#if HAVE_AVX2_PATH
    dels = avx2 ? mark_contractions32(t, len) : mark_contractions(t, len);
#else
    (void)avx2;
    dels = mark_contractions(t, len);
#endif
    if (!dels)
        return;
    /* Taken out segment by segment (a text has one or two), not byte by
     * byte: the bytes between two NULs move down as blocks, with an
     * identity map written where they land rather than written whole and
     * then moved. The byte before a NUL covers it (invariant 5). */
    const bool ident = out->ident_map;
    out->ident_map = false;
    uint32_t *sb = out->src_begin, *se = out->src_end;
    uint8_t *hw = out->how;
    size_t o = 0, k = 0;
    bool gone = false; /* a taken-out byte had evasion bits */
    for (;;) {
        const char *z = memchr(t + k, '\0', len - k);
        size_t e = z ? (size_t)(z - t) : len, r = e - k;
        if (ident) {
            size_t q = 0;
            for (; q + 8 <= r; q += 8) {
                iota8(sb + o + q, (uint32_t)(k + q));
                iota8(se + o + q, (uint32_t)(k + q) + 1);
            }
            for (; q < r; q++) {
                sb[o + q] = (uint32_t)(k + q);
                se[o + q] = (uint32_t)(k + q) + 1;
            }
        }
        if (o != k && r) {
            memmove(t + o, t + k, r);
            memmove(hw + o, hw + k, r);
            if (!ident) {
                memmove(sb + o, sb + k, r * sizeof *sb);
                memmove(se + o, se + k, r * sizeof *se);
            }
        }
        o += r;
        if (e == len)
            break;
        se[o - 1] = ident ? (uint32_t)e + 1 : se[e];
        gone |= hw[e] != 0;
        k = e + 1;
    }
    if (gone) {
        uint32_t ev = 0;
        for (size_t q = 0; q < o; q++)
            ev |= hw[q];
        out->evasions = ev;
    }
    memset(t + o, 0, len - o); /* the pad starts at the new end */
    out->len = o;
}

decorum_status dc_normalize(const dc_alloc *al, const dc_normalizer *nz,
                            dc_norm_scratch *ns, const char *text, size_t len,
                            size_t max_out, dc_norm *out)
{
    if (!al || !nz || !ns || !out || (len && !text))
        return DECORUM_ERR_INVALID;
    out->padded = out->ident_map = false;
    bool cut;
    decorum_status st =
        normalize_text(al, nz, ns, text, len, max_out, out, &cut);
    /* The pad (see dc_norm): the chunk passes may have left bytes of
     * their last chunk past len, within cap. No buffer, no text: a len 0
     * input where no pass reserved room. */
    if (st == DECORUM_OK && out->text) {
        char *pad = out->text + out->len;
#ifdef __SSE2__
        /* six stores of 16 bytes, written out: a memset of 96 bytes was a
         * call, and a loop of stores stayed a loop */
        _Static_assert(DC_NORM_PAD == 96, "six stores");
        const __m128i z = _mm_setzero_si128();
        _mm_storeu_si128((__m128i *)(void *)pad, z);
        _mm_storeu_si128((__m128i *)(void *)(pad + 16), z);
        _mm_storeu_si128((__m128i *)(void *)(pad + 32), z);
        _mm_storeu_si128((__m128i *)(void *)(pad + 48), z);
        _mm_storeu_si128((__m128i *)(void *)(pad + 64), z);
        _mm_storeu_si128((__m128i *)(void *)(pad + 80), z);
#else
        memset(pad, 0, DC_NORM_PAD);
#endif
        out->padded = true;
        if (cut)
            join_contractions(out, nz->avx2);
    }
    return st;
}

/* ---------------------------------------------------------------------- */
/* Edits of a normalized text (canon.c's canonical text)                   */
/* ---------------------------------------------------------------------- */

/* Bytes [from, to) of in, appended to out at o with their map. */
static size_t edit_copy(const dc_norm *in, size_t from, size_t to,
                        dc_norm *out, size_t o, uint32_t *ev)
{
    size_t k = to - from;
    memcpy(out->text + o, in->text + from, k);
    memcpy(out->how + o, in->how + from, k);
    if (in->ident_map) {
        for (size_t i = 0; i < k; i++) {
            out->src_begin[o + i] = (uint32_t)(from + i);
            out->src_end[o + i] = (uint32_t)(from + i + 1);
        }
    } else {
        memcpy(out->src_begin + o, in->src_begin + from,
               k * sizeof *out->src_begin);
        memcpy(out->src_end + o, in->src_end + from, k * sizeof *out->src_end);
    }
    uint8_t h = 0;
    for (size_t i = 0; i < k; i++)
        h |= in->how[from + i];
    *ev |= h;
    return o + k;
}

decorum_status dc_norm_edit(const dc_alloc *al, const dc_norm *in,
                            const dc_edit *ed, size_t n, size_t max_out,
                            dc_norm *out)
{
    if (!al || !in || !out || out == in || (n && !ed))
        return DECORUM_ERR_INVALID;
    size_t len = in->len, last = 0;
    for (size_t i = 0; i < n; i++) {
        if (ed[i].b < last || ed[i].e < ed[i].b || ed[i].e > in->len ||
            (ed[i].rep_len && (!ed[i].rep || ed[i].e == ed[i].b)))
            return DECORUM_ERR_INVALID;
        last = ed[i].e;
        len = len - (ed[i].e - ed[i].b) + ed[i].rep_len;
    }
    decorum_status st = reserve(al, out, len + 1, 0, max_out);
    if (st != DECORUM_OK)
        return st;
    uint32_t ev = 0;
    size_t o = 0, p = 0;
    for (size_t i = 0; i < n; i++) {
        o = edit_copy(in, p, ed[i].b, out, o, &ev);
        /* a replacement maps, byte by byte, to all it replaces */
        uint32_t sb = dc_norm_src_begin(in, ed[i].b),
                 se = ed[i].e > ed[i].b ? dc_norm_src_end(in, ed[i].e - 1)
                                        : sb;
        for (uint32_t k = 0; k < ed[i].rep_len; k++, o++) {
            out->text[o] = ed[i].rep[k];
            out->src_begin[o] = sb;
            out->src_end[o] = se;
            out->how[o] = 0;
        }
        p = ed[i].e;
    }
    o = edit_copy(in, p, in->len, out, o, &ev);
    out->len = o;
    memset(out->text + o, 0, DC_NORM_PAD);
    out->evasions = ev;
    out->ascii = in->ascii;
    out->padded = true;
    out->ident_map = false;
    return DECORUM_OK;
}
