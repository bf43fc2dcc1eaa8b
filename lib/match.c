/*
 * match.c: finds lexicon terms in normalized text with one Vectorscan
 * block-mode database of literals (docs/MATCH.md has the design and the
 * measured figures).
 *
 * Patterns. Entries that share a term form a *group*; every group gives
 * one exact pattern, and pattern id == group index for those. Then come
 * generated forms, each mapped to the group it came from:
 *   - verb forms a suffix check cannot find: "hating" for a verb entry
 *     "hate", "gassed" and "gassing" for "gas";
 *   - misspellings, for ASCII terms of the kinds where people evade
 *     filters: a doubled vowel or word-final letter (3+ letters; the
 *     normalizer cuts runs of 3+ to 2, so "haaaate" arrives as "haate"),
 *     one interior vowel masked with '*' and all of them (3+ letters:
 *     "f*ck", "n*gg*r"; the normalizer turns word-internal masking symbols
 *     into '*'), and for 5+ letters an interior letter dropped or two
 *     adjacent letters swapped. Only interior letters are dropped:
 *     dropping an edge letter mostly makes real words ("bitch" -> "itch").
 *     nofuzzy stops all of these but the masked forms: a '*' inside a
 *     word is deliberate, and no innocent word holds one.
 *   - star forms for slurs, profanity and insults of 4 to 24 letters, as
 *     the normalizer writes "f@#%" or "n****r": "f***", "n****r"; only
 *     when one such term has that first letter, last letter and length.
 * A generated form equal to any term (allow entries included: "niger") or
 * to an earlier generated form is dropped, so every literal appears once
 * and a term always wins over a misspelling of another term.
 *
 * Matching. Vectorscan reports every occurrence (no SINGLEMATCH, no SOM:
 * begin = end - pattern length). The callback checks word boundaries on
 * the normalized text, where word bytes are [a-z0-9] and every non-ASCII
 * byte; an apostrophe between word bytes, or a run of '*' after one, joins
 * words ("don't", "n****r"):
 *   - a boundary is needed on a side only if the term's character on that
 *     side is ASCII alphanumeric, an apostrophe ("'re" does not match in
 *     "they're") or a non-ASCII code point below U+2000 (letters of
 *     alphabetic scripts); emoji, symbols and punctuation such as "(((" need
 *     none;
 *   - on the right, inflections are accepted and included in the hit:
 *     's s' es s for every entry, and ing ers ed er d (rs r after a final
 *     e) for verb entries; not after terms under 3 bytes ("is" is not
 *     "i" + s);
 *   - terms of one or two bytes of [a-z0-9] are not in the database but
 *     looked up as whole words (see SHORT_SLOTS).
 * A match inside a longer token is kept only for compound-eligible entries
 * (flag compound, or a slur, threat or identity term of 3+ letters), and
 * only when the whole token splits into exact single-word lexicon terms,
 * each optionally followed by a plural s, with the match as one of the
 * pieces: "killalljews" = kill + all + jew(s), while "scunthorpe" and
 * "jewshere" do not split. A one-byte piece may only start the token
 * ("arabia" is not arab + i + a), and a token that is an allow term does
 * not split ("japan"). The check needs every term inside the token,
 * including those Vectorscan reports later, so the callback only records
 * candidates; after the scan each candidate's token is scanned again.
 *
 * Memory. The engine allocator holds the matcher's tables, the scratch's
 * vectors and the hits. Vectorscan's databases and hs_scratch are
 * allocated by Vectorscan's own allocator (malloc), released with
 * hs_free_database / hs_free_scratch: hs_set_*_allocator is process-wide
 * and would clash between engines with different allocators.
 *
 * Start-up. Compiling tens of thousands of literals takes far longer than
 * the engine's load budget, so the build serializes the database for the
 * built-in lexicon (tools/matchdb.c, dc_builtin_matchdb[]). It is used only
 * when its key, a hash of every generated literal in id order plus the
 * generator and Vectorscan versions, equals the key of what this lexicon
 * generates now: a stale blob can never be used, and any other lexicon is
 * compiled at load time.
 */
#include "decorum_int.h"

#include <hs/hs.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Bump when the generated literals or their meaning change, so that
 * databases serialized by an older generator are not used. */
#define GEN_VERSION 1u

#define MAX_PATTERNS (1u << 22)
#define MAX_PATTERN_BYTES (64u << 20)
#define MAX_HITS (1u << 20)
/* Longest run-together token checked for compounds; longer tokens are not
 * words people write. Sizes the stack arrays of the check. */
#define COMPOUND_MAX 64u
/* Generated forms are built in a stack buffer: terms longer than this get
 * none (the lexicon limits terms to 200 bytes). */
#define VARIANT_MAX 256u

#define BLOB_MAGIC "DCMATCH1"
#define BLOB_HEADER 24u /* magic, key (u64 LE), patterns (u32 LE), 0 (u32) */

/* Pattern bits. */
#define PB_LEFT 0x01u  /* needs a word boundary before it */
#define PB_RIGHT 0x02u /* needs a word boundary (or inflection) after it */
#define PB_INFL 0x04u  /* a generated verb form: verb entries only */
#define PB_SEG 0x08u   /* exact single-word term: a piece of compounds */
#define PB_COMP 0x10u  /* its group has a compound-eligible entry */
#define PB_TABLE 0x20u /* looked up as a whole word, not in the database */
#define PB_WORD 0x40u  /* a token that is this term is a word: no split */
#define PB_STARS 0x80u /* ends in '*': must not be followed by another */

/* Star forms ("f***", "n****r") are made for single words of this many
 * letters; the table of their owners is indexed [first][last][length]. */
#define STAR_MIN 4u
#define STAR_MAX 24u
#define STAR_SLOTS (26u * 27u * (STAR_MAX + 1u))

/* Short terms ("i", "a", "in", "88") are matched by a pass over the
 * text's words, not by Vectorscan: as literals they occur inside nearly
 * every word and would cost a callback each. They are looked up in a
 * table indexed by their bytes: 36 one-byte slots, then 36 * 36. */
#define SHORT_SLOTS (36u + 36u * 36u)
/* Terms of 3 or 4 bytes of [a-z0-9] that never match inside a longer word
 * (no compound-eligible entry) are looked up too, in a small hash keyed by
 * their bytes: "the", "you", "are", "all" are the lexicon's most frequent
 * words, and as literals they cost a quarter of the scan. */
typedef struct wslot {
    uint64_t key; /* word_key(); 0: empty */
    uint32_t group;
} wslot;

/* Pieces of one run-together token, at most (longer: not split). */
#define PIECES_MAX 256u

/* Entry bits. */
#define EB_FUZZY 0x01u    /* may match misspelled forms */
#define EB_MASKED 0x08u   /* may match masked forms, even when nofuzzy */
#define EB_COMPOUND 0x02u /* may match inside a run-together token */
#define EB_VERB 0x04u

typedef struct pat {
    uint32_t group;
    uint16_t len; /* bytes */
    uint8_t how;  /* DC_HIT_EXACT, DC_HIT_FUZZY or DC_HIT_MASKED */
    uint8_t bits; /* PB_* */
} pat;

/* Entries sharing one term: gent[first .. first + n). */
typedef struct grp {
    uint32_t first, n;
} grp;

struct dc_matcher {
    hs_database_t *db; /* NULL for an empty lexicon */
    pat *pats;         /* [pats_cap], n_pats used; index = Vectorscan id */
    size_t n_pats, pats_cap;
    grp *groups; /* [n_groups] */
    size_t n_groups;
    uint32_t *gent; /* [n_entries] entry indices, grouped by term */
    uint8_t *ebits; /* [n_entries] EB_* */
    size_t n_entries;
    uint32_t *short_tab; /* [SHORT_SLOTS] group + 1, 0: none; or NULL */
    wslot *words;        /* [words_cap] (a power of 2), or NULL */
    size_t words_cap;
    size_t n_compiled;   /* patterns in the database (not PB_TABLE) */
    uint64_t key;
    dc_matcher_stats stats;
};

/* A match kept for the compound pass: [b, e) and its pattern. */
typedef struct span {
    uint32_t b, e, id;
} span;

typedef struct spanvec {
    span *v;
    size_t n, cap;
} spanvec;

struct dc_match_scratch {
    const dc_matcher *m;
    hs_scratch_t *hs;
    spanvec cand;             /* in-word matches of compound-eligible groups */
    span pieces[PIECES_MAX]; /* the terms inside one token, token offsets */
};

/* ---------------------------------------------------------------------- */
/* Characters                                                             */
/* ---------------------------------------------------------------------- */

/* Word bytes: [a-z0-9], every non-ASCII byte, and [A-Z] in case a caller
 * passes unfolded text. A table, because this is asked for every byte of
 * every comment. */
static const uint8_t word_tab[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static inline bool word_byte(unsigned char c)
{
    return word_tab[c] != 0;
}

static inline bool is_letter(char c)
{
    return c >= 'a' && c <= 'z';
}

static inline bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Does a term edge character need a word boundary next to it? An
 * apostrophe does: contractions are whole words, so "'re" alone must not
 * match inside "they're". */
static bool needs_boundary(const unsigned char *s, size_t len)
{
    if (s[0] < 0x80)
        return word_byte(s[0]) || s[0] == '\'';
    uint32_t cp = 0;
    if (dc_utf8_decode(s, len, &cp) == 0)
        return true;
    return cp < 0x2000;
}

static uint8_t edge_bits(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    uint8_t bits = 0;
    if (needs_boundary(u, len))
        bits |= PB_LEFT;
    size_t last = len - 1;
    while (last > 0 && (u[last] & 0xc0) == 0x80)
        last--;
    if (needs_boundary(u + last, len - last))
        bits |= PB_RIGHT;
    return bits;
}

static inline int alnum_code(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a';
    if (c >= '0' && c <= '9')
        return 26 + (c - '0');
    return -1;
}

/* The short-term slot of s[0, len), or -1 when it is not a short term. */
static inline int short_slot(const unsigned char *s, size_t len)
{
    if (len == 1)
        return alnum_code(s[0]);
    if (len != 2)
        return -1;
    int a = alnum_code(s[0]), b = alnum_code(s[1]);
    return a < 0 || b < 0 ? -1 : 36 + a * 36 + b;
}

/* The bytes and length of a word of 3 or 4 bytes, never 0. */
static inline uint64_t word_key(const unsigned char *s, size_t len)
{
    uint64_t k = len | (uint64_t)s[0] << 8 | (uint64_t)s[1] << 16 |
                 (uint64_t)s[2] << 24;
    return len == 4 ? k | (uint64_t)s[3] << 32 : k;
}

static inline size_t word_hash(uint64_t k, size_t mask)
{
    return (size_t)((k * 0x9e3779b97f4a7c15ull) >> 40) & mask;
}

/* The group of the table word s[0, len), or -1. */
static inline long word_find(const dc_matcher *m, const unsigned char *s,
                             size_t len)
{
    uint64_t k = word_key(s, len);
    size_t mask = m->words_cap - 1;
    for (size_t i = word_hash(k, mask);; i = (i + 1) & mask) {
        if (m->words[i].key == k)
            return (long)m->words[i].group;
        if (m->words[i].key == 0)
            return -1;
    }
}

/* ---------------------------------------------------------------------- */
/* Building the pattern set                                               */
/* ---------------------------------------------------------------------- */

typedef struct builder {
    const dc_alloc *al;
    char *buf; /* every literal, each followed by a NUL */
    size_t buf_len, buf_cap;
    pat *pats;
    size_t n, cap;
    uint32_t *off; /* [off_cap] literal offsets in buf */
    size_t off_cap;
    uint32_t *table; /* open addressing: pattern index + 1, 0 empty */
    size_t tcap;
    size_t n_terms; /* patterns [0, n_terms) are the terms */
    size_t suppressed;
} builder;

static uint32_t hash32(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Pattern index of the literal s, or -1. */
static long find_lit(const builder *b, const char *s, size_t len)
{
    if (!b->tcap)
        return -1;
    size_t mask = b->tcap - 1;
    for (size_t i = hash32(s, len) & mask;; i = (i + 1) & mask) {
        uint32_t v = b->table[i];
        if (!v)
            return -1;
        const pat *p = &b->pats[v - 1];
        if (p->len == len && memcmp(b->buf + b->off[v - 1], s, len) == 0)
            return (long)(v - 1);
    }
}

static void table_put(builder *b, uint32_t idx)
{
    size_t mask = b->tcap - 1;
    const char *s = b->buf + b->off[idx];
    size_t i = hash32(s, b->pats[idx].len) & mask;
    while (b->table[i])
        i = (i + 1) & mask;
    b->table[i] = idx + 1;
}

/* Appends a literal that is not in the set yet. */
static decorum_status add_lit(builder *b, const char *s, size_t len,
                              uint32_t group, uint8_t how, uint8_t bits)
{
    decorum_status st;
    if (len == 0 || len > UINT16_MAX)
        return DECORUM_ERR_TOOBIG;
    if ((st = dc_grow(b->al, (void **)&b->pats, &b->cap, b->n + 1,
                      sizeof *b->pats, MAX_PATTERNS)) != DECORUM_OK ||
        (st = dc_grow(b->al, (void **)&b->off, &b->off_cap, b->n + 1,
                      sizeof *b->off, MAX_PATTERNS)) != DECORUM_OK ||
        (st = dc_grow(b->al, (void **)&b->buf, &b->buf_cap,
                      b->buf_len + len + 1, 1, MAX_PATTERN_BYTES)) !=
            DECORUM_OK)
        return st;
    /* Keep the table at most half full. */
    if ((b->n + 1) * 2 > b->tcap) {
        size_t ncap = b->tcap ? b->tcap * 2 : 1024;
        uint32_t *t = dc_calloc(b->al, ncap, sizeof *t);
        if (!t)
            return DECORUM_ERR_NOMEM;
        dc_free(b->al, b->table, b->tcap * sizeof *b->table);
        b->table = t;
        b->tcap = ncap;
        for (size_t i = 0; i < b->n; i++)
            table_put(b, (uint32_t)i);
    }
    memcpy(b->buf + b->buf_len, s, len);
    b->buf[b->buf_len + len] = '\0';
    b->off[b->n] = (uint32_t)b->buf_len;
    b->buf_len += len + 1;
    b->pats[b->n] = (pat){group, (uint16_t)len, how, bits};
    table_put(b, (uint32_t)b->n);
    b->n++;
    return DECORUM_OK;
}

/* Is s[0, len) a term? */
static bool is_term(const builder *b, const char *s, size_t len)
{
    long p = find_lit(b, s, len);
    return p >= 0 && (size_t)p < b->n_terms;
}

/* Adds a generated form unless it equals a term, a term's plural ("kikes"
 * is kike + s, not a misspelled "kikess") or an earlier form. */
static decorum_status add_form(builder *b, const char *s, size_t len,
                               uint32_t group, uint8_t how, uint8_t bits)
{
    if (find_lit(b, s, len) >= 0 ||
        (len > 1 && s[len - 1] == 's' && is_term(b, s, len - 1)) ||
        (len > 2 && s[len - 1] == 's' && s[len - 2] == 'e' &&
         is_term(b, s, len - 2))) {
        b->suppressed++;
        return DECORUM_OK;
    }
    return add_lit(b, s, len, group, how, (uint8_t)(bits | edge_bits(s, len)));
}

static bool interior(const char *t, size_t len, size_t j)
{
    return j > 0 && j + 1 < len && is_letter(t[j - 1]) && is_letter(t[j]) &&
           is_letter(t[j + 1]);
}

/* Generates the misspellings of an ASCII term (see the file comment);
 * only the masked ones unless edits. */
/* Letters in the word of t that holds position j. */
static size_t word_len(const char *t, size_t len, size_t j)
{
    size_t a = j, z = j;
    while (a > 0 && is_letter(t[a - 1]))
        a--;
    while (z < len && is_letter(t[z]))
        z++;
    return z - a;
}

static decorum_status gen_fuzzy(builder *b, uint32_t g, const char *t,
                                size_t len, bool edits)
{
    char v[VARIANT_MAX + 1];
    size_t letters = 0, vowels = 0;
    decorum_status st = DECORUM_OK;
    for (size_t i = 0; i < len; i++) {
        letters += is_letter(t[i]);
        vowels += interior(t, len, i) && is_vowel(t[i]);
    }
    if (letters < 3 || len + 1 > VARIANT_MAX)
        return DECORUM_OK;
    /* A doubled vowel, or the final letter of a word of 5+ letters, where
     * people stretch words ("haate", "bitchh"), unless that makes a run of
     * three. Doubled inner consonants would add a third of all patterns
     * for typos seldom seen, and a doubled final letter of a short word is
     * mostly another word ("scot" -> "scott"). */
    for (size_t j = 0; edits && j < len && st == DECORUM_OK; j++) {
        if (!is_letter(t[j]) || (j + 1 < len && t[j + 1] == t[j]) ||
            (j > 0 && t[j - 1] == t[j]) ||
            (!is_vowel(t[j]) && ((j + 1 < len && is_letter(t[j + 1])) ||
                                 word_len(t, len, j) < 5)))
            continue;
        memcpy(v, t, j + 1);
        memcpy(v + j + 1, t + j, len - j);
        st = add_form(b, v, len + 1, g, DC_HIT_FUZZY, 0);
    }
    /* One masked interior vowel; all of them when there are several. */
    for (size_t j = 0; j < len && st == DECORUM_OK; j++) {
        if (!interior(t, len, j) || !is_vowel(t[j]))
            continue;
        memcpy(v, t, len);
        v[j] = '*';
        st = add_form(b, v, len, g, DC_HIT_MASKED, 0);
    }
    if (vowels >= 2 && st == DECORUM_OK) {
        memcpy(v, t, len);
        for (size_t j = 0; j < len; j++)
            if (interior(t, len, j) && is_vowel(t[j]))
                v[j] = '*';
        st = add_form(b, v, len, g, DC_HIT_MASKED, 0);
    }
    if (!edits || letters < 5)
        return st;
    /* An interior letter dropped, and below two adjacent letters swapped,
     * in words of 5+ letters: in shorter ones an edit mostly makes another
     * word ("like" -> "lie", "no" -> "on"). */
    for (size_t j = 0; j < len && st == DECORUM_OK; j++) {
        if (!interior(t, len, j) || word_len(t, len, j) < 5)
            continue;
        memcpy(v, t, j);
        memcpy(v + j, t + j + 1, len - j - 1);
        st = add_form(b, v, len - 1, g, DC_HIT_FUZZY, 0);
    }
    for (size_t j = 0; j + 1 < len && st == DECORUM_OK; j++) {
        if (!is_letter(t[j]) || !is_letter(t[j + 1]) || t[j] == t[j + 1] ||
            word_len(t, len, j) < 5)
            continue;
        memcpy(v, t, len);
        v[j] = t[j + 1];
        v[j + 1] = t[j];
        st = add_form(b, v, len, g, DC_HIT_FUZZY, 0);
    }
    return st;
}

/* Verb forms that are not the term plus a suffix: a final e dropped
 * (hate -> hating) and, for one-syllable verbs ending consonant-vowel-
 * consonant, the consonant doubled (gas -> gassed, gassing; ban ->
 * banned). Single ASCII words only. */
static decorum_status gen_verb_forms(builder *b, uint32_t g, const char *t,
                                     size_t len)
{
    char v[VARIANT_MAX + 8];
    if (len < 3 || len > VARIANT_MAX)
        return DECORUM_OK;
    size_t groups = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_letter(t[i]))
            return DECORUM_OK;
        groups += is_vowel(t[i]) && (i == 0 || !is_vowel(t[i - 1]));
    }
    char z = t[len - 1], y = t[len - 2], x = t[len - 3];
    memcpy(v, t, len);
    if (z == 'e' && !is_vowel(y)) {
        memcpy(v + len - 1, "ing", 3);
        return add_form(b, v, len + 2, g, DC_HIT_EXACT, PB_INFL);
    }
    if (groups != 1 || is_vowel(z) || z == 'w' || z == 'x' || z == 'y' ||
        !is_vowel(y) || is_vowel(x))
        return DECORUM_OK;
    v[len] = z;
    memcpy(v + len + 1, "ed", 2);
    decorum_status st = add_form(b, v, len + 3, g, DC_HIT_EXACT, PB_INFL);
    if (st != DECORUM_OK)
        return st;
    memcpy(v + len + 1, "ing", 3);
    return add_form(b, v, len + 4, g, DC_HIT_EXACT, PB_INFL);
}

static bool evasion_kind(dc_kind k)
{
    switch (k) {
    case DC_KIND_IDENTITY:
    case DC_KIND_SLUR:
    case DC_KIND_DEHUMANIZE:
    case DC_KIND_DEROGATE:
    case DC_KIND_HATE_VERB:
    case DC_KIND_THREAT:
    case DC_KIND_EXCLUSION:
    case DC_KIND_CODE:
    case DC_KIND_DOGWHISTLE:
    case DC_KIND_CONSPIRACY:
    case DC_KIND_CONSP_ACTOR:
    case DC_KIND_PROFANITY:
    case DC_KIND_INSULT:
        return true;
    default:
        return false;
    }
}

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

static bool single_word(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!word_byte((unsigned char)s[i]))
            return false;
    return true;
}

static uint8_t entry_bits(const dc_entry *e)
{
    size_t letters = 0;
    for (size_t i = 0; i < e->term_len; i++)
        letters += is_letter(e->term[i]);
    uint8_t bits = 0;
    if (evasion_kind((dc_kind)e->kind) && !(e->flags & DC_F_NOFUZZY) &&
        all_ascii(e->term, e->term_len))
        bits |= EB_FUZZY;
    /* A '*' inside a word is always deliberate and no innocent word holds
     * one, so masked forms cannot collide: nofuzzy does not stop them. */
    if (evasion_kind((dc_kind)e->kind) && all_ascii(e->term, e->term_len))
        bits |= EB_MASKED;
    if ((e->flags & DC_F_COMPOUND) ||
        ((e->kind == DC_KIND_SLUR || e->kind == DC_KIND_THREAT ||
          e->kind == DC_KIND_IDENTITY) &&
         letters >= 3))
        bits |= EB_COMPOUND;
    if (e->flags & DC_F_VERB)
        bits |= EB_VERB;
    return bits;
}

static void builder_free(builder *b)
{
    dc_free(b->al, b->buf, b->buf_cap);
    dc_free(b->al, b->pats, b->cap * sizeof *b->pats);
    dc_free(b->al, b->off, b->off_cap * sizeof *b->off);
    dc_free(b->al, b->table, b->tcap * sizeof *b->table);
}

static uint64_t fnv64(uint64_t h, const void *p, size_t len)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < len; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

static bool star_term(const dc_lexicon *lx, const dc_matcher *m, size_t g,
                      const char *t, size_t len)
{
    if (len < STAR_MIN || len > STAR_MAX)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!is_letter(t[i]))
            return false;
    const grp *gr = &m->groups[g];
    for (uint32_t k = 0; k < gr->n; k++) {
        uint32_t x = m->gent[gr->first + k];
        dc_kind kind = (dc_kind)lx->entries[x].kind;
        if ((m->ebits[x] & EB_MASKED) &&
            (kind == DC_KIND_SLUR || kind == DC_KIND_PROFANITY ||
             kind == DC_KIND_INSULT))
            return true;
    }
    return false;
}

/* Do groups g and h mean the same (kind, categories and group of their
 * first entries), as "nigger" and "niqqer" do? */
static bool same_meaning(const dc_lexicon *lx, const dc_matcher *m, size_t g,
                         size_t h)
{
    const dc_entry *a = &lx->entries[m->gent[m->groups[g].first]];
    const dc_entry *b = &lx->entries[m->gent[m->groups[h].first]];
    return a->kind == b->kind && a->categories == b->categories &&
           strcmp(a->group, b->group) == 0;
}

/* own[slot]: 0 unclaimed, g + 1 claimed by group g (the first of those
 * that mean the same), -1 ambiguous. */
static void star_claim(const dc_lexicon *lx, const dc_matcher *m, int32_t *own,
                       size_t slot, size_t g)
{
    if (own[slot] == 0)
        own[slot] = (int32_t)g + 1;
    else if (own[slot] > 0 && !same_meaning(lx, m, (size_t)own[slot] - 1, g))
        own[slot] = -1;
}

/* Words masked past their first letter, as the normalizer writes them:
 * "f***" (first letter, stars) and "n****r" (first and last letter kept),
 * for slurs, profanity and insults. Such a form says only its first
 * letter, last letter and length, so it is made only when the terms of
 * those kinds that fit it all mean the same: "n****r" is nigger (or its
 * spelling niqqer), "s***" could be slut, scum or shit and is none. */
static decorum_status gen_stars(const dc_alloc *al, const dc_lexicon *lx,
                                dc_matcher *m, builder *b)
{
    decorum_status st = DECORUM_OK;
    int32_t *own = dc_calloc(al, STAR_SLOTS, sizeof *own);
    if (!own)
        return DECORUM_ERR_NOMEM;
    for (int pass = 0; pass < 2 && st == DECORUM_OK; pass++) {
        for (size_t g = 0; g < m->n_groups && st == DECORUM_OK; g++) {
            const char *t = b->buf + b->off[g];
            size_t len = b->pats[g].len;
            if (!star_term(lx, m, g, t, len))
                continue;
            size_t f = (size_t)(t[0] - 'a'), l = (size_t)(t[len - 1] - 'a');
            size_t s1 = (f * 27 + 26) * (STAR_MAX + 1) + len;
            size_t s2 = (f * 27 + l) * (STAR_MAX + 1) + len;
            if (pass == 0) {
                star_claim(lx, m, own, s1, g);
                star_claim(lx, m, own, s2, g);
                continue;
            }
            /* t points into b->buf, which add_form may move. */
            char v[STAR_MAX + 1], last = t[len - 1];
            v[0] = t[0];
            memset(v + 1, '*', len - 1);
            if (own[s1] == (int32_t)g + 1)
                st = add_form(b, v, len, (uint32_t)g, DC_HIT_MASKED,
                              PB_RIGHT | PB_STARS);
            v[len - 1] = last;
            if (st == DECORUM_OK && own[s2] == (int32_t)g + 1)
                st = add_form(b, v, len, (uint32_t)g, DC_HIT_MASKED, 0);
        }
    }
    dc_free(al, own, STAR_SLOTS * sizeof *own);
    return st;
}

/* Moves the terms of 3 or 4 bytes that never match inside a word into
 * m->words (see wslot). */
static decorum_status build_words(const dc_alloc *al, dc_matcher *m,
                                  builder *b)
{
    size_t count = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t g = 0; g < m->n_groups; g++) {
            pat *p = &b->pats[g];
            const unsigned char *t = (const unsigned char *)b->buf + b->off[g];
            bool ok = (p->len == 3 || p->len == 4) && !(p->bits & PB_COMP);
            for (size_t i = 0; ok && i < p->len; i++)
                ok = alnum_code(t[i]) >= 0;
            if (!ok)
                continue;
            if (pass == 0) {
                count++;
                continue;
            }
            uint64_t k = word_key(t, p->len);
            size_t mask = m->words_cap - 1, i = word_hash(k, mask);
            while (m->words[i].key)
                i = (i + 1) & mask;
            m->words[i].key = k;
            m->words[i].group = (uint32_t)g;
            p->bits |= PB_TABLE;
        }
        if (pass == 0) {
            if (count == 0)
                return DECORUM_OK;
            /* At most a quarter full: a miss, the usual case, ends at once. */
            size_t cap = 16;
            while (cap < count * 4)
                cap *= 2;
            m->words = dc_calloc(al, cap, sizeof *m->words);
            if (!m->words)
                return DECORUM_ERR_NOMEM;
            m->words_cap = cap;
        }
    }
    return DECORUM_OK;
}

/* Fills m's tables and b's literals from lx. */
static decorum_status build(const dc_alloc *al, const dc_lexicon *lx,
                            dc_matcher *m, builder *b, decorum_error *err)
{
    decorum_status st = DECORUM_OK;
    uint32_t *group_of = NULL;
    size_t n = lx->n;
    if (n > MAX_PATTERNS)
        return dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1,
                       "%zu lexicon entries: more than the matcher's %u", n,
                       MAX_PATTERNS);
    m->n_entries = n;
    m->ebits = dc_calloc(al, n, sizeof *m->ebits);
    m->gent = dc_calloc(al, n, sizeof *m->gent);
    group_of = dc_calloc(al, n, sizeof *group_of);
    if (!m->ebits || !m->gent || !group_of) {
        st = DECORUM_ERR_NOMEM;
        goto fail;
    }
    /* Exact patterns first, so that pattern id == group index for them
     * and every term is in the set before any generated form. */
    for (size_t i = 0; i < n; i++) {
        const dc_entry *e = &lx->entries[i];
        m->ebits[i] = entry_bits(e);
        long p = find_lit(b, e->term, e->term_len);
        if (p < 0) {
            p = (long)b->n;
            st = add_lit(b, e->term, e->term_len, (uint32_t)p, DC_HIT_EXACT,
                         edge_bits(e->term, e->term_len));
            if (st != DECORUM_OK)
                goto fail;
        }
        group_of[i] = (uint32_t)p;
    }
    m->n_groups = b->n;
    b->n_terms = b->n;
    m->groups = dc_calloc(al, m->n_groups, sizeof *m->groups);
    if (!m->groups) {
        st = DECORUM_ERR_NOMEM;
        goto fail;
    }
    for (size_t i = 0; i < n; i++)
        m->groups[group_of[i]].n++;
    for (size_t g = 0, at = 0; g < m->n_groups; g++) {
        m->groups[g].first = (uint32_t)at;
        at += m->groups[g].n;
        m->groups[g].n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        grp *g = &m->groups[group_of[i]];
        m->gent[g->first + g->n++] = (uint32_t)i;
        pat *p = &b->pats[group_of[i]];
        if ((m->ebits[i] & EB_COMPOUND))
            p->bits |= PB_COMP;
    }
    /* A token that is a term (or its plural) is a word, not words run
     * together: "niggas" is not nig + gas, "japan" (allow) not jap + an.
     * Codes, dog whistles and conspiracy phrases are the exception: they
     * are often hashtags of words ("killalljews", "whitegenocide"). */
    for (size_t i = 0; i < n; i++) {
        dc_kind k = (dc_kind)lx->entries[i].kind;
        if (k != DC_KIND_CODE && k != DC_KIND_DOGWHISTLE &&
            k != DC_KIND_CONSPIRACY)
            b->pats[group_of[i]].bits |= PB_WORD;
    }
    for (size_t g = 0; g < m->n_groups; g++) {
        const unsigned char *t = (const unsigned char *)b->buf + b->off[g];
        if (single_word((const char *)t, b->pats[g].len))
            b->pats[g].bits |= PB_SEG;
        int slot = short_slot(t, b->pats[g].len);
        if (slot < 0)
            continue;
        if (!m->short_tab &&
            !(m->short_tab = dc_calloc(al, SHORT_SLOTS, sizeof *m->short_tab))) {
            st = DECORUM_ERR_NOMEM;
            goto fail;
        }
        m->short_tab[slot] = (uint32_t)g + 1;
        b->pats[g].bits |= PB_TABLE;
    }
    if ((st = build_words(al, m, b)) != DECORUM_OK)
        goto fail;
    /* Verb forms the suffix check cannot see. */
    for (size_t g = 0; g < m->n_groups; g++) {
        const dc_entry *e = &lx->entries[m->gent[m->groups[g].first]];
        bool verb = false;
        for (uint32_t k = 0; k < m->groups[g].n; k++)
            verb |= (m->ebits[m->gent[m->groups[g].first + k]] & EB_VERB) != 0;
        if (verb && (st = gen_verb_forms(b, (uint32_t)g, e->term,
                                         e->term_len)) != DECORUM_OK)
            goto fail;
    }
    size_t before_fuzzy = b->n;
    m->stats.inflected = before_fuzzy - m->n_groups;
    for (size_t g = 0; g < m->n_groups; g++) {
        const dc_entry *e = &lx->entries[m->gent[m->groups[g].first]];
        uint8_t any = 0;
        for (uint32_t k = 0; k < m->groups[g].n; k++)
            any |= m->ebits[m->gent[m->groups[g].first + k]];
        if ((any & (EB_FUZZY | EB_MASKED)) &&
            (st = gen_fuzzy(b, (uint32_t)g, e->term, e->term_len,
                            (any & EB_FUZZY) != 0)) != DECORUM_OK)
            goto fail;
    }
    if ((st = gen_stars(al, lx, m, b)) != DECORUM_OK)
        goto fail;
    for (size_t i = before_fuzzy; i < b->n; i++) {
        if (b->pats[i].how == DC_HIT_MASKED)
            m->stats.masked++;
        else
            m->stats.fuzzy++;
    }
    m->stats.entries = n;
    m->stats.terms = m->n_groups;
    m->stats.patterns = b->n;
    m->stats.suppressed = b->suppressed;
    /* The key covers everything the compiled database depends on: the
     * literals it holds, with their ids. */
    uint64_t h = 14695981039346656037ull;
    const unsigned ver = GEN_VERSION;
    const char *hsv = hs_version();
    h = fnv64(h, &ver, sizeof ver);
    h = fnv64(h, hsv, strlen(hsv) + 1);
    for (size_t i = 0; i < b->n; i++) {
        if (b->pats[i].bits & PB_TABLE)
            continue;
        uint32_t id = (uint32_t)i;
        h = fnv64(h, &id, sizeof id);
        h = fnv64(h, b->buf + b->off[i], (size_t)b->pats[i].len + 1);
        m->n_compiled++;
    }
    m->key = h;
    m->stats.compiled = m->n_compiled;
fail:
    dc_free(al, group_of, n * sizeof *group_of);
    if (st != DECORUM_OK)
        dc_fail(err, st, (size_t)-1, "building the matcher: %s",
                decorum_strerror(st));
    return st;
}

/* Compiles b's literals; platform NULL means this CPU. */
static decorum_status compile(const dc_alloc *al, const dc_lexicon *lx,
                              const dc_matcher *m, const builder *b,
                              const hs_platform_info_t *platform,
                              hs_database_t **db, decorum_error *err)
{
    decorum_status st = DECORUM_OK;
    size_t n = m->n_compiled;
    const char **expr = dc_calloc(al, n, sizeof *expr);
    size_t *lens = dc_calloc(al, n, sizeof *lens);
    unsigned *ids = dc_calloc(al, n, sizeof *ids);
    hs_compile_error_t *ce = NULL;
    if (!expr || !lens || !ids) {
        st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1,
                     "compiling the matcher: out of memory");
        goto fail;
    }
    for (size_t i = 0, k = 0; i < b->n; i++) {
        if (b->pats[i].bits & PB_TABLE)
            continue;
        expr[k] = b->buf + b->off[i];
        lens[k] = b->pats[i].len;
        ids[k++] = (unsigned)i;
    }
    if (hs_compile_lit_multi(expr, NULL, ids, lens, (unsigned)n,
                             HS_MODE_BLOCK, platform, db, &ce) != HS_SUCCESS) {
        if (ce && ce->expression >= 0 && (size_t)ce->expression < n) {
            const pat *p = &b->pats[ids[ce->expression]];
            const dc_entry *e =
                &lx->entries[m->gent[m->groups[p->group].first]];
            st = dc_fail(err, DECORUM_ERR_MATCHER, (size_t)-1,
                         "%s:%u: term \"%s\": %s", e->file, e->line, e->term,
                         ce->message);
        } else {
            st = dc_fail(err, DECORUM_ERR_MATCHER, (size_t)-1,
                         "compiling the matcher: %s",
                         ce ? ce->message : "unknown error");
        }
        *db = NULL;
    }
fail:
    hs_free_compile_error(ce);
    dc_free(al, expr, n * sizeof *expr);
    dc_free(al, lens, n * sizeof *lens);
    dc_free(al, ids, n * sizeof *ids);
    return st;
}

static uint64_t get_le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static void put_le(unsigned char *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++, v >>= 8)
        p[i] = (unsigned char)v;
}

/* The built-in serialized database for m's key, if one is embedded and
 * loads on this CPU; else NULL. */
static hs_database_t *from_blob(const dc_matcher *m)
{
    for (size_t i = 0; i < dc_builtin_matchdb_count; i++) {
        const dc_blob *bl = &dc_builtin_matchdb[i];
        if (bl->len <= BLOB_HEADER || memcmp(bl->data, BLOB_MAGIC, 8) != 0 ||
            get_le(bl->data + 8, 8) != m->key ||
            get_le(bl->data + 16, 4) != m->n_compiled)
            continue;
        hs_database_t *db = NULL;
        hs_scratch_t *probe = NULL;
        if (hs_deserialize_database((const char *)bl->data + BLOB_HEADER,
                                    bl->len - BLOB_HEADER,
                                    &db) != HS_SUCCESS)
            continue;
        /* A database this CPU cannot run would only fail later, in
         * dc_match_scratch_new, where nothing can be done about it. */
        if (hs_alloc_scratch(db, &probe) != HS_SUCCESS) {
            hs_free_database(db);
            continue;
        }
        hs_free_scratch(probe);
        return db;
    }
    return NULL;
}

static decorum_status matcher_new(const dc_alloc *al, const dc_lexicon *lx,
                                  const hs_platform_info_t *platform,
                                  bool use_blob, dc_matcher **out,
                                  decorum_error *err)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.al = al;
    decorum_status st;
    dc_matcher *m = dc_calloc(al, 1, sizeof *m);
    if (!m)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1,
                       "building the matcher: out of memory");
    if ((st = build(al, lx, m, &b, err)) != DECORUM_OK)
        goto fail;
    m->n_pats = b.n;
    if (m->n_compiled > 0) {
        if (use_blob && (m->db = from_blob(m)) != NULL)
            m->stats.precompiled = true;
        else if ((st = compile(al, lx, m, &b, platform, &m->db, err)) !=
                 DECORUM_OK)
            goto fail;
        size_t size = 0;
        if (hs_database_size(m->db, &size) == HS_SUCCESS)
            m->stats.db_bytes = size;
    }
    /* Keep the pattern table; the literals are in the database now. */
    m->pats = b.pats;
    m->pats_cap = b.cap;
    b.pats = NULL;
    b.cap = 0;
    builder_free(&b);
    *out = m;
    return DECORUM_OK;
fail:
    builder_free(&b);
    dc_matcher_free(al, m);
    return st;
}

decorum_status dc_matcher_new(const dc_alloc *al, const dc_lexicon *lx,
                              dc_matcher **out, decorum_error *err)
{
    if (!al || !lx || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_matcher_new: NULL argument");
    return matcher_new(al, lx, NULL, true, out, err);
}

decorum_status dc_matcher_blob(const dc_alloc *al, const dc_lexicon *lx,
                               unsigned char **out, size_t *out_len,
                               decorum_error *err)
{
    if (!al || !lx || !out || !out_len)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_matcher_blob: NULL argument");
    /* Generic: the blob is built on one machine and run on others. */
    static const hs_platform_info_t any_cpu = {HS_TUNE_FAMILY_GENERIC, 0, 0,
                                               0};
    dc_matcher *m = NULL;
    char *bytes = NULL;
    size_t len = 0;
    decorum_status st = matcher_new(al, lx, &any_cpu, false, &m, err);
    if (st != DECORUM_OK)
        return st;
    if (!m->db) {
        st = dc_fail(err, DECORUM_ERR_EMPTY, (size_t)-1,
                     "the lexicon is empty: nothing to serialize");
        goto fail;
    }
    if (hs_serialize_database(m->db, &bytes, &len) != HS_SUCCESS) {
        st = dc_fail(err, DECORUM_ERR_MATCHER, (size_t)-1,
                     "hs_serialize_database failed");
        goto fail;
    }
    if (len > SIZE_MAX - BLOB_HEADER) {
        st = dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1, "database too big");
        goto fail;
    }
    unsigned char *o = dc_malloc(al, len + BLOB_HEADER);
    if (!o) {
        st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
        goto fail;
    }
    memcpy(o, BLOB_MAGIC, 8);
    put_le(o + 8, m->key, 8);
    put_le(o + 16, m->n_compiled, 4);
    put_le(o + 20, 0, 4);
    memcpy(o + BLOB_HEADER, bytes, len);
    *out = o;
    *out_len = len + BLOB_HEADER;
fail:
    free(bytes); /* Vectorscan's misc allocator: malloc */
    dc_matcher_free(al, m);
    return st;
}

void dc_matcher_free(const dc_alloc *al, dc_matcher *m)
{
    if (!m)
        return;
    hs_free_database(m->db);
    dc_free(al, m->pats, m->pats_cap * sizeof *m->pats);
    dc_free(al, m->groups, m->n_groups * sizeof *m->groups);
    dc_free(al, m->gent, m->n_entries * sizeof *m->gent);
    dc_free(al, m->ebits, m->n_entries * sizeof *m->ebits);
    dc_free(al, m->short_tab, SHORT_SLOTS * sizeof *m->short_tab);
    dc_free(al, m->words, m->words_cap * sizeof *m->words);
    dc_free(al, m, sizeof *m);
}

void dc_matcher_get_stats(const dc_matcher *m, dc_matcher_stats *out)
{
    if (m)
        *out = m->stats;
    else
        memset(out, 0, sizeof *out);
}

/* ---------------------------------------------------------------------- */
/* Scratch                                                                */
/* ---------------------------------------------------------------------- */

decorum_status dc_match_scratch_new(const dc_alloc *al, const dc_matcher *m,
                                    dc_match_scratch **out)
{
    if (!al || !m || !out)
        return DECORUM_ERR_INVALID;
    dc_match_scratch *ms = dc_calloc(al, 1, sizeof *ms);
    if (!ms)
        return DECORUM_ERR_NOMEM;
    ms->m = m;
    if (m->db) {
        hs_error_t r = hs_alloc_scratch(m->db, &ms->hs);
        if (r != HS_SUCCESS) {
            dc_free(al, ms, sizeof *ms);
            return r == HS_NOMEM ? DECORUM_ERR_NOMEM : DECORUM_ERR_MATCHER;
        }
    }
    *out = ms;
    return DECORUM_OK;
}

void dc_match_scratch_free(const dc_alloc *al, dc_match_scratch *ms)
{
    if (!ms)
        return;
    hs_free_scratch(ms->hs);
    dc_free(al, ms->cand.v, ms->cand.cap * sizeof *ms->cand.v);
    dc_free(al, ms, sizeof *ms);
}

/* ---------------------------------------------------------------------- */
/* Scanning                                                               */
/* ---------------------------------------------------------------------- */

typedef struct scan {
    const dc_matcher *m;
    const dc_alloc *al;
    const unsigned char *t;
    size_t n;
    dc_hitvec *out;
    dc_match_scratch *ms;
    decorum_status st;
    size_t np;        /* pieces found in the token being split */
    size_t tok_start; /* its offset in t */
    size_t tok_len;   /* its length */
} scan;

/* May a word start at b? Not inside a word, nor after "don'" or "n***"
 * (a run of '*' after a letter is part of a masked word). */
static inline bool boundary_before(const unsigned char *t, size_t b)
{
    if (b == 0)
        return true;
    unsigned char c = t[b - 1];
    if (word_byte(c))
        return false;
    if (c == '\'')
        return !(b >= 2 && word_byte(t[b - 2]));
    if (c != '*')
        return true;
    while (--b > 0 && t[b - 1] == '*')
        ;
    return !(b > 0 && word_byte(t[b - 1]));
}

/* May a word end at e? Not before "'t" or "***s". */
static inline bool boundary_after(const unsigned char *t, size_t n, size_t e)
{
    if (e >= n)
        return true;
    unsigned char c = t[e];
    if (word_byte(c))
        return false;
    if (c == '\'')
        return !(e + 1 < n && word_byte(t[e + 1]));
    if (c != '*')
        return true;
    while (++e < n && t[e] == '*')
        ;
    return !(e < n && word_byte(t[e]));
}

/* Ends of the longest accepted inflections after t[e], where a word
 * character follows the match: *noun for every entry ('s s' es s), *verb
 * for verb entries (ing in ers ed er d, and rs r after a final e), which
 * also accept the noun ones. 0 when there is none. A switch on the next
 * byte, because this runs for every match inside a longer word. */
static void inflect(const unsigned char *t, size_t n, size_t e, size_t *noun,
                    size_t *verb)
{
    size_t left = n - e; /* >= 1: t[e] exists */
    unsigned char c1 = left > 1 ? t[e + 1] : 0, c2 = left > 2 ? t[e + 2] : 0;
    *noun = *verb = 0;
    switch (t[e]) {
    case '\'':
        if (c1 == 's' && boundary_after(t, n, e + 2))
            *noun = e + 2;
        break;
    case 's':
        if (c1 == '\'' && boundary_after(t, n, e + 2))
            *noun = e + 2;
        else if (boundary_after(t, n, e + 1))
            *noun = e + 1;
        break;
    case 'e':
        /* -es only where English writes it: after s x z ch sh o
         * ("rates" is not "rat" + es). */
        if (c1 == 's' && boundary_after(t, n, e + 2) &&
            strchr("sxzho", t[e - 1]) != NULL)
            *noun = e + 2;
        else if (c1 == 'r' && c2 == 's' && boundary_after(t, n, e + 3))
            *verb = e + 3;
        else if ((c1 == 'd' || c1 == 'r') && boundary_after(t, n, e + 2))
            *verb = e + 2;
        break;
    case 'i':
        if (c1 == 'n' && c2 == 'g' && boundary_after(t, n, e + 3))
            *verb = e + 3;
        else if (c1 == 'n' && boundary_after(t, n, e + 2))
            *verb = e + 2; /* "killin'", "fuckin" */
        break;
    case 'd':
        if (boundary_after(t, n, e + 1))
            *verb = e + 1;
        break;
    case 'r':
        if (t[e - 1] != 'e')
            break;
        if (c1 == 's' && boundary_after(t, n, e + 2))
            *verb = e + 2;
        else if (boundary_after(t, n, e + 1))
            *verb = e + 1;
        break;
    default:
        break;
    }
    if (*verb < *noun)
        *verb = *noun;
}

static bool push_hit(scan *s, size_t b, size_t e, uint32_t entry, uint8_t how)
{
    dc_hitvec *o = s->out;
    if (o->n == o->cap) {
        decorum_status st = dc_grow(s->al, (void **)&o->v, &o->cap, o->n + 1,
                                    sizeof *o->v, MAX_HITS);
        if (st != DECORUM_OK) {
            s->st = st;
            return false;
        }
    }
    dc_hit *h = &o->v[o->n++];
    h->begin = (uint32_t)b;
    h->end = (uint32_t)e;
    h->entry = entry;
    h->how = how;
    h->pad[0] = h->pad[1] = h->pad[2] = 0;
    return true;
}

static bool push_span(scan *s, spanvec *v, size_t b, size_t e, unsigned id)
{
    if (v->n == v->cap) {
        decorum_status st = dc_grow(s->al, (void **)&v->v, &v->cap, v->n + 1,
                                    sizeof *v->v, MAX_HITS);
        if (st != DECORUM_OK) {
            s->st = st;
            return false;
        }
    }
    v->v[v->n++] = (span){(uint32_t)b, (uint32_t)e, id};
    return true;
}

/* Reports the entries of pattern id matched at [b, e) under the boundary
 * and inflection rules; a match inside a word becomes a compound candidate
 * when that can matter. false: out of room (s->st is set). */
static bool report(scan *s, unsigned id, size_t b, size_t e)
{
    const dc_matcher *m = s->m;
    const pat *p = &m->pats[id];
    const unsigned char *t = s->t;
    size_t noun_end = e, verb_end = e;
    if ((p->bits & PB_STARS) && e < s->n && t[e] == '*')
        return true; /* "f***" inside "f*****": a longer masked word */
    if ((p->bits & PB_LEFT) && !boundary_before(t, b))
        goto in_word;
    if ((p->bits & PB_RIGHT) && !boundary_after(t, s->n, e)) {
        /* "is" is not "i" + s: terms under 3 bytes take no inflection. */
        if (p->len >= 3)
            inflect(t, s->n, e, &noun_end, &verb_end);
        else
            noun_end = verb_end = 0;
        if (!verb_end)
            goto in_word;
    }
    const grp *g = &m->groups[p->group];
    for (uint32_t k = 0; k < g->n; k++) {
        uint32_t x = m->gent[g->first + k];
        uint8_t eb = m->ebits[x];
        if ((p->how == DC_HIT_FUZZY && !(eb & EB_FUZZY)) ||
            (p->how == DC_HIT_MASKED && !(eb & EB_MASKED)))
            continue;
        if ((p->bits & PB_INFL) && !(eb & EB_VERB))
            continue;
        size_t end = (eb & EB_VERB) ? verb_end : noun_end;
        if (end && !push_hit(s, b, end, x, p->how))
            return false;
    }
    return true;
in_word:
    if ((p->bits & PB_COMP) && p->how == DC_HIT_EXACT &&
        !(p->bits & PB_INFL) && !push_span(s, &s->ms->cand, b, e, id))
        return false;
    return true;
}

static int on_match(unsigned int id, unsigned long long from,
                    unsigned long long to, unsigned int flags, void *ctx)
{
    (void)from;
    (void)flags;
    scan *s = ctx;
    size_t e = (size_t)to;
    return report(s, id, e - s->m->pats[id].len, e) ? 0 : 1;
}

/* Sorts without allocating: insertion sort for the usual few dozen, which
 * arrive nearly in order (Vectorscan reports by end offset), heap sort
 * beyond (glibc's qsort may call malloc). */
#define DEFINE_SORT(name, type, less)                                          \
    static void name##_sift(type *a, size_t root, size_t n)                    \
    {                                                                          \
        for (;;) {                                                             \
            size_t c = 2 * root + 1;                                           \
            if (c >= n)                                                        \
                return;                                                        \
            if (c + 1 < n && less(&a[c], &a[c + 1]))                           \
                c++;                                                           \
            if (!less(&a[root], &a[c]))                                        \
                return;                                                        \
            type tmp = a[root];                                                \
            a[root] = a[c];                                                    \
            a[c] = tmp;                                                        \
            root = c;                                                          \
        }                                                                      \
    }                                                                          \
    static void name(type *a, size_t n)                                        \
    {                                                                          \
        if (n <= 64) {                                                         \
            for (size_t i = 1; i < n; i++) {                                   \
                type x = a[i];                                                 \
                size_t j = i;                                                  \
                for (; j > 0 && less(&x, &a[j - 1]); j--)                      \
                    a[j] = a[j - 1];                                           \
                a[j] = x;                                                      \
            }                                                                  \
            return;                                                            \
        }                                                                      \
        for (size_t i = n / 2; i-- > 0;)                                       \
            name##_sift(a, i, n);                                              \
        for (size_t i = n - 1; i > 0; i--) {                                   \
            type tmp = a[0];                                                   \
            a[0] = a[i];                                                       \
            a[i] = tmp;                                                        \
            name##_sift(a, 0, i);                                              \
        }                                                                      \
    }

/* begin ascending, longer first, then entry and how for a stable order. */
static inline bool hit_less(const dc_hit *x, const dc_hit *y)
{
    if (x->begin != y->begin)
        return x->begin < y->begin;
    if (x->end != y->end)
        return x->end > y->end;
    if (x->entry != y->entry)
        return x->entry < y->entry;
    return x->how < y->how;
}

static inline bool span_less(const span *x, const span *y)
{
    return x->b < y->b || (x->b == y->b && x->e < y->e);
}

DEFINE_SORT(sort_hits, dc_hit, hit_less)
DEFINE_SORT(sort_spans, span, span_less)

/* Collects the single-word terms inside the token being split. */
static int on_piece(unsigned int id, unsigned long long from,
                    unsigned long long to, unsigned int flags, void *ctx)
{
    (void)from;
    (void)flags;
    scan *s = ctx;
    const pat *p = &s->m->pats[id];
    if (!(p->bits & PB_SEG))
        return 0;
    size_t e = (size_t)to, b = e - p->len, L = s->tok_len;
    const unsigned char *t = s->t + s->tok_start;
    /* The token is a word of the lexicon, perhaps plural (see PB_WORD), or
     * has too many pieces to bother: it does not split. */
    if ((b == 0 && (p->bits & PB_WORD) &&
         (e == L || (e + 1 == L && t[e] == 's') ||
          (e + 2 == L && t[e] == 'e' && t[e + 1] == 's'))) ||
        s->np == PIECES_MAX)
        return 1;
    s->ms->pieces[s->np++] = (span){(uint32_t)b, (uint32_t)e, id};
    return 0;
}

static void add_piece(scan *s, size_t b, size_t e)
{
    if (s->np < PIECES_MAX)
        s->ms->pieces[s->np++] = (span){(uint32_t)b, (uint32_t)e, 0};
}

/* Fills fwd[i] (t[ts, ts + i) splits into terms) and bwd[i] (t[ts + i,
 * te) does) for the token [ts, te). The pieces are the token's exact
 * single-word terms, found by scanning it again, each optionally followed
 * by a plural s; a one-byte term ("i", "a") only as the first piece, or
 * "arabia" would split into arab + i + a. */
static decorum_status split_token(scan *s, size_t ts, size_t te, uint8_t *fwd,
                                  uint8_t *bwd)
{
    const unsigned char *t = s->t + ts;
    size_t L = te - ts;
    const dc_matcher *m = s->m;
    memset(fwd, 0, L + 1);
    memset(bwd, 0, L + 1);
    s->np = 0;
    s->tok_start = ts;
    s->tok_len = L;
    if (m->words) {
        /* A table word, perhaps plural, is a word (see PB_WORD). */
        size_t whole[3] = {L, t[L - 1] == 's' ? L - 1 : 0,
                           L > 2 && t[L - 2] == 'e' && t[L - 1] == 's' ? L - 2
                                                                       : 0};
        for (int i = 0; i < 3; i++) {
            long g;
            if ((whole[i] == 3 || whole[i] == 4) &&
                (g = word_find(m, t, whole[i])) >= 0 &&
                (m->pats[g].bits & PB_WORD))
                return DECORUM_OK;
        }
    }
    hs_error_t r = hs_scan(s->m->db, (const char *)t, (unsigned)L, 0,
                           s->ms->hs, on_piece, s);
    if (r == HS_SCAN_TERMINATED)
        return DECORUM_OK; /* does not split: both tables stay 0 */
    if (r != HS_SUCCESS)
        return r == HS_NOMEM ? DECORUM_ERR_NOMEM : DECORUM_ERR_MATCHER;
    if (m->words)
        for (size_t i = 0; i + 3 <= L; i++)
            for (size_t k = 3; k <= 4 && i + k <= L; k++)
                if (word_find(m, t + i, k) >= 0)
                    add_piece(s, i, i + k);
    const uint32_t *tab = m->short_tab;
    if (tab) {
        int slot = short_slot(t, 1);
        if (slot >= 0 && tab[slot])
            add_piece(s, 0, 1);
        for (size_t i = 0; i + 2 <= L; i++)
            if ((slot = short_slot(t + i, 2)) >= 0 && tab[slot])
                add_piece(s, i, i + 2);
    }
    span *pc = s->ms->pieces;
    sort_spans(pc, s->np);
    fwd[0] = 1;
    bwd[L] = 1;
    for (size_t i = 0; i < s->np; i++) {
        size_t sb = pc[i].b, se = pc[i].e;
        if (!fwd[sb])
            continue;
        fwd[se] = 1;
        if (se < L && t[se] == 's')
            fwd[se + 1] = 1;
    }
    for (size_t i = s->np; i-- > 0;) {
        size_t sb = pc[i].b, se = pc[i].e;
        if (bwd[se] || (se < L && t[se] == 's' && bwd[se + 1]))
            bwd[sb] = 1;
    }
    return DECORUM_OK;
}

/* Decides the compound candidates: see the file comment. */
static decorum_status resolve_compounds(scan *s)
{
    const unsigned char *t = s->t;
    uint8_t fwd[COMPOUND_MAX + 1], bwd[COMPOUND_MAX + 1];
    size_t ts = SIZE_MAX, te = 0; /* token whose tables are computed */
    for (size_t c = 0; c < s->ms->cand.n; c++) {
        const span cd = s->ms->cand.v[c];
        size_t a = cd.b, z = cd.e;
        while (a > 0 && word_byte(t[a - 1]))
            a--;
        while (z < s->n && word_byte(t[z]))
            z++;
        if (z - a > COMPOUND_MAX)
            continue;
        if (a != ts || z != te) {
            ts = a;
            te = z;
            decorum_status st = split_token(s, ts, te, fwd, bwd);
            if (st != DECORUM_OK)
                return st;
        }
        size_t cb = cd.b - ts, ce = cd.e - ts, end;
        if (!fwd[cb])
            continue;
        if (ce < te - ts && t[cd.e] == 's' && bwd[ce + 1])
            end = cd.e + 1;
        else if (bwd[ce])
            end = cd.e;
        else
            continue;
        const grp *g = &s->m->groups[s->m->pats[cd.id].group];
        for (uint32_t k = 0; k < g->n; k++) {
            uint32_t x = s->m->gent[g->first + k];
            if ((s->m->ebits[x] & EB_COMPOUND) &&
                !push_hit(s, cd.b, end, x, DC_HIT_COMPOUND))
                return s->st;
        }
    }
    return DECORUM_OK;
}

/* Finds the terms that are not in the database: words of one or two
 * bytes (short_tab) and, at the start of words of 3 to 7 bytes, terms of
 * 3 or 4 (words), which may take an inflection of up to 3 bytes. */
static bool match_words(scan *s)
{
    const unsigned char *t = s->t;
    const dc_matcher *m = s->m;
    size_t n = s->n;
    for (size_t i = 0; i < n;) {
        if (!word_byte(t[i])) {
            i++;
            continue;
        }
        size_t a = i++;
        while (i < n && word_byte(t[i]))
            i++;
        size_t len = i - a;
        if (len <= 2) {
            int slot;
            if (!m->short_tab || (slot = short_slot(t + a, len)) < 0 ||
                !m->short_tab[slot] || !boundary_before(t, a) ||
                !boundary_after(t, n, i))
                continue;
            const grp *g = &m->groups[m->short_tab[slot] - 1];
            for (uint32_t k = 0; k < g->n; k++)
                if (!push_hit(s, a, i, m->gent[g->first + k], DC_HIT_EXACT))
                    return false;
            continue;
        }
        if (!m->words || len > 7)
            continue;
        for (size_t k = 3; k <= 4 && k <= len; k++) {
            long g;
            if (len - k <= 3 && (g = word_find(m, t + a, k)) >= 0 &&
                !report(s, (unsigned)g, a, a + k))
                return false;
        }
    }
    return true;
}

decorum_status dc_match(const dc_alloc *al, const dc_matcher *m,
                        dc_match_scratch *ms, const dc_norm *n,
                        dc_hitvec *out)
{
    if (!al || !m || !ms || !n || !out || ms->m != m || (n->len && !n->text))
        return DECORUM_ERR_INVALID;
    out->n = 0;
    ms->cand.n = 0;
    if (n->len == 0 || (!m->db && !m->short_tab && !m->words))
        return DECORUM_OK;
    if (n->len > UINT_MAX || n->len > UINT32_MAX)
        return DECORUM_ERR_TOOBIG;
    scan s = {m, al, (const unsigned char *)n->text, n->len, out, ms,
              DECORUM_OK, 0, 0, 0};
    if (m->db) {
        hs_error_t r = hs_scan(m->db, n->text, (unsigned)n->len, 0, ms->hs,
                               on_match, &s);
        if (r == HS_SCAN_TERMINATED)
            goto fail;
        if (r != HS_SUCCESS) {
            s.st = r == HS_NOMEM ? DECORUM_ERR_NOMEM : DECORUM_ERR_MATCHER;
            goto fail;
        }
        if (ms->cand.n && (s.st = resolve_compounds(&s)) != DECORUM_OK)
            goto fail;
    }
    if ((m->short_tab || m->words) && !match_words(&s))
        goto fail;
    sort_hits(out->v, out->n);
    /* The same entry at the same span through two patterns: keep one. */
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        const dc_hit *h = &out->v[i];
        if (w && out->v[w - 1].begin == h->begin &&
            out->v[w - 1].end == h->end && out->v[w - 1].entry == h->entry)
            continue;
        out->v[w++] = *h;
    }
    out->n = w;
    return DECORUM_OK;
fail:
    out->n = 0;
    return s.st;
}

void dc_hitvec_release(const dc_alloc *al, dc_hitvec *hv)
{
    if (!hv)
        return;
    dc_free(al, hv->v, hv->cap * sizeof *hv->v);
    hv->v = NULL;
    hv->n = hv->cap = 0;
}
