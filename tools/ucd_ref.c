/*
 * ucd_ref.c: stage 1 of the normalizer, one code point at a time, with ICU
 * (see ucd_ref.h and docs/NORMALIZE.md): NFKC with case folding, combining
 * marks stripped, invisible characters removed, Unicode quotes, dashes,
 * spaces and line separators mapped to ASCII, and look-alike letters
 * mapped to ASCII through UTS #39 skeletons.
 */
#include "ucd_ref.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

/* How many ASCII characters get a skeleton in the reverse table. */
#define N_SKEL 62
#define SKEL_MAX 6

/* UTS #39: ICU's spoof checker and the skeletons of a-z, A-Z, 0-9, in that
 * order of preference: a non-ASCII code point whose skeleton equals one of
 * these becomes that character (lower-cased). This is how a Cyrillic
 * letter that looks like "m" becomes "m" although the skeleton of "m" is
 * "rn". */
struct skeletons {
    USpoofChecker *spoof;
    UChar skel[N_SKEL][SKEL_MAX];
    uint8_t skel_len[N_SKEL];
    char skel_char[N_SKEL];
};

struct dc_ucd_ref {
    const UNormalizer2 *nfkc_cf, *nfd, *nfc;
    struct skeletons sk;
};

static unsigned ascii_lower(unsigned c)
{
    return c - 'A' < 26u ? c + 32 : c;
}

/* Code points with a fixed ASCII replacement, looked up before NFKC (which
 * would turn U+2033 into two primes) and again on NFKC's output. Returns 0
 * when cp has none. */
static char fixed_ascii(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: /* ‘ ’ ‚ ‛ */
    case 0x2032: case 0x2035: case 0x2039: case 0x203a: /* ′ ‵ ‹ › */
    case 0x02b9: case 0x02bb: case 0x02bc: case 0x00b4: /* ʹ ʻ ʼ ´ */
    case 0xff07:
        return '\'';
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: /* “ ” „ ‟ */
    case 0x2033: case 0x2036: case 0x00ab: case 0x00bb: /* ″ ‶ « » */
    case 0x301d: case 0x301e: case 0x301f: case 0xff02:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: /* ‐ ‑ ‒ – */
    case 0x2014: case 0x2015: case 0x2212: case 0x2043: /* — ― − ⁃ */
    case 0xfe58: case 0xfe63: case 0xff0d: case 0x2e3a: case 0x2e3b:
        return '-';
    case 0x00a0: case 0x1680: case 0x202f: case 0x205f: case 0x3000:
    case 0x2800: /* braille blank: renders as a space, used as one */
        return ' ';
    case 0x00a1: /* ¡: an exclamation mark, read as "i" where "!" is,
                  * between letters ("k¡kes"); punctuation at a word's
                  * start, as in Spanish ("¡hola!") */
        return '!';
    case 0x1f4b2: /* 💲: a dollar sign, read as "s" where "$" is
                   * ("n1gger💲", "mu💲lim"), not in "💲50" */
        return '$';
    case 0x0085: case 0x2028: case 0x2029:
        return '\n';
    /* Dots used to space letters out: k·i·l·l. */
    case 0x00b7: case 0x0387: case 0x2022: case 0x2027: case 0x2219:
    case 0x22c5: case 0x30fb: case 0xff65:
        return '.';
    default:
        if (cp >= 0x2000 && cp <= 0x200a) /* en quad .. hair space */
            return ' ';
        return 0;
    }
}

/* Letters that text generators and memes use for Latin ones and that
 * neither NFKC nor UTS #39 maps to ASCII: the small capitals of "fancy
 * text" (ᴠᴇʀᴍɪɴ; UTS #39 maps a few, such as ᴠ, and leaves ᴇ ʀ ᴍ ɴ) and the
 * negative circled and squared capitals (🅐, 🅱 in "ni🅱🅱a"). Regional
 * indicators are not here: pairs of them are flags. Returns 0 for any
 * other code point. */
static char letter_alike(uint32_t cp)
{
    /* The copyright and registered signs: a c and an r in a circle,
     * spelled into words with the emoji letters ("s🅿️i©️ks",
     * "r🅴t🅰️®️ds"). */
    if (cp == 0x00a9)
        return 'c';
    if (cp == 0x00ae)
        return 'r';
    if (cp >= 0x1f150 && cp <= 0x1f169) /* 🅐 .. 🅩 */
        return (char)('a' + (cp - 0x1f150));
    if (cp >= 0x1f170 && cp <= 0x1f189) /* 🅰 .. 🆉 */
        return (char)('a' + (cp - 0x1f170));
    /* ᴀ ʙ ᴄ ᴅ ᴇ ꜰ ɢ ʜ ɪ ᴊ ᴋ ʟ ᴍ ɴ ᴏ ᴘ ꞯ ʀ ꜱ ᴛ ᴜ ᴠ ᴡ (no x) ʏ ᴢ */
    static const uint16_t small_caps[26] = {
        0x1d00, 0x0299, 0x1d04, 0x1d05, 0x1d07, 0xa730, 0x0262,
        0x029c, 0x026a, 0x1d0a, 0x1d0b, 0x029f, 0x1d0d, 0x0274,
        0x1d0f, 0x1d18, 0xa7af, 0x0280, 0xa731, 0x1d1b, 0x1d1c,
        0x1d20, 0x1d21, 0,      0x028f, 0x1d22};
    for (int k = 0; cp && k < 26; k++) /* once a code point, at build */
        if (small_caps[k] == cp)
            return (char)('a' + k);
    return 0;
}

/* The squared-word emoji, Latin letters in a box that NFKC leaves alone:
 * read as their letters, in a word ("chi🆖 ch🅾️🆖", "m0️⃣ng0️⃣l0️⃣🆔") or
 * on their own ("not 🆗"). Returns NULL for any other code point. */
static const char *word_alike(uint32_t cp)
{
    switch (cp) {
    case 0x1f191: return "cl";   /* 🆑 */
    case 0x1f192: return "cool"; /* 🆒 */
    case 0x1f193: return "free"; /* 🆓 */
    case 0x1f194: return "id";   /* 🆔 */
    case 0x1f195: return "new";  /* 🆕 */
    case 0x1f196: return "ng";   /* 🆖 */
    case 0x1f197: return "ok";   /* 🆗 */
    case 0x1f198: return "sos";  /* 🆘 */
    case 0x1f199: return "up";   /* 🆙 */
    case 0x1f19a: return "vs";   /* 🆚 */
    case 0x1f51d: return "top";  /* 🔝 */
    default: return NULL;
    }
}

/* Combining marks that are part of spelling in their script (Brahmic vowel
 * signs and viramas, Japanese voicing marks) are kept; everywhere else a
 * non-spacing or enclosing mark is a diacritic or zalgo and is removed. */
static bool keep_mark(uint32_t cp)
{
    return (cp >= 0x0900 && cp < 0x1100) || (cp >= 0x1780 && cp < 0x1800) ||
           (cp >= 0x1b00 && cp < 0x1c80) || cp == 0x3099 || cp == 0x309a ||
           (cp >= 0x11000 && cp < 0x11d00);
}

static bool is_mark(uint32_t cp)
{
    int8_t t = u_charType((UChar32)cp);
    return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK;
}

static bool is_punct(uint32_t cp)
{
    int8_t t = u_charType((UChar32)cp);
    return t == U_DASH_PUNCTUATION || t == U_START_PUNCTUATION ||
           t == U_END_PUNCTUATION || t == U_CONNECTOR_PUNCTUATION ||
           t == U_OTHER_PUNCTUATION || t == U_INITIAL_PUNCTUATION ||
           t == U_FINAL_PUNCTUATION;
}

static bool ascii_alnum(unsigned c)
{
    return (c - 'a' < 26u) || (c - 'A' < 26u) || (c - '0' < 10u);
}

/* Scripts whose letters are read as look-alikes of Latin ones. Arabic,
 * Hebrew, CJK and Indic letters are not: their skeletons would turn an
 * Arabic alef into "l" in ordinary Arabic text. */
static bool skeleton_script(uint32_t x)
{
    UErrorCode ue = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)x, &ue);
    if (U_FAILURE(ue))
        return false;
    switch (sc) {
    case USCRIPT_COMMON: case USCRIPT_INHERITED: case USCRIPT_LATIN:
    case USCRIPT_GREEK: case USCRIPT_CYRILLIC: case USCRIPT_ARMENIAN:
    case USCRIPT_CHEROKEE: case USCRIPT_COPTIC: case USCRIPT_LISU:
    case USCRIPT_CANADIAN_ABORIGINAL:
        return true;
    default:
        return false;
    }
}

static bool latin_or_common(uint32_t x)
{
    UErrorCode ue = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)x, &ue);
    return U_SUCCESS(ue) && (sc == USCRIPT_LATIN || sc == USCRIPT_COMMON);
}

/* Letters of scripts that people also write real words in, where a word
 * is mapped to ASCII only when all its letters can be (see expand()). */
static bool guarded_letter(uint32_t cp)
{
    if (!u_isalpha((UChar32)cp))
        return false;
    UErrorCode ue = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)cp, &ue);
    return U_SUCCESS(ue) && (sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK ||
                             sc == USCRIPT_ARMENIAN);
}

/* Writes the ASCII look-alike of non-ASCII x into out and returns its
 * length, or returns 0 when x has none. Punctuation is left alone so that
 * Spanish "¡" does not become "i". */
static size_t skeleton_ascii(const dc_ucd_ref *r, uint32_t x, char *out)
{
    if (is_punct(x) || !skeleton_script(x))
        return 0;
    const struct skeletons *g = &r->sk;
    UChar in[2], sk[16];
    int32_t n = 0;
    U16_APPEND_UNSAFE(in, n, (UChar32)x);
    UErrorCode ue = U_ZERO_ERROR;
    int32_t ns = uspoof_getSkeleton(g->spoof, 0, in, n, sk, 16, &ue);
    if (U_FAILURE(ue) || ns <= 0)
        return 0;
    for (int k = 0; k < N_SKEL; k++) {
        if (g->skel_len[k] == ns && g->skel[k][0] == sk[0] &&
            memcmp(g->skel[k], sk, (size_t)ns * sizeof *sk) == 0) {
            out[0] = g->skel_char[k];
            return 1;
        }
    }
    /* A Latin letter with a stroke, bar or hook that no decomposition
     * takes off (ø đ ħ ŧ ƒ), and the cent and yen signs: UTS #39 writes
     * the skeleton as the plain letter and combining marks, the marks
     * stage 1 strips from every other letter ("faggøt", "¢hink"). Not
     * for Cyrillic, Greek or Armenian letters (ғ, ҫ): a word of those is
     * mapped only when each has a look-alike of its own (guarded_letter),
     * and a stroke is no look-alike. Not ł: a letter of Polish, in which
     * the lexicon keys a slur, "pedał", that would become English "pedal"
     * (session 61 review). */
    if (ns >= 2 && sk[0] < 0x80 && (unsigned)((sk[0] | 0x20) - 'a') < 26u &&
        x != 0x0141 && x != 0x0142 && latin_or_common(x)) {
        int32_t k = 1;
        while (k < ns && sk[k] >= 0x0300 && sk[k] <= 0x036f)
            k++;
        if (k == ns) {
            out[0] = (char)ascii_lower((unsigned)sk[0]);
            return 1;
        }
    }
    /* A multi-letter ASCII skeleton with no single-letter equivalent (a
     * ligature-like letter): spelled out. */
    if (ns > 4)
        return 0;
    for (int32_t k = 0; k < ns; k++)
        if (sk[k] >= 0x80 || !ascii_alnum(sk[k]))
            return 0;
    for (int32_t k = 0; k < ns; k++)
        out[k] = (char)ascii_lower((unsigned)sk[k]);
    return (size_t)ns;
}

/* Computes stage 1's replacement for the non-ASCII code point cp. Never
 * fails: when ICU does, cp passes through case-folded. */
void dc_ucd_ref_compute(const dc_ucd_ref *r, uint32_t cp, dc_ucd_cp *e)
{
    char enc[4];
    size_t cplen = dc_utf8_encode(cp, enc);
    size_t limit = 4 * cplen < DC_UCD_OUT_MAX ? 4 * cplen : DC_UCD_OUT_MAX;
    int8_t type = u_charType((UChar32)cp);
    e->len = 0;
    e->how = 0;
    e->alt_len = 0;
    e->flags = (U_GET_GC_MASK((UChar32)cp) & (U_GC_L_MASK | U_GC_M_MASK |
                                              U_GC_ND_MASK))
                   ? DC_UCD_WORD
                   : 0;
    char fx = fixed_ascii(cp);
    if (fx) {
        e->out[0] = fx;
        e->len = 1;
        return;
    }
    if (type == U_CONTROL_CHAR || (is_mark(cp) && !keep_mark(cp))) {
        e->how = DC_EV_INVISIBLE;
        return;
    }

    /* NFKC_Casefold also deletes default-ignorable code points: zero-width
     * characters, soft hyphen, variation selectors, bidi controls. */
    UChar a[64], b[64];
    int32_t na = 0;
    U16_APPEND_UNSAFE(a, na, (UChar32)cp);
    UErrorCode ue = U_ZERO_ERROR;
    int32_t nb = unorm2_normalize(r->nfkc_cf, a, na, b, 64, &ue);
    if (U_FAILURE(ue))
        goto passthrough;
    if (nb == 0) {
        e->how = DC_EV_INVISIBLE;
        e->flags |= DC_UCD_WORD;
        return;
    }
    /* Decompose, drop the marks, recompose what is left (Hangul syllables
     * and kept marks must come back together). Most code points (emoji,
     * CJK) neither decompose nor carry a mark: NFKC's output is already
     * NFC, so then both steps would give it back unchanged. */
    bool decomposed = unorm2_quickCheck(r->nfd, b, nb, &ue) != UNORM_YES;
    if (decomposed)
        na = unorm2_normalize(r->nfd, b, nb, a, 64, &ue);
    else
        memcpy(a, b, (size_t)(na = nb) * sizeof *a);
    if (U_FAILURE(ue))
        goto passthrough;
    /* On a mathematical symbol the mark is its meaning: the slash of
     * U+0338 makes "=" into "≠" (NFD splits it so), "∈" into "∉".
     * "Muslims ≠ humans" denies, it does not equate. */
    bool symbol = type == U_MATH_SYMBOL;
    int32_t nd = 0;
    for (int32_t k = 0; k < na;) {
        UChar32 x;
        U16_NEXT(a, k, na, x);
        if (!symbol && is_mark((uint32_t)x) && !keep_mark((uint32_t)x))
            continue;
        U16_APPEND_UNSAFE(b, nd, x);
    }
    if (decomposed || nd != na)
        na = unorm2_normalize(r->nfc, b, nd, a, 64, &ue);
    if (U_FAILURE(ue))
        goto passthrough;

    size_t no = 0, nalt = 0;
    bool alnum = false, skel = false, alt_ok = true;
    for (int32_t k = 0; k < na;) {
        UChar32 x;
        U16_NEXT(a, k, na, x);
        char buf[8], abuf[4];
        size_t nbuf, nabuf;
        const char *w;
        if (x < 0x80) {
            buf[0] = (char)x;
            nbuf = 1;
            alnum |= ascii_alnum((unsigned)x);
        } else if ((buf[0] = fixed_ascii((uint32_t)x)) != 0) {
            nbuf = 1;
        } else if ((buf[0] = letter_alike((uint32_t)x)) != 0) {
            nbuf = 1;
            alnum = true;
            e->flags |= DC_UCD_WORD;
        } else if ((w = word_alike((uint32_t)x)) != NULL) {
            nbuf = strlen(w);
            memcpy(buf, w, nbuf);
            alnum = true;
            e->flags |= DC_UCD_WORD | DC_UCD_SPLIT;
        } else if ((nbuf = skeleton_ascii(r, (uint32_t)x, buf)) != 0 ||
                   /* Lower-case Cyrillic and Greek к м т н κ look like
                    * small capitals, which UTS #39 maps to small-capital
                    * letters; their capitals map to ASCII. */
                   (guarded_letter((uint32_t)x) &&
                    (nbuf = skeleton_ascii(r, (uint32_t)u_toupper(x),
                                           buf)) != 0)) {
            alnum = skel = true;
        } else {
            nbuf = dc_utf8_encode((uint32_t)x, buf);
        }
        if (no + nbuf > limit)
            goto passthrough;
        memcpy(e->out + no, buf, nbuf);
        no += nbuf;
        nabuf = dc_utf8_encode((uint32_t)x, abuf);
        if (nalt + nabuf <= DC_UCD_ALT_MAX)
            memcpy(e->alt + nalt, abuf, nabuf);
        else
            alt_ok = false;
        nalt += nabuf;
    }
    e->len = (uint8_t)no;
    /* An ASCII letter or digit out of a non-ASCII code point is a look-alike
     * (fullwidth, mathematical, Cyrillic, accented); plain case folding of
     * other scripts is not an evasion. */
    e->how = no == 0 ? DC_EV_INVISIBLE : alnum ? DC_EV_CONFUSABLE : 0;
    if (no == 0)
        e->flags |= DC_UCD_WORD;
    if (guarded_letter(cp)) {
        if (!alnum)
            e->flags |= DC_UCD_FOREIGN;
        else if (skel && alt_ok && nalt <= limit) {
            e->flags |= DC_UCD_GUARD;
            e->alt_len = (uint8_t)nalt;
        }
    }
    return;

passthrough:
    cp = (uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
    e->len = (uint8_t)dc_utf8_encode(cp, e->out);
    e->how = 0;
    e->alt_len = 0;
    e->flags &= DC_UCD_WORD;
}

dc_ucd_ref *dc_ucd_ref_open(char *err, size_t errlen)
{
    dc_ucd_ref *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    UErrorCode ue = U_ZERO_ERROR;
    r->nfkc_cf = unorm2_getNFKCCasefoldInstance(&ue);
    r->nfd = unorm2_getNFDInstance(&ue);
    r->nfc = unorm2_getNFCInstance(&ue);
    if (U_SUCCESS(ue))
        r->sk.spoof = uspoof_open(&ue);
    static const char order[] = "abcdefghijklmnopqrstuvwxyz"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int k = 0; k < N_SKEL && U_SUCCESS(ue); k++) {
        UChar in[1] = {(UChar)order[k]};
        int32_t n = uspoof_getSkeleton(r->sk.spoof, 0, in, 1, r->sk.skel[k],
                                       SKEL_MAX, &ue);
        r->sk.skel_len[k] = (uint8_t)n;
        r->sk.skel_char[k] = (char)ascii_lower((unsigned char)order[k]);
    }
    if (U_FAILURE(ue)) {
        snprintf(err, errlen, "ICU: %s", u_errorName(ue));
        dc_ucd_ref_close(r);
        return NULL;
    }
    return r;
}

void dc_ucd_ref_close(dc_ucd_ref *r)
{
    if (!r)
        return;
    if (r->sk.spoof)
        uspoof_close(r->sk.spoof);
    free(r);
}

void dc_ucd_ref_versions(char *buf, size_t n)
{
    UVersionInfo icu, uni;
    char a[U_MAX_VERSION_STRING_LENGTH], b[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(icu);
    u_getUnicodeVersion(uni);
    u_versionToString(icu, a);
    u_versionToString(uni, b);
    snprintf(buf, n, "ICU %s, Unicode %s", a, b);
}
