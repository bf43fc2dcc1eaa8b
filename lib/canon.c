/*
 * canon.c: the canonical text the matcher, the rules and the model read.
 *
 * Comments say one thing in many ways that do not change what is said: an
 * adverb after a linking verb ("women are biologically dumber", "their days
 * are basically numbered"), a dialect determiner before a group word ("why
 * are them Romanians so dirty", "an infestation of all these Somalis"), a
 * word inside a quantifier ("every last Roma", "each and every Muslim"), a
 * collective head after an identity adjective ("the Polish lot are
 * thieves"). The lexicon's phrases ("days are numbered", "are good for")
 * and the rules (which read the word after "are", the word before a group,
 * the word after "every") were written for the plain form, and each such
 * word moved them. So, once a comment is matched, the words that the
 * lexicon marks `filler` are taken out where their sense says they change
 * nothing, and the shorter text is matched again: every later stage reads
 * it, and its offset map still leads to the caller's bytes (a span over
 * "are numbered" covers "are basically numbered").
 *
 * The filler senses (data/lexicon/grammar.tsv, docs/LEXICON.md):
 *   stance  an adverb right after an affirmative linking verb (a `copula`
 *           entry, or a pronoun flagged `copula`: "they're") and before
 *           another word: dropped, as are more such adverbs after it ("are
 *           really truly evil"), one set off by commas with its commas
 *           ("are, frankly, really evil", "are really, frankly, evil").
 *           Not after a negator ("isn't just", "not really": the adverb is
 *           what is denied). An -ly adverb or "just" stays before a
 *           dehumanizing word or a slur ("are basically rats").
 *   det     a determiner right before a group word (an identity noun, an
 *           identity adjective in the plural or before a person or
 *           identity noun: not a slur): dropped, the bare plural stays
 *           ("them Muslims" -> "Muslims").
 *   quant   inside a quantifier: "last"/"single" after "every", before
 *           any word ("every last bullet" says "every bullet"), "each and"
 *           before "every": dropped.
 *   head    a collective noun right after an identity adjective ("lot"),
 *           where it names people (head_of_people: a plural verb after it,
 *           or no singular verb in its clause): written "people".
 * A comment with no filler hit costs one test of each hit's entry index
 * against the fillers' block of entries (dc_hit_next_in, match.c).
 */
#include "decorum_int.h"

#include <stddef.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum {
    ROLE_NONE,
    ROLE_STANCE, /* filler, sense stance */
    ROLE_HEDGE,  /* the same, one word the rules read before a figure: an
                  * -ly adverb or "just" ("are basically rats") */
    ROLE_DET,    /* filler, sense det */
    ROLE_QUANT,  /* filler, sense quant */
    ROLE_HEAD,   /* filler, sense head */
    ROLE_COPULA, /* an affirmative linking verb */
    ROLE_COPRON, /* a pronoun holding one: they're, we're, i'm */
    ROLE_PRONOUN, /* a group pronoun: they, these people */
    ROLE_GROUP,  /* an identity noun: a group word */
    ROLE_ADJ,    /* an identity adjective: a group word, and a head's */
    ROLE_EVERY,  /* the quantifier "every" */
    ROLE_PERSON, /* a person noun: after an identity adjective, a group */
    ROLE_PERSEX, /* the same, naming people by sex or age (sexage: "woman",
                  * "girlfriend"): alone a cue */
    ROLE_FIGURE, /* a dehumanizing word or a slur: a stance adverb before
                  * it stays */
    ROLE_CODE,   /* a code, a dog whistle, a conspiracy's actor or phrase */
    ROLE_NEG,    /* a negator ("not all"): a filler it overlaps stays */
    ROLE_OTHER   /* any other entry that is no function word */
};

struct dc_canon {
    uint8_t *role; /* [n]: ROLE_* of each lexicon entry */
    size_t n;
    const dc_lexicon *lx; /* the engine's, which outlives this */
    /* [flo, flo + fspan): every filler's entry index (the lexicon lists
     * them in one block of grammar.tsv, so few others lie between): the
     * test a hit takes in a comment with none */
    uint32_t flo, fspan;
};


decorum_status dc_canon_new(const dc_alloc *al, const dc_lexicon *lx,
                            dc_canon **out)
{
    dc_canon *c = dc_calloc(al, 1, sizeof *c);
    if (!c)
        return DECORUM_ERR_NOMEM;
    c->n = lx->n;
    c->lx = lx;
    c->role = c->n ? dc_calloc(al, c->n, 1) : NULL;
    if (c->n && !c->role) {
        dc_free(al, c, sizeof *c);
        return DECORUM_ERR_NOMEM;
    }
    for (size_t i = 0; i < lx->n; i++) {
        const dc_entry *e = &lx->entries[i];
        uint8_t r = ROLE_NONE;
        switch (e->kind) {
        case DC_KIND_FILLER:
            switch (DC_SENSE_OF(e->flags)) {
            case DC_SENSE_STANCE:
                r = (e->term_len > 2 && !memchr(e->term, ' ', e->term_len) &&
                     memcmp(e->term + e->term_len - 2, "ly", 2) == 0) ||
                            (e->term_len == 4 && memcmp(e->term, "just", 4) == 0)
                        ? ROLE_HEDGE
                        : ROLE_STANCE;
                break;
            case DC_SENSE_DET: r = ROLE_DET; break;
            case DC_SENSE_QUANT: r = ROLE_QUANT; break;
            case DC_SENSE_HEAD: r = ROLE_HEAD; break;
            default: break;
            }
            break;
        case DC_KIND_COPULA:
            r = ROLE_COPULA;
            break;
        case DC_KIND_PRONOUN_GROUP:
        case DC_KIND_PRONOUN_SELF:
            if (e->flags & DC_F_COPULA)
                r = ROLE_COPRON; /* they're, we're, i'm */
            else if (e->kind == DC_KIND_PRONOUN_GROUP)
                r = ROLE_PRONOUN;
            break;
        case DC_KIND_IDENTITY:
            r = (e->flags & DC_F_ADJ) ? ROLE_ADJ : ROLE_GROUP;
            break;
        case DC_KIND_QUANTIFIER:
            if (e->term_len == 5 && memcmp(e->term, "every", 5) == 0)
                r = ROLE_EVERY;
            break;
        case DC_KIND_DEHUMANIZE:
        case DC_KIND_SLUR:
            r = ROLE_FIGURE;
            break;
        case DC_KIND_CODE:
        case DC_KIND_DOGWHISTLE:
        case DC_KIND_CONSPIRACY:
        case DC_KIND_CONSP_ACTOR:
            r = ROLE_CODE;
            break;
        case DC_KIND_PERSON:
        case DC_KIND_HUMANITY: /* "people" */
            r = (e->flags & DC_F_SEXAGE) ? ROLE_PERSEX : ROLE_PERSON;
            break;
        case DC_KIND_NEGATION:
            r = ROLE_NEG;
            break;
        case DC_KIND_GLUE:
        case DC_KIND_PRONOUN_YOU:
        case DC_KIND_CONJUNCTION:
        case DC_KIND_MODAL:
            break; /* function words, and words a phrase may hold */
        default:
            r = ROLE_OTHER;
            break;
        }
        c->role[i] = r;
        if (e->kind == DC_KIND_FILLER) {
            if (!c->fspan || i < c->flo) {
                c->fspan = c->fspan ? c->fspan + (c->flo - (uint32_t)i) : 1;
                c->flo = (uint32_t)i;
            } else if (i >= c->flo + c->fspan) {
                c->fspan = (uint32_t)i - c->flo + 1;
            }
        }
    }
    *out = c;
    return DECORUM_OK;
}

void dc_canon_fillers(const dc_canon *c, uint32_t *lo, uint32_t *span)
{
    *lo = c->flo;
    *span = c->fspan;
}

void dc_canon_free(const dc_alloc *al, dc_canon *c)
{
    if (!c)
        return;
    dc_free(al, c->role, c->n);
    dc_free(al, c, sizeof *c);
}

static inline unsigned role_of(const dc_canon *c, const dc_hit *h)
{
    return h->entry < c->n ? c->role[h->entry] : ROLE_NONE;
}

/* Does a hit of role want (or, with adj_too, ROLE_ADJ as well) end at byte
 * p? Hits are sorted by begin: those ending at p begin before it, a
 * word's length back at most (a linking phrase, "seem to be", a pronoun,
 * "they're", an identity adjective). i is the filler's index. */
static bool ends_at(const dc_canon *c, const dc_hitvec *hv, size_t i,
                    uint32_t p, unsigned want, bool adj_too)
{
    for (size_t j = i; j-- > 0;) {
        const dc_hit *h = &hv->v[j];
        if (h->begin + 48 < p)
            break;
        if (h->end != p)
            continue;
        unsigned r = role_of(c, h);
        if (r == want || (adj_too && r == ROLE_ADJ) ||
            (want == ROLE_COPULA && r == ROLE_COPRON))
            return true;
    }
    return false;
}

/* Does a hit of role want begin at byte q? With adj_too, an identity
 * adjective counts too when a person noun or an identity noun begins at
 * the next word ("them black people", "all these trans women"), and
 * in the plural ("them Somalis", the entry "somali" with its "s"): an
 * adjective alone is a group only after a determiner ("these black 🐒",
 * "the Chinese can"), which then stays. */
static bool begins_at(const dc_canon *c, const dc_hitvec *hv, size_t i,
                      uint32_t q, unsigned want, bool adj_too)
{
    for (size_t j = i + 1; j < hv->n && hv->v[j].begin <= q; j++) {
        if (hv->v[j].begin != q)
            continue;
        unsigned r = role_of(c, &hv->v[j]);
        if (r == want)
            return true;
        if (adj_too && r == ROLE_ADJ) {
            /* (its plural is a noun: "somalis", "muslims") */
            if (hv->v[j].end - hv->v[j].begin >
                c->lx->entries[hv->v[j].entry].term_len)
                return true;
            uint32_t nx = hv->v[j].end + 1;
            for (size_t k = j + 1; k < hv->n && hv->v[k].begin <= nx; k++) {
                unsigned rk = role_of(c, &hv->v[k]);
                if (hv->v[k].begin == nx &&
                    (rk == ROLE_PERSON || rk == ROLE_PERSEX ||
                     rk == ROLE_GROUP))
                    return true;
            }
        }
    }
    return false;
}

/* Is the filler at i inside a longer hit of another entry that reads its
 * word ("are just the worst", "just what they do", "the lot of them"): the
 * lexicon reads the phrase with the word in it, so it stays. */
static bool held(const dc_canon *c, const dc_hitvec *hv, size_t i)
{
    const dc_hit *f = &hv->v[i];
    for (size_t j = i; j-- > 0;) {
        const dc_hit *h = &hv->v[j];
        if (h->begin + 64 < f->begin)
            break;
        unsigned r = role_of(c, h);
        if ((h->end >= f->end && (h->begin < f->begin || h->end > f->end) &&
             r >= ROLE_FIGURE) ||
            (r == ROLE_NEG && h->end > f->begin)) /* "not all these" */
            return true;
    }
    return false;
}

/* Is ch a byte of a word (a letter, a digit, a non-ASCII byte, or an
 * apostrophe or star inside one)? */
static inline bool word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
           ch >= 0x80 || ch == '\'' || ch == '*';
}

/* Does a dehumanizing word or a slur begin in the three words after byte
 * p, in its clause? */
static bool figure_near(const dc_canon *c, const dc_norm *n,
                        const dc_hitvec *hv, size_t i, uint32_t p)
{
    uint32_t q = p, words = 0;
    while (q < n->len && words < 3) {
        unsigned char ch = (unsigned char)n->text[q];
        if (ch == ' ') {
            words++;
            q++;
            continue;
        }
        if (!word_byte(ch))
            break; /* the clause ends */
        q++;
    }
    for (size_t j = i + 1; j < hv->n && hv->v[j].begin < q; j++)
        if (hv->v[j].begin > p && role_of(c, &hv->v[j]) == ROLE_FIGURE)
            return true;
    return false;
}

/* Is byte p a space followed by a word byte (a letter, a digit, or the
 * start of a non-ASCII character: a word, not punctuation)? */
static inline bool word_after(const dc_norm *n, uint32_t p)
{
    if (p + 1 >= n->len || n->text[p] != ' ')
        return false;
    unsigned char ch = (unsigned char)n->text[p + 1];
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

/* Words that agree with a collective head read as people, in the plural
 * ("the Polish lot are thieves", "that lot don't work"), and words that
 * agree with one read as a thing, in the singular: a parking lot, a plot
 * or an auction lot ("the Mexican lot is full of trash", "the Korean lot
 * across the street has cheap parking"). */
static const char *const head_plural[] = {
    "are",    "were",    "r",      "have",   "do",     "don't", "dont",
    "aren't", "arent",   "weren't", "werent", "haven't", "havent"};
static const char *const head_singular[] = {
    "is",    "was",   "has",    "isn't", "isnt",    "wasn't",
    "wasnt", "hasn't", "hasnt", "does",  "doesn't", "doesnt", "of"};

/* Is the head filler at i ("lot") the people of the identity adjective
 * right before it? Not in the plural ("the Mexican lots"), not after "a"
 * or "an" ("a Japanese lot of stamps"), not before "of" ("an African lot
 * of records"); where a plural verb follows it, yes; where a singular
 * verb follows in its clause (eight words at most), no; else yes ("the
 * Somali lot in the tower blocks breed like cockroaches", "stop letting
 * the trans lot join the choir"). */
static bool head_of_people(const dc_canon *c, const dc_norm *n,
                           const dc_hitvec *hv, size_t i)
{
    const dc_hit *f = &hv->v[i];
    uint32_t b = f->begin, e = f->end;
    if (b < 2 || e - b != c->lx->entries[f->entry].term_len ||
        !ends_at(c, hv, i, b - 1, ROLE_ADJ, false))
        return false;
    /* the word before the adjective */
    uint32_t pe = b - 1;
    while (pe > 0 && word_byte((unsigned char)n->text[pe - 1]))
        pe--;
    while (pe > 0 && n->text[pe - 1] == ' ')
        pe--;
    uint32_t pb = pe;
    while (pb > 0 && word_byte((unsigned char)n->text[pb - 1]))
        pb--;
    if ((pe - pb == 1 && n->text[pb] == 'a') ||
        (pe - pb == 2 && memcmp(n->text + pb, "an", 2) == 0))
        return false;
    /* the words after it (word_after holds), to its clause's end */
    uint32_t q = e;
    for (int w = 0; w < 8 && q + 1 < n->len && n->text[q] == ' '; w++) {
        uint32_t qe = ++q;
        while (qe < n->len && word_byte((unsigned char)n->text[qe]))
            qe++;
        if (qe == q)
            break;
        if (w == 0 && dc_word_in(n->text + q, qe - q, head_plural,
                                 sizeof head_plural / sizeof *head_plural))
            return true;
        if (dc_word_in(n->text + q, qe - q, head_singular,
                       sizeof head_singular / sizeof *head_singular) &&
            (w == 0 || qe - q != 2 || memcmp(n->text + q, "of", 2) != 0))
            return false;
        q = qe;
    }
    return true;
}

/* Is a stance adverb set off by commas right after byte p (", frankly,"
 * and a word)? Its end, or 0. */
static uint32_t paren_after(const dc_canon *c, const dc_norm *n,
                            const dc_hitvec *hv, size_t i, uint32_t p)
{
    if (p + 2 >= n->len || n->text[p] != ',' || n->text[p + 1] != ' ')
        return 0;
    for (size_t j = i + 1; j < hv->n && hv->v[j].begin <= p + 2; j++) {
        const dc_hit *h = &hv->v[j];
        unsigned r = role_of(c, h);
        if (h->begin == p + 2 && (r == ROLE_STANCE || r == ROLE_HEDGE) &&
            h->end + 1 < n->len && n->text[h->end] == ',' &&
            word_after(n, h->end + 1))
            return h->end;
    }
    return 0;
}

/* The roles of fillers, and of the words that make a comment one whose
 * stance adverbs (the commonest fillers: "it's really good") are worth a
 * second match, as its canonical text may change its verdict: a group word, a slur or a
 * dehumanizing word, a group pronoun ("they are basically animals"), a
 * person noun of sex or age ("every last woman is a liar"; not "people",
 * which says nothing of whom), a code or a conspiracy's
 * actor ("the globalists own every last bank"). A
 * comment with none (most: "this is really good") is read as written, and
 * no second match is paid for it. */
#define BIT(r) (1u << (r))
#define FILLERS (BIT(ROLE_STANCE) | BIT(ROLE_HEDGE) | BIT(ROLE_DET) | \
                 BIT(ROLE_QUANT) | BIT(ROLE_HEAD))
#define CUES (BIT(ROLE_GROUP) | BIT(ROLE_ADJ) | BIT(ROLE_FIGURE) | \
              BIT(ROLE_PRONOUN) | BIT(ROLE_COPRON) | BIT(ROLE_CODE) | \
              BIT(ROLE_PERSEX))

size_t dc_canon_edits(const dc_canon *c, const dc_norm *n,
                      const dc_hitvec *hv, dc_edit *ed, size_t cap)
{
    const uint32_t flo = c->flo, fspan = c->fspan;
    const dc_hit *const v = hv->v;
    const size_t nh = hv->n;
    size_t ne = 0;
    uint32_t chain = UINT32_MAX; /* end of the last stance adverb dropped */
    bool stance_only = true;     /* every edit taken drops a stance adverb */
    for (size_t i = 0;; i++) {
        /* most hits are no filler's: one test (their entries' block) */
        i = dc_hit_next_in(v, nh, i, flo, fspan);
        if (i == nh)
            break;
        const dc_hit *f = &v[i];
        unsigned r = role_of(c, f);
        if (!(BIT(r) & FILLERS))
            continue;
        uint32_t b = f->begin, e = f->end;
        /* a whole word or phrase with a word after it; for a stance
         * adverb one space before it too (it follows a linking verb), or
         * set off by commas ("are, frankly, animals") */
        bool stance = r == ROLE_STANCE || r == ROLE_HEDGE;
        bool paren = false;
        uint32_t pend = 0; /* the end of a set-off adverb right after it */
        if (e > n->len || (b > 0 && word_byte((unsigned char)n->text[b - 1])))
            continue;
        if (!word_after(n, e)) {
            paren = stance && e + 1 < n->len && n->text[e] == ',' &&
                    word_after(n, e + 1) && b > 2 && n->text[b - 1] == ' ' &&
                    n->text[b - 2] == ',';
            if (!paren && stance && b > 1 && n->text[b - 1] == ' ')
                pend = paren_after(c, n, hv, i, e);
            if (!paren && !pend)
                continue;
        }
        bool take = false;
        const char *rep = NULL;
        uint32_t rep_len = 0;
        if (paren) {
            /* ", frankly," goes, the space before the predicate stays;
             * after an adverb dropped before it ("are really, frankly,
             * X"), the space after it goes too */
            bool chained = b - 2 == chain;
            if (!chained && !ends_at(c, hv, i, b - 2, ROLE_COPULA, false))
                continue;
            if (held(c, hv, i))
                continue;
            dc_edit x = {b - 2, chained ? e + 2 : e + 1, NULL, 0};
            if (ne && x.b < ed[ne - 1].e)
                continue;
            if (ne == cap)
                break;
            ed[ne++] = x;
            chain = e + 1; /* "are, frankly, really X" */
            continue;
        }
        if (pend) {
            /* an adverb before one set off by commas ("are really,
             * frankly, X"): it goes, its comma with the other's */
            if (!(b - 1 == chain ||
                  ends_at(c, hv, i, b - 1, ROLE_COPULA, false)) ||
                (r == ROLE_HEDGE && figure_near(c, n, hv, i, pend + 1)) ||
                held(c, hv, i))
                continue;
            dc_edit x = {b, e, NULL, 0};
            if (ne && !ed[ne - 1].rep && x.b <= ed[ne - 1].e) {
                if (x.e > ed[ne - 1].e)
                    ed[ne - 1].e = x.e;
            } else if (ne && x.b < ed[ne - 1].e) {
                continue;
            } else {
                if (ne == cap)
                    break;
                ed[ne++] = x;
            }
            chain = e;
            continue;
        }
        switch (r) {
        case ROLE_STANCE:
        case ROLE_HEDGE:
            /* (before a dehumanizing word or a slur the rules read the
             * adverb: the hedge of a likeness, "are basically rats", and
             * a slur's predicate, "is just peak d... culture", which says
             * the word of a thing) */
            take = b > 1 && n->text[b - 1] == ' ' &&
                   (b - 1 == chain ||
                    ends_at(c, hv, i, b - 1, ROLE_COPULA, false)) &&
                   !(r == ROLE_HEDGE && figure_near(c, n, hv, i, e) &&
                     /* (the last of several: "are just basically rats") */
                     !begins_at(c, hv, i, e + 1, ROLE_HEDGE, false) &&
                     !begins_at(c, hv, i, e + 1, ROLE_STANCE, false));
            if (take)
                chain = e;
            break;
        case ROLE_DET:
            /* (a group word, not an emoji after a pronoun: "either us or
             * them ☪️", "understand them 🇲🇽") */
            take = n->text[e + 1] >= 'a' && n->text[e + 1] <= 'z' &&
                   begins_at(c, hv, i, e + 1, ROLE_GROUP, true);
            break;
        case ROLE_QUANT:
            /* "each and every"; "every last X", "every single X", of
             * people or of anything ("every last bullet", "every single
             * election"): the intensifier says "every" */
            take = begins_at(c, hv, i, e + 1, ROLE_EVERY, false) ||
                   (b > 1 && n->text[b - 1] == ' ' &&
                    ends_at(c, hv, i, b - 1, ROLE_EVERY, false));
            break;
        case ROLE_HEAD:
            take = head_of_people(c, n, hv, i);
            rep = "people";
            rep_len = 6;
            break;
        default:
            break;
        }
        if (!take || held(c, hv, i))
            continue;
        stance_only &= r == ROLE_STANCE || r == ROLE_HEDGE;
        /* Dropped with the space after it; replaced without. Overlapping
         * fillers ("all them", "them") join. */
        dc_edit x = {b, rep ? e : e + 1, rep, rep_len};
        if (ne && !ed[ne - 1].rep && !rep && x.b <= ed[ne - 1].e) {
            if (x.e > ed[ne - 1].e)
                ed[ne - 1].e = x.e;
            continue;
        }
        if (ne && x.b < ed[ne - 1].e)
            continue; /* inside a replacement: keep the first */
        if (ne == cap)
            break;
        ed[ne++] = x;
    }
    if (!ne || !stance_only)
        return ne;
    /* a stance adverb, the commonest filler, only in a comment with a
     * cue: the roles present, one pass without a branch a hit */
    unsigned seen = 0;
    const uint8_t *role = c->role;
    const size_t nr = c->n;
    for (size_t i = 0; i < hv->n; i++) {
        uint32_t en = hv->v[i].entry;
        seen |= BIT(en < nr ? role[en] : ROLE_NONE);
    }
    return seen & CUES ? ne : 0;
}
