/*
 * split.c: split spellings of slurs, a space or a few symbols put inside
 * the word so that a filter misses it: "ki ke", "fa ggots", "n ig ger",
 * "sp-ic". The matcher (match.c) asks here when the word pass meets a
 * fragment that may be part of one (a *trigger*, below); this module
 * holds what was worked out once at load from the lexicon and the list of
 * common English words (data/split/common_words.txt, made by
 * tools/split_words.py; docs/MATCH.md, "Split spellings").
 *
 * Two or three adjacent fragments are joined only when
 *   - their concatenation is a *form* of a split slur: a slur entry of
 *     4+ letters a-z, severity 2 or 3, not `ambiguous` (strong evidence
 *     only), or its plural (+s, or +es after s x z ch sh);
 *   - at least one fragment is no common word ("go ok" and "wet back"
 *     stay apart; "sp ic" is joined), a plural's singular counting as the
 *     word ("curry munchers");
 *   - they are not a slur or its form and a plural ending ("kike s" is
 *     the slur kike and a stray s, found as kike already; "nig ger" is
 *     joined);
 *   - they are not a slur phrase of the lexicon, spelled with single
 *     spaces or hyphens as the entry is ("ching chong", "jew-boy" are
 *     entries; "ching_chong" is joined);
 *   - the gaps are 1 to 3 bytes of " .-_|/\~+^=#", fragments are runs of
 *     a-z of at most 15 bytes, next to ' or '*' only at a word's edge
 *     (see fragment_ok()).
 * A trigger is a fragment of such a join that is neither a common word
 * nor a form: rare in ordinary text, so the word pass looks only around
 * them (match.c makes them keys of its word hash, HV_TRIG, and asks
 * dc_split_find). A join is reported by the first trigger in it, once.
 */
#include "decorum_int.h"

#include <string.h>

#define SF_WORD 0x01u /* a common English word */
#define SF_SLUR 0x02u /* a slur term (any) */
#define SF_FORM 0x04u /* a form of a split slur: entries in ent[] */
#define SF_TRIG 0x08u /* a trigger fragment */

#define FORM_MAX 31 /* longest form, bytes */
#define FRAG_MAX 15 /* longest fragment, bytes (the memo's words) */
#define ENTS_MAX 4  /* entries of one form kept (more: dropped) */

typedef struct sslot {
    char k[FORM_MAX + 1]; /* the string, NUL-padded */
    uint8_t len;          /* 0: free slot */
    uint8_t flags;        /* SF_* */
    uint8_t nent;
    uint8_t pad;
    uint32_t pcuts, hcuts;   /* a slur phrase's cuts (SF_FORM): bit c =
                              * a space (a hyphen) after c letters */
    uint32_t ent[ENTS_MAX];  /* lexicon entries of the form (SF_FORM) */
    /* SF_TRIG: bit c - 'a' set if a fragment ending (starting) with c may
     * come before (after) it in a join: most triggers met in text have
     * neither, and dc_split_find stops there. */
    uint32_t prevc, nextc;
} sslot;

/* dc_splits.tab is sslot[cap], cap a power of 2, at most half full. */
#define TAB(sp) ((sslot *)(sp)->tab)

/* A slot's home: FNV-1a, its high bits folded down into the low ones
 * that pick the slot. */
static uint64_t str_hash(const char *s, size_t len)
{
    uint64_t h = dc_fnv1a64(DC_FNV_BASIS, s, len);
    return h ^ h >> 29;
}

static const sslot *find(const dc_splits *sp, const char *s, size_t len)
{
    if (len == 0 || len > FORM_MAX)
        return NULL;
    if (!sp->cap)
        return NULL;
    size_t mask = sp->cap - 1;
    for (size_t i = (size_t)str_hash(s, len) & mask;; i = (i + 1) & mask) {
        const sslot *e = &TAB(sp)[i];
        if (!e->len)
            return NULL;
        if (e->len == len && memcmp(e->k, s, len) == 0)
            return e;
    }
}

static unsigned flags_of(const dc_splits *sp, const char *s, size_t len)
{
    const sslot *e = find(sp, s, len);
    return e ? e->flags : 0;
}

static decorum_status grow(const dc_alloc *al, dc_splits *sp)
{
    size_t cap = sp->cap ? sp->cap * 2 : 1024;
    sslot *tab = dc_calloc(al, cap, sizeof *tab);
    if (!tab)
        return DECORUM_ERR_NOMEM;
    for (size_t j = 0; j < sp->cap; j++) {
        const sslot *e = &TAB(sp)[j];
        if (!e->len)
            continue;
        size_t i = (size_t)str_hash(e->k, e->len) & (cap - 1);
        while (tab[i].len)
            i = (i + 1) & (cap - 1);
        tab[i] = *e;
    }
    dc_free(al, sp->tab, sp->cap * sizeof(sslot));
    sp->tab = tab;
    sp->cap = cap;
    return DECORUM_OK;
}

/* The slot of s (made if new), or NULL when out of memory. */
static sslot *put(const dc_alloc *al, dc_splits *sp, const char *s,
                  size_t len)
{
    if ((sp->used + 1) * 2 > sp->cap && grow(al, sp) != DECORUM_OK)
        return NULL;
    size_t mask = sp->cap - 1;
    size_t i = (size_t)str_hash(s, len) & mask;
    for (; TAB(sp)[i].len; i = (i + 1) & mask)
        if (TAB(sp)[i].len == len && memcmp(TAB(sp)[i].k, s, len) == 0)
            return &TAB(sp)[i];
    sslot *e = &TAB(sp)[i];
    memcpy(e->k, s, len);
    e->len = (uint8_t)len;
    sp->used++;
    return e;
}

static bool az(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    return len > 0;
}

/* Does the word w[0, len) take "es" for its plural: after s, x, z, ch
 * and sh only ("nies" is no plural of "ni")? */
static bool takes_es(const char *w, size_t len)
{
    char z = len ? w[len - 1] : 0;
    return z == 's' || z == 'x' || z == 'z' ||
           (z == 'h' && len > 1 && (w[len - 2] == 'c' || w[len - 2] == 's'));
}

/* Is the fragment f[0, len) a common word (or the plural of one)? */
static bool common(const dc_splits *sp, const char *f, size_t len)
{
    if (flags_of(sp, f, len) & SF_WORD)
        return true;
    if (len > 2 && f[len - 1] == 's' &&
        (flags_of(sp, f, len - 1) & SF_WORD))
        return true;
    if (len < 5 || f[len - 2] != 'e' || f[len - 1] != 's')
        return false;
    return takes_es(f, len - 2) && (flags_of(sp, f, len - 2) & SF_WORD);
}

/* A fragment that makes the word pass look for a join: no common word
 * (is_common: common()'s answer for it), nor a form of a split slur
 * ("kike" is found as itself, and frequent in the data: it would make
 * every occurrence look). A shorter slur ("nig", "fag") may be one: "nig
 * ger". */
static bool trigger_given(const dc_splits *sp, const char *f, size_t len,
                          bool is_common)
{
    return !is_common && !(flags_of(sp, f, len) & SF_FORM);
}

/* trigger_given, with common() asked here. */
static bool trigger_like(const dc_splits *sp, const char *f, size_t len)
{
    return trigger_given(sp, f, len, common(sp, f, len));
}

/* Is some fragment of the form fo, cut into nf fragments at cut[0..nf-2]
 * (cut[k]: the bytes before fragment k + 1), no common word? */
static bool some_rare(const dc_splits *sp, const sslot *fo, const size_t *cut,
                      size_t nf)
{
    size_t b = 0;
    for (size_t k = 0; k < nf; k++) {
        size_t e = k + 1 < nf ? cut[k] : fo->len;
        if (e > b && !common(sp, fo->k + b, e - b))
            return true;
        b = e;
    }
    return false;
}

/* May the form fo, cut as in some_rare(), with gaps all one space (sep
 * ' '), all one hyphen ('-') or else (0), be joined, rare being
 * some_rare()'s answer? See the file's comment. */
static bool joinable(const dc_splits *sp, const sslot *fo, const size_t *cut,
                     size_t nf, char sep, bool rare)
{
    size_t b = 0;
    uint32_t cuts = 0;
    for (size_t k = 0; k < nf; k++) {
        size_t e = k + 1 < nf ? cut[k] : fo->len;
        if (e <= b || e - b > FRAG_MAX)
            return false;
        if (k + 1 < nf)
            cuts |= 1u << e;
        b = e;
    }
    if (!rare || (sep == ' ' && cuts == fo->pcuts) ||
        (sep == '-' && cuts == fo->hcuts))
        return false;
    /* "kike s": the slur and a stray plural ending, found as the slur. */
    size_t tail = fo->len - cut[nf - 2];
    return !((tail == 1 && fo->k[fo->len - 1] == 's') ||
             (tail == 2 && memcmp(fo->k + fo->len - 2, "es", 2) == 0)) ||
           !(flags_of(sp, fo->k, cut[nf - 2]) & (SF_SLUR | SF_FORM));
}

/* Marks the triggers of the join of fo cut at cut[] into nf fragments,
 * if it may be joined. */
static decorum_status mark_triggers(dc_splits *sp, const dc_alloc *al,
                                    const sslot *fo, const size_t *cut,
                                    size_t nf)
{
    if (!joinable(sp, fo, cut, nf, 0, some_rare(sp, fo, cut, nf)))
        return DECORUM_OK;
    size_t b = 0;
    for (size_t k = 0; k < nf; k++) {
        size_t e = k + 1 < nf ? cut[k] : fo->len;
        if (trigger_like(sp, fo->k + b, e - b)) {
            char f[FRAG_MAX];
            memcpy(f, fo->k + b, e - b); /* fo may move when sp grows */
            sslot *x = put(al, sp, f, e - b);
            if (!x)
                return DECORUM_ERR_NOMEM;
            x->flags |= SF_TRIG;
            if (b > 0)
                x->prevc |= 1u << (fo->k[b - 1] - 'a');
            if (k + 1 < nf)
                x->nextc |= 1u << (fo->k[e] - 'a');
        }
        b = e;
    }
    return DECORUM_OK;
}

static decorum_status add_form(const dc_alloc *al, dc_splits *sp,
                               const char *s, size_t len, uint32_t ent)
{
    if (len > FORM_MAX)
        return DECORUM_OK;
    sslot *e = put(al, sp, s, len);
    if (!e)
        return DECORUM_ERR_NOMEM;
    e->flags |= SF_FORM;
    for (unsigned k = 0; k < e->nent; k++)
        if (e->ent[k] == ent)
            return DECORUM_OK;
    if (e->nent < ENTS_MAX)
        e->ent[e->nent++] = ent;
    return DECORUM_OK;
}

static bool split_slur(const dc_entry *e)
{
    return e->kind == DC_KIND_SLUR && e->term_len >= 4 &&
           e->term_len <= FORM_MAX - 2 && e->severity >= 2 &&
           !(e->flags & DC_F_AMBIGUOUS) && az(e->term, e->term_len);
}

decorum_status dc_splits_new(const dc_alloc *al, const dc_lexicon *lx,
                             const char *words, size_t words_len,
                             dc_splits *sp)
{
    memset(sp, 0, sizeof *sp);
    decorum_status st = DECORUM_ERR_NOMEM;
    char buf[FORM_MAX + 1];
    /* The common words: one a line, '#' lines are comments. */
    for (size_t i = 0; i < words_len;) {
        size_t j = i;
        while (j < words_len && words[j] != '\n')
            j++;
        size_t len = j;
        while (len > i && (words[len - 1] == '\r' || words[len - 1] == ' '))
            len--;
        if (len > i && len - i <= FORM_MAX && words[i] != '#' &&
            az(words + i, len - i)) {
            sslot *e = put(al, sp, words + i, len - i);
            if (!e)
                goto fail;
            e->flags |= SF_WORD;
        }
        i = j + 1;
    }
    for (size_t x = 0; x < lx->n; x++) {
        const dc_entry *e = &lx->entries[x];
        if (e->kind != DC_KIND_SLUR || e->term_len > FORM_MAX)
            continue;
        const char *t = e->term;
        size_t L = e->term_len;
        if (az(t, L)) {
            sslot *s = put(al, sp, t, L);
            if (!s)
                goto fail;
            s->flags |= SF_SLUR;
        }
        if (!split_slur(e))
            continue;
        memcpy(buf, t, L);
        if ((st = add_form(al, sp, buf, L, (uint32_t)x)) != DECORUM_OK)
            goto fail;
        bool es = takes_es(t, L);
        if (L > 3 && memcmp(t + L - 3, "ies", 3) == 0)
            continue; /* already a plural */
        if (es) {
            memcpy(buf + L, "es", 2);
            st = add_form(al, sp, buf, L + 2, (uint32_t)x);
        } else {
            buf[L] = 's';
            st = add_form(al, sp, buf, L + 1, (uint32_t)x);
        }
        if (st != DECORUM_OK)
            goto fail;
    }
    /* Slur phrases ("ching chong", "ching-chong"): the cuts where their
     * forms, spelled with single spaces or hyphens, are the phrase's
     * entry, which the matcher finds (with its own reason). */
    for (size_t x = 0; x < lx->n; x++) {
        const dc_entry *e = &lx->entries[x];
        if (e->kind != DC_KIND_SLUR || e->term_len > FORM_MAX + 2)
            continue;
        char sep = memchr(e->term, ' ', e->term_len)   ? ' '
                   : memchr(e->term, '-', e->term_len) ? '-'
                                                       : 0;
        if (!sep)
            continue;
        size_t L = 0;
        uint32_t cuts = 0;
        bool ok = true;
        for (size_t i = 0; i < e->term_len && ok; i++) {
            if (e->term[i] == sep)
                cuts |= 1u << L;
            else if (e->term[i] >= 'a' && e->term[i] <= 'z' && L < FORM_MAX - 2)
                buf[L++] = e->term[i];
            else
                ok = false;
        }
        static const char *const suf[] = {"", "s", "es"};
        for (int k = 0; k < 3 && ok; k++) {
            size_t sl = strlen(suf[k]);
            memcpy(buf + L, suf[k], sl);
            sslot *s = (sslot *)find(sp, buf, L + sl);
            if (s && (s->flags & SF_FORM))
                *(sep == ' ' ? &s->pcuts : &s->hcuts) = cuts;
        }
    }
    /* The triggers: every way of cutting every form into two or three
     * fragments. The forms are copied out first: marking a trigger may
     * grow the table. */
    size_t nforms = 0;
    for (size_t i = 0; i < sp->cap; i++)
        nforms += (TAB(sp)[i].flags & SF_FORM) != 0;
    sslot *forms = nforms ? dc_calloc(al, nforms, sizeof *forms) : NULL;
    if (nforms && !forms)
        goto fail;
    for (size_t i = 0, k = 0; i < sp->cap; i++)
        if (TAB(sp)[i].flags & SF_FORM)
            forms[k++] = TAB(sp)[i];
    st = DECORUM_OK;
    for (size_t f = 0; f < nforms && st == DECORUM_OK; f++) {
        const sslot *fo = &forms[f];
        for (size_t c = 1; c < fo->len && st == DECORUM_OK; c++) {
            size_t cut[2] = {c, 0};
            st = mark_triggers(sp, al, fo, cut, 2);
            for (size_t c2 = c + 1; c2 < fo->len && st == DECORUM_OK; c2++) {
                cut[1] = c2;
                st = mark_triggers(sp, al, fo, cut, 3);
            }
        }
    }
    dc_free(al, forms, nforms * sizeof *forms);
    if (st != DECORUM_OK)
        goto fail;
    return DECORUM_OK;
fail:
    dc_splits_free(al, sp);
    return DECORUM_ERR_NOMEM;
}

void dc_splits_free(const dc_alloc *al, dc_splits *sp)
{
    if (!sp)
        return;
    dc_free(al, sp->tab, sp->cap * sizeof(sslot));
    memset(sp, 0, sizeof *sp);
}

size_t dc_split_slot_size(void)
{
    return sizeof(sslot);
}

bool dc_splits_ok(const dc_splits *sp, size_t n_entries)
{
    if (!sp->tab)
        return sp->cap == 0;
    if (sp->cap < 2 || (sp->cap & (sp->cap - 1)) || sp->used >= sp->cap)
        return false;
    size_t used = 0;
    for (size_t i = 0; i < sp->cap; i++) {
        const sslot *e = &TAB(sp)[i];
        if (!e->len)
            continue;
        used++;
        if (e->len > FORM_MAX || e->nent > ENTS_MAX || e->k[FORM_MAX])
            return false;
        for (unsigned k = 0; k < e->nent; k++)
            if (e->ent[k] >= n_entries)
                return false;
    }
    return used == sp->used; /* and so a free slot ends every probe */
}

bool dc_split_trigger_at(const dc_splits *sp, size_t i, const char **s,
                         size_t *len)
{
    const sslot *e = &TAB(sp)[i];
    *s = e->k;
    *len = e->len;
    return e->len && (e->flags & SF_TRIG);
}

static bool gap_byte(unsigned char c)
{
    return c == ' ' || c == '.' || c == '-' || c == '_' || c == '|' ||
           c == '/' || c == '\\' || c == '~' || c == '+' || c == '^' ||
           c == '=' || c == '#';
}

/* The matcher's word bytes (A-Z too, which normalized text has not). */
static bool word_byte(unsigned char c)
{
    return dc_word_tab[c] != 0;
}

/* A fragment: a run t[b, e) of a-z of at most FRAG_MAX bytes between
 * bytes that are no word bytes. A ' or '*' next to it joins it to more of
 * a word (don't, f*ck) unless it stands at the edge of one: an opening
 * quote or '*' ('ki kes', *sp ic*), a closing one, or a possessive 's
 * (ki ke's). t[-1] is readable. */
static bool fragment_ok(const unsigned char *t, size_t n, size_t b, size_t e)
{
    if (e <= b || e - b > FRAG_MAX || !az((const char *)t + b, e - b))
        return false;
    unsigned char before = (t - 1)[b], after = e < n ? t[e] : ' ';
    if (word_byte(before) || word_byte(after))
        return false;
    if ((before == '\'' || before == '*') && b >= 2 && word_byte(t[b - 2]))
        return false;
    if ((after == '\'' || after == '*') && e + 1 < n &&
        word_byte(t[e + 1]) &&
        !(after == '\'' && t[e + 1] == 's' &&
          (e + 2 >= n || !word_byte(t[e + 2]))))
        return false;
    return true;
}

/* Where the gap after a fragment ending at e ends: up to 4 gap bytes
 * read (a gap has at most 3). */
static size_t gap_after(const unsigned char *t, size_t n, size_t e)
{
    size_t j = e;
    while (j < n && j - e < 4 && gap_byte(t[j]))
        j++;
    return j;
}

/* Where the gap before a fragment starting at b begins (as gap_after). */
static size_t gap_before(const unsigned char *t, size_t b)
{
    size_t j = b;
    while (j > 0 && b - j < 4 && gap_byte(t[j - 1]))
        j--;
    return j;
}

/* The fragment after the one ending at e, across the gap [e, j) that
 * gap_after() found: *nb, *ne, and *sep: the gap's byte if it is one space
 * or hyphen, else 0. */
static bool next_frag(const unsigned char *t, size_t n, size_t e, size_t j,
                      size_t *nb, size_t *ne, char *sep)
{
    if (j == e || j - e > 3 || j >= n || !word_byte(t[j]))
        return false;
    *sep = j - e == 1 && (t[e] == ' ' || t[e] == '-') ? (char)t[e] : 0;
    *nb = j;
    while (j < n && word_byte(t[j]) && j - *nb <= FRAG_MAX)
        j++;
    *ne = j;
    return fragment_ok(t, n, *nb, *ne);
}

/* The fragment before the one starting at b, across the gap [j, b) that
 * gap_before() found. */
static bool prev_frag(const unsigned char *t, size_t n, size_t b, size_t j,
                      size_t *pb, size_t *pe, char *sep)
{
    if (j == b || b - j > 3 || j == 0 || !word_byte(t[j - 1]))
        return false;
    *sep = b - j == 1 && (t[j] == ' ' || t[j] == '-') ? (char)t[j] : 0;
    *pe = j;
    while (j > 0 && word_byte(t[j - 1]) && *pe - j <= FRAG_MAX)
        j--;
    *pb = j;
    return fragment_ok(t, n, *pb, *pe);
}

size_t dc_split_find(const dc_splits *sp, const unsigned char *t, size_t n,
                     size_t a, size_t i, dc_split_hit *out)
{
    /* The fragments around the trigger t[a, i): fb[w] and fe[w] it, two
     * before and two after where they are; gap[k]: the gap between
     * fragment k and k + 1 (next_frag's sep). com[k]: whether fragment k
     * is a common word, 1 or 0, asked once (-1 until then); the trigger
     * is none (a trigger is no common word nor form, see trigger_like()). */
    size_t fb[5], fe[5];
    bool ok[5] = {false, false, true, false, false};
    signed char com[5] = {-1, -1, 0, -1, -1};
    char gap[4] = {0};
    fb[2] = a;
    fe[2] = i;
    const sslot *tr = find(sp, (const char *)t + a, i - a);
    if (!tr || !(tr->flags & SF_TRIG))
        return 0;
    /* The letters next to it, across a gap, first: a join needs one. */
    size_t jb = gap_before(t, a), ja = gap_after(t, n, i);
    bool before = jb > 0 && jb < a && t[jb - 1] >= 'a' && t[jb - 1] <= 'z' &&
                  ((tr->prevc >> (t[jb - 1] - 'a')) & 1);
    bool after = ja < n && ja > i && t[ja] >= 'a' && t[ja] <= 'z' &&
                 ((tr->nextc >> (t[ja] - 'a')) & 1);
    if (!before && !after)
        return 0;
    if (before && prev_frag(t, n, a, jb, &fb[1], &fe[1], &gap[1])) {
        ok[1] = true;
        if (fb[1] > 0)
            ok[0] = prev_frag(t, n, fb[1], gap_before(t, fb[1]), &fb[0],
                              &fe[0], &gap[0]);
    }
    if (after && next_frag(t, n, i, ja, &fb[3], &fe[3], &gap[2])) {
        ok[3] = true;
        ok[4] = next_frag(t, n, fe[3], gap_after(t, n, fe[3]), &fb[4],
                          &fe[4], &gap[3]);
    }
    /* Windows of two or three fragments holding the trigger. */
    static const uint8_t win[5][2] = {{1, 2}, {2, 3}, {0, 2}, {1, 3}, {2, 4}};
    size_t nh = 0;
    for (int w = 0; w < 5; w++) {
        size_t lo = win[w][0], hi = win[w][1], nf = hi - lo + 1;
        bool all = true;
        char sep = gap[lo];
        for (size_t k = lo; k <= hi; k++)
            all = all && ok[k];
        if (!all)
            continue;
        char s[FORM_MAX + 1];
        size_t len = 0, cut[2];
        bool fits = true;
        for (size_t k = lo; k <= hi && fits; k++) {
            size_t fl = fe[k] - fb[k];
            if (len + fl > FORM_MAX) {
                fits = false;
                break;
            }
            memcpy(s + len, t + fb[k], fl);
            len += fl;
            if (k < hi) {
                cut[k - lo] = len;
                sep = gap[k] == sep ? sep : 0;
            }
        }
        const sslot *fo = fits ? find(sp, s, len) : NULL;
        if (!fo || !(fo->flags & SF_FORM))
            continue;
        bool rare = false;
        for (size_t k = lo; k <= hi; k++) {
            if (com[k] < 0)
                com[k] = common(sp, (const char *)t + fb[k], fe[k] - fb[k]);
            rare = rare || !com[k];
        }
        if (!joinable(sp, fo, cut, nf, sep, rare))
            continue;
        /* Reported by its first trigger only: no fragment before the
         * trigger may be one (common() is asked above for each). */
        bool first = true;
        for (size_t k = lo; k < 2 && first; k++)
            if (trigger_given(sp, (const char *)t + fb[k], fe[k] - fb[k],
                              com[k]))
                first = false;
        if (!first)
            continue;
        out[nh].b = (uint32_t)fb[lo];
        out[nh].e = (uint32_t)fe[hi];
        out[nh].n = fo->nent;
        memcpy(out[nh].ent, fo->ent, sizeof out[nh].ent);
        nh++;
    }
    return nh;
}
