/*
 * decorum_int.h: declarations shared by the library's modules. Not installed.
 *
 * The pipeline for one comment (lib/analyze.c drives it):
 *
 *   original text --normalize.c--> dc_norm (folded text + offset map)
 *                 --match.c-----> dc_hit[] (lexicon entries found, with
 *                                 normalized offsets)
 *                 --rules.c-----> dc_finding[] (target + attack + scope)
 *                 --model.c-----> head scores (optional)
 *                 --score.c-----> decorum_result (scores, verdict, spans in
 *                                 original byte offsets)
 *
 * Ownership: the engine (immutable) owns lexicons, the compiled matcher and
 * the model; the scratch owns every per-comment buffer. All memory comes
 * through the engine's allocator (dc_alloc_*).
 */
#ifndef DECORUM_INT_H
#define DECORUM_INT_H

#include "decorum.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---------------------------------------------------------------------- */
/* Allocation (alloc.c)                                                    */
/* ---------------------------------------------------------------------- */

typedef struct dc_alloc {
    decorum_allocator a; /* always complete: defaults filled in */
} dc_alloc;

void dc_alloc_init(dc_alloc *al, const decorum_allocator *user);
void *dc_malloc(const dc_alloc *al, size_t size);
void *dc_calloc(const dc_alloc *al, size_t n, size_t size); /* checks n*size */
void *dc_realloc(const dc_alloc *al, void *p, size_t old_size, size_t new_size);
void dc_free(const dc_alloc *al, void *p, size_t size);
/* A large zeroed table a scratch keeps (alloc.c): dc_table_mapped says
 * whether one of size bytes is mapped on its own, 2 MiB aligned, on a huge
 * page where the kernel allows, rather than taken from the allocator. */
void *dc_table_new(const dc_alloc *al, size_t size);
void dc_table_free(const dc_alloc *al, void *p, size_t size);
bool dc_table_mapped(const dc_alloc *al, size_t size);
/* Asks the kernel to read in and map the whole 2 MiB pages inside the
 * read-only data [p, p + len) as huge pages (alloc.c): for the built-in
 * tables read at random while scoring. */
void dc_advise_huge(const void *p, size_t len);
/* An arena (alloc.c): one mapping of size bytes, 2 MiB aligned, on huge
 * pages, from which a scratch's tables and arrays (DC_ARENA_SCRATCH), or
 * the engine's tables at load (DC_ARENA_ENGINE), are bumped.
 * dc_arena_init returns the allocator to use: the arena's (ctx a), or up
 * itself where there is no arena (a user allocator, AddressSanitizer, no
 * transparent huge pages, DECORUM_NO_ARENA, a failed mmap). Blocks that
 * do not fit go to up. A freed block other than the last is left behind,
 * not reused: whatever allocates from an arena after start-up must only
 * grow its blocks (dc_grow), never free and allocate anew per comment, or
 * the arena fills with what is left behind and every block after goes to
 * up. Release after every block from it has been freed. */
#define DC_ARENA_SCRATCH ((size_t)4 << 20)
#define DC_ARENA_ENGINE ((size_t)2 << 20)
typedef struct dc_arena {
    dc_alloc al;         /* the arena's functions, ctx: this arena */
    const dc_alloc *up;  /* the engine's allocator */
    unsigned char *base; /* the mapping, or NULL: no arena */
    size_t size;         /* of the mapping */
    size_t used;         /* bytes handed out from base (bump) */
    size_t fresh;        /* bytes from base ever handed out: past it, zero */
    size_t last;         /* offset of the last block handed out, or SIZE_MAX */
} dc_arena;
const dc_alloc *dc_arena_init(dc_arena *a, const dc_alloc *up, size_t size);
/* Whether this process makes arenas at all: DECORUM_NO_ARENA unset and
 * the kernel's transparent huge pages on (read once). */
bool dc_arenas_allowed(void);
void dc_arena_release(dc_arena *a);

/* Copies len bytes and a NUL. */
char *dc_strndup(const dc_alloc *al, const char *s, size_t len);

/* dc_grow's work when *cap is short of need. */
decorum_status dc_grow_to(const dc_alloc *al, void **p, size_t *cap,
                          size_t need, size_t elem, size_t max);

/* Grows *p (element size elem, capacity *cap) to hold at least need
 * elements, doubling. Fails with DECORUM_ERR_TOOBIG past max elements,
 * DECORUM_ERR_NOMEM when the allocator fails; *p is unchanged on failure.
 * Inline: the stages make sure of room several times a comment, and there
 * nearly always is. */
static inline decorum_status dc_grow(const dc_alloc *al, void **p,
                                     size_t *cap, size_t need, size_t elem,
                                     size_t max)
{
    return need <= *cap ? DECORUM_OK : dc_grow_to(al, p, cap, need, elem, max);
}

/* dc_grow_fresh's work when *cap is short of need. */
decorum_status dc_grow_fresh_to(const dc_alloc *al, void **p, size_t *cap,
                                size_t need, size_t elem, size_t max);

/* dc_grow for a block whose contents the caller writes anew before it
 * reads them (a comment's working arrays): when it grows, its old
 * contents are not copied (a realloc copied them, to be overwritten).
 * On failure *p is NULL and *cap 0, or both unchanged (TOOBIG). */
static inline decorum_status dc_grow_fresh(const dc_alloc *al, void **p,
                                           size_t *cap, size_t need,
                                           size_t elem, size_t max)
{
    return need <= *cap ? DECORUM_OK
                        : dc_grow_fresh_to(al, p, cap, need, elem, max);
}

/* The n low bytes (1-8) of a little-endian integer at p, and its writer:
 * the byte order of every binary format the library reads and writes
 * (model file, matcher blob, lexicon image), whatever the host's. */
/* Is the word w (l bytes) one of the n words of list? For the few word
 * lists kept in C (the rules' naming and assent words, the matcher's
 * contraction clashes). Out of line (lexicon.c): inline in the rules'
 * twenty call sites it pushed their hot callers over the inlining limits
 * (bench corpus, callgrind: 278.9M instructions inline, 278.2M out of
 * line). */
bool dc_word_in(const char *w, size_t l, const char *const *list, size_t n);

static inline uint64_t dc_get_le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static inline void dc_put_le(unsigned char *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++, v >>= 8)
        p[i] = (unsigned char)v;
}

/* FNV-1a, 64 bits, over p[0, len) from the state h (DC_FNV_BASIS to
 * start): the library's one byte-at-a-time string hash, for keys made at
 * build or load time (the matcher's blob key, the split table's slots,
 * the trainer's row ids); hot paths have hashes of their own. */
#define DC_FNV_BASIS 14695981039346656037ull
static inline uint64_t dc_fnv1a64(uint64_t h, const void *p, size_t len)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < len; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

/* Word bytes, 1 in the table: [a-z0-9], every non-ASCII byte, and [A-Z]
 * in case a caller passes unfolded text (match.c; split.c reads its
 * fragments' neighbours with it). */
extern const uint8_t dc_word_tab[256];

/* Fills err (may be NULL) and returns st. fmt is printf-style. */
decorum_status dc_fail(decorum_error *err, decorum_status st, size_t pos,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---------------------------------------------------------------------- */
/* UTF-8 (utf8.c)                                                          */
/* ---------------------------------------------------------------------- */

/* Decodes one code point at s[0..len). Returns its byte length (1..4) and
 * sets *cp, or returns 0 for an invalid sequence. */
size_t dc_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t dc_utf8_encode(uint32_t cp, char *out);

/* ---------------------------------------------------------------------- */
/* Normalization (normalize.c)                                             */
/* ---------------------------------------------------------------------- */

/* How a normalized byte came about; bits, per output byte. */
#define DC_EV_LEET 0x01u       /* digit or symbol read as a letter: h4te */
#define DC_EV_CONFUSABLE 0x02u /* look-alike Unicode letter */
#define DC_EV_SPACED 0x04u     /* letters spaced out and joined: k i l l */
#define DC_EV_STRETCH 0x08u    /* a stretched run shortened: haaaate */
#define DC_EV_INVISIBLE 0x10u  /* zero-width or combining marks removed */
#define DC_EV_MASK 0x20u       /* masking symbol inside a word: f*ck */
#define DC_EV_ANY 0x3fu

/*
 * Normalized text. text[0..len) is UTF-8, NUL-terminated, case-folded,
 * NFKC, look-alikes mapped to ASCII letters, leetspeak decoded inside words,
 * spaced-out letters joined, runs of 3+ identical letters cut to 2,
 * zero-width characters and combining marks removed, Unicode quotes and
 * dashes mapped to ASCII ' " -, runs of horizontal white space collapsed to
 * one ' ' and runs of line breaks to one '\n'. Other punctuation is kept
 * (parentheses, quotes, ? and ! matter to the rules).
 *
 * Offset map: output byte i came from original bytes
 * [src_begin[i], src_end[i]). For a span [b, e) of normalized text the
 * original span is [src_begin[b], src_end[e - 1]). Both arrays are
 * non-decreasing. how[i] holds DC_EV_* bits.
 *
 * Padded (dc_normalize's output; a dc_norm made by hand is not): the
 * DC_NORM_FRONT bytes before text are readable, text[-1] being ' ', and
 * text[len, len + DC_NORM_PAD) are zero bytes, so the matcher and the
 * model read the text where it is, past its ends included, instead of
 * each copying it between pads of their own.
 */
#define DC_NORM_FRONT 8
#define DC_NORM_PAD 96

typedef struct dc_norm {
    char *text;          /* [cap], NUL-terminated at len; see padded */
    uint32_t *src_begin; /* [cap] */
    uint32_t *src_end;   /* [cap] */
    uint8_t *how;        /* [cap] */
    size_t len;
    size_t cap;
    uint32_t evasions; /* OR of how[] */
    bool ascii;        /* the input was pure ASCII (fast path taken),
                        * and then so is text */
    bool padded;       /* text[-1] and DC_NORM_PAD bytes past len: above */
    /* src_begin[i] is i and src_end[i] is i + 1 for every i < len, and the
     * two arrays were not written (see dc_normalizer_set_lazy_map): read
     * them through dc_norm_src_begin() and dc_norm_src_end(). */
    bool ident_map;
} dc_norm;

/* Where output byte i came from: [dc_norm_src_begin(n, i),
 * dc_norm_src_end(n, i)) in the original text. */
static inline uint32_t dc_norm_src_begin(const dc_norm *n, size_t i)
{
    return n->ident_map ? (uint32_t)i : n->src_begin[i];
}

static inline uint32_t dc_norm_src_end(const dc_norm *n, size_t i)
{
    return n->ident_map ? (uint32_t)i + 1 : n->src_end[i];
}

typedef struct dc_normalizer dc_normalizer; /* engine-side, immutable */

/* Builds the immutable normalizer (stage 2's byte tables). */
decorum_status dc_normalizer_new(const dc_alloc *al, dc_normalizer **out,
                                 decorum_error *err);
void dc_normalizer_free(const dc_alloc *al, dc_normalizer *nz);

/* Per-thread normalization state (stage 1's output buffer). */
typedef struct dc_norm_scratch dc_norm_scratch;
decorum_status dc_norm_scratch_new(const dc_alloc *al, const dc_normalizer *nz,
                                   dc_norm_scratch **out);
void dc_norm_scratch_free(const dc_alloc *al, dc_norm_scratch *ns);

/* With on, dc_normalize leaves an ASCII text's offset map unwritten where
 * it is the identity, and says so in dc_norm.ident_map: for a caller that
 * reads the map only through dc_norm_src_begin() and dc_norm_src_end() (the
 * engine; writing it took 1.6M of the 24.9M instructions the normalizer
 * ran on the bench corpus, for a map read at a few findings' ends). Off by
 * default. Set before the normalizer is shared. */
void dc_normalizer_set_lazy_map(dc_normalizer *nz, bool on);

/* Normalizes text[0..len) (valid UTF-8, checked by the caller) into *out,
 * growing out's buffers through al (capacity limit: max_out bytes,
 * else DECORUM_ERR_TOOBIG). Buffers are reused across calls; free with
 * dc_norm_release(). */
decorum_status dc_normalize(const dc_alloc *al, const dc_normalizer *nz,
                            dc_norm_scratch *ns, const char *text, size_t len,
                            size_t max_out, dc_norm *out);
void dc_norm_release(const dc_alloc *al, dc_norm *n);

/* One change to a normalized text: bytes [b, e) are replaced by the rep_len
 * bytes at rep (none, and rep NULL: taken out). */
typedef struct dc_edit {
    uint32_t b, e;
    const char *rep;
    uint32_t rep_len;
} dc_edit;

/* Writes into *out the normalized text in with the n edits ed applied
 * (sorted by b, not overlapping, within in's text), with its offset map:
 * a kept byte maps where it did in in, a replacement's bytes to the whole
 * source range of what they replace. out is padded as dc_normalize's is
 * and never in itself; its buffers are reused across calls (limit max_out
 * bytes, else DECORUM_ERR_TOOBIG). */
decorum_status dc_norm_edit(const dc_alloc *al, const dc_norm *in,
                            const dc_edit *ed, size_t n, size_t max_out,
                            dc_norm *out);

/* ---------------------------------------------------------------------- */
/* Lexicon (lexicon.c): entries loaded from data/lexicon, one .tsv a file */
/* ---------------------------------------------------------------------- */

/* Entry kinds: X(enum suffix, name used in the .tsv files). */
#define DC_KIND_MAP(X)                                                         \
    X(IDENTITY, "identity")       /* protected-group term */                   \
    X(PERSON, "person")           /* people, men, folks: after an adjective */ \
    X(SLUR, "slur")                                                            \
    X(DEHUMANIZE, "dehumanize")                                                \
    X(DEROGATE, "derogate")                                                    \
    X(HATE_VERB, "hate_verb")     /* hate, despise: "I hate X" */              \
    X(THREAT, "threat")           /* kill, gas, exterminate */                 \
    X(EXCLUSION, "exclusion")     /* deport, go back, ban */                   \
    X(STEREOTYPE, "stereotype")   /* "are all", "known for", "by nature" */    \
    X(CODE, "code")               /* numeric codes and code words */           \
    X(DOGWHISTLE, "dogwhistle")                                                \
    X(CONSPIRACY, "conspiracy")   /* a trope phrase on its own */              \
    X(CONSP_ACTOR, "consp_actor") /* soros, globalists, rothschilds */         \
    X(CONSP_ACTION, "consp_action") /* funding, controls, behind */            \
    X(CONSP_OBJECT, "consp_object") /* invasion, the media, the banks */       \
    X(PROFANITY, "profanity")                                                  \
    X(INSULT, "insult")                                                        \
    X(NONPROTECTED, "nonprotected") /* politicians, governments, policies */   \
    X(OBJECT, "object")           /* weather, traffic, this game */            \
    X(NEGATION, "negation")                                                    \
    X(DENOUNCE, "denounce")       /* racist, bigoted, not okay */              \
    X(REPORT, "report")           /* said, called, saying, quote */            \
    X(PRONOUN_GROUP, "pronoun_group") /* they, them, these people */           \
    X(PRONOUN_YOU, "pronoun_you")                                              \
    X(PRONOUN_SELF, "pronoun_self")                                            \
    X(HUMANITY, "humanity")       /* human, people: "X are not human" */       \
    X(COPULA, "copula")                                                        \
    X(MODAL, "modal")             /* should, must, need to, deserve to */      \
    X(QUANTIFIER, "quantifier")   /* all, every, most */                       \
    X(MIGRATION, "migration")     /* border, asylum: makes invaders literal */ \
    X(POSITIVE, "positive")       /* love, respect, welcome, proud */          \
    X(INGROUP, "ingroup")         /* "as a", "i'm a", "we" before identity */  \
    X(ALLOW, "allow")             /* innocent words that fuzzy variants hit */ \
    X(GLUE, "glue")               /* function words for run-together text */ \
    X(ENDORSE, "endorse")         /* "exactly", "he was right": agreement */ \
    X(CONJUNCTION, "conjunction") /* because, but: a negator stops there */ \
    X(HARM, "harm")               /* hit, abuse: wrongs done to others */ \
    X(APPROVE, "approve") /* good riddance: approval of a deed told */ \
    X(PLACE, "place")     /* hotel, shelter: a building people live in */ \
    X(DENIAL, "denial")   /* hoax, never happened: an event called false */ \
    X(BODY, "body")       /* adam's apple, stubble: a body read as male */ \
    X(ACCESS, "access")   /* hire, rent, marry: a place given to a person */ \
    X(WEAPON, "weapon")   /* rifle, machete, petrol: an instrument of harm */ \
    X(HOLIDAY, "holiday") /* ramadan, passover, diwali: a holy day or season */ \
    X(DEED, "deed")       /* mocking, comparing: a deed done to people */ \
    X(USE, "use")         /* cooking, breeding: a demeaning use, worth_use */ \
    X(HOSTILITY, "hostility") /* racism, hatred; idea; inferior: deed_judged */ \
    X(PEST, "pest")       /* bait, spray, traps: a pest fought as a pest */ \
    X(GEAR, "gear")       /* engine, door, lens: a made thing or its part */ \
    X(SOURCE, "source")   /* research, statistics: where a claim comes from */ \
    X(DOMAIN, "domain")   /* ignition, gravy, latakia: a field of talk where a slur of the same sense is its everyday word */ \
    X(FILLER, "filler")   /* basically, them, every last: left out of the canonical text (canon.c) */ \
    X(DISCOURSE, "discourse") /* ngl, tbh, lol, i mean: a marker at a sentence's edge, read as absent (edge_markers) */ \
    X(TAG, "tag")         /* just saying, iykyk: a sentence's closing tag, a sentence of its own */ \
    X(LABEL, "label")     /* autistic people, non-Muslims: a group's words in a reason (why column), matched nowhere */ \
    X(WORD, "word")       /* want, role, in, the: a closed class of words one rule reads (its sense), matched nowhere */

typedef enum dc_kind {
#define DC_X_(e, name) DC_KIND_##e,
    DC_KIND_MAP(DC_X_)
#undef DC_X_
    DC_N_KINDS
} dc_kind;

const char *dc_kind_name(dc_kind k);

/* The category named by the len bytes at name ("race", "religion", ...,
 * and "immigration" as docs/LEXICON.md spells it): its bit in *bit. */
bool dc_category_of(const char *name, size_t len, uint32_t *bit);

/* Entry flags (the flags column). */
#define DC_F_RECLAIMABLE 0x0001u /* an in-group reclaimed use exists */
#define DC_F_AMBIGUOUS 0x0002u   /* innocent reading common: needs context */
#define DC_F_NOFUZZY 0x0004u     /* never match misspelled variants */
#define DC_F_COMPOUND 0x0008u    /* may match run together with other words */
#define DC_F_ADJ 0x0010u         /* identity adjective: needs a person noun */
#define DC_F_VERB 0x0020u        /* verb: accepts -ed, -ing, -s */
#define DC_F_CASE 0x0040u        /* code word: counts only capitalized; slur:
                                  * not as an all-capitals acronym in mixed
                                  * case, nor run together (LEXICON.md) */
#define DC_F_PLURAL 0x0080u      /* counts only in the plural (groups) */
#define DC_F_SEVERE 0x0100u      /* contributes to SEVERE_TOXICITY */
#define DC_F_NOUN 0x0200u        /* group noun: jews, muslims */
#define DC_F_BANTER 0x0400u      /* common in banter aimed at no one */
#define DC_F_BELIEF 0x0800u      /* report of a belief, not of words */
#define DC_F_NEGATED 0x1000u     /* an attack only after a negator */
#define DC_F_COPULA 0x2000u      /* holds a linking verb: aren't, they're */
#define DC_F_STAR 0x4000u        /* its masked form is this term: f*** = fuck */
#define DC_F_WILL 0x8000u        /* a pronoun holding will: i'll, we'll, i'd */
#define DC_F_GAME 0x10000u       /* also a win in a game: beat, crush */
#define DC_F_OWN 0x20000u        /* attacks only the group it names */
#define DC_F_FORMULA 0x40000u    /* only after "only good" + group */
#define DC_F_EVENT 0x80000u      /* after a group word, an event it suffered */
#define DC_F_JUDGE 0x100000u     /* denounce: a judgement, not "bigotry" */
#define DC_F_PLACE 0x200000u     /* threat done to places: burn down, torch */
#define DC_F_THING 0x400000u     /* a non-protected target that is no one */
#define DC_F_JOKE 0x800000u      /* stereotype: the set-up of a group joke */
#define DC_F_SPORT 0x1000000u    /* object: a sport, its field, a contest */
#define DC_F_OBLIGE 0x2000000u   /* modal: obligation (should, must, has to) */
#define DC_F_SCARE 0x4000000u    /* allow: scare frame, "so-called" X */
#define DC_F_BACKS 0x8000000u    /* modal: the writer backs the act named next */
#define DC_F_RANKS 0x10000000u   /* derogate: ranks the group after it lower */
#define DC_F_VENT 0x20000000u    /* derogate: an outburst; a slur names whom */
#define DC_F_ANIMAL 0x40000000u  /* threat, exclusion: also done to animals */
#define DC_F_WISHED 0x80000000u  /* threat: only as a wish's object, "want X dead" */
#define DC_F_EXCLAIM 0x100000000ull /* profanity: an exclamation, aimed at no one */
#define DC_F_ARRIVAL 0x200000000ull /* migration: people arriving (boatload) */
#define DC_F_NOTPERSON 0x400000000ull /* ambiguous slur: its everyday sense names no people */
#define DC_F_FADE 0x800000000ull /* threat: an end things come to, die out */
#define DC_F_ANAPHOR 0x1000000000ull /* threat: its object is told before */
#define DC_F_GROUPCUE 0x2000000000ull /* ambiguous slur: counts only disguised, before a person noun or beside its group's name */
#define DC_F_SEXAGE 0x4000000000ull /* person noun naming people by sex or age (women, girls): no tool or animal sense takes it */
#define DC_F_ESSENCE 0x8000000000ull /* stereotype: a trait said to be inborn (in their blood, by nature) */
#define DC_F_VERBSENSE 0x10000000000ull /* slur: also an ordinary verb (retard the timing, cripple the economy) */
/* the everyday sense the phrase has, an 8-bit number in bits 41 to 48
 * (DC_SENSE_*), which the rules test for (veil_literal, harmless_threat,
 * libel_of_people, rule_conspiracy) instead of the term's bytes; one per
 * entry. (3 bits until the threats' seven senses filled them, 4 until
 * the twenty-seventh session's filled those, 5 until session 38's
 * `tempo` found PERFORMER the last of 31; the lexicon image kept 48
 * bits of flags until session 54, whose `frame` took bit 48 and image
 * version 5, which keeps 64.) */
#define DC_F_SENSE_SHIFT 41
#define DC_F_SENSE (255ull << DC_F_SENSE_SHIFT)
/* (bits 49 and up are flags again, past the sense field: the lexicon
 * image keeps 64 bits since session 54; the field took bit 48 from
 * `frame` in session 56, when c56's and h56's classes filled its 128
 * values, image version 6) */
#define DC_F_FRAME 0x2000000000000ull /* stereotype: a frame of every member (are all, typical): rule_frame_trait */
#define DC_F_ALL 0x3ffffffffffffull  /* every flag above */

/* The values of the sense field (the lexicon's flag of the same name). */
enum {
    DC_SENSE_NONE,
    DC_SENSE_FEAST,   /* an oven made ready "for you and your family" */
    DC_SENSE_WELCOME, /* "room for" more in a river or a sea */
    DC_SENSE_MUSIC,   /* "throw acid": acid jazz, acid house */
    DC_SENSE_MISHAP,  /* "have an accident": a worry, an accident report */
    DC_SENSE_COFFIN,  /* "leave in a box": the one who comes in */
    DC_SENSE_DESERT,  /* "leave them in the desert": lizards, a report */
    DC_SENSE_DOX,     /* "someone dox him": asked, or for a bake sale */
    DC_SENSE_BREED,   /* "breeding on purpose": a breeder's animals */
    DC_SENSE_YEAR,    /* "2008": a year, a crash only after a crash deed */
    DC_SENSE_MELON,   /* "watermelon": half of the food trope */
    DC_SENSE_CHICKEN, /* "fried chicken", "kfc": its other half */
    DC_SENSE_FATE,    /* "days are numbered": a fate idiom, said of
                       * anything; a threat only of a group (rule_fate) */
    DC_SENSE_ILLNESS, /* "cancer": a figure only where no one has it
                       * (illness_had) */
    DC_SENSE_CRACK,   /* "chink": also a crack, "a chink in the wall"
                       * (armour_sense) */
    DC_SENSE_DISH,    /* "faggots": also a dish, "faggots and peas"
                       * (dish_sense) */
    DC_SENSE_PRAISE,  /* "a visionary", "bring back": an approve entry that
                       * praises only a named atrocity or its architect
                       * (rule_atrocity_praised), never a deed told */
    DC_SENSE_NOTICE,  /* code: half of an insinuation, a marker ("notice
                       * how", no group) or a referent ("same last
                       * names", 👃, with one): rule_noticing */
    DC_SENSE_VICE,    /* "commit crimes", "don't work", "can't be trusted":
                       * an open predicate, said of anyone; a stereotype
                       * only of a group told of as a whole
                       * (generalized_vice) */
    DC_SENSE_CONDUCT, /* "behaviour", "mentality": anyone's conduct; a
                       * stereotype only as "typical X behaviour"
                       * (generalized_vice) */
    DC_SENSE_ARCHITECT, /* "verwoerd", "hitler": a person who made an
                         * atrocity; praise of him is praise of it, but
                         * nothing of his is denied (rule_atrocity_denied) */
    DC_SENSE_CAPACITY,  /* "can't govern", "incapable of running a
                         * country": a capacity denied, an open predicate
                         * as `vice` is; never of a group named by a
                         * disability, which may lack it in fact
                         * (generalized_vice) */
    DC_SENSE_PATTERN,   /* "always", "every time": the group as the
                         * culprit each time, an insinuation beside an
                         * incident and a cue (culprit_pattern) */
    DC_SENSE_SHRUG,     /* "not my problem", "no great loss": an approve
                         * entry that shrugs off harm; said of a harm to a
                         * group, a threat (rule_shrug) */
    DC_SENSE_PLAIN,     /* code: a question called plain ("genuine
                         * question"): a marker only beside a question
                         * that singles a group out (rule_insinuated,
                         * rule_presumed), never rule_noticing's */
    DC_SENSE_VIRTUE,    /* allow: a virtue ("honesty", "work ethic"),
                         * innocent; negated before a frame that puts a
                         * trait in a group's make, denied the group by
                         * birth (rule_virtue_denied) */
    DC_SENSE_GALLOWS,   /* allow: a rope, or (flag `place`) a tree or a
                         * post to hang from; the two together in a
                         * comment about a group call up a lynching
                         * (rule_gallows) */
    DC_SENSE_SWEEP,     /* pronoun_group: a whole people swept up from a
                         * member ("that whole race", "that entire
                         * country"): a fault said of it is said of all
                         * (rule_sweep) */
    DC_SENSE_TRAP,      /* allow: a way out barred ("block the exits");
                         * beside a fire lit, people burned inside
                         * (rule_trapped) */
    DC_SENSE_KINDLE,    /* allow: a fire lit ("light it up", "one match"),
                         * the other half of rule_trapped's arson */
    DC_SENSE_MEDIUM,    /* object: a medium that portrays people ("films",
                         * "headlines", "fairy tales"; portrayal_asked) */
    DC_SENSE_PERFORMER, /* identity: a group named by what it performs
                         * ("drag queens"): a target of contempt for
                         * people, not of a ban on the performance nor of
                         * a figure of praise (performer_spared); the
                         * 5-bit field's last value */
    DC_SENSE_TEMPO,     /* slur: also the ritardando of a score ("retard
                         * slightly before the cadence"; tempo_sense) */
    DC_SENSE_DUTY,      /* allow: a duty or norm of daily life ("pay",
                         * "tip", "wash", "queue", "turn up"): innocent;
                         * "never"/"don't"/"won't" done by a group as its
                         * habit, a failing pinned on it (habit_clause,
                         * session 40) */
    DC_SENSE_SKILL,     /* allow: a competence ("park", "reverse", "follow
                         * instructions", "sit still"): innocent; denied a
                         * group with "can't" as its make (habit_clause,
                         * session 40) */
    DC_SENSE_FAILING,   /* allow: a failing named as a noun ("laziness",
                         * "rudeness", "violence"): innocent; asked as the
                         * subject of a question that puts it in a
                         * group's make ("is laziness part of their
                         * culture?"), a stereotype (rule_vice_asked,
                         * session 41) */

    DC_SENSE_SHOVE,     /* allow (and coded "push"): a force that moves a
                         * body ("shove", "nudge", "throw"); with a group
                         * as its object and a drop after it, a threat
                         * (rule_shoved, session 41) */
    DC_SENSE_DROP,      /* allow: a place a body falls from or into, or
                         * is run down by ("stairs", "platform", "canal",
                         * "bus"): rule_shoved's other half */
    DC_SENSE_LEAVE,     /* allow: leaving a place for good ("leave",
                         * "pack up", "clear out", "sell up"): after an
                         * ultimatum's "to", the time given to a group to
                         * go (ultimatum, session 41) */
    DC_SENSE_BOARD,     /* allow: a drop one also gets on ("bus",
                         * "platform", "steps"): rule_shoved reads it
                         * only with off/under/down/over/in front of,
                         * not onto/into (boarding help; rv41) */
    DC_SENSE_WATER,     /* allow: a drop of water ("river", "lake",
                         * "harbour"): with a festive occasion and no
                         * hostile word, a dunking, not a threat (rv41) */
    DC_SENSE_FESTIVE,   /* allow: a festive occasion or ritual ("stag
                         * do", "wedding", "tradition"): rule_shoved's
                         * horseplay exemption (rv41) */
    DC_SENSE_TEAM,      /* nonprotected: a side that plays ("team"): a
                         * race's colour before a noun of contempt in its
                         * sentence is the side's name, "the brown
                         * barbarians are a roller derby team"
                         * (adjective_names; session 43, rv43i) */
    DC_SENSE_ROLE,      /* nonprotected: a faith's role-holder ("imam",
                         * "rabbi"): quantified ("every imam", "all the
                         * rabbis") and threatened, the faith's
                         * people (role_group; session 44) */
    DC_SENSE_FRIGHT,    /* slur and domain: a ghost or a scare ("spook":
                         * "the spook in the hallway scene"; domain_sense,
                         * session 44) */
    DC_SENSE_WARE,      /* slur and domain: goods of the East, tobacco,
                         * rugs ("oriental": "oriental blends, latakia";
                         * domain_sense, session 44) */
    DC_SENSE_WINK,      /* code: a wink to insiders ("iykyk", "you know
                         * what it means"): the second signal that reads
                         * an ambiguous neo-Nazi code or a coded noun as
                         * meant (code_resolved; session 44, q44c) */
    DC_SENSE_KIN,       /* code: the people a neo-Nazi code is for ("our
                         * people", "proud white lads", "good european
                         * blood"): read only beside such a code
                         * (code_resolved; session 44, q44c) */
    DC_SENSE_SECTOR,    /* consp_object: a trade or a class of firms
                         * ("the airlines", "every platform", "the grid"):
                         * an object only told at scale of an actor that is
                         * the trope (sector_object; session 45, q45d) */
    DC_SENSE_STANCE,    /* filler: a stance adverb or intensifier after
                         * an affirmative linking verb ("are basically",
                         * "is literally"): left out (canon.c) */
    DC_SENSE_DET,       /* filler: a determiner before a group word
                         * ("them Muslims", "all these Somalis"): left
                         * out, the bare plural stays (canon.c) */
    DC_SENSE_QUANT,     /* filler: a word inside a quantifier phrase
                         * ("every last", "each and every"): left out
                         * (canon.c) */
    DC_SENSE_HEAD,      /* filler: a collective head after an identity
                         * adjective ("the Polish lot"): read "people"
                         * (canon.c) */
    DC_SENSE_LEAD,      /* discourse: a marker only in front of a
                         * sentence ("i mean", "look", "so yeah");
                         * edge_markers, session 47 (p47m) */
    DC_SENSE_TAG,       /* discourse: a marker only after one ("innit",
                         * "or what") */
    DC_SENSE_LAUGH,     /* discourse: laughter ("lol", "lmao", "😂"), at
                         * either edge; after a harm told it still mocks
                         * it (sentence.edges & EDGE_LAUGH, run.edge_laugh) */
    DC_SENSE_ASK,       /* discourse: a tag that asks the reader to agree
                         * ("innit", "isn't it", "eh"): only after a
                         * sentence, whose edges keep it (EDGE_ASK) */
    DC_SENSE_ANSWER,    /* discourse: an answer word ("yes", "yeah",
                         * "nah"): a marker in front, but not right after
                         * a question, where it is the answer */
    DC_SENSE_BOUND,     /* discourse: a phrase whose first word is a
                         * marker elsewhere ("look at", "well over", "so
                         * many"): where it starts, that word is none */
    DC_SENSE_SPEECH,    /* object: something said or written ("comment",
                         * "post", "thread", "article"): a judgement of it
                         * judges what was said (judged_elsewhere) */
    DC_SENSE_CULTURE,   /* object: a thing of a people's ways ("food",
                         * "cuisine", "accent", "music"): praise of it
                         * praises the people (judged_elsewhere) */
    DC_SENSE_BODY,      /* nonprotected: a body that acts as one ("the
                         * government", "the army", "the police", "the
                         * council", "the company"): what it will do to
                         * no group is foretold, not threatened
                         * (rules.c body_will) */
    DC_SENSE_HATER,     /* nonprotected: a hate movement or its members
                         * ("nazi", "white supremacist", "klansmen"):
                         * named as a hate verb's subject, the hatred is
                         * theirs, told (rules.c hater_named) */
    DC_SENSE_KENNEL,    /* slur and domain: a female dog ("bitch": "the
                         * bitch whelped, seven pups"; domain_sense,
                         * session 52, p52) */
    DC_SENSE_GRAPPLE,   /* slur and domain: a grappling art ("sambo":
                         * "combat sambo alongside bjj"; domain_sense,
                         * session 52) */
    DC_SENSE_PET,       /* slur: also a word of endearment said to the
                         * reader ("hun": "feel better soon hun";
                         * pet_name, session 52) */
    DC_SENSE_EARTHWORK, /* slur and domain: a bank against water or a
                         * boundary ("dyke": "the dykes along the fen";
                         * domain_sense, session 53, p53) */
    DC_SENSE_WILD,      /* slur and domain: a wild animal ("coon", the
                         * raccoon: "coons on the trail cam, paws";
                         * domain_sense, session 53, p53) */
    DC_SENSE_POLL,      /* code and domain: a share of a vote or a poll
                         * ("41 percenter": "a 41 percenter in the
                         * approval poll"; poll_sense, session 53, p53) */
    DC_SENSE_CHANT,     /* identity: a people's generic member that a
                         * chant of killing calls ("kill the Boer", "kill
                         * the Turk"; session 54, c54: rules.c
                         * chant_member) */
    DC_SENSE_STAGE,     /* object: a stage, a show or a contest one
                         * performs in ("regionals", "the west end"): a
                         * group's own that it will "crush" or "destroy"
                         * is a performance foretold (group_performs;
                         * session 55, f55) */
    DC_SENSE_KNOWN,     /* threat: a home known ("we know where you
                         * live"): a threat but where a gift or a welcome
                         * follows it (known_kindly; session 55, f55) */
    DC_SENSE_EVERYDAY,  /* consp_object: an object of everyday power,
                         * a public body, a vote or a plain thing ("the
                         * council", "elections", "boat"): who runs or
                         * owns it is no leading question of a power
                         * story (trope_object_in; session 59, rv59: a
                         * C list until then) */
    DC_SENSE_GARMENT,   /* holiday: a garment of a faith, not a feast
                         * ("hijab", "turban", "kippah": its group column
                         * the wearers; rule_garment_torn; session 62) */
    /* word: the closed classes of words rules read from tokens
     * (rules.c word_class; session 54, c54: C lists until then) */
    DC_SENSE_WISH,      /* a wish of one's own before "to" (own_wish) */
    DC_SENSE_PART,      /* a party's part in an event (denial_of_part) */
    DC_SENSE_PREP,      /* a preposition (rule_frame_trait) */
    DC_SENSE_OWNER,     /* a determiner, owner or person pronoun
                         * (rule_frame_trait) */
    /* (session 55, c55: the lists below were C lists of one rule each;
     * `belong` and `pride` are also senses of identity, person and slur
     * entries, whose terms join the class: rules.c lexicon_lists_add) */
    DC_SENSE_NEED,      /* a need or training of one's own given as a
                         * reason (labour_reason) */
    DC_SENSE_BELONG,    /* a word of belonging by race or kind
                         * (labour_reason) */
    DC_SENSE_DAMN,      /* harm, damnation or removal after praise
                         * (praised_slur) */
    DC_SENSE_REFUSE,    /* a negator before "want" (want_refused) */
    DC_SENSE_WANTER,    /* the writer wanting (want_refused) */
    DC_SENSE_NEARBY,    /* near, here, living (want_place) */
    DC_SENSE_PLACEPREP, /* in, on, at, into (want_place) */
    DC_SENSE_PLACEOWNER, /* whose place: my, our, the (want_place) */
    DC_SENSE_BEFALL,    /* a harm or a purpose after the place
                         * (want_place) */
    DC_SENSE_WHOM,      /* the writer after "to" (want_place) */
    DC_SENSE_GET,       /* causative "get" (consequence_told) */
    DC_SENSE_GETOBJ,    /* its object: you, them, people
                         * (consequence_told) */
    DC_SENSE_MAY,       /* a modal of what can happen, an adverb
                         * (consequence_told) */
    DC_SENSE_DOER,      /* a person as subject (consequence_told) */
    DC_SENSE_NOTGERUND, /* a word in -ing that is no gerund
                         * (consequence_told) */
    DC_SENSE_OUGHT,     /* a modal of what ought to happen
                         * (consequence_told) */
    DC_SENSE_IWILL,     /* "i'll", "we'll" (consequence_told) */
    DC_SENSE_SELF,      /* the writer: i, we, me (consequence_told) */
    DC_SENSE_FUTURE,    /* will, shall, gonna (consequence_told) */
    DC_SENSE_PRIDE,     /* Pride, drag, LGBTQ people (groomer_smear) */
    DC_SENSE_SEXED,     /* children or spaces of one sex: girls,
                         * women's, male (other_sex_after) */
    DC_SENSE_WORSHIP,   /* a house of worship (rights_denied) */
    DC_SENSE_NUMBERED,  /* a word that labels a number as a score, a room
                         * or a page (code_numbered; session 55, p55) */
    DC_SENSE_GIFT,      /* a gift or a welcome brought to a door
                         * ("hamper", "card", "casserole": known_kindly;
                         * session 55, f55) */
    DC_SENSE_MENACE,    /* a word of a visit, its aftermath or a veiled
                         * harm ("regret", "petrol", "forget", "shame":
                         * known_kindly; session 55, fx55a) */
    DC_SENSE_ARENA,     /* a domain a post is held over ("match",
                         * "squad", "class", "ship": role_act_end;
                         * session 55, fx55c) */
    DC_SENSE_TROUPE,    /* a body that performs: a team, a band, a cast,
                         * a choir, a crew ("kill it" of its show:
                         * group_performs; session 56, h56) */
    DC_SENSE_COMPANY,   /* a company one is at the edge of ("team",
                         * "photo", "class": margin_denied; session 55,
                         * fx55b) */
    /* (session 56, c56: fate_warned's lists, C lists of q55 and the lead
     * until then) */
    DC_SENSE_FATEWHOSE, /* an owner before a thing watched over ("their",
                         * "your": fate_warned) */
    DC_SENSE_FATEGUARD, /* a thing a menace is aimed through ("cars",
                         * "doors", "post": fate_warned, and the gate of
                         * rule_group_frames) */
    DC_SENSE_FATECAUSE, /* a crime or a hazard that makes a warning
                         * advice ("burglars", "rust": fate_warned) */
    DC_SENSE_FATEERRAND, /* what comes in the post or to the door
                          * ("letter", "census": fate_warned) */
    /* (session 56, c56: role_open_act's and role_act_end's, C lists of
     * q46m and q55 until then) */
    DC_SENSE_ROLEPOST,  /* a post whose plural has no agent ending
                         * ("umpires", "nurses": wl_role's readers) */
    DC_SENSE_ROLEOWN,   /* an object of one's own, a burden shared
                         * ("their", "themselves": role_act_end) */
    DC_SENSE_ROLEMOMENT, /* a moment or a cause that makes a denied post
                          * practical ("tonight", "flooded") */
    DC_SENSE_ROLEING,   /* a verb of command in -ing ("managing",
                         * "refereeing": role_act_end) */
    DC_SENSE_ROLEPOWER, /* a word of power after "in" ("charge",
                         * "management": role_act_end) */
    DC_SENSE_ROLERACE,  /* a run, not a thing run ("marathon":
                         * role_act_end) */
    DC_SENSE_ROLEBURDEN, /* a burden borne in -ing ("paying", "facing":
                          * role_open_act) */
    /* (session 56, c56: rule_never_met's, q55's C lists until then) */
    DC_SENSE_MET,       /* a verb of meeting ("met", "known") */
    DC_SENSE_METONE,    /* the member's article ("a", "one", "single") */
    DC_SENSE_METREL,    /* the relative after it ("who", "that") */
    DC_SENSE_METDENIED, /* the denied verb after it ("wasnt", "didn't") */
    DC_SENSE_METTOLD,   /* a thing told or done to them ("called") */
    DC_SENSE_METHATED,  /* a hate verb's object that makes a trait ("us",
                         * "people": met_hated) */
    /* (session 56, c56: f55's C lists of group_performs and
     * margin_denied until then) */
    DC_SENSE_ITNEXT,    /* what may follow "kill it" in a show foretold
                         * ("at", "tonight": group_performs) */
    DC_SENSE_SHOWDET,   /* a determiner before the show ("the", "their":
                         * group_performs) */
    DC_SENSE_SHOWDOER,  /* another doer before the verb of play ("we",
                         * "they": group_performs) */
    DC_SENSE_EDGE,      /* the edge of a company ("back", "sidelines":
                         * margin_denied) */
    DC_SENSE_SHOW,      /* a performance or a contest in view ("gig",
                         * "match", "set": group_performs; session 56,
                         * h56) */
    DC_SENSE_BLAME,     /* a verb that lays a deed on its subject ("bring",
                         * "commit", "cause": fate_warned; session 56,
                         * h56) */
    DC_SENSE_COMRADE,   /* an in-group address, the wink that keeps "at
                         * 14:88" the code beside a doubt ("brothers",
                         * "comrades": code_numbered; session 56, h56;
                         * no pronoun or identity noun since fx56b) */
    DC_SENSE_SUBJECT,   /* a subject taught, whose lesson is no menace
                         * ("a lesson in chess": menace_word; session 56,
                         * fx56a) */
    DC_SENSE_BILL,      /* what is paid as a bill, no payback ("pay up",
                         * "pay the rent": menace_word; session 56,
                         * fx56a) */
    DC_SENSE_DOUBT,     /* a word that doubts a time or names a
                         * timetable ("typo", "apparently", "app",
                         * "train", "parcel"): after "at", 14:88 beside
                         * one is a time misprinted (code_numbered;
                         * session 56, fx56b) */
    DC_SENSE_RESIDENCE, /* a place people live, which names them after
                         * an identity adjective ("black neighbourhoods",
                         * "every muslim area": find_targets; session 62) */
    DC_SENSE_N_         /* one past the last sense: not a sense */
};

/* Every sense must fit DC_F_SENSE, or a 256th would spill into bit 49,
 * onto DC_F_FRAME, and DC_SENSE_OF would read it back as another sense.
 * (Widened from 5 bits to 7 in session 38, bits 46-47, when PERFORMER
 * was 31; to 8 in session 56, bit 48, when COMRADE was 127.) */
_Static_assert(DC_SENSE_N_ - 1 <= (int)(DC_F_SENSE >> DC_F_SENSE_SHIFT),
               "a sense does not fit the sense field (DC_F_SENSE): widen it");

/* The sense number of entry flags f. */
#define DC_SENSE_OF(f) ((unsigned)(((f) & DC_F_SENSE) >> DC_F_SENSE_SHIFT))

typedef struct dc_entry {
    const char *term;  /* normalized form; words separated by one space */
    uint32_t term_len;
    uint8_t kind;      /* dc_kind */
    uint8_t severity;  /* 1 mild, 2 strong, 3 severe */
    /* strlen(group) and strlen(why), cut to UINT16_MAX (a reason is cut
     * shorter anyway): the rules quote them without a strlen. Both sit in
     * what was padding. (The flags outgrew 32 bits, and the entry 56 bytes,
     * when `wished` and `exclaim` both wanted the last bit.) */
    uint16_t group_len;
    uint64_t flags;    /* DC_F_* */
    uint32_t categories; /* bit set of decorum_category; 0 when none */
    const char *group; /* "jewish", "black", ...; "" when none */
    /* the group column as written when it names several groups
     * ("race:black,nationality:greek"), else "": group is only the
     * first of them */
    const char *groups;
    const char *why;   /* one line: why the entry is here */
    const char *file;  /* source file name, for error messages */
    uint32_t line;
    uint16_t why_len;
} dc_entry;

typedef struct dc_lexicon {
    dc_entry *entries; /* [n] */
    size_t n;
    char *strings;     /* one arena for every term/group/why */
    size_t strings_size;
    /* strings lies in the built-in image (static, read-only: never written
     * through, never freed) rather than in an allocation of its own. */
    bool borrowed;
} dc_lexicon;

/* The lexicon's name of a value of the sense field (DC_SENSE_OF), as a
 * flag column writes it ("menace"); "?" for 0 or a value with no name. */
const char *dc_sense_name(unsigned sense);

/* Parses one .tsv file's bytes into lx (appending). name is for errors. */
decorum_status dc_lexicon_parse(const dc_alloc *al, dc_lexicon *lx,
                                const char *name, const char *data,
                                size_t len, decorum_error *err);
/* Loads every *.tsv in dir (sorted by name), or the built-in lexicon's
 * image (dc_builtin_lexdb) when dir is NULL. */
decorum_status dc_lexicon_load(const dc_alloc *al, dc_lexicon *lx,
                               const char *dir, decorum_error *err);
void dc_lexicon_free(const dc_alloc *al, dc_lexicon *lx);

/* Built-in lexicon files (generated by tools/embed from data/lexicon). */
typedef struct dc_blob {
    const char *name;
    const unsigned char *data;
    size_t len;
} dc_blob;
extern const dc_blob dc_builtin_lexicon[];
extern const size_t dc_builtin_lexicon_count;
/* The TSV text above, embedded for tools/lexdb.c and the tests: nothing
 * in the library reads it, so the programs do not link it. The same
 * lexicon parsed at build time (tools/lexdb.c): one blob, the image
 * dc_lexicon_image writes; none (count 0) in the tool that makes it. */
extern const dc_blob dc_builtin_lexdb[];
extern const size_t dc_builtin_lexdb_count;

/* Serializes lx into a new buffer (*out, *out_len; free with dc_free). */
decorum_status dc_lexicon_image(const dc_alloc *al, const dc_lexicon *lx,
                                unsigned char **out, size_t *out_len,
                                decorum_error *err);
/* Loads an image into lx (overwritten, left empty on failure). The image
 * is checked: counts, sizes and every offset, so a bad one is
 * DECORUM_ERR_FORMAT (or _VERSION), never a read out of bounds. */
decorum_status dc_lexicon_from_image(const dc_alloc *al, dc_lexicon *lx,
                                     const unsigned char *img, size_t len,
                                     decorum_error *err);

/* ---------------------------------------------------------------------- */
/* Matching (match.c): Vectorscan over normalized text                     */
/* ---------------------------------------------------------------------- */

#define DC_HIT_EXACT 0u
#define DC_HIT_FUZZY 1u    /* a swapped, dropped or doubled letter */
#define DC_HIT_COMPOUND 2u /* found inside a run-together word */
#define DC_HIT_MASKED 3u   /* matched with a masking symbol: f*ck */
#define DC_HIT_SPLIT 4u    /* a slur split into fragments: "ki ke" (split.c) */

typedef struct dc_hit {
    uint32_t begin, end; /* normalized byte offsets, [begin, end) */
    uint32_t entry;      /* index into dc_lexicon.entries */
    uint8_t how;         /* DC_HIT_* */
    uint8_t pad[3];
} dc_hit;

/* The per-word table (session 41, spd41w): one table, per engine
 * thread, that holds for a word of up to 15 bytes both the matcher's memo
 * answer (match.c, memo_set) and the model's word cache entry (features.c,
 * dc_feat_cache): one hashed look-up a word where there were two, in
 * tables of 512 KB and 1.25 MiB. An entry is one 64-byte line:
 *   key: the word's bytes, zero padded, and in byte 15 its length (1-15),
 *        the matcher's memo key; an entry the model made for a token the
 *        matcher never keeps (one joined across an apostrophe, "don't")
 *        has its length | DC_WORDS_MODEL_ONLY there, which no memo key
 *        has, so that the matcher never takes it for its own;
 *   ans, aux: the matcher's half (MEMO_* in match.c; 0 in a model-only
 *        entry, never read);
 *   w, h, nf, mv: the model's half (the sum of the token's own rows, its
 *        hash, its row count), valid when mv is not 0. The matcher makes
 *        its entries with mv 0; the model fills the half the first time
 *        it meets the word.
 * Two-way sets of two entries (128 bytes), 1 << DC_WORDS_BITS of them,
 * the set picked from the key's first eight bytes and the length (the
 * model's old cache_set): the matcher's new word takes the second way, a
 * word found in the second way moves to the first. Zeroed: empty. */
#define DC_WORDS_BITS 14u
#define DC_WORDS_MODEL_ONLY 0x80u
typedef struct dc_word_entry {
    _Alignas(64) unsigned char key[16];
    uint64_t ans, aux;
    int16_t w[8];
    uint64_t h;
    uint32_t nf, mv;
} dc_word_entry;
_Static_assert(sizeof(dc_word_entry) == 64, "an entry is a cache line");
#define DC_WORDS_ENTRIES ((size_t)2 << DC_WORDS_BITS)
#define DC_WORDS_BYTES (DC_WORDS_ENTRIES * sizeof(dc_word_entry))

/* The index of the set of the word whose first eight bytes (zero padded,
 * host order) are k0 and whose length is l. */
static inline size_t dc_words_set(uint64_t k0, size_t l)
{
    return (size_t)(((k0 ^ l) * 0x9E3779B97F4A7C15ull) >> (64 - DC_WORDS_BITS));
}

typedef struct dc_matcher dc_matcher; /* engine-side, immutable */
typedef struct dc_match_scratch dc_match_scratch;

/* Compiles the lexicon (with generated misspelling variants) into a
 * matcher. lx must outlive the matcher. */
decorum_status dc_matcher_new(const dc_alloc *al, const dc_lexicon *lx,
                              dc_matcher **out, decorum_error *err);
void dc_matcher_free(const dc_alloc *al, dc_matcher *m);
decorum_status dc_match_scratch_new(const dc_alloc *al, const dc_matcher *m,
                                    dc_match_scratch **out);
void dc_match_scratch_free(const dc_alloc *al, dc_match_scratch *ms);
/* How many words the scratch's word pass took back from its victim table
 * (a memo entry pushed out and asked for again): for the tests, which
 * must see the table used. */
size_t dc_match_scratch_vic_back(const dc_match_scratch *ms);
/* The scratch's per-word table (dc_word_entry[DC_WORDS_ENTRIES]), which
 * the engine gives its model scratch too (dc_model_scratch_new_words), or NULL
 * when the matcher keeps no memo. */
dc_word_entry *dc_match_scratch_words(dc_match_scratch *ms);
/* For tests: the bytes the word pass has gone over, past the runs of word
 * bytes it was at, to find where masked words ("n*gg*r") end, summed over
 * every dc_match with ms. Once per masked word, so at most the text's
 * length per call; 0 for NULL. */
uint64_t dc_match_scratch_masked_steps(const dc_match_scratch *ms);
/* For tests: with on false, the word pass of every dc_match with ms finds
 * its runs on the portable path (word_runs) even where the CPU has AVX2
 * and BMI, so that the path every other CPU takes is tested here too; with
 * on true, on the AVX2 path where the CPU has it (the default). A field of
 * the scratch, read once a comment as before. Returns whether the CPU has
 * the AVX2 path. */
bool dc_match_scratch_set_avx2(dc_match_scratch *ms, bool on);
/* Every dc_match with ms sets dc_hitvec.watched where some hit's entry
 * lies in [lo, lo + n) (the default, lo 0 and n UINT32_MAX: any
 * hit): one pass over the sorted hits (dc_hit_next_in). */
void dc_match_scratch_watch(dc_match_scratch *ms, uint32_t lo, uint32_t n);
/* Every dc_match with ms keeps apart, in dc_hitvec.glue, the hits of
 * lx's glue entries that the word pass finds as a word's one hit, or as
 * the second of a word's two ("we": MEMO_GLUE2) (lx, the matcher's
 * lexicon, must outlive ms; NULL, the default: none). The glue hits are
 * 40% of the hits of ordinary text, which
 * the rules defer and place only when a rule asks (rules.c place_glue):
 * apart, they are neither sorted nor read by every pass over the hits.
 * Set before the scratch's first dc_match (its memo keeps the answer). */
void dc_match_scratch_glue(dc_match_scratch *ms, const dc_lexicon *lx);
/* The first hit of v[i, n) whose entry e has e - lo < nw, or n: four
 * at a time where SSE2 is (the entries are the third word of each 16-byte
 * hit). dc_match's watch (dc_hitvec.watched) and canon.c's walk over the
 * fillers' hits ask it, each inlined on its hot path. */
static inline size_t dc_hit_next_in(const dc_hit *v, size_t n, size_t i,
                                    uint32_t lo, uint32_t nw)
{
#ifdef __SSE2__
    _Static_assert(sizeof(dc_hit) == 16 && offsetof(dc_hit, entry) == 8,
                   "a hit's entry is its third 32-bit word");
    const __m128i vlo = _mm_set1_epi32((int)lo);
    const __m128i sign = _mm_set1_epi32((int)0x80000000u);
    const __m128i vn = _mm_xor_si128(_mm_set1_epi32((int)nw), sign);
    for (; i + 4 <= n; i += 4) {
        const __m128i *p = (const __m128i *)(const void *)(v + i);
        __m128i ab = _mm_unpackhi_epi32(_mm_loadu_si128(p),
                                        _mm_loadu_si128(p + 1));
        __m128i cd = _mm_unpackhi_epi32(_mm_loadu_si128(p + 2),
                                        _mm_loadu_si128(p + 3));
        __m128i en = _mm_unpacklo_epi64(ab, cd); /* the four entries */
        /* entry - lo < nw, unsigned: both sides' sign bits flipped */
        __m128i in = _mm_cmplt_epi32(
            _mm_xor_si128(_mm_sub_epi32(en, vlo), sign), vn);
        int mask = _mm_movemask_ps(_mm_castsi128_ps(in));
        if (mask)
            return i + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    while (i < n && v[i].entry - lo >= nw)
        i++;
    return i;
}

/* A run of word bytes ([a-z0-9] and non-ASCII bytes) that the word pass
 * went over: normalized byte range [b, e). */
typedef struct dc_wrun {
    uint32_t b, e;
} dc_wrun;

/* For tests: the maximal runs of word bytes of t[0, n), in order, stored at
 * runs on the path dc_match with ms takes (dc_match_scratch_set_avx2);
 * returns how many. t is followed by 64 zero bytes (the word pass reads
 * 64 bytes a step); runs has room for n / 2 + 2 entries (one past the last
 * run is written). */
size_t dc_match_word_runs(const dc_match_scratch *ms, const char *t, size_t n,
                          dc_wrun *runs);

/* A growable array of hits, reused across calls, and the word pass's runs
 * over the same text, which the rule layer's tokenizer reads instead of
 * finding the words' ends again (docs/RULES.md, "Tokens"), and the model
 * instead of finding an ASCII text's tokens again (docs/MODEL.md). */
typedef struct dc_hitvec {
    dc_hit *v;
    size_t n, cap;
    /* [nruns + 1]: every maximal run of word bytes in the text, in order,
     * then a sentinel {UINT32_MAX, UINT32_MAX}; NULL or nruns undefined
     * unless has_runs (the word pass did not run, or dc_match failed). */
    dc_wrun *runs;
    size_t nruns, cap_runs;
    /* runs + key_ofs: [nruns], run k's word key where the word pass made
     * one (match.c word_keys: its first bytes, up to eight, as the rule
     * layer's tok_key makes them), else 0; stored as uint64_t in the
     * runs' array, past its first key_ofs runs. Defined where has_runs
     * is. */
    size_t key_ofs;
    bool has_runs;
    bool split; /* some hit is DC_HIT_SPLIT */
    /* Some hit's entry lies in the range dc_match_scratch_watch set (by
     * default any entry: some hit). canon.c's fillers lie in one block of
     * the lexicon: a comment with none of them (most) is its own
     * canonical text, and the engine asks no more (canonize). */
    bool watched;
    /* The text holds no byte >= 0x80: its input was ASCII (dc_norm.ascii),
     * or dc_match's pass over its bytes (the copy, or the test for the
     * database's non-ASCII literals) found none. False where dc_match did
     * not look (or failed), so only true is an answer: the model takes it
     * for its own test of the same bytes (dc_model_score_runs). */
    bool ascii;
    /* [nglue]: glue kept apart (dc_match_scratch_glue): the word pass's
     * hits of a glue entry that is a word's one hit or the second of its
     * two, in text order (one a word), which are not among v's. Where the
     * scratch keeps none apart, nglue is 0 and every hit is in v. A caller
     * that reads glue from the hits reads these too: merged into v
     * (dc_hits_merge), they are the hits dc_match would have given
     * without the setting. */
    dc_hit *glue;
    size_t nglue, cap_glue;
} dc_hitvec;

/* The na hits a and nb hits b, each in dc_match's order with one of each
 * entry at each span, as one list in that order (one of each kept) at out
 * (room for na + nb); returns how many. */
size_t dc_hits_merge(const dc_hit *a, size_t na, const dc_hit *b, size_t nb,
                     dc_hit *out);

/* Finds every lexicon entry in n->text on word boundaries (plural and verb
 * inflections accepted), plus fuzzy and run-together matches. Clears and
 * fills *out sorted by begin, then longer first. Overlapping hits are all
 * kept: the rules choose. Also records the word runs (out->runs) when the
 * word pass runs: the lexicon has whole-word literals or 1-2 byte terms. */
decorum_status dc_match(const dc_alloc *al, const dc_matcher *m,
                        dc_match_scratch *ms, const dc_norm *n,
                        dc_hitvec *out);
void dc_hitvec_release(const dc_alloc *al, dc_hitvec *hv);

/* What dc_matcher_new built (tests, benchmarks, describe). */
typedef struct dc_matcher_stats {
    size_t entries;    /* lexicon entries */
    size_t terms;      /* distinct terms: the exact patterns */
    size_t patterns;   /* every literal, generated forms included */
    size_t compiled;   /* of those, in the Vectorscan database; the others
                        * are words of 1-4 bytes looked up in tables */
    size_t inflected;  /* generated verb forms (hate -> hating) and
                        * contractions without apostrophe (dont) */
    size_t fuzzy;      /* dropped, swapped or doubled letter */
    size_t masked;     /* vowels masked with '*' */
    size_t suppressed; /* generated forms dropped: equal to a term or dup */
    size_t db_bytes;   /* Vectorscan database size */
    bool precompiled;  /* the database came from dc_builtin_matchdb */
} dc_matcher_stats;
void dc_matcher_get_stats(const dc_matcher *m, dc_matcher_stats *out);

/* Build step (tools/matchdb.c): compiles lx's patterns for any CPU of the
 * architecture and serializes them with the key dc_matcher_new() checks
 * before using an embedded database. *out is allocated with al. */
decorum_status dc_matcher_blob(const dc_alloc *al, const dc_lexicon *lx,
                               unsigned char **out, size_t *out_len,
                               decorum_error *err);
/* Split spellings of slurs (split.c; docs/MATCH.md, "Split spellings"):
 * built with the matcher (and kept in its blob) from the lexicon and the
 * common words (one a line, '#' comments: data/split/common_words.txt,
 * dc_builtin_words); immutable after. */
typedef struct dc_splits {
    void *tab;        /* [cap] slots of dc_split_slot_size() bytes, or NULL */
    size_t cap, used; /* cap a power of 2 (or 0); used: slots taken */
} dc_splits;
typedef struct dc_split_hit {
    uint32_t b, e;  /* normalized byte range: the fragments and the gaps */
    uint32_t n;     /* entries in ent */
    uint32_t ent[4]; /* lexicon entries of the slur */
} dc_split_hit;
/* Fills *sp (all 0 on failure: DECORUM_ERR_NOMEM). */
decorum_status dc_splits_new(const dc_alloc *al, const dc_lexicon *lx,
                             const char *words, size_t words_len,
                             dc_splits *sp);
void dc_splits_free(const dc_alloc *al, dc_splits *sp); /* tab freed, 0 */
size_t dc_split_slot_size(void);
/* Does a table read from a blob hold together (lengths, entries < n)? */
bool dc_splits_ok(const dc_splits *sp, size_t n_entries);
/* Slot i (< cap): its string, and whether it is a trigger. */
bool dc_split_trigger_at(const dc_splits *sp, size_t i, const char **s,
                         size_t *len);
/* The split slurs that the trigger t[a, i) reports (at most 5, in out):
 * t[-1] must be readable. Returns their number. */
size_t dc_split_find(const dc_splits *sp, const unsigned char *t, size_t n,
                     size_t a, size_t i, dc_split_hit *out);
extern const dc_blob dc_builtin_words[];
extern const size_t dc_builtin_words_count;

/* The serialized database for the built-in lexicon (generated). */
extern const dc_blob dc_builtin_matchdb[];
extern const size_t dc_builtin_matchdb_count;


/* ---------------------------------------------------------------------- */
/* Rule features handed to the model (rules.c fills, model.c reads)       */
/* ---------------------------------------------------------------------- */

/* X(enum suffix, name). Each is a real value, mostly 0/1 or a count capped
 * at 3, describing what the rule layer saw. Append only: a model file
 * records how many it was trained with. */
#define DC_RULE_FEATURE_MAP(X)                                                 \
    X(TARGET_GROUP, "target.group")         /* protected group mentioned */    \
    X(TARGET_YOU, "target.you")             /* second person addressed */      \
    X(TARGET_NONPROTECTED, "target.nonprotected")                              \
    X(TARGET_OBJECT, "target.object")                                          \
    X(SLUR, "attack.slur")                                                     \
    X(DEHUMANIZATION, "attack.dehumanization")                                 \
    X(DEROGATION, "attack.derogation")                                         \
    X(THREAT, "attack.threat")                                                 \
    X(EXCLUSION, "attack.exclusion")                                           \
    X(STEREOTYPE, "attack.stereotype")                                         \
    X(CODED, "attack.coded")                                                   \
    X(CONSPIRACY, "attack.conspiracy")                                         \
    X(HATE_VERB, "attack.hate_verb")                                           \
    X(PROFANITY, "profanity")                                                  \
    X(INSULT_YOU, "insult.you")                                                \
    X(INSULT_ANY, "insult.any")                                                \
    X(NEGATED, "scope.negated")                                                \
    X(QUESTION, "scope.question")                                              \
    X(QUOTED, "scope.quoted")                                                  \
    X(COUNTER, "scope.counter_speech")                                         \
    X(RECLAIMED, "scope.reclaimed")                                            \
    X(POSITIVE, "scope.positive")                                              \
    X(EVASION, "evasion")  /* a finding spelled to evade; not a masked   */ \
                           /* swear word where no group is named (emit)  */ \
    X(RULE_HATE, "rule.hate")               /* the rules' own hate score */    \
    X(RULE_TOX, "rule.toxicity")

typedef enum dc_rule_feature {
#define DC_X_(e, name) DC_RF_##e,
    DC_RULE_FEATURE_MAP(DC_X_)
#undef DC_X_
    DC_N_RULE_FEATURES
} dc_rule_feature;

const char *dc_rule_feature_name(dc_rule_feature f);

/* ---------------------------------------------------------------------- */
/* Model (model.c, features.c)                                             */
/* ---------------------------------------------------------------------- */

/* Heads: the six attributes in decorum_attribute order, then hate. */
#define DC_HEAD_HATE DECORUM_N_ATTRIBUTES
#define DC_N_HEADS (DECORUM_N_ATTRIBUTES + 1)

typedef struct dc_model dc_model;             /* engine-side, immutable */
typedef struct dc_model_scratch dc_model_scratch;

/* A word of the comment that moved a head's score, for explanations. */
typedef struct dc_model_evidence {
    uint32_t begin, end; /* normalized byte offsets */
    float weight;        /* contribution to the hate/toxicity logit */
    uint8_t head;        /* head it moved most */
} dc_model_evidence;

#define DC_MAX_EVIDENCE 8

/* At most this many predicates of a generalization the rules ask the
 * model to weigh (dc_rules_out.pred, dc_model_out.pw). */
#define DC_MAX_PRED 2

/* Words of a predicate the model weighs, at most. */
#define DC_PRED_WORDS 8

/* A generalization's predicate the rules ask the model to weigh
 * (dc_rules_out.pred, handed to dc_model_score_runs as it is): its span
 * [b, e) (normalized offsets), and for the rules' finding on it the
 * group's categories and the offset of the reason's opening in the
 * rules' reasons. The model reads b and e only. Session 50 (q50x). */
typedef struct dc_pred {
    uint32_t b, e, categories, reason;
} dc_pred;

/* What the model found in the predicate dc_pred[i] of its call
 * (dc_model_out.pw[i]), for each of the span's first DC_PRED_WORDS
 * tokens: the word [wb, we), its hate weight (the hate head's int8 sum for
 * the token's features times the head's calibration slope and scale,
 * without the comment's 1/sqrt(features) factor, so that a word weighs
 * the same in a short comment as in a long one) and its toxicity weight
 * alike. nw == 0: no token of the model's in the span (or the comment too
 * long to keep its tokens). */
typedef struct dc_model_pred {
    size_t nw;
    uint32_t wb[DC_PRED_WORDS], we[DC_PRED_WORDS];
    float hate[DC_PRED_WORDS], tox[DC_PRED_WORDS];
} dc_model_pred;

typedef struct dc_model_out {
    float p[DC_N_HEADS]; /* calibrated probabilities */
    dc_model_evidence ev[DC_MAX_EVIDENCE];
    size_t n_ev;
    /* the predicates weighed (dc_model_score_runs' pred), npred of them */
    dc_model_pred pw[DC_MAX_PRED];
    size_t npred;
} dc_model_out;

/* Loads a model file (mmap) or, with path NULL, the built-in model; *out is
 * NULL (and DECORUM_OK returned) when path is NULL and none is built in. */
decorum_status dc_model_open(const dc_alloc *al, const char *path,
                             dc_model **out, decorum_error *err);
void dc_model_free(const dc_alloc *al, dc_model *m);
/* Name and version string, static or model-owned. */
const char *dc_model_describe(const dc_model *m);
decorum_status dc_model_scratch_new(const dc_alloc *al, const dc_model *m,
                                    dc_model_scratch **out);
void dc_model_scratch_free(const dc_alloc *al, dc_model_scratch *ms);
/* dc_model_scratch_new() whose word cache is the table words
 * (dc_match_scratch_words of the same thread's matcher scratch, which must
 * outlive it) rather than a table of its own, which it then does not
 * allocate; words NULL: its own. The same results. */
decorum_status dc_model_scratch_new_words(const dc_alloc *al,
                                          const dc_model *m,
                                          dc_word_entry *words,
                                          dc_model_scratch **out);
/* Scores one normalized comment given the rule features. */
decorum_status dc_model_score(const dc_model *m, dc_model_scratch *ms,
                              const dc_norm *n,
                              const float rf[DC_N_RULE_FEATURES],
                              dc_model_out *out);
/* dc_model_score() with the matcher's output over n, hv (or NULL): its
 * word runs (dc_hitvec.runs, when has_runs), which spare the model finding
 * the tokens again, and its dc_hitvec.ascii, which spares it looking for a
 * byte >= 0x80 in a text whose input was not ASCII. The same results.
 * It also weighs the npred (at most DC_MAX_PRED are read) predicates
 * pred[i] (pred may be NULL when npred is 0): out->pw[i], from the
 * per-token sums the scoring keeps, no second pass over the text (session
 * 50, q50x); a comment too long to keep its tokens weighs none. */
decorum_status dc_model_score_runs(const dc_model *m, dc_model_scratch *ms,
                                   const dc_norm *n, const dc_hitvec *hv,
                                   const float rf[DC_N_RULE_FEATURES],
                                   const dc_pred *pred, size_t npred,
                                   dc_model_out *out);
/* dc_model_score_runs() without the evidence (out->n_ev is 0), which
 * dc_model_explain() makes when asked, before ms scores another comment:
 * the engine's scorer (dc_score) shows the model's words only where the
 * model moved the verdict, 1,787 of the 18,486 comments of the bench
 * corpus, where the model looked for them in the 9,530 whose hate or
 * toxicity reached EVIDENCE_P (session 57). The same probabilities and
 * predicates. */
decorum_status dc_model_score_runs_later(const dc_model *m,
                                         dc_model_scratch *ms,
                                         const dc_norm *n, const dc_hitvec *hv,
                                         const float rf[DC_N_RULE_FEATURES],
                                         const dc_pred *pred, size_t npred,
                                         dc_model_out *out);
/* The evidence dc_model_score_runs() would have put in out, for the
 * comment (text n) ms last scored with dc_model_score_runs_later(); once:
 * a second call, or one after dc_model_score_runs(), changes nothing. */
void dc_model_explain(const dc_model *m, dc_model_scratch *ms,
                      const dc_norm *n, dc_model_out *out);

/* Built-in model blob (tools/embed from data/model/decorum.model), possibly
 * empty. */
extern const dc_blob dc_builtin_model[];
extern const size_t dc_builtin_model_count;

/* ---------------------------------------------------------------------- */
/* The canonical text (canon.c)                                            */
/* ---------------------------------------------------------------------- */

/* The roles of the lexicon's entries that canon.c reads (engine-side,
 * immutable). */
typedef struct dc_canon dc_canon;
decorum_status dc_canon_new(const dc_alloc *al, const dc_lexicon *lx,
                            dc_canon **out);
void dc_canon_free(const dc_alloc *al, dc_canon *c);
/* The edits that make n's canonical text (canon.c's header: fillers taken
 * out where their sense changes nothing), from its hits hv: at most cap of
 * them into ed, sorted and apart, and their count returned (0: the text is
 * its own canonical text). */
size_t dc_canon_edits(const dc_canon *c, const dc_norm *n,
                      const dc_hitvec *hv, dc_edit *ed, size_t cap);
/* The block of entry indices [*lo, *lo + *span) that holds every filler
 * (span 0: the lexicon has none): dc_canon_edits finds no edit in hits
 * with none of them, so the engine watches for them in dc_match
 * (dc_match_scratch_watch) and asks it only where one is. */
void dc_canon_fillers(const dc_canon *c, uint32_t *lo, uint32_t *span);

/* ---------------------------------------------------------------------- */
/* Rules (rules.c) and scoring (score.c)                                   */
/* ---------------------------------------------------------------------- */

/* One piece of evidence the rules found, in normalized offsets. */
typedef struct dc_finding {
    uint32_t begin, end;
    uint8_t signal;    /* decorum_signal */
    uint8_t attribute; /* decorum_attribute */
    uint16_t flags;    /* DECORUM_SPAN_* */
    uint32_t categories;
    float weight;      /* strength in [0, 1] */
    uint32_t reason;   /* offset of the reason in dc_rules_out.reasons */
} dc_finding;

typedef struct dc_rules_out {
    dc_finding *v;
    size_t n, cap;
    char *reasons; /* NUL-separated strings */
    size_t reasons_len, reasons_cap;
    /* (rf to agrees: dc_rules_run zeroes them as one block, so they stay
     * together, and a field put among them is zeroed too) */
    float rf[DC_N_RULE_FEATURES];
    float attr[DECORUM_N_ATTRIBUTES]; /* the rules' attribute scores */
    float hate;                       /* the rules' hate score */
    /* The rules' TOXICITY but for what swearing aimed at no one adds to it
     * ("Damn, fucking wild"): the part the verdict reads (score.c). */
    float tox_aimed;
    /* What mild abuse of one person adds to TOXICITY ("the tech who came
     * out today is a complete moron"): out of tox_aimed; the verdict
     * reads it only where the model reads the comment as hate at all
     * (score.c verdict_toxicity). */
    float tox_mild;
    uint32_t categories;              /* protected categories attacked */
    /* The rules read attack language and found it aimed at no protected
     * group (an object, a person, a policy, nothing): the model is then
     * not allowed to call it hate on its own. */
    bool untargeted;
    /* The comment reads as something other than an attack on a group it
     * names: the writer speaks as one of the group ("as a gay man", "we're
     * queer"), or it asks a question or makes a denial ("X are not ...")
     * in which no rule found an attack. The model's hate alone does not
     * count in full then (score.c). */
    bool hedged;
    /* The comment is a short agreement with the comment it replies to
     * ("Exactly.", "So true. 100%.") and attacks no one itself; the
     * engine then reads the parent (dc_rules_agree). [agree_b, agree_e):
     * the agreeing words, normalized offsets. */
    bool agrees;
    uint32_t agree_b, agree_e;
    /* Generalizations whose predicate no lexicon word carries ("albanians
     * are all dealing", "yanks are all fat thick loudmouths"): a frame of
     * every member said of a named group, the predicate's span [b, e)
     * (normalized offsets), the group's categories and the offset of the
     * reason's opening ("generalization aimed at Albanian people ...") in
     * reasons. The model weighs the predicate (dc_model_score_runs) and
     * dc_rules_weigh_pred turns one it reads as hateful into a finding.
     * Session 50 (q50x). */
    dc_pred pred[DC_MAX_PRED];
    size_t npred;
} dc_rules_out;

typedef struct dc_rules dc_rules;                 /* engine-side */
typedef struct dc_rules_scratch dc_rules_scratch; /* per thread */

decorum_status dc_rules_new(const dc_alloc *al, const dc_lexicon *lx,
                            dc_rules **out, decorum_error *err);
void dc_rules_free(const dc_alloc *al, dc_rules *r);
decorum_status dc_rules_scratch_new(const dc_alloc *al, dc_rules_scratch **out);
void dc_rules_scratch_free(const dc_alloc *al, dc_rules_scratch *rs);
/* For tests: with full set, dc_rules_run runs the full pass for every
 * comment with a hit of a weak kind (a positive or denouncing word, a
 * humanity word, a part of a conspiracy story), as it did before it
 * learned which of them no rule can fire on (weak_needs in rules.c), so
 * that the two ways can be compared. */
void dc_rules_scratch_full(dc_rules_scratch *rs, bool full);

/* Context already normalized and matched (parent comment first, then the
 * article title), for pronoun resolution and topic. */
typedef struct dc_ctx_view {
    const dc_norm *norm;
    const dc_hitvec *hits;
    bool parent; /* the comment replied to (else the title) */
} dc_ctx_view;

/* Runs the rule layer over one normalized, matched comment. text is the
 * original (for capitalization checks). Clears and fills *out. */
decorum_status dc_rules_run(const dc_alloc *al, const dc_rules *r,
                            dc_rules_scratch *rs, const dc_lexicon *lx,
                            const char *text, size_t len, const dc_norm *n,
                            const dc_hitvec *hits, const dc_ctx_view *ctx,
                            size_t n_ctx, dc_rules_out *out);
void dc_rules_out_release(const dc_alloc *al, dc_rules_out *o);
/* After the model weighed out's predicates (mo->pw, from
 * dc_model_score_runs over out->pred): where the rules found no attack,
 * no mitigation and no praise, the first predicate whose heaviest word
 * weighs at least DC_PRED_HATE on the hate head becomes a finding on that
 * word, at a review's weight, and out's scores follow (the rule features
 * stay what the model read). n: the normalized text. Session 50 (q50x). */
decorum_status dc_rules_weigh_pred(const dc_alloc *al, dc_rules_out *out,
                                   const dc_norm *n, const dc_model_out *mo);
/* out agrees with its parent (out->agrees) and parent is the rules' output
 * on the parent: when the parent is hateful by the rules, out gains a
 * finding on its agreeing words with the parent's strongest attack, marked
 * as coming from the context, and its scores and rule features follow. */
decorum_status dc_rules_agree(const dc_alloc *al, dc_rules_out *out,
                              const dc_rules_out *parent);

/* ---------------------------------------------------------------------- */
/* Engine internals for the trainer (engine.c)                             */
/* ---------------------------------------------------------------------- */

/* Runs normalize, match and rules (no model, no context) on one comment
 * with scratch s; *norm and *ro point into s until its next use. */
decorum_status dc_engine_rules(const decorum_engine *e, decorum_scratch *s,
                               const char *text, size_t len,
                               const dc_norm **norm, const dc_rules_out **ro);
/* The engine's allocator and lexicon. */
const dc_alloc *dc_engine_alloc(const decorum_engine *e);
const dc_lexicon *dc_engine_lexicon(const decorum_engine *e);

#endif /* DECORUM_INT_H */
